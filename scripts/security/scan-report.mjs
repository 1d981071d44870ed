// The pure half of the security gate (scripts/security-scan.mjs): read electronegativity's SARIF output,
// read the reviewed allowlist, decide which findings are accepted, and print a table. No file or process
// access here, so every rule of the gate is unit-tested with sample text (test/unit/security/).
//
// Why SARIF and not CSV: electronegativity 1.10.3 writes the CSV header and the rows with two concurrent
// `fs.writeFile` calls; when the rows land first, the header overwrites the first finding (seen here:
// the first line after the header started mid-sentence). The SARIF report is written in one call.

/** The id electronegativity gives a finding that has no file (a "global" check such as "no CSP found"). */
export const NO_FILE = 'N/A';

/** Keys an allowlist entry may have; anything else is a typo that would silently widen an entry. */
const ENTRY_KEYS = new Set(['check', 'file', 'code', 'reason', 'evidence']);
/** A reason shorter than this cannot say why the finding is wrong or acceptable. */
export const MIN_REASON_LENGTH = 30;

/** Collapse runs of whitespace so a reformatted line still matches its entry's `code`. */
export function normalizeCode(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * SARIF `artifactLocation.uri` → repository-relative path. electronegativity writes `file:///` for
 * findings without a file and a path relative to the scanned folder otherwise (with `-r`).
 */
function fileFromUri(uri) {
  if (uri === 'file:///' || uri === '' || uri === NO_FILE) return NO_FILE;
  const path = uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri;
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Parse electronegativity's SARIF report into findings.
 * Throws with a plain message when the text is not a SARIF report, so a crashed or changed tool can never
 * look like "no findings".
 */
export function parseSarif(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error('The electronegativity report is not valid JSON.');
  }
  if (
    report === null ||
    typeof report !== 'object' ||
    !Array.isArray(report.runs) ||
    report.runs.length !== 1
  ) {
    throw new Error('The electronegativity report is not a SARIF report with one run.');
  }
  const [run] = report.runs;
  if (run?.tool?.driver?.name !== 'Electronegativity' || !Array.isArray(run.results)) {
    throw new Error('The SARIF report was not written by electronegativity.');
  }
  return run.results.map((result, index) => {
    const location = result?.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri;
    if (typeof result?.ruleId !== 'string' || typeof uri !== 'string') {
      throw new Error(`Finding ${index + 1} of the SARIF report has no check id or file.`);
    }
    const file = fileFromUri(uri);
    return {
      check: result.ruleId,
      file,
      line: file === NO_FILE ? 0 : Number(location.region?.startLine ?? 0),
      column: file === NO_FILE ? 0 : Number(location.region?.startColumn ?? 0),
      // electronegativity marks findings that only ask for a manual look as `note`, the rest `warning`.
      level: result.level === 'note' ? 'review' : 'warning',
      message: String(result.message?.text ?? ''),
      code: '',
    };
  });
}

/**
 * Fill each finding's `code` with its source line (SARIF has no code sample), via `readLine(file, line)`,
 * which returns the line's text or undefined. Findings without a file keep an empty `code`.
 */
export function withSourceLines(findings, readLine) {
  return findings.map((finding) => {
    if (finding.file === NO_FILE || finding.line < 1 || finding.code !== '') return finding;
    return { ...finding, code: normalizeCode(readLine(finding.file, finding.line) ?? '') };
  });
}

/**
 * Parse and validate the allowlist file's text. Every entry needs a check id, a file (or "N/A") and a
 * reason; `code` (text the flagged line must contain) and `evidence` (test files backing the reason) are
 * optional. Throws with every problem listed, so a broken allowlist fails the gate rather than accepting
 * everything or nothing by accident.
 */
export function parseAllowlist(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The allowlist is not valid JSON: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
  if (data === null || typeof data !== 'object' || !Array.isArray(data.entries)) {
    throw new Error('The allowlist must be an object with an "entries" array.');
  }
  if (typeof data.tool !== 'string' || data.tool === '') {
    throw new Error('The allowlist must name the tool version it was reviewed against ("tool").');
  }
  const problems = [];
  const seen = new Set();
  const entries = data.entries.map((raw, index) => {
    const where = `entry ${index + 1}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${where} is not an object`);
      return null;
    }
    for (const key of Object.keys(raw))
      if (!ENTRY_KEYS.has(key)) problems.push(`${where} has unknown key "${key}"`);
    const { check, file, code, reason, evidence } = raw;
    if (typeof check !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(check)) {
      problems.push(`${where} needs "check": an electronegativity check id such as "SANDBOX_JS_CHECK"`);
    }
    if (typeof file !== 'string' || file === '' || file.startsWith('/') || file.includes('\\')) {
      problems.push(`${where} needs "file": a repository-relative path with "/" (or "${NO_FILE}")`);
    }
    if (code !== undefined && (typeof code !== 'string' || normalizeCode(code) === '')) {
      problems.push(`${where} has an empty "code"`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(
        `${where} needs a "reason" of at least ${MIN_REASON_LENGTH} characters saying why it is accepted`,
      );
    }
    if (
      evidence !== undefined &&
      (!Array.isArray(evidence) || !evidence.every((e) => typeof e === 'string'))
    ) {
      problems.push(`${where} has "evidence" that is not a list of file paths`);
    }
    const entry = {
      check: String(check),
      file: String(file),
      code: typeof code === 'string' ? normalizeCode(code) : undefined,
      reason: typeof reason === 'string' ? reason.trim() : '',
      evidence: Array.isArray(evidence) ? evidence.map(String) : [],
    };
    const key = `${entry.check}|${entry.file}|${entry.code ?? ''}`;
    if (seen.has(key)) problems.push(`${where} repeats an earlier entry (${entry.check} in ${entry.file})`);
    seen.add(key);
    return entry;
  });
  if (problems.length > 0) throw new Error(`The allowlist has problems:\n  - ${problems.join('\n  - ')}`);
  return { tool: data.tool, entries };
}

