import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { setupSingleInstance, type FocusableWindow } from '../../electron/main/single-instance';

class FakeApp extends EventEmitter {
  constructor(private readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  quit = vi.fn();
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('setupSingleInstance', () => {
  it('quits and returns false when another instance holds the lock', () => {
    const app = new FakeApp(false);
    expect(setupSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running with the lock, and a second launch restores and focuses the window', () => {
    const app = new FakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(setupSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['fieldwork'], '/home');
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does not restore a window that is not minimised, and ignores a missing window', () => {
    const app = new FakeApp(true);
    const { window, calls } = fakeWindow(false);
    let current: FocusableWindow | null = null;
    setupSingleInstance(app, () => current);
    expect(() => app.emit('second-instance')).not.toThrow();
    current = window;
    app.emit('second-instance');
    expect(calls).toEqual(['show', 'focus']);
  });

  it("forwards a second launch's command line and working directory after focusing the window", () => {
    const app = new FakeApp(true);
    const { window, calls } = fakeWindow(false);
    const launches: [readonly string[], string][] = [];
    setupSingleInstance(
      app,
      () => window,
      (argv, cwd) => {
        calls.push('open');
        launches.push([argv, cwd]);
      },
    );
    app.emit('second-instance', {}, ['Fieldwork.exe', 'C:\\Users\\amy\\Acme.fieldwork'], 'C:\\Users\\amy');
    expect(launches).toEqual([[['Fieldwork.exe', 'C:\\Users\\amy\\Acme.fieldwork'], 'C:\\Users\\amy']]);
    expect(calls).toEqual(['show', 'focus', 'open']);
  });
});
