/**
 * The events, newest first, in a virtualised table: only the rows in view are in the page, so 100,000
 * events scroll like 100. ↑/↓, Page Up/Down, Home/End move through the events and show each one beside the
 * list; Enter takes the keyboard into the details, Esc closes them.
 */
import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { changedFieldLabels, opLabel, recordTypeLabel, type AuditEvent } from '@shared/domain/audit';
import { formatDateTime } from '@shared/domain/engagement';
import { StatusBadge } from '../../components/StatusBadge';
import { focusWhenReady } from '../../components/focus';
import { useVirtualRows } from '../../components/useVirtualRows';

const ROW_HEIGHT = 30;

export const trailRowId = (seq: number) => `trail-row-${seq}`;

interface Props {
  /** The events shown, in order; `undefined` while they load. */
  events: readonly AuditEvent[] | undefined;
  labelOf(event: AuditEvent): string;
  selectedSeq: number | null;
  select(seq: number | null): void;
  /** Enter on a row: show it and take the keyboard into its details. */
  open(seq: number): void;
  /** Changes whenever the filters do: the list goes back to its top. */
  filterKey: string;
  /** What the table says when no event is shown. */
  empty: ReactNode;
}

export function TrailTable({ events, labelOf, selectedSeq, select, open, filterKey, empty }: Props) {
  const rows = events ?? [];
  const selectedIndex = selectedSeq === null ? -1 : rows.findIndex((e) => e.seq === selectedSeq);
  const { containerRef, onScroll, first, last, padTop, padBottom, scrollToIndex } = useVirtualRows(
    rows.length,
    ROW_HEIGHT,
  );

  // New filters: start from the newest event again.
  useEffect(() => {
    if (containerRef.current) containerRef.current.scrollTop = 0;
  }, [filterKey, containerRef]);

  // Keep the selected event in view (arrow keys, "Show event" from the verification).
  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex, scrollToIndex]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement; // keyboard events come from elements
    if (event.key === 'Escape' && selectedSeq !== null) {
      event.preventDefault();
      select(null);
      return;
    }
    if (event.key === 'Enter' && target.matches('tr')) {
      const seq = Number(target.dataset.seq);
      if (Number.isInteger(seq)) {
        event.preventDefault();
        open(seq);
      }
      return;
    }
    const page = Math.max(1, Math.floor((event.currentTarget.clientHeight - ROW_HEIGHT) / ROW_HEIGHT));
    // From the row with the focus (after the details closed, nothing is selected), else the selected one.
    const focused = target.matches('tr[data-seq]') ? Number(target.dataset.seq) : null;
    const from = focused === null ? selectedIndex : rows.findIndex((e) => e.seq === focused);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined || rows.length === 0) return;
    event.preventDefault();
    const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (next) {
      select(next.seq);
      focusWhenReady([`#${trailRowId(next.seq)}`]);
    }
  }

  // One row takes the Tab key: the selected one when it is drawn, else the first drawn.
  const tabbable = selectedIndex >= first && selectedIndex < last ? selectedIndex : first;
  return (
    <div
      className="table-wrap table-scroll trail-scroll"
      ref={containerRef}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <table className="grid grid-fixed trail-grid" aria-label="Audit events" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-seq num">
              #
            </th>
            <th scope="col" className="col-when">
              When
            </th>
            <th scope="col" className="col-who">
              Who
            </th>
            <th scope="col" className="col-record-type">
              Record type
            </th>
            <th scope="col">Record</th>
            <th scope="col" className="col-op">
              Action
            </th>
            <th scope="col" className="col-fields">
              Fields changed
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} className="spacer" /> : null}
          {rows.slice(first, last).map((e, i) => {
            const index = first + i;
            const isSelected = e.seq === selectedSeq;
            const label = labelOf(e);
            const fields = changedFieldLabels(e).join(', ');
            const fieldsText = e.reason ? `${fields}${fields ? ' — ' : ''}Reason: ${e.reason}` : fields;
            return (
              <tr
                key={e.seq}
                id={trailRowId(e.seq)}
                data-seq={e.seq}
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                tabIndex={index === tabbable ? 0 : -1}
                className={isSelected ? 'row-selected' : undefined}
                onClick={() => select(e.seq)}
              >
                <td className="num col-seq">{e.seq}</td>
                <td className="num nowrap col-when" title={e.at}>
                  {formatDateTime(e.at)}
                </td>
                <td className="ellipsis col-who" title={e.actorName}>
                  {e.actorName}
                </td>
                <td className="ellipsis col-record-type">{recordTypeLabel(e.entity)}</td>
                <td className="ellipsis" title={label}>
                  {label}
                </td>
                <td className="ellipsis col-op">
                  {opLabel(e.op)}
                  {e.postRelease ? (
                    <>
                      {' '}
                      <StatusBadge tone="warn">Post-release</StatusBadge>
                    </>
                  ) : null}
                </td>
                <td className="ellipsis col-fields" title={fieldsText}>
                  {fields || (e.reason ? null : <span className="muted">—</span>)}
                  {e.reason ? (
                    <span className="trail-reason">
                      {fields ? ' — ' : ''}Reason: {e.reason}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} className="spacer" /> : null}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <div className="trail-empty" role="status">
          {events ? empty : <span className="muted">Loading the audit trail…</span>}
        </div>
      ) : null}
    </div>
  );
}
