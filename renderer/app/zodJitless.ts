import { z } from 'zod';

/**
 * The page's CSP allows no eval (script-src 'self'). zod would probe for it with `Function('')`
 * when its first object schema is built (a CSP violation on every start) and then parse without
 * its compiled fast path anyway; jitless says so up front. Imported first by App.tsx, before
 * any schema module is evaluated.
 */
z.config({ jitless: true });
