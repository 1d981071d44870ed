/** Pieces shared by the record list pages (interviews, walkthroughs, exceptions). */
import { useMemo } from 'react';
import { compareReferences, type Control } from '@shared/domain/planning';
import { useEngagementRecords } from '../app/hooks';
import { useAppStore } from '../store';
import type { EngagementArea } from '../store/route';
import type { SortDir } from './SortHeader';

/** Opens a record of the area beside its list (`null` closes it), through the address. */
export function useSelectItem(engagementId: string, area: EngagementArea) {
  const navigate = useAppStore((s) => s.navigate);
  return (id: string | null) =>
    navigate({ name: 'engagement', id: engagementId, area, ...(id ? { item: id } : {}) });
}

/** The live controls, the reference of every control (deleted ones included) and of the deleted ones. */
export function useControlReferences(engagementId: string) {
  const allControls = useEngagementRecords<Control>('controls', engagementId, true);
  const controls = useMemo(() => allControls?.filter((c) => !c.deleted), [allControls]);
  const references = useMemo(
    () => new Map((allControls ?? []).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const deletedReferences = useMemo(
    () => new Map((allControls ?? []).filter((c) => c.deleted).map((c) => [c.id, c.reference])),
    [allControls],
  );
  return { controls, references, deletedReferences };
}

/** Whether a lower-cased filter `q` is empty or found in the record's texts (only gathered when needed). */
export function matchesQuery(q: string, texts: () => readonly string[]): boolean {
  return !q || texts().join(' ').toLocaleLowerCase().includes(q);
}

/** Sorts the records in place by a text value (references in natural order), then by id. */
export function sortRecords<T extends { id: string }>(rows: T[], dir: SortDir, value: (r: T) => string): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * compareReferences(value(a), value(b)) || a.id.localeCompare(b.id));
}
