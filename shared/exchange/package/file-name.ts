/**
 * The file name Fieldwork suggests when saving a package: the client and engagement for an engagement
 * file, "(reviewer copy)" for a reviewer copy, the date and time for a backup. Local date and time (the
 * user reads them), characters the file system refuses removed.
 */
import { safeFileName } from '../../formats/file-name';
import type { PackageKind } from '../types';

export const PACKAGE_EXTENSION = '.fieldwork';

export interface PackageFileNameInput {
  kind: PackageKind;
  /** The client (service organization); engagement and reviewer-copy files only. */
  clientName?: string;
  /** The engagement's name (e.g. the system or "SOC 2"); engagement and reviewer-copy files only. */
  engagementName?: string;
  date: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A name part with its spaces collapsed ("" when absent). */
function part(text: string | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * `Lumenfield Analytics - SOC 2 - 2026-11-23.fieldwork`,
 * `Lumenfield Analytics - SOC 2 - 2026-11-23 (reviewer copy).fieldwork`,
 * `Fieldwork backup 2026-11-23 1405.fieldwork`.
 */
export function packageFileName(input: PackageFileNameInput): string {
  const date = localDate(input.date);
  if (input.kind === 'backup') {
    const time = `${pad(input.date.getHours())}${pad(input.date.getMinutes())}`;
    return `${safeFileName(`Fieldwork backup ${date} ${time}`)}${PACKAGE_EXTENSION}`;
  }
  const names = [part(input.clientName), part(input.engagementName)].filter((p) => p !== '');
  const base = [...(names.length > 0 ? names : ['Fieldwork engagement']), date].join(' - ');
  const suffix = input.kind === 'reviewer-copy' ? ' (reviewer copy)' : '';
  return `${safeFileName(`${base}${suffix}`)}${PACKAGE_EXTENSION}`;
}
