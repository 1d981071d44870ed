/**
 * Section II (management's assertion) and Section III (the description of the system), both written by
 * management in the app as structured text. Generated parts of the description (controls by criterion,
 * subservice organizations with their CSOCs, CUECs, criteria not relevant) come first and the typed
 * narrative follows, as on the description screen.
 */
import { ASSERTION_KEY, sectionsFor, type DescriptionSection } from '../../domain/planning/description';
import { assertionTemplate } from '../../domain/planning/assertion';
import { generatedSectionText } from '../../domain/planning/generated-sections';
import { live } from '../../domain/snapshot';
import type { PdfBlock, PdfSection } from '../pdf/model';
import type { ReportContext } from './context';
import { blocksFromStructuredText, gapMarker, heading, paragraph } from './structured';

export const SECTION2_TITLE = "Management's Assertion";
export const NOT_WRITTEN = '[Not yet written]';

export function sectionRecords(ctx: ReportContext): Map<string, DescriptionSection> {
  return new Map(live(ctx.snapshot.descriptionSections).map((s) => [s.key, s]));
}

/** The assertion as management wrote it, or null while it is empty. */
export function writtenAssertion(ctx: ReportContext): string | null {
  const body = sectionRecords(ctx).get(ASSERTION_KEY)?.body.trim() ?? '';
  return body === '' ? null : body;
}

export function section2(ctx: ReportContext): PdfSection {
  const written = writtenAssertion(ctx);
  const blocks: PdfBlock[] = [];
  if (written === null) {
    if (ctx.draft) {
      blocks.push(
        paragraph(
          'Management has not yet provided its assertion. The text below is the assertion Fieldwork drafts from the engagement; it is replaced by the assertion management signs.',
          { box: true, size: 'small' },
        ),
      );
    }
    const text = assertionTemplate({
      engagement: ctx.engagement,
      subserviceOrgs: ctx.subserviceOrgs,
      hasCuecs: ctx.cuecs.length > 0,
    });
    blocks.push(...blocksFromStructuredText(text, { nested: true }));
  } else {
    blocks.push(...blocksFromStructuredText(written, { nested: true }));
  }
  return { id: 'section-2', kicker: 'Section II', title: SECTION2_TITLE, blocks };
}

export function section3Title(ctx: ReportContext): string {
  const org = ctx.engagement.serviceOrganization || '[Service organization]';
  return `${org}'s Description of Its ${ctx.engagement.systemName || '[System]'}`;
}

export function section3(ctx: ReportContext): PdfSection {
  const records = sectionRecords(ctx);
  const generatedContext = {
    criteria: ctx.criteria,
    subserviceOrgs: ctx.subserviceOrgs,
    csocs: live(ctx.snapshot.csocs),
    controls: ctx.controls,
    userEntityControls: live(ctx.snapshot.userEntityControls),
  };
  const blocks: PdfBlock[] = [];
  for (const def of sectionsFor(ctx.engagement.kind)) {
    const body = records.get(def.key)?.body.trim() ?? '';
    const generated = def.generated
      ? blocksFromStructuredText(generatedSectionText(def.generated, generatedContext), { nested: true })
      : [];
    if (!body && generated.length === 0 && !ctx.draft) continue; // released: nothing to present
    blocks.push(heading(def.title, 2));
    blocks.push(...generated);
    if (body) blocks.push(...blocksFromStructuredText(body, { nested: true }));
    else if (generated.length === 0) blocks.push(gapMarker(NOT_WRITTEN));
  }
  return { id: 'section-3', kicker: 'Section III', title: section3Title(ctx), blocks };
}
