import { afterEach, describe, expect, it } from 'vitest';
import type { YoufuDb } from '../database';
import { newTestDb } from '../testFixtures';
import { waitInTransaction } from './txWait';

let db: YoufuDb;
afterEach(() => db.delete());

const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

/** Rejects if the transaction has not finished within `ms`: a hung one never settles. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe('waitInTransaction', () => {
  it('two overlapping waits, the later one done first, both resume and the transaction commits', async () => {
    db = newTestDb();
    const done = db.transaction('rw', db.syncState, async (tx) => {
      const slow = waitInTransaction(tx, after(40, 'slow'));
      const fast = waitInTransaction(tx, after(1, 'fast'));
      const values = await Promise.all([slow, fast]);
      await tx.table('syncState').put({ key: 'waited', value: values.join('+') });
    });
    await within(3000, done);
    expect(await db.syncState.get('waited')).toEqual({ key: 'waited', value: 'slow+fast' });
  });

  it('a failed wait reaches its caller and the next one still runs', async () => {
    db = newTestDb();
    const done = db.transaction('rw', db.syncState, async (tx) => {
      const failed = waitInTransaction(
        tx,
        after(5, null).then(() => {
          throw new Error('crypto failed');
        }),
      );
      const next = waitInTransaction(tx, after(1, 'next'));
      await expect(failed).rejects.toThrow('crypto failed');
      await tx.table('syncState').put({ key: 'after', value: await next });
    });
    await within(3000, done);
    expect(await db.syncState.get('after')).toEqual({ key: 'after', value: 'next' });
  });
});
