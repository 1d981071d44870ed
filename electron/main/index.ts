/**
 * Main-process entry: the only main-process file that imports values from 'electron'.
 *
 * It wires the plain, tested modules next to it to the real Electron objects and does nothing else, so the
 * behaviour that matters (security guards, protocol, IPC checks, file writes) is exercised by the Node tests.
 * Order matters: the privileged scheme and the sandbox must be set up before `ready`; the protocol,
 * session policy and IPC before the window loads anything.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  webContents,
} from 'electron';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import path from 'node:path';
import { MENU_COMMAND_EVENT, type AppInfo, type MenuCommand } from '../../shared/ipc';
import { createOpenQueue, fieldworkFileFromArgv } from './files/file-association';
import { createExchangeHandlers, type ExchangeServices } from './ipc/exchange-handlers';
import { createHandlers } from './ipc/handlers';
import { createLockHandlers } from './ipc/lock-handlers';
import { registerIpcHandlers } from './ipc/register';
import { createSenderCheck } from './ipc/sender';
import { createKeyCache, UNLOCK_CACHE_FILE } from './lock/key-cache';
import { forwardSystemLock } from './lock/system-lock';
import { buildMenuTemplate } from './menu';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './protocol/app-protocol';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, withSecurityHeaders } from './security/csp';
import { createExternalLinkOpener } from './security/external-links';
import { attachNavigationGuards } from './security/navigation';
import { applyPermissionPolicy } from './security/permissions';
import { focusWindow, setupSingleInstance } from './single-instance';
import { createWindowOptions } from './window-options';

const isDev = !app.isPackaged;
/** The Vite dev server, honoured only when running unpackaged. */
const devServerUrl = isDev ? process.env.FIELDWORK_DEV_SERVER_URL || undefined : undefined;

let mainWindow: BrowserWindow | null = null;
/** Created on `ready`; `.fieldwork` paths that arrive earlier wait in `openQueue`. */
let exchange: ExchangeServices | null = null;
const openQueue = createOpenQueue();
/** How often main checks whether a scheduled backup is due (also checked when the window starts). */
const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

function fatal(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('Fieldwork failed to start:', message);
  dialog.showErrorBox('Fieldwork could not start', message);
  app.exit(1);
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_EVENT, command);
}

/** A `.fieldwork` file to open (command line, macOS `open-file`, second launch): queued until the UI listens. */
function openFieldworkFile(filePath: string): void {
  openQueue.push(path.resolve(filePath));
  focusWindow(mainWindow);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: path.join(__dirname, 'preload.cjs'), isDev }),
  );
  mainWindow = window;
  const contentsId = window.webContents.id;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    exchange?.windowClosed(contentsId).catch((error: unknown) => console.error(error));
  });
  window.loadURL(devServerUrl ?? APP_INDEX_URL).catch(fatal);
  return window;
}

function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electronVersion: process.versions.electron,
    chromeVersion: process.versions.chrome,
    isPackaged: app.isPackaged,
  };
}

function onReady(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));

  const ses = session.defaultSession;
  applyPermissionPolicy(ses);
  // The app:// handler sets these headers itself; this also covers the dev server, whose CSP we replace.
  const csp = devServerUrl !== undefined ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, csp) });
  });

  const showSaveDialog = (options: SaveDialogOptions) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
  const showOpenDialog = (options: OpenDialogOptions) =>
    mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
  const knownPaths = new Set<string>();
  const handlers = createHandlers({
    showSaveDialog,
    showOpenDialog,
    revealInFolder: (filePath) => shell.showItemInFolder(filePath),
    openExternal: (url) => shell.openExternal(url),
    appInfo: appInfo(),
    knownPaths,
  });
  exchange = createExchangeHandlers({
    showSaveDialog,
    showOpenDialog,
    userDataPath: app.getPath('userData'),
    send: (ownerId, channel, payload) => {
      const contents = webContents.fromId(ownerId);
      if (contents && !contents.isDestroyed()) contents.send(channel, payload);
    },
    knownPaths,
    openQueue,
  });
  // The app lock's remembered key (safeStorage is only usable after `ready`, like powerMonitor below).
  const keyCache = createKeyCache({
    safeStorage,
    platform: process.platform,
    filePath: path.join(app.getPath('userData'), UNLOCK_CACHE_FILE),
  });
  registerIpcHandlers(
    ipcMain,
    { ...handlers, ...exchange.handlers, ...createLockHandlers(keyCache) },
    { isTrustedSender: createSenderCheck({ devServerUrl }) },
  );
  forwardSystemLock(powerMonitor, () => BrowserWindow.getAllWindows());
  const services = exchange;
  const checkBackup = () => {
    services.checkBackup().catch((error: unknown) => console.error('Backup check failed:', error));
  };
  setInterval(checkBackup, BACKUP_CHECK_INTERVAL_MS).unref();

  const template = buildMenuTemplate({
    isDev,
    isMac: process.platform === 'darwin',
    appName: app.getName(),
    send: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  createMainWindow();
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

const secondLaunchFile = (argv: readonly string[], cwd: string) => {
  const file = fieldworkFileFromArgv(argv, cwd);
  if (file !== null) openFieldworkFile(file);
};

if (setupSingleInstance(app, () => mainWindow, secondLaunchFile)) {
  // Windows/Linux: a double-clicked .fieldwork file arrives on the command line of the first launch.
  secondLaunchFile(process.argv, process.cwd());
  // macOS: files arrive as `open-file`, possibly before `ready` (they wait in the queue).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFieldworkFile(filePath);
  });
  const openExternal = createExternalLinkOpener((url) => shell.openExternal(url));
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.whenReady().then(onReady).catch(fatal);
}
