/**
 * Subservice organizations (carve-out or inclusive) with the CSOCs expected at each and the service
 * organization's monitoring controls over them; complementary user entity controls, kept apart from mere
 * user entity responsibilities. These feed description sections DC 6 and DC 7 and the assertion.
 */
import { useMemo, useState } from 'react';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import {
  compareReferences,
  OPINION_LABELS,
  SUBSERVICE_METHOD_LABELS,
  SUBSERVICE_REPORT_LABELS,
  subserviceReportFindings,
  USER_ENTITY_KIND_LABELS,
  type Control,
  type Csoc,
  type SubserviceOrg,
  type UserEntityControl,
} from '@shared/domain/planning';
import { repository } from '../../db';
import { useActor, useEngagementRecords, useScopedCriteria } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusBadge } from '../../components/StatusBadge';
import { endSentence } from '../../components/ErrorText';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { deleteSubserviceOrg, setRecordsDeleted } from './commands';
import { CsocDialog, SubserviceOrgDialog, UserEntityControlDialog } from './ComplementaryDialogs';

function csocCountText(n: number): string {
  return n === 0 ? 'It has no CSOCs; nothing else is' : n === 1 ? 'Its CSOC is' : `Its ${n} CSOCs are`;
}

type Editing =
  | { kind: 'org'; record: SubserviceOrg | null }
  | { kind: 'csoc'; org: SubserviceOrg; record: Csoc | null }
  | { kind: 'uec'; record: UserEntityControl | null }
  | { kind: 'delete-org'; record: SubserviceOrg };

