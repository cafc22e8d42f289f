import { APP_HOST, APP_SCHEME } from './appInfo';

/**
 * True only for a URL of the app's own page (`app://desk/…`). Used for IPC senders and
 * navigation, so a look-alike (`app://evil/`, `https://desk/`, `app://desk.evil/`) fails.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
