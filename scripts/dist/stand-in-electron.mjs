// The stand-in Electron distribution `npm run dist:check` packs against, since no Electron binary can be
// downloaded on the build machines (docs/toolchain.md).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses finds the fuse wire in an Electron binary by this marker. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's default fuse states, in @electron/fuses' V1 wire order ('1' on, '0' off): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, inspect arguments on, asar integrity off, only-load-from-asar off,
 * browser V8 snapshot off, file:// privileges on.
 */
export const DEFAULT_FUSE_WIRE = '10110001';

/**
 * Writes a directory electron-builder accepts as an unpacked Electron distribution for Linux (`electronDist`):
 * the `electron` executable (renamed to the app's executable name while packing), `resources/` (where
 * app.asar goes), `LICENSE` (kept as LICENSE.electron.txt) and `version`. The executable is a shell script
 * that refuses to run, followed by a fuse wire with Electron's defaults, which @electron/fuses finds by its
 * sentinel and flips as `electronFuses` says; an unflipped fuse then shows when the wire is read back.
 */
export function makeStandInElectron(dir, electronVersion, wire = DEFAULT_FUSE_WIRE) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const executable = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\necho "Stand-in for Electron made by npm run dist:check; it cannot run." >&2\nexit 1\n# ',
    ),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]), // wire version 1, number of fuses
    Buffer.from(wire, 'latin1'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), executable);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron licence (dist:check only).\n');
  writeFileSync(join(dir, 'version'), `${electronVersion}\n`);
  return dir;
}
