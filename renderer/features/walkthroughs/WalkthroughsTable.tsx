/**
 * The walkthrough list: process, dates, instance traced, controls, evidence and the conclusions on design
 * and implementation as coloured words. Arrows move through it, Enter edits, Esc closes the editor.
 */
import { formatDate } from '@shared/domain/engagement';
import type { Walkthrough, YesNo } from '@shared/domain/fieldwork';
import { workpaperKey } from '@shared/domain/review';
import type { SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { RecordTable, type RecordColumn } from '../../components/RecordTable';
import { SignOffBadge } from '../review/SignOffBadge';
import type { WorkpaperReviews } from '../review/useWorkpaperReviews';

export type WalkthroughSortKey =
  'title' | 'dates' | 'instance' | 'controls' | 'evidence' | 'design' | 'implementation' | 'signoff';

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

const COLUMNS: readonly RecordColumn<WalkthroughSortKey>[] = [
  { key: 'title', label: 'Walkthrough' },
  { key: 'dates', label: 'Dates', className: 'col-dates' },
  { key: 'instance', label: 'Instance', className: 'col-instance' },
  { key: 'controls', label: 'Controls', className: 'col-controls' },
  { key: 'evidence', label: 'Evidence', className: 'col-evidence' },
  { key: 'design', label: 'Design', className: 'col-concl' },
  { key: 'implementation', label: 'Implemented', className: 'col-concl' },
  { key: 'signoff', label: 'Sign-off', className: 'col-signoff' },
];

interface Props {
  rows: readonly Walkthrough[];
  references: ReadonlyMap<string, string>;
  evidenceCounts: ReadonlyMap<string, number>;
  /** Sign-offs by workpaper key (one read for the whole list). */
  reviews: WorkpaperReviews | undefined;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: WalkthroughSortKey;
  sortDir: SortDir;
  onSort(key: WalkthroughSortKey): void;
  emptyText: string;
}

export function WalkthroughsTable({ references, evidenceCounts, reviews, ...props }: Props) {
  return (
    <RecordTable
      {...props}
      label="Walkthroughs"
      prefix="walkthrough"
      columns={COLUMNS}
      cells={(w) => {
        const refs = w.controlIds.map((id) => references.get(id) ?? '?').join(', ');
        const files = evidenceCounts.get(w.id) ?? 0;
        return (
          <>
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
              <Conclusion value={w.designConclusion} yes="Designed" no="Deficient" what="Suitably designed" />
            </td>
            <td className="col-concl">
              <Conclusion
                value={w.implementationConclusion}
                yes="In operation"
                no="Not in operation"
                what="Placed in operation"
              />
            </td>
            <td className="col-signoff">
              <SignOffBadge review={reviews?.get(workpaperKey('walkthrough', w.id))} />
            </td>
          </>
        );
      }}
    />
  );
}
