/**
 * The application menu, as a pure template builder.
 *
 * Menu items never act on data themselves: app commands are sent to the renderer (which owns all
 * engagement data) as `MenuCommand`s; only window/editing actions use Electron roles. Reload and DevTools
 * exist only in development — in a packaged app a reload mid-edit or an open console helps nobody.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

export interface MenuTemplateInput {
  isDev: boolean;
  isMac: boolean;
  appName: string;
  /** Forward a command to the renderer (`webContents.send(MENU_COMMAND_EVENT, command)`). */
  send: (command: MenuCommand) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Build the menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate({
  isDev,
  isMac,
  appName,
  send,
}: MenuTemplateInput): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => send('about') };

  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New engagement', accelerator: 'CmdOrCtrl+N', click: () => send('new-engagement') },
      {
        label: 'Open engagement file…',
        accelerator: 'CmdOrCtrl+O',
        click: () => send('import-engagement'),
      },
      separator,
      // The app lock (the renderer opens its settings when the lock is off).
      { label: 'Lock Fieldwork', accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
      separator,
      // On macOS Quit lives in the app menu and File ends with Close Window, as users there expect.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = { role: 'help', submenu: [about] };

  return [...(isMac ? [macAppMenu] : []), file, edit, view, help];
}
