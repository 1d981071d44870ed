import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  securityHeaders,
  withSecurityHeaders,
} from '../../electron/main/security/csp';
import * as shared from '../../shared/security/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  it('is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('is the same string the web server imports from shared/', () => {
    expect(shared.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
    expect(shared.securityHeaders()).toEqual(securityHeaders());
  });

  it('has no unsafe sources and no remote hosts; WebAssembly may compile, JavaScript may not be eval-ed', () => {
    const policy = CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '');
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
    expect(directives(CONTENT_SECURITY_POLICY).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('securityHeaders carries CSP, nosniff, no-referrer and COOP, and is a fresh copy', () => {
    const headers = securityHeaders();
    expect(headers).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    (headers as Record<string, string>)['X-Extra'] = '1';
    expect(securityHeaders()).not.toHaveProperty('X-Extra');
  });

  it('dev policy adds only the dev server, its socket and inline code', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173/'));
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]);
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(dev.get('frame-ancestors')).toEqual(["'none'"]);
    expect(() => devContentSecurityPolicy('file:///x')).toThrow(/http/);
  });

  it('withSecurityHeaders replaces a server CSP (any case) and keeps other headers', () => {
    const merged = withSecurityHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
      'x-frame-options': 'DENY',
    });
    expect(merged['content-security-policy']).toBeUndefined();
    expect(merged['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(merged['Content-Type']).toEqual(['text/html']);
    expect(merged['x-frame-options']).toEqual(['DENY']);
    expect(merged['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});
