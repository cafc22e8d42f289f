import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer (the React UI) into dist/renderer; it runs in Electron and in Chromium. */
export const viteConfig = defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'chrome130',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});

export { viteConfig as default };
