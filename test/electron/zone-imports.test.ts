import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(import.meta.dirname, '../../electron');
/** The only files allowed to import values from 'electron' (toolchain.md: no Electron binary here). */
const ENTRY_FILES = new Set(['main/index.ts', 'preload/index.ts']);

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(electronDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) =>
      path.relative(electronDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

describe('electron/ zone boundaries', () => {
  it('only the two entry files import values from electron; others use `import type` only', async () => {
    const files = await sourceFiles();
    expect(files).toContain('main/ipc/register.ts');
    const offenders: string[] = [];
    for (const file of files) {
      const code = await readFile(path.join(electronDir, file), 'utf8');
      const imports = [...code.matchAll(/^\s*(import|export)\s+([^;]*?)\s+from\s+['"]electron['"]/gms)];
      const valueImports = imports.filter((match) => !/^type\s/.test(match[2] ?? ''));
      const requires = /\brequire\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(code);
      const sideEffect = /^\s*import\s+['"]electron['"]/m.test(code);
      if (!ENTRY_FILES.has(file) && (valueImports.length > 0 || requires || sideEffect)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('nothing in electron/ reaches into the renderer', async () => {
    for (const file of await sourceFiles()) {
      const code = await readFile(path.join(electronDir, file), 'utf8');
      expect(code, file).not.toMatch(/from\s+['"][^'"]*\/renderer\//);
    }
  });
});
