// @ts-check
// Issue 14 §4: the renderer's rooms (app shell, features, platform). Filled in by that work.
/** @type {import('../boundariesPlugin.js').Boundary[]} */
export const layers = [];
