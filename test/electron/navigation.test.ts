import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  attachNavigationGuards,
  handleWindowOpen,
  isHttpsUrl,
  type GuardableWebContents,
} from '../../electron/main/security/navigation';

/** Stands in for Electron's webContents (Electron cannot run here): an EventEmitter plus the open handler. */
class FakeWebContents extends EventEmitter implements GuardableWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function preventable() {
  return {
    defaultPrevented: false,
    preventDefault(this: { defaultPrevented: boolean }) {
      this.defaultPrevented = true;
    },
  };
}

function setup() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const openExternal = vi.fn(async (url: string) => {
    opened.push(url);
  });
  const log = vi.fn();
  attachNavigationGuards(contents, openExternal, log);
  return { contents, opened, openExternal, log };
}

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s is prevented for every URL',
    (name) => {
      const { contents } = setup();
      for (const url of ['https://evil.example/', 'app://fieldwork/other.html', 'file:///etc/passwd']) {
        const event = preventable();
        contents.emit(name, event, url);
        expect(event.defaultPrevented).toBe(true);
      }
    },
  );

  it('prevents attaching a <webview>', () => {
    const { contents } = setup();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens https links externally', async () => {
    const { contents, opened } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://example.com/help']);
  });

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://fieldwork/x',
    'not a url',
  ])('denies %s without opening anything', async (url) => {
    const { contents, openExternal, log } = setup();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('logs (and does not throw) when the opener rejects', async () => {
    const log = vi.fn();
    const result = handleWindowOpen(
      'https://user:pw@example.com',
      () => Promise.reject(new Error('nope')),
      log,
    );
    expect(result).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('nope'));
  });

  it('isHttpsUrl parses instead of matching text', () => {
    expect(isHttpsUrl('https://example.com')).toBe(true);
    expect(isHttpsUrl('HTTPS://EXAMPLE.COM')).toBe(true);
    expect(isHttpsUrl('javascript:"https://"')).toBe(false);
    expect(isHttpsUrl('https//example.com')).toBe(false);
  });
});
