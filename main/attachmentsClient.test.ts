import { createHash, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationFactory, ST, attachmentFields, recipientFields, visitFields } from '../test/support/fixtures';
import { testBackends } from '../test/support/databases';
import { type TestServer, type TestUser, createUser, pushOk, startTestServer } from '../test/support/serverHarness';
import { type SyncClient, createSyncClient } from './syncClient';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * A TCP relay in front of the server that can cut the line: once `cut(n)` is called, the
 * connection carrying the n-th byte from main is dropped, and every connection after it too,
 * until `heal()`. It also notes each request line and the bytes sent, so a test can tell a
 * resumed upload from a fresh one.
 */
interface CuttingRelay {
  url: URL;
  requests: string[];
  sentBytes(): number;
  cut(afterBytes: number): void;
  heal(): void;
  close(): Promise<void>;
}

async function startCuttingRelay(target: URL): Promise<CuttingRelay> {
  let sent = 0;
  let budget = Infinity;
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('data', (chunk: Buffer) => {
      if (sent + chunk.length > budget) {
        sent = budget;
        client.destroy();
        return;
      }
      sent += chunk.length;
      for (const m of chunk.toString('latin1').matchAll(/^(POST|PATCH|HEAD|GET) (\/api\/v1\/\S*) HTTP\/1\.1$/gm)) {
        requests.push(`${m[1]} ${m[2]}`);
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const addr = relay.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    requests,
    sentBytes: () => sent,
    cut(afterBytes) {
      sent = 0;
      budget = afterBytes;
    },
    heal() {
      sent = 0;
      budget = Infinity;
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}

describe.each(testBackends().filter((b) => b.name === 'pglite'))('main’s attachment client against the server on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let caseworker: TestUser;
  let other: TestUser;
  let factory: MutationFactory;
  let recipientId: string;
  let visitId: string;
  let client: SyncClient;

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db);
    caseworker = await createUser(server, 'caseworker', ST.yuanlingA);
    other = await createUser(server, 'caseworker', ST.nantouA);
    factory = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    recipientId = randomUUID();
    visitId = randomUUID();
    await pushOk(server, caseworker, factory.clientId, [
      factory.upsert('recipients', recipientId, recipientFields(ST.yuanlingA)),
      factory.upsert('visits', visitId, visitFields(recipientId, ST.yuanlingA, caseworker.id)),
    ]);
    client = createSyncClient({ serverUrl: new URL(server.baseUrl), fetch: (url, init) => fetch(url, init), uploadRetryDelays: [] });
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  /** Pushes an attachment row for `bytes` on the visit, as the sync round does before any upload. */
  const attach = async (bytes: Uint8Array): Promise<string> => {
    const id = randomUUID();
    const res = await pushOk(server, caseworker, factory.clientId, [
      factory.upsert(
        'attachments',
        id,
        attachmentFields(recipientId, ST.yuanlingA, { table: 'visits', id: visitId }, bytes, caseworker.id),
      ),
    ]);
    expect(res.results[0]?.status).toBe('applied');
    return id;
  };

  it('uploads a photo the server then holds and serves back byte for byte', async () => {
    const bytes = new Uint8Array(randomBytes(700_000));
    const id = await attach(bytes);
    expect(await client.attachmentStatus(caseworker.token, id)).toEqual({
      ok: true,
      value: { id, original: { arrived: false }, thumb: null },
    });
    expect(await client.downloadAttachment(caseworker.token, { id, part: 'original' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(await client.uploadAttachment(caseworker.token, { attachmentId: id, part: 'original', bytes })).toEqual({
      ok: true,
      value: null,
    });

    expect(await client.attachmentStatus(caseworker.token, id)).toEqual({
      ok: true,
      value: { id, original: { arrived: true }, thumb: null },
    });
    const down = await client.downloadAttachment(caseworker.token, { id, part: 'original' });
    if (!down.ok) throw new Error(down.error.code);
    expect(down.value).toBeInstanceOf(Uint8Array);
    expect(down.value.byteLength).toBe(bytes.byteLength);
    expect(sha(down.value)).toBe(sha(bytes));
  });

  it('after a cut line, the next upload of the part continues from the server’s offset and ends with the right bytes', async () => {
    const bytes = new Uint8Array(randomBytes(1_500_000));
    const id = await attach(bytes);
    const relay = await startCuttingRelay(new URL(server.baseUrl));
    try {
      const viaRelay = createSyncClient({ serverUrl: relay.url, fetch: (url, init) => fetch(url, init), uploadRetryDelays: [] });
      // The line drops partway through the second 512 KiB chunk.
      relay.cut(800_000);
      expect(await viaRelay.uploadAttachment(caseworker.token, { attachmentId: id, part: 'original', bytes })).toMatchObject({
        ok: false,
        error: { code: 'network' },
      });
      expect(relay.requests.filter((r) => r.startsWith('POST '))).toHaveLength(1);
      expect(await client.attachmentStatus(caseworker.token, id)).toMatchObject({ ok: true, value: { original: { arrived: false } } });

      relay.heal();
      expect(await viaRelay.uploadAttachment(caseworker.token, { attachmentId: id, part: 'original', bytes })).toEqual({
        ok: true,
        value: null,
      });
      // No new upload was created: it asked where the old one stood and sent only the rest.
      expect(relay.requests.filter((r) => r.startsWith('POST '))).toEqual([]);
      expect(relay.requests[0]).toMatch(/^HEAD \/api\/v1\/uploads\/\S+$/);
      expect(relay.sentBytes()).toBeLessThan(bytes.byteLength - 400_000);
    } finally {
      await relay.close();
    }

    expect(await client.attachmentStatus(caseworker.token, id)).toMatchObject({ ok: true, value: { original: { arrived: true } } });
    const down = await client.downloadAttachment(caseworker.token, { id, part: 'original' });
    if (!down.ok) throw new Error(down.error.code);
    expect(sha(down.value)).toBe(sha(bytes));
  });

  it('hands on the server’s refusal of bytes that are not the row’s', async () => {
    const declared = new Uint8Array(randomBytes(30_000));
    const id = await attach(declared);
    const forged = new Uint8Array(randomBytes(30_000));
    expect(await client.uploadAttachment(caseworker.token, { attachmentId: id, part: 'original', bytes: forged })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await client.attachmentStatus(caseworker.token, id)).toMatchObject({ ok: true, value: { original: { arrived: false } } });
  });

  it('another station can neither read, ask after, nor write the attachment: forbidden_scope', async () => {
    const bytes = new Uint8Array(randomBytes(20_000));
    const id = await attach(bytes);
    expect(await client.uploadAttachment(caseworker.token, { attachmentId: id, part: 'original', bytes })).toMatchObject({ ok: true });
    expect(await client.downloadAttachment(other.token, { id, part: 'original' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_scope' },
    });
    expect(await client.attachmentStatus(other.token, id)).toMatchObject({ ok: false, error: { code: 'forbidden_scope' } });
    expect(await client.uploadAttachment(other.token, { attachmentId: id, part: 'original', bytes })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_scope' },
    });
  });
});
