import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannels } from '../../shared/ipc';

const root = path.resolve(import.meta.dirname, '../..');
let base: string;
let outdir: string;
let buildOutput: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fieldwork-build-'));
  outdir = path.join(base, 'electron');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['scripts/build-electron.mjs', '--outdir', outdir],
    {
      cwd: root,
    },
  );
  buildOutput = stdout;
  // A stand-in renderer build next to the bundles, where main expects it (`../renderer`).
  await mkdir(path.join(base, 'renderer'));
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Fieldwork</title>');
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const requires = (code: string) =>
  [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');

describe('scripts/build-electron.mjs', () => {
  it('writes both bundles with linked source maps and prints their sizes', async () => {
    for (const name of ['main.cjs', 'preload.cjs']) {
      expect((await stat(path.join(outdir, name))).size).toBeGreaterThan(500);
      expect(await readFile(path.join(outdir, name), 'utf8')).toContain(`//# sourceMappingURL=${name}.map`);
      expect((await stat(path.join(outdir, `${name}.map`))).isFile()).toBe(true);
      expect(buildOutput).toMatch(new RegExp(`${name.replace('.', '\\.')}\\s+[\\d.]+ kB`));
    }
  });

  it('preload requires nothing but electron (sandbox-safe) and stays small (no zod inside)', async () => {
    const code = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(requires(code)).toEqual(['electron']);
    expect(code).not.toMatch(/ZodError|\$ZodType/);
    expect(code.length).toBeLessThan(20_000);
  });

  it('main requires electron as an external and otherwise only Node built-ins', async () => {
    const code = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    const modules = new Set(requires(code));
    expect(modules.has('electron')).toBe(true);
    for (const id of modules) expect(id === 'electron' || id.startsWith('node:'), id).toBe(true);
    // Electron's npm stub (which downloads the binary) must not be bundled in.
    expect(code).not.toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});

/** Records what the bundled code does with a stand-in 'electron' module. */
function fakeElectron(isPackaged: boolean) {
  const log: string[] = [];
  const ipc = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const electron = {
    app: {
      isPackaged,
      requestSingleInstanceLock: () => (log.push('lock'), true),
      enableSandbox: () => log.push('enableSandbox'),
      on: (name: string) => log.push(`app.on:${name}`),
      whenReady: () => whenReady.then(() => log.push('ready')),
      isReady: () => true,
      getName: () => 'Fieldwork',
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/fake/${name}`,
      quit: () => log.push('quit'),
      exit: (code: number) => log.push(`exit:${code}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        log.push(`privileged:${schemes[0]?.scheme}`),
      handle: (scheme: string, handler: typeof protocolHandler) => {
        log.push(`protocol.handle:${scheme}`);
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => log.push('permissionRequest'),
        setPermissionCheckHandler: () => log.push('permissionCheck'),
        webRequest: { onHeadersReceived: () => log.push('onHeadersReceived') },
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        ipc.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: { label?: string; role?: string }[]) => template,
      setApplicationMenu: (menu: { label?: string; role?: string }[]) =>
        log.push(`menu:${menu.map((item) => item.label ?? item.role).join(',')}`),
    },
    BrowserWindow: class {
      static getAllWindows = () => windows;
      webContents = { send: () => undefined };
      constructor(options: Record<string, unknown>) {
        log.push('window');
        windows.push({ options });
      }
      once() {}
      on() {}
      isDestroyed = () => false;
      loadURL = async (url: string) => {
        const current = windows.at(-1);
        if (current) current.url = url;
      };
    },
    dialog: { showErrorBox: (title: string, message: string) => log.push(`error:${title}:${message}`) },
    shell: {},
    powerMonitor: { on: (name: string) => log.push(`powerMonitor.on:${name}`) },
    // Only used when the renderer asks about the app lock; main must not touch it while starting.
    safeStorage: new Proxy({}, { get: (_target, name) => log.push(`safeStorage.${String(name)}`) }),
  };
  return { electron, log, ipc, windows, ready: () => ready(), handler: () => protocolHandler };
}

/** Run a CommonJS bundle with `require('electron')` answered by `electron`; other ids via `fallback`. */
function runBundle(code: string, file: string, electron: unknown, fallback: (id: string) => unknown) {
  const module = { exports: {} };
  const load = (id: string) => (id === 'electron' ? electron : fallback(id));
  vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file })(
    module.exports,
    load,
    module,
    file,
    path.dirname(file),
  );
}

describe('the bundles run against a stand-in Electron', () => {
  it('preload exposes window.fieldwork in a context that can only require electron', async () => {
    const code = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    // A fresh context (no Node globals), like the sandboxed preload: any other require throws.
    const context = vm.createContext({
      require: (id: string) => {
        if (id === 'electron') return electron;
        throw new Error(`sandboxed preload cannot require ${id}`);
      },
      module: { exports: {} },
      exports: {},
    });
    vm.runInContext(code, context, { filename: 'preload.cjs' });
    expect([...exposed.keys()]).toEqual(['fieldwork']);
    expect(Object.keys(exposed.get('fieldwork') ?? {}).sort()).toEqual(
      [
        'appInfo',
        'onMenuCommand',
        'openExternal',
        'openFile',
        'revealFile',
        'saveFile',
        'saveStreamBegin',
        'saveStreamWrite',
        'saveStreamEnd',
        'saveStreamAbort',
        'openStream',
        'readHandle',
        'closeHandle',
        'pendingOpens',
        'onOpenRequest',
        'backupSettings',
        'chooseBackupFolder',
        'setBackupSettings',
        'backupCheck',
        'onBackupRequest',
        'backupCompleted',
        'lockKeyStatus',
        'rememberLockKey',
        'recallLockKey',
        'forgetLockKey',
        'onSystemLock',
      ].sort(),
    );
  });

  it('main wires scheme, sandbox, session policy, IPC, menu and the app:// window in order', async () => {
    const fake = fakeElectron(true);
    const file = path.join(outdir, 'main.cjs');
    const { createRequire } = await import('node:module');
    runBundle(await readFile(file, 'utf8'), file, fake.electron, createRequire(file));
    expect(fake.log.slice(0, 3)).toEqual(['privileged:app', 'enableSandbox', 'lock']);
    // macOS may send `open-file` before ready: the listener must exist from the start.
    expect(fake.log).toContain('app.on:open-file');
    expect(fake.log).toContain('app.on:second-instance');
    fake.ready();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const afterReady = fake.log.slice(fake.log.indexOf('ready'));
    expect(afterReady).toEqual([
      'ready',
      'protocol.handle:app',
      'permissionRequest',
      'permissionCheck',
      'onHeadersReceived',
      'powerMonitor.on:lock-screen',
      'powerMonitor.on:suspend',
      'menu:File,Edit,View,help',
      'window',
    ]);
    expect([...fake.ipc.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
    const [window] = fake.windows;
    expect(window?.url).toBe('app://fieldwork/index.html');
    expect(window?.options).toMatchObject({
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        devTools: false,
        preload: path.join(outdir, 'preload.cjs'),
      },
    });
    const response = await fake.handler()?.(new Request('app://fieldwork/'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('<title>Fieldwork</title>');
    await expect(
      fake.ipc.get('app:info')?.({ senderFrame: { url: 'https://evil.example/' } }),
    ).rejects.toThrow(/did not come from the Fieldwork window/);
    await expect(
      fake.ipc.get('app:info')?.({ senderFrame: { url: 'app://fieldwork/index.html' } }),
    ).resolves.toMatchObject({
      name: 'Fieldwork',
      isPackaged: true,
    });
  });

  it('main loads the dev server only when unpackaged', async () => {
    const previous = process.env.FIELDWORK_DEV_SERVER_URL;
    process.env.FIELDWORK_DEV_SERVER_URL = 'http://localhost:5173/';
    try {
      const file = path.join(outdir, 'main.cjs');
      const { createRequire } = await import('node:module');
      const code = await readFile(file, 'utf8');
      for (const isPackaged of [false, true]) {
        const fake = fakeElectron(isPackaged);
        runBundle(code, file, fake.electron, createRequire(file));
        fake.ready();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(fake.windows[0]?.url).toBe(
          isPackaged ? 'app://fieldwork/index.html' : 'http://localhost:5173/',
        );
        expect(fake.windows[0]?.options).toMatchObject({ webPreferences: { devTools: !isPackaged } });
        const trusted = fake.ipc.get('app:info')?.({ senderFrame: { url: 'http://localhost:5173/' } });
        if (isPackaged) await expect(trusted).rejects.toThrow(/did not come from/);
        else await expect(trusted).resolves.toMatchObject({ isPackaged: false });
      }
    } finally {
      if (previous === undefined) delete process.env.FIELDWORK_DEV_SERVER_URL;
      else process.env.FIELDWORK_DEV_SERVER_URL = previous;
    }
  });
});
