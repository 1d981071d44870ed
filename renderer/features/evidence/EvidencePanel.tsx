/**
 * The evidence linked to one record (a control, a test, a sample item, an interview, a walkthrough step):
 * attach new files (picker or drop), link files already in the library, preview, unlink. Unlinking never
 * removes the file from the library.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  currentVersion,
  formatBytes,
  hasLink,
  shortHash,
  type Evidence,
  type EvidenceLink,
} from '@shared/domain/fieldwork';
import { formatDate } from '@shared/domain/engagement';
import { db, repository } from '../../db';
import { engagementRecords } from '../../db/queries';
import { useActor } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { AttachProgress } from './AttachProgress';
import { DropZone } from './DropZone';
import { linkEvidence, unlinkEvidence, type EvidenceDefaults } from './commands';
import { useAttachFiles } from './useAttachFiles';
import { LinkEvidenceDialog, PreviewDialog } from './EvidenceDialogs';

interface Props {
  engagementId: string;
  link: EvidenceLink;
  /** Heading text, e.g. "Evidence" or "Evidence for step 3". */
  title?: string;
  readOnly?: boolean;
  /** A smaller layout for grid notes and walkthrough steps. */
  compact?: boolean;
  /** How files attached here are described (e.g. received for a request). */
  defaults?: Omit<EvidenceDefaults, 'links'>;
}

export function useLinkedEvidence(engagementId: string, link: EvidenceLink): Evidence[] | undefined {
  const all = useLiveQuery(() => engagementRecords<Evidence>(db, 'evidence', engagementId), [engagementId]);
  return useMemo(
    () => all?.filter((e) => hasLink(e, link.kind, link.id, link.detail)),
    [all, link.kind, link.id, link.detail],
  );
}

export function EvidencePanel({
  engagementId,
  link,
  title = 'Evidence',
  readOnly,
  compact,
  defaults,
}: Props) {
  const actor = useActor();
  const run = useAction();
  const linked = useLinkedEvidence(engagementId, link);
  const { attach, progress, cancel } = useAttachFiles(engagementId);
  const [dialog, setDialog] = useState<'link' | { preview: Evidence } | null>(null);
  const disabled = readOnly || !actor;

  return (
    <section
      className={compact ? 'evidence-panel evidence-panel-compact' : 'evidence-panel'}
      aria-label={title}
    >
      <h3 className="evidence-panel-title">
        {title} <span className="muted">({linked?.length ?? 0})</span>
      </h3>
      {linked && linked.length > 0 ? (
        <ul className="evidence-links">
          {linked.map((e) => {
            const v = currentVersion(e);
            return (
              <li key={e.id}>
                <button
                  type="button"
                  className="link-button"
                  title={`SHA-256 ${v.sha256}`}
                  onClick={() => setDialog({ preview: e })}
                >
                  {v.fileName}
                </button>
                <span className="muted">
                  {formatBytes(v.size)}
                  {e.asOf ? ` · as of ${formatDate(e.asOf)}` : ''} · {shortHash(v.sha256)}
                </span>
                {disabled ? null : (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Unlink ${v.fileName}`}
                    onClick={() =>
                      actor &&
                      void run(
                        () => unlinkEvidence(repository, actor, e, link),
                        `Unlinked ${v.fileName}; it stays in the evidence library.`,
                      )
                    }
                  >
                    Unlink
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No evidence linked yet.</p>
      )}
      {disabled ? null : (
        <div className="evidence-panel-actions">
          <DropZone
            compact={compact}
            disabled={progress !== null}
            label="Attach files…"
            onFiles={(files) => void attach(files, { source: 'client', ...defaults, links: [link] })}
          />
          <button type="button" onClick={() => setDialog('link')}>
            Link from library…
          </button>
        </div>
      )}
      <AttachProgress progress={progress} cancel={cancel} />
      {dialog === 'link' ? (
        <LinkEvidenceDialog
          engagementId={engagementId}
          exclude={new Set(linked?.map((e) => e.id))}
          onClose={() => setDialog(null)}
          onLink={async (chosen) => {
            if (!actor) return;
            await run(
              () => linkEvidence(repository, actor, chosen, link),
              `Linked ${chosen.length === 1 ? '1 file' : `${chosen.length} files`}.`,
            );
            setDialog(null);
          }}
        />
      ) : null}
      {dialog && typeof dialog === 'object' ? (
        <PreviewDialog evidence={dialog.preview} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  );
}
