/**
 * Two auditors, two browser profiles (each its own IndexedDB): an encrypted engagement file goes from the
 * first to the second, both change the engagement (the same field differently, and another field) and one
 * deletes an interview the other edits, the second sends a file back, and the first merges it, resolving
 * the two conflicts — the edits arrive and the audit trail still verifies. Also: a wrong passphrase is
 * refused and can be retried, focus stays in the dialog, the new screens pass the axe checks, and a backup
 * restores on a computer with no profile yet (the first-run screen).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, createProfile, launch, loadDemo, useBrowserSessions } from './harness';

useBrowserSessions();

const PASSPHRASE = 'orange lantern seventeen';
/** Two lines: a long text, so "Both" is offered for the notes. */
const BEN_NOTES = 'Ben: population for CC6.2 still missing.\nAsk the client for it by Friday.';

/** Saves the open engagement as an encrypted engagement file from the Share & merge page; returns its path. */
async function saveEncrypted(page: Page, path: string): Promise<string> {
  await page.getByRole('link', { name: 'Share & merge' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save engagement file…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.fieldwork$/);
  await file.saveAs(path);
  await expect.poll(() => page.getByText(/Encrypted engagement file saved to/).isVisible()).toBe(true);
  return path;
}

/** Picks `path` in the file chooser that clicking `button` opens. */
async function chooseFile(page: Page, button: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).first().click();
  await (await chooser).setFiles(path);
}

async function enterPassphrase(page: Page, passphrase: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Open the file' }).click();
}

/** Whether keyboard focus is inside the open dialog (not dropped to the page). */
async function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
}

/** Opens the demo's interview with the CISO in its editor. */
async function openCisoInterview(page: Page) {
  await page.getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('row', { name: /Access management with the CISO/ }).click();
  const editor = page.getByRole('complementary', { name: /Interview/ });
  await expect.poll(() => editor.getByLabel('Place').isVisible()).toBe(true);
  return editor;
}

/** Types into an Overview field and waits for the autosave. */
async function editOverview(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label).fill(value);
  await expect.poll(() => page.getByText('All changes saved').isVisible(), { timeout: 15_000 }).toBe(true);
}

