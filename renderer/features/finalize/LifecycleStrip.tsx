/**
 * Where the engagement is in its life, and the dates that follow from the release: the documentation
 * completion date (release + the assembly days copied at release) and the end of retention.
 */
import { ENGAGEMENT_PHASES, formatDate, localIsoDate, type Engagement } from '@shared/domain/engagement';
import { daysLockedLate, lifecycleDates } from '@shared/domain/review';
import { StatusBadge } from '../../components/StatusBadge';
import { routeToHash } from '../../store/route';
import { dateOf, deadlineText, LIFECYCLE_STEP_LABELS, stepState } from './finalizeView';

export function LifecycleStrip({ engagement }: { engagement: Engagement }) {
  const dates = lifecycleDates(engagement);
  const lateDays = daysLockedLate(engagement);
  const overview = routeToHash({ name: 'engagement', id: engagement.id, area: 'overview' });
  const deadline =
    dates && engagement.phase === 'released'
      ? deadlineText(dates.documentationCompletionDate, localIsoDate())
      : null;
  return (
    <section className="finalize-lifecycle" aria-label="Engagement life">
      <ol className="lifecycle-steps">
        {ENGAGEMENT_PHASES.map((phase) => {
          const state = stepState(engagement.phase, phase);
          return (
            <li
              key={phase}
              className={`lifecycle-step lifecycle-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="lifecycle-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'current' ? '●' : '○'}
              </span>
              {LIFECYCLE_STEP_LABELS[phase]}
              {state === 'current' ? <span className="visually-hidden"> (current phase)</span> : null}
            </li>
          );
        })}
      </ol>
      <dl className="lifecycle-dates">
        <div>
          <dt>Report date</dt>
          <dd>
            {engagement.reportDate ? (
              <span className="num">{formatDate(engagement.reportDate)}</span>
            ) : (
              <>
                <span className="muted">not set</span> · <a href={overview}>Set it on the Overview</a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Release date</dt>
          <dd>
            {dates ? (
              <span className="num">{formatDate(dates.releaseDate)}</span>
            ) : (
              <span className="muted">not released</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Documentation completion</dt>
          <dd>
            {dates ? (
              <>
                <span className="num">{formatDate(dates.documentationCompletionDate)}</span>{' '}
                {deadline ? <StatusBadge tone={deadline.tone}>{deadline.text}</StatusBadge> : null}
                {engagement.lock ? (
                  <span className="muted">
                    {' '}
                    · {engagement.unlocks.length > 0 ? 'locked again' : 'assembled'}{' '}
                    {dateOf(engagement.lock.at)}
                  </span>
                ) : null}
                {lateDays !== null ? (
                  <>
                    {' '}
                    <StatusBadge tone="warn">
                      {lateDays} day{lateDays === 1 ? '' : 's'} after the completion date
                    </StatusBadge>
                  </>
                ) : null}
                <span className="muted"> (release + {engagement.release?.assemblyDays} days)</span>
              </>
            ) : (
              <span className="muted">release + the firm&apos;s assembly days</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Retention until</dt>
          <dd>
            {dates ? (
              <>
                <span className="num">{formatDate(dates.retentionUntil)}</span>
                <span className="muted"> (release + {engagement.release?.retentionYears} years)</span>
              </>
            ) : (
              <span className="muted">release + the firm&apos;s retention years</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
