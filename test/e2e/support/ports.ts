/**
 * The localhost ports of an end-to-end run: the central server and the renderer preview.
 * `E2E_PORT_OFFSET` shifts both, so two runs on one machine (two worktrees, a CI run beside a
 * developer's) do not collide.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? '0');

export const E2E_SERVER_PORT = 8799 + offset;
export const E2E_WEB_PORT = 4173 + offset;
export const E2E_SERVER_URL = `http://127.0.0.1:${E2E_SERVER_PORT}`;
export const E2E_WEB_URL = `http://127.0.0.1:${E2E_WEB_PORT}`;
