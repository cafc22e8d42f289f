/** Values the globalSetup hands to test workers (vitest `provide`/`inject`). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for tests, or '' when none is available. */
    TEST_DATABASE_URL: string;
    /** Why there is none, for the skip message. */
    TEST_DATABASE_SKIP_REASON: string;
  }
}

export {};
