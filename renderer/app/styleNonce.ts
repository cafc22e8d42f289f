import { CSP_NONCE_PLACEHOLDER } from '../../shared/csp/nonce';

/**
 * The style nonce this page was served with, for Ant Design's CSS-in-JS (ConfigProvider `csp`).
 * In Electron the app:// handler writes a fresh one into `<meta property="csp-nonce">` on every
 * load and names it in the page's CSP; in the browser shell the build's placeholder is still
 * there, the page allows inline styles, and there is no nonce. The browser hides a nonce
 * attribute once the page is parsed, so the element's `nonce` property is read first.
 */
export function pageStyleNonce(doc: Pick<Document, 'querySelector'> = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta ? meta.nonce || (meta.getAttribute('nonce') ?? '') : '';
  return nonce === '' || nonce === CSP_NONCE_PLACEHOLDER ? undefined : nonce;
}

/**
 * rc-component's scroll lock (a Drawer or Modal open) and its scrollbar measurement put small
 * <style> elements into <head> without a nonce: their `updateCSS` takes a `csp` option that
 * those callers never pass, and the CSP would block them (the page behind a drawer would
 * scroll). So a <style> that the app's own script appends to <head> without a nonce gets the
 * page's. This lends the nonce only to script, which script-src 'self' already limits to the
 * app's bundle; markup slipped into the page (what the nonce is for) is inserted by the HTML
 * parser, never through these calls, and stays blocked.
 */
export function lendNonceToHeadStyles(head: HTMLHeadElement, nonce: string): void {
  const stamp = (node: Node): void => {
    if (node instanceof HTMLStyleElement && node.nonce === '') node.nonce = nonce;
  };
  const append = head.appendChild.bind(head);
  const insertBefore = head.insertBefore.bind(head);
  head.appendChild = <T extends Node>(node: T): T => {
    stamp(node);
    return append(node);
  };
  head.insertBefore = <T extends Node>(node: T, child: Node | null): T => {
    stamp(node);
    return insertBefore(node, child);
  };
}
