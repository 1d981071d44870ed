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
  trailValue,
  type AuditEvent,
} from '@shared/domain/audit';
import { describeField, type ChangeContext, type ChangedField } from '@shared/domain/review';
import { shortHash } from '@shared/domain/fieldwork';
import { StatusBadge } from '../../components/StatusBadge';
import { useAppStore } from '../../store';
import { RecordHistoryLink } from './RecordHistoryLink';
import { ShownValue } from './TrailValue';

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
  context,
  engagementId,
  showHistoryLink,
  onClose,
}: {
  event: AuditEvent;
  recordLabel: string;
  /** Reads values in words (names for ids, a tickmark per attribute); raw values until it is loaded. */
  context: ChangeContext | undefined;
  engagementId: string;
  /** False when the list already shows only this record's events. */
  showHistoryLink: boolean;
  onClose(): void;
}) {
  const changes = shownChanges(event);
  const added = event.op === 'create';
  // Each stored field in words; a sample item's marks become one line per attribute, a nested setting
  // one line per setting. The stored values themselves are in the CSV export.
  const described = changes.flatMap(([field, change]): ChangedField[] =>
    context
      ? describeField(event, field, change, context)
      : [
          {
            key: field,
            label: trailFieldLabel(field),
            before: trailValue(change.before),
            after: trailValue(change.after),
          },
        ],
  );
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
        {added ? 'Values recorded' : 'Changes'} <span className="muted num">({described.length})</span>
      </h3>
      {described.length === 0 ? (
        <p className="muted">No field values were recorded with this event.</p>
      ) : (
        <dl className="trail-changes">
          {described.map((change) => (
            <div key={change.key} className="trail-change">
              <dt>{change.label}</dt>
              {added ? (
                <dd>
                  <ShownValue value={change.after} />
                </dd>
              ) : (
                <dd className="trail-before-after">
                  <div>
                    <span className="trail-side">Before</span>
                    <ShownValue value={change.before} />
                  </div>
                  <div>
                    <span className="trail-side">After</span>
                    <ShownValue value={change.after} />
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
