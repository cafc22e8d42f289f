// The settings screen, and the daily backup the shell runs in the background.
export { SettingsPage } from './SettingsPage';
export { DailyBackupRuntime } from './useDailyBackup';
