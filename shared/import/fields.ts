/** The control fields a spreadsheet column can be mapped to, as the mapping step offers them. */
import type { ControlFields } from '../domain/planning/controls';

export const IMPORT_FIELDS = [
  'reference',
  'title',
  'description',
  'criteria',
  'owner',
  'frequency',
  'nature',
  'controlType',
  'key',
  'risk',
  'components',
  'status',
  'notes',
] as const satisfies readonly (keyof ControlFields)[];
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  reference: 'Control reference',
  title: 'Title',
  description: 'Description',
  owner: 'Owner',
  frequency: 'Frequency',
  nature: 'Nature',
  controlType: 'Type',
  key: 'Key control',
  risk: 'Risk',
  components: 'System components',
  status: 'Status',
  notes: 'Notes',
  criteria: 'Criteria',
};

export interface ImportFieldInfo {
  field: ImportField;
  label: string;
  /** The import cannot create controls without this column. */
  required: boolean;
  /** One line for the mapping step: what the column should hold. */
  hint: string;
}

const HINTS: Record<ImportField, string> = {
  reference: 'The control ID, e.g. AC-03 or CC6.1-01.',
  title: 'A short name for the control.',
  description: 'Who does what, when, and what evidence it leaves.',
  owner: 'The person or team that performs the control.',
  frequency: 'Daily, monthly, per event…',
  nature: 'Manual, IT-dependent manual or automated.',
  controlType: 'Preventive, detective or corrective.',
  key: 'Yes or no.',
  risk: 'Low, moderate or high.',
  components: 'Systems and applications involved.',
  status: 'Draft, agreed or retired.',
  notes: 'Auditor notes.',
  criteria: 'Trust services criteria, e.g. CC6.1, CC6.2.',
};

const REQUIRED = new Set<ImportField>(['reference', 'description']);

/** The fields in the order the mapping step lists them; reference and description are required. */
export const IMPORT_FIELD_INFO: readonly ImportFieldInfo[] = IMPORT_FIELDS.map((field) => ({
  field,
  label: IMPORT_FIELD_LABELS[field],
  required: REQUIRED.has(field),
  hint: HINTS[field],
}));

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = IMPORT_FIELD_INFO.filter((f) => f.required).map(
  (f) => f.field,
);

/** For each field, the 0-based column it is read from, or null when no column holds it. */
export type ColumnMapping = Record<ImportField, number | null>;

export function emptyMapping(): ColumnMapping {
  return {
    reference: null,
    title: null,
    description: null,
    owner: null,
    frequency: null,
    nature: null,
    controlType: null,
    key: null,
    risk: null,
    components: null,
    status: null,
    notes: null,
    criteria: null,
  };
}

/** The required fields no column is mapped to yet. */
export function missingRequiredFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === null);
}
