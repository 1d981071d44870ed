/** What the report still lacks, each with a link to where it is fixed. None of it stops a draft. */
import type { Engagement } from '@shared/domain/engagement';
import type { ReportCheck } from '@shared/exports/report';
import { StatusBadge } from '../../components/StatusBadge';
import { ENGAGEMENT_AREAS, AREA_LABELS, routeToHash, type EngagementArea } from '../../store/route';

const isArea = (area: string): area is EngagementArea =>
  (ENGAGEMENT_AREAS as readonly string[]).includes(area);

export function ReportChecks({
  engagement,
  checks,
}: {
  engagement: Engagement;
  checks: readonly ReportCheck[] | undefined;
}) {
  const letter = engagement.kind === 'readiness';
  return (
    <section className="report-section" aria-labelledby="report-checks-title">
      <div className="section-head">
        <h2 id="report-checks-title">Before the {letter ? 'letter' : 'report'} goes out</h2>
        {checks === undefined ? null : checks.length === 0 ? (
          <StatusBadge tone="good">Nothing missing</StatusBadge>
        ) : (
          <StatusBadge tone="warn">
            {checks.length} point{checks.length === 1 ? '' : 's'}
          </StatusBadge>
        )}
      </div>
      {checks === undefined ? (
        <p className="muted">Checking the engagement…</p>
      ) : checks.length === 0 ? (
        <p className="muted">Everything the {letter ? 'letter' : 'report'} draws on is in place.</p>
      ) : (
        <ul className="report-checks">
          {checks.map((check) => (
            <li
              key={`${check.area}:${check.message}`}
              className={`report-check report-check-${check.severity}`}
            >
              <StatusBadge tone={check.severity === 'blocker' ? 'bad' : 'warn'}>
                {check.severity === 'blocker' ? 'Missing' : 'Check'}
              </StatusBadge>{' '}
              {check.message}{' '}
              {isArea(check.area) && check.area !== 'report' ? (
                <a href={routeToHash({ name: 'engagement', id: engagement.id, area: check.area })}>
                  Open {AREA_LABELS[check.area]}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
