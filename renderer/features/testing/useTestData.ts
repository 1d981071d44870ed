/** Live reads for the tests screens: tests, their items, exceptions, the tickmark legend, controls. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  tickmarkLegend,
  type ControlException,
  type ControlTest,
  type LegendEntry,
  type SampleItem,
  type Tickmark,
} from '@shared/domain/fieldwork';
import type { Control } from '@shared/domain/planning';
import { db } from '../../db';
import { useEngagementRecords } from '../../app/hooks';

/** The engagement's tickmark legend, removed firm marks included (flagged) so stored marks keep their meaning. */
export function useLegend(engagementId: string): LegendEntry[] {
  const tickmarks = useEngagementRecords<Tickmark>('tickmarks', engagementId, true);
  return useMemo(() => tickmarkLegend(tickmarks ?? []), [tickmarks]);
}

/** The live sample items of one test, in workpaper order. */
export function useSampleItems(testId: string): SampleItem[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.sampleItems.where('testId').equals(testId).toArray())
        .filter((i) => !i.deleted)
        .sort((a, b) => a.position - b.position),
    [testId],
  );
}

export function useTestExceptions(testId: string): ControlException[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.exceptions.where('testId').equals(testId).toArray())
        .filter((e) => !e.deleted)
        .sort((a, b) => a.number - b.number),
    [testId],
  );
}

export function useTestsAndControls(engagementId: string) {
  const tests = useEngagementRecords<ControlTest>('tests', engagementId);
  const controls = useEngagementRecords<Control>('controls', engagementId, true);
  return { tests, controls };
}
