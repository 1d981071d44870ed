/**
 * Before release: what still blocks it, grouped by kind, each a link to the screen where it is fixed, and
 * the "Release report…" button once nothing does.
 */
import { useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import type { ReleaseBlocker } from '@shared/domain/review';
import { useActor } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { routeToHash } from '../../store/route';
import { blockerRoute, groupBlockers, releaseProblem } from './finalizeView';
import { ReleaseDialog } from './ReleaseDialog';

/** Shows at most this many blockers per group until the auditor asks for all of them. */
const SHOWN = 8;

export function ReleaseSection({
  engagement,
  blockers,
  onShowReportDraft,
}: {
  engagement: Engagement;
  /** `undefined` while the review state is computed. */
  blockers: readonly ReleaseBlocker[] | undefined;
  /** The report draft is on this screen: its blockers scroll to it instead of navigating. */
  onShowReportDraft(): void;
}) {
  const actor = useActor();
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const problem = blockers
    ? releaseProblem(engagement, blockers.length)
    : 'Checking what blocks the release…';
  const groups = groupBlockers(blockers ?? []);

  return (
    <section className="finalize-section" aria-labelledby="release-title">
      <div className="section-head">
        <h2 id="release-title">Release the report</h2>
        {blockers ? (
          blockers.length === 0 ? (
            <StatusBadge tone="good">Ready to release</StatusBadge>
          ) : (
            <StatusBadge tone="bad">
              {blockers.length} blocker{blockers.length === 1 ? '' : 's'}
            </StatusBadge>
          )
        ) : null}
      </div>
      <p className="muted">
        The report is released when it is given to the client. Before that, every review note is cleared,
        every workpaper is signed at each required level for its current content, and every applicable
        criterion is tested or marked not applicable.
      </p>
      {groups.map((g) => {
        const all = expanded.has(g.kind);
        const shown = all ? g.blockers : g.blockers.slice(0, SHOWN);
        return (
          <div key={g.kind} className="blocker-group">
            <h3>
              {g.title} <span className="num muted">({g.blockers.length})</span>
            </h3>
            <p className="field-hint">{g.hint}</p>
            <ul className="blocker-list">
              {shown.map((b, i) => {
                const route = blockerRoute(engagement.id, b);
                const here = route.name === 'engagement' && route.area === 'finalize';
                return (
                  <li key={`${b.kind}-${i}`}>
                    <a
                      href={routeToHash(route)}
                      onClick={(event) => {
                        if (!here) return;
                        event.preventDefault();
                        onShowReportDraft();
                      }}
                    >
                      {b.message}
                    </a>
                  </li>
                );
              })}
            </ul>
            {g.blockers.length > SHOWN ? (
              <button
                type="button"
                className="link-button"
                aria-expanded={all}
                onClick={() =>
                  setExpanded((prev) => {
                    const next = new Set(prev);
                    if (all) next.delete(g.kind);
                    else next.add(g.kind);
                    return next;
                  })
                }
              >
                {all ? 'Show fewer' : `Show all ${g.blockers.length}`}
              </button>
            ) : null}
          </div>
        );
      })}
      <div className="finalize-actions">
        <button
          type="button"
          className="primary"
          disabled={problem !== null || !actor}
          aria-describedby={problem ? 'release-problem' : undefined}
          onClick={() => setOpen(true)}
        >
          Release report…
        </button>
        {problem ? (
          <span id="release-problem" className="muted">
            {problem}
          </span>
        ) : null}
      </div>
      {open ? <ReleaseDialog engagement={engagement} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
