import { type DemoAccount, type DemoRow, generateDemoRows } from '../../../shared/demo';
import { clearDatabaseAlias, databaseName } from '../../db/databaseAlias';
import type { LoadProgress } from '../../db/demoLoader';
import { deleteLocalDatabase, fillNewDatabase, recipientCountIn } from '../../db/localDatabases';
import { demoDatabaseKeys, resetDemoKeys } from '../../platform/dbKeys';
import { LOCAL_DEMO_SERVER_ID } from '../localDemo';

export const DEMO_SEED = 7;
/** The main thread gets the screen back at least this often while loading. */
const SLICE_MS = 30;

export interface DemoLoadTick {
  rows: number;
  recipientsDone: number;
  recipientsTotal: number;
  percent: number;
}

export function demoDatabaseName(account: DemoAccount): string {
  return databaseName(LOCAL_DEMO_SERVER_ID, account.id);
}

/** How many recipients an account's local demo database holds (0 when it does not exist). */
export async function demoRecipientCount(account: DemoAccount): Promise<number> {
  return recipientCountIn(demoDatabaseName(account));
}

/**
 * Pulls rows from the (synchronous) generator, handing the thread back to the browser every
 * SLICE_MS so the progress bar moves and clicks still land.
 */
async function* sliced(rows: Iterable<DemoRow>, total: number, onTick: (t: DemoLoadTick) => void): AsyncGenerator<DemoRow> {
  let count = 0;
  let recipients = 0;
  let sliceStart = performance.now();
  for (const row of rows) {
    count++;
    if (row.table === 'recipients') recipients++;
    yield row;
    if (performance.now() - sliceStart > SLICE_MS) {
      onTick({
        rows: count,
        recipientsDone: recipients,
        recipientsTotal: total,
        percent: Math.min(99, Math.floor((recipients / total) * 100)),
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  onTick({ rows: count, recipientsDone: recipients, recipientsTotal: total, percent: 100 });
}

/**
 * Generates the demo data set for the account's own scope (what a sync of that account would
 * bring) into a fresh `station-local-demo-<userId>` database.
 */
export async function loadDemoData(
  account: DemoAccount,
  recipients: number,
  today: string,
  onTick: (t: DemoLoadTick) => void,
  options: { history?: boolean; historyMonths?: number } = {},
): Promise<LoadProgress> {
  const name = demoDatabaseName(account);
  await deleteLocalDatabase(name);
  // A fresh demo database gets fresh demo keys; every row is sealed as it is loaded.
  resetDemoKeys(name);
  clearDatabaseAlias(name);
  const keys = await demoDatabaseKeys(name);
  const rows = generateDemoRows({
    recipients,
    seed: DEMO_SEED,
    today,
    scopePrefix: account.stationCode,
    history: options.history ?? true,
    ...(options.historyMonths === undefined ? {} : { historyMonths: options.historyMonths }),
  });
  return fillNewDatabase(name, keys, sliced(rows, recipients, onTick), { batchSize: 2000 });
}
