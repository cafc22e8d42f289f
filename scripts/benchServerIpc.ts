import type { BenchDataManifest, BenchDataSpec } from './benchData';

/** Messages between the bench runner and its server process (scripts/benchServer.ts). */
export type ToServer =
  /** databaseUrl: serve a PostgreSQL database (loaded with `spec` when empty) instead of the cached PGlite copy. */
  | { type: 'start'; spec: BenchDataSpec; databaseUrl?: string }
  | { type: 'createAccounts'; prefix: string; count: number; password: string }
  | { type: 'head' }
  | { type: 'rawRead'; prefix: string; limit: number }
  | { type: 'handlerPull'; username: string; target: number; pageSize: number }
  | { type: 'stop' };

export interface RawReadResult {
  ms: number;
  rows: number;
  /** updated_seq of the last row read: the HTTP pull must have reached the same point. */
  lastSeq: number;
}

export interface HandlerPullResult {
  ms: number;
  changes: number;
  pages: number;
}

/** An account of the load test: a caseworker at a community station of its own. */
export interface LoadAccount {
  username: string;
  stationCode: string;
}

export type FromServer =
  | { type: 'ready'; url: string; manifest: BenchDataManifest; cached: boolean; dataDir: string; prepareMs: number }
  | { type: 'rawRead'; result: RawReadResult }
  | { type: 'handlerPull'; result: HandlerPullResult }
  | { type: 'createAccounts'; accounts: LoadAccount[]; ms: number }
  | { type: 'head'; head: number }
  | { type: 'error'; message: string };

export function isFromServer(m: unknown): m is FromServer {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export function isToServer(m: unknown): m is ToServer {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
