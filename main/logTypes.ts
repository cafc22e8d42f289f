/** The narrow logging surface main modules take, so tests can pass a fake and assert on it. */
export interface Log {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}
