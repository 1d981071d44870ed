/**
 * Source scans behind the security checklist (security-checklist.test.ts): the few places that may hand a URL
 * to the operating system or listen on IPC, no remote module, and no inline code in the page. They read the
 * code with the TypeScript parser (test/electron/source-scan.ts), so comments and strings do not count.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  callsNamed,
  codeFiles,
  enclosingCall,
  enclosingPropertyName,
  identifierUses,
  inlineCodeProblems,
  read,
  repoRoot,
} from './source-scan';

const MAIN = 'electron/main/index.ts';
/** Everything that runs as code: main, preload, UI, shared, command line, build scripts. */
const allCode = codeFiles(['electron', 'renderer', 'shared', 'cli', 'scripts', 'bin']);
/** Code that runs with Node's powers (where an `openExternal` call reaches the OS). */
const nodeSide = codeFiles(['electron', 'shared', 'cli', 'scripts', 'bin']);

describe('openExternal call sites (checklist item 15)', () => {
  it('shell.openExternal is called only in main/index.ts, each time behind the validating opener', () => {
    const sites = callsNamed(allCode, 'openExternal').filter((site) => site.callee === 'shell.openExternal');
    expect(sites.map((site) => site.file)).toEqual([MAIN, MAIN]);
    for (const site of sites) {
      const outer = enclosingCall(site.node)?.expression.getText();
      const property = enclosingPropertyName(site.node);
      // Either wrapped on the spot, or handed to createHandlers as `openExternal`, which wraps it (below).
      const wrapped =
        outer === 'createExternalLinkOpener' || (outer === 'createHandlers' && property === 'openExternal');
      expect(wrapped, `${site.file}:${site.line} ${site.node.getText()}`).toBe(true);
    }
  });

  it('every other openExternal( call on the Node side passes a URL the opener has already validated', () => {
    const sites = callsNamed(nodeSide, 'openExternal')
      .filter((site) => site.callee !== 'shell.openExternal')
      .map((site) => `${site.file} ${site.node.getText()}`);
    expect(sites).toEqual([
      // `openExternal` here is `createExternalLinkOpener(deps.openExternal)` (checked below).
      'electron/main/ipc/handlers.ts openExternal(url)',
      // The injected OS opener, called only after parseExternalUrl, with the normalised href.
      'electron/main/security/external-links.ts openExternal(url.href)',
      // The guard's opener is the validated one main passes in (checklist item 13 checks that wiring).
      'electron/main/security/navigation.ts openExternal(url)',
    ]);
    const handlers = read('electron/main/ipc/handlers.ts');
    expect(handlers).toContain('const openExternal = createExternalLinkOpener(deps.openExternal);');
    // …and the raw `deps.openExternal` is used nowhere else.
    expect(handlers.match(/\bdeps\.openExternal\b/g)).toHaveLength(1);
    expect(read('electron/main/security/external-links.ts')).toMatch(
      /const url = parseExternalUrl\(raw\);\s+await openExternal\(url\.href\);/,
    );
    expect(read(MAIN)).toContain(
      'const openExternal = createExternalLinkOpener((url) => shell.openExternal(url));',
    );
  });
});

describe('IPC listeners (checklist item 17)', () => {
  it('only the checking wrapper in ipc/register.ts listens on ipcMain', () => {
    const listening = ['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener'].flatMap(
      (name) => callsNamed(allCode, name).filter((site) => /^ipcMain\./.test(site.callee)),
    );
    expect(listening.map((site) => `${site.file} ${site.callee}`)).toEqual([
      'electron/main/ipc/register.ts ipcMain.handle',
    ]);
    // main imports ipcMain for one purpose: handing it to the wrapper.
    expect(identifierUses(MAIN, 'ipcMain')).toEqual(['import', 'argument of registerIpcHandlers']);
  });

  it('the preload talks to main only through invoke and named subscriptions (no sendSync, no raw send)', () => {
    const preload = codeFiles(['electron/preload']);
    for (const name of ['send', 'sendSync', 'sendToHost', 'postMessage']) {
      expect(
        callsNamed(preload, name).map((site) => site.callee),
        name,
      ).toEqual([]);
    }
  });
});

describe('no remote module', () => {
  it('neither @electron/remote nor enableRemoteModule nor electron.remote is used anywhere', () => {
    const pkg = read('package.json');
    expect(pkg).not.toContain('@electron/remote');
    for (const file of allCode) {
      const code = read(file);
      expect(code, file).not.toMatch(/@electron\/remote|enableRemoteModule/);
      expect(code, file).not.toMatch(/import\s*\{[^}]*\bremote\b[^}]*\}\s*from\s*['"]electron['"]/);
    }
  });
});

describe('no inline code in the page (CSP without unsafe-inline)', () => {
  const pages = ['renderer/index.html', 'dist/renderer/index.html'].filter((page) =>
    existsSync(path.join(repoRoot, page)),
  );

  it('the detector finds inline scripts, event handlers, javascript: URLs and inline styles', () => {
    const bad = [
      '<script>window.x = 1</script>',
      '<script type="module"></script>',
      '<img src="a.png" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<style>body{}</style>',
      '<div style="color:red"></div>',
    ];
    for (const html of bad) expect(inlineCodeProblems(html), html).not.toEqual([]);
    const good =
      '<script type="module" crossorigin src="./assets/index-B4w6r7zP.js"></script>' +
      '<link rel="stylesheet" crossorigin href="./assets/index.css"><div id="root"></div>';
    expect(inlineCodeProblems(good)).toEqual([]);
  });

  it.each(pages)('%s has no inline script, event handler or style, and loads only its own files', (page) => {
    const html = read(page);
    expect(inlineCodeProblems(html)).toEqual([]);
    const references = [...html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference, reference).toMatch(/^\.?\/?[\w./-]+$/);
  });
});
