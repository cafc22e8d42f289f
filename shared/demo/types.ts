import type { REQUEST_TOPIC } from '../domain/enums';
import type { EntityRow, EntityTable, Station } from '../domain/schemas';

export type RequestTopic = (typeof REQUEST_TOPIC.values)[number];

/** The tables of the demo stream: the synced entities plus the station tree they hang from. */
export type DemoTable = 'stations' | EntityTable;
export type DemoRowOf<T extends DemoTable> = T extends EntityTable ? EntityRow<T> : Station;

/** One NDJSON line: `{"table":"visits","row":{…}}`. */
export type DemoRow = { [T in DemoTable]: { table: T; row: DemoRowOf<T> } }[DemoTable];

/** Tables in the order the stream first yields them (see generateDemoRows for the exact order). */
export const DEMO_TABLES: readonly DemoTable[] = [
  'stations',
  'staff',
  'recipients',
  'duties',
  'dutyOccurrences',
  'visits',
  'aid',
  'requests',
];
