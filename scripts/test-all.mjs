// The one test command (`npm test`): type-check, lint, format check, unit tests, build, packaging check,
// security scan, end-to-end tests.
// Every stage runs even if an earlier one failed, so one run shows everything that is wrong; the last
// line is `N passed, N failed` and the exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });

const npx = (args) => ['npx', ['--no-install', ...args]];
const stages = [
  { name: 'type-check', cmd: npx(['tsc', '-b', 'tsconfig.json']) },
  { name: 'lint', cmd: npx(['eslint', '.', '--max-warnings', '0']) },
  { name: 'format', cmd: npx(['prettier', '--check', '.']) },
  {
    name: 'unit tests',
    cmd: npx([
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'unit.json')}`,
    ]),
    json: 'unit.json',
  },
  { name: 'build', cmd: ['npm', ['run', 'build']] },
  // Packs the Linux `dir` target against a stand-in Electron and inspects app.asar (scripts/dist-check.mjs).
  { name: 'packaging check', cmd: ['npm', ['run', 'dist:check', '--', '--no-build']] },
  // electronegativity over the sources, gated by the reviewed allowlist (scripts/security-scan.mjs).
  { name: 'security scan', cmd: ['npm', ['run', 'security:scan']] },
  {
    name: 'end-to-end tests',
    cmd: npx([
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'e2e.json')}`,
    ]),
    json: 'e2e.json',
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  if (stage.json) rmSync(join(out, stage.json), { force: true });
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const [bin, args] = stage.cmd;
  const result = spawnSync(bin, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const ok = result.status === 0;
  let p = ok ? 1 : 0;
  let f = ok ? 0 : 1;
  const jsonPath = stage.json && join(out, stage.json);
  if (jsonPath && existsSync(jsonPath)) {
    const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
    p = report.numPassedTests;
    f = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1); // a crash with no failed test still fails
  }
  passed += p;
  failed += f;
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} ${stage.name}: ${p} passed, ${f} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
console.log(`\n=== summary ===\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
