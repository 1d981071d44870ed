/**
 * Matches the rows of a returned file to the engagement's requests by request number and collects what
 * the client changed. Rows that match nothing, carry no number or repeat a number are reported, never
 * guessed at.
 */
import { formatRequestNumber, parseRequestNumber, type Request } from '../../domain/planning';
import type { Snapshot } from './about';
import { compareRow } from './compare';
import type { TableRow } from './table';
import type { ClientEdit, RequestListImportContext, RequestListProblem, RequestListUpdate } from './types';
import { requestValues } from './values';

export interface Reconciliation {
  readonly updates: RequestListUpdate[];
  readonly clientEdits: ClientEdit[];
  readonly problems: RequestListProblem[];
  readonly rowsMatched: number;
}

type Numbered = { readonly row: TableRow; readonly number: number };

function rowProblem(
  row: TableRow,
  kind: RequestListProblem['kind'],
  number: number | null,
  message: string,
): RequestListProblem {
  return { kind, row: row.row, number, message };
}

/** Splits rows into numbered ones and problems (no number, or something that is no request number). */
function numberRows(rows: readonly TableRow[], problems: RequestListProblem[]): Numbered[] {
  const numbered: Numbered[] = [];
  for (const row of rows) {
    const text = (row.text.number ?? '').trim();
    const number = parseRequestNumber(text);
    if (number !== null) numbered.push({ row, number });
    else if (text === '') {
      problems.push(
        rowProblem(
          row,
          'no-number',
          null,
          `Row ${row.row} has no request number; new requests from the client are not imported — add them in Fieldwork.`,
        ),
      );
    } else {
      problems.push(
        rowProblem(
          row,
          'bad-number',
          null,
          `Row ${row.row}: “${text}” is not a request number; row ignored.`,
        ),
      );
    }
  }
  return numbered;
}

/** Numbers that appear on more than one row: none of those rows is imported. */
function dropDuplicates(rows: readonly Numbered[], problems: RequestListProblem[]): Numbered[] {
  const byNumber = new Map<number, Numbered[]>();
  for (const r of rows) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  const unique: Numbered[] = [];
  for (const [number, group] of byNumber) {
    const [first] = group;
    if (group.length === 1 && first) {
      unique.push(first);
    } else if (first) {
      const where = group.map((g) => g.row.row).join(', ');
      problems.push(
        rowProblem(
          first.row,
          'duplicate-number',
          number,
          `${formatRequestNumber(number)} appears on rows ${where}; none of them was imported. Keep one row per request and import the file again.`,
        ),
      );
    }
  }
  return unique;
}

/** The live request a row refers to, or null (and a problem) for an unknown or deleted number. */
function knownRequest(
  r: Numbered,
  requests: ReadonlyMap<number, Request>,
  problems: RequestListProblem[],
): Request | null {
  const request = requests.get(r.number);
  const label = `${formatRequestNumber(r.number)} (row ${r.row.row})`;
  if (!request) {
    problems.push(
      rowProblem(
        r.row,
        'unknown-request',
        r.number,
        `${label} is not on this engagement's request list; row ignored.`,
      ),
    );
  } else if (request.deleted) {
    problems.push(
      rowProblem(
        r.row,
        'deleted-request',
        r.number,
        `${label} was deleted from the request list in Fieldwork; row ignored.`,
      ),
    );
  }
  return request && !request.deleted ? request : null;
}

/** Everything the file says about the engagement's requests. */
export function reconcile(
  rows: readonly TableRow[],
  context: RequestListImportContext,
  snapshot: Snapshot,
): Reconciliation {
  const requests = new Map(context.requests.map((r) => [r.number, r]));
  const references = new Map((context.controls ?? []).map((c) => [c.id, c.reference]));
  const problems: RequestListProblem[] = [];
  const updates: RequestListUpdate[] = [];
  const clientEdits: ClientEdit[] = [];
  let rowsMatched = 0;
  const numbered = numberRows(rows, problems);
  const seen = new Set(numbered.map((r) => r.number));
  const rowsByNumber = dropDuplicates(numbered, problems).sort((a, b) => a.number - b.number);
  for (const r of rowsByNumber) {
    const request = knownRequest(r, requests, problems);
    if (!request) continue;
    rowsMatched += 1;
    const result = compareRow({
      request,
      row: r.row,
      ours: requestValues(request, references),
      base: snapshot.get(r.number),
      knowsControls: context.controls !== undefined,
    });
    if (result.changes.length > 0) {
      updates.push({ requestId: request.id, number: request.number, changes: result.changes });
    }
    clientEdits.push(...result.edits);
    problems.push(...result.problems);
  }
  // Requests that were in the exported file but whose rows the client removed: said, never guessed at.
  const missing = [...snapshot.keys()]
    .filter((n) => !seen.has(n) && requests.get(n) && !requests.get(n)?.deleted)
    .sort((a, b) => a - b);
  const missingNote =
    missing.length > 0
      ? [
          {
            kind: 'missing-row' as const,
            row: 0,
            number: null,
            message: `${missing.map(formatRequestNumber).join(', ')} ${missing.length === 1 ? 'was' : 'were'} in the exported list but ${missing.length === 1 ? 'is' : 'are'} not in this file; ${missing.length === 1 ? 'it is' : 'they are'} left as ${missing.length === 1 ? 'it is' : 'they are'} in Fieldwork.`,
          },
        ]
      : [];
  return {
    updates,
    clientEdits,
    problems: [...missingNote, ...problems.sort((a, b) => a.row - b.row)],
    rowsMatched,
  };
}
