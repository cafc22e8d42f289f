import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync/protocol';
import { type StorageConfig, testBackends } from '../../test/support/databases';
import { attachmentFields, MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import { http, pushBody } from '../../test/support/serverHarness';
import { type ServerProcess, runAdmin, startServerProcess } from '../../test/support/serverProcess';
import { tusUpload } from '../../test/support/tusUpload';

const PASSWORD = 'upload resume password';
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Issue 15: an upload cut halfway by killing the server (SIGKILL, no shutdown code) resumes
 * after the restart from where the bytes stopped, and the server ends with the exact bytes, once.
 */
describe.each(testBackends())('an upload across a killed server on $name', (backend) => {
  let storage: StorageConfig;
  let drop: () => Promise<void>;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    ({ config: storage, drop } = await backend.storage());
    const created = await runAdmin(
      storage,
      ['create-user', 'upload.tester', '--name', '测试员', '--role', 'caseworker', '--station', ST.yuanlingA],
      {
        YOUFU_PASSWORD: PASSWORD,
      },
    );
    expect(created.stdout).toMatch(/created upload\.tester/);
  });
  afterAll(async () => {
    if (server) await server.kill9();
    await drop();
  });

  it('resumes after the restart and stores the exact bytes once', async () => {
    server = await startServerProcess(storage);
    const login = await http<LoginResponse>(server.url, 'POST', '/api/v1/auth/login', {
      username: 'upload.tester',
      password: PASSWORD,
      deviceId: 'upload-device-1',
    });
    const token = login.body.token;
    const staffId = login.body.user.id;
    const f = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    const recipientId = randomUUID();
    const visitId = randomUUID();
    const attachmentId = randomUUID();
    const bytes = randomBytes(2_000_000);
    const pushed = await http<{ results: { status: string }[] }>(
      server.url,
      'POST',
      '/api/v1/sync/push',
      pushBody(f.clientId, [
        f.upsert('recipients', recipientId, recipientFields(ST.yuanlingA)),
        f.upsert('visits', visitId, visitFields(recipientId, ST.yuanlingA, staffId)),
        f.upsert(
          'attachments',
          attachmentId,
          attachmentFields(recipientId, ST.yuanlingA, { table: 'visits', id: visitId }, bytes, staffId),
        ),
      ]),
      token,
    );
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // The port changes with the restart: the client resumes at the upload's URL on the new one.
    const first = server;
    let killedAt = -1;
    const cut = await tusUpload(
      first.url,
      token,
      bytes,
      { attachmentId, part: 'original' },
      {
        chunkSize: 100_000,
        onProgress: (sent) => {
          if (killedAt < 0 && sent >= bytes.length / 2) {
            killedAt = sent;
            void first.kill9();
          }
        },
      },
    );
    expect(cut.ok).toBe(false);
    expect(killedAt).toBeGreaterThan(0);
    expect(cut.uploadUrl).toMatch(/\/api\/v1\/uploads\//);
    await first.exited;

    server = await startServerProcess(storage);
    const resumedUrl = `${server.url}${new URL(cut.uploadUrl!).pathname}`;
    const head = await fetch(resumedUrl, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    // What had arrived survived the kill; the rest is still to come.
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(bytes.length);

    let firstSent = -1;
    const resumed = await tusUpload(
      server.url,
      token,
      bytes,
      { attachmentId, part: 'original' },
      {
        uploadUrl: resumedUrl,
        chunkSize: 100_000,
        onProgress: (sent) => {
          if (firstSent < 0) firstSent = sent;
        },
      },
    );
    expect(resumed.ok).toBe(true);
    // It went on from the offset, not from the start.
    expect(firstSent).toBeGreaterThan(offset - 1);

    const res = await fetch(`${server.url}/api/v1/attachments/${attachmentId}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));
    const stored = (await readdir(join(storage.dataDir, 'attachments'), { recursive: true }))
      .map(String)
      .filter((p) => /[0-9a-f]{64}$/.test(p));
    expect(stored).toEqual([join(sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes))]);
  }, 120_000);
});
