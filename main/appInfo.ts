/** Identity of the desktop app, shared by the window, the menu and electron-builder.yml. */
export const APP_ID = 'cn.gov.shenzhen.youfudesk';
export const PRODUCT_NAME = '优抚工作台';
export const APP_SCHEME = 'app';
/** The renderer's origin. Fixed for good: IndexedDB data belongs to this origin. */
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
