/**
 * The evidence index: every file with its SHA-256 (the file's fingerprint: anyone can check that a file
 * is the one the workpapers rely on), its size in bytes, its dates, who added it, its versions and what
 * it supports.
 */
import { formatDate } from '../../../domain/engagement';
import {
  currentVersion,
  EVIDENCE_SOURCE_LABELS,
  FILE_TYPE_LABELS,
  fileTypeGroup,
  type Evidence,
} from '../../../domain/fieldwork';
import { formatRequestNumber } from '../../../domain/planning';
import { code, date, datetime, long, number, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { linkedTo } from '../words';

function source(ctx: WorkbookContext, e: Evidence): string {
  const label = EVIDENCE_SOURCE_LABELS[e.source];
  if (e.source === 'client' && e.sourcePerson) return `${label}: ${e.sourcePerson}`;
  if (e.source === 'request' && e.requestId) {
    const r = ctx.snapshot.requests.find((x) => x.id === e.requestId);
    if (r) return `${label}: ${formatRequestNumber(r.number)}`;
  }
  return label;
}

/** The versions before the current one, oldest first, with why each was replaced. */
function earlierVersions(ctx: WorkbookContext, e: Evidence): string {
  return e.versions
    .slice(0, -1)
    .map((v, i) => {
      const replaced = e.versions[i + 1]?.note;
      return `${i + 1}. ${v.fileName}, ${v.size} bytes, SHA-256 ${v.sha256}, added ${formatDate(v.addedAt.slice(0, 10))} by ${ctx.personName(v.addedBy)}${replaced ? `. Replaced: ${replaced}` : ''}`;
    })
    .join('\n');
}

export function evidenceSheet(ctx: WorkbookContext): TableSpec<Evidence> {
  const rows = [...ctx.evidence].sort(
    (a, b) =>
      a.purpose.localeCompare(b.purpose) ||
      currentVersion(a).fileName.localeCompare(currentVersion(b).fileName, undefined, { numeric: true }) ||
      a.id.localeCompare(b.id),
  );
  const columns: Column<Evidence>[] = [
    text('File', (e) => currentVersion(e).fileName, { maxWidth: 40 }),
    long('Description', (e) => e.description, { maxWidth: 50 }),
    code('SHA-256', (e) => currentVersion(e).sha256),
    number('Size (bytes)', (e) => currentVersion(e).size),
    text(
      'File type',
      (e) => FILE_TYPE_LABELS[fileTypeGroup(currentVersion(e).mediaType, currentVersion(e).fileName)],
    ),
    text('Purpose', (e) => (e.purpose === 'population' ? 'Population file' : 'Evidence')),
    date('As of', (e) => e.asOf),
    date('Received', (e) => e.receivedOn),
    text('Source', (e) => source(ctx, e), { maxWidth: 30 }),
    text('Added by', (e) => ctx.personName(currentVersion(e).addedBy), { maxWidth: 22 }),
    datetime('Added', (e) => currentVersion(e).addedAt),
    number('Version', (e) => e.versions.length),
    long('Earlier versions', (e) => earlierVersions(ctx, e), { maxWidth: 60 }),
    long('Linked to', (e) => linkedTo(ctx, e), { maxWidth: 50 }),
  ];
  return { name: 'Evidence index', columns, rows };
}