export function ComplementaryPage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const run = useAction();
  const orgs = useEngagementRecords<SubserviceOrg>('subserviceOrgs', engagement.id);
  const csocs = useEngagementRecords<Csoc>('csocs', engagement.id);
  const uecs = useEngagementRecords<UserEntityControl>('userEntityControls', engagement.id);
  // Deleted controls too, so a monitoring link to one is named rather than hidden.
  const allControls = useEngagementRecords<Control>('controls', engagement.id, true);
  const controls = useMemo(() => allControls?.filter((c) => !c.deleted), [allControls]);
  const criteria = useScopedCriteria(engagement);
  const [editing, setEditing] = useState<Editing | null>(null);
  const readOnly = isReadOnly(engagement) || !actor;

  if (!orgs || !csocs || !uecs || !controls || !criteria) return <p className="page muted">Loading…</p>;
  const refs = new Map((allControls ?? []).map((c) => [c.id, c]));
  const sortedOrgs = [...orgs].sort((a, b) => a.name.localeCompare(b.name));
  const cuecs = uecs
    .filter((u) => u.kind === 'cuec')
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const duties = uecs
    .filter((u) => u.kind === 'responsibility')
    .sort((a, b) => compareReferences(a.reference, b.reference));

  const removeUec = (u: UserEntityControl) =>
    actor &&
    void run(
      () => setRecordsDeleted(repository, actor, 'userEntityControl', [u.id], true),
      `Deleted ${endSentence(u.reference || 'the item')}`,
      {
        label: 'Undo',
        run: () => setRecordsDeleted(repository, actor, 'userEntityControl', [u.id], false),
      },
    );
  const removeCsoc = (c: Csoc) =>
    actor &&
    void run(
      () => setRecordsDeleted(repository, actor, 'csoc', [c.id], true),
      `Deleted ${endSentence(c.reference || 'the CSOC')}`,
      {
        label: 'Undo',
        run: () => setRecordsDeleted(repository, actor, 'csoc', [c.id], false),
      },
    );

  const uecTable = (items: UserEntityControl[], label: string) => (
    <div className="table-wrap">
      <table className="grid" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="col-id">
              Ref.
            </th>
            <th scope="col">Description</th>
            <th scope="col" className="col-criteria-wide">
              Criteria
            </th>
            <th scope="col" className="col-action">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td className="num nowrap">{u.reference || '—'}</td>
              <td>{u.description}</td>
              <td className="num">{u.criteria.join(', ') || '—'}</td>
              <td className="nowrap">
                {readOnly ? null : (
                  <>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing({ kind: 'uec', record: u })}
                    >
                      Edit
                      <span className="visually-hidden"> {u.reference || u.description.slice(0, 30)}</span>
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => removeUec(u)}>
                      Delete
                      <span className="visually-hidden"> {u.reference || u.description.slice(0, 30)}</span>
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="page" aria-labelledby="complementary-title">
      <header className="page-header">
        <h1 id="complementary-title">Subservice organizations &amp; user entity controls</h1>
      </header>
      <ReadOnlyBanner engagement={engagement} />

      <div className="section-head">
        <h2>Subservice organizations</h2>
        {readOnly ? null : (
          <button type="button" onClick={() => setEditing({ kind: 'org', record: null })}>
            New subservice organization
          </button>
        )}
      </div>
      {sortedOrgs.length === 0 ? (
        <p className="empty-state">
          None yet. Add the vendors the system relies on (hosting, payroll, data centers) and say whether the
          report carves them out or includes them.
        </p>
      ) : (
        sortedOrgs.map((o) => {
          const own = csocs
            .filter((c) => c.subserviceOrgId === o.id)
            .sort((a, b) => compareReferences(a.reference, b.reference));
          const monitoring = o.monitoringControlIds
            .map((id) => refs.get(id))
            .filter((c): c is Control => !!c);
          return (
            <article key={o.id} className="panel org-card" aria-label={o.name}>
              <header className="org-header">
                <h3>{o.name}</h3>
                <StatusBadge tone="info">{SUBSERVICE_METHOD_LABELS[o.method]}</StatusBadge>
                {readOnly ? null : (
                  <span className="org-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing({ kind: 'org', record: o })}
                    >
                      Edit<span className="visually-hidden"> {o.name}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing({ kind: 'delete-org', record: o })}
                    >
                      Delete<span className="visually-hidden"> {o.name}</span>
                    </button>
                  </span>
                )}
              </header>
              <p>{o.services}</p>
              {subserviceReportFindings(o, engagement, formatDate).map((f) => (
                <p key={f} className="banner banner-warn" role="note">
                  {f}
                </p>
              ))}
              <dl className="facts">
                <dt>Their report</dt>
                <dd>
                  {SUBSERVICE_REPORT_LABELS[o.reportType]}
                  {o.reportType !== 'none' && o.reportPeriodEnd
                    ? `, ${o.reportPeriodStart ? `${formatDate(o.reportPeriodStart)} – ` : 'as of '}${formatDate(o.reportPeriodEnd)}`
                    : ''}
                  {o.reportOpinion ? `, ${OPINION_LABELS[o.reportOpinion].toLowerCase()} opinion` : ''}
                </dd>
                <dt>Monitoring controls</dt>
                <dd>
                  {monitoring.length > 0 ? (
                    monitoring.map((c, i) => (
                      <span key={c.id}>
                        {i > 0 ? ', ' : ''}
                        <a href={`#/engagements/${engagement.id}/controls/${c.id}`}>{c.reference}</a>
                        {c.deleted ? <span className="muted"> (deleted)</span> : null}
                      </span>
                    ))
                  ) : (
                    <StatusBadge tone="warn">None linked</StatusBadge>
                  )}
                </dd>
              </dl>
              {o.method === 'carve-out' ? (
                <>
                  <div className="section-head">
                    <h4>Complementary subservice organization controls (CSOCs)</h4>
                    {readOnly ? null : (
                      <button
                        type="button"
                        onClick={() => setEditing({ kind: 'csoc', org: o, record: null })}
                      >
                        Add CSOC<span className="visually-hidden"> for {o.name}</span>
                      </button>
                    )}
                  </div>
                  {own.length === 0 ? (
                    <p className="muted">
                      No CSOCs yet. A carved-out subservice organization needs the controls the service
                      organization assumes it operates; omitting them misstates the description.
                    </p>
                  ) : (
                    <ul className="plain-list csoc-list">
                      {own.map((c) => (
                        <li key={c.id}>
                          <span className="num">{c.reference ? `${c.reference}: ` : ''}</span>
                          {c.description}{' '}
                          <span className="muted num">
                            {c.criteria.length ? `(${c.criteria.join(', ')})` : ''}
                          </span>
                          {readOnly ? null : (
                            <>
                              {' '}
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => setEditing({ kind: 'csoc', org: o, record: c })}
                              >
                                Edit<span className="visually-hidden"> {c.reference || 'CSOC'}</span>
                              </button>{' '}
                              <button type="button" className="link-button" onClick={() => removeCsoc(c)}>
                                Delete<span className="visually-hidden"> {c.reference || 'CSOC'}</span>
                              </button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : (
                <p className="muted">
                  Inclusive method: its controls belong in the control matrix and are tested like the service
                  organization&apos;s own.
                </p>
              )}
            </article>
          );
        })
      )}

      <div className="section-head">
        <h2>Complementary user entity controls (CUECs)</h2>
        {readOnly ? null : (
          <button type="button" onClick={() => setEditing({ kind: 'uec', record: null })}>
            New CUEC or responsibility
          </button>
        )}
      </div>
      {cuecs.length === 0 ? (
        <p className="muted">None: the system was designed without assuming controls at user entities.</p>
      ) : (
        uecTable(cuecs, USER_ENTITY_KIND_LABELS.cuec)
      )}
      <h3 className="section-title">User entity responsibilities</h3>
      <p className="muted">
        Things customers do to benefit from the service that the criteria do not depend on. Listed separately
        from CUECs.
      </p>
      {duties.length === 0 ? (
        <p className="muted">None listed.</p>
      ) : (
        uecTable(duties, 'User entity responsibilities')
      )}

      {editing?.kind === 'org' && actor ? (
        <SubserviceOrgDialog
          engagementId={engagement.id}
          actor={actor}
          existing={editing.record}
          controls={controls}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'csoc' && actor ? (
        <CsocDialog
          engagementId={engagement.id}
          actor={actor}
          org={editing.org}
          existing={editing.record}
          criteria={criteria}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'uec' && actor ? (
        <UserEntityControlDialog
          engagementId={engagement.id}
          actor={actor}
          existing={editing.record}
          criteria={criteria}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'delete-org' && actor ? (
        <ConfirmDialog
          danger
          title={`Delete ${editing.record.name}?`}
          confirmLabel="Delete"
          onCancel={() => setEditing(null)}
          onConfirm={() => {
            const org = editing.record;
            setEditing(null);
            void run(
              () => deleteSubserviceOrg(repository, actor, org, csocs),
              `Deleted ${endSentence(org.name)}`,
              {
                label: 'Undo',
                run: () => deleteSubserviceOrg(repository, actor, org, csocs, false),
              },
            );
          }}
        >
          <p>
            {csocCountText(csocs.filter((c) => c.subserviceOrgId === editing.record.id).length)} deleted with
            it. The generated description and the assertion template no longer mention it; an assertion you
            have edited is flagged on its page until you update it. You can undo this right after.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
