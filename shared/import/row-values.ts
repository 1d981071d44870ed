/**
 * Reading one spreadsheet row into control field values, with a problem for each cell that cannot be
 * used as written. Blank cells give no value at all: on re-import they never clear what Fieldwork has.
 */
import {
  CONTROL_STATUS_LABELS,
  CONTROL_TYPE_LABELS,
  controlFieldsSchema,
  FREQUENCY_LABELS,
  NATURE_LABELS,
  RISK_LABELS,
  type ControlFields,
} from '../domain/planning/controls';
import { meansNone, parseCriteriaList } from './criteria-ids';
import type { ColumnMapping, ImportField } from './fields';
import { IMPORT_FIELDS } from './fields';
import { frequencyAmbiguity, parseFrequency } from './frequency';
import { cellText, type Cell } from './grid';
import {
  cellProblem,
  excerpt,
  listQuoted,
  listWords,
  problemColumn,
  type ImportProblem,
  type ProblemColumn,
} from './problems';
import { parseControlType, parseKey, parseNature, parseRisk, parseStatus } from './values';

/** The values a row gives, only for the fields it has something usable for. */
export type FileValues = Partial<ControlFields>;

export interface RowReadContext {
  /** The spreadsheet row number. */
  row: number;
  cells: readonly Cell[];
  mapping: ColumnMapping;
  headers: readonly string[];
  /** The control this row updates, if any (decides how a warning ends: "left blank" or "kept"). */
  existing: ControlFields | null;
  /** The engagement's applicable criteria; empty means "not known", and nothing is checked. */
  applicable: ReadonlySet<string>;
}

export interface RowValues {
  values: FileValues;
  problems: ImportProblem[];
  /** Fields that already have a problem, so validation does not report them twice. */
  reported: Set<ImportField>;
}

type TextField = 'reference' | 'title' | 'description' | 'owner' | 'components' | 'notes';
type ChoiceField = 'frequency' | 'nature' | 'controlType' | 'risk' | 'status';

const TEXT_FIELDS: ReadonlySet<ImportField> = new Set<TextField>([
  'reference',
  'title',
  'description',
  'owner',
  'components',
  'notes',
]);

/** The longest text the schema accepts per field. */
const TEXT_LIMITS: Record<TextField, number | null> = {
  reference: controlFieldsSchema.shape.reference.maxLength,
  title: controlFieldsSchema.shape.title.maxLength,
  description: controlFieldsSchema.shape.description.maxLength,
  owner: controlFieldsSchema.shape.owner.maxLength,
  components: controlFieldsSchema.shape.components.maxLength,
  notes: controlFieldsSchema.shape.notes.maxLength,
};

interface ChoiceSpec<T extends string> {
  parse: (raw: string) => T | null;
  /** What the value is, as in `"x" is not a frequency Fieldwork knows`. */
  noun: string;
  labels: Readonly<Record<string, string>>;
  ambiguity?: (raw: string) => string | null;
}

const CHOICES: { [F in ChoiceField]: ChoiceSpec<NonNullable<ControlFields[F]>> } = {
  frequency: {
    parse: parseFrequency,
    noun: 'frequency',
    labels: FREQUENCY_LABELS,
    ambiguity: frequencyAmbiguity,
  },
  nature: { parse: parseNature, noun: 'control nature', labels: NATURE_LABELS },
  controlType: { parse: parseControlType, noun: 'control type', labels: CONTROL_TYPE_LABELS },
  risk: { parse: parseRisk, noun: 'risk level', labels: RISK_LABELS },
  status: { parse: parseStatus, noun: 'status', labels: CONTROL_STATUS_LABELS },
};

function isChoiceField(field: ImportField): field is ChoiceField {
  return field in CHOICES;
}

function isTextField(field: ImportField): field is TextField {
  return TEXT_FIELDS.has(field);
}

/** Sets one field; the generic keeps the value's type tied to the field. */
export function setField<F extends keyof ControlFields>(
  target: Partial<ControlFields>,
  field: F,
  value: ControlFields[F],
): void {
  target[field] = value;
}

/** How an unusable value ends up: for a new control the default, for an update the current value. */
function fallback(field: ImportField, existing: ControlFields | null): string {
  if (existing) {
    const current = existing[field];
    if (field === 'key') return `the control stays ${current ? 'key' : 'not key'}.`;
    if (current === null || current === '') return 'it stays blank.';
    const labels = isChoiceField(field) ? CHOICES[field].labels : {};
    return `the current value (${labels[String(current)] ?? String(current)}) is kept.`;
  }
  if (field === 'status') return 'the control will be a draft.';
  if (field === 'key') return 'the control will not be marked as key.';
  return 'it will be left blank.';
}

