/**
 * Every engagement on this computer: search, sort, open, archive and restore; open a `.fieldwork` file,
 * back up and restore from a backup, with a reminder when the last backup is getting old.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CATEGORY_LABELS } from '@shared/domain/criteria';
import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_PHASE_LABELS,
  ENGAGEMENT_PHASES,
  formatDate,
  formatDateTime,
  formatPeriod,
  type Engagement,
} from '@shared/domain/engagement';
import { lifecycleDates } from '@shared/domain/review';
import { db, repository } from '../../db';
import { listEngagements } from '../../db/queries';
import { copyFlagKey } from '../../db/chains';
import { useAppStore } from '../../store';
import { useCurrentProfile } from '../../app/hooks';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { describeError } from '../../components/ErrorText';
import { loadDemoEngagement } from '../demo/commands';
import { BackupDialog } from '../exchange/BackupDialog';
import { BackupReminderBanner } from '../exchange/BackupReminderBanner';
import { chooseFileToImport } from '../exchange/importStore';
import { BackupSettingsDialog } from '../settings/BackupSettingsDialog';
import { useLockDialogs } from '../lock/session';
import { useArchiveToggle } from './useArchiveToggle';
import { phaseTone } from './phase';

type SortKey = 'serviceOrganization' | 'systemName' | 'kind' | 'period' | 'phase' | 'updatedAt';

/** Released engagements: the date the file is due to be assembled by; locked ones: since when. */
function phaseTitle(e: Engagement): string | undefined {
  const dates = lifecycleDates(e);
  if (e.phase === 'released' && dates) {
    return `Report released ${formatDate(dates.releaseDate)}; file to be assembled by ${formatDate(dates.documentationCompletionDate)}`;
  }
  if (e.phase === 'completed' && dates)
    return `Locked; documentation kept until ${formatDate(dates.retentionUntil)}`;
  return undefined;
}

function sortValue(e: Engagement, key: SortKey): string {
  switch (key) {
    case 'period':
      return e.kind === 'soc2-type2' ? (e.periodEnd ?? '') : (e.asOfDate ?? '');
    case 'phase':
      return String(ENGAGEMENT_PHASES.indexOf(e.phase));
    case 'kind':
      return ENGAGEMENT_KIND_LABELS[e.kind];
    default:
      return String(e[key]).toLocaleLowerCase();
  }
}

