/**
 * The style nonce's placeholder in the built index.html. Vite writes it into the page's
 * `<meta property="csp-nonce" nonce="…">` and its script and stylesheet tags (`html.cspNonce`
 * in vite.config.ts); the app:// protocol handler replaces it with a fresh random nonce for
 * every page it serves and names that nonce in the page's CSP (main/appProtocol.ts). The
 * renderer hands it to Ant Design, whose CSS-in-JS <style> tags then carry it. Where nothing
 * replaces it (the browser shell's static server), the page's own meta CSP still allows inline
 * styles and the placeholder means "no nonce".
 */
export const CSP_NONCE_PLACEHOLDER = 'YOUFU-CSP-NONCE-PLACEHOLDER';

/** A nonce as the handler makes them: base64 of 16 random bytes (no quote, space or `;`). */
export const CSP_NONCE_PATTERN = /^[A-Za-z0-9+/]{22}={0,2}$/;
