/**
 * The two exports with their progress and Cancel. Exporting is never blocked: before the release the
 * report carries a DRAFT watermark on every page, and the checks below list what it still lacks.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import type { ReportCheck } from '@shared/exports/report';
import { db } from '../../db';
import { engagementEventRange } from '../../db/chains';
import { StatusBadge } from '../../components/StatusBadge';
import { useExports, type ExportState } from './useExports';

function fileWords(state: ExportState, letter: boolean): string {
  if (state.kind === 'evidence-xlsx') return 'evidence workbook';
  if (state.kind === 'snapshot-json') return 'engagement data';
  return letter ? 'readiness letter' : 'report';
}

function progressText(state: ExportState, letter: boolean): string {
  const what = fileWords(state, letter);
  if (state.stage === 'reading') return `Reading the engagement for the ${what}…`;
  if (state.stage === 'saving') return `Saving the ${what}…`;
  return `Building the ${what}…`;
}

export function ExportSection({
  engagement,
  checks,
  saveEdits,
}: {
  engagement: Engagement;
  checks: readonly ReportCheck[] | undefined;
  /** Writes the page's pending edits before the export reads the engagement. */
  saveEdits(): Promise<void>;
}) {
  const { state, run, cancel } = useExports(engagement, saveEdits);
  const [includeTrail, setIncludeTrail] = useState(false);
  const events = useLiveQuery(
    () => engagementEventRange(db, engagement.id).count(), // every copy's chain goes into the sheet
    [engagement.id],
  );
  const letter = engagement.kind === 'readiness';
  const final = engagement.release !== null;
  const open = checks?.length ?? 0;
  const percent =
    state?.fraction === null || state?.fraction === undefined ? undefined : Math.round(state.fraction * 100);

  return (
    <section className="report-section" aria-labelledby="export-title">
      <div className="section-head">
        <h2 id="export-title">Export</h2>
        {final ? (
          <StatusBadge tone="good">Released: final report</StatusBadge>
        ) : (
          <StatusBadge tone="warn">Draft: watermarked until the release</StatusBadge>
        )}
      </div>
      <div className="export-cards">
        <div className="export-card">
          <h3>{letter ? 'Readiness letter (PDF)' : 'SOC 2 report (PDF)'}</h3>
          <p className="muted">
            {letter
              ? 'Scope, approach, readiness by category and every gap with a recommendation.'
              : 'Cover, contents, sections I to V with the opinion, the assertion, the system description, the controls with tests and results, and management’s responses.'}{' '}
            {final ? '' : `Every page is marked DRAFT until the ${letter ? 'letter' : 'report'} is released.`}
          </p>
          {open > 0 ? (
            <p className="muted">
              {open} point{open === 1 ? '' : 's'} to look at below; they do not stop a draft.
            </p>
          ) : null}
          <button type="button" className="primary" disabled={!!state} onClick={() => void run('report-pdf')}>
            {letter ? 'Export readiness letter…' : 'Export report…'}
          </button>
        </div>
        <div className="export-card">
          <h3>Evidence workbook (Excel)</h3>
          <p className="muted">
            One sheet each for the criteria, controls, tests, samples, exceptions, interviews, walkthroughs,
            requests, evidence index, review notes and sign-offs, with a summary and the tickmark legend.
          </p>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={includeTrail}
              disabled={!!state}
              onChange={(event) => setIncludeTrail(event.target.checked)}
            />{' '}
            Include the audit trail
            {events !== undefined ? ` (${events.toLocaleString()} event${events === 1 ? '' : 's'})` : ''}
          </label>
          <button
            type="button"
            disabled={!!state}
            onClick={() => void run('evidence-xlsx', { includeTrail })}
          >
            Export evidence workbook…
          </button>
        </div>
      </div>
      <div className="export-more">
        <p className="muted">
          For batch runs outside the app: the engagement’s records as a snapshot file that{' '}
          <code>fieldwork export</code> reads (see docs/exports.md). It holds the client’s data unencrypted:
          keep it like the workpapers.
        </p>
        <button type="button" disabled={!!state} onClick={() => void run('snapshot-json')}>
          Export engagement data (.json)…
        </button>
      </div>
      {state ? (
        <div className="export-progress" role="status" aria-live="polite">
          <span>{progressText(state, letter)}</span>
          <progress max={100} value={percent} aria-label={`Export of the ${fileWords(state, letter)}`}>
            {percent ?? 0}%
          </progress>
          <button type="button" onClick={cancel} disabled={state.stage === 'saving'}>
            Cancel export
          </button>
        </div>
      ) : null}
    </section>
  );
}
