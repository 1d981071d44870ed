/**
 * The evidence workbook: the engagement's workpapers as one .xlsx file for reviewers, clients and peer
 * reviewers. A pure builder over bytes; the platform layer saves the file.
 */
export { buildEvidenceWorkbook } from './build';
export { EVIDENCE_SHEET_NAMES, type EvidenceSheetName, type EvidenceWorkbookOptions } from './types';
