/**
 * A control's fieldwork, shown in the control editor: its result, the tests, walkthroughs and interviews
 * that support it (inquiry alone is flagged), a way to plan a test, and the evidence linked to it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  controlResult,
  controlSupport,
  CONTROL_RESULT_LABELS,
  isType1,
  TEST_CONCLUSION_LABELS,
  TYPE1_RESULT_LABELS,
  type ControlTest,
  type Interview,
  type Walkthrough,
} from '@shared/domain/fieldwork';
import type { Control } from '@shared/domain/planning';
import { db, repository, type Actor } from '../../db';
import { getEngagement } from '../../db/queries';
import { useEngagementRecords } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { createTest } from './commands';
import { firmSampleSizeTable } from '../settings/commands';

export function ControlFieldwork({
  control,
  actor,
  readOnly,
}: {
  control: Control;
  actor: Actor;
  readOnly: boolean;
}) {
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const engagement = useLiveQuery(() => getEngagement(db, control.engagementId), [control.engagementId]);
  const tests = useEngagementRecords<ControlTest>('tests', control.engagementId);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', control.engagementId);
  const interviews = useEngagementRecords<Interview>('interviews', control.engagementId);
  if (!engagement || !tests || !walkthroughs || !interviews) return null;
  const result = controlResult(control.id, engagement.kind, tests, walkthroughs);
  const support = controlSupport(control.id, tests, walkthroughs, interviews);
  const labels = isType1(engagement.kind) ? TYPE1_RESULT_LABELS : CONTROL_RESULT_LABELS;
  const own = tests.filter((t) => t.controlId === control.id);
  const wts = walkthroughs.filter((w) => w.controlIds.includes(control.id));
  const go = (area: 'tests' | 'walkthroughs' | 'interviews', item: string) =>
    navigate({ name: 'engagement', id: engagement.id, area, item });
  return (
    <section className="control-fieldwork" aria-labelledby={`control-fieldwork-${control.id}`}>
      <h3 id={`control-fieldwork-${control.id}`}>
        Fieldwork: <span className="muted">{labels[result]}</span>
      </h3>
      {support.inquiryOnly ? (
        <p className="warning-inline" role="note">
          Only interviews support this control so far. Inquiry alone does not support a conclusion:
          corroborate it with a walkthrough or a test (observation, inspection or reperformance).
        </p>
      ) : null}
      <ul className="evidence-links">
        {own.map((t) => (
          <li key={t.id}>
            <button type="button" className="link-button" onClick={() => go('tests', t.id)}>
              {t.reference}
            </button>
            <span className="muted">
              {t.conclusion ? TEST_CONCLUSION_LABELS[t.conclusion] : 'not concluded'}
            </span>
          </li>
        ))}
        {wts.map((w) => (
          <li key={w.id}>
            <button type="button" className="link-button" onClick={() => go('walkthroughs', w.id)}>
              Walkthrough: {w.title}
            </button>
          </li>
        ))}
        {interviews
          .filter((i) => i.controlIds.includes(control.id))
          .map((i) => (
            <li key={i.id}>
              <button type="button" className="link-button" onClick={() => go('interviews', i.id)}>
                Interview: {i.title}
              </button>
            </li>
          ))}
      </ul>
      {readOnly || control.deleted ? null : (
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const test = await createTest(
                repository,
                actor,
                engagement,
                control,
                await firmSampleSizeTable(repository),
              );
              go('tests', test.id);
              return test;
            }, `Test for ${control.reference} created.`)
          }
        >
          Plan a test of {control.reference}
        </button>
      )}
      <EvidencePanel
        engagementId={engagement.id}
        link={{ kind: 'control', id: control.id }}
        readOnly={readOnly || control.deleted}
        compact
      />
    </section>
  );
}
