import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_NONCE_PLACEHOLDER } from './shared/csp/nonce';
import { offlineCachePlugin } from './scripts/offlineCache';
import { woff2OnlyPlugin } from './scripts/woff2Only';

/**
 * The central server the browser shell talks to. The dev server and the preview proxy /api to
 * it, so the browser app reaches it same-origin (no CORS); in Electron, main does the HTTP.
 */
const serverTarget = process.env.YOUFU_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = { '/api': { target: serverTarget, changeOrigin: false } };

/** Builds the renderer (the React UI) into dist/renderer; it runs in Electron and in Chromium. */
export const viteConfig = defineConfig({
  root: 'renderer',
  base: './',
  // offlineCachePlugin: the browser shell's service worker (sw.js), so it opens offline too;
  // woff2OnlyPlugin: the shipped font without its woff copies Chromium never loads.
  plugins: [react(), woff2OnlyPlugin(), offlineCachePlugin()],
  // Vite writes the placeholder into <meta property="csp-nonce"> and its script and stylesheet
  // tags; the app:// handler replaces it with a fresh nonce per page (shared/csp/nonce.ts).
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'chrome130',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
});

export { viteConfig as default };
