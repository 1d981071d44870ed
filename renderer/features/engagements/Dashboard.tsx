/**
 * The engagement dashboard: where the work stands, in numbers that each open the list behind them
 * (filtered). A reviewer reads it first: stale and missing sign-offs, open notes, untested controls,
 * open exceptions, overdue requests, days to the report date.
 */
import type { ReactNode } from 'react';
import {
  ENGAGEMENT_PHASE_LABELS,
  formatDate,
  localIsoDate,
  type Engagement,
} from '@shared/domain/engagement';
import { dashboardFigures } from '@shared/domain/review';
import { useAppStore } from '../../store';
import type { EngagementArea } from '../../store/route';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { useEngagementReview } from '../review/useReview';
import { phaseTone } from './phase';

interface LinkProps {
  engagementId: string;
  area: EngagementArea;
  filter?: string;
  children: ReactNode;
  /**
   * What the figure counts, read after it by screen readers (the number alone means nothing) and shown
   * as a tooltip. The visible text stays the start of the accessible name (WCAG label in name).
   */
  label: string;
  tone?: Tone;
}

/** A number that opens its list. */
function FigureLink({ engagementId, area, filter, children, label, tone }: LinkProps) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button
      type="button"
      className={`figure-link${tone ? ` figure-${tone}` : ''}`}
      title={label}
      onClick={() => navigate({ name: 'engagement', id: engagementId, area, ...(filter ? { filter } : {}) })}
    >
      {children}
      <span className="visually-hidden"> ({label})</span>
    </button>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function days(n: number): string {
  if (n === 0) return 'today';
  return n > 0 ? `in ${plural(n, 'day')}` : `${plural(-n, 'day')} ago`;
}

