// Bundles the Electron main process and preload with esbuild (no Electron binary needed).
//
// Why bundle: the preload runs sandboxed, where `require` can load only 'electron' and a few built-ins, so
// what it imports from shared/ipc must be inlined (the zod-free menu constants only: the contract's
// schemas are for main); the main process is bundled the same way so the packaged app
// needs no node_modules. 'electron' stays external — it is provided by the runtime, never by us.
//
// Usage: node scripts/build-electron.mjs [--outdir <dir>]   (default dist/electron)
import { build } from 'esbuild';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir =
  outdirFlag >= 0 && process.argv[outdirFlag + 1]
    ? path.resolve(process.argv[outdirFlag + 1])
    : path.join(root, 'dist', 'electron');

/** Options shared by both bundles. Electron 45 ships Node 22. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  minify: false,
  logLevel: 'warning',
  absWorkingDir: root,
  tsconfig: path.join(root, 'electron', 'tsconfig.json'),
};

const entries = [
  { in: 'electron/main/index.ts', out: 'main.cjs' },
  { in: 'electron/preload/index.ts', out: 'preload.cjs' },
];

for (const entry of entries) {
  await build({ ...common, entryPoints: [path.join(root, entry.in)], outfile: path.join(outdir, entry.out) });
}

for (const entry of entries) {
  const file = path.join(outdir, entry.out);
  const { size } = await stat(file);
  console.log(`${path.relative(root, file) || file}  ${(size / 1024).toFixed(1)} kB`);
}
