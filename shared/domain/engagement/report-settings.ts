/**
 * The auditor's choices for the SOC 2 report (issue 6): the opinion, the paragraphs that explain a modified
 * opinion, where the report is signed, the order of section IV and the firm's own wording of the report's
 * template paragraphs. Stored on the engagement (so they travel with it and a sign-off on the report draft
 * covers them); every field has a default, so engagements made before the report existed read as "not
 * chosen yet". Template keys and their default wording live in `shared/exports/report/templates.ts`.
 */
import { z } from 'zod';

export const OPINION_TYPES = ['unmodified', 'qualified', 'adverse', 'disclaimer'] as const;
export type OpinionType = (typeof OPINION_TYPES)[number];
export const OPINION_LABELS: Record<OpinionType, string> = {
  unmodified: 'Unmodified',
  qualified: 'Qualified',
  adverse: 'Adverse',
  disclaimer: 'Disclaimer of opinion',
};

export const SECTION4_ORDERS = ['criterion', 'process'] as const;
export type Section4Order = (typeof SECTION4_ORDERS)[number];
export const SECTION4_ORDER_LABELS: Record<Section4Order, string> = {
  criterion: 'By criterion (a control supporting several criteria repeats)',
  process: 'By process (control reference order) with a criteria-to-controls table',
};

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const reportSettingsSchema = z.object({
  /** The opinion the auditor chose; null until chosen (drafts then use the suggestion from the roll-up). */
  opinion: z.enum(OPINION_TYPES).nullable().default(null),
  /**
   * The auditor's words for the "basis for" paragraph of a modified opinion. The report lists the affected
   * criteria itself; this explains why (e.g. which controls failed and how).
   */
  basis: text(20_000).default(''),
  /** Whom the report is addressed to; empty: "To the management of <organization>". */
  addressee: text(300).default(''),
  /** Where the report is signed, e.g. "Denver, Colorado". */
  city: text(200).default(''),
  section4Order: z.enum(SECTION4_ORDERS).default('criterion'),
  /** Include section V (management's responses to exceptions) when there is anything to show. */
  includeSection5: z.boolean().default(true),
  /**
   * The firm's wording of the template paragraphs, keyed by template key; a key that is absent uses the
   * shipped default. Placeholders such as `{organization}` are filled when the report is built.
   */
  templates: z.record(z.string().max(60), z.string().max(20_000)).default({}),
});
export type ReportSettings = z.output<typeof reportSettingsSchema>;

export function defaultReportSettings(): ReportSettings {
  return {
    opinion: null,
    basis: '',
    addressee: '',
    city: '',
    section4Order: 'criterion',
    includeSection5: true,
    templates: {},
  };
}
