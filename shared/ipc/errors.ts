import { z } from 'zod';
import { type Err, type Ok, type Result, err, ok } from '../result';
import { type ErrorCode, ERROR_CODES } from '../sync/protocol';

/** Codes that only the desktop bridge produces, on top of the sync protocol's codes. */
export const IPC_ONLY_ERROR_CODES = [
  /** The call came from a frame that is not the app's own `app://` page. */
  'forbidden_sender',
  /** The session is locked (idle or system lock): unlock first. */
  'locked',
  /** Too many wrong offline passwords: wait before trying again. */
  'locked_out',
  /** This account has never signed in online on this device, so there is nothing to unlock against. */
  'offline_unlock_unavailable',
  /** The OS keychain is not available: the token is never stored in plaintext instead. */
  'encryption_unavailable',
  /** A link outside the allow-list of external sites. */
  'forbidden_url',
  /** The backup folder is missing or cannot be written to. */
  'folder_unwritable',
  /** Daily backups are not switched on for this account. */
  'backup_not_configured',
] as const;

export const IPC_ERROR_CODES = [...ERROR_CODES, ...IPC_ONLY_ERROR_CODES] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const ipcErrorSchema = z.object({ code: z.enum(IPC_ERROR_CODES), message: z.string() });
export type IpcError = z.infer<typeof ipcErrorSchema>;

/** Every IPC answer is a value; nothing is thrown across the bridge. */
export type IpcResult<T> = Result<T, IpcError>;

export const ipcOk: <T>(value: T) => Ok<T> = ok;
export const ipcErr = (code: IpcErrorCode, message: string): Err<IpcError> => err({ code, message });

/**
 * The sync engine only knows protocol codes: the bridge's own refusals all mean "sign in
 * again" except a missing keychain, which is a fault of this machine.
 */
export function toSyncErrorCode(code: IpcErrorCode): ErrorCode {
  switch (code) {
    case 'forbidden_sender':
    case 'locked':
    case 'locked_out':
    case 'offline_unlock_unavailable':
      return 'unauthorized';
    case 'encryption_unavailable':
      return 'internal';
    case 'forbidden_url':
    case 'folder_unwritable':
    case 'backup_not_configured':
      return 'validation_failed';
    default:
      return code;
  }
}