export function EngagementsPage() {
  const engagements = useLiveQuery(() => listEngagements(db), []);
  // Read-only reviewer copies carry a flag in meta (`copy:<engagement id>`).
  const copies = useLiveQuery(
    async () =>
      new Set(
        (await db.meta.where('key').startsWith(copyFlagKey('')).primaryKeys()).map((k) =>
          String(k).slice(copyFlagKey('').length),
        ),
      ),
    [],
  );
  const { profile } = useCurrentProfile();
  const openDialog = useAppStore((s) => s.openDialog);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [query, setQuery] = useState('');
  const showArchived = useAppStore((s) => s.showArchived);
  const setShowArchived = useAppStore((s) => s.setShowArchived);
  const [sortKey, setSortKey] = useState<SortKey>('updatedAt');
  const [sortDir, setSortDir] = useState<SortDir>('desc');
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [backupOpen, setBackupOpen] = useState<'backup' | 'settings' | null>(null);
  const toggleArchive = useArchiveToggle();

  const rows = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const filtered = (engagements ?? []).filter(
      (e) =>
        (showArchived || !e.archived) &&
        (!q ||
          [
            e.serviceOrganization,
            e.systemName,
            e.engagementPartner,
            e.firm,
            ENGAGEMENT_KIND_LABELS[e.kind],
            ENGAGEMENT_PHASE_LABELS[e.phase],
            formatPeriod(e),
            e.periodStart ?? '',
            e.periodEnd ?? '',
            e.asOfDate ?? '',
            ...e.categories.map((c) => CATEGORY_LABELS[c]),
          ]
            .join(' ')
            .toLocaleLowerCase()
            .includes(q)),
    );
    const dir = sortDir === 'asc' ? 1 : -1;
    return filtered.sort((a, b) => sortValue(a, sortKey).localeCompare(sortValue(b, sortKey)) * dir);
  }, [engagements, query, showArchived, sortKey, sortDir]);

  const archivedCount = (engagements ?? []).filter((e) => e.archived).length;

  function onSort(key: SortKey) {
    if (key === sortKey) setSortDir((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSortKey(key);
      setSortDir(key === 'updatedAt' ? 'desc' : 'asc');
    }
  }

  async function loadDemo() {
    if (!profile) return;
    setLoadingDemo(true);
    try {
      const { id, created } = await loadDemoEngagement(repository, profile);
      notify(
        'success',
        created ? 'Demo engagement loaded.' : 'The demo engagement was already loaded; opened it.',
      );
      navigate({ name: 'engagement', id, area: 'overview' });
    } catch (error) {
      const { text, detail } = describeError(error);
      notify('error', `Could not load the demo engagement. ${text}`, detail);
    } finally {
      setLoadingDemo(false);
    }
  }

  const liveCount = (engagements ?? []).length;
  const openFile = () =>
    void chooseFileToImport('open').catch((error: unknown) => {
      const { text, detail } = describeError(error);
      notify('error', text, detail);
    });
  const restore = () =>
    void chooseFileToImport('restore').catch((error: unknown) => {
      const { text, detail } = describeError(error);
      notify('error', text, detail);
    });

  return (
    <section className="page" aria-labelledby="engagements-title">
      <header className="page-header">
        <h1 id="engagements-title">Engagements</h1>
        <div className="page-actions">
          <button
            type="button"
            onClick={openFile}
            title="Open a .fieldwork file: a colleague’s engagement or a reviewer copy"
          >
            Open engagement file…
          </button>
          <button type="button" onClick={loadDemo} disabled={loadingDemo}>
            Load demo engagement
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => openDialog('new-engagement')}
            title="New engagement (Ctrl+N)"
          >
            New engagement
          </button>
        </div>
      </header>
      <BackupReminderBanner engagements={liveCount} onBackUp={() => setBackupOpen('backup')} />
      {backupOpen === 'backup' ? <BackupDialog onClose={() => setBackupOpen(null)} /> : null}
      {backupOpen === 'settings' ? <BackupSettingsDialog onClose={() => setBackupOpen(null)} /> : null}

      {engagements && engagements.length === 0 ? (
        <div className="empty-state">
          <h2>No engagements yet</h2>
          <p>
            An engagement holds one SOC 2 examination or readiness assessment: its scope, controls, testing
            and report. Create one for your client, open a <code>.fieldwork</code> file a colleague sent you,
            restore a backup, or load the demo to see a populated engagement first.
          </p>
          <div className="page-actions">
            <button type="button" className="primary" onClick={() => openDialog('new-engagement')}>
              New engagement
            </button>
            <button type="button" onClick={openFile}>
              Open engagement file…
            </button>
            <button type="button" onClick={restore}>
              Restore from backup…
            </button>
            <button type="button" onClick={loadDemo} disabled={loadingDemo}>
              Load demo engagement
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <input
              type="search"
              aria-label="Search engagements"
              placeholder="Search engagements…"
              title="Search by organization, system, partner, category, phase or year"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.target.checked)}
              />
              Show archived ({archivedCount})
            </label>
            <span className="muted" aria-live="polite">
              {rows.length} shown
            </span>
            <span className="toolbar-end">
              <button
                type="button"
                className="link-button"
                onClick={() => useLockDialogs.getState().openSettings()}
              >
                App lock…
              </button>
              <button type="button" className="link-button" onClick={() => setBackupOpen('settings')}>
                Backup settings…
              </button>
              <button type="button" onClick={() => setBackupOpen('backup')}>
                Back up…
              </button>
              <button type="button" onClick={restore}>
                Restore from backup…
              </button>
            </span>
          </div>
          <div className="table-wrap">
            <table className="grid" aria-label="Engagements">
              <thead>
                <tr>
                  <SortHeader
                    column="serviceOrganization"
                    label="Service organization"
                    {...{ sortKey, sortDir, onSort }}
                  />
                  <SortHeader column="systemName" label="System" {...{ sortKey, sortDir, onSort }} />
                  <SortHeader column="kind" label="Type" {...{ sortKey, sortDir, onSort }} />
                  <SortHeader column="period" label="Period" {...{ sortKey, sortDir, onSort }} />
                  <th scope="col" className="col-optional">
                    Categories
                  </th>
                  <SortHeader column="phase" label="Phase" {...{ sortKey, sortDir, onSort }} />
                  <SortHeader column="updatedAt" label="Last change" {...{ sortKey, sortDir, onSort }} />
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className={e.archived ? 'row-archived' : undefined}>
                    <td>
                      <a href={`#/engagements/${e.id}/overview`} className="row-link">
                        {e.serviceOrganization}
                      </a>
                      {e.demo ? <span className="tag">Demo</span> : null}
                      {copies?.has(e.id) ? <span className="tag">Reviewer copy</span> : null}
                      {e.archived ? <span className="tag">Archived</span> : null}
                    </td>
                    <td>{e.systemName}</td>
                    <td className="nowrap">{ENGAGEMENT_KIND_LABELS[e.kind]}</td>
                    <td className="nowrap">{formatPeriod(e)}</td>
                    <td className="col-optional">{e.categories.map((c) => CATEGORY_LABELS[c]).join(', ')}</td>
                    <td>
                      <StatusBadge tone={phaseTone(e.phase)} title={phaseTitle(e)}>
                        {ENGAGEMENT_PHASE_LABELS[e.phase]}
                      </StatusBadge>
                    </td>
                    <td className="nowrap num">{formatDateTime(e.updatedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`${e.archived ? 'Restore' : 'Archive'} ${e.serviceOrganization}`}
                        onClick={() => void toggleArchive(e)}
                      >
                        {e.archived ? 'Restore' : 'Archive'}
                      </button>
                    </td>
                  </tr>
                ))}
                {rows.length === 0 && engagements ? (
                  <tr>
                    <td colSpan={8} className="muted">
                      No engagement matches “{query}”
                      {showArchived ? '' : ' (archived engagements are hidden)'}.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
