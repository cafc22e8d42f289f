import { useSyncExternalStore } from 'react';

/**
 * A small hash router: the app is served from app:// in Electron and from a static folder in
 * the browser shell, and hash routes work the same in both without server rewrites.
 */
export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', qs = ''] = raw.split('?');
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(path: string, query?: Record<string, string | null | undefined>): void {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  window.location.hash = s ? `${path}?${s}` : path;
}

export function href(path: string): string {
  return `#${path}`;
}
