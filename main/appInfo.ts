/** Identity of the desktop app, shared by the window, the menu and electron-builder.yml. */
export const APP_ID = 'cn.gov.shenzhen.youfudesk';
export const PRODUCT_NAME = '优抚工作台';
export const APP_SCHEME = 'app';
