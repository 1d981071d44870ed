/**
 * Who may call the main process.
 *
 * Only our own UI may use IPC: the `app://fieldwork` origin in production, plus the exact dev-server origin
 * when developing. A frame that navigated elsewhere, an injected iframe or a `file://` page must get nothing.
 * URLs are parsed and compared as scheme + host (Node reports the origin of non-special schemes such as
 * `app:` as "null", so `URL.origin` cannot be used for `app://`); string prefixes are never compared.
 */
import { APP_ORIGIN } from '../protocol/app-protocol';

/** `scheme://host[:port]` of a URL, or null when it has no host, carries credentials or does not parse. */
export function originOf(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    if (url.host === '' || url.username !== '' || url.password !== '') return null;
    return `${url.protocol}//${url.host.toLowerCase()}`;
  } catch {
    return null;
  }
}

export interface TrustedSenderOptions {
  /** The Vite dev server URL (e.g. `http://localhost:5173`), only when running unpackaged. */
  devServerUrl?: string | undefined;
}

/** Build the `isTrustedSender(frameUrl)` predicate used by `registerIpcHandlers`. */
export function createSenderCheck({ devServerUrl }: TrustedSenderOptions = {}): (
  frameUrl: string,
) => boolean {
  const trusted = new Set<string>([APP_ORIGIN]);
  if (devServerUrl !== undefined && devServerUrl !== '') {
    const devOrigin = originOf(devServerUrl);
    if (devOrigin === null) throw new Error(`Not a valid dev server URL: ${devServerUrl}`);
    trusted.add(devOrigin);
  }
  return (frameUrl) => {
    const origin = originOf(frameUrl);
    return origin !== null && trusted.has(origin);
  };
}
