/**
 * Serves the built renderer (dist/renderer) over http on a free loopback port, with the same security
 * headers as app://fieldwork/ — Chromium cannot run the built page from file://.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { securityHeaders } from '../../shared/security/csp';
// The same content types as app://fieldwork/, so a type missing there fails here too.
import { contentTypeFor } from '../../electron/main/protocol/content-types';

export async function startStaticServer(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': contentTypeFor(file),
          ...securityHeaders(),
        });
        res.end(body);
      },
      () => res.writeHead(404, securityHeaders()).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
