/**
 * Records the report release: the date the report was given to the client. Says what follows from it
 * (documentation completion date, retention, reasons for every change) before anything is recorded.
 */
import { useState, type FormEvent } from 'react';
import { formatDate, localIsoDate, type Engagement } from '@shared/domain/engagement';
import { repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAppStore } from '../../store';
import { routeToHash } from '../../store/route';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { describeError } from '../../components/ErrorText';
import { releaseReport } from '../review/commands';
import { projectedDates, releaseDateProblem } from './finalizeView';
import { useFirmPolicy } from './useFirmPolicy';

export function ReleaseDialog({ engagement, onClose }: { engagement: Engagement; onClose(): void }) {
  const actor = useActor();
  const policy = useFirmPolicy();
  const notify = useAppStore((s) => s.notify);
  const [date, setDate] = useState(() => localIsoDate());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = releaseDateProblem(engagement.reportDate, date);
  const projected = !problem && policy ? projectedDates(date, policy) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor || problem) return;
    setBusy(true);
    setError(null);
    try {
      await releaseReport(repository, actor, engagement.id, date);
      notify('success', `Report released on ${formatDate(date)}. The assembly window is open.`);
      onClose();
    } catch (e) {
      setError(describeError(e).text); // the repository's refusal, as it is worded
      setBusy(false);
    }
  }

  return (
    <Dialog title="Release the report" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {engagement.reportDate ? (
          <p>
            Report date: <strong className="num">{formatDate(engagement.reportDate)}</strong>. The release
            date is the day the report is given to the client; it cannot be earlier.
          </p>
        ) : (
          <p className="warning-box" role="alert">
            The report date is not set. Enter it in the engagement details on the{' '}
            <a
              href={routeToHash({ name: 'engagement', id: engagement.id, area: 'overview' })}
              onClick={onClose}
            >
              Overview
            </a>{' '}
            first.
          </p>
        )}
        <Field
          label="Release date"
          required
          error={engagement.reportDate && date ? (problem ?? undefined) : undefined}
        >
          <input
            type="date"
            value={date}
            min={engagement.reportDate ?? undefined}
            disabled={!engagement.reportDate}
            onChange={(e) => setDate(e.target.value)}
          />
        </Field>
        <div className="release-next">
          <h3>What happens next</h3>
          {policy ? (
            <ul>
              <li>
                Documentation completion date:{' '}
                {projected ? (
                  <strong className="num">{formatDate(projected.documentationCompletionDate)}</strong>
                ) : (
                  <span className="muted">—</span>
                )}{' '}
                (release + {policy.assemblyDays} days, the firm&apos;s assembly window): the file is assembled
                and locked by then.
              </li>
              <li>
                Retention until:{' '}
                {projected ? (
                  <strong className="num">{formatDate(projected.retentionUntil)}</strong>
                ) : (
                  <span className="muted">—</span>
                )}{' '}
                (release + {policy.retentionYears} years, the firm&apos;s retention period): nothing is
                deleted before then.
              </li>
              <li>
                From then on every change needs a reason, given once in the banner at the top of each screen;
                the audit trail marks those changes as made after release.
              </li>
              <li>The engagement can then only move on to assembly and lock.</li>
            </ul>
          ) : (
            <p className="muted">Reading the firm&apos;s policy…</p>
          )}
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !actor || problem !== null}>
            Release the report
          </button>
        </div>
      </form>
    </Dialog>
  );
}
