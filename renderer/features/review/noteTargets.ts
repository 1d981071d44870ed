/** The places inside a test workpaper a review note can point at: its main fields and each sample item. */
import type { SampleItem } from '@shared/domain/fieldwork';
import type { NoteTargetOption } from './notes/RaiseNoteDialog';

const TEST_FIELDS: readonly [field: string, label: string][] = [
  ['objective', 'Objective'],
  ['procedure', 'Procedure'],
  ['attributes', 'Attributes'],
  ['population', 'Population'],
  ['sampling', 'Sample size and selection'],
  ['exceptions', 'Exceptions'],
  ['conclusion', 'Conclusion'],
];

export function testNoteTargets(items: readonly SampleItem[]): NoteTargetOption[] {
  const fields = TEST_FIELDS.map(([field, label]) => ({
    target: { kind: 'field' as const, field, label },
    label,
  }));
  const rows = [...items]
    .filter((i) => !i.deleted)
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const label = `Item ${i.position} — ${i.key}`.slice(0, 200);
      return { target: { kind: 'sample-item' as const, id: i.id, label }, label };
    });
  return [...fields, ...rows];
}
