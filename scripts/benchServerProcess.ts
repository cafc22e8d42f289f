import { type ChildProcess, fork } from 'node:child_process';
import type { BenchDataManifest, BenchDataSpec } from './benchData';
import {
  type FromServer,
  type HandlerPullResult,
  type LoadAccount,
  type RawReadResult,
  type ToServer,
  isFromServer,
} from './benchServerIpc';

/** The runner's handle on the bench server process (scripts/benchServer.ts). */
export interface BenchServer {
  url: string;
  manifest: BenchDataManifest;
  cached: boolean;
  dataDir: string;
  prepareMs: number;
  rawRead: (prefix: string, limit: number) => Promise<RawReadResult>;
  handlerPull: (username: string, target: number, pageSize: number) => Promise<HandlerPullResult>;
  createAccounts: (prefix: string, count: number, password: string) => Promise<{ accounts: LoadAccount[]; ms: number }>;
  head: () => Promise<number>;
  stop: () => Promise<void>;
}

function request<T extends FromServer['type']>(child: ChildProcess, msg: ToServer, want: T): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown): void => {
      if (!isFromServer(m)) return;
      if (m.type === 'error') {
        cleanup();
        reject(new Error(`bench server: ${m.message}`));
      } else if (m.type === want) {
        cleanup();
        resolve(m as Extract<FromServer, { type: T }>);
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`bench server exited (${code ?? 'signal'})`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(msg);
  });
}

/** The bench server in its own process: the cached PGlite copy of `spec`, or PostgreSQL at `databaseUrl`. */
export async function startBenchServer(spec: BenchDataSpec, databaseUrl?: string): Promise<BenchServer> {
  // tsx as a loader: the server is TypeScript, like the runner.
  const child = fork('scripts/benchServer.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const ready = await request(child, databaseUrl ? { type: 'start', spec, databaseUrl } : { type: 'start', spec }, 'ready');
    return {
      url: ready.url,
      manifest: ready.manifest,
      cached: ready.cached,
      dataDir: ready.dataDir,
      prepareMs: ready.prepareMs,
      rawRead: async (prefix, limit) => (await request(child, { type: 'rawRead', prefix, limit }, 'rawRead')).result,
      handlerPull: async (username, target, pageSize) =>
        (await request(child, { type: 'handlerPull', username, target, pageSize }, 'handlerPull')).result,
      createAccounts: async (prefix, count, password) => {
        const r = await request(child, { type: 'createAccounts', prefix, count, password }, 'createAccounts');
        return { accounts: r.accounts, ms: r.ms };
      },
      head: async () => (await request(child, { type: 'head' }, 'head')).head,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.send({ type: 'stop' } satisfies ToServer);
        }),
    };
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
}
