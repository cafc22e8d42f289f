import { type Result, err, ok } from '../shared/result';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The sync server's base URL. The bearer token travels with every request, so plain http is
 * accepted only to this machine (the embedded demo server); anything else must be https.
 */
export function parseServerUrl(text: string): Result<URL, 'server_url_invalid' | 'server_url_insecure'> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err('server_url_invalid');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return err('server_url_invalid');
  if (url.protocol === 'https:') return ok(url);
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return ok(url);
  return err(url.protocol === 'http:' ? 'server_url_insecure' : 'server_url_invalid');
}
