// The rules of `npm run dist:check` (scripts/dist/inspect.mjs) on fixture archives made with @electron/asar,
// the library electron-builder packs app.asar with: each rule must pass on a clean app and fail, with a
// reason that names the file, on the mistakes it exists for.
import asar from '@electron/asar';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  asarHeaderHash,
  checkAsarEntries,
  checkAsarIntegrity,
  checkAsarSize,
  checkPackagedPackageJson,
  checkRequiredEntries,
  checkResourcesDir,
  formatReport,
  readAsarEntries,
  type AsarEntry,
} from '../../../scripts/dist/inspect.mjs';
const temp = mkdtempSync(join(tmpdir(), 'fieldwork-inspect-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The package.json electron-builder writes into the app (scripts and devDependencies stripped). */
const cleanPackageJson = {
  name: 'fieldwork',
  productName: 'Fieldwork',
  version: '0.1.0',
  author: 'Fieldwork',
  main: 'dist/electron/main.cjs',
  desktopName: 'fieldwork.desktop',
};

const appFiles: Record<string, string> = {
  'package.json': JSON.stringify(cleanPackageJson),
  'dist/electron/main.cjs': 'require("electron");',
  'dist/electron/preload.cjs': 'require("electron");',
  'dist/renderer/index.html': '<!doctype html><script type="module" src="./assets/index.js"></script>',
  'dist/renderer/assets/index.js': 'console.log("app")',
  'dist/renderer/assets/NotoSans-Regular.ttf': 'font bytes',
};

let fixtureCount = 0;
/** Packs `files` (path → content) into an app.asar in its own temp folder, as electron-builder would. */
async function makeAsar(files: Record<string, string>): Promise<string> {
  fixtureCount += 1;
  const src = join(temp, `app-${fixtureCount}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), content);
  }
  const archive = join(temp, `app-${fixtureCount}.asar`);
  await asar.createPackageWithOptions(src, archive, { dot: true });
  return archive;
}

async function entriesWith(extra: Record<string, string>): Promise<AsarEntry[]> {
  return readAsarEntries(await makeAsar({ ...appFiles, ...extra })).entries;
}

describe('app.asar file list', () => {
  it('accepts exactly the bundled main, preload, renderer build and package.json', async () => {
    const { entries } = readAsarEntries(await makeAsar(appFiles));
    expect(entries.map((e) => e.path).sort()).toEqual(Object.keys(appFiles).sort());
    expect(checkAsarEntries(entries)).toEqual([]);
    expect(checkRequiredEntries(entries)).toEqual([]);
  });

  it.each([
    ['dist/renderer/assets/index.js.map', 'source map'],
    ['dist/electron/main.cjs.map', 'source map'],
    ['.env', 'environment file'],
    ['dist/renderer/.env.production', 'environment file'],
    ['signing.p12', 'key or certificate'],
    ['dist/renderer/server.key', 'key or certificate'],
    ['certs/dev.pem', 'key or certificate'],
    ['.npmrc', 'credentials file'],
    ['electron/main/index.ts', 'TypeScript source'],
    ['dist/renderer/assets/app.test.js', 'test file'],
    ['test/unit/zones.test.ts', 'TypeScript source'],
    ['dist/renderer/e2e/harness.js', 'test file'],
    ['node_modules/zod/index.js', 'node_modules'],
    ['README.md', 'not in the allowlist'],
    ['assets/icon.svg', 'not in the allowlist'],
    ['dist/other/tool.js', 'not in the allowlist'],
  ])('refuses %s (%s)', async (path, reason) => {
    const problems = checkAsarEntries(await entriesWith({ [path]: 'x' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(path);
    expect(problems[0]).toContain(reason);
  });

  it('lets source maps through only when a build keeps them on purpose', async () => {
    const entries = await entriesWith({ 'dist/renderer/assets/index.js.map': '{}' });
    expect(checkAsarEntries(entries, { allowSourceMaps: true })).toEqual([]);
    expect(checkAsarEntries(entries)).not.toEqual([]);
  });

  it('refuses unpacked files and links, which the integrity check does not cover', () => {
    const entries: AsarEntry[] = [
      { path: 'dist/renderer/a.js', size: 1, unpacked: true },
      { path: 'dist/renderer/b.js', size: 0, unpacked: false, link: '../../etc/passwd' },
    ];
    const problems = checkAsarEntries(entries);
    expect(problems[0]).toContain('unpacked');
    expect(problems[1]).toContain('symbolic link');
  });

  it('fails when the pack produced nothing or lacks what the app needs to start', async () => {
    expect(checkRequiredEntries([])).toEqual(['app.asar is empty: the pack produced no files']);
    const { entries } = readAsarEntries(await makeAsar({ 'package.json': '{}' }));
    expect(checkRequiredEntries(entries)).toEqual([
      'dist/electron/main.cjs: missing from app.asar',
      'dist/electron/preload.cjs: missing from app.asar',
      'dist/renderer/index.html: missing from app.asar',
    ]);
  });
});

describe('app.asar size', () => {
  it('passes within the budget and fails above it, saying by how much', async () => {
    const archive = await makeAsar({ ...appFiles, 'dist/renderer/assets/big.js': 'x'.repeat(200_000) });
    const bytes = statSync(archive).size;
    expect(checkAsarSize(bytes)).toEqual([]);
    const problems = checkAsarSize(bytes, 100_000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/app\.asar is 0\.2 MB, over the 0\.1 MB budget/);
  });

  it('treats an empty archive as a failed pack', () => {
    expect(checkAsarSize(0)).toEqual(['app.asar is empty (0 bytes)']);
  });
});

describe('app.asar integrity records', () => {
  it('finds a SHA-256 record per file that matches the stored bytes', async () => {
    const archive = await makeAsar(appFiles);
    const { entries, headerString } = readAsarEntries(archive);
    expect(checkAsarIntegrity(entries, (p) => asar.extractFile(archive, p))).toEqual([]);
    asar.uncache(archive);
    expect(asarHeaderHash(headerString)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a file changed after packing', async () => {
    const archive = await makeAsar(appFiles);
    const { entries } = readAsarEntries(archive);
    const bytes = readFileSync(archive);
    const at = bytes.indexOf('console.log("app")');
    bytes.write('C', at); // same length, different content
    writeFileSync(archive, bytes);
    const problems = checkAsarIntegrity(entries, (p) => asar.extractFile(archive, p));
    asar.uncache(archive);
    expect(problems).toEqual(['dist/renderer/assets/index.js: content does not match its integrity hash']);
  });

  it('reports a file without an integrity record', () => {
    const entries: AsarEntry[] = [{ path: 'package.json', size: 2, unpacked: false }];
    expect(checkAsarIntegrity(entries)).toEqual([
      'package.json: no SHA-256 integrity record in the archive header',
    ]);
  });
});

describe('package.json inside the app', () => {
  it('accepts what electron-builder writes for Fieldwork', () => {
    expect(checkPackagedPackageJson(cleanPackageJson)).toEqual([]);
  });

  it.each([
    [{ scripts: { publish: 'NPM_TOKEN=abc npm publish' } }, '"scripts"'],
    [{ devDependencies: { vite: '8.3.8' } }, '"devDependencies"'],
    [{ dependencies: { zod: '4.6.7' } }, 'runtime "dependencies" (zod)'],
    [{ main: 'electron/main/index.ts' }, '"main" is "electron/main/index.ts"'],
    [{ config: { npmToken: 'x' } }, '"config.npmToken"'],
    [{ homepage: 'https://user:hunter2@intranet.example/fieldwork' }, 'homepage looks like a secret'],
    [{ repository: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' }, 'repository looks like a secret'],
  ])('refuses %j', (extra, expected) => {
    const problems = checkPackagedPackageJson({ ...cleanPackageJson, ...extra });
    expect(problems.join('\n')).toContain(expected);
  });

  it('refuses a package.json that is not an object', () => {
    expect(checkPackagedPackageJson(null)).toEqual(['package.json is not a JSON object']);
  });
});

describe('resources folder', () => {
  it('wants app.asar alone in resources/', () => {
    expect(checkResourcesDir(['app.asar'])).toEqual([]);
    expect(checkResourcesDir([])).toEqual(['resources/app.asar is missing: the pack produced no archive']);
    expect(checkResourcesDir(['app.asar', 'app-update.yml'])).toEqual([
      'resources/app-update.yml was written: auto-update is configured',
    ]);
    expect(checkResourcesDir(['app.asar', 'app.asar.unpacked'])[0]).toContain('outside the archive');
  });
});

describe('report', () => {
  it('marks failed checks and counts them', () => {
    const { text, failed } = formatReport([
      { title: 'first', problems: [], facts: ['a fact'] },
      { title: 'second', problems: ['went wrong'] },
    ]);
    expect(failed).toBe(1);
    expect(text).toBe(['ok    first', '        a fact', 'FAIL  second', '      ✗ went wrong'].join('\n'));
  });
});
