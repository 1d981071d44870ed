// The security gate's rules (scripts/security/scan-report.mjs), on real electronegativity 1.10.3 output.
//
// The fixture is the SARIF report the tool wrote for a copy of electron/main/index.ts and window-options.ts
// plus a deliberately bad `debug-window.ts` (below) and without navigation.ts / permissions.ts, so it holds
// both findings the reviewed allowlist accepts and findings it must not accept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cspEvaluatorFindings,
  findInlineSuppressions,
  formatReport,
  formatTable,
  matchFindings,
  NO_FILE,
  parseAllowlist,
  parseSarif,
  verdict,
  withSourceLines,
  type Finding,
} from '../../../scripts/security/scan-report.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const sarif = readFileSync(
  path.join(import.meta.dirname, 'fixtures/electronegativity-1.10.3-debug-window.sarif'),
  'utf8',
);
const allowlistText = readFileSync(path.join(root, 'security/electronegativity-allowlist.json'), 'utf8');

/** The scanned sources, line by line, as the gate reads them to fill `code`. */
const sources: Record<string, string[]> = {
  'electron/main/debug-window.ts': [
    "import { BrowserWindow, shell } from 'electron';",
    '',
    'export function openDebugWindow(url: string): BrowserWindow {',
    '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
    "  window.webContents.on('will-navigate', (_event, target) => void shell.openExternal(target));",
  ],
};
// index.ts as it was when the fixture was written (lines 76, 121 and 181 are the flagged ones).
sources['electron/main/index.ts'] = [];
sources['electron/main/index.ts'][75] = '  const window = new BrowserWindow(';
sources['electron/main/index.ts'][120] = '    openExternal: (url) => shell.openExternal(url),';
sources['electron/main/index.ts'][180] =
  '  const openExternal = createExternalLinkOpener((url) => shell.openExternal(url));';
const readLine = (file: string, line: number) => sources[file]?.[line - 1];

