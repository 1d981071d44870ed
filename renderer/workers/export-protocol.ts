/** Messages between the UI and the export worker (building the report PDF and the evidence workbook). */
import type { EngagementSnapshot } from '@shared/domain/snapshot';
import type { AuditEvent } from '@shared/domain/audit';
import type { ExportPerson } from '@shared/exports/progress';

export type ExportJob =
  | {
      kind: 'report-pdf';
      snapshot: EngagementSnapshot;
      generatedAt: Date;
      generatedBy: string;
      appVersion: string;
      people: ExportPerson[];
    }
  | {
      kind: 'evidence-xlsx';
      snapshot: EngagementSnapshot;
      exportedAt: Date;
      exportedBy: string;
      appVersion: string;
      people: ExportPerson[];
      /** Present when the audit trail sheet is wanted. */
      auditEvents?: AuditEvent[];
    };

export type ExportRequest = { op: 'run'; job: ExportJob } | { op: 'cancel' };

export type ExportResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; bytes: Uint8Array; pages?: number; missingCharacters?: string[] }
  | { type: 'error'; message: string; name: string };
