/**
 * Registers the browser shell's offline cache (sw.js, written by scripts/offlineCache.ts at
 * build time), so a reload without network opens the app. Only for a built app served over
 * http(s): the dev server has no sw.js, and the desktop app's app:// pages come from local
 * files already (and that scheme is not allowed service workers).
 */
export function registerOfflineCache(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => {
      console.warn('offline cache not registered', e);
    });
  };
  // After the page has loaded, so the cache's downloads do not compete with the app's own.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
