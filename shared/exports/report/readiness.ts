/**
 * The readiness letter (engagements of kind `readiness`): a letter to management with the scope, the
 * approach and what a readiness assessment is not, a summary per category, and every gap with a
 * recommendation in order of severity. No opinion is given.
 */
import { CATEGORY_LABELS } from '../../domain/criteria/catalog';
import type { EngagementSnapshot } from '../../domain/snapshot';
import type { PdfBlock, PdfDocumentModel, PdfSection, TableRow } from '../pdf/model';
import { reportContext, type ReportContext } from './context';
import { cover, metadata, runningHeader, watermark } from './front';
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS, readinessGaps, type ReadinessGap } from './readiness-gaps';
import { templateBlocks } from './section1';
import { bold, heading, paragraph, plain } from './structured';
import { fillTemplate, templateText } from './templates';
import type { ReportOptions } from './types';
import { valuesFor } from './values';

export function buildReadinessModel(snapshot: EngagementSnapshot, options: ReportOptions): PdfDocumentModel {
  const ctx = reportContext(snapshot);
  const values = valuesFor(ctx);
  const gaps = readinessGaps(ctx);
  const org = values.organization ?? '';
  return {
    metadata: metadata(ctx, options),
    runningHeader: runningHeader(ctx),
    runningFooter: "For management's use only",
    watermark: watermark(ctx),
    cover: cover(ctx, options, {
      kicker: 'Readiness assessment',
      title: `SOC 2 Readiness Assessment of ${org}'s ${values.system ?? ''}`,
      noticeText: fillTemplate(templateText(ctx.settings, 'readiness-cover-notice'), values),
    }),
    toc: { title: 'Contents' },
    sections: [letterSection(ctx, values, gaps), summarySection(ctx, gaps), gapsSection(gaps)],
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function letterSection(ctx: ReportContext, values: Record<string, string>, gaps: ReadinessGap[]): PdfSection {
  const t = (key: string) => templateBlocks(ctx, values, key);
  const addressee = ctx.settings.addressee.trim();
  const bySeverity = GAP_SEVERITIES.map((s) => gaps.filter((g) => g.severity === s).length);
  const applicable = ctx.rollup.filter((r) => r.criterion.applicable);
  const covered = applicable.filter((r) => r.controls.length > 0).length;
  const suitable = applicable.filter((r) => r.status === 'met' || r.status === 'met-with-exceptions').length;
  const notWalked = ctx.controls.filter(
    (c) => !ctx.walkthroughs.some((w) => w.controlIds.includes(c.id)),
  ).length;
  const summary =
    gaps.length === 0
      ? 'We did not identify gaps that we recommend addressing before the examination.'
      : `We identified ${plural(gaps.length, 'gap', 'gaps')} (${severityCounts(bySeverity)}). They are listed with our recommendations, in order of severity, in the last section of this letter.`;
  const coverage = `Of the ${applicable.length} applicable criteria, ${covered} ${covered === 1 ? 'is' : 'are'} addressed by at least one control, and ${suitable} by controls we found suitably designed and placed in operation.${notWalked > 0 ? ` ${plural(notWalked, 'control has', 'controls have')} not yet been walked through.` : ''}`;
  const blocks: PdfBlock[] = [
    ...(addressee ? [paragraph(fillTemplate(addressee, values))] : t('readiness-addressee')),
    ...t('readiness-intro'),
    heading('Approach', 2, false),
    ...t('readiness-approach'),
    heading('Nature of this assessment', 2, false),
    ...t('readiness-nature'),
    heading('Summary of results', 2, false),
    paragraph(summary),
    paragraph(coverage),
    ...t('readiness-closing'),
    paragraph([bold(values.firm ?? ''), { text: `\n${values.city ?? ''}\n${values.reportDate ?? ''}` }]),
  ];
  return { id: 'letter', title: 'Readiness Assessment Letter', blocks };
}

function summarySection(ctx: ReportContext, gaps: ReadinessGap[]): PdfSection {
  const rows: TableRow[] = ctx.engagement.categories.map((category) => {
    const entries = ctx.rollup.filter((r) => r.criterion.applicable && r.criterion.category === category);
    const ids = new Set(entries.map((r) => r.criterion.id as string));
    const count = (n: number) => plain(String(n));
    return {
      kind: 'row',
      cells: [
        [bold(CATEGORY_LABELS[category])],
        count(entries.length),
        count(entries.filter((r) => r.controls.length > 0).length),
        count(entries.filter((r) => r.status === 'met' || r.status === 'met-with-exceptions').length),
        count(gaps.filter((g) => g.criteria.some((id) => ids.has(id))).length),
      ],
    };
  });
  return {
    id: 'summary',
    title: 'Summary of Readiness by Category',
    blocks: [
      paragraph(
        'For each trust services category in scope: the applicable criteria, how many are addressed by at least one control, how many by controls found suitably designed and placed in operation, and the number of gaps that affect them (a gap can affect several categories).',
      ),
      {
        kind: 'table',
        columns: [
          { header: 'Category', width: 2.4 },
          { header: 'Applicable criteria', width: 1.4 },
          { header: 'With controls', width: 1.4 },
          { header: 'Designed suitably', width: 1.4 },
          { header: 'Gaps', width: 1 },
        ],
        rows,
        caption: 'Readiness by category',
      },
    ],
  };
}

function gapsSection(gaps: ReadinessGap[]): PdfSection {
  if (gaps.length === 0) {
    return { id: 'gaps', title: 'Gaps and Recommendations', blocks: [paragraph('No gaps were identified.')] };
  }
  const rows: TableRow[] = [];
  for (const severity of GAP_SEVERITIES) {
    const own = gaps.filter((g) => g.severity === severity);
    if (own.length === 0) continue;
    rows.push({
      kind: 'group',
      runs: [bold(`${GAP_SEVERITY_LABELS[severity]} severity`), { text: ` (${own.length})` }],
    });
    for (const g of own) {
      const subject = [
        bold(g.subject),
        ...(g.criteria.length > 0 ? [{ text: `\nCriteria: ${g.criteria.join(', ')}` }] : []),
      ];
      rows.push({
        kind: 'row',
        cells: [subject, plain(g.gap), plain(g.recommendation)],
        ...(severity === 'high' ? { tone: 'exception' as const } : {}),
      });
    }
  }
  return {
    id: 'gaps',
    title: 'Gaps and Recommendations',
    blocks: [
      paragraph(
        'High-severity gaps would prevent criteria from being met; medium-severity gaps weaken the evidence an examination needs; low-severity items are requests still outstanding.',
      ),
      {
        kind: 'table',
        columns: [
          { header: 'Criterion, control or request', width: 2.6 },
          { header: 'Gap', width: 3.4 },
          { header: 'Recommendation', width: 3.4 },
        ],
        rows,
        size: 'small',
        caption: 'Gaps by severity',
      },
    ],
  };
}

/** "1 of high and 22 of medium severity": only the severities that occur. */
function severityCounts(bySeverity: readonly number[]): string {
  const parts = ['high', 'medium', 'low']
    .map((word, i) => ({ word, n: bySeverity[i] ?? 0 }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.n} of ${p.word}`);
  const list = parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list} severity`;
}
