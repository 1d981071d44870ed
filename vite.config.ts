import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './shared/security/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Builds the renderer into dist/renderer; the same build runs under app://fieldwork/ (Electron) and http (browser mode). */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
  server: { port: 5173, strictPort: true },
  // Browser mode and the end-to-end tests serve the built UI with the same strict CSP as app://fieldwork/.
  preview: { port: 4173, strictPort: false, headers: securityHeaders() },
});
