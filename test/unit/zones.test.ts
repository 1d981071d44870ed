/** The zone boundaries of architecture.md are enforced by lint: these imports must be refused. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('zone boundaries', () => {
  it.each([
    "import { app } from 'electron';",
    "import { readFile } from 'node:fs/promises';",
    "import fs from 'fs';",
    "import { Dexie } from 'dexie';",
    "import { useState } from 'react';",
    "import { create } from 'zustand';",
    "import { db } from '../../renderer/db';",
  ])('shared/ refuses %s', async (line) => {
    expect(await restrictedImports('shared/domain/example.ts', `${line}\nexport const x = 1;\n`)).not.toEqual(
      [],
    );
  });

  it('shared/ refuses DOM and Node globals', async () => {
    const messages = await restrictedImports(
      'shared/domain/example.ts',
      'export const w = window.location;\n',
    );
    expect(messages).toHaveLength(1);
  });

  it.each([
    "import { ipcRenderer } from 'electron';",
    "import { join } from 'node:path';",
    "import { createHandlers } from '../electron/main/ipc/handlers';",
  ])('renderer/ refuses %s', async (line) => {
    expect(
      await restrictedImports('renderer/features/example.ts', `${line}\nexport const x = 1;\n`),
    ).not.toEqual([]);
  });

  it('allows what each zone may use', async () => {
    expect(
      await restrictedImports(
        'shared/domain/example.ts',
        "import { z } from 'zod';\nexport const s = z.string();\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'renderer/features/example.ts',
        "import { Dexie } from 'dexie';\nexport const d = Dexie;\n",
      ),
    ).toEqual([]);
  });
});
