import { describe, expect, it, vi } from 'vitest';
import { type MenuItemData, buildMenuTemplate } from './menu';

function flatten(items: MenuItemData[]): MenuItemData[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}
const actions = () => ({ lock: vi.fn(), openLogFolder: vi.fn(), showAbout: vi.fn() });

describe('menu template', () => {
  it.each([
    ['zh', '打开日志文件夹', '锁定'],
    ['en', 'Open Log Folder', 'Lock'],
  ] as const)('%s: has "open log folder" and "lock", wired to their actions', (locale, logLabel, lockLabel) => {
    const a = actions();
    const items = flatten(buildMenuTemplate(locale, a, { platform: 'win32', devTools: false }));
    items.find((i) => i.label === logLabel)?.click?.();
    items.find((i) => i.label === lockLabel)?.click?.();
    expect(a.openLogFolder).toHaveBeenCalledTimes(1);
    expect(a.lock).toHaveBeenCalledTimes(1);
  });

  it('has no English label in the Chinese menu and no Chinese in the English one', () => {
    const zh = flatten(buildMenuTemplate('zh', actions(), { platform: 'linux', devTools: true })).map((i) => i.label ?? '');
    const en = flatten(buildMenuTemplate('en', actions(), { platform: 'linux', devTools: true })).map((i) => i.label ?? '');
    expect(zh.filter((l) => /[A-Za-z]/.test(l))).toEqual([]);
    expect(en.filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual([]);
  });

  it('offers developer tools only in development, and never reload', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate('en', actions(), { platform: 'linux', devTools })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
  });

  it('keeps copy and paste, and puts Quit in the app menu on macOS', () => {
    const mac = buildMenuTemplate('zh', actions(), { platform: 'darwin', devTools: false });
    expect(mac[0]?.label).toBe('优抚工作台');
    expect(mac[0]?.submenu?.some((i) => i.role === 'quit')).toBe(true);
    expect(flatten(mac).filter((i) => i.role === 'copy' || i.role === 'paste')).toHaveLength(2);
  });
});
