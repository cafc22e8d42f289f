import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentFields, MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import { testBackends } from '../../test/support/databases';
import { type TestServer, type TestUser, apiAs, createUser, pushOk, startTestServer } from '../../test/support/serverHarness';
import { tusUpload } from '../../test/support/tusUpload';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAttachmentStorage } from './attachmentStorage';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe.each(testBackends())('attachment uploads and downloads on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let dataDir: string;
  let caseworker: TestUser;
  let other: TestUser;
  let supervisor: TestUser;
  let factory: MutationFactory;
  let recipientId: string;
  let visitId: string;
  /** How far the server's clock runs ahead of the real one (the expiry test moves it). */
  let clockAheadMs = 0;

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    dataDir = await mkdtemp(join(tmpdir(), 'youfu-uploads-'));
    server = await startTestServer(opened.db, {
      attachments: await openAttachmentStorage(dataDir, null),
      now: () => new Date(Date.now() + clockAheadMs),
    });
    caseworker = await createUser(server, 'caseworker', ST.yuanlingA);
    other = await createUser(server, 'caseworker', ST.nantouA);
    supervisor = await createUser(server, 'district_supervisor', ST.futian);
    factory = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    recipientId = randomUUID();
    visitId = randomUUID();
    await pushOk(server, caseworker, factory.clientId, [
      factory.upsert('recipients', recipientId, recipientFields(ST.yuanlingA)),
      factory.upsert('visits', visitId, visitFields(recipientId, ST.yuanlingA, caseworker.id)),
    ]);
  });
  afterAll(async () => {
    await server.close();
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Pushes an attachment row for `bytes` on the visit and returns its id. */
  const attach = async (bytes: Uint8Array, over: Record<string, unknown> = {}): Promise<string> => {
    const id = randomUUID();
    const res = await pushOk(server, caseworker, factory.clientId, [
      factory.upsert(
        'attachments',
        id,
        attachmentFields(recipientId, ST.yuanlingA, { table: 'visits', id: visitId }, bytes, caseworker.id, over),
      ),
    ]);
    expect(res.results[0]?.status).toBe('applied');
    return id;
  };
  const download = (user: TestUser, id: string, part = 'original') =>
    fetch(`${server.baseUrl}/api/v1/attachments/${id}/content?part=${part}`, { headers: { authorization: `Bearer ${user.token}` } });
  const storedFiles = async (): Promise<string[]> =>
    (await readdir(join(dataDir, 'attachments'), { recursive: true })).map(String).filter((f) => /[0-9a-f]{64}$/.test(f));
  const waitingUploads = async (): Promise<string[]> => (await readdir(join(dataDir, 'uploads'))).filter((f) => !f.startsWith('.'));
  /** Starts an upload in chunks of 100 KB and stops it once the server has its URL (after the first chunk): the URL. */
  const startThenStop = (user: TestUser, bytes: Uint8Array, id: string): Promise<string | null> =>
    new Promise((resolve) => {
      let stopped = false;
      void tusUpload(
        server.baseUrl,
        user.token,
        bytes,
        { attachmentId: id, part: 'original' },
        {
          chunkSize: 100_000,
          started: (u) => {
            const timer = setInterval(() => {
              if (!stopped && u.url) {
                stopped = true;
                clearInterval(timer);
                void u.abort().then(() => resolve(u.url));
              }
            }, 5);
          },
        },
      );
    });
  const tusHead = (url: string, user: TestUser) =>
    fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${user.token}`, 'tus-resumable': '1.0.0' } });

  it('takes a photo in chunks, checks its hash, and gives the same bytes back to the station and its supervisor', async () => {
    const bytes = randomBytes(700_000);
    const id = await attach(bytes);
    const before = await apiAs(server, caseworker).call('attachmentStatus', { id });
    expect(before).toEqual({ ok: true, value: { id, original: { arrived: false }, thumb: null } });
    expect((await download(caseworker, id)).status).toBe(404);

    const sent: number[] = [];
    const up = await tusUpload(
      server.baseUrl,
      caseworker.token,
      bytes,
      { attachmentId: id, part: 'original' },
      {
        chunkSize: 200_000,
        onProgress: (s) => sent.push(s),
      },
    );
    expect(up).toMatchObject({ ok: true });
    expect(sent.at(-1)).toBe(bytes.length);

    expect(await apiAs(server, caseworker).call('attachmentStatus', { id })).toEqual({
      ok: true,
      value: { id, original: { arrived: true }, thumb: null },
    });
    for (const user of [caseworker, supervisor]) {
      const res = await download(user, id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));
    }
    // Nothing of it waits among the unfinished uploads.
    expect(await waitingUploads()).toEqual([]);
  });

  it('takes a photo in one request, its bytes sent with the creation, as the desktop sends it', async () => {
    const bytes = randomBytes(300_000);
    const id = await attach(bytes);
    const requests: string[] = [];
    const waiting = await waitingUploads();
    const up = await tusUpload(
      server.baseUrl,
      caseworker.token,
      bytes,
      { attachmentId: id, part: 'original' },
      { chunkSize: 512 * 1024, onRequest: (m) => requests.push(m) },
    );
    expect(up).toMatchObject({ ok: true });
    expect(requests).toEqual(['POST']);
    expect(await apiAs(server, caseworker).call('attachmentStatus', { id })).toMatchObject({
      ok: true,
      value: { original: { arrived: true } },
    });
    expect(sha(new Uint8Array(await (await download(supervisor, id)).arrayBuffer()))).toBe(sha(bytes));
    expect(await waitingUploads()).toEqual(waiting);
  });

  it('stores the same bytes once, however many attachments and uploads carry them', async () => {
    const bytes = randomBytes(50_000);
    const first = await attach(bytes);
    const second = await attach(bytes);
    const before = (await storedFiles()).length;
    expect(await tusUpload(server.baseUrl, caseworker.token, bytes, { attachmentId: first, part: 'original' })).toMatchObject({ ok: true });
    expect(await tusUpload(server.baseUrl, caseworker.token, bytes, { attachmentId: second, part: 'original' })).toMatchObject({
      ok: true,
    });
    expect(await tusUpload(server.baseUrl, caseworker.token, bytes, { attachmentId: first, part: 'original' })).toMatchObject({ ok: true });
    expect((await storedFiles()).length).toBe(before + 1);
    expect((await storedFiles()).filter((f) => f.endsWith(sha(bytes)))).toHaveLength(1);
    for (const id of [first, second]) expect(sha(new Uint8Array(await (await download(caseworker, id)).arrayBuffer()))).toBe(sha(bytes));
  });

  it.each([
    { way: 'with the creation, in one request', opts: {} },
    { way: 'after the creation, in one PATCH', opts: { uploadDataDuringCreation: false } },
    { way: 'in several requests', opts: { chunkSize: 10_000 } },
  ])('refuses bytes whose hash is not the row’s, sent $way, and keeps none of them', async ({ opts }) => {
    const declared = randomBytes(30_000);
    const id = await attach(declared);
    const forged = randomBytes(30_000);
    const before = await storedFiles();
    const waiting = await waitingUploads();
    const up = await tusUpload(server.baseUrl, caseworker.token, forged, { attachmentId: id, part: 'original' }, opts);
    expect(up).toMatchObject({ ok: false, status: 400, code: 'validation_failed' });
    expect(await storedFiles()).toEqual(before);
    expect(await waitingUploads()).toEqual(waiting);
    expect(await apiAs(server, caseworker).call('attachmentStatus', { id })).toMatchObject({
      ok: true,
      value: { original: { arrived: false } },
    });
    expect((await download(caseworker, id)).status).toBe(404);
  });

  it('refuses an upload of another size than the row says, or of a part the attachment has not', async () => {
    const bytes = randomBytes(10_000);
    const id = await attach(bytes);
    expect(await tusUpload(server.baseUrl, caseworker.token, randomBytes(9_999), { attachmentId: id, part: 'original' })).toMatchObject({
      ok: false,
      status: 400,
      code: 'validation_failed',
    });
    expect(await tusUpload(server.baseUrl, caseworker.token, bytes, { attachmentId: id, part: 'thumb' })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('lets no other station read or write an attachment, even knowing its id or its hash', async () => {
    const bytes = randomBytes(20_000);
    const id = await attach(bytes);
    expect(await tusUpload(server.baseUrl, caseworker.token, bytes, { attachmentId: id, part: 'original' })).toMatchObject({ ok: true });
    const res = await download(other, id);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden_scope');
    expect(await apiAs(server, other).call('attachmentStatus', { id })).toMatchObject({ ok: false, error: { code: 'forbidden_scope' } });
    // Its upload is refused too, and the hash opens nothing: there is no route by hash, and an
    // unknown id answers as an out-of-scope one.
    expect(await tusUpload(server.baseUrl, other.token, bytes, { attachmentId: id, part: 'original' })).toMatchObject({
      ok: false,
      status: 403,
      code: 'forbidden_scope',
    });
    expect((await download(other, sha(bytes))).status).toBe(400);
    expect((await download(caseworker, randomUUID())).status).toBe(403);
    // An attachment row of the other station's recipient cannot be made either.
    const foreignClient = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    const foreign = await pushOk(server, other, foreignClient.clientId, [
      foreignClient.upsert(
        'attachments',
        randomUUID(),
        attachmentFields(recipientId, ST.nantouA, { table: 'visits', id: visitId }, bytes, other.id),
      ),
    ]);
    expect(foreign.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_scope' });
  });

  it('an interrupted upload tells its own station where it stands, and takes bytes from no other station', async () => {
    const bytes = randomBytes(600_000);
    const id = await attach(bytes);
    const first = await startThenStop(caseworker, bytes, id);
    expect(first).toMatch(/\/api\/v1\/uploads\//);
    const head = await tusHead(first!, caseworker);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeLessThan(bytes.length);
    // A foreign account may not even ask where it stands, nor add bytes to it.
    expect((await tusHead(first!, other)).status).toBe(403);
    const foreignPatch = await fetch(first!, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${other.token}`,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: bytes.subarray(offset, offset + 1000),
    });
    expect(foreignPatch.status).toBe(403);
    expect(((await foreignPatch.json()) as { error: { code: string } }).error.code).toBe('forbidden_scope');
    expect(Number((await tusHead(first!, caseworker)).headers.get('upload-offset'))).toBe(offset);
    // Its own station finishes it from there.
    expect(
      await tusUpload(
        server.baseUrl,
        caseworker.token,
        bytes,
        { attachmentId: id, part: 'original' },
        { uploadUrl: first!, chunkSize: 100_000 },
      ),
    ).toMatchObject({ ok: true });
    expect(sha(new Uint8Array(await (await download(caseworker, id)).arrayBuffer()))).toBe(sha(bytes));
  });

  it('refuses at its finish an upload whose attachment moved to another station meanwhile, and keeps none of it', async () => {
    // A recipient of its own, moved by the district supervisor to another street's station.
    const movedRecipient = randomUUID();
    const movedVisit = randomUUID();
    const id = randomUUID();
    const bytes = randomBytes(300_000);
    await pushOk(server, caseworker, factory.clientId, [
      factory.upsert('recipients', movedRecipient, recipientFields(ST.yuanlingA)),
      factory.upsert('visits', movedVisit, visitFields(movedRecipient, ST.yuanlingA, caseworker.id)),
      factory.upsert(
        'attachments',
        id,
        attachmentFields(movedRecipient, ST.yuanlingA, { table: 'visits', id: movedVisit }, bytes, caseworker.id),
      ),
    ]);
    const url = await startThenStop(caseworker, bytes, id);
    expect(url).toMatch(/\/api\/v1\/uploads\//);
    const supervisorDevice = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    const moved = await pushOk(server, supervisor, supervisorDevice.clientId, [
      supervisorDevice.upsert('recipients', movedRecipient, { stationCode: ST.nanyuanA }, 1),
    ]);
    expect(moved.results[0]).toMatchObject({ status: 'applied' });

    const before = await storedFiles();
    const resumed = await tusUpload(
      server.baseUrl,
      caseworker.token,
      bytes,
      { attachmentId: id, part: 'original' },
      { uploadUrl: url!, chunkSize: 100_000 },
    );
    expect(resumed).toMatchObject({ ok: false, status: 403, code: 'forbidden_scope' });
    expect(await storedFiles()).toEqual(before);
    // Gone, not left complete for a retry to take for done.
    expect((await tusHead(url!, caseworker)).status).toBe(404);
    expect(await apiAs(server, supervisor).call('attachmentStatus', { id })).toMatchObject({
      ok: true,
      value: { original: { arrived: false } },
    });
    // The station it moved to sends it.
    const newStation = await createUser(server, 'caseworker', ST.nanyuanA);
    expect(await tusUpload(server.baseUrl, newStation.token, bytes, { attachmentId: id, part: 'original' })).toMatchObject({ ok: true });
    expect(sha(new Uint8Array(await (await download(supervisor, id)).arrayBuffer()))).toBe(sha(bytes));
  });

  it('refuses an upload left unfinished for more than a week; the client then starts it again', async () => {
    const bytes = randomBytes(300_000);
    const id = await attach(bytes);
    const url = await startThenStop(caseworker, bytes, id);
    expect((await tusHead(url!, caseworker)).status).toBe(200);
    const uploadId = new URL(url!).pathname.split('/').at(-1)!;
    expect((await waitingUploads()).filter((f) => f.startsWith(uploadId))).toHaveLength(2);
    clockAheadMs = 8 * 24 * 3600 * 1000;
    try {
      expect((await tusHead(url!, caseworker)).status).toBe(410);
      const requests: string[] = [];
      const again = await tusUpload(
        server.baseUrl,
        caseworker.token,
        bytes,
        { attachmentId: id, part: 'original' },
        { uploadUrl: url!, chunkSize: 512 * 1024, onRequest: (m) => requests.push(m) },
      );
      expect(again).toMatchObject({ ok: true });
      expect(requests).toEqual(['HEAD', 'POST']);
    } finally {
      clockAheadMs = 0;
    }
    expect(sha(new Uint8Array(await (await download(caseworker, id)).arrayBuffer()))).toBe(sha(bytes));
    // The expired one's bytes and info are gone from the disk.
    expect((await waitingUploads()).filter((f) => f.startsWith(uploadId))).toEqual([]);
  });

  it('refuses to delete an attachment row: a wrong one is withdrawn with a reason', async () => {
    const id = await attach(randomBytes(1000));
    const del = await pushOk(server, caseworker, factory.clientId, [factory.delete('attachments', id, 1)]);
    expect(del.results[0]).toMatchObject({ status: 'rejected', reason: 'attachment_not_deletable' });
    const noReason = await pushOk(server, caseworker, factory.clientId, [factory.upsert('attachments', id, { withdrawn: true }, 1)]);
    expect(noReason.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });
    const withdrawn = await pushOk(server, caseworker, factory.clientId, [
      factory.upsert('attachments', id, { withdrawn: true, withdrawReason: '拍错了对象' }, 1),
    ]);
    expect(withdrawn.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses an attachment whose record is another person’s', async () => {
    const otherRecipient = randomUUID();
    await pushOk(server, caseworker, factory.clientId, [factory.upsert('recipients', otherRecipient, recipientFields(ST.yuanlingA))]);
    const res = await pushOk(server, caseworker, factory.clientId, [
      factory.upsert(
        'attachments',
        randomUUID(),
        attachmentFields(otherRecipient, ST.yuanlingA, { table: 'visits', id: visitId }, randomBytes(10), caseworker.id),
      ),
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });
    expect(res.results[0]?.detail ?? '').toMatch(/attachment_recipient_mismatch/);
  });
});
