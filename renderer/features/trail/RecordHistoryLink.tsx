/**
 * "History": opens the audit trail filtered to one record, for screens that show a record (a control, a
 * request, an exception…). A plain link to the trail's address, so it also opens from the keyboard.
 */
import { routeToHash } from '../../store/route';

export function RecordHistoryLink({
  engagementId,
  recordId,
  recordLabel,
}: {
  engagementId: string;
  recordId: string;
  /** Names the record to assistive technology when several History links share a screen ("CC6.1-01"). */
  recordLabel?: string | undefined;
}) {
  return (
    <a
      className="history-link"
      href={routeToHash({ name: 'engagement', id: engagementId, area: 'trail', item: recordId })}
      aria-label={recordLabel ? `History of ${recordLabel}` : undefined}
      title="Every change to this record, in the audit trail"
    >
      History
    </a>
  );
}
