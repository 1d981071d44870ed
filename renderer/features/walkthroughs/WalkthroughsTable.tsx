/**
 * The walkthrough list: process, dates, instance traced, controls, evidence and the conclusions on design
 * and implementation as coloured words. Arrows move through it, Enter edits, Esc closes the editor.
 */
import { formatDate } from '@shared/domain/engagement';
import type { Walkthrough, YesNo } from '@shared/domain/fieldwork';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { onListKey, rowId } from '../interviews/listKeys';

export type WalkthroughSortKey =
  'title' | 'dates' | 'instance' | 'controls' | 'evidence' | 'design' | 'implementation';

export function walkthroughDates(w: Pick<Walkthrough, 'startDate' | 'endDate'>): string {
  if (!w.startDate) return w.endDate ? formatDate(w.endDate) : '';
  if (!w.endDate || w.endDate === w.startDate) return formatDate(w.startDate);
  return `${formatDate(w.startDate)} – ${formatDate(w.endDate)}`;
}

function Conclusion({
  value,
  yes,
  no,
  what,
}: {
  value: YesNo | null;
  yes: string;
  no: string;
  what: string;
}) {
  if (value === 'yes')
    return (
      <StatusBadge tone="good" title={`${what}: yes`}>
        {yes}
      </StatusBadge>
    );
  if (value === 'no')
    return (
      <StatusBadge tone="bad" title={`${what}: no`}>
        {no}
      </StatusBadge>
    );
  return (
    <StatusBadge tone="neutral" title={`${what}: not concluded yet`}>
      Open
    </StatusBadge>
  );
}

interface Props {
  rows: readonly Walkthrough[];
  references: ReadonlyMap<string, string>;
  evidenceCounts: ReadonlyMap<string, number>;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: WalkthroughSortKey;
  sortDir: SortDir;
  onSort(key: WalkthroughSortKey): void;
  emptyText: string;
}

export function WalkthroughsTable(props: Props) {
  const { rows, references, evidenceCounts, selectedId, select, sortKey, sortDir, onSort } = props;
  const ids = rows.map((r) => r.id);
  const selectedIndex = ids.indexOf(selectedId ?? '');
  const header = (column: WalkthroughSortKey, label: string, className?: string) => (
    <SortHeader
      column={column}
      label={label}
      sortKey={sortKey}
      sortDir={sortDir}
      onSort={onSort}
      className={className}
    />
  );
  return (
    <div
      className="table-wrap table-scroll"
      onKeyDown={(e) => onListKey(e, ids, selectedId, select, 'walkthrough')}
    >
      <table className="grid grid-fixed" aria-label="Walkthroughs">
        <thead>
          <tr>
            {header('title', 'Walkthrough')}
            {header('dates', 'Dates', 'col-dates')}
            {header('instance', 'Instance', 'col-instance')}
            {header('controls', 'Controls', 'col-controls')}
            {header('evidence', 'Evidence', 'col-evidence')}
            {header('design', 'Design', 'col-concl')}
            {header('implementation', 'Implemented', 'col-concl')}
          </tr>
        </thead>
        <tbody>
          {rows.map((w, index) => {
            const refs = w.controlIds.map((id) => references.get(id) ?? '?').join(', ');
            const files = evidenceCounts.get(w.id) ?? 0;
            const isSelected = w.id === selectedId;
            return (
              <tr
                key={w.id}
                id={rowId('walkthrough', w.id)}
                data-id={w.id}
                tabIndex={isSelected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                aria-selected={isSelected}
                className={isSelected ? 'row-selected' : undefined}
                onClick={() => select(w.id)}
              >
                <td
                  className="ellipsis"
                  title={[w.title, w.instance && `instance ${w.instance}`].filter(Boolean).join(' · ')}
                >
                  {w.title}
                </td>
                <td className="num nowrap col-dates">{walkthroughDates(w) || '—'}</td>
                <td className="ellipsis col-instance" title={w.instance}>
                  {w.instance || '—'}
                </td>
                <td className="ellipsis num col-controls" title={refs}>
                  {refs || '—'}
                </td>
                <td className="num col-evidence">
                  {files > 0 ? (
                    `${files} file${files === 1 ? '' : 's'}`
                  ) : (
                    <StatusBadge tone="warn" title="Nothing inspected or observed is attached: inquiry only">
                      None
                    </StatusBadge>
                  )}
                </td>
                <td className="col-concl">
                  <Conclusion
                    value={w.designConclusion}
                    yes="Designed"
                    no="Deficient"
                    what="Suitably designed"
                  />
                </td>
                <td className="col-concl">
                  <Conclusion
                    value={w.implementationConclusion}
                    yes="In operation"
                    no="Not in operation"
                    what="Placed in operation"
                  />
                </td>
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                {props.emptyText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
