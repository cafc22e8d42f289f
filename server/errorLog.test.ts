import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../shared/sync/protocol';
import { testBackends } from '../test/support/databases';
import { MutationFactory, recipientFields, ST } from '../test/support/fixtures';
import type { TestServer } from '../test/support/serverHarness';
import { createUser, push, startTestServer } from '../test/support/serverHarness';

/** Values no log line may carry: a recipient's name, phone, address and health notes. */
const NAME = '哨兵张三丰';
const PHONE = '13987654321';
const ADDRESS = '园岭街道哨兵路 77 号';
const NOTES = 'sentinel-health-note-31337';

describe.each(testBackends())('the error log on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const lines: string[] = [];
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((l) => l.length > 0),
        );
        done();
      },
    });
    server = await startTestServer(opened.db, { logger: { stream } });
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('logs an unexpected database error by its codes and names, without the row it was writing', async () => {
    const user = await createUser(server, 'caseworker', ST.yuanlingA);
    // Any row write now fails inside PostgreSQL: its error carries the failing row (PostgreSQL's
    // "Failing row contains …" detail, PGlite's statement parameters).
    await server.db.exec('ALTER TABLE rows ADD CONSTRAINT log_probe CHECK (false) NOT VALID');
    const f = new MutationFactory(`log-client-${randomUUID().slice(0, 8)}`, () => new Date());
    const r = await push(server, user, f.clientId, [
      f.upsert(
        'recipients',
        randomUUID(),
        recipientFields(ST.yuanlingA, { name: NAME, phones: [PHONE], address: ADDRESS, healthNotes: NOTES }),
      ),
    ]);
    expect(r.status).toBe(500);
    expect((r.body as ErrorBody).error.code).toBe('internal');

    const log = lines.join('\n');
    for (const value of [NAME, PHONE, ADDRESS, NOTES]) expect(log).not.toContain(value);
    // Nor any of it in another escaping (JSON inside JSON, unicode escapes).
    expect(log).not.toMatch(/Failing row|\\u54e8|13987654321/);
    const errors = lines.filter((l) => l.includes('unhandled error'));
    expect(errors).toHaveLength(1);
    const entry = JSON.parse(errors[0]!) as { error: { code?: string; constraint?: string; stack?: string[] } };
    // What an operator needs: which check failed, and where.
    expect(entry.error.code).toBe('23514');
    expect(entry.error.constraint).toBe('log_probe');
    expect(entry.error.stack?.length).toBeGreaterThan(0);
  });
});
