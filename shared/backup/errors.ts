import { type Err, type Result, err } from '../result';

/** Stable codes of the backup format and restore; translated under `error.<code>` in shared/i18n. */
export const BACKUP_ERROR_CODES = [
  'backup_not_a_backup',
  'backup_version_unsupported',
  'backup_damaged_or_wrong_password',
  'backup_foreign',
  'backup_schema_unsupported',
  'backup_invalid_rows',
  'backup_attachment_mismatch',
  'backup_password_too_short',
  'backup_target_not_empty',
  'backup_restore_failed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** A refusal with its code and, for the log only, what exactly was wrong. */
export interface BackupFailure {
  code: BackupErrorCode;
  detail?: string;
}

export type BackupResult<T> = Result<T, BackupFailure>;

export const backupFail = (code: BackupErrorCode, detail?: string): Err<BackupFailure> =>
  err(detail === undefined ? { code } : { code, detail });
