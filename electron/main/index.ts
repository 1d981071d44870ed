/**
 * Main-process entry: the only main-process file that imports values from 'electron'.
 *
 * It wires the plain, tested modules next to it to the real Electron objects and does nothing else, so the
 * behaviour that matters (security guards, protocol, IPC checks, file writes) is exercised by the Node tests.
 * Order matters: the privileged scheme and the sandbox must be set up before `ready`; the protocol,
 * session policy and IPC before the window loads anything.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { MENU_COMMAND_EVENT, type AppInfo, type MenuCommand } from '../../shared/ipc';
import { createHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createSenderCheck } from './ipc/sender';
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
import { setupSingleInstance } from './single-instance';
import { createWindowOptions } from './window-options';

const isDev = !app.isPackaged;
/** The Vite dev server, honoured only when running unpackaged. */
const devServerUrl = isDev ? process.env.FIELDWORK_DEV_SERVER_URL || undefined : undefined;

let mainWindow: BrowserWindow | null = null;

function fatal(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('Fieldwork failed to start:', message);
  dialog.showErrorBox('Fieldwork could not start', message);
  app.exit(1);
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_EVENT, command);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: path.join(__dirname, 'preload.cjs'), isDev }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
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

  const handlers = createHandlers({
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    revealInFolder: (filePath) => shell.showItemInFolder(filePath),
    openExternal: (url) => shell.openExternal(url),
    appInfo: appInfo(),
  });
  registerIpcHandlers(ipcMain, handlers, { isTrustedSender: createSenderCheck({ devServerUrl }) });

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

if (setupSingleInstance(app, () => mainWindow)) {
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
