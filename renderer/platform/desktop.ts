import type { AppApi } from '../../shared/ipc/appApi';

declare global {
  interface Window {
    /** Present only inside the desktop app (the preload's bridge); absent in the browser shell. */
    app?: AppApi;
  }
}

/** The desktop bridge when running in Electron, else null (the browser shell). */
export function desktopApi(): AppApi | null {
  return window.app ?? null;
}

export function isDesktop(): boolean {
  return desktopApi() !== null;
}
