import { randomBytes } from 'node:crypto';
import { realpath, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CSP_NONCE_PLACEHOLDER } from '../shared/csp/nonce';
import { APP_HOST, APP_SCHEME } from './appInfo';
import { mimeTypeFor } from './mimeTypes';

export type AppRequestResolution =
  { kind: 'file'; filePath: string; mimeType: string } | { kind: 'refused'; status: 403 | 404; reason: string };

const ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}`;
/** Legitimate asset paths never contain these, so their mere presence is refused (403). */
const SUSPICIOUS = [/\.\./, /%2e/i, /\\/, /%5c/i, /%00/, /\0/, /%2f/i];

/**
 * Maps an app:// URL to a file under rootDir, or refuses it. Pure (no file system) so every
 * traversal trick can be tested as a table; the handler adds the symlink check.
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  const rawPath = rawPathOf(url);
  if (rawPath === null) return refused(403, 'not the app origin');
  if (SUSPICIOUS.some((re) => re.test(rawPath))) return refused(403, 'suspicious path');
  let segments: string[];
  try {
    segments = rawPath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return refused(404, 'undecodable path');
  }
  // ':' would name a Windows drive (C:) or an alternate data stream (file::$DATA).
  if (segments.some((s) => s === '.' || s.includes(':') || s.includes('/'))) return refused(403, 'suspicious path');
  if (segments.length === 0) segments = ['index.html'];
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return refused(403, 'outside the app folder');
  return { kind: 'file', filePath, mimeType: mimeTypeFor(filePath) };
}

/** The path part exactly as sent, before URL parsing normalises away the evidence. */
function rawPathOf(url: string): string | null {
  if (!url.toLowerCase().startsWith(ORIGIN_PREFIX)) return null;
  const rest = url.slice(ORIGIN_PREFIX.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // app://desk.evil/, app://desk:80/
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

function refused(status: 403 | 404, reason: string): AppRequestResolution {
  return { kind: 'refused', status, reason };
}

export interface AppProtocolOptions {
  rootDir: string;
  /** The CSP of a response; an HTML page's names the style nonce it was served with. */
  csp: (styleNonce?: string) => string;
  /** A fresh nonce per page (tests pass their own); base64 of 16 random bytes by default. */
  newNonce?: () => string;
}

const newRandomNonce = (): string => randomBytes(16).toString('base64');

/**
 * The `protocol.handle('app', …)` handler. Every answer carries the CSP and nosniff; only GET
 * and HEAD are served; a file reached through a symlink that leaves rootDir is refused. An HTML
 * page gets a fresh style nonce: written over the build's placeholder (its `<meta
 * property="csp-nonce">`, where the renderer reads it for Ant Design) and named in its CSP.
 */
export function createAppProtocolHandler(opts: AppProtocolOptions): (request: { url: string; method: string }) => Promise<Response> {
  const newNonce = opts.newNonce ?? newRandomNonce;
  const headers = (contentType: string, styleNonce?: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Content-Security-Policy': opts.csp(styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
  const plain = (status: number, text: string): Response => new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const resolved = resolveAppRequest(request.url, opts.rootDir);
    if (resolved.kind === 'refused') return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');
    let body: Buffer;
    try {
      const [realRoot, realFile] = await Promise.all([realpath(opts.rootDir), realpath(resolved.filePath)]);
      const relative = path.relative(realRoot, realFile);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return plain(403, 'Forbidden');
      body = await readFile(realFile);
    } catch {
      return plain(404, 'Not Found');
    }
    let styleNonce: string | undefined;
    if (resolved.mimeType.startsWith('text/html')) {
      styleNonce = newNonce();
      body = Buffer.from(body.toString('utf8').replaceAll(CSP_NONCE_PLACEHOLDER, styleNonce), 'utf8');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(resolved.mimeType, styleNonce),
    });
  };
}
