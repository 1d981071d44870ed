/**
 * Imports the request list the client filled in: statuses, comments and dates provided are matched by
 * request number and shown before anything is written; the auditor untick what they do not want and
 * applies the rest in one change. Edits the client made to the auditor's columns (a changed description)
 * are listed, and applied only where the auditor ticks them.
 */
import { useState } from 'react';
import { formatDateTime, type Engagement } from '@shared/domain/engagement';
import {
  formatRequestNumber,
  REQUEST_STATUS_LABELS,
  type Control,
  type Request,
  type RequestStatus,
} from '@shared/domain/planning';
import type { ClientEdit, RequestListChange, ReturnedRequestList } from '@shared/exports/request-list';
import { repository, type Actor, type Mutation } from '../../db';
import { engagementRecords } from '../../db/queries';
import { platform } from '../../platform';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorText';

interface Props {
  engagement: Engagement;
  actor: Actor;
  requests: readonly Request[];
  onClose(): void;
}

const FIELD_LABELS: Record<RequestListChange['field'], string> = {
  status: 'Status',
  comments: 'Comments',
  receivedOn: 'Date provided',
};
/** Statuses only the auditor sets; a client setting them is shown but not applied unless ticked. */
const AUDITOR_STATUSES: ReadonlySet<string | null> = new Set(['draft', 'accepted', 'closed']);
const key = (requestId: string, field: string) => `${requestId}:${field}`;

/** Client edits the auditor may choose to take over (free text the client knows best). */
const APPLICABLE_EDITS = new Set<ClientEdit['field']>(['title', 'description', 'clientOwner']);

function show(change: RequestListChange, value: string | null): string {
  if (change.field === 'status') return REQUEST_STATUS_LABELS[value as RequestStatus] ?? String(value); // status values
  return value === null || value === '' ? '(empty)' : value;
}