/** True when `entry` accepts `finding`: same check and file, and (if given) the flagged line contains `code`. */
export function entryMatches(entry, finding) {
  if (entry.check !== finding.check || entry.file !== finding.file) return false;
  return entry.code === undefined || normalizeCode(finding.code).includes(entry.code);
}

/**
 * Sort findings into accepted (with the entry that accepts each) and unexpected, and find stale entries:
 * entries that accept nothing although their file was scanned (`scannedFiles`; findings without a file are
 * always in scope). Entries for files that were not part of this scan (e.g. the built page before a build)
 * are returned as `unchecked`, neither stale nor used.
 */
export function matchFindings(findings, entries, scannedFiles) {
  const accepted = [];
  const unexpected = [];
  const used = new Set();
  for (const finding of findings) {
    const entry = entries.find((candidate) => entryMatches(candidate, finding));
    if (entry) {
      accepted.push({ finding, entry });
      used.add(entry);
    } else {
      unexpected.push(finding);
    }
  }
  const inScope = (entry) => entry.file === NO_FILE || scannedFiles.has(entry.file);
  const stale = entries.filter((entry) => !used.has(entry) && inScope(entry));
  const unchecked = entries.filter((entry) => !used.has(entry) && !inScope(entry));
  return { accepted, unexpected, stale, unchecked };
}

/**
 * The gate's verdict: it passes only when every finding is accepted, no entry is stale and nothing else
 * went wrong (`problems`: files the tool could not parse, inline suppressions, a tool/allowlist mismatch).
 * Stale entries fail the gate: an entry that no longer matches anything would silently pre-approve the
 * next finding of that kind in that file, which is exactly what review is meant to prevent.
 */
export function verdict({ unexpected, stale }, problems = []) {
  return { ok: unexpected.length === 0 && stale.length === 0 && problems.length === 0 };
}