export function Dashboard({ engagement }: { engagement: Engagement }) {
  const data = useEngagementReview(engagement.id);
  if (!data) return <p className="muted">Loading the dashboard…</p>;
  const f = dashboardFigures(data.snapshot, data.review, localIsoDate());
  const id = engagement.id;
  const type2 = engagement.kind === 'soc2-type2';
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <h2 id="dashboard-title" className="visually-hidden">
        Dashboard
      </h2>
      <div className="cards">
        <div className="card">
          <span className="card-label">Phase</span>
          <FigureLink engagementId={id} area="finalize" label="Phase: open Release & lock">
            <StatusBadge tone={phaseTone(f.phase)}>{ENGAGEMENT_PHASE_LABELS[f.phase]}</StatusBadge>
          </FigureLink>
          <span className="card-note">
            {engagement.reportDate
              ? `Report date ${formatDate(engagement.reportDate)}${f.daysToReport !== null && f.phase !== 'released' && f.phase !== 'completed' ? ` (${days(f.daysToReport)})` : ''}`
              : 'Report date not set'}
          </span>
          {f.daysToAssembly !== null ? (
            <FigureLink
              engagementId={id}
              area="finalize"
              label="Assembly deadline: open Release & lock"
              tone={f.daysToAssembly < 0 ? 'bad' : f.daysToAssembly <= 7 ? 'warn' : undefined}
            >
              {f.daysToAssembly < 0
                ? `Assembly overdue by ${plural(-f.daysToAssembly, 'day')}`
                : `Assemble ${days(f.daysToAssembly)}`}
            </FigureLink>
          ) : null}
        </div>

        <div className="card">
          <span className="card-label">Criteria</span>
          <span className="card-value num">
            <FigureLink engagementId={id} area="coverage" filter="met" label="criteria met: open Coverage">
              {f.criteria.met}
            </FigureLink>{' '}
            <span className="card-of">of {f.criteria.inScope - f.criteria.notApplicable} met</span>
          </span>
          <span className="card-lines">
            <FigureLink
              engagementId={id}
              area="coverage"
              filter="not-applicable"
              label="criteria not applicable: open Coverage"
            >
              {f.criteria.notApplicable} not applicable
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="coverage"
              filter="uncovered"
              tone={f.criteria.uncovered > 0 ? 'bad' : undefined}
              label="without a control: open Coverage"
            >
              {f.criteria.uncovered} without a control
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="coverage"
              filter="not-met"
              tone={f.criteria.notMet > 0 ? 'bad' : undefined}
              label="not met: open Coverage"
            >
              {f.criteria.notMet} not met
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="coverage"
              filter="not-concluded"
              label="criteria not yet concluded: open Coverage"
            >
              {f.criteria.notTested} not yet concluded
            </FigureLink>
          </span>
        </div>

        <div className="card">
          <span className="card-label">{type2 ? 'Controls tested' : 'Controls walked through'}</span>
          <span className="card-value num">
            <FigureLink
              engagementId={id}
              area="controls"
              filter="concluded"
              label="controls concluded: open the control matrix"
            >
              {f.controls.tested}
            </FigureLink>{' '}
            <span className="card-of">of {f.controls.active}</span>
          </span>
          <span className="card-lines">
            <FigureLink
              engagementId={id}
              area="controls"
              filter="not-concluded"
              tone={f.controls.untested > 0 ? 'warn' : undefined}
              label="controls not concluded: open the control matrix"
            >
              {f.controls.untested} not concluded
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="controls"
              filter="without-work"
              label={`controls without a ${type2 ? 'test' : 'walkthrough'}: open the control matrix`}
            >
              {plural(f.controls.withoutTest, 'control')} without a {type2 ? 'test' : 'walkthrough'}
            </FigureLink>
          </span>
        </div>

        <div className="card">
          <span className="card-label">Tests by conclusion</span>
          <span className="card-lines">
            <FigureLink engagementId={id} area="tests" filter="effective" label="tests operating effectively">
              {f.tests.effective} effective
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="tests"
              filter="effective-with-exceptions"
              tone={f.tests.withExceptions > 0 ? 'warn' : undefined}
              label="tests effective with exceptions noted"
            >
              {f.tests.withExceptions} with exceptions
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="tests"
              filter="not-effective"
              tone={f.tests.notEffective > 0 ? 'bad' : undefined}
              label="tests not operating effectively"
            >
              {f.tests.notEffective} not effective
            </FigureLink>
            <FigureLink engagementId={id} area="tests" filter="open" label="tests open">
              {f.tests.open} open
            </FigureLink>
          </span>
        </div>

        <div className="card">
          <span className="card-label">Open exceptions</span>
          <span className="card-value num">
            <FigureLink
              engagementId={id}
              area="exceptions"
              filter="open"
              tone={f.exceptions.open > 0 ? 'warn' : undefined}
              label="open exceptions"
            >
              {f.exceptions.open}
            </FigureLink>
          </span>
          <span className="card-note">
            <FigureLink engagementId={id} area="exceptions" label="exceptions found">
              of {f.exceptions.total} found
            </FigureLink>
          </span>
        </div>

        <div className="card">
          <span className="card-label">Sign-offs</span>
          <span className="card-value num">
            <FigureLink engagementId={id} area="workpapers" filter="complete" label="workpapers fully signed">
              {f.signOffs.complete}
            </FigureLink>{' '}
            <span className="card-of">of {f.signOffs.workpapers} workpapers fully signed</span>
          </span>
          <span className="card-lines">
            <FigureLink
              engagementId={id}
              area="workpapers"
              filter="stale"
              tone={f.signOffs.stale > 0 ? 'bad' : undefined}
              label="workpapers with stale sign-offs"
            >
              {f.signOffs.stale} stale
            </FigureLink>
            <FigureLink
              engagementId={id}
              area="workpapers"
              filter="missing"
              tone={f.signOffs.missing > 0 ? 'warn' : undefined}
              label="workpapers missing a sign-off"
            >
              {f.signOffs.missing} missing a sign-off
            </FigureLink>
            {f.addenda.total > 0 ? (
              <FigureLink
                engagementId={id}
                area="finalize"
                tone={f.addenda.awaitingReview > 0 ? 'warn' : undefined}
                label="addenda on Release & lock"
              >
                {f.addenda.awaitingReview > 0
                  ? `${plural(f.addenda.awaitingReview, 'addendum', 'addenda')} awaiting review`
                  : `${plural(f.addenda.total, 'addendum', 'addenda')}, reviewed`}
              </FigureLink>
            ) : null}
          </span>
        </div>

        <div className="card">
          <span className="card-label">Review notes</span>
          <span className="card-value num">
            <FigureLink
              engagementId={id}
              area="notes"
              filter="open"
              tone={f.notes.open > 0 ? 'warn' : undefined}
              label="open review notes"
            >
              {f.notes.open}
            </FigureLink>{' '}
            <span className="card-of">open</span>
          </span>
          <span className="card-lines">
            <FigureLink
              engagementId={id}
              area="notes"
              filter="responded"
              label="review notes responded, awaiting clearance"
            >
              {f.notes.responded} responded, to clear
            </FigureLink>
            <FigureLink engagementId={id} area="notes" filter="cleared" label="review notes cleared">
              {f.notes.cleared} cleared
            </FigureLink>
          </span>
        </div>

        <div className="card">
          <span className="card-label">Requests outstanding</span>
          <span className="card-value num">
            <FigureLink engagementId={id} area="requests" filter="outstanding" label="requests outstanding">
              {f.requests.outstanding}
            </FigureLink>{' '}
            <span className="card-of">of {f.requests.total}</span>
          </span>
          <span className="card-lines">
            <FigureLink
              engagementId={id}
              area="requests"
              filter="overdue"
              tone={f.requests.overdue > 0 ? 'bad' : undefined}
              label="requests overdue"
            >
              {f.requests.overdue} overdue
            </FigureLink>
          </span>
        </div>
      </div>
    </section>
  );
}
