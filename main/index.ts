import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import type { Locale } from '../shared/domain/labels';
import { APP_ENTRY_URL, APP_ID, APP_SCHEME, PRODUCT_NAME } from './appInfo';
import { appHandlers } from './appHandlers';
import { createAppProtocolHandler } from './appProtocol';
import { createAuthSession } from './authSession';
import { createDataKeyVault, dataKeyHandlers, fileExists } from './dataKeyVault';
import { readDesktopConfig } from './config';
import { buildCsp } from './csp';
import { installGlobalErrorHandlers } from './errorHandlers';
import { startIdleLock } from './idleLock';
import { createIpcRegistry, sendEvent } from './ipc';
import { mainWindowOptions } from './mainWindow';
import { buildMenuTemplate } from './menu';
import { notificationHandlers } from './notifications';
import { createOfflineUnlock } from './offlineUnlock';
import { createRotatingLog } from './rotatingLog';
import { createSealedFile } from './sealedFile';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security';
import { authHandlers, conflictsHandlers, reviewHandlers, syncHandlers } from './sessionHandlers';
import { dailyBackupHandlers } from './dailyBackup';
import { reportPdfHandlers } from './reportPdf';
import { openSettingsStore } from './settingsStore';
import { acquireSingleInstance } from './singleInstance';
import { createSyncClient } from './syncClient';
import { createTokenVault } from './tokenVault';
import { clampToDisplays, loadWindowState, saveWindowState } from './windowState';

/*
 * Composition root: wires Electron's real objects into the tested modules. No logic of its
 * own worth a test; type-checked against Electron's types (the binary is not needed for that).
 */

// Before `ready`: app:// must be standard (a real origin for IndexedDB) and secure (a secure
// context: WebCrypto, persistent storage).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const config = readDesktopConfig(process.env, app.isPackaged);
// The single-instance lock is keyed on userData, so a test profile must be set first.
if (config.ok && config.value.userDataDir) app.setPath('userData', config.value.userDataDir);

let mainWindow: BrowserWindow | null = null;

// Paths relative to this bundle (dist/main/index.cjs), so they hold both in the repo
// (`electron .`) and in the package, whose app root is dist/ itself.
const BUNDLE_DIR = __dirname;
const RENDERER_DIR = path.join(BUNDLE_DIR, '..', 'renderer');

