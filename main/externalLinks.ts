/** The part of Electron's `shell` this module may use. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * Opens a link in the user's browser only if it is https to an allow-listed host (exact host,
 * default port, no credentials). Everything else (file:, javascript:, smb:, custom schemes
 * that launch other programs, look-alike hosts) is refused: `shell.openExternal` on an
 * attacker-chosen URL is a known path to code execution.
 */
export async function openExternalSafely(url: string, allowList: readonly string[], shell: ShellLike): Promise<boolean> {
  if (!isAllowedExternalUrl(url, allowList)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}

export function isAllowedExternalUrl(url: string, allowList: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return allowList.some((allowed) => allowed.toLowerCase() === host);
}
