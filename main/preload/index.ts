// The preload bridge (window.app) arrives with the Electron shell issue.
export const PRELOAD_API_VERSION = 1;
