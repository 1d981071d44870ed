/**
 * Section I, the independent service auditor's report (soc2-domain.md §4.1): addressee, scope with the
 * carve-out, inclusive, CUEC and Section V paragraphs where they apply, responsibilities, independence,
 * inherent limitations, the description of tests (Type 2), the basis for a modified opinion, the opinion,
 * restricted use and the signature block. Paragraph wording comes from the templates.
 */
import type { OpinionType } from '../../domain/engagement/report-settings';
import type { PdfBlock, PdfSection } from '../pdf/model';
import type { ReportContext } from './context';
import { blocksFromStructuredText, bold, gapMarker, heading, paragraph } from './structured';
import { fillTemplate, templateText } from './templates';

const OPINION_HEADINGS: Record<OpinionType, string> = {
  unmodified: 'Opinion',
  qualified: 'Qualified opinion',
  adverse: 'Adverse opinion',
  disclaimer: 'Disclaimer of opinion',
};

export const SECTION1_TITLE = "Independent Service Auditor's Report";

/** A template paragraph, filled and converted; nothing when the firm emptied it. */
export function templateBlocks(ctx: ReportContext, values: Record<string, string>, key: string): PdfBlock[] {
  return blocksFromStructuredText(fillTemplate(templateText(ctx.settings, key), values));
}

/** `key` for Type 2, `key-type1` for Type 1 (the paragraphs whose structure differs between types). */
const typed = (ctx: ReportContext, key: string) => (ctx.type2 ? key : `${key}-type1`);

export function section1(ctx: ReportContext, values: Record<string, string>): PdfSection {
  const t = (key: string) => templateBlocks(ctx, values, key);
  const sub = (title: string) => heading(title, 2, false);
  const opinion = ctx.opinion;
  const addressee = ctx.settings.addressee.trim();
  const blocks: PdfBlock[] = [
    ...(addressee ? [paragraph(fillTemplate(addressee, values))] : t('addressee')),
    sub('Scope'),
    ...t(typed(ctx, 'scope')),
    ...(ctx.templateContext.inclusive ? t('scope-inclusive') : []),
    ...(ctx.templateContext.carveOut ? t('carve-out') : []),
    ...(ctx.templateContext.cuecs ? t('cuec') : []),
    ...(ctx.templateContext.section5 ? t('section5-scope') : []),
    sub("Service organization's responsibilities"),
    ...t('org-responsibilities'),
    sub("Service auditor's responsibilities"),
    ...t(
      opinion === 'disclaimer'
        ? 'auditor-responsibilities-disclaimer'
        : typed(ctx, 'auditor-responsibilities'),
    ),
    ...t('independence'),
    sub('Inherent limitations'),
    ...t('inherent-limitations'),
  ];
  if (ctx.type2) blocks.push(sub('Description of tests of controls'), ...t('tests-description'));
  if (opinion !== 'unmodified') blocks.push(...basisBlocks(ctx, values, opinion));
  blocks.push(
    sub(OPINION_HEADINGS[opinion]),
    ...t(opinion === 'disclaimer' ? 'opinion-disclaimer' : typed(ctx, `opinion-${opinion}`)),
  );
  blocks.push(sub('Restricted use'), ...t('restricted-use'), signature(values));
  return { id: 'section-1', kicker: 'Section I', title: SECTION1_TITLE, blocks };
}

/** "Basis for … opinion": the lead-in, the criteria not met (not for a disclaimer), the auditor's text. */
function basisBlocks(
  ctx: ReportContext,
  values: Record<string, string>,
  opinion: Exclude<OpinionType, 'unmodified'>,
): PdfBlock[] {
  const label = OPINION_HEADINGS[opinion].toLowerCase().replace(' opinion', '');
  const blocks: PdfBlock[] = [
    heading(
      opinion === 'disclaimer' ? 'Basis for disclaimer of opinion' : `Basis for ${label} opinion`,
      2,
      false,
    ),
    ...templateBlocks(ctx, values, `basis-${opinion}`),
  ];
  if (opinion !== 'disclaimer') {
    const affected = ctx.suggestion.affected;
    if (affected.length > 0) {
      blocks.push({
        kind: 'list',
        ordered: false,
        items: affected.map((a) => [
          bold(a.criterionId),
          {
            text: ` — ${a.title}${a.controls.length > 0 ? ` (${a.controls.length === 1 ? 'control' : 'controls'} ${a.controls.join(', ')} in Section IV)` : ' (no control addresses this criterion)'}`,
          },
        ]),
      });
    } else if (ctx.draft) {
      blocks.push(
        gapMarker(
          '[No criterion is marked not met in the workpapers: name the criteria affected in the basis text.]',
        ),
      );
    }
  }
  const basis = ctx.settings.basis.trim();
  if (basis) blocks.push(...blocksFromStructuredText(fillTemplate(basis, values)));
  else if (ctx.draft)
    blocks.push(
      gapMarker(
        `[Describe the basis for the ${OPINION_HEADINGS[opinion].toLowerCase()} on the Report page.]`,
      ),
    );
  return blocks;
}

function signature(values: Record<string, string>): PdfBlock {
  return paragraph([
    bold(values.firm ?? '[Firm]'),
    { text: `\n${values.city ?? ''}\n${values.reportDate ?? ''}` },
  ]);
}
