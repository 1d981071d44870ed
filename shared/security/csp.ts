/**
 * The one Content-Security-Policy of Fieldwork, as plain data.
 *
 * Why here and why so plain: the same policy must be sent by the Electron `app://` protocol handler, by the
 * session header hook, and by the static web server used for browser-mode end-to-end tests
 * (`scripts/serve-web.mjs`). This file has no imports and no TypeScript-only syntax (it is valid JavaScript
 * as written; types are inferred), so any of those can load it — through esbuild, or even by reading the
 * text — and the policies cannot drift apart.
 *
 * The policy allows nothing by default, then only same-origin code, styles, fonts and fetches; images and
 * workers may also come from `data:`/`blob:` URLs the app creates itself (evidence previews, export workers).
 * No inline script, no eval, no frames, no forms posting anywhere, no remote hosts.
 */

/** Directive name -> sources, in the order they are written into the header. */
export const CSP_DIRECTIVES = Object.freeze({
  'default-src': Object.freeze(["'none'"]),
  // WebAssembly only (SHA-256 of evidence, PDF preview decoders); never eval of JavaScript.
  'script-src': Object.freeze(["'self'", "'wasm-unsafe-eval'"]),
  'style-src': Object.freeze(["'self'"]),
  'img-src': Object.freeze(["'self'", 'data:', 'blob:']),
  'font-src': Object.freeze(["'self'"]),
  'connect-src': Object.freeze(["'self'"]),
  'worker-src': Object.freeze(["'self'", 'blob:']),
  'manifest-src': Object.freeze(["'self'"]),
  'object-src': Object.freeze(["'none'"]),
  'base-uri': Object.freeze(["'none'"]),
  'form-action': Object.freeze(["'none'"]),
  'frame-ancestors': Object.freeze(["'none'"]),
});

/** The strict production policy, ready to send as the `Content-Security-Policy` header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => [name, ...sources].join(' '))
  .join('; ');

/** Every response that carries the UI gets these headers (protocol handler, web server, dev session hook). */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** A fresh, mutable copy of {@link SECURITY_HEADERS}, so callers may add e.g. `Content-Type`. */
export function securityHeaders() {
  return { ...SECURITY_HEADERS };
}
