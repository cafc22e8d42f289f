/**
 * The Content-Security-Policy of the app page. Sent as a header on every app:// response (and
 * on any http(s) response the session sees) so `frame-ancestors` applies too, which a <meta>
 * cannot do. Style allows 'unsafe-inline' because Ant Design injects its CSS-in-JS as <style>
 * tags; scripts stay 'self' only, which is what matters against injected markup.
 */
export function buildCsp(opts: { connectOrigins: readonly string[] }): string {
  const connect = ["'self'", ...opts.connectOrigins.map(checkedOrigin)];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', ...connect],
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

/** Only a bare http(s) origin may widen connect-src: no wildcard, path or smuggled directive. */
function checkedOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`CSP connect origin is not a URL: ${origin}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) {
    throw new Error(`CSP connect origin must be a bare http(s) origin such as https://sync.example.cn, got ${origin}`);
  }
  return url.origin;
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
