/**
 * The firm-editable paragraphs of the SOC 2 report and the readiness letter: their keys, titles for the
 * wording screen, when each applies, the default wording (template-text.ts) and the placeholders filled
 * from the engagement. A firm's own wording is stored per engagement in `engagement.report.templates`.
 */
import type { ReportSettings } from '../../domain/engagement/report-settings';
import * as T from './template-text';
import type { ReportTemplate, TemplateContext } from './types';

const soc2 = (c: TemplateContext) => c.kind !== 'readiness';
const type2 = (c: TemplateContext) => c.kind === 'soc2-type2';
const type1 = (c: TemplateContext) => c.kind === 'soc2-type1';

export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  {
    key: 'addressee',
    title: 'Addressee line',
    help: 'Opens Section I when no addressee is entered in the report details.',
    appliesTo: soc2,
    defaultText: T.ADDRESSEE,
  },
  {
    key: 'scope',
    title: 'Scope (Type 2)',
    help: 'What was examined: the description, its criteria, and the design and operating effectiveness of the controls over the period.',
    appliesTo: type2,
    defaultText: T.SCOPE_TYPE2,
  },
  {
    key: 'scope-type1',
    title: 'Scope (Type 1)',
    help: 'What was examined: the description and the design of the controls as of the date; says operating effectiveness was not examined.',
    appliesTo: type1,
    defaultText: T.SCOPE_TYPE1,
  },
  {
    key: 'scope-inclusive',
    title: 'Subservice organizations presented with the inclusive method',
    help: 'Printed in the scope when a subservice organization is presented with the inclusive method.',
    appliesTo: (c) => soc2(c) && c.inclusive,
    defaultText: T.SCOPE_INCLUSIVE,
  },
  {
    key: 'carve-out',
    title: 'Carve-out paragraph',
    help: 'Printed in the scope when a subservice organization is carved out: names it and says its complementary controls were not examined.',
    appliesTo: (c) => soc2(c) && c.carveOut,
    defaultText: T.CARVE_OUT,
  },
  {
    key: 'cuec',
    title: 'Complementary user entity controls paragraph',
    help: 'Printed in the scope when the engagement lists CUECs: the criteria depend on them and they were not examined.',
    appliesTo: (c) => soc2(c) && c.cuecs,
    defaultText: T.CUEC,
  },
  {
    key: 'section5-scope',
    title: 'Section V not covered (in the scope)',
    help: 'Printed in the scope when Section V is included.',
    appliesTo: (c) => soc2(c) && c.section5,
    defaultText: T.SECTION5_SCOPE,
  },
  {
    key: 'org-responsibilities',
    title: "Service organization's responsibilities",
    help: "Management's responsibilities for its commitments, the controls, the description and the assertion.",
    appliesTo: soc2,
    defaultText: T.ORG_RESPONSIBILITIES,
  },
  {
    key: 'auditor-responsibilities',
    title: "Service auditor's responsibilities (Type 2)",
    help: 'The standards followed, reasonable assurance and an overview of the procedures, including tests of operating effectiveness.',
    appliesTo: type2,
    defaultText: T.AUDITOR_RESPONSIBILITIES_TYPE2,
  },
  {
    key: 'auditor-responsibilities-type1',
    title: "Service auditor's responsibilities (Type 1)",
    help: 'The standards followed, reasonable assurance and an overview of the procedures on design.',
    appliesTo: type1,
    defaultText: T.AUDITOR_RESPONSIBILITIES_TYPE1,
  },
  {
    key: 'auditor-responsibilities-disclaimer',
    title: "Service auditor's responsibilities (disclaimer of opinion)",
    help: 'Replaces the paragraph above when the opinion is a disclaimer.',
    appliesTo: soc2,
    defaultText: T.AUDITOR_RESPONSIBILITIES_DISCLAIMER,
  },
  {
    key: 'independence',
    title: 'Independence and ethical requirements',
    help: "Follows the service auditor's responsibilities.",
    appliesTo: soc2,
    defaultText: T.INDEPENDENCE,
  },
  {
    key: 'inherent-limitations',
    title: 'Inherent limitations',
    help: 'Limits of the description and of controls, and the risk of projecting the conclusions to later periods.',
    appliesTo: soc2,
    defaultText: T.INHERENT_LIMITATIONS,
  },
  {
    key: 'tests-description',
    title: 'Description of tests of controls',
    help: 'Type 2 only: points the reader to Section IV.',
    appliesTo: type2,
    defaultText: T.TESTS_DESCRIPTION,
  },
  {
    key: 'basis-qualified',
    title: 'Basis for qualified opinion: lead-in',
    help: 'Followed by the affected criteria (from the roll-up) and your basis text.',
    appliesTo: soc2,
    defaultText: T.BASIS_QUALIFIED,
  },
  {
    key: 'basis-adverse',
    title: 'Basis for adverse opinion: lead-in',
    help: 'Followed by the affected criteria (from the roll-up) and your basis text.',
    appliesTo: soc2,
    defaultText: T.BASIS_ADVERSE,
  },
  {
    key: 'basis-disclaimer',
    title: 'Basis for disclaimer of opinion: lead-in',
    help: 'Followed by your basis text describing the scope limitation.',
    appliesTo: soc2,
    defaultText: T.BASIS_DISCLAIMER,
  },
  {
    key: 'opinion-unmodified',
    title: 'Opinion: unmodified (Type 2)',
    help: 'Parts a (description), b (design) and c (operating effectiveness).',
    appliesTo: type2,
    defaultText: T.OPINION_UNMODIFIED(true),
  },
  {
    key: 'opinion-unmodified-type1',
    title: 'Opinion: unmodified (Type 1)',
    help: 'Parts a (description) and b (design).',
    appliesTo: type1,
    defaultText: T.OPINION_UNMODIFIED(false),
  },
  {
    key: 'opinion-qualified',
    title: 'Opinion: qualified (Type 2)',
    help: '"Except for" the matters in the basis for qualified opinion.',
    appliesTo: type2,
    defaultText: T.OPINION_QUALIFIED(true),
  },
  {
    key: 'opinion-qualified-type1',
    title: 'Opinion: qualified (Type 1)',
    help: '"Except for" the matters in the basis for qualified opinion.',
    appliesTo: type1,
    defaultText: T.OPINION_QUALIFIED(false),
  },
  {
    key: 'opinion-adverse',
    title: 'Opinion: adverse (Type 2)',
    help: 'States that the controls did not provide reasonable assurance; add the description if it is also misstated.',
    appliesTo: type2,
    defaultText: T.OPINION_ADVERSE(true),
  },
  {
    key: 'opinion-adverse-type1',
    title: 'Opinion: adverse (Type 1)',
    help: 'States that the controls were not suitably designed; add the description if it is also misstated.',
    appliesTo: type1,
    defaultText: T.OPINION_ADVERSE(false),
  },
  {
    key: 'opinion-disclaimer',
    title: 'Disclaimer of opinion',
    help: 'No opinion is expressed because of a scope limitation.',
    appliesTo: soc2,
    defaultText: T.OPINION_DISCLAIMER,
  },
  {
    key: 'restricted-use',
    title: 'Restricted use',
    help: 'The specified parties and the knowledge they are expected to have.',
    appliesTo: soc2,
    defaultText: T.RESTRICTED_USE,
  },
  {
    key: 'cover-notice',
    title: 'Cover page notice',
    help: 'Restricted use and confidentiality, at the foot of the cover.',
    appliesTo: soc2,
    defaultText: T.COVER_NOTICE,
  },
  {
    key: 'section4-intro',
    title: 'Section IV introduction (Type 2)',
    help: 'Who owns which column, the kinds of tests, and how information produced by the entity was tested.',
    appliesTo: type2,
    defaultText: T.SECTION4_INTRO_TYPE2,
  },
  {
    key: 'section4-intro-type1',
    title: 'Section IV introduction (Type 1)',
    help: 'Says the section lists the controls and that operating effectiveness was not tested.',
    appliesTo: type1,
    defaultText: T.SECTION4_INTRO_TYPE1,
  },
  {
    key: 'section5-notice',
    title: 'Section V notice',
    help: 'The boxed notice that Section V is not covered by the opinion.',
    appliesTo: (c) => soc2(c) && c.section5,
    defaultText: T.SECTION5_NOTICE,
  },
  {
    key: 'readiness-addressee',
    title: 'Letter: addressee line',
    help: 'Opens the letter when no addressee is entered in the letter details.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_ADDRESSEE,
  },
  {
    key: 'readiness-intro',
    title: 'Letter: introduction and scope',
    help: 'What was assessed, as of when, and against which criteria.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_INTRO,
  },
  {
    key: 'readiness-approach',
    title: 'Letter: approach',
    help: 'The work performed.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_APPROACH,
  },
  {
    key: 'readiness-nature',
    title: 'Letter: what a readiness assessment is not',
    help: 'No examination, no opinion, no assurance; restricted to management.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_NATURE,
  },
  {
    key: 'readiness-closing',
    title: 'Letter: closing',
    help: 'Before the signature.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_CLOSING,
  },
  {
    key: 'readiness-cover-notice',
    title: 'Letter: cover page notice',
    help: 'At the foot of the cover.',
    appliesTo: (c) => !soc2(c),
    defaultText: T.READINESS_COVER_NOTICE,
  },
];

const BY_KEY = new Map(REPORT_TEMPLATES.map((t) => [t.key, t]));

export type TemplateKey = string;

export function templateFor(key: TemplateKey): ReportTemplate | undefined {
  return BY_KEY.get(key);
}

/** The firm's wording of a paragraph for this engagement, or the default; '' for an unknown key. */
export function templateText(settings: Pick<ReportSettings, 'templates'>, key: TemplateKey): string {
  const own = settings.templates[key];
  return own ?? BY_KEY.get(key)?.defaultText ?? '';
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/gu;

/**
 * Fills `{name}` placeholders; an unknown one stays as typed so the auditor sees it in the draft. A value
 * ending in a full stop ("Acme, Inc.") swallows the full stop that ends the sentence after it.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name] ?? whole;
    const next = text.charAt(offset + whole.length);
    return value.endsWith('.') && next === '.' ? value.slice(0, -1) : value;
  });
}

/** The placeholders in `text` that no value fills (each once, in order of appearance). */
export function unknownPlaceholders(text: string, values: Readonly<Record<string, string>>): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !Object.prototype.hasOwnProperty.call(values, n)))];
}