export function ImportReturnedListDialog({ engagement, actor, requests, onClose }: Props) {
  const run = useAction();
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ReturnedRequestList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [takenEdits, setTakenEdits] = useState<ReadonlySet<string>>(new Set());

  async function choose() {
    setError(null);
    try {
      const file = await platform.openFile([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
      if (!file) return;
      setBusy(true);
      setFileName(file.name);
      const { readReturnedRequestList } = await import('@shared/exports/request-list');
      const [all, controls] = await Promise.all([
        engagementRecords<Request>(repository.db, 'requests', engagement.id, { includeDeleted: true }),
        engagementRecords<Control>(repository.db, 'controls', engagement.id),
      ]);
      const read = await readReturnedRequestList(file.bytes, {
        engagementId: engagement.id,
        requests: all,
        controls,
      });
      setResult(read);
      // Accepting, closing or drafting a request is the auditor's decision: such client changes start unticked.
      setSkipped(
        new Set(
          read.updates.flatMap((u) =>
            u.changes
              .filter((c) => c.field === 'status' && AUDITOR_STATUSES.has(c.after))
              .map((c) => key(u.requestId, c.field)),
          ),
        ),
      );
      setTakenEdits(new Set());
    } catch (e) {
      setResult(null);
      setError(describeError(e).text);
    } finally {
      setBusy(false);
    }
  }

  const byId = new Map(requests.map((r) => [r.id, r]));

  function apply() {
    if (!result) return;
    const patches = new Map<string, Record<string, unknown>>();
    const patchFor = (id: string) => {
      let p = patches.get(id);
      if (!p) patches.set(id, (p = {}));
      return p;
    };
    for (const u of result.updates) {
      for (const c of u.changes)
        if (!skipped.has(key(u.requestId, c.field))) patchFor(u.requestId)[c.field] = c.after;
    }
    for (const e of result.clientEdits) {
      if (takenEdits.has(key(e.requestId, e.field))) patchFor(e.requestId)[e.field] = e.theirs;
    }
    const mutations: Mutation[] = [...patches].map(([id, patch]) => ({
      entity: 'request',
      op: 'update',
      id,
      patch,
    }));
    const count = mutations.length;
    void run(
      () => repository.mutate(mutations, actor),
      count === 0
        ? 'Nothing to apply.'
        : `Updated ${count} request${count === 1 ? '' : 's'} from ${fileName ?? 'the file'}.`,
    ).then((done) => {
      if (done) onClose();
    });
  }

  const changeCount = result
    ? result.updates.reduce(
        (n, u) => n + u.changes.filter((c) => !skipped.has(key(u.requestId, c.field))).length,
        0,
      ) + takenEdits.size
    : 0;

  return (
    <Dialog title="Import the client's request list" onClose={onClose} wide>
      {!result ? (
        <>
          <p>
            Choose the .xlsx file the client sent back. Fieldwork matches rows by request number and shows the
            changes (status, comments, date provided) before anything is saved.
          </p>
          <div className="page-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
              {busy ? 'Reading…' : 'Choose file…'}
            </button>
          </div>
          {error ? (
            <p className="banner banner-bad" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            <strong>{fileName}</strong>: {result.rowsMatched} row{result.rowsMatched === 1 ? '' : 's'} matched
            {result.exportedAt ? `, exported ${formatDateTime(result.exportedAt)}` : ''}.
          </p>
          {result.otherEngagement ? (
            <p className="banner banner-bad" role="alert">
              This file looks like another engagement&apos;s request list
              {result.otherEngagement.serviceOrganization
                ? ` (“${result.otherEngagement.serviceOrganization}”)`
                : ''}
              : {result.otherEngagement.reason}. Nothing from it can be applied to this engagement; import it
              into the engagement it belongs to.
            </p>
          ) : (
            result.warnings.map((w) => (
              <p key={w} className="banner banner-warn" role="alert">
                {w}
              </p>
            ))
          )}
          {result.otherEngagement ? null : (
            <>
              <h3>Changes from the client ({result.updates.reduce((n, u) => n + u.changes.length, 0)})</h3>
              {result.updates.some((u) =>
                u.changes.some((c) => c.field === 'status' && AUDITOR_STATUSES.has(c.after)),
              ) ? (
                <p className="muted">
                  The client set some requests to Accepted, Closed or Draft. Only the auditor does that, so
                  those changes start unticked.
                </p>
              ) : null}
              {result.updates.length === 0 ? (
                <p className="muted">No status, comment or date differs from Fieldwork.</p>
              ) : (
                <div className="table-wrap preview-table">
                  <table className="grid" aria-label="Changes from the client">
                    <thead>
                      <tr>
                        <th scope="col" className="col-check">
                          Apply
                        </th>
                        <th scope="col" className="col-ref">
                          Request
                        </th>
                        <th scope="col">Field</th>
                        <th scope="col">In Fieldwork</th>
                        <th scope="col">After import</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.updates.flatMap((u) =>
                        u.changes.map((c) => {
                          const k = key(u.requestId, c.field);
                          const label = `${formatRequestNumber(u.number)} ${FIELD_LABELS[c.field]}`;
                          return (
                            <tr key={k}>
                              <td>
                                <input
                                  type="checkbox"
                                  aria-label={`Apply ${label}`}
                                  checked={!skipped.has(k)}
                                  onChange={(e) => {
                                    const next = new Set(skipped);
                                    if (e.target.checked) next.delete(k);
                                    else next.add(k);
                                    setSkipped(next);
                                  }}
                                />
                              </td>
                              <td className="num nowrap" title={byId.get(u.requestId)?.title}>
                                {formatRequestNumber(u.number)}
                              </td>
                              <td>{FIELD_LABELS[c.field]}</td>
                              <td className="pre-wrap">{show(c, c.before)}</td>
                              <td className="pre-wrap">{show(c, c.after)}</td>
                            </tr>
                          );
                        }),
                      )}
                    </tbody>
                  </table>
                </div>
              )}
              {result.clientEdits.length > 0 ? (
                <>
                  <h3>Edits to the auditor&apos;s columns ({result.clientEdits.length})</h3>
                  <p className="muted">
                    The client changed text that Fieldwork owns. These are not applied unless you tick them.
                  </p>
                  <ul className="plain-list edit-list">
                    {result.clientEdits.map((e) => {
                      const k = key(e.requestId, e.field);
                      return (
                        <li key={k}>
                          {APPLICABLE_EDITS.has(e.field) ? (
                            <label className="checkbox">
                              <input
                                type="checkbox"
                                checked={takenEdits.has(k)}
                                onChange={(ev) => {
                                  const next = new Set(takenEdits);
                                  if (ev.target.checked) next.add(k);
                                  else next.delete(k);
                                  setTakenEdits(next);
                                }}
                              />
                              Take the client&apos;s {e.column.toLocaleLowerCase()} for{' '}
                              {formatRequestNumber(e.number)}
                            </label>
                          ) : (
                            <strong>
                              {formatRequestNumber(e.number)} · {e.column}
                            </strong>
                          )}
                          <div className="compare">
                            <span>
                              <span className="muted">Fieldwork:</span> {e.ours || '(empty)'}
                            </span>
                            <span>
                              <span className="muted">Client:</span> {e.theirs || '(empty)'}
                            </span>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : null}
              {result.problems.length > 0 ? (
                <>
                  <h3>Not imported ({result.problems.length})</h3>
                  <ul className="plain-list problem-list">
                    {result.problems.map((p, i) => (
                      <li key={i}>
                        {p.message}
                        {p.theirs !== undefined ? (
                          <div className="compare">
                            <span>
                              <span className="muted">In the client&apos;s file:</span>{' '}
                              {p.theirs || '(empty)'}
                            </span>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
          <div className="form-actions">
            <button type="button" onClick={() => setResult(null)}>
              Choose another file
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={changeCount === 0 || result.otherEngagement !== null}
              onClick={apply}
            >
              Apply {changeCount} change{changeCount === 1 ? '' : 's'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
