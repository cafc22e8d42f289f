/**
 * The type of the local database handle, for code outside renderer/db/ that passes it on
 * (to query functions, repositories, the sync engine) without touching it: only renderer/db/
 * imports database.ts and Dexie (eslint/boundaries/dbDoor.js).
 */
export type { YoufuDb } from './database';