describe('engagement files between two auditors', () => {
  it('exchanges an encrypted file, edits on both sides, merges back with two conflicts resolved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-exchange-'));

    // Ana loads the demo and saves it as an encrypted engagement file.
    const ana = await launch();
    await createProfile(ana.page, 'Ana López');
    await loadDemo(ana.page);
    await ana.page.getByRole('link', { name: 'Share & merge' }).click();
    await expect.poll(() => ana.page.getByRole('heading', { name: 'Share & merge' }).isVisible()).toBe(true);
    expect(await axeViolations(ana.page)).toEqual([]);
    const first = await saveEncrypted(ana.page, join(dir, 'from-ana.fieldwork'));
    await ana.screenshot('exchange-01-share-saved');

    // Ben, on another computer (profile), opens it: a wrong passphrase is refused, the right one verifies.
    const ben = await launch();
    await createProfile(ben.page, 'Ben Ortiz');
    await chooseFile(ben.page, 'Open engagement file…', first);
    const benDialog = ben.page.getByRole('dialog', { name: 'Open engagement file' });
    await expect.poll(() => benDialog.getByLabel('Passphrase').isVisible(), { timeout: 20_000 }).toBe(true);
    await enterPassphrase(ben.page, 'not the passphrase');
    await expect
      .poll(() => benDialog.getByText('The passphrase is wrong or the file was changed.').isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await enterPassphrase(ben.page, PASSPHRASE);
    await expect
      .poll(() => benDialog.getByText('New engagement: it will be added.').isVisible(), { timeout: 60_000 })
      .toBe(true);
    expect(await focusInDialog(ben.page)).toBe(true);
    expect(await benDialog.getByText('Engagement file, encrypted').isVisible()).toBe(true);
    expect(await benDialog.getByText(/Ana López on/).isVisible()).toBe(true);
    expect(await axeViolations(ben.page, 'dialog')).toEqual([]);
    await ben.screenshot('exchange-02-import-preview');
    await benDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => benDialog.getByText('Done.').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => ben.page.evaluate(() => document.activeElement?.textContent)).toBe('Done.');
    expect(await benDialog.getByRole('listitem').first().textContent()).toMatch(/\S: added$/);
    await benDialog.getByRole('button', { name: /Lumenfield Analytics/ }).click();
    await expect.poll(() => ben.page.getByRole('heading', { name: 'Overview' }).isVisible()).toBe(true);

    // Both change the engagement's notes, differently; Ben also changes the engagement partner. Ana deletes
    // the interview with the CISO, which Ben edits.
    const anaInterview = await openCisoInterview(ana.page);
    await anaInterview.getByRole('button', { name: 'Delete…' }).click();
    await ana.page
      .getByRole('dialog')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect
      .poll(() => ana.page.getByRole('row', { name: /Access management with the CISO/ }).count())
      .toBe(0);
    const benInterview = await openCisoInterview(ben.page);
    await benInterview.getByLabel('Place').fill('Video call');
    await benInterview.getByLabel('Topics').click();
    await expect.poll(() => benInterview.getByText('All changes saved').isVisible()).toBe(true);
    await ana.page.getByRole('link', { name: 'Overview' }).click();
    await editOverview(ana.page, 'Notes', 'Ana: walkthroughs done on site, week 2.');
    await ben.page.getByRole('link', { name: 'Overview' }).click();
    await editOverview(ben.page, 'Notes', BEN_NOTES);
    await editOverview(ben.page, 'Engagement partner', 'Morgan Reyes, CPA');

    // Ben sends his copy back; Ana merges it from her Share & merge page.
    const second = await saveEncrypted(ben.page, join(dir, 'from-ben.fieldwork'));
    await ana.page.getByRole('link', { name: 'Share & merge' }).click();
    await chooseFile(ana.page, 'Open a file to merge…', second);
    const anaDialog = ana.page.getByRole('dialog', { name: 'Merge a colleague’s file' });
    await expect.poll(() => anaDialog.getByLabel('Passphrase').isVisible(), { timeout: 20_000 }).toBe(true);
    await enterPassphrase(ana.page, PASSPHRASE);
    await expect
      .poll(() => anaDialog.getByText('Same engagement: changes will be merged.').isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(await anaDialog.getByText('2 conflicts', { exact: true }).isVisible()).toBe(true);
    expect(await focusInDialog(ana.page)).toBe(true);
    await ana.screenshot('exchange-03-merge-preview');
    await anaDialog.getByRole('button', { name: 'Resolve 2 conflicts…' }).click();
    await expect
      .poll(() =>
        anaDialog
          .getByRole('heading', {
            name: '2 conflicts: changed on both sides, or deleted on one side and edited on the other',
          })
          .isVisible(),
      )
      .toBe(true);
    expect(await focusInDialog(ana.page)).toBe(true);
    expect(
      await anaDialog
        .getByText('“Both” keeps both texts, the one written first on top, separated by a blank line.', {
          exact: false,
        })
        .isVisible(),
    ).toBe(true);

    const row = anaDialog.locator('tr', { hasText: 'Notes' });
    await expect.poll(() => row.getByText('Ana: walkthroughs done on site, week 2.').isVisible()).toBe(true);
    expect(await row.getByText(/Ben: population for CC6.2 still missing./).isVisible()).toBe(true);
    const deleted = anaDialog.locator('tr', { hasText: 'Deleted here, edited in their copy' });
    expect(await deleted.getByText('You deleted it').isVisible()).toBe(true);
    expect(await deleted.getByText('They edited it:').isVisible()).toBe(true);
    expect(await deleted.getByText('“Video call”').isVisible()).toBe(true);
    expect(await anaDialog.getByRole('button', { name: 'Merge' }).isDisabled()).toBe(true);
    expect(await axeViolations(ana.page, 'dialog')).toEqual([]);
    await row.getByRole('radio', { name: 'Theirs' }).check();
    await deleted.getByRole('radio', { name: 'Keep' }).check();
    await expect.poll(() => anaDialog.getByText('All resolved').first().isVisible()).toBe(true);
    // The kept values are marked: their notes, and their edited interview.
    expect(await row.locator('td.conflict-kept').count()).toBe(1);
    expect(await row.locator('td').nth(1).getByText('Kept').isVisible()).toBe(true);
    expect(await deleted.locator('td').nth(1).getByText('Kept').isVisible()).toBe(true);
    expect(await axeViolations(ana.page, 'dialog')).toEqual([]);
    await ana.screenshot('exchange-04-conflicts');
    await anaDialog.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => anaDialog.getByText('Done.').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await focusInDialog(ana.page)).toBe(true);
    await anaDialog.getByRole('button', { name: 'Close' }).last().click();

    // Ana now has both of Ben's edits, her trail and his both verify, and the page counts his copy.
    await expect
      .poll(() => ana.page.getByText('Holds work received from 1 other copy.').isVisible())
      .toBe(true);
    await ana.page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => ana.page.getByLabel('Notes').inputValue()).toBe(BEN_NOTES);
    expect(await ana.page.getByLabel('Engagement partner').inputValue()).toBe('Morgan Reyes, CPA');
    await expect
      .poll(() => ana.page.getByText(/Audit trail intact, \d+ events in 2 trails/).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await ana.screenshot('exchange-05-merged-overview');
    expect(ana.problems.filter((p) => !/favicon/.test(p))).toEqual([]);
    expect(ben.problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });

  it('opens a reviewer copy locked, and a backup clears the reminder and restores elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-exchange-'));
    const ana = await launch();
    await createProfile(ana.page, 'Ana López');
    await loadDemo(ana.page);

    // A reviewer copy, not encrypted.
    await ana.page.getByRole('link', { name: 'Share & merge' }).click();
    await ana.page.getByRole('radio', { name: /Read-only reviewer copy/ }).check();
    await ana.page.getByLabel('Encrypt with a passphrase').uncheck();
    const download = ana.page.waitForEvent('download', { timeout: 60_000 });
    await ana.page.getByRole('button', { name: 'Save reviewer copy…' }).click();
    const copyPath = join(dir, 'copy.fieldwork');
    await (await download).saveAs(copyPath);

    // A backup of every engagement, from the reminder on the engagement list.
    await ana.page.getByRole('link', { name: 'Engagements', exact: true }).click();
    await expect.poll(() => ana.page.getByText('Never backed up.').isVisible()).toBe(true);
    expect(await axeViolations(ana.page)).toEqual([]);
    await ana.page.getByRole('button', { name: 'Back up now…' }).click();
    const backupDialog = ana.page.getByRole('dialog', { name: 'Back up engagements' });
    await backupDialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await backupDialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    const backupDownload = ana.page.waitForEvent('download', { timeout: 60_000 });
    await backupDialog.getByRole('button', { name: 'Save backup…' }).click();
    const backupPath = join(dir, 'backup.fieldwork');
    const backupFile = await backupDownload;
    expect(backupFile.suggestedFilename()).toMatch(/^Fieldwork backup \d{4}-\d{2}-\d{2} \d{4}\.fieldwork$/);
    await backupFile.saveAs(backupPath);
    await backupDialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => ana.page.getByText('Never backed up.').isVisible()).toBe(false);

    // Rita opens the reviewer copy: it is added locked.
    const rita = await launch();
    await createProfile(rita.page, 'Rita Chen');
    await chooseFile(rita.page, 'Open engagement file…', copyPath);
    const dialog = rita.page.getByRole('dialog', { name: 'Open engagement file' });
    await expect
      .poll(() => dialog.getByText(/Read-only reviewer copy: it will be added locked/).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.getByText('Done.').isVisible(), { timeout: 60_000 }).toBe(true);
    await dialog.getByRole('button', { name: /Lumenfield Analytics/ }).click();
    await expect
      .poll(() =>
        rita.page
          .getByText(/Read-only reviewer copy exported by Ana López on .* cannot be changed or merged back/)
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => rita.page.getByLabel('Notes').isDisabled()).toBe(true);
    await rita.page.getByRole('link', { name: 'Share & merge' }).click();
    await expect
      .poll(() => rita.page.getByRole('radio', { name: /To work on and merge back/ }).isDisabled())
      .toBe(true);
    expect(await rita.page.getByRole('button', { name: 'Open a file to merge…' }).count()).toBe(0);

    // Ana's laptop is lost: on a new computer she restores the backup from the first-run screen, without
    // creating a duplicate profile first, then picks her restored profile.
    const carl = await launch();
    await expect
      .poll(() => carl.page.getByRole('heading', { name: 'Welcome to Fieldwork' }).isVisible())
      .toBe(true);
    expect(await axeViolations(carl.page)).toEqual([]);
    await carl.screenshot('exchange-06-first-run');
    await chooseFile(carl.page, 'Restore from backup…', backupPath);
    const restore = carl.page.getByRole('dialog', { name: 'Restore from backup' });
    await expect.poll(() => restore.getByLabel('Passphrase').isVisible(), { timeout: 20_000 }).toBe(true);
    // A backup: its owner chose the passphrase (or, for an automatic backup under the app lock, the
    // recovery key encrypts it); no mention of a sender.
    expect(
      await restore
        .getByText(
          /Enter the passphrase this file was saved with\. For an automatic backup .* recovery key\.$/,
        )
        .isVisible(),
    ).toBe(true);
    await enterPassphrase(carl.page, PASSPHRASE);
    await expect
      .poll(() => restore.getByText('New engagement: it will be added.').isVisible(), { timeout: 60_000 })
      .toBe(true);
    expect(await focusInDialog(carl.page)).toBe(true);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => restore.getByText('Done.').isVisible(), { timeout: 60_000 }).toBe(true);
    const mine = restore.getByRole('group', { name: 'Which profile is yours?' });
    await expect.poll(() => mine.getByRole('button', { name: /Ana López/ }).isVisible()).toBe(true);
    expect(await axeViolations(carl.page, 'dialog')).toEqual([]);
    await carl.screenshot('exchange-07-restored-profile-choice');
    await mine.getByRole('button', { name: /Ana López/ }).click();
    await expect
      .poll(() => mine.getByRole('button', { name: /Ana López/ }).getAttribute('aria-pressed'))
      .toBe('true');
    await restore.getByRole('button', { name: 'Close' }).last().click();
    await expect
      .poll(() => carl.page.getByRole('link', { name: 'Lumenfield Analytics, Inc.' }).isVisible())
      .toBe(true);
    expect(await carl.page.getByRole('button', { name: /Signed in as\s*Ana López/ }).isVisible()).toBe(true);
    expect(carl.problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
