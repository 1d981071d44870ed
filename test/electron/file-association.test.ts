import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenQueue, fieldworkFileFromArgv } from '../../electron/main/files/file-association';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-argv-'));
  await writeFile(path.join(dir, 'Acme 2026.fieldwork'), 'x');
  await writeFile(path.join(dir, 'UPPER.FIELDWORK'), 'x');
  await writeFile(path.join(dir, 'notes.txt'), 'x');
  await mkdir(path.join(dir, 'folder.fieldwork'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fieldworkFileFromArgv', () => {
  it('finds the double-clicked file of a packaged launch (Windows/Linux)', () => {
    const file = path.join(dir, 'Acme 2026.fieldwork');
    expect(fieldworkFileFromArgv(['C:\\Program Files\\Fieldwork\\Fieldwork.exe', file], '/')).toBe(file);
  });

  it('skips the executable, flags and the app path of a development launch, and resolves relative names', () => {
    expect(
      fieldworkFileFromArgv(
        ['/usr/bin/electron', '--inspect=9229', '.', '--no-sandbox', 'Acme 2026.fieldwork'],
        dir,
      ),
    ).toBe(path.join(dir, 'Acme 2026.fieldwork'));
    expect(fieldworkFileFromArgv(['fieldwork', 'UPPER.FIELDWORK'], dir)).toBe(
      path.join(dir, 'UPPER.FIELDWORK'),
    );
  });

  it('ignores files that do not exist, folders, other extensions and an argv[0] ending in .fieldwork', () => {
    expect(fieldworkFileFromArgv(['fieldwork', 'missing.fieldwork'], dir)).toBeNull();
    expect(fieldworkFileFromArgv(['fieldwork', 'folder.fieldwork'], dir)).toBeNull();
    expect(fieldworkFileFromArgv(['fieldwork', 'notes.txt'], dir)).toBeNull();
    expect(fieldworkFileFromArgv([path.join(dir, 'Acme 2026.fieldwork')], dir)).toBeNull();
    expect(fieldworkFileFromArgv(['fieldwork', '--file=Acme 2026.fieldwork'], dir)).toBeNull();
    expect(fieldworkFileFromArgv([], dir)).toBeNull();
  });

  it('takes the first existing one when several are named', () => {
    expect(
      fieldworkFileFromArgv(
        ['fieldwork', 'missing.fieldwork', 'UPPER.FIELDWORK', 'Acme 2026.fieldwork'],
        dir,
      ),
    ).toBe(path.join(dir, 'UPPER.FIELDWORK'));
  });
});

describe('open queue', () => {
  it('keeps paths that arrive before the window listens (macOS open-file before ready), once each', () => {
    const queue = createOpenQueue();
    queue.push('/a.fieldwork');
    queue.push('/b.fieldwork');
    queue.push('/a.fieldwork');
    expect(queue.pending).toEqual(['/a.fieldwork', '/b.fieldwork']);
    const delivered: string[] = [];
    expect(queue.drain(1, (file) => delivered.push(file))).toEqual(['/a.fieldwork', '/b.fieldwork']);
    expect(queue.pending).toEqual([]);
    // Once the window listens, new paths go straight to it.
    queue.push('/c.fieldwork');
    expect(delivered).toEqual(['/c.fieldwork']);
    expect(queue.pending).toEqual([]);
  });

  it('queues again after the listening window closed, and ignores a stop from another window', () => {
    const queue = createOpenQueue();
    const delivered: string[] = [];
    queue.drain(1, (file) => delivered.push(file));
    queue.stop(2);
    queue.push('/a.fieldwork');
    queue.stop(1);
    queue.push('/b.fieldwork');
    expect(delivered).toEqual(['/a.fieldwork']);
    expect(queue.pending).toEqual(['/b.fieldwork']);
  });
});
