/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security, 20 items for
 * Electron 45), one test per item, named after it, asserting the code that meets it. Where a module has its
 * own detailed test, the item here checks the decisive fact and the wiring in `main/index.ts`, and names the
 * detailed test. How each item is met: docs/security.md. Source scans (where openExternal and ipcMain may be
 * called, no remote module, no inline code in the page): security-sources.test.ts.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  allIpcChannels,
  registerIpcHandlers,
  type IpcHandlers,
  type IpcMainLike,
} from '../../electron/main/ipc/register';
import { createSenderCheck } from '../../electron/main/ipc/sender';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from '../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../electron/main/security/csp';
import { createExternalLinkOpener } from '../../electron/main/security/external-links';
import { attachNavigationGuards, type GuardableWebContents } from '../../electron/main/security/navigation';
import { applyPermissionPolicy, type PermissionSession } from '../../electron/main/security/permissions';
import { createFieldworkApi, type IpcRendererLike } from '../../electron/preload/api';
import { createWindowOptions } from '../../electron/main/window-options';
import { MENU_COMMAND_EVENT } from '../../shared/ipc';
import { callsNamed, codeFiles, read, stringsMatching, topLevelStatements } from './source-scan';

const MAIN = 'electron/main/index.ts';
const main = read(MAIN);
const electronFiles = codeFiles(['electron']);
const modes = [
  ['production', createWindowOptions({ preloadPath: '/app/preload.cjs', isDev: false })],
  ['development', createWindowOptions({ preloadPath: '/app/preload.cjs', isDev: true })],
] as const;

/** Every webPreferences flag, in both modes (the dev window must be just as locked down). */
function preference(name: string): unknown[] {
  // WebPreferences has no index signature; reading an absent flag by name is exactly what is wanted here.
  return modes.map(([, options]) => (options.webPreferences as Record<string, unknown> | undefined)?.[name]);
}

/** A webContents stand-in with the guard's `on`/`setWindowOpenHandler` shape (Electron cannot run here). */
class FakeContents extends EventEmitter implements GuardableWebContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}
const preventable = () => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

