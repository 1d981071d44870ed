/**
 * Section V, other information provided by management (soc2-domain.md §4.5): management's responses to
 * the exceptions, under a boxed notice that the opinion does not cover them. Printed only when the auditor
 * includes it and some exception has a response.
 */
import { formatExceptionNumber } from '../../domain/fieldwork/exceptions';
import type { PdfBlock, PdfSection } from '../pdf/model';
import type { ReportContext } from './context';
import { templateBlocks } from './section1';
import { blocksFromStructuredText, bold, heading, paragraph } from './structured';

export function section5Title(ctx: ReportContext): string {
  return `Other Information Provided by ${ctx.engagement.serviceOrganization || '[Service organization]'}`;
}

export function section5(ctx: ReportContext, values: Record<string, string>): PdfSection | null {
  if (ctx.section5.length === 0) return null;
  const notice = templateBlocks(ctx, values, 'section5-notice').map((b) =>
    b.kind === 'paragraph' ? { ...b, box: true } : b,
  );
  const blocks: PdfBlock[] = [...notice, heading("Management's responses to exceptions", 2)];
  for (const exception of ctx.section5) {
    const control = ctx.controlsById.get(exception.controlId);
    const name = control
      ? `${control.reference}${control.title ? ` — ${control.title}` : ''}`
      : 'a control no longer listed';
    blocks.push(heading(`${formatExceptionNumber(exception.number)}: control ${name}`, 3));
    if (control && control.criteria.length > 0) {
      blocks.push(paragraph([bold('Criteria: '), { text: control.criteria.join(', ') }], { size: 'small' }));
    }
    const condition = exception.description.trim() || '[The exception is not described yet]';
    blocks.push(paragraph([bold('Exception noted: '), { text: condition }]));
    const [first, ...rest] = blocksFromStructuredText(exception.managementResponse.trim());
    if (first && first.kind === 'paragraph') {
      blocks.push(paragraph([bold("Management's response: "), ...first.runs]), ...rest);
    } else {
      blocks.push(paragraph([bold("Management's response:")]), ...(first ? [first] : []), ...rest);
    }
  }
  return { id: 'section-5', kicker: 'Section V', title: section5Title(ctx), blocks };
}