if (acquireSingleInstance(app, () => mainWindow)) {
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox(PRODUCT_NAME, `启动失败 / Could not start: ${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  const log = createRotatingLog({ dir: app.getPath('logs'), echo: app.isPackaged ? undefined : (line) => console.log(line) });
  let rendererRestarts = 0;
  installGlobalErrorHandlers({
    process,
    app,
    log,
    onFatal: (error) => {
      dialog.showErrorBox(PRODUCT_NAME, `程序出错，需要重新启动。/ The app hit an error and must restart.\n${error.name}`);
      app.exit(1);
    },
    onRendererGone: () => {
      // One automatic reload; a renderer that keeps crashing needs a person, not a loop.
      if (rendererRestarts++ === 0) mainWindow?.reload();
    },
  });
  if (!config.ok) throw new Error(config.error);
  const { serverUrl, externalAllowList, devTools } = config.value;

  // The renderer talks to the sync server only through main, so no server origin in connect-src.
  hardenSession(session.defaultSession, buildCsp(), log);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { externalAllowList, shell, log }));
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: RENDERER_DIR, csp: (styleNonce) => buildCsp({ styleNonce }) }));

  // Windows shows a notification only for an app with a user model id (the installer's shortcut
  // carries the same one).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const userData = app.getPath('userData');
  const settings = openSettingsStore(path.join(userData, 'settings.json'));
  const client = createSyncClient({ serverUrl, fetch: (url, init) => fetch(url, init) });
  const auth = createAuthSession({
    client,
    vault: createTokenVault(createSealedFile(path.join(userData, 'credential.bin'), safeStorage)),
    offline: createOfflineUnlock({ file: createSealedFile(path.join(userData, 'unlock.bin'), safeStorage), now: Date.now }),
    serverUrl: serverUrl.href,
    now: Date.now,
    emit: (status) => sendEvent(mainWindow?.webContents, 'auth:changed', status),
    log,
  });
  await auth.init();

  const idle = startIdleLock(
    {
      getIdleSeconds: () => powerMonitor.getSystemIdleTime(),
      isUnlocked: () => auth.status().state === 'unlocked',
      lock: () => auth.lock(),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    },
    settings.get().autoLockMinutes,
  );
  powerMonitor.on('lock-screen', () => idle.lockNow());
  powerMonitor.on('suspend', () => idle.lockNow());
  app.on('before-quit', () => idle.stop());

  const openLogFolder = (): void => {
    shell.openPath(log.dir).catch((e: unknown) => log.warn('could not open the log folder', e));
  };
  const applyMenu = (locale: Locale): void => {
    const template = buildMenuTemplate(
      locale,
      {
        lock: () => auth.lock(),
        openLogFolder,
        showAbout: () => {
          void dialog.showMessageBox({
            title: PRODUCT_NAME,
            message: `${PRODUCT_NAME} ${app.getVersion()}`,
            detail: `Electron ${process.versions.electron}`,
          });
        },
      },
      { platform: process.platform, devTools },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  applyMenu(settings.get().locale);

  const dataKeysFile = path.join(userData, 'data-keys.bin');
  const dataKeys = createDataKeyVault({
    file: createSealedFile(dataKeysFile, safeStorage),
    fileExists: fileExists(dataKeysFile),
    now: Date.now,
  });

  createIpcRegistry({ ipcMain, log }).handleAll({
    ...authHandlers(auth),
    ...dataKeyHandlers(auth, dataKeys),
    ...syncHandlers(auth, client),
    ...conflictsHandlers(auth, client),
    ...reviewHandlers(auth, client),
    ...dailyBackupHandlers({
      configFile: path.join(userData, 'backups.json'),
      passwordFile: (accountId) =>
        createSealedFile(path.join(userData, `backup-${accountId.replace(/[^a-zA-Z0-9-]/g, '')}.bin`), safeStorage),
      currentAccountId: () => auth.status().session?.user.id ?? null,
      chooseFolder: async () => {
        const picked = mainWindow
          ? await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] })
          : await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
        return picked.canceled ? null : (picked.filePaths[0] ?? null);
      },
      now: () => new Date(),
      log,
    }),
    ...notificationHandlers({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      onClick: () => {
        if (!mainWindow) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.show();
        mainWindow.focus();
        sendEvent(mainWindow.webContents, 'notifications:clicked', null);
      },
      log,
    }),
    ...reportPdfHandlers({
      printToPdf: async (options) => {
        if (!mainWindow) throw new Error('no window to print');
        return mainWindow.webContents.printToPDF(options);
      },
      chooseFile: async (suggestedName) => {
        const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return picked.canceled || !picked.filePath ? null : picked.filePath;
      },
      writeFile: (file, data) => writeFile(file, data),
      log,
    }),
    ...appHandlers({
      info: {
        productName: PRODUCT_NAME,
        version: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        platform: process.platform,
        serverOrigin: serverUrl.origin,
      },
      settings,
      onLocaleChanged: applyMenu,
      onAutoLockChanged: (minutes) => idle.setTimeoutMinutes(minutes),
      externalAllowList,
      shell,
      logDir: log.dir,
    }),
  });

  mainWindow = createMainWindow(path.join(userData, 'window-state.json'), devTools);
  log.info('started', { version: app.getVersion(), server: serverUrl.origin });
}

function createMainWindow(stateFile: string, devTools: boolean): BrowserWindow {
  const state = clampToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const preload = path.join(BUNDLE_DIR, 'preload.cjs');
  const win = new BrowserWindow(mainWindowOptions(state, secureWebPreferences(preload, { devTools })));
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    void saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
