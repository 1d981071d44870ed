import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  parseAppRequestPath,
  resolveAppPath,
} from '../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';

const SECRET = 'TOP-SECRET-CLIENT-DATA';
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fieldwork-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Fieldwork</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  await symlink(base, path.join(root, 'up'));
  handler = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function get(url: string, method = 'GET') {
  const response = await handler(new Request(url, { method }));
  return { response, text: await response.text() };
}

describe('app:// protocol', () => {
  it('registers the scheme as standard and secure with fetch, without service workers or CORS', () => {
    expect(APP_ORIGIN).toBe('app://fieldwork');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      allowServiceWorkers: false,
      bypassCSP: false,
      stream: true,
    });
  });

  it.each([
    ['app://fieldwork/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://fieldwork/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://fieldwork/assets/app.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://fieldwork/assets/app.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://fieldwork/assets/app.css', 'text/css; charset=utf-8', 'body'],
    ['app://fieldwork/assets/font.woff2', 'font/woff2', 'wOF2'],
  ])('serves %s as %s with the security headers', async (url, type, start) => {
    const { response, text } = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(text.startsWith(start)).toBe(true);
  });

  it('answers 404 for a missing file and for a folder, with the security headers', async () => {
    for (const url of ['app://fieldwork/missing.js', 'app://fieldwork/assets']) {
      const { response } = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each([
    'app://fieldwork/../secret.txt',
    'app://fieldwork/assets/../../secret.txt',
    'app://fieldwork/%2e%2e/secret.txt',
    'app://fieldwork/%2E%2E%2Fsecret.txt',
    'app://fieldwork/..%2fsecret.txt',
    'app://fieldwork/assets/..%2F..%2Fsecret.txt',
    'app://fieldwork/%252e%252e/secret.txt',
    'app://fieldwork/%252e%252e%252fsecret.txt',
    'app://fieldwork/..\\secret.txt',
    'app://fieldwork/assets\\..\\..\\secret.txt',
    'app://fieldwork/..%5csecret.txt',
    'app://fieldwork/%5c..%5csecret.txt',
    'app://fieldwork/secret.txt%00.html',
    'app://fieldwork/index.html%00',
    'app://fieldwork/%',
    'app://fieldwork//secret.txt',
    'app://fieldwork/%2Fetc%2Fpasswd',
    'app://fieldwork/C:%5Cwindows%5Cwin.ini',
    'app://fieldwork/assets/leak.txt',
    'app://fieldwork/up/secret.txt',
    'app://evil/index.html',
    'app://fieldwork.evil/index.html',
    'app://fieldwork:8080/index.html',
    'file:///etc/passwd',
    'https://fieldwork/index.html',
  ])('refuses %s and never leaks the secret', async (url) => {
    const { response, text } = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(text).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('gives 403 (not 404) for traversal attempts that survive URL parsing, and symlinks out of root', async () => {
    for (const url of [
      'app://fieldwork/..%2fsecret.txt',
      'app://fieldwork/%252e%252e/secret.txt',
      'app://fieldwork/..\\secret.txt',
      'app://fieldwork/a%00b',
      'app://fieldwork/assets/leak.txt',
      'app://fieldwork/up/secret.txt',
      'app://evil/index.html',
    ]) {
      expect((await get(url)).response.status, url).toBe(403);
    }
  });

  it('refuses the secret by its absolute path, encoded into one segment', async () => {
    const { response, text } = await get(
      `app://fieldwork/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    );
    expect(response.status).toBe(403);
    expect(text).not.toContain(SECRET);
  });

  it('answers 405 for anything but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { response } = await get('app://fieldwork/index.html', method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('resolveAppPath maps / to index.html inside the real root', async () => {
    const resolved = await resolveAppPath(root, 'app://fieldwork/');
    expect(resolved).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(parseAppRequestPath('app://FIELDWORK/assets/app.js')).toEqual({
      ok: true,
      segments: ['assets', 'app.js'],
    });
    // Request refuses to construct such a URL, but the guard must not rely on that.
    expect(parseAppRequestPath('app://user:pw@fieldwork/index.html')).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(parseAppRequestPath('not a url')).toMatchObject({ ok: false, status: 403 });
  });
});
