/**
 * Which entry names a package may contain. A name is a relative path of plain segments joined by '/':
 * nothing that could climb out of a folder, name a drive or an absolute location, hide behind control
 * characters, or collide with another entry on a case-insensitive file system.
 */
import { MAX_NAME_BYTES } from './format';

/** Why `path` is not a safe entry name, in plain words, or null when it is fine. */
export function unsafePathReason(path: string, nameBytes: number): string | null {
  if (path.length === 0) return 'has an empty name';
  if (nameBytes > MAX_NAME_BYTES) return `has a name longer than ${MAX_NAME_BYTES} bytes`;
  // Control characters (C0, DEL, C1) could hide parts of a name in listings and logs.
  if (hasControlCharacter(path)) return 'has a name with control characters';
  if (path.includes('\\')) return 'has a name with a backslash';
  if (path.startsWith('/')) return 'has an absolute path';
  // A colon names a drive ("C:x") or a Windows alternate data stream ("a:b"); packages never need one.
  if (path.includes(':')) return 'has a name with a drive letter or colon';
  for (const segment of path.split('/')) {
    if (segment === '') return 'has a name with an empty folder';
    if (segment === '..') return "has a name that points outside the package ('..')";
    if (segment === '.') return "has a name with a '.' folder";
  }
  return null;
}

/** The key two names collide on: the same text in NFC, ignoring letter case. */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase().normalize('NFC');
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
