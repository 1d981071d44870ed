// Makes this Node process refuse every network connection, for `npm run dist:check`: electron-builder
// downloads Electron, its icon tool and packaging tools on demand, and on the build machines (and in CI on
// a clean clone) such a download must fail the check with the address it wanted, not hang or pass by luck.
// Covers http(s).request/get, net/tls connections (which every Node client ends up in) and fetch; child
// processes are not covered (electron-builder starts none for the Linux dir target).
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

/** Where a request was going, from the arguments of request()/connect()/fetch(). */
function describeTarget(first, second) {
  if (typeof first === 'string' || first instanceof URL) return String(first);
  if (first && typeof first === 'object' && 'url' in first && typeof first.url === 'string') return first.url;
  if (typeof first === 'number') return `port ${first}${typeof second === 'string' ? ` on ${second}` : ''}`;
  const options =
    first && typeof first === 'object' ? first : second && typeof second === 'object' ? second : {};
  const host = options.hostname ?? options.host ?? options.path ?? 'an unknown address';
  return `${host}${options.port ? `:${options.port}` : ''}`;
}

/**
 * Replaces the network entry points with functions that record the attempt and throw. Install it before
 * loading the code to guard (modules that copied a function at load time keep the original). Returns the
 * list of attempts ("https https://host/path") and `restore()`.
 */
export function forbidNetwork() {
  const attempts = [];
  const refuse = (kind) => (first, second) => {
    const target = describeTarget(first, second);
    attempts.push(`${kind} ${target}`);
    throw new Error(`offline: ${kind} to ${target} refused`);
  };
  const saved = [
    [http, 'request'],
    [http, 'get'],
    [https, 'request'],
    [https, 'get'],
    [net, 'connect'],
    [net, 'createConnection'],
    [tls, 'connect'],
    [globalThis, 'fetch'],
  ].map(([owner, name]) => [owner, name, owner[name]]);
  http.request = http.get = refuse('http');
  https.request = https.get = refuse('https');
  net.connect = net.createConnection = refuse('tcp');
  tls.connect = refuse('tls');
  globalThis.fetch = async (input) => refuse('fetch')(input);
  // `import { request } from 'node:https'` bindings follow the patched functions only after this.
  syncBuiltinESMExports();
  return {
    attempts,
    restore() {
      for (const [owner, name, original] of saved) owner[name] = original;
      syncBuiltinESMExports();
    },
  };
}
