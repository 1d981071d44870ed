/**
 * The Summary sheet: the engagement (scope, period, team, phase), counts of everything in the workbook,
 * when and by whom it was exported, the tickmark legend with each mark's meaning, and the list of
 * sheets with a link to each.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { CATEGORY_LABELS } from '../../../domain/criteria';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_PHASE_LABELS, formatPeriod } from '../../../domain/engagement';
import { TICKMARK_OUTCOME_LABELS } from '../../../domain/fieldwork';
import { OUTSTANDING_REQUEST_STATUSES } from '../../../domain/planning';
import { live } from '../../../domain/snapshot';
import { dateCell, dateTimeCell, linkCell, textCell } from '../cells';
import type { ColumnKind, Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { Pace } from '../pace';
import { cellStyle, HEADER_STYLE, SUMMARY_NUMBER_STYLE, TITLE_FONT } from '../styles';
import { setUpPage, type PageFooter } from '../table';
import type { EvidenceSheetName } from '../types';

type Value =
  | { kind: 'text'; value: string | null | undefined }
  | { kind: 'date' | 'datetime'; value: string | null | undefined }
  | { kind: 'number'; value: number };

const t = (value: string | null | undefined): Value => ({ kind: 'text', value });
const d = (value: string | null | undefined): Value => ({ kind: 'date', value });
const n = (value: number): Value => ({ kind: 'number', value });

export const SHEET_DESCRIPTIONS: Record<EvidenceSheetName, string> = {
  Summary: 'This page: the engagement, counts, the export and the tickmark legend',
  Criteria: 'Criteria in scope with their controls and status; criteria not applicable, with the reason',
  Controls: 'The control matrix, with each control’s result and a link to its tests',
  Tests: 'Tests of controls: population, sampling, evaluation, conclusion, result text and sign-offs',
  Samples: 'One row per sample item, a tickmark per attribute (the letters are on the Tests sheet)',
  Exceptions: 'Exceptions found, their analysis and management’s response',
  Interviews: 'Inquiry: who was asked what, and what they said',
  Walkthroughs: 'Processes traced step by step, with the design and implementation conclusions',
  Requests: 'The request list (PBC) as at the export',
  'Evidence index': 'Every evidence file with its SHA-256, size, dates and what it supports',
  'Review notes': 'Review notes, responses and clearance',
  'Sign-offs': 'Every sign-off, with the content hash signed and whether it still stands',
  'Audit trail': 'Every recorded change, in order, with its hash',
};

function engagementFacts(ctx: WorkbookContext): [string, Value][] {
  const e = ctx.engagement;
  const dates: [string, Value][] =
    e.kind === 'soc2-type2'
      ? [
          ['Period', t(formatPeriod(e))],
          ['Period start', d(e.periodStart)],
          ['Period end', d(e.periodEnd)],
        ]
      : [['As of', d(e.asOfDate)]];
  const released: [string, Value][] = e.release ? [['Report released', d(e.release.date)]] : [];
  return [
    ['Service organization', t(e.serviceOrganization)],
    ['System', t(e.systemName)],
    ['Engagement type', t(ENGAGEMENT_KIND_LABELS[e.kind])],
    ...dates,
    ['Trust services categories', t(e.categories.map((c) => CATEGORY_LABELS[c]).join(', '))],
    ['Firm', t(e.firm)],
    ['Engagement partner', t(e.engagementPartner)],
    ['Team', t(ctx.peopleNames(e.team))],
    ['Phase', t(ENGAGEMENT_PHASE_LABELS[e.phase])],
    ['Report date', d(e.reportDate)],
    ...released,
  ];
}

function counts(ctx: WorkbookContext): [string, Value][] {
  const s = ctx.snapshot;
  const requests = live(s.requests);
  const notes = ctx.review.summary;
  const events = ctx.options.auditEvents;
  const trail: [string, Value][] = events ? [['Audit trail events', n(events.length)]] : [];
  return [
    ['Criteria in scope', n(ctx.scope.inScope)],
    ['Criteria applicable', n(ctx.scope.applicable)],
    ['Criteria not applicable', n(ctx.scope.notApplicable)],
    ['Controls', n(ctx.controls.length)],
    ['Key controls', n(ctx.controls.filter((c) => c.key).length)],
    ['Tests of controls', n(ctx.tests.length)],
    ['Sample items', n(ctx.items.length)],
    ['Exceptions', n(ctx.exceptions.length)],
    ['Exceptions not yet evaluated', n(ctx.exceptions.filter((x) => x.status === 'open').length)],
    ['Interviews', n(live(s.interviews).length)],
    ['Walkthroughs', n(live(s.walkthroughs).length)],
    ['Requests (PBC)', n(requests.length)],
    ['Requests outstanding', n(requests.filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status)).length)],
    ['Evidence files', n(ctx.evidence.length)],
    ['Workpapers', n(notes.workpapers)],
    ['Workpapers fully signed off', n(notes.complete)],
    ['Workpapers changed since signed', n(notes.stale)],
    ['Review notes not cleared', n(notes.openNotes + notes.respondedNotes)],
    ['Review notes cleared', n(notes.clearedNotes)],
    ...trail,
  ];
}

function exportFacts(ctx: WorkbookContext): [string, Value][] {
  const o = ctx.options;
  return [
    ['Exported (UTC)', { kind: 'datetime', value: o.exportedAt.toISOString() }],
    ['Exported by', t(o.exportedBy)],
    ['Exported with', t(`Fieldwork ${o.appVersion}`)],
  ];
}

const WIDTHS = [30, 84, 24];

interface SummaryCell {
  kind: ColumnKind;
  value: CellValue;
  tone?: Tone | null;
}

class SummaryWriter {
  private row = 1;
  constructor(private readonly sheet: Worksheet) {}

  title(text: string, bold: boolean): void {
    const cell = this.sheet.getCell(this.row, 1);
    cell.value = textCell(text);
    if (bold) cell.font = TITLE_FONT;
    this.row += 1;
  }

  blank(): void {
    this.row += 1;
  }

  header(...labels: string[]): void {
    labels.forEach((label, i) => {
      const cell = this.sheet.getCell(this.row, i + 1);
      cell.value = label;
      cell.style = HEADER_STYLE;
    });
    this.row += 1;
  }

  cells(...cells: SummaryCell[]): void {
    cells.forEach((c, i) => {
      const cell = this.sheet.getCell(this.row, i + 1);
      if (c.value !== null) cell.value = c.value;
      cell.style = c.kind === 'number' ? SUMMARY_NUMBER_STYLE : cellStyle(c.kind, c.tone ?? null, null);
    });
    this.row += 1;
  }

  fact(label: string, v: Value): void {
    const cell =
      v.kind === 'number'
        ? { kind: 'number' as const, value: v.value }
        : v.kind === 'text'
          ? { kind: 'text' as const, value: textCell(v.value) }
          : v.kind === 'date'
            ? { kind: 'date' as const, value: dateCell(v.value) }
            : { kind: 'datetime' as const, value: dateTimeCell(v.value) };
    this.cells({ kind: 'text', value: label }, cell);
  }
}

/** Adds the Summary sheet; `sheets` are the workbook's sheets in order, for the contents. */
export async function addSummarySheet(
  workbook: Workbook,
  ctx: WorkbookContext,
  sheets: readonly EvidenceSheetName[],
  footer: PageFooter,
  pace: Pace,
): Promise<void> {
  pace.check();
  const e = ctx.engagement;
  const sheet = workbook.addWorksheet('Summary', {
    views: [{ state: 'frozen', ySplit: 3, activeCell: 'B4' }],
  });
  WIDTHS.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const w = new SummaryWriter(sheet);
  w.title(`Evidence workbook: ${e.serviceOrganization}`, true);
  w.title(`${ENGAGEMENT_KIND_LABELS[e.kind]}, ${formatPeriod(e)}. ${e.systemName}.`, false);
  w.header('Engagement', 'Value');
  for (const [label, value] of engagementFacts(ctx)) w.fact(label, value);
  w.blank();
  w.header('Counts', 'Number');
  for (const [label, value] of counts(ctx)) w.fact(label, value);
  w.blank();
  w.header('Export', 'Value');
  for (const [label, value] of exportFacts(ctx)) w.fact(label, value);
  w.blank();
  w.header('Tickmark', 'Meaning', 'Counts as');
  for (const entry of ctx.legend) {
    const tone: Tone | null = entry.outcome === 'exception' ? 'bad' : entry.outcome === 'na' ? 'muted' : null;
    w.cells(
      { kind: 'mark', value: textCell(entry.symbol), tone },
      {
        kind: 'text',
        value: textCell(
          `${entry.meaning}${entry.removed ? ' (removed from the legend; still on marked items)' : ''}`,
        ),
      },
      { kind: 'text', value: TICKMARK_OUTCOME_LABELS[entry.outcome] },
    );
  }
  w.blank();
  w.header('Sheet', 'What it holds');
  for (const name of sheets) {
    w.cells(
      { kind: 'link', value: linkCell({ text: name, sheet: name, row: 1 }) },
      { kind: 'text', value: SHEET_DESCRIPTIONS[name] },
    );
  }
  setUpPage(sheet, 3, footer);
  sheet.pageSetup.orientation = 'portrait';
  await pace.step();
}
