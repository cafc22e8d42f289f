import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type ApiClient, type ApiResult, type FetchLike, createApiClient, createLoginClient } from '../../shared/api/client';
import type { StaffRole } from '../../shared/domain/enums';
import type { ErrorBody, Mutation, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { ServerOptions } from '../../server/app';
import { buildServer } from '../../server/app';
import { openAttachmentStorage } from '../../server/attachments/attachmentStorage';
import { createAccount } from '../../server/auth/accounts';
import type { Db } from '../../server/db/db';

export const TEST_PASSWORD = 'correct horse battery';

/** A server on a free localhost port, spoken to over real HTTP. */
export interface TestServer {
  app: FastifyInstance;
  baseUrl: string;
  db: Db;
  close(): Promise<void>;
}

/** A test server; attachments go to a fresh folder of its own (removed on close) unless given. */
export async function startTestServer(db: Db, opts: Partial<Omit<ServerOptions, 'db'>> = {}): Promise<TestServer> {
  const own = opts.attachments ? null : await mkdtemp(join(tmpdir(), 'youfu-test-attachments-'));
  const attachments = opts.attachments ?? (await openAttachmentStorage(own!, null));
  const app = await buildServer({ db, ...opts, attachments });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await app.close();
      if (own) await rm(own, { recursive: true, force: true });
    },
  };
}

/** Node's fetch as the shared API client's (shared/api/client.ts): the timeout becomes a signal. */
export const nodeFetch: FetchLike = (url, { timeoutMs, ...init }) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });

/** The route table's client, signed in as `user`. */
export function apiAs(server: TestServer, user: Pick<TestUser, 'token'>): ApiClient {
  return createApiClient({ baseUrl: server.baseUrl, fetch: nodeFetch, token: user.token });
}

export interface HttpResult<T> {
  status: number;
  body: T;
}

export async function http<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

let userSerial = 0;

/** An account plus a signed-in session on it. */
export interface TestUser {
  id: string;
  username: string;
  token: string;
  deviceId: string;
}

export async function createUser(server: TestServer, role: StaffRole, stationCode: string): Promise<TestUser> {
  userSerial += 1;
  const username = `u${userSerial}-${randomUUID().slice(0, 8)}`;
  const account = await createAccount(server.db, { username, name: '测试员', role, stationCode, password: TEST_PASSWORD });
  const deviceId = `device-${randomUUID()}`;
  const login = await createLoginClient({ baseUrl: server.baseUrl, fetch: nodeFetch }).login({
    username,
    password: TEST_PASSWORD,
    deviceId,
  });
  if (!login.ok) throw new Error(`login failed: ${login.error.code} ${login.error.message}`);
  return { id: account.id, username, token: login.value.token, deviceId };
}

export function pushBody(clientId: string, mutations: Mutation[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations, ...over };
}

/** A client's answer as status and body, the way the server sent it (an error as its error body). */
function asHttp<T>(res: ApiResult<T>): HttpResult<T & ErrorBody> {
  if (res.ok) return { status: 200, body: res.value as T & ErrorBody };
  if (res.error.status === null) throw new Error(`no answer: ${res.error.message}`);
  return { status: res.error.status, body: { error: { code: res.error.code, message: res.error.message } } as T & ErrorBody };
}

export async function push(
  server: TestServer,
  user: TestUser,
  clientId: string,
  mutations: Mutation[],
): Promise<HttpResult<PushResponse & ErrorBody>> {
  return asHttp(
    await apiAs(server, user).call('push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations }),
  );
}

export async function pushOk(server: TestServer, user: TestUser, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  const r = await push(server, user, clientId, mutations);
  if (r.status !== 200) throw new Error(`push failed ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function pull(
  server: TestServer,
  user: TestUser,
  cursor: number,
  limit = 1000,
  clientId?: string,
): Promise<HttpResult<PullResponse & ErrorBody>> {
  return asHttp(await apiAs(server, user).call('pull', { cursor, limit, clientId: clientId || undefined }));
}

/** Pulls every page from `cursor`, applying changes to `rows` the way a client does. */
export async function pullAll(
  server: TestServer,
  user: TestUser,
  rows: Map<string, Record<string, unknown>>,
  cursor = 0,
  limit = 1000,
): Promise<number> {
  let c = cursor;
  for (;;) {
    const r = await pull(server, user, c, limit);
    if (r.status !== 200) throw new Error(`pull failed ${r.status}: ${JSON.stringify(r.body)}`);
    for (const ch of r.body.changes) {
      const key = `${ch.table}/${ch.rowId}`;
      if (ch.row === null) rows.delete(key);
      else rows.set(key, ch.row);
    }
    c = r.body.cursor;
    if (!r.body.hasMore) return c;
  }
}
