// The rules `npm run dist:check` applies to the packed app: app.asar's files, size and integrity records, the
// package.json inside it, the resources folder; and the report format. (scripts/dist-check.mjs runs
// electron-builder; the configuration rules are in config-rules.mjs.) Every rule is a plain function returning
// the problems it found as sentences, so test/unit/dist/inspect.test.ts can prove each one fails on a bad
// archive or package.json, not only that it passes on the real one.
import asar from '@electron/asar';
import { createHash } from 'node:crypto';

/** The budget for app.asar. Today's archive is about 17 MB (most of it the report fonts and pdf.js). */
export const ASAR_BUDGET_BYTES = 30_000_000;

/** What the packaged app may contain: the bundled main process and preload, the renderer build, package.json. */
export const ALLOWED_FILES = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
export const ALLOWED_PREFIXES = ['dist/renderer/'];

/** Files the app cannot start without; a pack that lacks them silently produced nothing useful. */
export const REQUIRED_FILES = [
  'package.json',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
];

/** The main entry package.json must name (electron-builder checks it exists; we check it is the bundle). */
export const EXPECTED_MAIN = 'dist/electron/main.cjs';

// Checked before the allowlist, so a forbidden file inside dist/renderer/ still fails, with its own reason.
const FORBIDDEN = [
  {
    test: /(^|\/)node_modules\//,
    reason: 'node_modules (the app is bundled; runtime dependencies must not ship)',
  },
  { test: /\.map$/i, reason: 'source map (it would ship the TypeScript sources)', sourceMap: true },
  { test: /(^|\/)\.env(\.[^/]*)?$/i, reason: 'environment file (may hold credentials)' },
  {
    test: /\.(pem|key|p12|pfx|p8|jks|keystore|der|cer|crt|csr|mobileprovision|provisionprofile|gpg|asc)$/i,
    reason: 'key or certificate file',
  },
  {
    test: /(^|\/)(id_rsa|id_ecdsa|id_ed25519|\.npmrc|\.netrc|\.git-credentials)$/i,
    reason: 'credentials file',
  },
  { test: /\.([cm]?ts|tsx)$/i, reason: 'TypeScript source (only the built bundles belong in the app)' },
  {
    test: /(^|\/)(test|tests|__tests__|e2e|fixtures)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$/i,
    reason: 'test file',
  },
  { test: /(^|\/)\.(git|svn|hg)(\/|$)/, reason: 'version-control data' },
];

/**
 * The files (not directories) in an asar archive, from its header: path with `/` separators and no leading
 * slash, size in bytes, the integrity record electron-builder writes, and whether it is stored outside the
 * archive (unpacked).
 */
export function readAsarEntries(archivePath) {
  const { header, headerString } = asar.getRawHeader(archivePath);
  asar.uncache(archivePath);
  const entries = [];
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else if (child.link) entries.push({ path, size: 0, link: child.link, unpacked: false });
      else
        entries.push({
          path,
          size: Number(child.size),
          integrity: child.integrity,
          unpacked: !!child.unpacked,
        });
    }
  };
  walk(header, '');
  return { entries, headerString };
}

/**
 * Sorts archive entries into allowed files and problems. `allowSourceMaps` is for a build that keeps maps on
 * purpose (none does today).
 */
export function checkAsarEntries(entries, { allowSourceMaps = false } = {}) {
  const problems = [];
  for (const entry of entries) {
    const forbidden = FORBIDDEN.find(
      (rule) => rule.test.test(entry.path) && !(rule.sourceMap && allowSourceMaps),
    );
    if (forbidden) {
      problems.push(`${entry.path}: ${forbidden.reason}`);
    } else if (entry.link) {
      problems.push(`${entry.path}: symbolic link (to ${entry.link}); the app ships plain files only`);
    } else if (entry.unpacked) {
      problems.push(
        `${entry.path}: stored outside app.asar (unpacked), where integrity checks do not cover it`,
      );
    } else if (
      !ALLOWED_FILES.includes(entry.path) &&
      !ALLOWED_PREFIXES.some((p) => entry.path.startsWith(p))
    ) {
      problems.push(`${entry.path}: not in the allowlist (main, preload, renderer build, package.json)`);
    }
  }
  return problems;
}

/** Problems if a file the app needs is missing, or the archive is empty. */
export function checkRequiredEntries(entries) {
  if (entries.length === 0) return ['app.asar is empty: the pack produced no files'];
  const paths = new Set(entries.map((e) => e.path));
  return REQUIRED_FILES.filter((f) => !paths.has(f)).map((f) => `${f}: missing from app.asar`);
}

