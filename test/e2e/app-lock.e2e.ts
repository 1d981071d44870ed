/**
 * The app lock as an auditor uses it, in Chromium with the real key derivation (Argon2id 64 MiB):
 * turning it on from the profile menu (the recovery key read from the screen, the data encrypted with
 * progress), the lock screen after a reload (wrong passphrase, then the right one), text typed but not yet
 * saved surviving Ctrl+L, the idle lock (Playwright's clock), the recovery key, a second profile without a
 * passphrase, and turning it off from the engagement list. The lock screen and the dialog pass axe.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, createProfile, launch, loadDemo, useBrowserSessions } from './harness';

useBrowserSessions();

const PASSPHRASE = 'quiet harbor lantern 42';
const NEW_PASSPHRASE = 'amber meadow signal 7';
const DEMO_ORG = 'Lumenfield Analytics, Inc.';
const LOCKED = { name: 'Fieldwork is locked' };

/** What IndexedDB holds for the engagements, read without Fieldwork (as a thief with the disk would). */
async function storedEngagements(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('fieldwork');
        req.onsuccess = () => {
          const all = req.result.transaction('engagements', 'readonly').objectStore('engagements').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(JSON.stringify(all.result));
          };
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

/** The stored drafts (localStorage), as text. */
async function storedDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('fieldwork.draft.'))
      .map((k) => localStorage.getItem(k) ?? ''),
  );
}

