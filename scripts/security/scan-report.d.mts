// Types for scan-report.mjs (plain JavaScript so Node runs it without a build step), for the unit tests.

export const NO_FILE: 'N/A';
export const MIN_REASON_LENGTH: number;
export const CSP_REPORTED_SEVERITIES: Readonly<Record<number, string>>;

export interface Finding {
  check: string;
  /** Repository-relative path with `/`, or `N/A` for a finding without a file. */
  file: string;
  line: number;
  column: number;
  /** `review`: the tool only asks for a manual look (SARIF `note`); `warning` otherwise. */
  level: 'warning' | 'review';
  message: string;
  /** The flagged source line, whitespace collapsed ('' when unknown). */
  code: string;
}

export interface AllowlistEntry {
  check: string;
  file: string;
  code: string | undefined;
  reason: string;
  evidence: string[];
}

export interface Allowlist {
  tool: string;
  entries: AllowlistEntry[];
}

export interface MatchResult {
  accepted: { finding: Finding; entry: AllowlistEntry }[];
  unexpected: Finding[];
  stale: AllowlistEntry[];
  unchecked: AllowlistEntry[];
}

export interface CspEvaluatorFinding {
  severity: number;
  description: string;
  directive: string;
  value?: string;
}

export function normalizeCode(text: string): string;
export function parseSarif(text: string): Finding[];
export function withSourceLines(
  findings: Finding[],
  readLine: (file: string, line: number) => string | undefined,
): Finding[];
export function parseAllowlist(text: string): Allowlist;
export function entryMatches(entry: AllowlistEntry, finding: Finding): boolean;
export function matchFindings(
  findings: Finding[],
  entries: AllowlistEntry[],
  scannedFiles: ReadonlySet<string>,
): MatchResult;
export function verdict(
  result: Pick<MatchResult, 'unexpected' | 'stale'>,
  problems?: string[],
): { ok: boolean };
export function formatTable(rows: string[][], maxWidths?: number[]): string;
export function formatReport(result: MatchResult, problems?: string[]): string;
export function cspEvaluatorFindings(
  evaluatorFindings: CspEvaluatorFinding[],
  file: string,
  lineOf?: (directive: string) => number,
): Finding[];
export function findInlineSuppressions(text: string): number[];
