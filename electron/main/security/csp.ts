/**
 * Content-Security-Policy for the main process.
 *
 * The strict policy itself lives in `shared/security/csp.ts` so the browser-mode web server sends the very
 * same string; this module re-exports it and adds the one thing only Electron needs: a development variant
 * for the Vite dev server. Vite injects an inline React-refresh preamble, inserts `<style>` elements from
 * JavaScript and talks to its server over a WebSocket; the strict policy would blank the dev window. The
 * variant is used only when `!app.isPackaged` and a dev-server URL was given, never for `app://`.
 */
import {
  CSP_DIRECTIVES,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  securityHeaders,
} from '../../../shared/security/csp';

export { CSP_DIRECTIVES, CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeaders };

/** Serialise directives into a header value: `name src src; name src; …`. */
export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The policy for the Vite dev server at `devServerUrl` (e.g. `http://localhost:5173`): the strict policy plus
 * inline scripts/styles and the dev server's own origin and WebSocket for hot reload. Nothing else is opened.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new Error(`The dev server URL must be http(s), got "${origin.protocol}"`);
  }
  const socket = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return serializeCsp({
    ...CSP_DIRECTIVES,
    'script-src': [...CSP_DIRECTIVES['script-src'], "'unsafe-inline'"],
    'style-src': [...CSP_DIRECTIVES['style-src'], "'unsafe-inline'"],
    'connect-src': [...CSP_DIRECTIVES['connect-src'], origin.origin, socket],
  });
}

/**
 * Headers to merge into every response of the session (Electron's `onHeadersReceived` shape: lowercase-insensitive
 * names mapped to arrays). Existing CSP headers from the server are replaced, not combined, so a permissive
 * server header can never widen ours.
 */
export function withSecurityHeaders(
  responseHeaders: Readonly<Record<string, string | string[]>> | undefined,
  csp: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const ours: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Security-Policy': csp };
  const oursLower = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const merged: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(responseHeaders ?? {})) {
    if (!oursLower.has(name.toLowerCase())) merged[name] = Array.isArray(value) ? [...value] : [value];
  }
  for (const [name, value] of Object.entries(ours)) merged[name] = [value];
  return merged;
}
