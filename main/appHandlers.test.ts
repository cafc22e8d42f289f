import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appHandlers } from './appHandlers';
import { createIpcRegistry } from './ipc';
import { openSettingsStore } from './settingsStore';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(openPathAnswer = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-app-'));
  dirs.push(dir);
  const settingsFile = path.join(dir, 'settings.json');
  const shell = { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve(openPathAnswer)) };
  const onLocaleChanged = vi.fn();
  const onAutoLockChanged = vi.fn();
  const ipcMain = new FakeIpcMain();
  createIpcRegistry({ ipcMain, log: new MemoryLog() }).handleSome(
    appHandlers({
      info: {
        productName: '优抚工作台',
        version: '0.1.0',
        electron: '45.5.0',
        chrome: '140',
        platform: 'linux',
        serverOrigin: 'http://127.0.0.1:8787',
      },
      settings: openSettingsStore(settingsFile),
      onLocaleChanged,
      onAutoLockChanged,
      externalAllowList: ['www.gov.cn'],
      shell,
      logDir: path.join(dir, 'logs'),
    }),
  );
  const call = (channel: string, payload: unknown = {}) => ipcMain.invoke(channel, APP_PAGE, payload);
  return { call, shell, onLocaleChanged, onAutoLockChanged, settingsFile };
}

describe('app handlers', () => {
  it('opens an allow-listed link and refuses anything else with forbidden_url', async () => {
    const s = setup();
    expect(await s.call('shell:openExternal', { url: 'https://www.gov.cn/' })).toEqual({ ok: true, value: null });
    expect(await s.call('shell:openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_url' },
    });
    expect(s.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('opens the log folder, and reports when the OS cannot', async () => {
    expect(await setup().call('log:openFolder')).toEqual({ ok: true, value: null });
    expect(await setup('no handler').call('log:openFolder')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('keeps the language and auto-lock settings and applies them', async () => {
    const s = setup();
    await s.call('app:setLocale', { locale: 'en' });
    await s.call('app:setAutoLock', { minutes: 5 });
    expect(s.onLocaleChanged).toHaveBeenCalledWith('en');
    expect(s.onAutoLockChanged).toHaveBeenCalledWith(5);
    expect(JSON.parse(readFileSync(s.settingsFile, 'utf8'))).toEqual({ locale: 'en', autoLockMinutes: 5 });
    expect(openSettingsStore(s.settingsFile).get()).toEqual({ locale: 'en', autoLockMinutes: 5 });
  });
});
