/**
 * The evidence library: every file received or obtained for the engagement, searchable and filterable by
 * type, link and "as of" date, with an in-app preview, versions with their hashes, and the links that
 * say what each file supports. Shows how much storage the files use and how much is left.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  currentVersion,
  EVIDENCE_LINK_KINDS,
  EVIDENCE_LINK_LABELS,
  EVIDENCE_SOURCE_LABELS,
  FILE_TYPE_GROUPS,
  FILE_TYPE_LABELS,
  fileTypeGroup,
  formatBytes,
  shortHash,
  type Evidence,
  type EvidenceLinkKind,
  type FileTypeGroup,
} from '@shared/domain/fieldwork';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import { db, repository } from '../../db';
import { useActor, useEngagementRecords } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { focusWhenReady } from '../../components/focus';
import { onListKey } from '../../components/listKeys';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { AttachProgress } from './AttachProgress';
import { DropZone } from './DropZone';
import { EvidenceEditor } from './EvidenceEditor';
import { setEvidenceDeleted } from './commands';
import { storageFigures } from './storage';
import { useAttachFiles } from './useAttachFiles';

type LinkFilter = 'any' | 'unlinked' | EvidenceLinkKind;
type Show = 'evidence' | 'population' | 'deleted';

export function EvidencePage({
  engagement,
  selectedId,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const all = useEngagementRecords<Evidence>('evidence', engagement.id, true);
  const readOnly = isReadOnly(engagement) || !actor;
  const { attach, progress, cancel } = useAttachFiles(engagement.id);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<'all' | FileTypeGroup>('all');
  const [linkFilter, setLinkFilter] = useState<LinkFilter>('any');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [show, setShow] = useState<Show>('evidence');
  const storage = useLiveQuery(async () => {
    // Reading the blobs store makes this query run again whenever files are added.
    await db.blobs.count();
    return storageFigures();
  }, []);

  const select = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'evidence', ...(id ? { item: id } : {}) });

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (all ?? [])
      .filter((e) => (show === 'deleted' ? e.deleted : !e.deleted && e.purpose === show))
      .filter((e) => {
        const v = currentVersion(e);
        if (type !== 'all' && fileTypeGroup(v.mediaType, v.fileName) !== type) return false;
        if (linkFilter === 'unlinked' && e.links.length > 0) return false;
        if (
          linkFilter !== 'any' &&
          linkFilter !== 'unlinked' &&
          !e.links.some((l) => l.kind === linkFilter)
        ) {
          return false;
        }
        if (from && (!e.asOf || e.asOf < from)) return false;
        if (to && (!e.asOf || e.asOf > to)) return false;
        if (!q) return true;
        const names = e.versions.map((x) => `${x.fileName} ${x.sha256}`).join(' ');
        return `${names} ${e.description} ${e.sourcePerson}`.toLocaleLowerCase().includes(q);
      })
      .sort((a, b) =>
        currentVersion(a).fileName.localeCompare(currentVersion(b).fileName, 'en', { numeric: true }),
      );
  }, [all, query, type, linkFilter, from, to, show]);

  if (!all) return <p className="page muted">Loading evidence…</p>;
  const live = all.filter((e) => !e.deleted);
  const totalBytes = sumUnique(live);
  const selected = all.find((e) => e.id === selectedId);

  function onTableKey(event: React.KeyboardEvent) {
    onListKey(event, {
      ids: visible.map((e) => e.id),
      selectedId,
      select,
      focusTarget: (id) => `#evidence-open-${id}`,
    });
  }

  return (
    <section
      className={selected ? 'page page-wide with-detail' : 'page page-wide'}
      aria-labelledby="evidence-title"
    >
      <header className="page-header">
        <h1 id="evidence-title">Evidence</h1>
        {readOnly ? null : (
          <div className="page-actions">
            <DropZone
              disabled={progress !== null}
              onFiles={(files) =>
                void attach(files, { source: 'client' }).then((ids) => {
                  if (ids.length === 1 && ids[0]) select(ids[0]);
                })
              }
            />
          </div>
        )}
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <AttachProgress progress={progress} cancel={cancel} />
      <p className="scope-summary num" aria-live="polite">
        {live.filter((e) => e.purpose === 'evidence').length} files ·{' '}
        {live.filter((e) => e.purpose === 'population').length} population files · {formatBytes(totalBytes)}{' '}
        in this engagement
        {storage ? (
          <>
            {' '}
            · storage used {formatBytes(storage.usage)} of {formatBytes(storage.quota)} (
            <span className={storage.available < 1e9 ? 'text-warn' : undefined}>
              {formatBytes(storage.available)} available
            </span>
            )
          </>
        ) : null}
      </p>
      {live.length === 0 && show !== 'deleted' ? (
        <div className="empty-state">
          <h2>No evidence yet</h2>
          <p>
            Add the files the client gives you and the ones you obtain yourself: screenshots, exports,
            policies, tickets. Each file is fingerprinted (SHA-256) and stored once in this engagement,
            however many controls, tests or sample items it supports. Drop files here or use Add files.
          </p>
        </div>
      ) : null}
      {live.length > 0 || show === 'deleted' ? (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar toolbar-wrap">
              <input
                type="search"
                aria-label="Search evidence"
                placeholder="Search file names, descriptions, hashes…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="File type"
                value={type}
                onChange={(e) => setType(e.target.value as 'all' | FileTypeGroup)}
              >
                <option value="all">All types</option>
                {FILE_TYPE_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {FILE_TYPE_LABELS[g]}
                  </option>
                ))}
              </select>
              <select
                aria-label="Linked to"
                value={linkFilter}
                onChange={(e) => setLinkFilter(e.target.value as LinkFilter)}
              >
                <option value="any">Any link</option>
                <option value="unlinked">Not linked to anything</option>
                {EVIDENCE_LINK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    Linked to {k === 'interview' ? 'an' : 'a'} {EVIDENCE_LINK_LABELS[k].toLocaleLowerCase()}
                  </option>
                ))}
              </select>
              <label className="inline-field">
                As of from
                <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </label>
              <label className="inline-field">
                to
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </label>
              <select aria-label="Show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                <option value="evidence">Evidence files</option>
                <option value="population">Population files</option>
                <option value="deleted">Deleted</option>
              </select>
            </div>
            <div className="table-wrap table-scroll" onKeyDown={onTableKey}>
              <table className="grid grid-fixed" aria-label="Evidence files">
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col" className="col-type">
                      Type
                    </th>
                    <th scope="col" className="col-size num">
                      Size
                    </th>
                    <th scope="col" className="col-date">
                      As of
                    </th>
                    <th scope="col" className="col-links">
                      Links
                    </th>
                    <th scope="col" className="col-hash">
                      SHA-256
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((e) => {
                    const v = currentVersion(e);
                    return (
                      <tr
                        key={e.id}
                        className={e.id === selectedId ? 'row-selected' : undefined}
                        aria-selected={e.id === selectedId}
                      >
                        <td
                          className="ellipsis"
                          title={e.description ? `${v.fileName} — ${e.description}` : v.fileName}
                        >
                          <button
                            type="button"
                            id={`evidence-open-${e.id}`}
                            className="link-button"
                            onClick={() => select(e.id)}
                          >
                            {v.fileName}
                          </button>
                          {e.versions.length > 1 ? (
                            <span className="muted"> · v{e.versions.length}</span>
                          ) : null}
                        </td>
                        <td className="col-type ellipsis">
                          {FILE_TYPE_LABELS[fileTypeGroup(v.mediaType, v.fileName)]}
                        </td>
                        <td className="col-size num nowrap">{formatBytes(v.size)}</td>
                        <td className="col-date num nowrap">{formatDate(e.asOf) || '—'}</td>
                        <td className="col-links num" title={EVIDENCE_SOURCE_LABELS[e.source]}>
                          {e.links.length === 0 ? <span className="text-warn">None</span> : e.links.length}
                        </td>
                        <td className="col-hash mono" title={v.sha256}>
                          {shortHash(v.sha256)}
                        </td>
                      </tr>
                    );
                  })}
                  {visible.length === 0 ? (
                    <tr>
                      <td colSpan={6} className="muted">
                        {show === 'deleted' ? 'No deleted evidence.' : 'No file matches the filter.'}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </div>
          {selected && actor ? (
            <EvidenceEditor
              key={selected.id}
              evidence={selected}
              engagement={engagement}
              actor={actor}
              readOnly={readOnly}
              onClose={() => {
                select(null);
                focusWhenReady([`#evidence-open-${selected.id}`]);
              }}
              onDelete={() =>
                void run(
                  async () => {
                    await setEvidenceDeleted(repository, actor, [selected.id], !selected.deleted);
                    select(null);
                  },
                  selected.deleted
                    ? `Restored ${currentVersion(selected).fileName}.`
                    : `Moved ${currentVersion(selected).fileName} to Deleted; its bytes stay stored.`,
                  selected.deleted
                    ? undefined
                    : {
                        label: 'Undo',
                        run: () => setEvidenceDeleted(repository, actor, [selected.id], false),
                      },
                )
              }
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Bytes held for these records, counting each stored hash (every version) once. */
function sumUnique(records: readonly Evidence[]): number {
  const sizes = new Map<string, number>();
  for (const e of records) for (const v of e.versions) sizes.set(v.sha256, v.size);
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}
