/**
 * The `app://fieldwork/` protocol that serves the built renderer in the packaged app.
 *
 * Why a custom scheme (architecture.md): IndexedDB is stored per origin, and the origin must never change
 * after the first release; `file://` breaks fetch and module scripts. The scheme is registered as standard
 * and secure so it gets an origin, IndexedDB and `fetch`.
 *
 * Why the guard is strict: the handler maps URLs to files on disk, so a crafted URL must never reach a file
 * outside the renderer folder. The URL is parsed (which resolves literal and `%2e` dot segments), then each
 * path segment is percent-decoded once and refused if it still carries anything path-like: `/`, `\`, NUL,
 * `%` (double encoding), `:` (drive letters, streams), `.`/`..`, or an empty segment. Finally the real path
 * (symlinks resolved) must lie inside the real root. Refusals answer 403; missing files 404.
 */
import type { Privileges } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from '../security/csp';
import { contentTypeFor } from './content-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldwork';
/** The renderer's origin. Never change it: users' IndexedDB data is keyed by it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged` (must run before `app` is ready). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: true,
} as const satisfies Privileges;

/** Why a request was refused: 403 for anything outside the allowed space, 404 for a missing file. */
export interface AppPathRefusal {
  ok: false;
  status: 403 | 404;
  reason: string;
}
export type ResolvedAppPath = { ok: true; filePath: string } | AppPathRefusal;
export type ParsedAppPath = { ok: true; segments: string[] } | AppPathRefusal;

const deny = (reason: string): AppPathRefusal => ({ ok: false, status: 403, reason });
const notFound = (reason: string): AppPathRefusal => ({ ok: false, status: 404, reason });

/** Characters that must never appear in a decoded path segment. */
const FORBIDDEN_IN_SEGMENT = /[/\\%:]/u;

/**
 * Validate the URL and return the relative path segments it names, or a refusal. Pure (no disk access).
 * `/` maps to `index.html`.
 */
export function parseAppRequestPath(requestUrl: string): ParsedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return deny('not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return deny('wrong scheme');
  if (url.host.toLowerCase() !== APP_HOST || url.username !== '' || url.password !== '')
    return deny('wrong host');
  if (url.pathname === '/' || url.pathname === '') return { ok: true, segments: ['index.html'] };
  const segments: string[] = [];
  for (const raw of url.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return deny('malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return deny('empty or dot segment');
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return deny('path-like character in segment');
    if ([...segment].some((char) => (char.codePointAt(0) ?? 0) < 0x20)) return deny('control character');
    segments.push(segment);
  }
  return { ok: true, segments };
}

/** True when `child` lies strictly inside `parent` (both absolute and normalised). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

/**
 * Map an `app://fieldwork/...` URL to a regular file inside `rootDir`, resolving symlinks, or refuse.
 * Resolves to 404 when the file does not exist or is not a regular file, 403 when the URL or the real path
 * is outside the allowed space.
 */
export async function resolveAppPath(rootDir: string, requestUrl: string): Promise<ResolvedAppPath> {
  const parsed = parseAppRequestPath(requestUrl);
  if (!parsed.ok) return parsed;
  const realRoot = await realpath(rootDir);
  const candidate = path.resolve(realRoot, ...parsed.segments);
  if (!isInside(realRoot, candidate)) return deny('outside root');
  let realCandidate: string;
  try {
    realCandidate = await realpath(candidate);
  } catch {
    return notFound('no such file');
  }
  if (!isInside(realRoot, realCandidate)) return deny('resolves outside root');
  const info = await stat(realCandidate);
  if (!info.isFile()) return notFound('not a file');
  return { ok: true, filePath: realCandidate };
}

function textResponse(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

/**
 * The handler for `protocol.handle('app', …)`: serves files under `rootDir` with the right content type and
 * the security headers (CSP included) on every response, errors too.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return textResponse(405, 'Method Not Allowed', { Allow: 'GET' });
    try {
      const resolved = await resolveAppPath(rootDir, request.url);
      if (!resolved.ok)
        return textResponse(resolved.status, resolved.status === 404 ? 'Not Found' : 'Forbidden');
      const bytes = await readFile(resolved.filePath);
      return new Response(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(resolved.filePath) },
      });
    } catch {
      return textResponse(500, 'Internal Server Error');
    }
  };
}
