/**
 * Opening links in the user's browser, safely.
 *
 * `shell.openExternal` hands its argument to the operating system, which will happily launch `file:`,
 * `smb:`, `ms-msdt:` or any registered protocol handler — a classic route from a renderer bug to code
 * execution. So only `https:` URLs are opened, only after parsing with the WHATWG `URL` parser (never string
 * matching), only without embedded credentials, and only the normalised `href` is passed on.
 */

/** Longest URL we hand to the OS (matches the IPC contract's limit). */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Unicode spaces, zero-width and direction marks, BOM (control characters are checked by code point). */
const INVISIBLE = /[\s\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/u;

/**
 * True when `text` holds whitespace, an invisible character or a C0/C1 control character. The URL parser
 * silently strips leading spaces and embedded tabs/newlines (`" https://x"`, `"https://ex\nample.com"`),
 * so what the user saw would not be what gets opened; we refuse such strings outright.
 */
export function hasHiddenCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return INVISIBLE.test(text);
}

/**
 * Parse `raw` as an https URL fit to open outside the app, or throw an Error saying why not.
 * Returns the parsed URL; callers should pass on `url.href`, not the raw string.
 */
export function parseExternalUrl(raw: unknown): URL {
  if (typeof raw !== 'string') throw new Error('The link is not a web address.');
  if (raw.length === 0) throw new Error('The link is empty.');
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) throw new Error('The link is too long to open.');
  if (hasHiddenCharacters(raw)) throw new Error('The link contains spaces or hidden characters.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('The link is not a valid web address.');
  }
  if (url.protocol !== 'https:') {
    throw new Error(`Only secure web links (https) can be opened; this one is "${url.protocol}".`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('Links containing a user name or password are not opened.');
  }
  if (url.hostname === '') throw new Error('The link has no host.');
  return url;
}

/**
 * Wrap the OS opener (`shell.openExternal`) so it can only ever receive a validated https URL.
 * The returned function rejects with a plain-words Error for anything else.
 */
export function createExternalLinkOpener(
  openExternal: (url: string) => Promise<void>,
): (raw: unknown) => Promise<void> {
  return async (raw) => {
    const url = parseExternalUrl(raw);
    await openExternal(url.href);
  };
}
