/** Placeholder while the review notes feature is built (issue 5); the props are the contract. */
import type { Engagement } from '@shared/domain/engagement';
import type { NoteTarget } from '@shared/domain/review';

/** A place inside the workpaper a note can point at ("Procedure", "Item 3 — CHG-10042"). */
export interface NoteTargetOption {
  target: NoteTarget;
  label: string;
}

export interface RaiseNoteDialogProps {
  engagement: Engagement;
  /** The workpaper key (`test:<id>`, `control-matrix`, …). */
  workpaper: string;
  /** Optional finer targets offered besides "the whole workpaper". */
  targets?: readonly NoteTargetOption[];
  /** Pre-selected target (e.g. the sample item the auditor was on). */
  initialTarget?: NoteTarget;
  onClose(): void;
}

export function RaiseNoteDialog(props: RaiseNoteDialogProps) {
  void props;
  return null;
}
