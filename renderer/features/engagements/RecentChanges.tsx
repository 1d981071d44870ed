/** The latest entries of the engagement's audit trail: who changed what, and when. */
import { useLiveQuery } from 'dexie-react-hooks';
import { describeAuditEvent } from '@shared/domain/audit';
import { formatDateTime } from '@shared/domain/engagement';
import { db } from '../../db';
import { auditEvents, listCriterionScopes } from '../../db/queries';

const SHOWN = 10;

export function RecentChanges({ engagementId }: { engagementId: string }) {
  const data = useLiveQuery(async () => {
    const [events, scopes] = await Promise.all([
      auditEvents(db, engagementId),
      listCriterionScopes(db, engagementId),
    ]);
    return { events: events.slice(-SHOWN).reverse(), total: events.length, scopes };
  }, [engagementId]);
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
                <td>{describeAuditEvent(e, { criterionOf: (id) => criterionById.get(id) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.total > SHOWN ? (
        <p className="muted">
          Showing the latest {SHOWN} of {data.total} changes.
        </p>
      ) : null}
    </section>
  );
}