/** Problems if the archive is larger than the budget. */
export function checkAsarSize(bytes, budget = ASAR_BUDGET_BYTES) {
  if (bytes <= 0) return ['app.asar is empty (0 bytes)'];
  return bytes > budget
    ? [`app.asar is ${formatMB(bytes)}, over the ${formatMB(budget)} budget (something is bundled twice?)`]
    : [];
}

/**
 * Every file entry carries the SHA-256 integrity record Electron checks on Windows and macOS, and (when
 * `read` is given, a function path → Buffer) the recorded hash matches the stored bytes.
 */
export function checkAsarIntegrity(entries, read) {
  const problems = [];
  for (const entry of entries) {
    if (entry.link || entry.unpacked) continue;
    const integrity = entry.integrity;
    if (
      !integrity ||
      integrity.algorithm !== 'SHA256' ||
      !/^[0-9a-f]{64}$/.test(integrity.hash ?? '') ||
      !Array.isArray(integrity.blocks) ||
      integrity.blocks.length === 0
    ) {
      problems.push(`${entry.path}: no SHA-256 integrity record in the archive header`);
      continue;
    }
    if (read) {
      const actual = createHash('sha256').update(read(entry.path)).digest('hex');
      if (actual !== integrity.hash)
        problems.push(`${entry.path}: content does not match its integrity hash`);
    }
  }
  return problems;
}

/** The hash electron-builder embeds (Windows resource, macOS Info.plist): SHA-256 of the header string. */
export function asarHeaderHash(headerString) {
  return createHash('sha256').update(headerString).digest('hex');
}

const SECRET_KEY = /(token|secret|passw(or)?d|api[-_]?key|private[-_]?key|credential|^_?auth$)/i;
const SECRET_VALUE = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bnpm_[A-Za-z0-9]{36}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\/\/[^/\s:@]+:[^/\s@]+@/, // credentials in a URL
];

/**
 * The package.json inside the app: no scripts or devDependencies (they can carry tokens, internal URLs and
 * tool versions), no runtime dependencies (everything is bundled), the expected main entry, nothing that
 * looks like a secret.
 */
export function checkPackagedPackageJson(pkg) {
  const problems = [];
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg))
    return ['package.json is not a JSON object'];
  if ('scripts' in pkg) problems.push('package.json has "scripts" (removePackageScripts must stay on)');
  if ('devDependencies' in pkg) problems.push('package.json has "devDependencies"');
  if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
    problems.push(
      `package.json has runtime "dependencies" (${Object.keys(pkg.dependencies).join(', ')}); the app is ` +
        'bundled, so they belong in devDependencies',
    );
  }
  if (pkg.main !== EXPECTED_MAIN)
    problems.push(`package.json "main" is ${JSON.stringify(pkg.main)}, not ${EXPECTED_MAIN}`);
  const visit = (value, path) => {
    if (typeof value === 'string') {
      if (SECRET_VALUE.some((re) => re.test(value)))
        problems.push(`package.json ${path} looks like a secret`);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (SECRET_KEY.test(key)) problems.push(`package.json has a "${childPath}" field`);
        visit(child, childPath);
      }
    }
  };
  visit(pkg, '');
  return problems;
}

/** The packed resources folder holds app.asar only (no app-update.yml, no unpacked files). */
export function checkResourcesDir(names) {
  const problems = [];
  if (!names.includes('app.asar')) {
    problems.push('resources/app.asar is missing: the pack produced no archive');
  }
  for (const name of names) {
    if (name === 'app.asar') continue;
    if (name === 'app-update.yml') {
      problems.push('resources/app-update.yml was written: auto-update is configured');
    } else if (name === 'app.asar.unpacked') {
      problems.push('resources/app.asar.unpacked exists: files were left outside the archive');
    } else {
      problems.push(`resources/${name}: unexpected file next to app.asar`);
    }
  }
  return problems;
}

export function formatMB(bytes) {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * The readable report: one block per check with its facts, `ok` or `FAIL` and the reasons. Returns the text
 * and the number of failed checks.
 */
export function formatReport(sections) {
  const lines = [];
  let failed = 0;
  for (const section of sections) {
    const ok = section.problems.length === 0;
    if (!ok) failed += 1;
    lines.push(`${ok ? 'ok  ' : 'FAIL'}  ${section.title}`);
    for (const fact of section.facts ?? []) lines.push(`        ${fact}`);
    for (const problem of section.problems) lines.push(`      ✗ ${problem}`);
  }
  return { text: lines.join('\n'), failed };
}
