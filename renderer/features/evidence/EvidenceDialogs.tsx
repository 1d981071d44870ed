/** Dialogs around evidence: preview a file, choose files from the library to link. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { currentVersion, formatBytes, type Evidence } from '@shared/domain/fieldwork';
import { formatDate } from '@shared/domain/engagement';
import { db } from '../../db';
import { engagementRecords } from '../../db/queries';
import { Dialog } from '../../components/Dialog';
import { EvidencePreview } from './EvidencePreview';

export function PreviewDialog({ evidence, onClose }: { evidence: Evidence; onClose(): void }) {
  const v = currentVersion(evidence);
  return (
    <Dialog title={v.fileName} onClose={onClose} wide>
      <p className="muted mono" title="SHA-256">
        {formatBytes(v.size)} · SHA-256 {v.sha256}
      </p>
      <EvidencePreview version={v} />
    </Dialog>
  );
}

export function LinkEvidenceDialog({
  engagementId,
  exclude,
  onClose,
  onLink,
}: {
  engagementId: string;
  exclude: ReadonlySet<string>;
  onClose(): void;
  onLink(chosen: Evidence[]): Promise<void>;
}) {
  const all = useLiveQuery(() => engagementRecords<Evidence>(db, 'evidence', engagementId), [engagementId]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (all ?? [])
      .filter((e) => !exclude.has(e.id) && e.purpose === 'evidence')
      .filter((e) => !q || `${currentVersion(e).fileName} ${e.description}`.toLocaleLowerCase().includes(q))
      .sort((a, b) => currentVersion(a).fileName.localeCompare(currentVersion(b).fileName));
  }, [all, exclude, query]);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <Dialog
      title="Link evidence from the library"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={chosen.size === 0}
            onClick={() => void onLink((all ?? []).filter((e) => chosen.has(e.id)))}
          >
            Link {chosen.size === 1 ? '1 file' : `${chosen.size} files`}
          </button>
        </>
      }
    >
      <input
        type="search"
        aria-label="Search the evidence library"
        placeholder="Search by file name or description"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {visible.length === 0 ? (
        <p className="muted">
          {all && all.length > 0
            ? 'No other file matches.'
            : 'The evidence library is empty: attach files first.'}
        </p>
      ) : (
        <ul className="link-evidence-list">
          {visible.map((e) => {
            const v = currentVersion(e);
            return (
              <li key={e.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(e.id)} onChange={() => toggle(e.id)} />
                  {v.fileName}{' '}
                  <span className="muted">
                    {formatBytes(v.size)}
                    {e.asOf ? ` · as of ${formatDate(e.asOf)}` : ''}
                    {e.description ? ` · ${e.description}` : ''}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
