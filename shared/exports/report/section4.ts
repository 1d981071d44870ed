/**
 * Section IV (soc2-domain.md §4.4): the applicable criteria, the controls management specified for them,
 * and (Type 2) the auditor's tests and results. Criterion order groups the controls under each criterion
 * (a control supporting several criteria repeats); process order lists each control once in reference
 * order with its criteria and adds a criteria-to-controls mapping table. Management's responses to
 * exceptions never appear here.
 */
import type { Control } from '../../domain/planning/controls';
import type { PdfBlock, PdfSection, Run, TableColumn, TableRow } from '../pdf/model';
import type { ReportContext } from './context';
import { controlCellsById, type ControlCells } from './results';
import { bold, heading, paragraph, plain } from './structured';
import { templateBlocks } from './section1';

export function section4Title(ctx: ReportContext): string {
  return ctx.type2
    ? 'Trust Services Criteria, Related Controls, Tests of Controls and Results of Tests'
    : 'Trust Services Criteria and Related Controls';
}

const CONTROL_COLUMN: TableColumn = { header: 'Control #', width: 1.1 };
const ACTIVITY_COLUMN: TableColumn = {
  header: 'Control activity specified by the service organization',
  width: 3.2,
};
const TESTS_COLUMN: TableColumn = { header: 'Tests applied by the service auditor', width: 3.2 };
const RESULTS_COLUMN: TableColumn = { header: 'Results of tests', width: 2.6 };
const CRITERIA_COLUMN: TableColumn = { header: 'Criteria', width: 1.2 };

export function section4(ctx: ReportContext, values: Record<string, string>): PdfSection {
  const cells = ctx.type2 ? controlCellsById(ctx) : new Map<string, ControlCells>();
  const byProcess = ctx.settings.section4Order === 'process';
  const blocks: PdfBlock[] = [
    ...templateBlocks(ctx, values, ctx.type2 ? 'section4-intro' : 'section4-intro-type1'),
    paragraph(
      byProcess
        ? 'The controls are listed once each, in order of their reference, with the criteria they support; the table at the end of this section maps each criterion to its controls.'
        : 'The controls are listed under each criterion they support, so a control that supports several criteria appears more than once.',
    ),
  ];
  if (byProcess) {
    blocks.push(heading('Controls, tests and results', 2), processTable(ctx, cells));
    blocks.push(heading('Criteria and supporting controls', 2), mappingTable(ctx));
  } else {
    blocks.push(
      heading(ctx.type2 ? 'Controls, tests and results by criterion' : 'Controls by criterion', 2),
      criterionTable(ctx, cells),
    );
  }
  const notApplicable = ctx.criteria.filter((c) => !c.applicable);
  if (notApplicable.length > 0) {
    blocks.push(heading('Criteria not relevant to the system', 2), {
      kind: 'table',
      columns: [
        { header: 'Criterion', width: 1.6 },
        { header: 'Reason the criterion is not relevant (as stated in Section III)', width: 6 },
      ],
      rows: notApplicable.map((c) => ({
        kind: 'row',
        cells: [[bold(c.id), { text: `\n${c.title}` }], plain(c.naReason?.trim() || '[No reason recorded]')],
      })),
      size: 'small',
    });
  }
  return { id: 'section-4', kicker: 'Section IV', title: section4Title(ctx), blocks };
}

function controlRow(
  ctx: ReportContext,
  control: Control,
  cells: Map<string, ControlCells>,
  criteria?: string,
): TableRow {
  const row: Run[][] = [[bold(control.reference)], plain(control.description)];
  if (criteria !== undefined) row.push(plain(criteria));
  if (!ctx.type2) return { kind: 'row', cells: row };
  const c = cells.get(control.id);
  row.push(plain(c?.applied ?? ''), plain(c?.result ?? ''));
  return c?.exception ? { kind: 'row', cells: row, tone: 'exception' } : { kind: 'row', cells: row };
}

function criterionTable(ctx: ReportContext, cells: Map<string, ControlCells>): PdfBlock {
  const rows: TableRow[] = [];
  for (const entry of ctx.rollup) {
    if (!entry.criterion.applicable) continue;
    rows.push({ kind: 'group', runs: [bold(entry.criterion.id), { text: ` — ${entry.criterion.title}` }] });
    const controls = entry.controls
      .map((m) => ctx.controlsById.get(m.control.id))
      .filter((c): c is Control => !!c);
    if (controls.length === 0) {
      const empty: Run[][] = [
        plain('—'),
        [{ text: 'No control is mapped to this criterion.', italic: true }],
      ];
      if (ctx.type2) empty.push(plain(''), plain(''));
      rows.push({ kind: 'row', cells: empty, tone: 'muted' });
    }
    for (const control of controls) rows.push(controlRow(ctx, control, cells));
  }
  const columns = ctx.type2
    ? [CONTROL_COLUMN, ACTIVITY_COLUMN, TESTS_COLUMN, RESULTS_COLUMN]
    : [CONTROL_COLUMN, { ...ACTIVITY_COLUMN, width: 8 }];
  return { kind: 'table', columns, rows, size: 'small' };
}

function processTable(ctx: ReportContext, cells: Map<string, ControlCells>): PdfBlock {
  const applicable = new Set(ctx.criteria.filter((c) => c.applicable).map((c) => c.id as string));
  const rows = ctx.controls.map((control) =>
    controlRow(ctx, control, cells, control.criteria.filter((id) => applicable.has(id)).join(', ')),
  );
  const columns = ctx.type2
    ? [
        CONTROL_COLUMN,
        { ...ACTIVITY_COLUMN, width: 2.8 },
        CRITERIA_COLUMN,
        { ...TESTS_COLUMN, width: 2.8 },
        { ...RESULTS_COLUMN, width: 2.3 },
      ]
    : [CONTROL_COLUMN, { ...ACTIVITY_COLUMN, width: 6.6 }, CRITERIA_COLUMN];
  return { kind: 'table', columns, rows, size: 'small' };
}

function mappingTable(ctx: ReportContext): PdfBlock {
  const rows: TableRow[] = ctx.rollup
    .filter((entry) => entry.criterion.applicable)
    .map((entry) => ({
      kind: 'row',
      cells: [
        [bold(entry.criterion.id)],
        plain(entry.criterion.title),
        plain(entry.controls.map((m) => m.control.reference).join(', ') || 'None'),
      ],
      ...(entry.controls.length === 0 ? { tone: 'muted' as const } : {}),
    }));
  return {
    kind: 'table',
    columns: [
      { header: 'Criterion', width: 1.1 },
      { header: 'Criterion (short title)', width: 4.4 },
      { header: 'Supporting controls', width: 3.2 },
    ],
    rows,
    size: 'small',
  };
}
