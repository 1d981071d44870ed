// `npm start` / `npm run start:web`: the one command that sets up and starts Fieldwork.
// Installs dependencies when missing or out of date, builds, then starts the desktop app (Electron) or,
// with --web, serves the same build for a browser at http://localhost:4173/.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const web = process.argv.includes('--web');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** Browser mode keeps its data per address, so it always uses the same port; say so if it is taken. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

if (web && !(await portFree(4173))) {
  console.error(
    '\nPort 4173 is already in use: Fieldwork (browser mode) may already be running — open http://localhost:4173/.\n' +
      'Otherwise stop the program using that port and run `npm run start:web` again. Fieldwork keeps browser-mode\n' +
      'data per address, so it does not move to another port.\n',
  );
  process.exit(1);
}

const stamp = join(root, 'node_modules/.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(stamp) || statSync(lock).mtimeMs > statSync(stamp).mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

console.log('Building Fieldwork…');
run('npm', ['run', 'build']);

if (web) {
  console.log(
    '\nFieldwork (browser mode) is starting at http://localhost:4173/ — open it in Chromium, Chrome or Edge.',
  );
  console.log('Press Ctrl+C to stop. Data stays in this browser profile for http://localhost:4173.\n');
  spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--port', '4173', '--strictPort'], {
    cwd: root,
    stdio: 'inherit',
  }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const electronDir = join(root, 'node_modules/electron');
  if (!existsSync(join(electronDir, 'path.txt'))) {
    console.log("Downloading Electron's runtime (first start only)…");
    const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: 'inherit',
    });
    if (r.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
      console.error(
        "\nElectron's runtime could not be downloaded (no internet access?).\n" +
          'Run Fieldwork in your browser instead:  npm run start:web\n',
      );
      process.exit(1);
    }
  }
  const { default: electronPath } = await import('electron');
  spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
