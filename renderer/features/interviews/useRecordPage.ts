/**
 * What the interview and walkthrough pages share: who edits and whether they can, the controls, tests,
 * profiles and criteria their editors need, and the editor's props for the open record (closing it takes
 * the focus back to its row).
 */
import type { Engagement } from '@shared/domain/engagement';
import type { ControlTest, Walkthrough } from '@shared/domain/fieldwork';
import { useActor, useEngagementRecords, useProfiles, useScopedCriteria } from '../../app/hooks';
import { focusRowLater } from '../../components/listKeys';
import { useControlReferences, useSelectItem } from '../../components/recordList';
import { isReadOnly } from '../engagements/ReadOnlyBanner';
import type { RecordEditorProps } from './RecordPane';

export function useRecordPage(
  engagement: Engagement,
  area: 'interviews' | 'walkthroughs',
  rowPrefix: string,
) {
  const actor = useActor();
  const readOnly = isReadOnly(engagement) || !actor;
  const select = useSelectItem(engagement.id, area);
  const { controls, references, deletedReferences } = useControlReferences(engagement.id);
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id);
  const profiles = useProfiles();
  const criteria = useScopedCriteria(engagement);

  /** The editor's props for a record; none while loading or without a profile to edit with. */
  function editorProps(
    record: { id: string; deleted: boolean },
    walkthroughs: readonly Walkthrough[],
  ): RecordEditorProps | undefined {
    if (!actor || !controls || !tests || !profiles || !criteria) return undefined;
    return {
      engagement,
      actor,
      readOnly: readOnly || record.deleted,
      canRestore: !readOnly && record.deleted,
      controls,
      references,
      deletedReferences,
      criteria,
      profiles,
      tests,
      walkthroughs,
      onSelect: (id) => {
        select(id);
        if (!id) focusRowLater(rowPrefix, record.id);
      },
    };
  }

  return {
    actor,
    readOnly,
    select,
    controls,
    references,
    tests,
    loaded: controls !== undefined && tests !== undefined && profiles !== undefined && criteria !== undefined,
    editorProps,
  };
}
