/**
 * An interview's follow-up items: what the auditor still has to obtain or check. Each can be ticked done,
 * and turned into a request list item (the request's number then links to it).
 */
import { useState } from 'react';
import { formatRequestNumber, type Request } from '@shared/domain/planning';
import type { FollowUp } from '@shared/domain/fieldwork';
import { newFollowUp } from './commands';
import { focusWhenReady } from '../../components/focus';

interface Props {
  engagementId: string;
  value: readonly FollowUp[];
  onChange(items: FollowUp[]): void;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
  /** The engagement's requests by id, deleted ones included (their numbers stay meaningful). */
  requests: ReadonlyMap<string, Request>;
  /** The follow-up whose request is being created, if any. */
  creating: string | null;
  onCreateRequest(item: FollowUp): void;
}

const NEW_ID = 'follow-up-new';

export function FollowUpsField(props: Props) {
  const { engagementId, value, onChange, errors, readOnly, requests, creating, onCreateRequest } = props;
  const [fresh, setFresh] = useState('');
  const open = value.filter((f) => !f.done).length;
  const invalid = Object.keys(errors).some((k) => k === 'followUps' || k.startsWith('followUps.'));

  const add = (refocus: boolean) => {
    if (!fresh.trim()) return;
    onChange([...value, newFollowUp(fresh)]);
    setFresh('');
    if (refocus) document.getElementById(NEW_ID)?.focus();
  };
  const set = (id: string, patch: Partial<FollowUp>) =>
    onChange(value.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  return (
    <fieldset className="follow-ups">
      <legend>
        Follow-up items{' '}
        <span className="muted num">({value.length === 0 ? 'none' : `${open} open of ${value.length}`})</span>
      </legend>
      {value.length > 0 ? (
        <ol className="follow-up-list">
          {value.map((f, i) => {
            const n = i + 1;
            const request = f.requestId ? requests.get(f.requestId) : undefined;
            const error = errors[`followUps.${i}.text`];
            return (
              <li key={f.id} className={f.done ? 'follow-up follow-up-done' : 'follow-up'}>
                <div className="follow-up-row">
                  <input
                    type="checkbox"
                    aria-label={`Follow-up ${n} done`}
                    title="Done"
                    checked={f.done}
                    disabled={readOnly}
                    onChange={(e) => set(f.id, { done: e.target.checked })}
                  />
                  <input
                    aria-label={`Follow-up ${n}`}
                    value={f.text}
                    readOnly={readOnly}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => set(f.id, { text: e.target.value })}
                  />
                  {request ? (
                    <a
                      id={`follow-up-request-${f.id}`}
                      className="num follow-up-request"
                      href={`#/engagements/${encodeURIComponent(engagementId)}/requests/${encodeURIComponent(request.id)}`}
                      title={`${request.title}${request.deleted ? ' (deleted request)' : ''}`}
                    >
                      {formatRequestNumber(request.number)}
                      {request.deleted ? ' (deleted)' : ''}
                    </a>
                  ) : f.requestId ? (
                    <span className="muted">Request not found</span>
                  ) : readOnly ? null : (
                    <button
                      type="button"
                      aria-label={`Create request from follow-up ${n}`}
                      title="Add a draft document request to the request list (PBC) with this text and the interview's controls"
                      disabled={!f.text.trim() || invalid || creating !== null}
                      onClick={() => {
                        onCreateRequest(f);
                        // The button gives way to the request's number: keep the keyboard there.
                        focusWhenReady([`#follow-up-request-${f.id}`], false, 180);
                      }}
                    >
                      {creating === f.id ? 'Creating…' : 'Create request'}
                    </button>
                  )}
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove follow-up ${n}`}
                      title={f.requestId ? 'Remove (the request stays on the request list)' : 'Remove'}
                      onClick={() => {
                        onChange(value.filter((x) => x.id !== f.id));
                        document.getElementById(NEW_ID)?.focus();
                      }}
                    >
                      ×
                    </button>
                  )}
                </div>
                {error ? (
                  <p className="field-error" role="alert">
                    Follow-up {n}: {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : readOnly ? (
        <p className="muted">None.</p>
      ) : null}
      {readOnly ? null : (
        <div
          className="follow-up-new"
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) add(false); // relatedTarget is a DOM node
          }}
        >
          <input
            id={NEW_ID}
            aria-label="New follow-up item"
            placeholder="e.g. Obtain the Q3 user access review sign-off"
            value={fresh}
            onChange={(e) => setFresh(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(true);
              }
            }}
          />
          <button
            type="button"
            aria-label="Add follow-up item"
            title="Add (Enter)"
            disabled={!fresh.trim()}
            onClick={() => add(true)}
          >
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