/** The `key: value` lines of a top-level YAML block (enough for electron-builder.yml's flat fuse block). */
function yamlBlock(text: string, key: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^${key}:\\s*(#.*)?$`).test(line));
  const block: Record<string, string> = {};
  if (start < 0) return block;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const match = /^\s+([A-Za-z0-9_]+):\s*([^#\s]+)/.exec(line);
    if (match?.[1] && match[2]) block[match[1]] = match[2];
  }
  return block;
}

let base: string;
let protocolHandler: (request: Request) => Promise<Response>;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fieldwork-checklist-'));
  await mkdir(path.join(base, 'renderer'));
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Fieldwork</title>');
  await writeFile(path.join(base, 'secret.txt'), 'client data');
  protocolHandler = createAppProtocolHandler(path.join(base, 'renderer'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('Electron security checklist', () => {
  it('1. Only load secure content', () => {
    // The window loads app://fieldwork (ours, registered `secure`), or the dev server only when unpackaged.
    const loads = [...callsNamed(electronFiles, 'loadURL'), ...callsNamed(electronFiles, 'loadFile')];
    expect(loads.map((site) => `${site.file} ${site.node.getText()}`)).toEqual([
      `${MAIN} window.loadURL(devServerUrl ?? APP_INDEX_URL)`,
    ]);
    expect(main).toMatch(/const devServerUrl = isDev \? process\.env\.FIELDWORK_DEV_SERVER_URL/);
    expect(APP_INDEX_URL).toBe(`${APP_ORIGIN}/index.html`);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
    // Nothing in the page may come from elsewhere: every fetch, image, font and script is same-origin.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('2. Do not enable Node.js integration for remote content', () => {
    for (const flag of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames']) {
      expect(preference(flag), flag).toEqual([false, false]);
    }
  });

  it('3. Enable context isolation', () => {
    expect(preference('contextIsolation')).toEqual([true, true]);
  });

  it('4. Enable process sandboxing', () => {
    expect(preference('sandbox')).toEqual([true, true]);
    // Sandboxes every renderer, including any a future code path might create without our options.
    expect(topLevelStatements(MAIN)).toContain('app.enableSandbox();');
  });

  it('5. Handle session permission requests from remote content', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    } satisfies PermissionSession;
    applyPermissionPolicy(session);
    const [request] = session.setPermissionRequestHandler.mock.calls[0] ?? [];
    const [check] = session.setPermissionCheckHandler.mock.calls[0] ?? [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(check?.()).toBe(false);
    // Installed on the one session the app uses; no other session (partition) exists to forget.
    expect(main).toContain('applyPermissionPolicy(ses)');
    expect(main).toMatch(/const ses = session\.defaultSession;/);
    for (const file of electronFiles)
      expect(read(file), file).not.toMatch(/fromPartition|fromPath\(|partition:/);
  });

  it('6. Do not disable webSecurity', () => {
    expect(preference('webSecurity')).toEqual([true, true]);
    for (const file of electronFiles) expect(read(file), file).not.toMatch(/webSecurity:\s*false/);
  });

  it('7. Define a Content Security Policy', async () => {
    // Widened to look directives up by name (a missing one reads as undefined and fails the comparison).
    const csp = CSP_DIRECTIVES as Readonly<Record<string, readonly string[]>>;
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    for (const directive of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(csp[directive], directive).toEqual(["'none'"]);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'/);
    // Sent as a header on every app:// response (errors too), and over any other response in the session.
    for (const url of ['app://fieldwork/', 'app://fieldwork/missing.js']) {
      const response = await protocolHandler(new Request(url));
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
    expect(main).toMatch(/onHeadersReceived\([\s\S]*?withSecurityHeaders\(details\.responseHeaders, csp\)/);
    expect(main).toMatch(
      /devServerUrl !== undefined \? devContentSecurityPolicy\(devServerUrl\) : CONTENT_SECURITY_POLICY/,
    );
  });

  it('8. Do not enable allowRunningInsecureContent', () => {
    expect(preference('allowRunningInsecureContent')).toEqual([false, false]);
  });

  it('9. Do not enable experimental features', () => {
    expect(preference('experimentalFeatures')).toEqual([false, false]);
  });

  it('10. Do not use enableBlinkFeatures', () => {
    expect(preference('enableBlinkFeatures')).toEqual([undefined, undefined]);
    for (const file of electronFiles) expect(read(file), file).not.toMatch(/enableBlinkFeatures/);
  });

  it('11. Do not use allowpopups for WebViews', () => {
    // <webview> is off altogether, and the UI never writes one (security-sources.test.ts scans the renderer).
    expect(preference('webviewTag')).toEqual([false, false]);
    for (const file of codeFiles(['renderer'])) expect(read(file), file).not.toMatch(/<webview|allowpopups/i);
  });

  it('12. Verify WebView options before creation', () => {
    // Not just verified: every attach is refused (details: navigation.test.ts).
    const contents = new FakeContents();
    attachNavigationGuards(
      contents,
      async () => undefined,
      () => undefined,
    );
    const event = preventable();
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://example.com' });
    expect(event.prevented).toBe(true);
  });

  it('13. Disable or limit navigation', () => {
    const contents = new FakeContents();
    attachNavigationGuards(
      contents,
      async () => undefined,
      () => undefined,
    );
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', APP_INDEX_URL, 'file:///etc/passwd']) {
        const event = preventable();
        contents.emit(name, event, url);
        expect(event.prevented, `${name} ${url}`).toBe(true);
      }
    }
    // On every webContents the app ever creates, attached before the first window exists.
    expect(main).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => attachNavigationGuards\(contents, openExternal\)\)/,
    );
  });

  it('14. Disable or limit creation of new windows', async () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    attachNavigationGuards(
      contents,
      async (url) => void opened.push(url),
      () => undefined,
    );
    for (const url of [
      'https://example.com/help',
      'http://example.com',
      APP_INDEX_URL,
      'javascript:alert(1)',
    ]) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    // No window is ever created; only the https link goes to the browser (details: navigation.test.ts).
    expect(opened).toEqual(['https://example.com/help']);
  });

  it('15. Do not use shell.openExternal with untrusted content', async () => {
    // Every path to the OS opener goes through this parser (call sites: security-sources.test.ts).
    const openExternal = vi.fn(async (_url: string) => undefined);
    const open = createExternalLinkOpener(openExternal);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://host/share',
      'ms-msdt:/id',
      'http://x.example',
    ]) {
      await expect(open(url), url).rejects.toThrow();
    }
    await open('https://example.com/docs');
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs']]);
  });

  it('16. Use a current version of Electron', async () => {
    const pkg = JSON.parse(read('package.json')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    // Pinned exactly (npm on Node 20 silently picks 41.x for a bare range: toolchain.md), to a supported major.
    const pinned = pkg.devDependencies?.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
    expect(pkg.dependencies?.electron).toBeUndefined(); // electron-builder ships it; never a runtime dependency
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    expect(lock.packages['node_modules/electron']?.version).toBe(pinned);
  });

  it('17. Validate the sender of all IPC messages', async () => {
    const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const handler = vi.fn();
    // One spy for every channel of the contract, so a channel added later is covered too. TypeScript cannot
    // type a map built from a key list (hence the cast through unknown); the keys are exactly the contract's
    // channels, and the spy must never be reached from an untrusted sender anyway.
    const handlers = Object.fromEntries(
      allIpcChannels.map((channel) => [channel, handler]),
    ) as unknown as IpcHandlers;
    registerIpcHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, handlers, {
      isTrustedSender: createSenderCheck(),
    });
    expect([...listeners.keys()].sort()).toEqual([...allIpcChannels].sort());
    for (const [channel, listener] of listeners) {
      for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, null]) {
        await expect(listener({ senderFrame, sender: { id: 1 } }), channel).rejects.toThrow(
          /did not come from/,
        );
      }
    }
    expect(handler).not.toHaveBeenCalled();
    // main registers its handlers only through this wrapper (call sites: security-sources.test.ts).
    expect(main).toMatch(/registerIpcHandlers\(\s*ipcMain,/);
  });

  it('18. Avoid usage of the file:// protocol and prefer usage of custom protocols', async () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    // The traversal guard (details: app-protocol.test.ts): nothing outside the renderer folder is served.
    // (`%2e%2e` is resolved by the URL parser itself, so that request asks for a missing /secret.txt: 404.)
    for (const url of [
      'app://fieldwork/..%2fsecret.txt',
      'app://fieldwork/..%5csecret.txt',
      'app://fieldwork/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const response = await protocolHandler(new Request(url));
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('client data');
    }
    // No code path loads or builds a file: URL (loadFile is checked in item 1).
    expect(stringsMatching(electronFiles, /^file:\/\//i)).toEqual([]);
    // Pages from file:// get no extra privileges in the packaged app (fuse, item 19).
    expect(yamlBlock(read('electron-builder.yml'), 'electronFuses').grantFileProtocolExtraPrivileges).toBe(
      'false',
    );
  });

  it('19. Check which fuses you can change', () => {
    expect(yamlBlock(read('electron-builder.yml'), 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('20. Do not expose Electron APIs to untrusted web content', () => {
    const preload = read('electron/preload/index.ts');
    expect(
      callsNamed(['electron/preload/index.ts'], 'exposeInMainWorld').map((site) => site.node.getText()),
    ).toEqual(["contextBridge.exposeInMainWorld('fieldwork', createFieldworkApi(ipcRenderer))"]);
    expect(preload).not.toMatch(/webFrame|shell|clipboard|process\./);
    // The API is plain functions over named channels; no Electron object (not even the event) gets through.
    const events = new EventEmitter();
    const ipcRenderer = {
      invoke: async () => undefined,
      on: (channel, listener) => events.on(channel, listener),
      removeListener: (channel, listener) => events.removeListener(channel, listener),
    } satisfies IpcRendererLike;
    const api = createFieldworkApi(ipcRenderer);
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect(value, name).not.toBe(ipcRenderer.invoke);
    }
    const received: unknown[][] = [];
    api.onMenuCommand((...args: unknown[]) => void received.push(args));
    events.emit(MENU_COMMAND_EVENT, { sender: ipcRenderer }, 'about');
    expect(received).toEqual([['about']]);
    expect(received.every((args) => args.every((arg) => arg !== ipcRenderer))).toBe(true);
  });
});

describe('beyond the numbered checklist', () => {
  it('DevTools are off in production: no window option, no menu item, no accelerator, no call', async () => {
    expect(preference('devTools')).toEqual([false, true]);
    expect(main).toMatch(/const isDev = !app\.isPackaged;/);
    expect(main).toMatch(/createWindowOptions\(\{[^}]*isDev[^}]*\}\)/);
    // Our menu replaces Electron's default one (which has Toggle Developer Tools); details: menu.test.ts.
    expect(main).toMatch(/Menu\.setApplicationMenu\(Menu\.buildFromTemplate\(template\)\)/);
    const { buildMenuTemplate } = await import('../../electron/main/menu');
    type Item = { role?: string; accelerator?: unknown; submenu?: unknown };
    const flatten = (items: readonly Item[]): Item[] =>
      items.flatMap((item) => [
        item,
        ...(Array.isArray(item.submenu) ? flatten(item.submenu as Item[]) : []),
      ]);
    for (const isMac of [false, true]) {
      const items = flatten(
        buildMenuTemplate({ isDev: false, isMac, appName: 'Fieldwork', send: () => undefined }),
      );
      expect(items.map((item) => item.role).filter((role) => /devtools|reload/i.test(role ?? ''))).toEqual(
        [],
      );
      const accelerators = items.map((item) => String(item.accelerator ?? ''));
      expect(
        accelerators.filter((key) => /F12|Shift\+I$|Alt\+(CmdOrCtrl|Command|Ctrl)\+I$|\+R$/i.test(key)),
      ).toEqual([]);
    }
    expect(callsNamed(electronFiles, 'openDevTools')).toEqual([]);
  });
});
