/** The evidence workbook's options and its sheets. */
import type { AuditEvent } from '../../domain/audit';
import type { ExportPerson } from '../progress';

export interface EvidenceWorkbookOptions {
  exportedAt: Date;
  /** The auditor's name. */
  exportedBy: string;
  /** Fieldwork's version, e.g. "0.1.0", for the document properties and the Summary. */
  appVersion: string;
  /** Names for the profile ids the records hold (assignees, the team, who uploaded a file). */
  people: readonly ExportPerson[];
  /** When given, an "Audit trail" sheet is added (it can hold 100,000 events and more). */
  auditEvents?: readonly AuditEvent[];
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The sheets in order; the Audit trail is there only when audit events are given. */
export const EVIDENCE_SHEET_NAMES = [
  'Summary',
  'Criteria',
  'Controls',
  'Tests',
  'Samples',
  'Exceptions',
  'Interviews',
  'Walkthroughs',
  'Requests',
  'Evidence index',
  'Review notes',
  'Sign-offs',
  'Audit trail',
] as const satisfies readonly string[];

export type EvidenceSheetName = (typeof EVIDENCE_SHEET_NAMES)[number];
