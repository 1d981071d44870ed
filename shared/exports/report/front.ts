/** The parts around the sections: document metadata, running header and footer, watermark and cover. */
import { CATEGORY_LABELS } from '../../domain/criteria/catalog';
import { formatLongDate, localIsoDate } from '../../domain/engagement/dates';
import type { PdfCover, PdfMetadata } from '../pdf/model';
import type { ReportContext } from './context';
import { runText } from './text';
import { blocksFromStructuredText } from './structured';
import { categoriesTitle, longDate, periodDates, periodPhrase } from './values';
import type { ReportOptions } from './types';

/** "SOC 2 Type 2 report", "SOC 2 Type 1 report" or "Readiness assessment". */
export function kindWords(ctx: ReportContext): string {
  if (ctx.readiness) return 'Readiness assessment';
  return ctx.type2 ? 'SOC 2 Type 2 report' : 'SOC 2 Type 1 report';
}

const orgOf = (ctx: ReportContext) => ctx.engagement.serviceOrganization || '[Service organization]';
const systemOf = (ctx: ReportContext) => ctx.engagement.systemName || '[System]';

export function metadata(ctx: ReportContext, options: ReportOptions): PdfMetadata {
  const e = ctx.engagement;
  const words = kindWords(ctx);
  const titleWords = ctx.readiness
    ? 'SOC 2 Readiness Assessment'
    : ctx.type2
      ? 'SOC 2 Type 2 Report'
      : 'SOC 2 Type 1 Report';
  return {
    title: `${orgOf(ctx)} — ${titleWords}${ctx.draft ? ' (DRAFT)' : ''}`,
    author: e.firm || 'Fieldwork',
    subject: `${words} on the ${systemOf(ctx)} of ${orgOf(ctx)}, ${periodPhrase(e)}`,
    keywords: [
      'SOC 2',
      ctx.readiness ? 'Readiness assessment' : ctx.type2 ? 'Type 2' : 'Type 1',
      ...e.categories.map((c) => CATEGORY_LABELS[c]),
      orgOf(ctx),
      systemOf(ctx),
    ],
    creator: `Fieldwork ${options.appVersion}`,
    producer: `Fieldwork ${options.appVersion} (pdf-lib)`,
    creationDate: options.generatedAt,
    language: 'en-US',
  };
}

export function runningHeader(ctx: ReportContext): string {
  return `${orgOf(ctx)} — ${systemOf(ctx)} — ${kindWords(ctx)}`;
}

export function watermark(ctx: ReportContext): string | null {
  return ctx.draft ? 'DRAFT' : null;
}

/**
 * The report's title, split for the cover: the main line ("Report on X's Description of Its Y") and the
 * rest of the sentence ("and on the Suitability of … Relevant to …"), which the cover prints smaller so a
 * long title still leaves room for the facts and the notice on one page.
 */
export function reportTitle(ctx: ReportContext): { title: string; continuation: string } {
  const design = ctx.type2 ? 'the Design and Operating Effectiveness' : 'the Design';
  return {
    title: `Report on ${orgOf(ctx)}'s Description of Its ${systemOf(ctx)}`,
    continuation: `and on the Suitability of ${design} of Its Controls Relevant to ${categoriesTitle(ctx.engagement)}`,
  };
}

function generatedBy(options: ReportOptions): string {
  return options.people?.find((p) => p.id === options.generatedBy)?.name ?? options.generatedBy;
}

export function cover(
  ctx: ReportContext,
  options: ReportOptions,
  parts: { kicker: string; title: string; continuation?: string; noticeText: string },
): PdfCover {
  const e = ctx.engagement;
  const facts: PdfCover['facts'] = [
    { label: 'Service organization', value: orgOf(ctx) },
    { label: 'System', value: systemOf(ctx) },
    {
      label: ctx.readiness ? 'Engagement' : 'Report type',
      value: ctx.readiness ? 'SOC 2 readiness assessment' : ctx.type2 ? 'SOC 2 Type 2' : 'SOC 2 Type 1',
    },
    ctx.type2 ? { label: 'Period', value: periodDates(e) } : { label: 'As of', value: periodDates(e) },
    { label: 'Trust services categories', value: categoriesTitle(e) },
    { label: ctx.readiness ? 'Assessed by' : 'Service auditor', value: e.firm || '[Firm]' },
    {
      label: ctx.readiness ? 'Letter date' : 'Report date',
      value: longDate(e.reportDate) || (ctx.readiness ? '[Letter date]' : '[Report date]'),
    },
  ];
  if (ctx.draft) {
    facts.push({
      label: 'Draft generated',
      value: `${generatedWhen(options.generatedAt)} by ${generatedBy(options)}`,
    });
  }
  const notice = blocksFromStructuredText(parts.noticeText).flatMap((b) =>
    b.kind === 'paragraph' ? [b.runs] : b.kind === 'list' ? b.items : [],
  );
  const subtitle = ctx.type2 ? `Throughout the period ${periodDates(e)}` : `As of ${periodDates(e)}`;
  return {
    kicker: parts.kicker,
    title: parts.title,
    subtitle: parts.continuation ? [parts.continuation, subtitle] : [subtitle],
    facts,
    notice: notice.filter((runs) => runText(runs).trim() !== ''),
    firm: e.firm || '[Firm]',
  };
}

/** "November 23, 2026, 04:03 (UTC+01:00)": the report's date style, with the generating computer's offset. */
function generatedWhen(at: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const zone = offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${formatLongDate(localIsoDate(at))}, ${pad(at.getHours())}:${pad(at.getMinutes())} (${zone})`;
}
