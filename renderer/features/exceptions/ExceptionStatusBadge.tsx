/** Open (amber: still to evaluate) or evaluated (grey-green: concluded), always with the word. */
import { EXCEPTION_STATUS_LABELS, type ExceptionStatus } from '@shared/domain/fieldwork';
import { StatusBadge } from '../../components/StatusBadge';

export function ExceptionStatusBadge({ status }: { status: ExceptionStatus }) {
  if (status === 'open') {
    return (
      <StatusBadge tone="warn" title="Open: the nature and cause are still to be evaluated">
        {EXCEPTION_STATUS_LABELS.open}
      </StatusBadge>
    );
  }
  // Concluded, but still an exception: a muted green, not the green of "operating effectively".
  return (
    <span className="badge badge-evaluated" title="Evaluated: described and concluded on">
      <span aria-hidden="true">✓</span>
      {EXCEPTION_STATUS_LABELS.evaluated}
    </span>
  );
}
