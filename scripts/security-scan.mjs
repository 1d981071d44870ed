// `npm run security:scan`: electronegativity over the Electron sources, the built preload and the renderer's
// HTML, gated by the reviewed allowlist in security/electronegativity-allowlist.json.
//
// electronegativity always exits 0, so this script reads its SARIF report and fails (exit 1) when
//   - a finding is not accepted by an allowlist entry,
//   - an allowlist entry is stale (its file was scanned, it matched nothing),
//   - a scanned file cannot be parsed by the tool (it would be skipped silently when writing a report),
//   - a scanned file silences a check inline (`eng-disable`), bypassing the reviewed allowlist,
//   - the allowlist was reviewed against another tool version, or names evidence that does not exist.
// It also runs our real CSP (shared/security/csp.ts) through csp-evaluator, the evaluator electronegativity
// uses, because the tool cannot see a policy sent from a constant (see scan-report.mjs).
//
// The tool is NOT a devDependency (it pulls eslint 7 and TypeScript 4.2): it is installed on first use into
// node_modules/.cache/electronegativity at the pinned version below, from the lock file committed in
// security/electronegativity/ (npm ci: the same tree every run). Rules: docs/security.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cspEvaluatorFindings,
  findInlineSuppressions,
  formatReport,
  matchFindings,
  parseAllowlist,
  parseSarif,
  verdict,
  withSourceLines,
} from './security/scan-report.mjs';

const ELECTRONEGATIVITY_VERSION = '1.10.3';
const TOOL = `@doyensec/electronegativity@${ELECTRONEGATIVITY_VERSION}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(root, 'node_modules', '.cache', 'electronegativity');
const toolPackage = path.join(toolDir, 'node_modules', '@doyensec', 'electronegativity');
const allowlistPath = path.join(root, 'security', 'electronegativity-allowlist.json');
const CSP_SOURCE = 'shared/security/csp.ts';
/**
 * Needs the internet (it downloads Electron's release list from GitHub, unreachable on build machines, and
 * its answer changes from day to day) and only looks at package.json, which is not scanned. The Electron
 * version is gated by test/electron/security-checklist.test.ts instead ("16. Use a current version").
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/** File types electronegativity reads (its util/file.js); everything else in the staged folder is ignored. */
const SCANNED_EXTENSIONS = /\.(js|jsx|ts|tsx|cjs|html|htm)$/i;

const started = Date.now();

function fail(message) {
  console.error(`security scan: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    ...options,
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result;
}

/**
 * Install the tool into its own folder from the committed lock file (security/electronegativity/), so every
 * run uses the same dependency tree, each package checked against its recorded integrity hash. A marker
 * named after the lock file's hash records a finished install; a changed lock file installs again.
 */
