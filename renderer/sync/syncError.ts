import type { Result } from '../../shared/result';
import type { ErrorCode } from '../../shared/sync/protocol';

/** A failure that crossed the wire (or never got there), as a value with a stable code. */
export interface SyncError {
  code: ErrorCode;
  message: string;
  /** True when trying again later may succeed (network down, server busy). */
  retryable: boolean;
}

export type TransportResult<T> = Result<T, SyncError>;

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['network', 'internal', 'rate_limited']);

export function syncError(code: ErrorCode, message: string): SyncError {
  return { code, message, retryable: RETRYABLE.has(code) };
}
