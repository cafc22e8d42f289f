/**
 * Errors are values: every fallible call in the house answers with a `Result`, and IPC and
 * HTTP carry it unchanged as `{ ok: true, value } | { ok: false, error }` (the wire shape
 * does not change when a caller's error type does). The error is usually a stable code or
 * an object with one; the UI translates the code (see i18n/messages).
 */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E = string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** `const` keeps a literal code (`err('locked')`) as its literal type, so it fits a union of codes. */
export const err = <const E>(error: E): Err<E> => ({ ok: false, error });
