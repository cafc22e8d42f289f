// The ledger import/export screen; its public entry.
export { LedgerPage } from './LedgerPage';
