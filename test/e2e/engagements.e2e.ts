/**
 * Working with engagements: autosave of the details, and the list (search, sort, archive, restore).
 */
import { describe, expect, it } from 'vitest';
import { createProfile, launch, newType2, useBrowserSessions } from './harness';

useBrowserSessions();

describe('engagements', () => {
  it('autosaves engagement details without ever losing typed text, even on an immediate reload', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Acme Cloud', 'Acme Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Overview' }).click();

    // Reload straight after typing: the text comes back and is saved.
    const notes = 'Kick-off meeting held on 12 Jan with the CISO.';
    await page.getByLabel('Notes').fill(notes);
    await expect.poll(() => page.getByText('Unsaved changes…').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Notes').inputValue()).toBe(notes);
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Audit trail intact, 2 events/).isVisible()).toBe(true);

    // One invalid field does not hold back the others, and its typed value survives leaving the screen.
    await page.getByLabel('Service organization').fill('');
    await page.getByLabel('Engagement partner').fill('Dana Whitfield, CPA');
    await expect
      .poll(() =>
        page.getByText('Other changes saved; the highlighted fields are not saved yet.').isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText(/Audit trail intact, 3 events/).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Scope & criteria' }).click();
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => page.getByLabel('Service organization').inputValue()).toBe('');
    await expect.poll(() => page.getByText("Enter the service organization's name.").isVisible()).toBe(true);
    expect(await page.getByLabel('Engagement partner').inputValue()).toBe('Dana Whitfield, CPA');

    await page.getByLabel('Service organization').fill('Acme Cloud, Inc.');
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Acme Cloud, Inc. · Acme Platform').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Service organization').inputValue()).toBe('Acme Cloud, Inc.');
    await expect.poll(() => page.getByText(/Audit trail intact, 4 events/).isVisible()).toBe(true);
    await session.screenshot('08-overview-autosave');
  });
  it('searches, sorts, archives and restores engagements', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    for (const [org, sys] of [
      ['Beta Systems', 'Beta Hub'],
      ['Alpha Health', 'Alpha Records'],
    ] as const) {
      const d = await newType2(page, org, sys, '2026-01-01', '2026-12-31');
      await d.getByRole('button', { name: 'Create engagement' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Engagements', exact: true }).click();
    }
    const table = page.getByRole('table', { name: 'Engagements' });
    const firstOrg = () => table.locator('tbody tr').first().locator('td').first().innerText();
    await table.getByRole('button', { name: 'Service organization' }).click();
    await expect.poll(firstOrg).toBe('Alpha Health');
    await table.getByRole('button', { name: 'Service organization' }).click();
    await expect.poll(firstOrg).toBe('Beta Systems');

    await page.getByRole('searchbox', { name: 'Search engagements' }).fill('alpha');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search engagements' }).fill('');

    await page.getByRole('button', { name: 'Archive Alpha Health' }).click();
    await expect.poll(() => table.getByRole('link', { name: 'Alpha Health' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => table.getByRole('link', { name: 'Alpha Health' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Archive Alpha Health' }).click();
    await expect.poll(() => table.getByRole('link', { name: 'Alpha Health' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: /Show archived \(1\)/ }).check();
    await page.getByRole('button', { name: 'Restore Alpha Health' }).click();
    await page.getByRole('checkbox', { name: /Show archived/ }).uncheck();
    await expect.poll(() => table.getByRole('link', { name: 'Alpha Health' }).count()).toBe(1);
    await session.screenshot('09-list');
  });
});

describe('dates', () => {
  it('flags an impossible date typed into an empty date field instead of calling it empty', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    await page.getByRole('button', { name: 'New engagement' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Period start').click();
    await page.keyboard.type('02302026'); // 30 Feb 2026
    await page.keyboard.press('Tab');
    await dialog.getByLabel('Period end').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await expect.poll(() => dialog.getByText('Enter a complete, valid date.').isVisible()).toBe(true);
    expect(await dialog.getByText('The period must end after it starts.').count()).toBe(0);
  });
});

describe('scope', () => {
  it('asks before taking a category out of scope and says what leaves with it', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    await page.getByRole('button', { name: 'Load demo engagement' }).first().click();
    await page.getByRole('link', { name: 'Scope & criteria' }).click();
    await expect
      .poll(() => page.getByText('38 criteria in scope · 37 applicable · 1 not applicable').isVisible())
      .toBe(true);

    // The box stays ticked until the removal is confirmed, so click rather than uncheck.
    await page.getByRole('checkbox', { name: 'Confidentiality' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Confidentiality from scope?' });
    await expect
      .poll(() => confirm.getByText('2 criteria (C1.1–C1.2) leave the scope of this engagement.').isVisible())
      .toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('checkbox', { name: 'Confidentiality' }).isChecked()).toBe(true);

    await page.getByRole('checkbox', { name: 'Confidentiality' }).click();
    await confirm.getByRole('button', { name: 'Remove Confidentiality' }).click();
    await expect
      .poll(() => page.getByText('36 criteria in scope · 35 applicable · 1 not applicable').isVisible())
      .toBe(true);
    await page.getByRole('checkbox', { name: 'Confidentiality' }).click(); // ticked once saved
    await expect.poll(() => page.getByRole('checkbox', { name: 'Confidentiality' }).isChecked()).toBe(true);
    await expect
      .poll(() => page.getByText('38 criteria in scope · 37 applicable · 1 not applicable').isVisible())
      .toBe(true);
  });
});
