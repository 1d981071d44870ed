/**
 * Live reads an exception editor needs around its record: the test and control it belongs to, the test's
 * sample items and the tickmark legend (to show which items and attributes carry the X), and the control
 * matrix for the compensating-controls chooser.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  tickmarkLegend,
  type ControlException,
  type ControlTest,
  type Tickmark,
} from '@shared/domain/fieldwork';
import type { Control } from '@shared/domain/planning';
import { db } from '../../db';
import { useEngagementRecords } from '../../app/hooks';
import { affectedItems, foundIn } from './exceptionView';

export function useExceptionContext(
  exception: Pick<ControlException, 'testId' | 'controlId' | 'sampleItemIds' | 'attributeIds'>,
  engagementId: string,
) {
  const tests = useEngagementRecords<ControlTest>('tests', engagementId, true);
  const allControls = useEngagementRecords<Control>('controls', engagementId, true);
  const tickmarks = useEngagementRecords<Tickmark>('tickmarks', engagementId, true);
  const items = useLiveQuery(
    () => db.sampleItems.where('testId').equals(exception.testId).toArray(),
    [exception.testId],
  );

  const controls = useMemo(() => allControls?.filter((c) => !c.deleted) ?? [], [allControls]);
  const deletedReferences = useMemo(
    () => new Map((allControls ?? []).filter((c) => c.deleted).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const test = tests?.find((t) => t.id === exception.testId);
  const control = allControls?.find((c) => c.id === exception.controlId);
  const legend = useMemo(() => tickmarkLegend(tickmarks ?? []), [tickmarks]);
  const affected = useMemo(
    () => affectedItems(exception, test, items ?? [], legend),
    [exception, test, items, legend],
  );
  const found = useMemo(() => foundIn(test, items ?? [], legend), [test, items, legend]);
  const loading = !tests || !allControls || !tickmarks || !items;
  return { loading, test, control, controls, deletedReferences, affected, found };
}
