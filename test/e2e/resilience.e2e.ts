/** What an auditor sees when the local data cannot be used as is. */
import { describe, expect, it } from 'vitest';
import { createProfile, launch, useBrowserSessions } from './harness';

useBrowserSessions();

describe('local database problems', () => {
  it('explains data saved by a newer Fieldwork instead of failing silently, and changes nothing', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    await expect.poll(() => page.getByRole('heading', { name: 'No engagements yet' }).isVisible()).toBe(true);
    // Simulate a newer app version: bump the IndexedDB version far beyond this build's schema.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('fieldwork', 9999);
          req.onupgradeneeded = () => undefined;
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
          req.onblocked = () => undefined;
        }),
    );
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'This data is from a newer Fieldwork' }).isVisible())
      .toBe(true);
    await session.screenshot('10-newer-data');
    const profiles = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('fieldwork');
          req.onsuccess = () => {
            const tx = req.result.transaction('profiles', 'readonly');
            const count = tx.objectStore('profiles').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(profiles).toBe(1);
  });
});
