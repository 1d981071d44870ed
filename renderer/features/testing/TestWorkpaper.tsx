/**
 * The test workpaper: header (engagement, control, reference), then the test in the order it is done:
 * design of the test, population and its completeness and accuracy, sample size and selection, the
 * attribute grid, exceptions, evaluation and conclusion. Everything autosaves.
 */
import { useState } from 'react';
import type { ControlTest } from '@shared/domain/fieldwork';
import { formatPeriod, type Engagement } from '@shared/domain/engagement';
import type { Control } from '@shared/domain/planning';
import { workpaperKey } from '@shared/domain/review';
import { repository, type Actor } from '../../db';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { deleteTest } from './commands';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { testNoteTargets } from '../review/noteTargets';
import { ConclusionBadge } from './TestsPage';
import { TestDesignSection } from './TestDesignSection';
import { PopulationSection } from './PopulationSection';
import { SamplingSection } from './SamplingSection';
import { AttributeGrid } from './AttributeGrid';
import { EvaluationSection } from './EvaluationSection';
import { TestExceptions } from './TestExceptions';
import { useLegend, useSampleItems, useTestExceptions } from './useTestData';

export interface WorkpaperProps {
  test: ControlTest;
  control: Control;
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
}

export function TestWorkpaper(props: WorkpaperProps & { onBack(): void }) {
  const { test, control, engagement, onBack } = props;
  const items = useSampleItems(test.id);
  const exceptions = useTestExceptions(test.id);
  const legend = useLegend(engagement.id);
  const run = useAction();
  const notify = useAppStore((s) => s.notify);
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    setConfirming(false);
    const undo = await run(() => deleteTest(repository, props.actor, test));
    if (!undo) return;
    onBack();
    notify('success', `Deleted ${test.reference}; its exception numbers stay reserved.`, undefined, {
      label: 'Undo',
      run: () => repository.mutate(undo, props.actor),
    });
  };
  return (
    <section className="page page-wide workpaper" aria-labelledby="workpaper-title">
      <nav className="workpaper-back" aria-label="Breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          ← All tests
        </button>
      </nav>
      <header className="workpaper-header">
        <div>
          <h1 id="workpaper-title">
            {test.reference} <span className="muted">· test of {control.reference}</span>
          </h1>
          <p className="muted">
            {engagement.serviceOrganization} · {formatPeriod(engagement)} ·{' '}
            {control.title || control.description}
          </p>
        </div>
        <div className="page-actions">
          <ConclusionBadge conclusion={test.conclusion} />
          {props.readOnly ? null : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Delete test…
            </button>
          )}
        </div>
      </header>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${test.reference}?`}
          confirmLabel="Delete test"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void remove()}
        >
          <p>
            {items?.length ?? 0} sample item{items?.length === 1 ? '' : 's'} with their tickmarks and{' '}
            {exceptions?.length ?? 0} exception{exceptions?.length === 1 ? '' : 's'} go with it. Evidence
            files stay in the library. You can undo this right after.
          </p>
        </ConfirmDialog>
      ) : null}
      <ReadOnlyBanner engagement={engagement} />
      <WorkpaperHeader
        engagementId={engagement.id}
        workpaper={workpaperKey('test', test.id)}
        targets={testNoteTargets(items ?? [])}
      />
      <nav className="workpaper-toc" aria-label="Sections of the test">
        <a href="#wp-design">1 Test design</a>
        <a href="#wp-population">2 Population</a>
        <a href="#wp-sampling">3 Sample</a>
        <a href="#wp-grid">4 Attribute testing</a>
        <a href="#wp-exceptions">5 Exceptions</a>
        <a href="#wp-evaluation">6 Conclusion</a>
      </nav>
      <TestDesignSection {...props} hasItems={(items?.length ?? 0) > 0} />
      <PopulationSection {...props} hasItems={(items?.length ?? 0) > 0} />
      <SamplingSection {...props} items={items ?? []} legend={legend} />
      <AttributeGrid {...props} items={items ?? []} legend={legend} />
      <TestExceptions {...props} exceptions={exceptions ?? []} items={items ?? []} />
      <EvaluationSection {...props} items={items ?? []} legend={legend} exceptions={exceptions ?? []} />
      <section className="workpaper-section" aria-labelledby="wp-evidence-title">
        <h2 id="wp-evidence-title">Evidence for the whole test</h2>
        <EvidencePanel
          engagementId={engagement.id}
          link={{ kind: 'test', id: test.id }}
          title="Test evidence (procedures, queries, screenshots)"
          readOnly={props.readOnly}
        />
      </section>
    </section>
  );
}
