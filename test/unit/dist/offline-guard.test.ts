// dist:check's offline guard (scripts/dist/offline-guard.mjs): every way Node code reaches the network is
// refused and recorded with its destination, and restore() puts the real functions back.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { forbidNetwork } from '../../../scripts/dist/offline-guard.mjs';

let guard: ReturnType<typeof forbidNetwork> | null = null;
afterEach(() => {
  guard?.restore();
  guard = null;
});

describe('forbidNetwork', () => {
  it('refuses and records http, https, tcp, tls and fetch with where they were going', async () => {
    const originalRequest = https.request;
    guard = forbidNetwork();
    expect(() => https.get('https://downloads.example/electron-v45.zip')).toThrow(
      /offline: https to https:\/\/downloads\.example/,
    );
    expect(() => http.request({ hostname: 'mirror.example', port: 8080, path: '/x' })).toThrow(/refused/);
    expect(() => net.connect(443, 'proxy.example')).toThrow(/refused/);
    expect(() => tls.connect({ host: 'tls.example', port: 443 })).toThrow(/refused/);
    await expect(fetch('https://api.example/v1')).rejects.toThrow(/refused/);
    expect(guard.attempts).toEqual([
      'https https://downloads.example/electron-v45.zip',
      'http mirror.example:8080',
      'tcp port 443 on proxy.example',
      'tls tls.example:443',
      'fetch https://api.example/v1',
    ]);
    guard.restore();
    guard = null;
    expect(https.request).toBe(originalRequest);
  });

  it('also catches code that imported the functions by name (ESM bindings)', async () => {
    guard = forbidNetwork();
    const { request } = await import('node:https');
    expect(() => request('https://late.example/')).toThrow(/refused/);
    expect(guard.attempts).toEqual(['https https://late.example/']);
  });
});
