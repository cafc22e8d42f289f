import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { openYoufuDb } from './database';

// The app passes no options: the database must use the environment's own IndexedDB.
it('opens with the global IndexedDB when no fake is passed', async () => {
  const db = await openYoufuDb('station-global-u1');
  expect(db.isOpen()).toBe(true);
  db.close();
});