const findings = () => withSourceLines(parseSarif(sarif), readLine);
const allowlist = () => parseAllowlist(allowlistText).entries;
const scanned = new Set([
  'electron/main/index.ts',
  'electron/main/debug-window.ts',
  'electron/main/window-options.ts',
]);
/** The same report without the bad file and the two global checks its absent modules triggered: the real clean run. */
const cleanFindings = () =>
  findings().filter(
    (f) =>
      f.file !== 'electron/main/debug-window.ts' &&
      !['LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].includes(f.check),
  );

describe('parseSarif', () => {
  it('reads every finding of a real report with repository paths, lines and levels', () => {
    const all = findings();
    expect(all).toHaveLength(12);
    expect(all.map((f) => `${f.check} ${f.file}:${f.line}`)).toContain(
      'SANDBOX_JS_CHECK electron/main/debug-window.ts:4',
    );
    const global = all.find((f) => f.check === 'CSP_GLOBAL_CHECK');
    expect(global).toMatchObject({ file: NO_FILE, line: 0, level: 'warning' });
    const open = all.find((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK' && f.line === 5);
    expect(open).toMatchObject({ level: 'review', message: 'Review the use of openExternal' });
    expect(open?.code).toContain('shell.openExternal(target)');
  });

  it.each([
    [
      'not JSON',
      'issue, severity, confidence, filename, location, sample, description, url\n',
      /not valid JSON/,
    ],
    ['JSON without runs', '{"version":"2.1.0"}', /not a SARIF report/],
    [
      'another tool',
      JSON.stringify({ runs: [{ tool: { driver: { name: 'ESLint' } }, results: [] }] }),
      /not written by/,
    ],
    [
      'a finding without a check id',
      JSON.stringify({
        runs: [
          {
            tool: { driver: { name: 'Electronegativity' } },
            results: [{ locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts' } } }] }],
          },
        ],
      }),
      /no check id/,
    ],
  ])('refuses %s, so a broken run never reads as "no findings"', (_name, text, message) => {
    expect(() => parseSarif(text)).toThrow(message);
  });

  it('reads an empty report as no findings', () => {
    const empty = JSON.stringify({
      runs: [{ tool: { driver: { name: 'Electronegativity' } }, results: [] }],
    });
    expect(parseSarif(empty)).toEqual([]);
  });
});

describe('parseAllowlist', () => {
  const entry = {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main/index.ts',
    reason: 'Options come from createWindowOptions, which sets sandbox: true.',
  };
  const text = (entries: unknown[], tool: unknown = '@doyensec/electronegativity@1.10.3') =>
    JSON.stringify({ tool, entries });

  it('reads the reviewed allowlist of this repository, every entry with a reason', () => {
    const entries = allowlist();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.reason.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['a missing reason', [{ ...entry, reason: undefined }], /needs a "reason"/],
    ['a reason too short to explain anything', [{ ...entry, reason: 'false positive' }], /needs a "reason"/],
    ['an unknown key (a typo would widen the entry)', [{ ...entry, fiel: 'x' }], /unknown key "fiel"/],
    ['a check id that is not one', [{ ...entry, check: 'sandbox' }], /needs "check"/],
    ['an absolute path', [{ ...entry, file: '/work/electron/main/index.ts' }], /needs "file"/],
    ['a Windows path', [{ ...entry, file: 'electron\\main\\index.ts' }], /needs "file"/],
    ['an empty code', [{ ...entry, code: '  ' }], /empty "code"/],
    ['evidence that is not a list', [{ ...entry, evidence: 'test/x.ts' }], /evidence/],
    ['a repeated entry', [entry, entry], /repeats/],
  ])('refuses %s', (_name, entries, message) => {
    expect(() => parseAllowlist(text(entries))).toThrow(message);
  });

  it('refuses a file without the reviewed tool version or without entries', () => {
    expect(() => parseAllowlist(text([entry], null))).toThrow(/tool version/);
    expect(() => parseAllowlist('{"tool":"x"}')).toThrow(/"entries" array/);
    expect(() => parseAllowlist('{')).toThrow(/not valid JSON/);
  });

  it('lists every problem at once', () => {
    expect(() => parseAllowlist(text([{ check: 'x' }, { ...entry, file: '' }]))).toThrow(
      /entry 1 needs "check"[\s\S]*entry 1 needs "file"[\s\S]*entry 2 needs "file"/,
    );
  });
});

describe('matchFindings and verdict', () => {
  it('fails the real report: the bad window, its raw openExternal and the missing guards are not allowlisted', () => {
    const result = matchFindings(findings(), allowlist(), scanned);
    expect(result.unexpected.map((f) => `${f.check} ${f.file}`).sort()).toEqual([
      'AUXCLICK_JS_CHECK electron/main/debug-window.ts',
      'CONTEXT_ISOLATION_JS_CHECK electron/main/debug-window.ts',
      'LIMIT_NAVIGATION_GLOBAL_CHECK N/A',
      'OPEN_EXTERNAL_JS_CHECK electron/main/debug-window.ts',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
      'SANDBOX_JS_CHECK electron/main/debug-window.ts',
    ]);
    expect(result.accepted).toHaveLength(6);
    expect(verdict(result).ok).toBe(false);
    const report = formatReport(result);
    expect(report).toMatch(/NOT ALLOWED\s+SANDBOX_JS_CHECK\s+electron\/main\/debug-window\.ts:4/);
    expect(report).toContain('12 findings: 6 allowlisted, 6 not allowed; 0 stale entries; 0 problems.');
  });

  it('passes the clean run, where every finding has a reviewed entry', () => {
    const result = matchFindings(cleanFindings(), allowlist(), scanned);
    expect(result.unexpected).toEqual([]);
    expect(result.stale).toEqual([]);
    // The CSP evaluator entry's file was not part of this run: not checked, not stale.
    expect(result.unchecked.map((e) => e.check)).toEqual(['CSP_EVALUATOR_CHECK']);
    expect(verdict(result).ok).toBe(true);
  });

  it('accepts a new openExternal call in index.ts only if its line is one the allowlist names', () => {
    const raw: Finding = {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'electron/main/index.ts',
      line: 200,
      column: 3,
      level: 'review',
      message: 'Review the use of openExternal',
      code: 'void shell.openExternal(request.url);',
    };
    const result = matchFindings([...cleanFindings(), raw], allowlist(), scanned);
    expect(result.unexpected).toEqual([raw]);
    expect(verdict(result).ok).toBe(false);
  });

  it('matches `code` with whitespace collapsed, so reformatting keeps an entry valid', () => {
    const [entry] = parseAllowlist(
      JSON.stringify({
        tool: 't',
        entries: [
          {
            check: 'OPEN_EXTERNAL_JS_CHECK',
            file: 'a.ts',
            code: 'openExternal( url )',
            reason: 'wrapped by the validating opener on the same line',
          },
        ],
      }),
    ).entries;
    const finding: Finding = {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'a.ts',
      line: 1,
      column: 1,
      level: 'review',
      message: '',
      code: 'x(openExternal(   url   ))',
    };
    expect(matchFindings([finding], entry ? [entry] : [], new Set(['a.ts'])).accepted).toHaveLength(1);
  });

  it('fails on a stale entry whose file was scanned, and only reports entries for files not scanned', () => {
    const withoutSandbox = cleanFindings().filter((f) => f.check !== 'SANDBOX_JS_CHECK');
    const result = matchFindings(withoutSandbox, allowlist(), scanned);
    expect(result.unexpected).toEqual([]);
    expect(result.stale.map((e) => e.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict(result).ok).toBe(false);
    expect(formatReport(result)).toMatch(
      /Stale allowlist entries[\s\S]*SANDBOX_JS_CHECK in electron\/main\/index\.ts/,
    );

    const notScanned = matchFindings([], allowlist(), new Set());
    expect(notScanned.stale.map((e) => e.file)).toEqual([NO_FILE]); // global checks always run
    expect(notScanned.unchecked.length).toBe(allowlist().length - 1);
  });

  it('fails when anything else went wrong, even with every finding allowlisted', () => {
    const result = matchFindings(cleanFindings(), allowlist(), scanned);
    const problems = ['electronegativity cannot parse electron/main/x.ts, so it was not scanned.'];
    expect(verdict(result, problems).ok).toBe(false);
    expect(formatReport(result, problems)).toMatch(/Problems:\n {2}- electronegativity cannot parse/);
  });
});

describe('cspEvaluatorFindings', () => {
  // What csp-evaluator (the tool's dependency) returned for our policy, plus a HIGH one for contrast.
  const evaluated = [
    {
      severity: 50,
      description: "'self' can be problematic if you host JSONP, Angular or user uploaded files.",
      directive: 'script-src',
      value: "'self'",
    },
    {
      severity: 20,
      description: "'wasm-unsafe-eval' seems to be an invalid CSP keyword.",
      directive: 'script-src',
      value: "'wasm-unsafe-eval'",
    },
    {
      severity: 10,
      description: "'unsafe-inline' allows the execution of unsafe in-page scripts and event handlers.",
      directive: 'script-src',
      value: "'unsafe-inline'",
    },
  ];

  it('keeps what electronegativity would report (HIGH, MEDIUM and their maybes), drops syntax notes', () => {
    const out = cspEvaluatorFindings(evaluated, 'shared/security/csp.ts', () => 19);
    expect(out.map((f) => [f.code, f.message.split(':')[0]])).toEqual([
      ["script-src 'self'", 'MEDIUM_MAYBE'],
      ["script-src 'unsafe-inline'", 'HIGH'],
    ]);
    expect(out[0]).toMatchObject({ check: 'CSP_EVALUATOR_CHECK', file: 'shared/security/csp.ts', line: 19 });
  });

  it("accepts our policy's 'self' through the allowlist but never an added 'unsafe-inline'", () => {
    const out = cspEvaluatorFindings(evaluated, 'shared/security/csp.ts');
    const result = matchFindings(out, allowlist(), new Set(['shared/security/csp.ts']));
    expect(result.accepted.map(({ finding }) => finding.code)).toEqual(["script-src 'self'"]);
    expect(result.unexpected.map((f) => f.code)).toEqual(["script-src 'unsafe-inline'"]);
  });
});

describe('findInlineSuppressions', () => {
  it('finds eng-disable comments in JavaScript and HTML, by line', () => {
    const text = [
      'const a = 1;',
      'new BrowserWindow({}); // eng-disable SANDBOX_JS_CHECK',
      '/* eng-disable CONTEXT_ISOLATION_JS_CHECK */',
      '<!-- eng-disable CSP_GLOBAL_CHECK -->',
      "const note = 'engine disabled';",
    ].join('\n');
    expect(findInlineSuppressions(text)).toEqual([2, 3, 4]);
  });
});

describe('formatTable', () => {
  it('aligns columns and truncates long cells', () => {
    const table = formatTable(
      [
        ['a', 'b'],
        ['long cell', 'x'.repeat(20)],
      ],
      [20, 10],
    );
    expect(table.split('\n')).toEqual([
      'a          b',
      '---------  ----------',
      `long cell  ${'x'.repeat(9)}…`,
    ]);
  });
});
