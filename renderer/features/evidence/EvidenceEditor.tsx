/**
 * One evidence file beside the library: preview, what it is (description, received and as-of dates,
 * source), what it supports (links), and its versions with their SHA-256. Replacing the file adds a
 * version; the old bytes stay stored and listed.
 */
import { useMemo, useRef, useState } from 'react';
import {
  currentVersion,
  EVIDENCE_LINK_LABELS,
  EVIDENCE_SOURCES,
  EVIDENCE_SOURCE_LABELS,
  evidenceFieldsSchema,
  formatBytes,
  linkKey,
  type ControlTest,
  type Evidence,
  type EvidenceFields,
  type EvidenceLink,
  type Interview,
  type SampleItem,
  type Walkthrough,
} from '@shared/domain/fieldwork';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import { formatRequestNumber, type Control, type Request } from '@shared/domain/planning';
import { withoutMeta } from '@shared/domain/records';
import { repository, type Actor } from '../../db';
import { useEngagementRecords, useProfiles } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Field } from '../../components/Field';
import { focusWhenReady } from '../../components/focus';
import { SaveStatus } from '../../components/SaveStatus';
import { EvidencePreview } from './EvidencePreview';
import { linkEvidence, replaceEvidenceFile, unlinkEvidence, updateEvidence } from './commands';
import { hashFiles } from './hashFiles';

/** Where focus goes after a link is added or removed (the element clicked is gone or disabled). */
const AFTER_LINK_CHANGE = [
  '.evidence-detail [aria-label="Link to a control"]',
  '.evidence-detail .detail-header button',
];

function evidenceFields(e: Evidence): EvidenceFields {
  return withoutMeta(e);
}

interface Props {
  evidence: Evidence;
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
  onClose(): void;
  onDelete(): void;
}

/** Names for whatever a link points at, e.g. "Control AC-01", "Test T-AC-01", "Request PBC-004". */
export function useLinkNames(engagementId: string): (link: EvidenceLink) => string {
  const controls = useEngagementRecords<Control>('controls', engagementId, true);
  const tests = useEngagementRecords<ControlTest>('tests', engagementId, true);
  const interviews = useEngagementRecords<Interview>('interviews', engagementId, true);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', engagementId, true);
  const requests = useEngagementRecords<Request>('requests', engagementId, true);
  const items = useEngagementRecords<SampleItem>('sampleItems', engagementId, true);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const c of controls ?? []) names.set(c.id, c.reference);
    for (const t of tests ?? []) names.set(t.id, t.reference);
    for (const i of interviews ?? []) names.set(i.id, i.title);
    for (const w of walkthroughs ?? []) names.set(w.id, w.title);
    for (const r of requests ?? []) names.set(r.id, `${formatRequestNumber(r.number)} ${r.title}`);
    const testRefs = new Map((tests ?? []).map((t) => [t.id, t.reference]));
    for (const s of items ?? [])
      names.set(s.id, `${testRefs.get(s.testId) ?? 'test'} item ${s.position} (${s.key})`);
    const stepNumber = (w: string, step: string | undefined) => {
      const wt = walkthroughs?.find((x) => x.id === w);
      const index = wt?.steps.findIndex((s) => s.id === step) ?? -1;
      return index >= 0 ? `, step ${index + 1}` : '';
    };
    return (link: EvidenceLink) => {
      const name = names.get(link.id) ?? '(deleted record)';
      const detail = link.kind === 'walkthrough' ? stepNumber(link.id, link.detail) : '';
      return `${EVIDENCE_LINK_LABELS[link.kind]} ${name}${detail}`;
    };
  }, [controls, tests, interviews, walkthroughs, requests, items]);
}

