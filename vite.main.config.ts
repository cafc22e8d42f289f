import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { type Plugin, defineConfig } from 'vite';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * electron-builder packages dist/ as the app (directories.app), so it needs its own
 * package.json there: same identity, the bundle as main, and no dependencies, because
 * everything is bundled and node_modules must stay out of the installer.
 */
function appPackageJson(): Plugin {
  return {
    name: 'youfu-app-package-json',
    closeBundle() {
      const root = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
      const app = {
        name: root.name,
        productName: root.productName,
        version: root.version,
        description: root.description,
        author: root.author ?? 'Youfu Desk maintainers',
        license: root.license ?? 'UNLICENSED',
        private: true,
        main: 'main/index.cjs',
      };
      writeFileSync('dist/package.json', `${JSON.stringify(app, null, 2)}\n`);
    },
  };
}

/**
 * Bundles the Electron main process (`--mode main`, the default) into dist/main/index.cjs and
 * the preload (`--mode preload`) into dist/main/preload.cjs. Two builds, not two entries of
 * one: a sandboxed preload can require only 'electron', so it must be a single file with no
 * shared chunk. Everything but electron and Node's builtins is bundled, so the packaged app
 * needs no node_modules.
 */
export const viteMainConfig = defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    publicDir: false,
    logLevel: 'warn',
    plugins: preload ? [] : [appPackageJson()],
    // Main runs in Node: packages' Node builds, never their `browser` field (tus-js-client's
    // browser build needs XMLHttpRequest, which main has not).
    resolve: preload ? {} : { mainFields: ['module', 'main'], conditions: ['node', 'module', 'import', 'default'] },
    build: {
      outDir: 'dist/main',
      emptyOutDir: !preload,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: preload ? 'main/preload/index.ts' : 'main/index.ts',
        formats: ['cjs'],
        fileName: () => (preload ? 'preload.cjs' : 'index.cjs'),
      },
      rolldownOptions: {
        external: preload ? ['electron'] : ['electron', ...NODE_BUILTINS],
        output: { codeSplitting: false },
      },
    },
  };
});

export { viteMainConfig as default };