class RowReader {
  readonly values: FileValues = {};
  readonly problems: ImportProblem[] = [];
  readonly reported = new Set<ImportField>();

  constructor(private readonly ctx: RowReadContext) {}

  private report(field: ImportField, column: ProblemColumn, severity: 'error' | 'warning', text: string) {
    this.problems.push(cellProblem(this.ctx.row, column, field, severity, text));
    this.reported.add(field);
  }

  readText(field: TextField, text: string, column: ProblemColumn): void {
    const value = field === 'reference' ? text.replace(/\s+/gu, ' ') : text;
    const limit = TEXT_LIMITS[field];
    if (limit !== null && value.length > limit) {
      this.report(
        field,
        column,
        'error',
        `the text is ${value.length.toLocaleString('en-US')} characters long; Fieldwork keeps at most ` +
          `${limit.toLocaleString('en-US')}. Shorten it in the file and import again.`,
      );
    }
    setField(this.values, field, value);
  }

  readChoice<F extends ChoiceField>(field: F, text: string, column: ProblemColumn): void {
    if (meansNone(text)) return;
    const spec: ChoiceSpec<NonNullable<ControlFields[F]>> = CHOICES[field];
    const value = spec.parse(text);
    if (value !== null) {
      setField(this.values, field, value);
      return;
    }
    const ambiguity = spec.ambiguity?.(text) ?? null;
    const why = ambiguity
      ? `"${excerpt(text)}" ${ambiguity}`
      : `"${excerpt(text)}" is not a ${spec.noun} Fieldwork knows`;
    const choose = ambiguity ? ` Choose the ${spec.noun} in Fieldwork.` : '';
    this.report(field, column, 'warning', `${why}; ${fallback(field, this.ctx.existing)}${choose}`);
  }

  readKey(cell: Cell, column: ProblemColumn): void {
    const value = parseKey(cell);
    if (value !== null) {
      this.values.key = value;
      return;
    }
    const text = excerpt(cellText(cell));
    this.report(
      'key',
      column,
      'warning',
      `"${text}" is not a yes/no answer Fieldwork knows; ${fallback('key', this.ctx.existing)}`,
    );
  }

  readCriteria(text: string, column: ProblemColumn): void {
    if (meansNone(text)) return;
    const { ids, unknown } = parseCriteriaList(text);
    if (unknown.length > 0) {
      const verb =
        unknown.length === 1 ? 'is not a trust services criterion' : 'are not trust services criteria';
      this.report('criteria', column, 'error', `${listQuoted(unknown.map((u) => excerpt(u, 40)))} ${verb}.`);
    }
    this.values.criteria = ids;
    this.warnNotApplicable(ids, column);
  }

  private warnNotApplicable(ids: readonly string[], column: ProblemColumn): void {
    if (this.ctx.applicable.size === 0) return;
    const outside = ids.filter((id) => !this.ctx.applicable.has(id));
    if (outside.length === 0) return;
    const one = outside.length === 1;
    this.problems.push(
      cellProblem(
        this.ctx.row,
        column,
        'criteria',
        'warning',
        `${listWords(outside)} ${one ? 'is' : 'are'} outside this engagement's scope or marked not applicable; the ` +
          `${one ? 'mapping is' : 'mappings are'} kept.`,
      ),
    );
  }

  read(field: ImportField, column: number): void {
    const cell = this.ctx.cells[column] ?? null;
    const text = cellText(cell);
    if (text === '') return;
    const where = problemColumn(column, this.ctx.headers);
    if (field === 'key') this.readKey(cell, where);
    else if (field === 'criteria') this.readCriteria(text, where);
    else if (isChoiceField(field)) this.readChoice(field, text, where);
    else if (isTextField(field)) this.readText(field, text, where);
  }
}

/** The mapped fields in column order, so a row's problems read left to right. */
export function mappedFields(mapping: ColumnMapping): { field: ImportField; column: number }[] {
  return IMPORT_FIELDS.flatMap((field) => {
    const column = mapping[field];
    return column === null ? [] : [{ field, column }];
  }).sort((a, b) => a.column - b.column);
}

/** Reads every mapped cell of a row. */
export function readRowValues(ctx: RowReadContext): RowValues {
  const reader = new RowReader(ctx);
  for (const { field, column } of mappedFields(ctx.mapping)) reader.read(field, column);
  return { values: reader.values, problems: reader.problems, reported: reader.reported };
}
