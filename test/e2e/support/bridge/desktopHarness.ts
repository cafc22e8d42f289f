import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAuthSession } from '../../../../main/authSession';
import { createDataKeyVault, dataKeyHandlers, fileExists } from '../../../../main/dataKeyVault';
import { startIdleLock } from '../../../../main/idleLock';
import { createIpcRegistry, sendEvent } from '../../../../main/ipc';
import { createOfflineUnlock } from '../../../../main/offlineUnlock';
import { createSealedFile } from '../../../../main/sealedFile';
import { authHandlers, conflictsHandlers, reviewHandlers, syncHandlers } from '../../../../main/sessionHandlers';
import { dailyBackupHandlers } from '../../../../main/dailyBackup';
import { type FetchLike, createSyncClient } from '../../../../main/syncClient';
import { createTokenVault } from '../../../../main/tokenVault';
import { FakeIpcMain, MemoryLog } from '../../../../main/testing/fakes';
import { e2eNow } from '../clock';
import { AesSafeStorage } from './aesSafeStorage';

/** Main's clock in the harness: the run's (support/clock.ts), like the server's and the page's. */
const e2eMillis = (): number => e2eNow().getTime();
import { pageBridgeScript } from './bundle';

export interface DesktopHarness {
  /** Channels the page called, in order. */
  readonly calls: string[];
  readonly userDataDir: string;
  /** The folder main's folder picker answers (created empty). */
  readonly backupFolder: string;
  /** false: main's HTTP to the central server fails as if the network were down. */
  setServerReachable(reachable: boolean): void;
  /** The system reports this many idle seconds and main's idle check runs. */
  simulateIdle(seconds: number): void;
  dispose(): void;
}

export interface DesktopHarnessOptions {
  serverUrl: string;
  /** The origin the page is served from; trusted by the registry in this harness only. */
  pageOrigin: string;
  autoLockMinutes?: number;
}

/**
 * main's real modules (IPC registry, auth session, offline unlock, token vault, sync client,
 * idle lock) in Node, reached from the page through one Playwright binding. Call before the
 * page's first navigation.
 */
export async function installDesktopHarness(page: Page, opts: DesktopHarnessOptions): Promise<DesktopHarness> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'youfu-bridge-'));
  const backupFolder = path.join(userDataDir, 'chosen-backup-folder');
  mkdirSync(backupFolder);
  const safeStorage = new AesSafeStorage();
  const log = new MemoryLog();
  const ipcMain = new FakeIpcMain();
  const calls: string[] = [];
  let reachable = true;
  let idleSeconds = 0;
  const checks: (() => void)[] = [];

  const fetchImpl: FetchLike = (url, init) => (reachable ? fetch(url, init) : Promise.reject(new TypeError('fetch failed')));
  const client = createSyncClient({ serverUrl: new URL(opts.serverUrl), fetch: fetchImpl });
  const auth = createAuthSession({
    client,
    vault: createTokenVault(createSealedFile(path.join(userDataDir, 'credential.bin'), safeStorage)),
    offline: createOfflineUnlock({ file: createSealedFile(path.join(userDataDir, 'unlock.bin'), safeStorage), now: e2eMillis }),
    serverUrl: new URL(opts.serverUrl).href,
    now: e2eMillis,
    emit: (status) =>
      sendEvent(
        {
          send: (channel, payload) => {
            page.evaluate(([c, p]) => window.__ipcEmit?.(c, p), [channel, payload] as const).catch(() => undefined);
          },
        },
        'auth:changed',
        status,
      ),
    log,
  });
  await auth.init();
  const idle = startIdleLock(
    {
      getIdleSeconds: () => idleSeconds,
      isUnlocked: () => auth.status().state === 'unlocked',
      lock: () => auth.lock(),
      setInterval: (fn) => checks.push(fn),
      clearInterval: () => undefined,
    },
    opts.autoLockMinutes ?? 10,
  );

  createIpcRegistry({
    ipcMain,
    log,
    isTrustedSender: (url) => URL.canParse(url) && new URL(url).origin === opts.pageOrigin,
  }).handleSome({
    ...authHandlers(auth),
    ...dataKeyHandlers(
      auth,
      createDataKeyVault({
        file: createSealedFile(path.join(userDataDir, 'data-keys.bin'), safeStorage),
        fileExists: fileExists(path.join(userDataDir, 'data-keys.bin')),
        now: e2eMillis,
      }),
    ),
    ...syncHandlers(auth, client),
    ...conflictsHandlers(auth, client),
    ...reviewHandlers(auth, client),
    ...dailyBackupHandlers({
      configFile: path.join(userDataDir, 'backups.json'),
      passwordFile: (accountId) => createSealedFile(path.join(userDataDir, `backup-${accountId}.bin`), safeStorage),
      currentAccountId: () => auth.status().session?.user.id ?? null,
      chooseFolder: () => Promise.resolve(backupFolder),
      now: e2eNow,
      log,
    }),
  });

  await page.exposeBinding('__ipc', (source, channel: string, ...args: unknown[]) => {
    calls.push(channel);
    return ipcMain.invoke(channel, source.frame.url(), ...args);
  });
  await page.addInitScript({ content: pageBridgeScript() });

  return {
    calls,
    userDataDir,
    backupFolder,
    setServerReachable(r) {
      reachable = r;
    },
    simulateIdle(seconds) {
      idleSeconds = seconds;
      for (const check of checks) check();
    },
    dispose() {
      idle.stop();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
