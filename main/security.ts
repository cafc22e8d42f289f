import { isAppUrl } from './appOrigin';
import { hasCsp, withCsp } from './csp';
import { type ShellLike, isAllowedExternalUrl, openExternalSafely } from './externalLinks';
import type { Log } from './logTypes';

/**
 * All of the app's hardening, in one place so it can be read and tested as a checklist
 * (security.test.ts). index.ts only wires these functions to Electron's objects.
 */

export interface SecureWebPreferences {
  readonly preload: string;
  readonly sandbox: true;
  readonly contextIsolation: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webviewTag: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

/** The literal types make a weakened option a compile error, not just a failing test. */
export function secureWebPreferences(preload: string, opts: { devTools: boolean }): SecureWebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from Google and sends typed words to it.
    spellcheck: false,
    devTools: opts.devTools,
  };
}

/**
 * Permissions the page may have, and only from the app origin: persistent storage keeps the
 * browser from evicting the offline caseload under disk pressure. The camera (`media`) is
 * granted too, for video alone (photos for a visit's evidence, issue 15): see isMediaGranted.
 * Microphone, location, notifications, screen capture, clipboard reading, HID/USB/serial …
 * are all refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * What a permission request or check says about itself, beyond its name and origin: for
 * `media`, the kinds of device asked for (a request's `mediaTypes`, a check's one `mediaType`).
 */
export interface PermissionAsk {
  mediaTypes?: readonly string[] | undefined;
}

export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined, ask: PermissionAsk = {}): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission === 'media') return isMediaGranted(ask.mediaTypes);
  return GRANTED_PERMISSIONS.has(permission);
}

/**
 * The camera and nothing else: a `media` ask that names no kind of device (no `mediaTypes`,
 * or an empty list), or names `audio` (the microphone) or `unknown` among them, is refused; so
 * a page asking for video and sound together gets neither.
 */
export function isMediaGranted(mediaTypes: readonly string[] | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}
type HeadersCallback = (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void;

/** The part of Electron's `Session` that gets hardened (its handlers' details as electron.d.ts has them). */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      // A MediaAccessPermissionRequest carries `mediaTypes`; the other kinds of request do not.
      details: { requestingUrl: string; mediaTypes?: readonly ('video' | 'audio')[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { mediaType?: 'video' | 'audio' | 'unknown' },
    ) => boolean,
  ): void;
  webRequest: { onHeadersReceived(listener: (details: HeadersDetails, callback: HeadersCallback) => void): void };
}

/**
 * `csp` is the policy for anything that is not the app's own page (no nonce: no inline style
 * element at all). An app:// response keeps the CSP its protocol handler gave it, which names
 * the page's fresh style nonce.
 */
export function hardenSession(session: SessionLike, csp: string, log: Log): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl, { mediaTypes: details.mediaTypes });
    if (!granted)
      log.warn('security: permission request denied', { permission, url: details.requestingUrl, mediaTypes: details.mediaTypes });
    callback(granted);
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, requestingOrigin, { mediaTypes: details.mediaType === undefined ? undefined : [details.mediaType] }),
  );
  // app:// responses carry the CSP from the protocol handler (Electron gives custom protocols'
  // headers to this hook, if at all, as the handler set them); this covers anything else the
  // session loads (a dev server, the sync server's JSON) so no response can loosen it.
  session.webRequest.onHeadersReceived((details, callback) => {
    const own = isAppUrl(details.url) && hasCsp(details.responseHeaders);
    callback({ responseHeaders: own ? details.responseHeaders : withCsp(details.responseHeaders, csp) });
  });
}

export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's `WebContents` that gets hardened. */
export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsPolicy {
  /** Hosts whose https links may open in the user's browser (e.g. the ministry's site). */
  externalAllowList: readonly string[];
  shell: ShellLike;
  log: Log;
}

/**
 * Navigation stays inside app://desk; anything else is stopped. An allow-listed https link
 * the user clicked (a navigation or window.open) opens in the system browser instead.
 */
export function hardenWebContents(contents: WebContentsLike, policy: ContentsPolicy): void {
  // Only a navigation the user started (a clicked link) is handed to the browser; redirects
  // and sub-frame navigations (frames are refused by the CSP anyway) are just stopped.
  const guard =
    (kind: string, handOffAllowed: boolean) =>
    (event: NavigationEvent): void => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      policy.log.warn(`security: ${kind} blocked`, { url: event.url });
      if (handOffAllowed) handOff(event.url, policy);
    };
  contents.on('will-navigate', guard('navigation', true));
  contents.on('will-frame-navigate', guard('frame navigation', false));
  contents.on('will-redirect', guard('redirect', false));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.log.warn('security: webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url, policy);
    return { action: 'deny' };
  });
}

function handOff(url: string, policy: ContentsPolicy): void {
  if (!isAllowedExternalUrl(url, policy.externalAllowList)) return;
  openExternalSafely(url, policy.externalAllowList, policy.shell).catch((e: unknown) => {
    policy.log.error('security: could not open an external link', e);
  });
}
