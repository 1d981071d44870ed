/**
 * The audit trail of an engagement: every change to its records, newest first, with who, when, which
 * record and which fields; filters, the details of one event beside the list, a check of the hash chain
 * (Verify) and a CSV export. `#/engagements/<id>/trail/<record id>` shows one record's history;
 * `?filter=post-release` only the changes made after the report was released (other filters are ignored).
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  filterTrailEvents,
  recordTypeLabel,
  shortId,
  trailActors,
  trailRecordTypes,
  type AuditEvent,
} from '@shared/domain/audit';
import type { Engagement } from '@shared/domain/engagement';
import { focusWhenReady } from '../../components/focus';
import { endSentence } from '../../components/ErrorText';
import { StatusBadge } from '../../components/StatusBadge';
import { useAppStore } from '../../store';
import { routeToHash } from '../../store/route';
import { EventDetails } from './EventDetails';
import { NO_FILTERS, TrailCount, TrailFilters, type TrailFilterValues } from './TrailFilters';
import { TrailTable, trailRowId } from './TrailTable';
import { useExportTrail } from './useExportTrail';
import { cachedSearchText, useTrailEvents, useTrailRecords } from './useTrailData';
import { useVerifyTrail, VerifyStatus } from './VerifyStatus';

/** A record type inside a sentence: "control", but "CSOC". */
function inSentence(label: string): string {
  return label === label.toLocaleUpperCase() ? label : label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

export function AuditTrailPage({
  engagement,
  recordId,
  filter,
}: {
  engagement: Engagement;
  recordId?: string | undefined;
  filter?: string | undefined;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const { events, complete, total, error, reload } = useTrailEvents(engagement.id, recordId);
  const trailRecords = useTrailRecords(engagement);
  const labels = trailRecords?.labels;
  const [values, setValues] = useState<TrailFilterValues>(NO_FILTERS);
  const query = useDeferredValue(values.query);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const postReleaseOnly = filter === 'post-release';
  const { check, verify } = useVerifyTrail(engagement.id);
  const { exportCsv, busy } = useExportTrail(engagement);

  const labelOf = useCallback((e: AuditEvent) => labels?.get(e.entityId) ?? shortId(e.entityId), [labels]);
  const visible = useMemo(
    () =>
      events && labels
        ? filterTrailEvents(
            events,
            { ...values, entity: recordId ? '' : values.entity, query, recordId, postReleaseOnly },
            { labelOf, searchText: cachedSearchText },
          )
        : undefined,
    [events, labels, values, query, recordId, postReleaseOnly, labelOf],
  );
  const actors = useMemo(() => trailActors(events ?? []), [events]);
  const recordTypes = useMemo(() => trailRecordTypes(events ?? []), [events]);
  const selected = selectedSeq === null ? undefined : events?.find((e) => e.seq === selectedSeq);

  const allEventsHash = routeToHash({ name: 'engagement', id: engagement.id, area: 'trail' });
  const setPostReleaseOnly = (on: boolean) =>
    navigate({
      name: 'engagement',
      id: engagement.id,
      area: 'trail',
      ...(recordId ? { item: recordId } : {}),
      ...(on ? { filter: 'post-release' } : {}),
    });
  const clearFilters = () => {
    setValues(NO_FILTERS);
    if (postReleaseOnly) setPostReleaseOnly(false);
  };
  const close = () => {
    const seq = selectedSeq;
    setSelectedSeq(null);
    if (seq !== null) focusWhenReady([`#${trailRowId(seq)}`]);
  };
  /** Shows an event named by the verification, whatever the filters hid. */
  const showEvent = (seq: number) => {
    setValues(NO_FILTERS);
    if (recordId || postReleaseOnly) navigate({ name: 'engagement', id: engagement.id, area: 'trail' });
    setSelectedSeq(seq);
    focusWhenReady([`#${trailRowId(seq)}`]);
  };

  const recordType = recordId ? events?.[0]?.entity : undefined;
  const recordName = recordId ? (labels?.get(recordId) ?? shortId(recordId)) : '';
  const filtersUsed =
    postReleaseOnly ||
    Object.entries(values).some(([key, v]) => (key !== 'entity' || !recordId) && v.trim() !== '');
  let empty;
  if (error) {
    empty = (
      <>
        <StatusBadge tone="bad">Could not read the audit trail</StatusBadge> {endSentence(error)} Reload the
        window to try again.
      </>
    );
  } else if (events && events.length === 0) {
    empty = recordId
      ? 'No events for this record in this engagement. The link may come from another engagement or computer.'
      : 'No events yet. Every change to this engagement’s records will be listed here.';
  } else if (postReleaseOnly && !events?.some((e) => e.postRelease)) {
    empty = (
      <>
        No post-release changes: nothing was changed after the report was released.{' '}
        <a href={allEventsHash}>Show all events</a>
      </>
    );
  } else {
    empty = (
      <>
        No events match these filters.{' '}
        {filtersUsed ? (
          <button type="button" className="link-button" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </>
    );
  }

  return (
    <section
      className={selected ? 'page page-wide trail-page with-detail' : 'page page-wide trail-page'}
      aria-labelledby="trail-title"
    >
      <header className="page-header">
        <div className="trail-heading">
          <h1 id="trail-title">
            {recordId ? (
              <>
                History of {recordType ? inSentence(recordTypeLabel(recordType)) : 'record'}{' '}
                <span className="num">{recordName}</span>
              </>
            ) : (
              'Audit trail'
            )}
          </h1>
          <p className="muted trail-lede">
            {recordId ? (
              <>
                Every change to this record, newest first. <a href={allEventsHash}>Show all events</a>
              </>
            ) : (
              'Every change to this engagement’s records, newest first; each event is hash-chained to the one before.'
            )}
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="trail-action"
            disabled={check.state === 'running'}
            title="Recompute every event's hash and check the chain"
            onClick={() =>
              void verify().then((result) => {
                // The list was read before: show the events as they are stored now, the broken one included.
                if (result && !result.ok) reload();
              })
            }
          >
            {check.state === 'running' ? 'Verifying…' : 'Verify'}
          </button>
          <button
            type="button"
            className="trail-action"
            disabled={!visible || visible.length === 0 || !complete || busy}
            title={
              complete ? 'The events shown, one row per field change' : 'Available once every event is read'
            }
            onClick={() => visible && trailRecords && void exportCsv(visible, labelOf, trailRecords.context)}
          >
            {busy ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
      </header>
      <div className="trail-status">
        <VerifyStatus check={check} eventCount={recordId ? 0 : total} onShowEvent={showEvent} />
        <TrailCount
          counts={visible && events ? { shown: visible.length, total: events.length } : null}
          progress={complete ? null : { read: events?.length ?? 0, total }}
          filtered={filtersUsed}
        />
      </div>

      <div className="master-detail">
        <div className="master">
          <TrailFilters
            values={values}
            setValues={setValues}
            actors={actors}
            recordTypes={recordId ? null : recordTypes}
            postReleaseOnly={postReleaseOnly}
            setPostReleaseOnly={setPostReleaseOnly}
            onClear={clearFilters}
            filtered={filtersUsed}
          />
          <TrailTable
            events={visible}
            labelOf={labelOf}
            selectedSeq={selectedSeq}
            select={setSelectedSeq}
            open={(seq) => {
              setSelectedSeq(seq);
              focusWhenReady(['#trail-event-details']);
            }}
            filterKey={JSON.stringify([values, query, recordId, postReleaseOnly])}
            empty={empty}
          />
        </div>
        {selected ? (
          <EventDetails
            key={selected.seq}
            event={selected}
            recordLabel={labelOf(selected)}
            context={trailRecords?.context}
            engagementId={engagement.id}
            showHistoryLink={!recordId}
            onClose={close}
          />
        ) : null}
      </div>
    </section>
  );
}
