import type { WindowState } from './windowState';
import { MIN_SIZE } from './windowState';
import type { SecureWebPreferences } from './security';
import { PRODUCT_NAME } from './appInfo';

/** The options of the one app window; kept apart from index.ts so they read as a unit. */
export function mainWindowOptions(state: WindowState, webPreferences: SecureWebPreferences) {
  return {
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    // Shown once the first paint is ready, so no white flash and no half-drawn layout.
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences,
  } as const;
}
