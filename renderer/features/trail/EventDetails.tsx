/**
 * One audit event beside the list: who changed which record when, every field's value before and after,
 * the reason of a post-release change, and the event's place in the hash chain. Esc closes it.
 */
import {
  formatTrailTime,
  GENESIS_HASH,
  opLabel,
  recordTypeLabel,
  shownChanges,
  trailFieldLabel,
  type AuditEvent,
} from '@shared/domain/audit';
import { shortHash } from '@shared/domain/fieldwork';
import { StatusBadge } from '../../components/StatusBadge';
import { useAppStore } from '../../store';
import { RecordHistoryLink } from './RecordHistoryLink';
import { TrailValueView } from './TrailValue';

/** Copies through the Clipboard API, or the older command where the host refuses it (Electron denies permissions). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    // The fallback for hosts without clipboard permission; deprecated, but still supported everywhere.
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

function HashLine({ label, hash, note }: { label: string; hash: string; note?: string | undefined }) {
  const notify = useAppStore((s) => s.notify);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code className="mono" title={hash}>
          {shortHash(hash)}
        </code>
        {note ? <span className="muted"> {note}</span> : null}{' '}
        <button
          type="button"
          className="link-button"
          aria-label={`Copy the ${label.toLocaleLowerCase()}`}
          title={hash}
          onClick={() =>
            void copyText(hash).then((ok) =>
              ok
                ? notify('success', `Copied the ${label.toLocaleLowerCase()}.`)
                : notify('error', 'Could not copy. Select the hash in the exported CSV instead.'),
            )
          }
        >
          Copy
        </button>
      </dd>
    </>
  );
}

export function EventDetails({
  event,
  recordLabel,
  labelOf,
  engagementId,
  showHistoryLink,
  onClose,
}: {
  event: AuditEvent;
  recordLabel: string;
  labelOf(id: string): string | undefined;
  engagementId: string;
  /** False when the list already shows only this record's events. */
  showHistoryLink: boolean;
  onClose(): void;
}) {
  const changes = shownChanges(event);
  const added = event.op === 'create';
  const type = recordTypeLabel(event.entity);
  return (
    <aside
      id="trail-event-details"
      className="detail-pane trail-detail"
      aria-labelledby="trail-event-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="detail-header">
        <h2 id="trail-event-title">
          <span className="detail-kicker">
            {opLabel(event.op)} · {type}
          </span>
          Event <span className="num">#{event.seq}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close event details"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {event.postRelease ? (
        <div className="banner banner-warn trail-post-release">
          <span>
            <StatusBadge tone="warn">Post-release</StatusBadge> Changed after the report was released.
            {event.reason ? (
              <>
                {' '}
                Reason: <span className="pre-wrap">{event.reason}</span>
              </>
            ) : null}
          </span>
        </div>
      ) : null}
      <dl className="trail-facts">
        <dt>When</dt>
        <dd className="num" title={event.at}>
          {formatTrailTime(event.at)}
        </dd>
        <dt>Who</dt>
        <dd>{event.actorName}</dd>
        <dt>Record</dt>
        <dd>
          {type} <strong>{recordLabel}</strong>
          {showHistoryLink ? (
            <>
              {' · '}
              <RecordHistoryLink
                engagementId={engagementId}
                recordId={event.entityId}
                recordLabel={recordLabel}
              />
            </>
          ) : null}
        </dd>
        {event.reason && !event.postRelease ? (
          <>
            <dt>Reason</dt>
            <dd className="pre-wrap">{event.reason}</dd>
          </>
        ) : null}
      </dl>

      <h3 className="record-section-title">
        {added ? 'Values recorded' : 'Changes'} <span className="muted num">({changes.length})</span>
      </h3>
      {changes.length === 0 ? (
        <p className="muted">No field values were recorded with this event.</p>
      ) : (
        <dl className="trail-changes">
          {changes.map(([field, change]) => (
            <div key={field} className="trail-change">
              <dt>{trailFieldLabel(field)}</dt>
              {added ? (
                <dd>
                  <TrailValueView value={change.after} labelOf={labelOf} />
                </dd>
              ) : (
                <dd className="trail-before-after">
                  <div>
                    <span className="trail-side">Before</span>
                    <TrailValueView value={change.before} labelOf={labelOf} />
                  </div>
                  <div>
                    <span className="trail-side">After</span>
                    <TrailValueView value={change.after} labelOf={labelOf} />
                  </div>
                </dd>
              )}
            </div>
          ))}
        </dl>
      )}
      {added ? <p className="muted trail-note">Fields left empty are not listed.</p> : null}

      <h3 className="record-section-title">Hash chain</h3>
      <dl className="trail-facts">
        <HashLine label="Event hash" hash={event.hash} />
        <HashLine
          label="Previous hash"
          hash={event.prevHash}
          note={event.prevHash === GENESIS_HASH ? '(the start of the trail)' : undefined}
        />
        <dt>Record id</dt>
        <dd className="mono hash-full">{event.entityId}</dd>
      </dl>
    </aside>
  );
}
