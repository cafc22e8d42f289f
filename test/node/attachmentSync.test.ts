import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import { createAccount } from '../../server/auth/accounts';
import { unconfirmedUploads } from '../../renderer/db/attachmentRepository';
import { attachmentsOf, readAttachmentBytes } from '../../renderer/db/queries/attachments';
import { createRecipient } from '../../renderer/db/recipientRepository';
import { recipientInput } from '../../renderer/db/testFixtures';
import { logVisit } from '../../renderer/db/visitRepository';
import { createHttpAttachmentTransport } from '../../renderer/sync/attachmentsClient';
import { type AttachmentTransfer, uploadPendingAttachments } from '../../renderer/sync/attachmentUploads';
import { testBackends } from '../support/databases';
import { ST } from '../support/fixtures';
import { type TestServer, startTestServer } from '../support/serverHarness';
import { type SimClient, signInClient, syncUntilSettled } from './syncClient';

const PASSWORD = 'station-pass-1';
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function photo(name: string): PreparedAttachment {
  const bytes = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(120_000)]);
  const thumb = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(8_000)]);
  return {
    id: randomUUID(),
    kind: 'visit_photo',
    mime: 'image/jpeg',
    bytes,
    sha256: sha(bytes),
    width: 1600,
    height: 1200,
    thumb: { bytes: thumb, sha256: sha(thumb) },
    fileName: name,
    caption: '',
  };
}

/**
 * Issue 15, the whole path below the screens: photos saved with a visit on one device, their
 * rows synced, their bytes uploaded after the round, and a supervisor's device reading them.
 */
describe.each(testBackends())('attachments from a station to its supervisor ($name)', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const clients: SimClient[] = [];
  beforeEach(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db);
    await createAccount(server.db, { username: 'cw', name: '李娜', role: 'caseworker', stationCode: ST.yuanlingA, password: PASSWORD });
    await createAccount(server.db, {
      username: 'sup',
      name: '黄志强',
      role: 'district_supervisor',
      stationCode: ST.futian,
      password: PASSWORD,
    });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.db.close();
    await server.close();
    await drop();
  });
  const client = async (name: string, username: string) => {
    const c = await signInClient(server, name, username, PASSWORD);
    clients.push(c);
    return c;
  };
  const transportOf = (c: SimClient) =>
    createHttpAttachmentTransport({ baseUrl: server.baseUrl, getToken: () => c.token, source: (b) => Buffer.from(b) });

  it('uploads the photos after the rows are synced, once, and the supervisor downloads the same bytes', async () => {
    const station = await client('station', 'cw');
    const recipientId = randomUUID();
    expect((await createRecipient(station.ctx, recipientInput(recipientId, { stationCode: ST.yuanlingA }))).ok).toBe(true);
    const files = [photo('门口.jpg'), photo('客厅.jpg')];
    const visitId = randomUUID();
    const logged = await logVisit(station.ctx, {
      visit: {
        id: visitId,
        recipientId,
        stationCode: ST.yuanlingA,
        visitedAt: '2026-11-28T10:00:00+08:00',
        mode: 'home',
        outcome: 'reached',
        purpose: 'routine',
        festival: null,
        staffIds: [station.ctx.actor.staffId],
        condition: { health: 'good', living: 'good', mood: 'good' },
        notes: '',
        dutyOccurrenceId: null,
        photos: [],
      },
      aid: [],
      needs: [],
      occurrenceId: null,
      attachments: files.map((file) => ({ file })),
    });
    expect(logged.ok).toBe(true);

    // Offline: nothing can go up, and nothing is lost.
    const offline = createHttpAttachmentTransport({
      baseUrl: 'http://127.0.0.1:9',
      getToken: () => station.token,
      source: (b) => Buffer.from(b),
    });
    expect(await uploadPendingAttachments(station.db, offline, () => undefined)).toEqual({ uploaded: 0, alreadyThere: 0, failed: 0 });

    await syncUntilSettled(station);
    expect(await unconfirmedUploads(station.db)).toHaveLength(4);
    const seen = new Map<string, AttachmentTransfer>();
    const round = await uploadPendingAttachments(station.db, transportOf(station), (id, t) => seen.set(id, t));
    expect(round).toEqual({ uploaded: 4, alreadyThere: 0, failed: 0 });
    expect([...seen.values()].map((t) => t.state)).toEqual(['done', 'done']);
    expect(await unconfirmedUploads(station.db)).toEqual([]);
    // A second round sends nothing.
    expect(await uploadPendingAttachments(station.db, transportOf(station), () => undefined)).toEqual({
      uploaded: 0,
      alreadyThere: 0,
      failed: 0,
    });

    const supervisor = await client('supervisor', 'sup');
    await syncUntilSettled(supervisor);
    const rows = await attachmentsOf(supervisor.db, { table: 'visits', id: visitId });
    expect(rows.map((r) => r.fileName).sort()).toEqual(['客厅.jpg', '门口.jpg']);
    // Not on the supervisor's device until asked for; then the exact bytes.
    expect(await readAttachmentBytes(supervisor.db, files[0]!.sha256)).toBeNull();
    for (const f of files) {
      const original = await transportOf(supervisor).download({ id: f.id, part: 'original' });
      expect(original.ok && sha(original.value)).toBe(f.sha256);
      const thumb = await transportOf(supervisor).download({ id: f.id, part: 'thumb' });
      expect(thumb.ok && sha(thumb.value)).toBe(f.thumb!.sha256);
    }
  });
});
