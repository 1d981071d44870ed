/**
 * Control-matrix import: read a spreadsheet the auditor picked (xlsx or CSV), find its header, suggest
 * a column mapping, read each row into control fields and preview what importing would create, update
 * or skip, with every problem worded for the auditor. Pure functions; the caller writes the result.
 */
export { ImportError } from './errors';
export {
  columnLetter,
  cellText,
  isBlankRow,
  MAX_FILE_BYTES,
  MAX_SHEET_ROWS,
  type Cell,
  type CellNote,
  type SheetGrid,
} from './grid';
export { readSpreadsheet, splitFileName } from './read-spreadsheet';
export { decodeText, type TextEncodingName } from './encoding';
export { detectDelimiter, readCsvText, type CsvDelimiter } from './read-csv';
export {
  emptyMapping,
  IMPORT_FIELD_INFO,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  missingRequiredFields,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
  type ImportFieldInfo,
} from './fields';
export { matchHeader, normaliseWords, type HeaderMatch } from './header-words';
export {
  columnCount,
  columnName,
  detectHeaderRow,
  detectLayout,
  headerLabels,
  HEADER_SEARCH_ROWS,
  suggestMapping,
  suggestSheet,
  type SheetLayout,
} from './mapping';
export { meansNone, normaliseCriterionId, parseCriteriaList } from './criteria-ids';
export { frequencyAmbiguity, parseFrequency } from './frequency';
export { parseControlType, parseKey, parseNature, parseRisk, parseStatus } from './values';
export type { ImportProblem, ProblemColumn, ProblemSeverity } from './problems';
export type { FieldChange, FieldValue } from './reimport';
export {
  buildImportPreview,
  type ExistingControl,
  type ImportAction,
  type ImportPreview,
  type ImportPreviewInput,
  type ImportRow,
  type ImportSummary,
} from './preview';
export { planImport, type ImportPlan, type ImportPlanUpdate } from './plan';
/** Population import (the items a test samples from): see `population/index.ts`. */
export * from './population';