function truncate(text, width) {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** A plain-text table (no colours, so CI logs stay readable): one row per string array, first row is the header. */
export function formatTable(rows, maxWidths = []) {
  const cells = rows.map((row) => row.map((cell, i) => truncate(String(cell), maxWidths[i] ?? 80)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : (cell ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const where = (finding) => (finding.file === NO_FILE ? NO_FILE : `${finding.file}:${finding.line}`);

/** The report printed by the gate: every finding with its status and reason, then stale and unchecked entries. */
export function formatReport({ accepted, unexpected, stale, unchecked }, problems = []) {
  const out = [];
  const rows = [['status', 'check', 'where', 'why']];
  for (const finding of unexpected)
    rows.push(['NOT ALLOWED', finding.check, where(finding), finding.message]);
  for (const { finding, entry } of accepted)
    rows.push(['allowed', finding.check, where(finding), entry.reason]);
  if (rows.length > 1) out.push(formatTable(rows, [11, 30, 34, 90]));
  else out.push('No findings.');
  if (stale.length > 0) {
    out.push('', 'Stale allowlist entries (their file was scanned but they match no finding; remove them):');
    for (const entry of stale)
      out.push(`  - ${entry.check} in ${entry.file}${entry.code ? ` ("${entry.code}")` : ''}`);
  }
  if (unchecked.length > 0) {
    out.push('', 'Allowlist entries not checked (their file was not part of this scan):');
    for (const entry of unchecked) out.push(`  - ${entry.check} in ${entry.file}`);
  }
  if (problems.length > 0) {
    out.push('', 'Problems:');
    for (const problem of problems) out.push(`  - ${problem}`);
  }
  if (unexpected.length > 0) {
    out.push(
      '',
      'Each NOT ALLOWED finding must be fixed, or reviewed and added to security/electronegativity-allowlist.json',
      'with a reason (see docs/security.md, "Adding an allowlist entry").',
    );
  }
  out.push(
    '',
    `${accepted.length + unexpected.length} findings: ${accepted.length} allowlisted, ${unexpected.length} not allowed; ` +
      `${stale.length} stale entries; ${problems.length} problems.`,
  );
  return out.join('\n');
}

/** csp-evaluator severities that electronegativity's CSP_GLOBAL_CHECK reports (HIGH, MEDIUM and their "maybe"s). */
export const CSP_REPORTED_SEVERITIES = Object.freeze({
  10: 'HIGH',
  30: 'MEDIUM',
  40: 'HIGH_MAYBE',
  50: 'MEDIUM_MAYBE',
});

/**
 * Turn csp-evaluator findings for our policy into gate findings (check `CSP_EVALUATOR_CHECK`), with the same
 * severity cut electronegativity applies to a CSP it finds itself. Needed because electronegativity only
 * recognises a CSP written as a literal in `onHeadersReceived` or a `<meta>` tag, so it never sees ours
 * (a constant in shared/security/csp.ts sent as a header) and evaluates nothing.
 * `lineOf(directive)` gives the source line of a directive, for the table.
 */
export function cspEvaluatorFindings(evaluatorFindings, file, lineOf = () => 0) {
  return evaluatorFindings
    .filter((finding) => Object.hasOwn(CSP_REPORTED_SEVERITIES, finding.severity))
    .map((finding) => ({
      check: 'CSP_EVALUATOR_CHECK',
      file,
      line: lineOf(finding.directive),
      column: 0,
      level: 'warning',
      message: `${CSP_REPORTED_SEVERITIES[finding.severity]}: ${finding.description}`,
      code: normalizeCode(`${finding.directive} ${finding.value ?? ''}`),
    }));
}

/** Inline electronegativity suppressions (`// eng-disable CHECK`, `<!-- eng-disable CHECK -->`) in `text`. */
export function findInlineSuppressions(text) {
  const lines = [];
  text.split('\n').forEach((line, index) => {
    if (/(?:\/\*|\/\/|<!--)[ \t]*eng-disable/i.test(line)) lines.push(index + 1);
  });
  return lines;
}
