/** What goes into the request-list export and what comes back out of a returned file. */
import type { Control, Request, RequestStatus } from '../../domain/planning';
import type { Engagement } from '../../domain/engagement';

export interface RequestListExportInput {
  readonly engagement: Engagement;
  /** Every request of the engagement; deleted ones are left out of the file. */
  readonly requests: readonly Request[];
  /** The engagement's controls, to show the references of each request's related controls. */
  readonly controls: readonly Pick<Control, 'id' | 'reference'>[];
  readonly exportedAt: Date;
  /** The auditor's name, shown in the file and stored as its author. */
  readonly exportedBy: string;
  /** `YYYY-MM-DD`: the day overdue requests are judged against. */
  readonly today: string;
}

export interface RequestListImportContext {
  readonly engagementId: string;
  /** Every request of the engagement, deleted ones included (their numbers are never reused). */
  readonly requests: readonly Request[];
  /**
   * The engagement's controls, to compare the Related controls column with Fieldwork. Without them that
   * column is compared with the export snapshot only.
   */
  readonly controls?: readonly Pick<Control, 'id' | 'reference'>[];
}

/** A change the client made to one of the columns they fill in; the UI offers to apply it. */
export type RequestListChange =
  | { readonly field: 'status'; readonly before: RequestStatus; readonly after: RequestStatus }
  | { readonly field: 'comments'; readonly before: string; readonly after: string }
  | { readonly field: 'receivedOn'; readonly before: string | null; readonly after: string | null };

export interface RequestListUpdate {
  readonly requestId: string;
  readonly number: number;
  readonly changes: readonly RequestListChange[];
}

/** Columns the client should not change; their edits are shown to the auditor, never applied. */
export type ClientEditField =
  | 'title'
  | 'description'
  | 'type'
  | 'controls'
  | 'clientOwner'
  | 'auditorContact'
  | 'requestedOn'
  | 'dueOn'
  | 'priority';

export interface ClientEdit {
  readonly requestId: string;
  readonly number: number;
  readonly field: ClientEditField;
  /** The column header, e.g. "Description". */
  readonly column: string;
  /** The value in Fieldwork, as the spreadsheet shows it (dates `YYYY-MM-DD`, choices by label). */
  readonly ours: string;
  readonly theirs: string;
}

export type RequestListProblemKind =
  | 'unknown-request'
  | 'deleted-request'
  | 'no-number'
  | 'bad-number'
  | 'duplicate-number'
  | 'invalid-status'
  | 'invalid-date'
  | 'conflict'
  | 'missing-row';

/** A row or value that was not imported, with a message the auditor can act on. */
export interface RequestListProblem {
  readonly kind: RequestListProblemKind;
  /** The row in the client's sheet, as Excel numbers it (0: about the file, not one row). */
  readonly row: number;
  readonly number: number | null;
  readonly message: string;
  /** For a conflict: the value in the client's file, so the auditor can compare it. */
  readonly theirs?: string;
}

export interface ReturnedRequestList {
  readonly sheetName: string;
  readonly headerRow: number;
  /** From the file's About sheet; null when the client removed it. */
  readonly exportedAt: string | null;
  /** Set when the file was exported from another engagement: nothing from it may be applied here. */
  readonly otherEngagement: { readonly serviceOrganization: string; readonly reason: string } | null;
  /** Shown above everything else: another engagement's file, a missing column. */
  readonly warnings: readonly string[];
  /** Only requests with at least one change, in request-number order. */
  readonly updates: readonly RequestListUpdate[];
  readonly clientEdits: readonly ClientEdit[];
  readonly problems: readonly RequestListProblem[];
  /** Rows matched to a request of the engagement. */
  readonly rowsMatched: number;
}
