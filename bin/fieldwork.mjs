#!/usr/bin/env node
// The `fieldwork` command line (cli/): compiles cli/fieldwork.ts with esbuild on each run (well under a
// second) into node_modules/.cache/cli, then runs it in this process, in the caller's working directory.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const outfile = join(root, 'node_modules/.cache/cli/fieldwork.mjs');
await build({
  entryPoints: [join(root, 'cli/fieldwork.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  alias: { '@shared': join(root, 'shared') },
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
