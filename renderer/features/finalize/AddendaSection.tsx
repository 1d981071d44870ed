/**
 * The addenda of the file (AD-n): added only once it is locked, listed always, each with the workpaper it
 * amends and its reviewer's sign-off by someone other than its author.
 */
import { useState } from 'react';
import { formatDateTime, type Engagement } from '@shared/domain/engagement';
import {
  currentSignOffs,
  describeWorkpaper,
  formatAddendumNumber,
  isLocked,
  listWorkpapers,
  signOffProblem,
  workpaperKey,
  type Addendum,
} from '@shared/domain/review';
import { live, type EngagementSnapshot } from '@shared/domain/snapshot';
import { repository } from '../../db';
import { useActor, useCurrentProfile } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { StatusBadge } from '../../components/StatusBadge';
import { routeToHash } from '../../store/route';
import { signWorkpaper } from '../review/commands';
import { useWorkpaperReview } from '../review/useReview';
import { AddendumDialog } from './AddendumDialog';

function AddendumReview({ engagement, addendum }: { engagement: Engagement; addendum: Addendum }) {
  const key = workpaperKey('addendum', addendum.id);
  const state = useWorkpaperReview(engagement.id, key);
  const actor = useActor();
  const { profile } = useCurrentProfile();
  const run = useAction();
  if (!state) return <span className="muted">Checking the review…</span>;
  const reviewer = currentSignOffs(state.history, key).get('reviewer');
  if (reviewer && reviewer.contentHash === state.hash) {
    return (
      <StatusBadge tone="good">
        Reviewed by {reviewer.name} ({reviewer.initials}) on {formatDateTime(reviewer.signedAt)}
      </StatusBadge>
    );
  }
  const problem = profile
    ? signOffProblem({
        level: 'reviewer',
        signer: { id: profile.id, role: profile.role },
        required: engagement.signOffLevels,
        current: currentSignOffs(state.history, key),
        currentHash: state.hash,
        uncleared: [],
        addendumAuthor: addendum.authorId,
      })
    : 'Sign in to review.';
  const label = formatAddendumNumber(addendum.number);
  return (
    <span className="addendum-review">
      <StatusBadge tone="warn">Awaiting review</StatusBadge>
      <button
        type="button"
        disabled={problem !== null || !actor || engagement.archived}
        title={problem ?? undefined}
        onClick={() =>
          actor &&
          void run(
            () => signWorkpaper(repository, actor, engagement.id, key, 'reviewer', state.hash),
            `${label} signed off as reviewer.`,
          )
        }
      >
        Sign off as reviewer<span className="visually-hidden"> ({label})</span>
      </button>
      {problem ? <span className="muted">{problem}</span> : null}
    </span>
  );
}

export function AddendaSection({
  engagement,
  snapshot,
}: {
  engagement: Engagement;
  snapshot: EngagementSnapshot | undefined;
}) {
  const actor = useActor();
  const [adding, setAdding] = useState(false);
  const locked = isLocked(engagement);
  const addenda = live(snapshot?.addenda).sort((a, b) => a.number - b.number);
  if (!locked && addenda.length === 0) return null;
  const workpapers = snapshot ? listWorkpapers(snapshot) : [];

  return (
    <section className="finalize-section" aria-labelledby="addenda-title">
      <div className="section-head">
        <h2 id="addenda-title">Addenda</h2>
        {locked ? (
          <button
            type="button"
            disabled={!actor || !snapshot || engagement.archived}
            onClick={() => setAdding(true)}
          >
            Add addendum…
          </button>
        ) : null}
      </div>
      {addenda.length === 0 ? (
        <p className="muted">
          No addenda. After assembly the file is not edited; anything added later (a clarification asked for
          by an inspection, an omitted procedure documented afterwards) is a dated addendum with its reason,
          reviewed by another auditor.
        </p>
      ) : (
        <ol className="addenda-list">
          {addenda.map((a) => {
            const amends = a.workpaper && snapshot ? describeWorkpaper(snapshot, a.workpaper) : undefined;
            return (
              <li key={a.id} className="addendum" aria-label={formatAddendumNumber(a.number)}>
                <div className="addendum-head">
                  <strong>{formatAddendumNumber(a.number)}</strong>
                  <span className="num">{formatDateTime(a.addedAt)}</span>
                  <span>{a.authorName}</span>
                  <span>
                    {a.workpaper ? (
                      amends ? (
                        <>
                          Amends{' '}
                          <a
                            href={routeToHash({ name: 'engagement', id: engagement.id, ...amends.location })}
                          >
                            {amends.reference} {amends.title}
                          </a>
                        </>
                      ) : (
                        <span className="muted">Amends a removed workpaper</span>
                      )
                    ) : (
                      <span className="muted">The file as a whole</span>
                    )}
                  </span>
                </div>
                <p>
                  <span className="muted">Reason:</span> {a.reason}
                </p>
                <p className="pre-wrap addendum-text">{a.text}</p>
                <AddendumReview engagement={engagement} addendum={a} />
              </li>
            );
          })}
        </ol>
      )}
      {adding ? (
        <AddendumDialog engagement={engagement} workpapers={workpapers} onClose={() => setAdding(false)} />
      ) : null}
    </section>
  );
}
