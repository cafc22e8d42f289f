import type { Locale } from '../shared/domain/labels';
import { PRODUCT_NAME } from './appInfo';

/** The Electron roles this menu uses; a subset of MenuItemConstructorOptions['role']. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'about';

export interface MenuItemData {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemData[];
}

export interface MenuActions {
  lock: () => void;
  openLogFolder: () => void;
  showAbout: () => void;
}

const STRINGS = {
  zh: {
    file: '文件',
    lock: '锁定',
    openLogFolder: '打开日志文件夹',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    devTools: '开发者工具',
    window: '窗口',
    minimize: '最小化',
    close: '关闭',
    help: '帮助',
    about: `关于${PRODUCT_NAME}`,
    hide: '隐藏',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
  },
  en: {
    file: 'File',
    lock: 'Lock',
    openLogFolder: 'Open Log Folder',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Full Screen',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
    help: 'Help',
    about: 'About Youfu Desk',
    hide: 'Hide',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/**
 * The application menu as data, in the UI language. Edit roles stay (copy and paste
 * shortcuts need them on macOS); reload is left out because it would drop an unsaved form;
 * developer tools only in development.
 */
export function buildMenuTemplate(locale: Locale, actions: MenuActions, opts: { platform: string; devTools: boolean }): MenuItemData[] {
  const t = STRINGS[locale];
  const mac = opts.platform === 'darwin';
  const appMenu: MenuItemData[] = mac
    ? [
        {
          label: PRODUCT_NAME,
          submenu: [
            { label: t.about, click: actions.showAbout },
            { type: 'separator' },
            { label: t.hide, role: 'hide' },
            { label: t.hideOthers, role: 'hideOthers' },
            { label: t.unhide, role: 'unhide' },
            { type: 'separator' },
            { label: t.quit, role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemData = {
    label: t.file,
    submenu: [
      { label: t.lock, accelerator: 'CmdOrCtrl+L', click: actions.lock },
      { label: t.openLogFolder, click: actions.openLogFolder },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: t.quit, role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemData = {
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };
  const view: MenuItemData = {
    label: t.view,
    submenu: [
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: t.fullscreen, role: 'togglefullscreen' },
      ...(opts.devTools ? [{ label: t.devTools, role: 'toggleDevTools' } as const] : []),
    ],
  };
  const windowMenu: MenuItemData = {
    label: t.window,
    submenu: [
      { label: t.minimize, role: 'minimize' },
      { label: t.close, role: 'close' },
    ],
  };
  const help: MenuItemData = {
    label: t.help,
    submenu: mac ? [{ label: t.openLogFolder, click: actions.openLogFolder }] : [{ label: t.about, click: actions.showAbout }],
  };
  return [...appMenu, file, edit, view, windowMenu, help];
}