function ensureTool() {
  const lockSource = path.join(root, 'security', 'electronegativity');
  const lock = readFileSync(path.join(lockSource, 'package-lock.json'));
  const marker = path.join(
    toolDir,
    `.installed-${createHash('sha256').update(lock).digest('hex').slice(0, 16)}`,
  );
  if (existsSync(marker)) return;
  console.log(
    `Installing ${TOOL} into ${path.relative(root, toolDir)} from its lock file (once; not a project dependency)…`,
  );
  rmSync(toolDir, { recursive: true, force: true });
  mkdirSync(toolDir, { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) {
    copyFileSync(path.join(lockSource, name), path.join(toolDir, name));
  }
  const result = run('npm', ['ci', '--prefix', toolDir, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) fail(`installing ${TOOL} failed (exit ${result.status}).`);
  const installed = JSON.parse(readFileSync(path.join(toolPackage, 'package.json'), 'utf8')).version;
  if (installed !== ELECTRONEGATIVITY_VERSION)
    fail(`npm installed electronegativity ${installed}, not ${ELECTRONEGATIVITY_VERSION}.`);
  writeFileSync(marker, `${TOOL}\n`);
}

/** The exact Electron version from package.json, so the tool judges defaults for the version we ship. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    fail(`package.json must pin electron to an exact version (found ${JSON.stringify(version)}).`);
  }
  return version;
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/**
 * Copy what is scanned into one folder laid out like the repository, so one run covers all of it (global
 * checks such as "is there a CSP anywhere" judge the app as a whole) and findings carry repository paths.
 * The folder lives outside the repository: the tool skips every path containing "node_modules".
 */
function stage(work) {
  const stageDir = path.join(work, 'stage');
  cpSync(path.join(root, 'electron'), path.join(stageDir, 'electron'), { recursive: true });
  // The preload as it ships: built fresh from the current sources (esbuild, not minified).
  const built = path.join(work, 'built');
  const build = run(process.execPath, ['scripts/build-electron.mjs', '--outdir', built]);
  if (build.status !== 0) fail(`building the preload failed:\n${build.stderr || build.stdout}`);
  mkdirSync(path.join(stageDir, 'dist', 'electron'), { recursive: true });
  cpSync(path.join(built, 'preload.cjs'), path.join(stageDir, 'dist', 'electron', 'preload.cjs'));
  mkdirSync(path.join(stageDir, 'renderer'), { recursive: true });
  cpSync(path.join(root, 'renderer', 'index.html'), path.join(stageDir, 'renderer', 'index.html'));
  const notes = [];
  const builtPage = path.join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(builtPage)) {
    mkdirSync(path.join(stageDir, 'dist', 'renderer'), { recursive: true });
    cpSync(builtPage, path.join(stageDir, 'dist', 'renderer', 'index.html'));
  } else {
    notes.push('dist/renderer/index.html was not scanned: run `npm run build:renderer` first to include it.');
  }
  const files = listFiles(stageDir).filter((file) => SCANNED_EXTENSIONS.test(file));
  return { stageDir, files, notes };
}

/** Files the tool's own parser cannot read; the tool drops them without a word when writing a report. */
function unparseable(stageDir, files) {
  const requireTool = createRequire(path.join(toolPackage, 'package.json'));
  const { Parser } = requireTool('./dist/parser');
  // The same parser settings as the tool's runner (`new Parser(false, true)`: Babel first for TypeScript).
  const parser = new Parser(false, true);
  const problems = [];
  for (const file of files) {
    try {
      parser.parse(file, readFileSync(path.join(stageDir, file)));
    } catch (error) {
      problems.push(
        `electronegativity cannot parse ${file} (${error.message.split('\n')[0]}), so it was not scanned.`,
      );
    }
  }
  return problems;
}

function runElectronegativity(stageDir, reportPath, version) {
  const cli = path.join(toolPackage, 'dist', 'index.js');
  const args = [cli, '-i', stageDir, '-o', reportPath, '-r', '-e', version, '-x', EXCLUDED_CHECKS.join(',')];
  const result = run(process.execPath, args);
  if (result.status !== 0 || !existsSync(reportPath)) {
    fail(
      `electronegativity did not produce a report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return readFileSync(reportPath, 'utf8');
}

/** Our real policy through csp-evaluator (loaded from the tool's own dependencies). */
async function cspFindings() {
  const { transform } = await import('esbuild');
  const source = readFileSync(path.join(root, CSP_SOURCE), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  const { CONTENT_SECURITY_POLICY } = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  const csp = createRequire(path.join(toolPackage, 'package.json'))('@doyensec/csp-evaluator');
  const parsed = new csp.CspParser(CONTENT_SECURITY_POLICY);
  const evaluated = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();
  const lines = source.split('\n');
  const lineOf = (directive) => lines.findIndex((line) => line.includes(`'${directive}'`)) + 1;
  return cspEvaluatorFindings(evaluated, CSP_SOURCE, lineOf);
}

async function main() {
  ensureTool();
  const version = electronVersion();
  const work = mkdtempSync(path.join(tmpdir(), 'fieldwork-security-scan-'));
  try {
    const { stageDir, files, notes } = stage(work);
    const problems = unparseable(stageDir, files);
    for (const file of files) {
      const lines = findInlineSuppressions(readFileSync(path.join(stageDir, file), 'utf8'));
      for (const line of lines) {
        problems.push(
          `${file}:${line} silences a check inline (eng-disable); accept findings in the allowlist instead.`,
        );
      }
    }

    const report = runElectronegativity(stageDir, path.join(work, 'report.sarif'), version);
    const sources = new Map();
    const readLine = (file, line) => {
      const full = path.join(stageDir, file);
      if (!existsSync(full)) return undefined;
      if (!sources.has(file)) sources.set(file, readFileSync(full, 'utf8').split('\n'));
      return sources.get(file)[line - 1];
    };
    const findings = [...withSourceLines(parseSarif(report), readLine), ...(await cspFindings())];

    const allowlist = parseAllowlist(readFileSync(allowlistPath, 'utf8'));
    if (allowlist.tool !== TOOL) {
      problems.push(
        `the allowlist was reviewed against ${allowlist.tool}, but the scan runs ${TOOL}: review every entry again and update "tool".`,
      );
    }
    for (const entry of allowlist.entries) {
      for (const evidence of entry.evidence) {
        if (!existsSync(path.join(root, evidence))) {
          problems.push(
            `the allowlist entry ${entry.check} in ${entry.file} cites ${evidence}, which does not exist.`,
          );
        }
      }
    }

    const scanned = new Set([...files, CSP_SOURCE]);
    const result = matchFindings(findings, allowlist.entries, scanned);
    console.log(
      `electronegativity ${ELECTRONEGATIVITY_VERSION} (Electron ${version}) over ${files.length} files:`,
    );
    console.log(`  ${files.join('\n  ')}`);
    console.log('');
    console.log(formatReport(result, problems));
    for (const note of notes) console.log(`Note: ${note}`);
    console.log(`Scan took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (!verdict(result, problems).ok) {
      console.error('security scan: FAILED');
      process.exitCode = 1;
    } else {
      console.log('security scan: passed');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
