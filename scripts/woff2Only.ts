import type { Plugin } from 'vite';

/**
 * The shipped font's stylesheets (@fontsource) name each chunk twice, as woff2 and as woff for
 * browsers that lack woff2. Chromium (Electron and the browser shell) always takes the woff2,
 * so the woff copies would only add about 6 MB to the app: their `url(…) format('woff')`
 * entries are dropped, and Vite then emits no woff file at all.
 */
export function woff2OnlyPlugin(): Plugin {
  return {
    name: 'youfu-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css($|\?)/.test(id)) return null;
      return { code: dropWoff(code), map: null };
    },
  };
}

/** A stylesheet without its `, url(….woff) format('woff')` sources. */
export function dropWoff(css: string): string {
  return css.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
}