async function openLockSettingsFromMenu(page: Page) {
  await page.getByRole('button', { name: /Signed in as/ }).click();
  await page.getByRole('button', { name: 'App lock…' }).click();
  const dialog = page.getByRole('dialog', { name: 'App lock' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

async function unlockWith(page: Page, passphrase: string) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Types the passphrase twice and turns the lock on; returns the recovery key box once it shows. */
async function turnOnUntilRecoveryKey(dialog: Locator) {
  await dialog.getByLabel('New passphrase').fill(PASSPHRASE);
  await dialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Turn on the app lock' }).click();
  const keyBox = dialog.getByRole('status', { name: 'Recovery key', exact: true });
  await expect.poll(() => keyBox.isVisible(), { timeout: 30_000 }).toBe(true);
  return keyBox;
}

const isLocked = (page: Page) => page.getByRole('heading', LOCKED).isVisible();

describe('app lock', () => {
  it('locks the data at rest: on, lock screen, drafts kept, idle lock, recovery key, off', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López');
    await loadDemo(page);

    // ---- Turning it on ----------------------------------------------------------------------------
    let dialog = await openLockSettingsFromMenu(page);
    await expect.poll(() => dialog.getByText('Not protected by the app lock').isVisible()).toBe(true);
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await session.screenshot('lock-01-settings-off');
    const keyBox = await turnOnUntilRecoveryKey(dialog);
    const recoveryKey = (await keyBox.textContent()) ?? '';
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    // The key is shown once: going on (or closing) needs "stored safely" first.
    await dialog.getByRole('button', { name: 'Continue: encrypt the data' }).click();
    await expect.poll(() => dialog.getByText('Store the recovery key first').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await session.screenshot('lock-02-recovery-key');
    await dialog.getByLabel('I have stored the recovery key safely').check();
    await dialog.getByRole('button', { name: 'Continue: encrypt the data' }).click();
    await expect
      .poll(
        () =>
          dialog
            .getByText(/The app lock is on: Fieldwork’s data on this computer is stored encrypted/)
            .isVisible(),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    await session.screenshot('lock-03-encrypted');
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    // What is on disk no longer shows the client's name.
    const stored = await storedEngagements(page);
    expect(stored).toContain('$sealed');
    expect(stored).not.toContain('Lumenfield');

    // ---- A second profile without a passphrase is offered one (skippable) -------------------------
    await page.getByRole('button', { name: /Signed in as Ana López/ }).click();
    await page.getByRole('button', { name: 'Add a profile…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a profile' });
    await add.getByLabel('Full name').fill('Ben Okafor');
    await add.getByLabel('Role').selectOption({ label: 'Manager' });
    await add.getByRole('button', { name: 'Create profile' }).click();
    const offer = page.getByRole('dialog', { name: 'Set a passphrase for Ben Okafor?' });
    await expect.poll(() => offer.isVisible()).toBe(true);
    await offer.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => offer.isVisible()).toBe(false);
    // Back to Ana: with the lock on, her passphrase is asked (a wrong one is refused).
    await page.getByRole('button', { name: /Signed in as Ben Okafor/ }).click();
    await page.getByRole('button', { name: 'Ana López', exact: true }).click();
    const switchDialog = page.getByRole('dialog', { name: 'Sign in as Ana López' });
    await expect.poll(() => switchDialog.isVisible()).toBe(true);
    await switchDialog.getByLabel('Passphrase of Ana López').fill('not her passphrase');
    await switchDialog.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => switchDialog.getByText('The passphrase is wrong.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await switchDialog.getByLabel('Passphrase of Ana López').fill(PASSPHRASE);
    await switchDialog.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => switchDialog.isVisible(), { timeout: 15_000 }).toBe(false);
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);

    // The settings while on pass axe too.
    dialog = await openLockSettingsFromMenu(page);
    await expect
      .poll(() => dialog.getByText('Fieldwork’s data on this computer is stored encrypted.').isVisible())
      .toBe(true);
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await session.screenshot('lock-04-settings-on');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // ---- Reload: the lock screen ------------------------------------------------------------------
    // The fake clock (for the idle lock below) must be in place before the page loads.
    await page.clock.install();
    await page.reload();
    await expect.poll(() => isLocked(page), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('radio', { name: /Ana López/ }).isChecked()).toBe(true);
    expect(await page.getByText('no passphrase yet').isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('current-password');
    expect(await axeViolations(page)).toEqual([]);
    await session.screenshot('lock-05-lock-screen');
    // Ben has no passphrase: the screen says what to do instead of asking for one.
    await page.getByRole('radio', { name: /Ben Okafor/ }).check();
    await expect
      .poll(() => page.getByText(/Ben Okafor has no passphrase for the app lock yet/).isVisible())
      .toBe(true);
    await page.getByRole('radio', { name: /Ana López/ }).check();

    await unlockWith(page, 'quiet harbor lantern 41');
    await expect
      .poll(() => page.getByText('The passphrase is wrong.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The wrong passphrase is selected in its field, so typing replaces it.
    const selection = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement
          ? {
              label: el.labels?.[0]?.textContent,
              start: el.selectionStart,
              end: el.selectionEnd,
              length: el.value.length,
            }
          : null;
      });
    await expect.poll(selection).toEqual({ label: 'Passphrase', start: 0, end: 23, length: 23 });
    expect(await axeViolations(page)).toEqual([]);
    await session.screenshot('lock-06-wrong-passphrase');
    await unlockWith(page, PASSPHRASE);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await page.getByText(DEMO_ORG).first().isVisible()).toBe(true);

    // ---- Typing, then Ctrl+L before the save: the text survives ------------------------------------
    const notes = page.getByLabel('Notes', { exact: true });
    const typed = 'Typed just before locking: walkthrough with the CISO moved to Thursday.';
    await notes.fill(typed);
    await page.keyboard.press('Control+L');
    await expect.poll(() => isLocked(page)).toBe(true);
    const drafts = await storedDrafts(page);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(draft.startsWith('sealed-v1:')).toBe(true);
      expect(draft).not.toContain('CISO');
    }
    await unlockWith(page, PASSPHRASE);
    await expect.poll(() => notes.inputValue(), { timeout: 15_000 }).toBe(typed);
    await expect.poll(() => page.getByText('All changes saved').isVisible(), { timeout: 15_000 }).toBe(true);

    // ---- The idle lock ----------------------------------------------------------------------------
    dialog = await openLockSettingsFromMenu(page);
    await dialog.getByLabel('Lock after (minutes without use)').fill('1');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('App lock settings saved.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.clock.fastForward(30_000);
    expect(await isLocked(page)).toBe(false);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 310);
    await page.clock.fastForward(45_000); // 75 s since the setting, 45 s since the mouse moved
    expect(await isLocked(page)).toBe(false);
    await page.clock.fastForward(20_000);
    await expect.poll(() => isLocked(page)).toBe(true);

    // ---- The recovery key -------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Use the recovery key' }).click();
    await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await session.screenshot('lock-07-recovery-key-unlock');
    await page.getByRole('button', { name: 'Unlock' }).click();
    dialog = page.getByRole('dialog', { name: 'App lock' });
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await dialog.getByText(/You unlocked with the recovery key/).isVisible()).toBe(true);
    await session.screenshot('lock-09-recovered');
    // A forgotten passphrase: a new one without the old, then a new recovery key (the old may be exposed).
    await dialog.getByLabel('New passphrase').fill(NEW_PASSPHRASE);
    await dialog.getByLabel('Repeat the passphrase').fill(NEW_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Change passphrase', exact: true }).click();
    await expect
      .poll(() => page.getByText('The passphrase for Ana López is set.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await dialog.getByRole('button', { name: 'New recovery key…' }).click();
    await dialog.getByRole('button', { name: 'Create new key' }).click();
    const newKeyBox = dialog.getByRole('status', { name: 'Recovery key', exact: true });
    await expect.poll(() => newKeyBox.isVisible(), { timeout: 15_000 }).toBe(true);
    const newKey = (await newKeyBox.textContent()) ?? '';
    expect(newKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(newKey).not.toBe(recoveryKey);
    await dialog.getByLabel('I have stored the recovery key safely').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'New recovery key…' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    // The old passphrase no longer opens Fieldwork; the new one does.
    await page.keyboard.press('Control+L');
    await expect.poll(() => isLocked(page)).toBe(true);
    await unlockWith(page, PASSPHRASE);
    await expect
      .poll(() => page.getByText('The passphrase is wrong.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await unlockWith(page, NEW_PASSPHRASE);
    await expect.poll(() => isLocked(page), { timeout: 15_000 }).toBe(false);

    // ---- Turning it off (from the engagement list) ------------------------------------------------
    await page.getByRole('link', { name: 'Engagements', exact: true }).click();
    await page.getByRole('button', { name: 'App lock…' }).click();
    dialog = page.getByRole('dialog', { name: 'App lock' });
    await dialog.getByRole('button', { name: 'Turn off the app lock…' }).click();
    await dialog.getByLabel('Your passphrase').fill('not it at all');
    await dialog.getByRole('button', { name: 'Turn off the app lock' }).click();
    await expect
      .poll(() => dialog.getByText('The passphrase is wrong.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await dialog.getByLabel('Your passphrase').fill(NEW_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Turn off the app lock' }).click();
    await expect
      .poll(
        () =>
          dialog
            .getByText(/The app lock is off: the data on this computer is stored unencrypted/)
            .isVisible(),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    expect(await storedEngagements(page)).not.toContain('$sealed');
    expect((await storedDrafts(page)).every((d) => !d.startsWith('sealed-v1:'))).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByText(DEMO_ORG).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await isLocked(page)).toBe(false);
    expect(session.problems).toEqual([]);
  }, 240_000);

  it('an encryption interrupted by closing Fieldwork resumes after the next unlock, before the app opens', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López');
    await loadDemo(page);
    const dialog = await openLockSettingsFromMenu(page);
    await turnOnUntilRecoveryKey(dialog);
    // Closed before the data was encrypted: the lock is on, the records are still stored in plain.
    expect(await storedEngagements(page)).toContain('Lumenfield');
    await page.reload();
    await expect.poll(() => isLocked(page), { timeout: 15_000 }).toBe(true);
    const resuming = page.getByRole('heading', { name: 'Encrypting your data' }).waitFor({ timeout: 30_000 });
    await unlockWith(page, PASSPHRASE);
    await resuming;
    await session.screenshot('lock-08-resuming');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const stored = await storedEngagements(page);
    expect(stored).toContain('$sealed');
    expect(stored).not.toContain('Lumenfield');
    // The recovery key was never confirmed as stored: the settings open and say so.
    const settings = page.getByRole('dialog', { name: 'App lock' });
    await expect
      .poll(() => settings.getByText(/never confirmed as stored/).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(session.problems).toEqual([]);
  }, 120_000);

  it('another tab follows: it shows the lock screen when the lock is turned on, and locks with this one', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López');
    await loadDemo(page);
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect.poll(() => other.getByText(DEMO_ORG).first().isVisible(), { timeout: 15_000 }).toBe(true);

    const dialog = await openLockSettingsFromMenu(page);
    await turnOnUntilRecoveryKey(dialog);
    // The other tab reloads into the lock screen instead of failing on records it can no longer read.
    await expect.poll(() => isLocked(other), { timeout: 15_000 }).toBe(true);
    expect(await other.getByText('could not be shown').count()).toBe(0);
    await dialog.getByLabel('I have stored the recovery key safely').check();
    await dialog.getByRole('button', { name: 'Continue: encrypt the data' }).click();
    await expect
      .poll(() => dialog.getByText(/The app lock is on/).isVisible(), { timeout: 60_000 })
      .toBe(true);
    await page.keyboard.press('Escape');

    await unlockWith(other, PASSPHRASE);
    await expect
      .poll(() => other.getByRole('heading', { name: 'Overview' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    // Ctrl+L in the first tab locks the other one too.
    await page.keyboard.press('Control+l');
    await expect.poll(() => isLocked(page), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => isLocked(other), { timeout: 15_000 }).toBe(true);
    await other.close();
  }, 180_000);
});
