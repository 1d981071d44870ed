/**
 * The system description (report section III, DC 200) and management's assertion (section II), drafted
 * in the app. Each section's body is Markdown-like structured text (see `shared/formats/markdown.ts`)
 * that the screen previews and the PDF builder renders. A section record is created the first time it is
 * edited; until then the section is "not started".
 */
import { z } from 'zod';
import { engagementRecordMetaSchema } from '../records/base';
import { text } from './fields';

export interface DescriptionSectionDefinition {
  key: string;
  title: string;
  /** The description criterion it answers, e.g. `DC 1`. */
  dc: string | null;
  /** What belongs in it, shown beside the editor. */
  guidance: string;
  /** Headings inserted by "Insert outline". */
  outline?: string;
  /** Only for Type 2 engagements. */
  type2Only?: boolean;
  /** Filled from other records (scope, subservice organizations, CUECs); the body adds to it. */
  generated?: 'not-applicable' | 'subservice' | 'cuecs' | 'controls';
}

export const DESCRIPTION_SECTIONS: readonly DescriptionSectionDefinition[] = [
  {
    key: 'services',
    title: 'Company overview and services provided',
    dc: 'DC 1',
    guidance:
      'Who the service organization is and the types of services the system provides to user entities.',
  },
  {
    key: 'commitments',
    title: 'Principal service commitments and system requirements',
    dc: 'DC 2',
    guidance:
      'Commitments made to user entities (contracts, SLAs, published statements) and the system requirements that follow from them, laws and regulations.',
    outline: '### Service commitments\n\n- \n\n### System requirements\n\n- \n',
  },
  {
    key: 'components',
    title: 'Components of the system and boundaries',
    dc: 'DC 3',
    guidance:
      'Infrastructure, software, people, procedures and data used to provide the services, and the boundaries of the system. With confidentiality or privacy in scope, the boundaries cover the whole life cycle of that information.',
    outline:
      '### Infrastructure\n\n| Component | Purpose | Location |\n| --- | --- | --- |\n|  |  |  |\n\n### Software\n\n### People\n\n### Procedures\n\n### Data\n\n### System boundaries\n',
  },
  {
    key: 'incidents',
    title: 'System incidents',
    dc: 'DC 4',
    guidance:
      'Incidents during the period (or as of the date) that resulted from control failures or caused a significant failure to meet commitments: nature, timing, extent and disposition. Say so when there were none.',
  },
  {
    key: 'control-environment',
    title: 'Control environment',
    dc: null,
    guidance:
      'Integrity and ethical values, board oversight, organizational structure, competence, accountability.',
  },
  {
    key: 'risk-assessment',
    title: 'Risk assessment',
    dc: null,
    guidance:
      'How objectives are set and risks (including fraud and change) are identified, analysed and responded to.',
  },
  {
    key: 'information-communication',
    title: 'Information and communication',
    dc: null,
    guidance:
      'How relevant, quality information is produced and communicated internally and to external parties.',
  },
  {
    key: 'monitoring',
    title: 'Monitoring activities',
    dc: null,
    guidance:
      'Ongoing and separate evaluations of controls and how deficiencies are communicated and corrected.',
  },
  {
    key: 'control-activities',
    title: 'Control activities',
    dc: null,
    guidance:
      'How control activities are selected and developed to mitigate risks, including general controls over technology, and how policies put them into practice.',
  },
  {
    key: 'criteria-controls',
    title: 'Trust services criteria and related controls',
    dc: 'DC 5',
    generated: 'controls',
    guidance:
      'The applicable criteria and the controls that address them, listed from the control matrix. Reports usually present the controls in full with the tests in section IV; say so here.',
  },
  {
    key: 'changes',
    title: 'Significant changes during the period',
    dc: 'DC 9',
    type2Only: true,
    guidance: 'Relevant changes to the system and controls during the period. Say so when there were none.',
  },
  {
    key: 'subservice',
    title: 'Subservice organizations and complementary subservice organization controls',
    dc: 'DC 7',
    generated: 'subservice',
    guidance:
      'Listed from the Subservice organizations page (services, method, CSOCs, monitoring controls). Add any narrative here.',
  },
  {
    key: 'cuecs',
    title: 'Complementary user entity controls',
    dc: 'DC 6',
    generated: 'cuecs',
    guidance: 'Listed from the CUECs on the Subservice & CUECs page. Add any narrative here.',
  },
  {
    key: 'not-applicable',
    title: 'Criteria not relevant to the system',
    dc: 'DC 8',
    generated: 'not-applicable',
    guidance: 'Filled from the criteria marked not applicable on the Scope page, with their reasons.',
  },
];

export const ASSERTION_KEY = 'assertion';

export const SECTION_STATUSES = ['not-started', 'drafting', 'ready-for-review', 'final'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];
export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  'ready-for-review': 'Ready for review',
  final: 'Final',
};

const SECTION_KEYS = new Set([...DESCRIPTION_SECTIONS.map((s) => s.key), ASSERTION_KEY]);

export const descriptionSectionShape = {
  key: z.string().refine((k) => SECTION_KEYS.has(k), 'Unknown description section.'),
  body: text(200_000),
  status: z.enum(SECTION_STATUSES),
};
export const descriptionSectionSchema = engagementRecordMetaSchema.extend(descriptionSectionShape);
export type DescriptionSection = z.output<typeof descriptionSectionSchema>;

export function sectionsFor(kind: string): DescriptionSectionDefinition[] {
  return DESCRIPTION_SECTIONS.filter((s) => !s.type2Only || kind === 'soc2-type2');
}
