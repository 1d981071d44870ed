/** The trust services categories in scope and the criteria they bring in, each applicable or not (with why). */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  CATEGORY_LABELS,
  groupCriteria,
  TRUST_SERVICES_CATEGORIES,
  type Criterion,
  type TrustServicesCategory,
} from '@shared/domain/criteria';
import { scopeCriteria, type Engagement } from '@shared/domain/engagement';
import { db, repository } from '../../db';
import { listCriterionScopes } from '../../db/queries';
import { useActor, useEngagementRecords } from '../../app/hooks';
import { compareReferences, type Control } from '@shared/domain/planning';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../app/useAction';
import { updateEngagement } from '../engagements/commands';
import { setCriterionApplicability } from './commands';
import { NotApplicableDialog } from './NotApplicableDialog';
import { RemoveCategoryDialog } from './RemoveCategoryDialog';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';

type Filter = 'all' | 'applicable' | 'not-applicable';

export function ScopePage({
  engagement,
  focusCriterion,
}: {
  engagement: Engagement;
  /** A criterion to bring into view (from Go to / a link), e.g. `CC6.1`. */
  focusCriterion?: string | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const scopes = useLiveQuery(() => listCriterionScopes(db, engagement.id), [engagement.id]);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [marking, setMarking] = useState<Criterion | null>(null);
  // Completed (locked) or archived engagements are read-only here.
  const locked = isReadOnly(engagement);
  const [removing, setRemoving] = useState<TrustServicesCategory | null>(null);
  // Bring the requested criterion into view once its row exists, and mark it briefly.
  useEffect(() => {
    if (!focusCriterion || !scopes) return;
    const row = document.getElementById(`criterion-${focusCriterion}`);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  }, [focusCriterion, scopes]);

  const summary = useMemo(
    () => scopeCriteria(engagement.categories, scopes ?? []),
    [engagement.categories, scopes],
  );

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return summary.criteria.filter(
      (c) =>
        (filter === 'all' || (filter === 'applicable') === c.applicable) &&
        (!q || `${c.id} ${c.title} ${c.groupName} ${c.naReason ?? ''}`.toLocaleLowerCase().includes(q)),
    );
  }, [summary, query, filter]);

  function saveCategories(categories: TrustServicesCategory[]) {
    if (actor) void run(() => updateEngagement(repository, actor, engagement, { categories }));
  }

  function toggleCategory(cat: TrustServicesCategory, on: boolean) {
    if (on) saveCategories([...engagement.categories, cat]);
    else setRemoving(cat); // ask first: criteria leave the scope
  }

  return (
    <section className="page" aria-labelledby="scope-title">
      <header className="page-header">
        <h1 id="scope-title">Scope &amp; criteria</h1>
      </header>

      <ReadOnlyBanner engagement={engagement} />
      <fieldset className="checkbox-group inline" disabled={locked}>
        <legend>Trust services categories in scope</legend>
        {TRUST_SERVICES_CATEGORIES.map((cat) => (
          <label key={cat} className="checkbox">
            <input
              type="checkbox"
              checked={engagement.categories.includes(cat)}
              disabled={cat === 'security'}
              onChange={(e) => toggleCategory(cat, e.target.checked)}
            />
            {CATEGORY_LABELS[cat]}
            {cat === 'security' ? <span className="muted">(always in scope)</span> : null}
          </label>
        ))}
      </fieldset>

      <p className="scope-summary" aria-live="polite">
        <strong className="num">{summary.inScope}</strong> criteria in scope ·{' '}
        <span className="num">{summary.applicable}</span> applicable ·{' '}
        <span className="num">{summary.notApplicable}</span> not applicable
      </p>

      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter criteria"
          placeholder="Filter by ID, title or reason…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          <span className="visually-hidden">Show</span>
          <select
            aria-label="Show criteria"
            value={filter}
            onChange={(e) => setFilter(e.target.value as Filter)}
          >
            <option value="all">All criteria</option>
            <option value="applicable">Applicable only</option>
            <option value="not-applicable">Not applicable only</option>
          </select>
        </label>
      </div>

      <div className="table-wrap">
        <table className="grid" aria-label="Criteria">
          <thead>
            <tr>
              <th scope="col" className="col-id">
                ID
              </th>
              <th scope="col">Criterion</th>
              <th scope="col" className="col-status">
                Applicability
              </th>
              <th scope="col" className="col-action">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {groupCriteria(visible).map((group) => (
            <tbody key={group.group}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={4}>
                  {group.group} · {group.groupName}
                </th>
              </tr>
              {group.criteria.map((c) => {
                const scoped = summary.criteria.find((s) => s.id === c.id);
                const applicable = scoped?.applicable ?? true;
                return (
                  <tr
                    key={c.id}
                    id={`criterion-${c.id}`}
                    tabIndex={-1}
                    aria-label={`${c.id} ${c.title}`}
                    className={c.id === focusCriterion ? 'row-highlight' : undefined}
                  >
                    <td className="num nowrap">{c.id}</td>
                    <td>
                      {c.title}
                      {!applicable && scoped?.naReason ? (
                        <p className="na-reason">Reason: {scoped.naReason}</p>
                      ) : null}
                    </td>
                    <td>
                      {applicable ? (
                        <StatusBadge tone="info">Applicable</StatusBadge>
                      ) : (
                        <StatusBadge tone="neutral">Not applicable</StatusBadge>
                      )}
                    </td>
                    <td>
                      {locked ? null : applicable ? (
                        <button
                          key="mark-na"
                          type="button"
                          className="link-button"
                          onClick={() => setMarking(c)}
                        >
                          Mark not applicable…<span className="visually-hidden"> ({c.id})</span>
                        </button>
                      ) : (
                        <button
                          key="mark-applicable"
                          type="button"
                          className="link-button"
                          onClick={() =>
                            actor &&
                            void run(
                              () =>
                                setCriterionApplicability(repository, actor, engagement.id, {
                                  criterionId: c.id,
                                  notApplicable: false,
                                  reason: '',
                                }),
                              `${c.id} is applicable again.`,
                            )
                          }
                        >
                          Mark applicable<span className="visually-hidden"> ({c.id})</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
          {visible.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={4} className="muted">
                  No criterion matches the filter.
                </td>
              </tr>
            </tbody>
          ) : null}
        </table>
      </div>

      {removing ? (
        <RemoveCategoryDialog
          category={removing}
          notApplicable={summary.criteria.filter((c) => c.category === removing && !c.applicable).length}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null);
            saveCategories(engagement.categories.filter((c) => c !== removing));
          }}
        />
      ) : null}
      {marking && actor ? (
        <NotApplicableDialog
          criterion={marking}
          initialReason={scopes?.find((sc) => sc.criterionId === marking.id)?.reason ?? ''}
          mappedControls={(controls ?? [])
            .filter((c) => c.status !== 'retired' && c.criteria.includes(marking.id))
            .map((c) => c.reference)
            .sort(compareReferences)}
          onClose={() => setMarking(null)}
          onConfirm={(reason) =>
            setCriterionApplicability(repository, actor, engagement.id, {
              criterionId: marking.id,
              notApplicable: true,
              reason,
            })
          }
        />
      ) : null}
    </section>
  );
}
