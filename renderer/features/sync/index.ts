// The sync screen, and the background sync the shell runs.
export { SyncPage } from './SyncPage';
export { SyncRuntime } from './SyncRuntime';
