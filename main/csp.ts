import { CSP_NONCE_PATTERN } from '../shared/csp/nonce';

/**
 * The Content-Security-Policy of the app page. Sent as a header on every app:// response (and
 * on any http(s) response the session sees) so `frame-ancestors` applies too, which a <meta>
 * cannot do.
 *
 * - `connect-src 'self'`: the renderer never talks to the sync server; main does, over IPC,
 *   with the token only main holds. A script injected into the page cannot reach it either.
 * - `style-src 'self' 'nonce-…'`: a <style> element needs the page's nonce, which the app://
 *   handler makes fresh for every page load and Ant Design stamps on its CSS-in-JS (ConfigProvider
 *   `csp`), so markup slipped into the page cannot bring a stylesheet (CSS can read attribute
 *   values out through selectors and `url()`). Without a nonce (any response that is not the
 *   app's own page) no inline <style> at all.
 * - `style-src-attr 'unsafe-inline'`: style *attributes* stay allowed because no nonce can
 *   cover them and two libraries write them as markup: ECharts' tooltips are HTML with
 *   `style="…"` (innerHTML), and Ant Design's TextArea autosize measures in a hidden textarea
 *   given `setAttribute('style', …)` (test/e2e/csp.spec.ts fails on both without it). An
 *   attribute has no selectors and its `url()` is held by img-src/font-src, so it cannot read
 *   the page. (Styles set through the CSSOM, as React's `style` prop does, are never blocked.)
 * - scripts stay 'self' only, which is what matters most against injected markup.
 */
export function buildCsp(opts: { styleNonce?: string } = {}): string {
  const styleElem = ["'self'"];
  if (opts.styleNonce !== undefined) styleElem.push(`'nonce-${checkedNonce(opts.styleNonce)}'`);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', ...styleElem],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'none'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Only a nonce as the handler makes them: no quote, space or `;` to smuggle a directive in. */
function checkedNonce(nonce: string): string {
  if (!CSP_NONCE_PATTERN.test(nonce)) throw new Error('CSP nonce must be base64 of 16 random bytes');
  return nonce;
}

/** True when the headers carry a Content-Security-Policy (in any letter case). */
export function hasCsp(headers: Record<string, string | string[]> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'content-security-policy');
}

/** Replaces any CSP a response carries (in any letter case) with ours. */
export function withCsp(headers: Record<string, string | string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