export function EvidenceEditor({ evidence, engagement, actor, readOnly, onClose, onDelete }: Props) {
  const run = useAction();
  const profiles = useProfiles();
  const requests = useEngagementRecords<Request>('requests', engagement.id);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const linkName = useLinkNames(engagement.id);
  const [shown, setShown] = useState(evidence.versions.length - 1);
  const [replacing, setReplacing] = useState<{ note: string } | null>(null);
  const [hashing, setHashing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [newLink, setNewLink] = useState('');
  const editable = !readOnly && !evidence.deleted;
  const { draft, errors, state, change, flush } = useRecordAutosave<Evidence, EvidenceFields>({
    record: evidence,
    fields: evidenceFields,
    schema: evidenceFieldsSchema,
    save: (record, patch) => updateEvidence(repository, actor, record, patch),
    draftKey: `evidence.${evidence.id}.${actor.id}`,
    readOnly: !editable,
  });
  const current = currentVersion(evidence);
  const testedLinks = evidence.links.filter((l) => l.kind === 'sample-item' || l.kind === 'test').length;
  const version = evidence.versions[Math.min(shown, evidence.versions.length - 1)] ?? current;
  const who = (id: string) => profiles?.find((p) => p.id === id)?.fullName ?? 'another auditor';

  async function replaceWith(file: File, note: string) {
    setHashing(true);
    try {
      const { hashes, failures } = await hashFiles([file], () => undefined);
      const sha256 = hashes[0];
      if (!sha256) throw new Error(failures[0]?.message ?? 'The file could not be read.');
      await replaceEvidenceFile(repository, actor, evidence, { file, sha256 }, note);
      setShown(evidence.versions.length);
      setReplacing(null);
    } finally {
      setHashing(false);
    }
  }

  const linkTargets = useMemo(
    () =>
      (controls ?? [])
        .filter((c) => !evidence.links.some((l) => l.kind === 'control' && l.id === c.id))
        .map((c) => ({
          value: `control:${c.id}`,
          label: `Control ${c.reference}${c.title ? ` — ${c.title}` : ''}`,
        })),
    [controls, evidence.links],
  );

  return (
    <aside
      className="detail-pane evidence-detail"
      data-evidence={evidence.id}
      aria-labelledby="evidence-detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('dialog')) {
          e.preventDefault();
          void flush().then(onClose);
        }
      }}
    >
      <header className="detail-header">
        <h2 id="evidence-detail-title" className="ellipsis" title={current.fileName}>
          {current.fileName}
        </h2>
        <SaveStatus state={state} />
        <button
          type="button"
          className="icon-button"
          aria-label="Close the evidence file"
          onClick={() => void flush().then(onClose)}
        >
          ×
        </button>
      </header>
      {evidence.deleted ? (
        <p className="notice-inline">This file is in Deleted. Restore it to edit or link it.</p>
      ) : null}
      <EvidencePreview key={version.sha256} version={version} />

      <div className="detail-form">
        <Field label="Description" error={errors.description}>
          <textarea
            rows={2}
            value={draft.description}
            readOnly={!editable}
            onChange={(e) => change({ description: e.target.value })}
          />
        </Field>
        <div className="field-row">
          <Field label="Received on" error={errors.receivedOn}>
            <input
              type="date"
              value={draft.receivedOn ?? ''}
              readOnly={!editable}
              onChange={(e) => change({ receivedOn: e.target.value || null })}
            />
          </Field>
          <Field label="As of (the date it pertains to)" error={errors.asOf}>
            <input
              type="date"
              value={draft.asOf ?? ''}
              readOnly={!editable}
              onChange={(e) => change({ asOf: e.target.value || null })}
            />
          </Field>
        </div>
        <div className="field-row">
          <Field label="Source">
            <select
              value={draft.source}
              disabled={!editable}
              onChange={(e) => change({ source: e.target.value as EvidenceFields['source'] })}
            >
              {EVIDENCE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {EVIDENCE_SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          {draft.source === 'request' ? (
            <Field label="Request list item">
              <select
                value={draft.requestId ?? ''}
                disabled={!editable}
                onChange={(e) => change({ requestId: e.target.value || null })}
              >
                <option value="">(choose a request)</option>
                {(requests ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {formatRequestNumber(r.number)} {r.title}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label={draft.source === 'client' ? 'Given by (client person)' : 'Obtained by'}>
              <input
                value={draft.sourcePerson}
                readOnly={!editable}
                onChange={(e) => change({ sourcePerson: e.target.value })}
              />
            </Field>
          )}
        </div>
      </div>

      <section aria-labelledby="evidence-links-title">
        <h3 id="evidence-links-title">Supports ({evidence.links.length})</h3>
        {evidence.links.length === 0 ? (
          <p className="muted">
            Not linked to anything yet. Link it to a control here, or attach it from a test, interview or
            walkthrough.
          </p>
        ) : (
          <ul className="evidence-links">
            {evidence.links.map((l) => (
              <li key={linkKey(l)}>
                <span>{linkName(l)}</span>
                {editable ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Unlink from ${linkName(l)}`}
                    onClick={() =>
                      void run(
                        () => unlinkEvidence(repository, actor, evidence, l),
                        'Link removed; the file stays in the library.',
                      ).then(() => focusWhenReady(AFTER_LINK_CHANGE))
                    }
                  >
                    Unlink
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {editable && linkTargets.length > 0 ? (
          <div className="inline-form">
            <select
              aria-label="Link to a control"
              value={newLink}
              onChange={(e) => setNewLink(e.target.value)}
            >
              <option value="">Link to a control…</option>
              {linkTargets.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!newLink}
              onClick={() => {
                const id = newLink.split(':')[1];
                if (!id) return;
                void run(
                  () => linkEvidence(repository, actor, [evidence], { kind: 'control', id }),
                  'Linked.',
                ).then(() => {
                  setNewLink('');
                  focusWhenReady(AFTER_LINK_CHANGE);
                });
              }}
            >
              Link
            </button>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="evidence-versions-title">
        <h3 id="evidence-versions-title">Versions ({evidence.versions.length})</h3>
        <table className="grid versions-table" aria-label="Versions of the file">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">File and SHA-256</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {evidence.versions
              .map((v, i) => ({ v, i }))
              .reverse()
              .map(({ v, i }) => (
                <tr key={`${v.sha256}-${i}`} className={i === shown ? 'row-selected' : undefined}>
                  <td className="num">
                    {i + 1}
                    {i === evidence.versions.length - 1 ? <span className="muted"> (current)</span> : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setShown(i)}
                      aria-label={`Preview version ${i + 1}, ${v.fileName}`}
                    >
                      {v.fileName}
                    </button>{' '}
                    <span className="muted">{formatBytes(v.size)}</span>
                    <div className="mono hash-full">{v.sha256}</div>
                    {v.note ? <div className="muted">Why replaced: {v.note}</div> : null}
                  </td>
                  <td className="nowrap">
                    {formatDate(v.addedAt.slice(0, 10))}
                    <div className="muted">{who(v.addedBy)}</div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        {editable ? (
          replacing ? (
            <div className="inline-form replace-form">
              {testedLinks > 0 ? (
                <p className="warning-inline" role="note">
                  This file supports {testedLinks} tested item{testedLinks === 1 ? '' : 's'} or test
                  {testedLinks === 1 ? '' : 's'}: they will show the new version. The version inspected stays
                  listed here with its SHA-256; say in the reason why it changed.
                </p>
              ) : null}
              <Field
                label="Why is the file replaced?"
                hint="Kept with the old version, e.g. “client sent the complete listing”."
              >
                <input
                  autoFocus
                  value={replacing.note}
                  onChange={(e) => setReplacing({ note: e.target.value })}
                />
              </Field>
              <button
                type="button"
                className="primary"
                disabled={hashing || !replacing.note.trim()}
                onClick={() => fileInput.current?.click()}
              >
                {hashing ? 'Hashing…' : 'Choose the new file…'}
              </button>
              <button type="button" onClick={() => setReplacing(null)}>
                Cancel
              </button>
              <input
                ref={fileInput}
                type="file"
                hidden
                tabIndex={-1}
                aria-label="New version of the file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file)
                    void run(
                      () => replaceWith(file, replacing.note),
                      `Replaced; version ${evidence.versions.length} is kept.`,
                    );
                }}
              />
            </div>
          ) : (
            <button type="button" onClick={() => setReplacing({ note: '' })}>
              Replace file…
            </button>
          )
        ) : null}
      </section>
      {readOnly ? null : (
        <div className="detail-footer">
          <button type="button" className={evidence.deleted ? undefined : 'danger'} onClick={onDelete}>
            {evidence.deleted ? 'Restore' : 'Delete'}
          </button>
        </div>
      )}
    </aside>
  );
}
