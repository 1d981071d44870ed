/** File names the user's computer accepts, for the files Fieldwork suggests when saving. */

/**
 * Removes the characters Windows or macOS refuse in file names (and control characters), collapses spaces,
 * and keeps at most 150 characters: `Request list - Lumenfield Analytics, Inc. - 2026-11-22.xlsx`.
 */
export function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, 150);
}
