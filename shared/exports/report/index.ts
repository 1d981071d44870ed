/**
 * The content of the SOC 2 report and of the readiness letter: pure functions from an engagement snapshot
 * to the document model the PDF layout engine renders, the opinion suggested by the criteria roll-up, the
 * firm-editable paragraph templates, and the checks shown before exporting. See README.md.
 */
export { buildReportModel } from './build';
export { buildReadinessModel } from './readiness';
export {
  readinessGaps,
  GAP_SEVERITIES,
  GAP_SEVERITY_LABELS,
  type GapSeverity,
  type ReadinessGap,
} from './readiness-gaps';
export { suggestOpinion, suggestFromRollup, criteriaRollup } from './opinion';
export {
  REPORT_TEMPLATES,
  templateFor,
  templateText,
  fillTemplate,
  unknownPlaceholders,
  type TemplateKey,
} from './templates';
export { TEMPLATE_PLACEHOLDERS } from './placeholders';
export { templateValues, longDate, periodDates, periodPhrase } from './values';
export { reportReadiness } from './checks';
export { templateContextOf } from './context';
export { blocksFromStructuredText, type StructuredTextOptions } from './structured';
export { modelToText, sectionText, blockToText, runText } from './text';
export {
  suggestedTestResult,
  testCells,
  appliedText,
  resultText,
  NOT_COMPLETED,
  NO_EXCEPTIONS,
} from './results';
export { SECTION1_TITLE } from './section1';
export { SECTION2_TITLE, NOT_WRITTEN, section3Title } from './description';
export { section4Title } from './section4';
export { section5Title } from './section5';
export type {
  ReportOptions,
  OpinionSuggestion,
  AffectedCriterion,
  ReportTemplate,
  TemplateContext,
  ReportCheck,
  ReportCheckSeverity,
} from './types';
