import { type Result, err, ok } from '../shared/result';
import { parseServerUrl } from './serverUrl';

export interface DesktopConfig {
  serverUrl: URL;
  /** Hosts whose https links may open in the system browser. */
  externalAllowList: readonly string[];
  devTools: boolean;
  /** A separate profile (e2e runs, a second test account); null for the OS default. */
  userDataDir: string | null;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';
export const DEFAULT_EXTERNAL_ALLOW_LIST = ['www.mva.gov.cn', 'www.gov.cn', 'www.sz.gov.cn', 'tyjrswj.sz.gov.cn'];

/**
 * Start-up settings from the environment: `YOUFU_SERVER_URL` (default: the embedded local
 * server), `YOUFU_DEVTOOLS=1`, `YOUFU_USER_DATA`. A bad server URL stops start-up with a
 * message rather than silently sending the token somewhere unexpected.
 */
export function readDesktopConfig(env: Record<string, string | undefined>, isPackaged: boolean): Result<DesktopConfig, string> {
  const raw = env.YOUFU_SERVER_URL?.trim() || DEFAULT_SERVER_URL;
  const serverUrl = parseServerUrl(raw);
  if (!serverUrl.ok) {
    return err(
      serverUrl.error === 'server_url_insecure'
        ? `YOUFU_SERVER_URL must use https (plain http only to this computer): ${raw}`
        : `YOUFU_SERVER_URL is not a valid server address: ${raw}`,
    );
  }
  return ok({
    serverUrl: serverUrl.value,
    externalAllowList: DEFAULT_EXTERNAL_ALLOW_LIST,
    devTools: !isPackaged || env.YOUFU_DEVTOOLS === '1',
    userDataDir: env.YOUFU_USER_DATA?.trim() || null,
  });
}
