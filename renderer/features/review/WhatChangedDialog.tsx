/**
 * "What changed since sign-off": every change recorded in the audit trail after a stale sign-off to any
 * record of the workpaper (the test, its sample items, exceptions, tickmarks, evidence…), oldest first,
 * with who, when, which record and each field before → after. With several stale sign-offs the reviewer
 * picks which one to compare from (their own first).
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '@shared/domain/engagement';
import { formatTrailTime } from '@shared/domain/audit';
import {
  changesSinceSignOff,
  signOffSeq,
  SIGN_OFF_LEVEL_LABELS,
  type ChangedField,
  type SignOff,
  type WorkpaperChange,
} from '@shared/domain/review';
import { db } from '../../db';
import { auditEvents } from '../../db/queries';
import { loadSnapshot } from '../../db/snapshot';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { StatusBadge } from '../../components/StatusBadge';
import { routeToHash } from '../../store/route';
import { ShownValue } from '../trail/TrailValue';

function describeSignOff(s: SignOff): string {
  return `${SIGN_OFF_LEVEL_LABELS[s.level]}: ${s.name} (${s.initials}), ${formatDateTime(s.signedAt)}`;
}

/** The engagement as it is now and its events after the sign-off (all of them when its event is missing). */
function useChanges(engagementId: string, workpaper: string, signOff: SignOff) {
  const data = useLiveQuery(async () => {
    const own = await db.auditEvents.where('entityId').equals(signOff.id).toArray();
    const seq = signOffSeq(own, engagementId);
    const [snapshot, events] = await Promise.all([
      loadSnapshot(db, engagementId),
      seq === null
        ? auditEvents(db, engagementId)
        : db.auditEvents
            .where('[chain+seq]')
            .between([engagementId, seq + 1], [engagementId, Infinity])
            .toArray(),
    ]);
    return snapshot ? { snapshot, events, since: { seq, at: signOff.signedAt } } : null;
  }, [engagementId, signOff.id, signOff.signedAt]);
  return useMemo(
    () => (data ? changesSinceSignOff(data.snapshot, workpaper, data.events, data.since) : data),
    [data, workpaper],
  );
}

function FieldTable({ fields, added }: { fields: readonly ChangedField[]; added: boolean }) {
  return (
    <table className="grid wc-fields">
      <thead>
        <tr>
          <th scope="col" className="wc-field">
            Field
          </th>
          {added ? (
            <th scope="col">Value</th>
          ) : (
            <>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.key}>
            <th scope="row" className="wc-field">
              {f.label}
            </th>
            {added ? (
              <td>
                <ShownValue value={f.after} />
              </td>
            ) : (
              <>
                <td className="wc-before">
                  <ShownValue value={f.before} />
                </td>
                <td className="wc-after">
                  <ShownValue value={f.after} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeItem({ change, engagementId }: { change: WorkpaperChange; engagementId: string }) {
  const added = change.op === 'create';
  return (
    <li className="wc-change">
      <p className="wc-head">
        <span className="num" title={change.at}>
          {formatTrailTime(change.at)}
        </span>
        {' · '}
        {change.actorName}
        {' · '}
        <strong>
          {change.action} {change.record}
        </strong>{' '}
        {change.postRelease ? <StatusBadge tone="warn">Post-release</StatusBadge> : null}{' '}
        <a
          className="small"
          href={routeToHash({ name: 'engagement', id: engagementId, area: 'trail', item: change.recordId })}
          title="Every change to this record, in the audit trail"
        >
          Event #{change.seq}
        </a>
      </p>
      {change.reason ? <p className="wc-reason pre-wrap">Reason: {change.reason}</p> : null}
      {change.fields.length === 0 ? null : added ? (
        <details className="wc-added">
          <summary>
            {change.fields.length} value{change.fields.length === 1 ? '' : 's'} recorded
          </summary>
          <FieldTable fields={change.fields} added />
        </details>
      ) : (
        <FieldTable fields={change.fields} added={false} />
      )}
    </li>
  );
}

export function WhatChangedDialog({
  engagementId,
  workpaper,
  reference,
  signOffs,
  preferred,
  onClose,
}: {
  engagementId: string;
  workpaper: string;
  /** The workpaper's index reference, for the title. */
  reference: string;
  /** The stale sign-offs to compare from (at least one). */
  signOffs: readonly SignOff[];
  /** The signed-in auditor: their own sign-off is shown first. */
  preferred?: string | undefined;
  onClose(): void;
}) {
  const initial =
    signOffs.find((s) => s.profileId === preferred) ??
    [...signOffs].sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];
  const [chosenId, setChosenId] = useState(initial?.id ?? '');
  const chosen = signOffs.find((s) => s.id === chosenId) ?? initial;
  if (!chosen) return null;
  return (
    <Dialog
      title={`What changed since sign-off — ${reference}`}
      wide
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {signOffs.length > 1 ? (
        <Field label="Since the sign-off of">
          <select value={chosen.id} onChange={(e) => setChosenId(e.target.value)}>
            {signOffs.map((s) => (
              <option key={s.id} value={s.id}>
                {describeSignOff(s)}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <p>Since the sign-off of {describeSignOff(chosen)}.</p>
      )}
      <ChangeList key={chosen.id} engagementId={engagementId} workpaper={workpaper} signOff={chosen} />
    </Dialog>
  );
}

function ChangeList({
  engagementId,
  workpaper,
  signOff,
}: {
  engagementId: string;
  workpaper: string;
  signOff: SignOff;
}) {
  const changes = useChanges(engagementId, workpaper, signOff);
  if (changes === undefined) return <p className="muted">Reading the audit trail…</p>;
  if (changes === null) return <p className="muted">The engagement is no longer there.</p>;
  if (changes.length === 0) {
    return (
      <p className="muted">
        The audit trail records no change to this workpaper&apos;s own records after the sign-off. Its content
        also draws on records kept elsewhere (for a generated description section, the records it is filled
        from); the audit trail lists every change.
      </p>
    );
  }
  return (
    <>
      <p className="muted num" aria-live="polite">
        {changes.length} change{changes.length === 1 ? '' : 's'} since the sign-off, oldest first.
      </p>
      <ol className="wc-list" aria-label="Changes since the sign-off">
        {changes.map((c) => (
          <ChangeItem key={c.seq} change={c} engagementId={engagementId} />
        ))}
      </ol>
    </>
  );
}
