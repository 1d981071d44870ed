/**
 * What opening the file would do, before anything is written: the file (kind, who exported it and when,
 * from which app version, encrypted or not) and, per engagement, what it holds and what happens to it —
 * added, merged (with the merge summary, renumberings and notes), added as a locked reviewer copy, or
 * refused with the reason.
 */
import { formatDateTime } from '@shared/domain/engagement';
import type { Manifest } from '@shared/exchange/types';
import type { ImportPlan } from '../../db/exchange';
import { StatusBadge } from '../../components/StatusBadge';
import {
  ACTION_BADGES,
  ACTION_TONES,
  ACTION_WORDS,
  countWords,
  KIND_LABELS,
  summaryWords,
} from './importView';

export function FileFacts({
  manifest,
  encrypted,
  fileName,
}: {
  manifest: Manifest;
  encrypted: boolean;
  fileName: string;
}) {
  return (
    <dl className="file-facts">
      <div>
        <dt>File</dt>
        <dd className="file-name">{fileName}</dd>
      </div>
      <div>
        <dt>Kind</dt>
        <dd>
          {KIND_LABELS[manifest.kind]}
          {encrypted ? ', encrypted' : ', not encrypted'}
        </dd>
      </div>
      <div>
        <dt>Exported by</dt>
        <dd>
          {manifest.exportedBy.name} on {formatDateTime(manifest.exportedAt)}
        </dd>
      </div>
      <div>
        <dt>App version</dt>
        <dd>
          {manifest.app.name} {manifest.app.version} (format {manifest.formatVersion})
        </dd>
      </div>
    </dl>
  );
}

export function ImportPreview({
  plan,
  manifest,
  focusRef,
}: {
  plan: ImportPlan;
  manifest: Manifest;
  /** Receives the preview's first line, which takes focus when the preview replaces the passphrase. */
  focusRef?: (element: HTMLElement | null) => void;
}) {
  return (
    <div className="import-preview">
      <p className="verified-line step-focus" tabIndex={-1} ref={focusRef}>
        <StatusBadge tone="good">Verified</StatusBadge> Every record, evidence file and audit trail in the
        file was checked; nothing has been written yet.
      </p>
      <ul className="import-engagements" aria-label="Engagements in the file">
        {plan.engagements.map((p) => {
          const listed = manifest.engagements.find((e) => e.id === p.id);
          const merge = p.action === 'merge' ? p.merge : undefined;
          return (
            <li key={p.id} className="import-engagement">
              <div className="import-engagement-head">
                <strong>{p.name}</strong>
                <StatusBadge tone={ACTION_TONES[p.action]}>{ACTION_BADGES[p.action]}</StatusBadge>
              </div>
              <p className="import-action">
                {ACTION_WORDS[p.action]}
                {p.reason && p.action !== 'replace-copy' ? ` ${p.reason}` : ''}
              </p>
              {listed ? <p className="muted small">{countWords(listed.counts)}</p> : null}
              {merge ? (
                <ul className="merge-summary" aria-label={`Merge summary for ${p.name}`}>
                  {summaryWords(merge.summary, p.newEvents.length).map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
              {p.newEvidence.length > 0 && p.action !== 'refused' && p.action !== 'up-to-date' ? (
                <p className="muted small">
                  {p.newEvidence.length === 1
                    ? '1 evidence file is new to this computer.'
                    : `${p.newEvidence.length} evidence files are new to this computer.`}
                </p>
              ) : null}
              {merge && (merge.renumberings.length > 0 || merge.notices.length > 0) ? (
                <ul className="merge-notes">
                  {merge.renumberings.map((r) => (
                    <li key={`${r.table}:${r.recordId}:${r.field}`}>{r.message}</li>
                  ))}
                  {merge.notices.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      {plan.kind === 'backup' && plan.newProfiles > 0 ? (
        <p className="muted small">
          {plan.newProfiles === 1
            ? '1 auditor profile from the backup will be added to this computer.'
            : `${plan.newProfiles} auditor profiles from the backup will be added to this computer.`}
        </p>
      ) : null}
    </div>
  );
}
