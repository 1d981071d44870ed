/** The engagement's roll-up, live: each control's result and each criterion's suggested status. */
import { useMemo } from 'react';
import {
  controlSupport,
  rollUp,
  type ControlTest,
  type Interview,
  type Walkthrough,
} from '@shared/domain/fieldwork';
import type { Engagement } from '@shared/domain/engagement';
import type { Control } from '@shared/domain/planning';
import { useEngagementRecords, useScopedCriteria } from '../../app/hooks';

export function useRollup(engagement: Engagement) {
  const criteria = useScopedCriteria(engagement);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id);
  const interviews = useEngagementRecords<Interview>('interviews', engagement.id);
  return useMemo(() => {
    if (!criteria || !controls || !tests || !walkthroughs || !interviews) return undefined;
    const result = rollUp(engagement.kind, criteria, controls, tests, walkthroughs);
    const inquiryOnly = controls.filter(
      (c) => !c.deleted && controlSupport(c.id, tests, walkthroughs, interviews).inquiryOnly,
    );
    return { ...result, tests, inquiryOnly };
  }, [engagement.kind, criteria, controls, tests, walkthroughs, interviews]);
}
