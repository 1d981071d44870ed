import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupSettings } from '../../electron/main/backup/backups';
import { createExchangeHandlers, BACKUP_RETRY_MS } from '../../electron/main/ipc/exchange-handlers';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { BACKUP_RUN_REQUEST_EVENT, FILE_OPEN_REQUEST_EVENT } from '../../shared/ipc';

let dir: string;
let userData: string;
let backups: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-exchange-'));
  userData = path.join(dir, 'userData');
  backups = path.join(dir, 'Backups');
  await mkdir(userData);
  await mkdir(backups);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WINDOW = { senderId: 1 };
const OTHER = { senderId: 2 };

/** Exchange services over real folders; dialogs answer from the queues, events are recorded. */
function setup(answers: { save?: string[]; open?: string[] } = {}) {
  const saveAnswers = [...(answers.save ?? [])];
  const openAnswers = [...(answers.open ?? [])];
  const saveOptions: SaveDialogOptions[] = [];
  const openOptions: OpenDialogOptions[] = [];
  const sent: { ownerId: number; channel: string; payload: unknown }[] = [];
  let clock = new Date('2026-05-01T09:00:00Z');
  const knownPaths = new Set<string>();
  const services = createExchangeHandlers({
    showSaveDialog: async (options) => {
      saveOptions.push(options);
      const answer = saveAnswers.shift();
      return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (options) => {
      openOptions.push(options);
      const answer = openAnswers.shift();
      return answer ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
    },
    userDataPath: userData,
    send: (ownerId, channel, payload) => sent.push({ ownerId, channel, payload }),
    now: () => clock,
    knownPaths,
  });
  const reveal = createHandlers({
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    revealInFolder: () => undefined,
    openExternal: async () => undefined,
    appInfo: {
      name: '',
      version: '',
      platform: '',
      electronVersion: '',
      chromeVersion: '',
      isPackaged: true,
    },
    knownPaths,
  })['file:reveal'];
  return {
    ...services,
    h: services.handlers,
    saveOptions,
    openOptions,
    sent,
    reveal,
    setNow: (iso: string) => (clock = new Date(iso)),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('file:save-stream-*', () => {
  it('asks where to save, streams the chunks to that file, and lets the window reveal it', async () => {
    const target = path.join(dir, 'Acme.fieldwork');
    const { h, saveOptions, reveal } = setup({ save: [target] });
    const filters = [{ name: 'Fieldwork engagement', extensions: ['fieldwork'] }];
    const begun = await h['file:save-stream-begin'](
      { suggestedName: 'Acme.fieldwork', filters, backupFolder: false },
      WINDOW,
    );
    expect(saveOptions[0]).toMatchObject({ defaultPath: 'Acme.fieldwork', filters });
    if (begun.status !== 'ready') throw new Error('expected ready');
    expect(begun).toMatchObject({ path: target, name: 'Acme.fieldwork' });
    await h['file:save-stream-write']({ streamId: begun.streamId, chunk: new Uint8Array([80, 75]) }, WINDOW);
    await h['file:save-stream-write']({ streamId: begun.streamId, chunk: new Uint8Array([3, 4]) }, WINDOW);
    await expect(h['file:save-stream-end']({ streamId: begun.streamId }, WINDOW)).resolves.toEqual({
      path: target,
      name: 'Acme.fieldwork',
      bytesWritten: 4,
    });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([80, 75, 3, 4]));
    await expect(reveal({ path: target })).resolves.toBeUndefined();
  });

  it('returns canceled when the dialog is canceled, and refuses a call with no window', async () => {
    const { h } = setup();
    await expect(
      h['file:save-stream-begin']({ suggestedName: 'a.fieldwork', filters: [], backupFolder: false }, WINDOW),
    ).resolves.toEqual({ status: 'canceled' });
    await expect(
      h['file:save-stream-begin'](
        { suggestedName: 'a.fieldwork', filters: [], backupFolder: false },
        { senderId: undefined },
      ),
    ).rejects.toThrow(/did not come from a window/);
  });

  it("refuses another window's stream; abort removes the partial file", async () => {
    const target = path.join(dir, 'x.fieldwork');
    const { h } = setup({ save: [target] });
    const begun = await h['file:save-stream-begin'](
      { suggestedName: 'x.fieldwork', filters: [], backupFolder: false },
      WINDOW,
    );
    if (begun.status !== 'ready') throw new Error('expected ready');
    const { streamId } = begun;
    await expect(
      h['file:save-stream-write']({ streamId, chunk: new Uint8Array([1]) }, OTHER),
    ).rejects.toThrow(/not in progress/);
    await expect(h['file:save-stream-end']({ streamId }, OTHER)).rejects.toThrow(/not in progress/);
    await h['file:save-stream-write']({ streamId, chunk: new Uint8Array([1]) }, WINDOW);
    await h['file:save-stream-abort']({ streamId }, WINDOW);
    expect(await readdir(dir)).toEqual(['Backups', 'userData']);
  });
});

describe('file:open-stream, file:read, file:close', () => {
  it('opens the chosen file as a handle (no path), reads ranges, and closes', async () => {
    const source = path.join(dir, 'in.fieldwork');
    await writeFile(source, new Uint8Array([10, 11, 12, 13, 14]));
    const { h, openOptions } = setup({ open: [source] });
    const opened = await h['file:open-stream']({ filters: [] }, WINDOW);
    expect(openOptions[0]).toMatchObject({ properties: ['openFile'] });
    if (opened.status !== 'opened') throw new Error('expected opened');
    expect(opened).toEqual({ status: 'opened', handleId: opened.handleId, name: 'in.fieldwork', size: 5 });
    expect(await h['file:read']({ handleId: opened.handleId, offset: 1, length: 3 }, WINDOW)).toEqual(
      new Uint8Array([11, 12, 13]),
    );
    await expect(h['file:read']({ handleId: opened.handleId, offset: 0, length: 1 }, OTHER)).rejects.toThrow(
      /not open/,
    );
    await h['file:close']({ handleId: opened.handleId }, WINDOW);
    await expect(h['file:read']({ handleId: opened.handleId, offset: 0, length: 1 }, WINDOW)).rejects.toThrow(
      /not open/,
    );
  });

  it('closes the handles and aborts the saves of a window that closed', async () => {
    const source = path.join(dir, 'in.fieldwork');
    await writeFile(source, 'abc');
    const { h, windowClosed } = setup({ open: [source], save: [path.join(dir, 'out.fieldwork')] });
    const opened = await h['file:open-stream']({ filters: [] }, WINDOW);
    const begun = await h['file:save-stream-begin'](
      { suggestedName: 'out.fieldwork', filters: [], backupFolder: false },
      WINDOW,
    );
    if (opened.status !== 'opened' || begun.status !== 'ready') throw new Error('expected both');
    await windowClosed(WINDOW.senderId);
    await expect(h['file:read']({ handleId: opened.handleId, offset: 0, length: 1 }, WINDOW)).rejects.toThrow(
      /not open/,
    );
    expect((await readdir(dir)).filter((name) => name.startsWith('out.fieldwork'))).toEqual([]);
  });
});

describe('files opened from outside (.fieldwork association)', () => {
  it('queues files until the window asks for them, then delivers new ones as open requests', async () => {
    const first = path.join(dir, 'first.fieldwork');
    const second = path.join(dir, 'second.fieldwork');
    await writeFile(first, 'first!');
    await writeFile(second, 'second');
    const { h, fileOpened, sent } = setup();

    // Before the window listens (e.g. macOS open-file before ready, or the launch's argv).
    fileOpened(first);
    fileOpened(path.join(dir, 'deleted-meanwhile.fieldwork'));
    await flush();
    expect(sent).toEqual([]);

    const pending = await h['file:pending-opens'](undefined, WINDOW);
    expect(pending).toEqual([{ handleId: expect.any(String), name: 'first.fieldwork', size: 6 }]);
    const [firstHandle] = pending;
    if (!firstHandle) throw new Error('expected a handle');
    expect(await h['file:read']({ handleId: firstHandle.handleId, offset: 0, length: 5 }, WINDOW)).toEqual(
      new TextEncoder().encode('first'),
    );
    // Drained: asking again gives nothing.
    await expect(h['file:pending-opens'](undefined, WINDOW)).resolves.toEqual([]);

    // A double-click while running / a second launch: delivered as an event to the listening window.
    fileOpened(second);
    await flush();
    expect(sent).toEqual([
      {
        ownerId: 1,
        channel: FILE_OPEN_REQUEST_EVENT,
        payload: { handleId: expect.any(String), name: 'second.fieldwork', size: 6 },
      },
    ]);
  });

  it('queues again once the listening window closed', async () => {
    const file = path.join(dir, 'later.fieldwork');
    await writeFile(file, 'x');
    const { h, fileOpened, sent, windowClosed } = setup();
    await h['file:pending-opens'](undefined, WINDOW);
    await windowClosed(WINDOW.senderId);
    fileOpened(file);
    await flush();
    expect(sent).toEqual([]);
    const reopened = await h['file:pending-opens'](undefined, OTHER);
    expect(reopened.map((f) => f.name)).toEqual(['later.fieldwork']);
  });
});

describe('scheduled backups', () => {
  async function enable(services: ReturnType<typeof setup>) {
    const chosen = await services.h['backup:choose-folder'](undefined, WINDOW);
    expect(chosen).toMatchObject({ folder: backups, enabled: false });
    return services.h['backup:set-settings']({ enabled: true, everyDays: 7, keep: 2 }, WINDOW);
  }

  it('starts off; choosing a folder and turning it on is stored in backup-settings.json', async () => {
    const services = setup({ open: [backups] });
    expect(await services.h['backup:get-settings'](undefined, WINDOW)).toMatchObject({
      enabled: false,
      folder: null,
    });
    const settings = await enable(services);
    expect(services.openOptions[0]?.properties).toContain('openDirectory');
    expect(settings).toEqual({ enabled: true, folder: backups, everyDays: 7, keep: 2, lastBackupAt: null });
    expect(await readBackupSettings(path.join(userData, 'backup-settings.json'))).toEqual(settings);
  });

  it('refuses turning backups on before a folder is chosen; a canceled folder dialog changes nothing', async () => {
    const { h } = setup();
    await expect(h['backup:choose-folder'](undefined, WINDOW)).resolves.toBeNull();
    await expect(h['backup:set-settings']({ enabled: true, everyDays: 7, keep: 5 }, WINDOW)).rejects.toThrow(
      /Choose a backup folder/,
    );
    expect(await h['backup:get-settings'](undefined, WINDOW)).toMatchObject({ enabled: false, folder: null });
  });

  it('asks the listening window for a due backup once, writes it into the folder, records it and prunes', async () => {
    const services = setup({ open: [backups] });
    const { h, sent } = services;
    await enable(services);
    // Nobody listens yet: nothing is sent.
    expect(await services.checkBackup()).toBe(false);

    await h['backup:check'](undefined, WINDOW);
    expect(sent).toEqual([
      {
        ownerId: 1,
        channel: BACKUP_RUN_REQUEST_EVENT,
        payload: {
          suggestedName: expect.stringMatching(/^Fieldwork backup \d{4}-\d{2}-\d{2} \d{4}\.fieldwork$/),
        },
      },
    ]);
    // Not asked again while the request is pending (the hourly timer).
    expect(await services.checkBackup()).toBe(false);

    // Two older backups and an unrelated file are already in the folder.
    await writeFile(path.join(backups, 'Fieldwork backup 2026-01-01 0900.fieldwork'), 'old');
    await writeFile(path.join(backups, 'Fieldwork backup 2026-02-01 0900.fieldwork'), 'older');
    await writeFile(path.join(backups, 'keep me.txt'), 'mine');

    const { suggestedName } = sent[0]?.payload as { suggestedName: string }; // shape asserted just above
    const begun = await h['file:save-stream-begin'](
      { suggestedName, filters: [], backupFolder: true },
      WINDOW,
    );
    if (begun.status !== 'ready') throw new Error('expected ready');
    expect(begun.path).toBe(path.join(backups, suggestedName));
    await h['file:save-stream-write']({ streamId: begun.streamId, chunk: new Uint8Array([1, 2]) }, WINDOW);
    const saved = await h['file:save-stream-end']({ streamId: begun.streamId }, WINDOW);

    const completed = await h['backup:completed']({ path: saved.path }, WINDOW);
    expect(completed.settings.lastBackupAt).toBe('2026-05-01T09:00:00.000Z');
    expect(completed.removed).toEqual(['Fieldwork backup 2026-01-01 0900.fieldwork']);
    expect((await readdir(backups)).sort()).toEqual(
      ['Fieldwork backup 2026-02-01 0900.fieldwork', suggestedName, 'keep me.txt'].sort(),
    );

    // Not due again until everyDays have passed.
    services.setNow('2026-05-07T09:00:00Z');
    expect(await services.checkBackup()).toBe(false);
    services.setNow('2026-05-08T09:00:00Z');
    expect(await services.checkBackup()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('asks again when a request went unanswered for a long time', async () => {
    const services = setup({ open: [backups] });
    await enable(services);
    await services.h['backup:check'](undefined, WINDOW);
    services.setNow(new Date(Date.parse('2026-05-01T09:00:00Z') + BACKUP_RETRY_MS).toISOString());
    expect(await services.checkBackup()).toBe(true);
    expect(services.sent).toHaveLength(2);
  });

  it('writes into the backup folder only with a backup name, and only after a folder was chosen', async () => {
    const empty = setup();
    await expect(
      empty.h['file:save-stream-begin'](
        { suggestedName: 'Fieldwork backup 2026-05-01 0900.fieldwork', filters: [], backupFolder: true },
        WINDOW,
      ),
    ).rejects.toThrow(/Choose a backup folder/);

    const services = setup({ open: [backups] });
    await enable(services);
    for (const name of ['evil.exe', 'Acme.fieldwork', '.bashrc']) {
      await expect(
        services.h['file:save-stream-begin'](
          { suggestedName: name, filters: [], backupFolder: true },
          WINDOW,
        ),
      ).rejects.toThrow(/Only Fieldwork backup files/);
    }
    await rm(backups, { recursive: true });
    await expect(
      services.h['file:save-stream-begin'](
        { suggestedName: 'Fieldwork backup 2026-05-01 0900.fieldwork', filters: [], backupFolder: true },
        WINDOW,
      ),
    ).rejects.toThrow(/backup folder .* cannot be found/);
    expect(services.saveOptions).toEqual([]);
  });

  it('records only backups this session wrote into the backup folder', async () => {
    const target = path.join(dir, 'Fieldwork backup 2026-05-01 0900.fieldwork');
    const services = setup({ open: [backups], save: [target] });
    await enable(services);
    const begun = await services.h['file:save-stream-begin'](
      { suggestedName: 'Fieldwork backup 2026-05-01 0900.fieldwork', filters: [], backupFolder: false },
      WINDOW,
    );
    if (begun.status !== 'ready') throw new Error('expected ready');
    const saved = await services.h['file:save-stream-end']({ streamId: begun.streamId }, WINDOW);
    // Saved through the dialog, not the backup folder: not a scheduled backup.
    await expect(services.h['backup:completed']({ path: saved.path }, WINDOW)).rejects.toThrow(
      /Only a backup/,
    );
    await expect(
      services.h['backup:completed']({ path: path.join(backups, 'anything.fieldwork') }, WINDOW),
    ).rejects.toThrow(/Only a backup/);
    expect((await services.h['backup:get-settings'](undefined, WINDOW)).lastBackupAt).toBeNull();
  });
});
