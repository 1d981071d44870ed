import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu';
import type { MenuCommand } from '../../shared/ipc';

function build(options: { isDev?: boolean; isMac?: boolean } = {}) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ isDev: false, isMac: false, appName: 'Fieldwork', send, ...options });
  return { template, send };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || (label === 'Help' && item.role === 'help'));
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

function click(item: MenuItemConstructorOptions | undefined): void {
  // The click handler's arguments (menu item, window, keyboard event) are unused by our items.
  item?.click?.(...([] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>));
}

describe('application menu', () => {
  it('has File, Edit, View, Help in that order on Windows/Linux', () => {
    const { template } = build();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'help']);
  });

  it('File: New engagement, Open engagement file and Lock with accelerators send commands; Quit closes the app', () => {
    const { template, send } = build();
    const file = submenu(template, 'File');
    const newItem = file.find((item) => item.label === 'New engagement');
    const openItem = file.find((item) => item.label === 'Open engagement file…');
    const lockItem = file.find((item) => item.label === 'Lock Fieldwork');
    expect(newItem?.accelerator).toBe('CmdOrCtrl+N');
    expect(openItem?.accelerator).toBe('CmdOrCtrl+O');
    expect(lockItem?.accelerator).toBe('CmdOrCtrl+L');
    click(newItem);
    expect(send).toHaveBeenLastCalledWith('new-engagement');
    expect(openItem?.enabled).not.toBe(false); // the exchange format has shipped
    click(openItem);
    expect(send).toHaveBeenLastCalledWith('import-engagement');
    click(lockItem);
    expect(send).toHaveBeenLastCalledWith('lock');
    expect(file.map((item) => (item.type === 'separator' ? '-' : (item.role ?? item.label)))).toEqual([
      'New engagement',
      'Open engagement file…',
      '-',
      'Lock Fieldwork',
      '-',
      'quit',
    ]);
  });

  it('Edit has the standard editing roles', () => {
    expect(roles(submenu(build().template, 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('View has no reload or DevTools in production, but does in development', () => {
    const production = roles(submenu(build().template, 'View'));
    expect(production).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenu(build({ isDev: true }).template, 'View'));
    expect(dev).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('Help > About Fieldwork sends about', () => {
    const { template, send } = build();
    const about = submenu(template, 'Help').find((item) => item.label === 'About Fieldwork');
    click(about);
    expect(send).toHaveBeenCalledExactlyOnceWith('about');
  });

  it('on macOS adds the app menu with Quit and File ends with Close', () => {
    const { template, send } = build({ isMac: true });
    expect(template[0]?.label).toBe('Fieldwork');
    const appMenu = submenu(template, 'Fieldwork');
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    click(appMenu[0]);
    expect(send).toHaveBeenCalledWith('about');
    expect(roles(submenu(template, 'File'))).toEqual(['close']);
  });
});
