// @ts-check
// Issue 14 §2: renderer/db/ is the only door to the local database. Outside it nothing imports
// Dexie (nor dexie-react-hooks: renderer/db/live.ts passes useLiveQuery on, so swapping or
// wrapping Dexie's live queries is one file) or the Dexie-typed internals; screens read through
// the query functions of renderer/db/queries/, writes go through the repositories, the sync
// engine through outboxRepository/conflictRepository/syncStateRepository, and the handle's
// type comes from renderer/db/handle.ts. Type-only imports count too.
//
// renderer/bench/ is let through on purpose: it measures renderer/db itself (raw bulkPut
// baselines against the codec's path, fresh databases per run), as renderer/db's own tests do.

/** @typedef {import('../boundariesPlugin.js').Boundary} Boundary */

const outsideDb = /^(?!renderer\/db\/)/;
const bench = /^renderer\/bench\//;

/** @type {Boundary[]} */
export const dbDoor = [
  {
    importer: outsideDb,
    allow: bench,
    target: /^dexie($|[-/])/,
    message:
      'Only renderer/db/ imports Dexie. Read through a query function of renderer/db/queries/ (useLiveQuery and watchQuery come from renderer/db/live.ts); ' +
      'write through a repository in renderer/db/. Add the query or repository function there if none fits.',
  },
  {
    importer: outsideDb,
    allow: bench,
    target: /^renderer\/db\/(database|atRest\/txWait)$/,
    message:
      "renderer/db/database.ts (Dexie's tables and transactions) is renderer/db/'s own. Pass the handle on, typed from renderer/db/handle.ts; " +
      'read through renderer/db/queries/, write through the repositories (renderer/db/*Repository.ts).',
  },
];
