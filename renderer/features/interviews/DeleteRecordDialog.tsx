/**
 * Asks before deleting an interview or a walkthrough, saying what is linked to it (evidence files first).
 * Deletion is a tombstone: the links stay, so Undo or Restore brings everything back.
 */
import type { EvidenceLink } from '@shared/domain/fieldwork';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLinkedEvidence } from '../evidence/EvidencePanel';

interface Props {
  /** "interview", "walkthrough". */
  noun: string;
  name: string;
  engagementId: string;
  link: EvidenceLink;
  /** Other things linked, in words ("2 follow-ups became requests: PBC-004, PBC-007"). */
  details: readonly string[];
  onCancel(): void;
  onConfirm(): void;
}

export function DeleteRecordDialog({ noun, name, engagementId, link, details, onCancel, onConfirm }: Props) {
  const evidence = useLinkedEvidence(engagementId, link);
  const files = evidence?.length ?? 0;
  const linked = [
    ...(files > 0 ? [`${files} evidence file${files === 1 ? ' is' : 's are'} linked to it.`] : []),
    ...details,
  ];
  return (
    <ConfirmDialog
      danger
      title={`Delete the ${noun} “${name}”?`}
      confirmLabel={linked.length > 0 ? 'Delete anyway' : 'Delete'}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {evidence === undefined ? (
        <p className="muted">Checking what is linked…</p>
      ) : linked.length === 0 ? (
        <p>Nothing is linked to this {noun}.</p>
      ) : (
        <>
          <ul className="plain-list">
            {linked.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            Evidence files stay in the evidence library, and the links stay in place so that undoing the
            delete restores everything.
          </p>
        </>
      )}
      <p className="muted">
        The {noun} stays in the audit trail; you can undo this right after, or restore it later (Show:
        Deleted).
      </p>
    </ConfirmDialog>
  );
}
