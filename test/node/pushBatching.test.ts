import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_BODY_BYTES } from '../../shared/sync/protocol';
import { createAccount } from '../../server/auth/accounts';
import { createRecipient } from '../../renderer/db/recipientRepository';
import { upsertRows } from '../../renderer/db/repository';
import { countOutbox } from '../../renderer/db/outboxRepository';
import { readSyncStatus } from '../../renderer/sync/engine';
import { testBackends } from '../support/databases';
import { ST, recipientFields, visitFields } from '../support/fixtures';
import { type TestServer, startTestServer } from '../support/serverHarness';
import { type SimClient, serverRows, signInClient } from './syncClient';

const PASSWORD = 'station-pass-1';
const NOTE_CHARS = 5000;

/** A legal visit note of exactly 5,000 Chinese characters (15,000 bytes of UTF-8), different per visit. */
function longNote(i: number): string {
  return `${i}号：${'老人身体尚可，家中整洁，子女每周探望，反映楼道照明不足，已记录并转交社区。'.repeat(200)}`.slice(0, NOTE_CHARS);
}

/**
 * Issue 13, finding 9: a legal outbox larger than the server's body limit. The real engine on
 * fake-indexeddb against a real server over HTTP, on PGlite and PostgreSQL.
 */
describe.each(testBackends())('push batches sized by bytes ($name)', (backend) => {
  let server: TestServer | null = null;
  let drop: (() => Promise<void>) | null = null;
  const clients: SimClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.db.close();
    await server?.close();
    await drop?.();
    server = null;
    drop = null;
  });

  /** A server (optionally behind a lower body limit, as a proxy would be) and one signed-in caseworker. */
  async function setUp(bodyLimit?: number): Promise<{ srv: TestServer; c: SimClient; sent: number[] }> {
    const opened = await backend.open();
    drop = opened.drop;
    const srv = await startTestServer(opened.db, bodyLimit === undefined ? {} : { bodyLimit });
    server = srv;
    const username = `cw-${randomUUID().slice(0, 8)}`;
    await createAccount(srv.db, { username, name: '测试员', role: 'caseworker', stationCode: ST.yuanlingA, password: PASSWORD });
    const c = await signInClient(srv, 'a', username, PASSWORD);
    clients.push(c);
    // The size of every push request body that leaves the engine.
    const sent: number[] = [];
    c.rewritePush = (req) => {
      sent.push(Buffer.byteLength(JSON.stringify(req), 'utf8'));
      return req;
    };
    return { srv, c, sent };
  }

  async function recipientWithVisits(c: SimClient, notes: readonly string[]): Promise<string[]> {
    const rid = randomUUID();
    const fields = recipientFields(ST.yuanlingA);
    // The gender the ID number's 17th digit says (odd: male).
    const gender = Number(String(fields.idNumber).charAt(16)) % 2 === 1 ? 'male' : 'female';
    const created = await createRecipient(c.ctx, { id: rid, ...fields, gender } as Parameters<typeof createRecipient>[1]);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const ids = notes.map(() => randomUUID());
    const rows = notes.map((notes, i) => ({ id: ids[i]!, ...visitFields(rid, ST.yuanlingA, c.ctx.actor.staffId, { notes }) }));
    const written = await upsertRows(c.ctx, 'visits', rows as unknown as Parameters<typeof upsertRows<'visits'>>[2]);
    if (!written.ok) throw new Error(JSON.stringify(written.error));
    return ids;
  }

  async function serverVisitNotes(srv: TestServer): Promise<Map<string, string>> {
    const rows = await serverRows(srv, ST.yuanlingA, ['visits']);
    return new Map([...rows.values()].map((r) => [String(r.id), String(r.notes)]));
  }

  it('500 visits with 5,000-character notes (7.6 MB) sync completely, in requests under the shared limit', async () => {
    const { srv, c, sent } = await setUp();
    const notes = Array.from({ length: 500 }, (_, i) => longNote(i));
    const ids = await recipientWithVisits(c, notes);
    // The visits, the recipient and its default duty plans.
    const pending = await countOutbox(c.db);
    expect(pending).toBeGreaterThan(500);

    const out = await c.engine.sync();
    expect(out).toMatchObject({ ok: true, report: { pushed: pending, rejected: 0 } });
    expect(await countOutbox(c.db)).toBe(0);
    const onServer = await serverVisitNotes(srv);
    expect(onServer.size).toBe(500);
    for (const [i, id] of ids.entries()) expect(onServer.get(id)).toBe(notes[i]);
    // More than one request was needed, and none went over the limit the server enforces.
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThan(MAX_PUSH_BODY_BYTES);
    expect(sent.length).toBeGreaterThan(1);
    for (const bytes of sent) expect(bytes).toBeLessThanOrEqual(MAX_PUSH_BODY_BYTES);
  });

  it('behind a proxy with a 1 MB limit, the 413s halve the batch until it passes and everything syncs', async () => {
    const { srv, c, sent } = await setUp(1024 * 1024);
    const notes = Array.from({ length: 300 }, (_, i) => longNote(i));
    await recipientWithVisits(c, notes);
    const pending = await countOutbox(c.db);

    const out = await c.engine.sync();
    expect(out).toMatchObject({ ok: true, report: { pushed: pending, rejected: 0 } });
    expect(await countOutbox(c.db)).toBe(0);
    expect((await serverVisitNotes(srv)).size).toBe(300);
    expect(sent.some((b) => b > 1024 * 1024)).toBe(true);
    expect(sent.at(-1)).toBeLessThanOrEqual(1024 * 1024);

    // The engine keeps the size it learnt: the next round's batches go through at the first try.
    await recipientWithVisits(c, notes.slice(0, 100));
    sent.length = 0;
    expect(await c.engine.sync()).toMatchObject({ ok: true, report: { rejected: 0 } });
    expect(sent.length).toBeGreaterThan(1);
    for (const bytes of sent) expect(bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('one change too large to send even alone is listed per record and does not hold up the others', async () => {
    // 12 KB: every short change passes, the 15 KB note never does.
    const { srv, c } = await setUp(12_000);
    const notes = ['电话回访，一切正常', '送去慰问品', longNote(7), '复诊陪同', '节日问候'];
    const ids = await recipientWithVisits(c, notes);

    const out = await c.engine.sync();
    expect(out).toMatchObject({ ok: true, report: { rejected: 1 } });
    expect(await countOutbox(c.db)).toBe(0);
    const onServer = await serverVisitNotes(srv);
    expect([...onServer.keys()].sort()).toEqual([ids[0], ids[1], ids[3], ids[4]].sort());

    const status = await readSyncStatus(c.db);
    expect(status.rejected).toHaveLength(1);
    expect(status.rejected[0]).toMatchObject({ table: 'visits', rowId: ids[2], reason: 'payload_too_large' });
    expect(status.rejected[0]?.fields).toContain('notes');
    // A new visit: nothing of it is on the server.
    expect(status.rejected[0]?.created).toBe(true);
    // The next round has nothing left to push and succeeds.
    expect(await c.engine.sync()).toMatchObject({ ok: true });
  });
});
