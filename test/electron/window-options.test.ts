import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/window-options';

describe('createWindowOptions', () => {
  const production = createWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isDev: false });
  const web = production.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['spellcheck', true],
    ['safeDialogs', true],
  ] as const)('sets webPreferences.%s to %s explicitly', (flag, value) => {
    expect(web[flag]).toBe(value);
  });

  it('uses the given preload', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('allows DevTools only in development', () => {
    expect(web.devTools).toBe(false);
    const dev = createWindowOptions({ preloadPath: '/p.cjs', isDev: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
  });

  it('opens hidden with a sensible size, title and background', () => {
    expect(production).toMatchObject({
      width: 1366,
      height: 860,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Fieldwork',
    });
    expect(production.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
