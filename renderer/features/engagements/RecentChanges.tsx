/** The latest entries of the engagement's audit trail: who changed what, and when. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { describeAuditEvent, describeFieldChanges } from '@shared/domain/audit';
import { formatDateTime } from '@shared/domain/engagement';
import { db } from '../../db';
import { auditEvents, listCriterionScopes } from '../../db/queries';

const SHOWN = 10;
/** Enough for any real engagement's history on one screen; the audit-trail viewer pages through the rest. */
const SHOWN_ALL = 1000;

export function RecentChanges({ engagementId }: { engagementId: string }) {
  const [showAll, setShowAll] = useState(false);
  const limit = showAll ? SHOWN_ALL : SHOWN;
  const data = useLiveQuery(async () => {
    const [events, scopes] = await Promise.all([
      auditEvents(db, engagementId),
      listCriterionScopes(db, engagementId),
    ]);
    return { events: events.slice(-limit).reverse(), total: events.length, scopes };
  }, [engagementId, limit]);
  if (!data) return null;
  const criterionById = new Map(data.scopes.map((s) => [s.id, s.criterionId]));
  return (
    <section aria-labelledby="recent-changes-title">
      <h2 id="recent-changes-title" className="section-title">
        Recent changes
      </h2>
      <div className="table-wrap">
        <table className="grid" aria-label="Recent changes">
          <thead>
            <tr>
              <th scope="col" className="col-num">
                #
              </th>
              <th scope="col" className="col-when">
                When
              </th>
              <th scope="col" className="col-who">
                Who
              </th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td className="nowrap num">{formatDateTime(e.at)}</td>
                <td className="nowrap">{e.actorName}</td>
                <td>
                  {describeAuditEvent(e, { criterionOf: (id) => criterionById.get(id) })}
                  {describeFieldChanges(e).map((line) => (
                    <p key={line} className="change-detail">
                      {line}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.total > SHOWN ? (
        <p className="muted">
          Showing the latest {Math.min(limit, data.total)} of {data.total} changes.{' '}
          <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)}>
            {showAll ? 'Show only the latest 10' : `Show all ${data.total} changes`}
          </button>
        </p>
      ) : null}
    </section>
  );
}
