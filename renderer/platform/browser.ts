/**
 * The plain-browser host (browser mode and end-to-end tests): files are saved as downloads and opened
 * through a file input. There is no application menu.
 */
import type { FileFilter } from '@shared/ipc';
import type { Platform } from './types';

const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? 'dev';

function acceptFor(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
}

/** "Chromium 156", "Firefox 140"… from the user-agent string, for the About dialog. */
export function browserName(userAgent: string): string {
  const match =
    /(Edg|Firefox|OPR)\/(\d+)/.exec(userAgent) ??
    /(HeadlessChrome|Chrome|Chromium)\/(\d+)/.exec(userAgent) ??
    /Version\/(\d+).*(Safari)/.exec(userAgent);
  if (!match) return 'a web browser';
  const names: Record<string, string> = {
    Edg: 'Edge',
    OPR: 'Opera',
    HeadlessChrome: 'Chromium (headless)',
    Chrome: 'Chrome',
  };
  if (match[2] === 'Safari') return `Safari ${match[1] ?? ''}`;
  const name = match[1] ?? '';
  return `${names[name] ?? name} ${match[2] ?? ''}`;
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async info() {
      return {
        kind: 'browser',
        version: APP_VERSION,
        details: `Browser mode · ${browserName(navigator.userAgent)}`,
      };
    },
    async saveFile(suggestedName, bytes) {
      const url = URL.createObjectURL(new Blob([bytes.slice()]));
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = suggestedName;
        a.rel = 'noopener';
        document.body.append(a);
        a.click();
        a.remove();
      } finally {
        // Give the browser time to start the download before the URL goes away.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      return { location: suggestedName, name: suggestedName, canReveal: false };
    },
    openFile(filters = []) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptFor(filters);
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          file
            .arrayBuffer()
            .then((buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }))
            .catch(() =>
              reject(new Error(`Could not read “${file.name}”. Check that the file is not open elsewhere.`)),
            );
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      });
    },
    async revealFile() {
      throw new Error('Showing files in their folder needs the desktop app.');
    },
    async openExternal(url) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:') throw new Error('Only https links can be opened.');
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    onMenuCommand() {
      return () => undefined;
    },
  };
}
