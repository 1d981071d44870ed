/**
 * Review notes between two auditors on one laptop: the reviewer raises a note on the control matrix,
 * the preparer finds it under "Mine" and responds, the reviewer clears it (read-only from then on) and
 * reopens it; the dashboard's `?filter=open` address lists only open notes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProfile, cspViolations, launch, newType2, switchProfile, useBrowserSessions } from './harness';

useBrowserSessions();

async function raiseNote(page: Page, workpaper: RegExp, text: string, assignee: string) {
  await page.getByRole('button', { name: 'Add review note' }).click();
  const choose = page.getByRole('dialog', { name: 'New review note' });
  await choose
    .getByLabel('Workpaper', { exact: true })
    .selectOption({ label: (await optionLabel(page, workpaper)) ?? '' });
  await choose.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog', { name: 'New review note' });
  await expect.poll(() => dialog.getByLabel('Note').isVisible()).toBe(true);
  // The note's text field has the keyboard when the dialog opens.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await dialog.getByLabel('Note').fill(text);
  await dialog.getByLabel('Assigned to').selectOption({ label: assignee });
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** The label of the workpaper option matching `pattern` in the open chooser. */
async function optionLabel(page: Page, pattern: RegExp): Promise<string | undefined> {
  const labels = await page
    .getByRole('dialog', { name: 'New review note' })
    .getByLabel('Workpaper', { exact: true })
    .locator('option')
    .allTextContents();
  return labels.find((l) => pattern.test(l));
}

const notesTable = (page: Page) => page.getByRole('table', { name: 'Review notes' });
const noteRow = (page: Page, id: string) =>
  notesTable(page).getByRole('row', { name: new RegExp(`^${id} `) });
const detail = (page: Page) => page.locator('.note-detail');

describe('review notes', () => {
  it('goes from raised to responded, cleared and reopened between a reviewer and a preparer', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    const dialog = await newType2(page, 'Northwind Health', 'Claims Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/engagements\/[^/]+\/scope/);
    const engagementId = decodeURIComponent(/#\/engagements\/([^/]+)\//.exec(page.url())![1]!);

    // The reviewer, a second profile on the same laptop (signed in once created).
    await page.getByRole('button', { name: /Signed in as Ana López/ }).click();
    await page.getByRole('button', { name: 'Add a profile…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a profile' });
    await add.getByLabel('Full name').fill('Ben Okafor');
    await add.getByLabel('Initials').fill('BO');
    await add.getByLabel('Role').selectOption({ label: 'Manager' });
    await add.getByRole('button', { name: 'Create profile' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ben Okafor/ }).isVisible())
      .toBe(true);

    // Ben raises two notes from the Review notes page.
    await page.getByRole('link', { name: 'Review notes' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No review notes' }).isVisible()).toBe(true);
    await raiseNote(
      page,
      /^CM — Control matrix/,
      'Expand the owner column: who performs CM-01?\nAlso check the frequencies.',
      'Ana López (AL)',
    );
    await expect.poll(() => noteRow(page, 'RN-1').isVisible()).toBe(true);
    await expect.poll(() => detail(page).getByRole('heading', { name: /RN-1/ }).isVisible()).toBe(true);
    expect(await noteRow(page, 'RN-1').textContent()).toContain(
      'Expand the owner column: who performs CM-01?',
    );
    expect(await noteRow(page, 'RN-1').textContent()).not.toContain('Also check the frequencies');
    await raiseNote(page, /^PBC — Request list/, 'Add the due dates to the request list.', 'Nobody named');
    await expect.poll(() => noteRow(page, 'RN-2').isVisible()).toBe(true);
    await session.screenshot('review-notes-raised');

    // Ana, the preparer, finds RN-1 under "Mine" and responds.
    await switchProfile(page, 'Ana López');
    await page.getByRole('checkbox', { name: 'Mine' }).check();
    await expect.poll(() => notesTable(page).getByRole('row').count()).toBe(2); // header + RN-1
    await noteRow(page, 'RN-1').click();
    await expect.poll(() => page.url()).toMatch(/\/notes\/[0-9a-f-]{36}$/);
    const response = detail(page).getByLabel('Response', { exact: true });
    await response.fill('Owners added for every control; frequencies checked against the policies.');
    await detail(page).getByRole('button', { name: 'Save response' }).click();
    await expect
      .poll(() => detail(page).getByText('Responded', { exact: true }).first().isVisible())
      .toBe(true);
    // Clearing is the reviewer's: the button says why it is not Ana's.
    await expect.poll(() => detail(page).getByRole('button', { name: 'Clear note' }).isDisabled()).toBe(true);
    expect(await detail(page).getByText('You responded to RN-1; the reviewer clears it.').isVisible()).toBe(
      true,
    );
    await session.screenshot('review-notes-responded');

    // Ben clears it: read-only, greyed, with who cleared it.
    await switchProfile(page, 'Ben Okafor');
    await noteRow(page, 'RN-1').click();
    await detail(page).getByRole('button', { name: 'Clear note' }).click();
    await expect
      .poll(() =>
        detail(page)
          .getByText(/^Cleared by Ben Okafor on /)
          .isVisible(),
      )
      .toBe(true);
    expect(await detail(page).getByRole('button', { name: 'Edit note' }).count()).toBe(0);
    expect(
      await detail(page)
        .getByRole('button', { name: /Revise response|Respond/ })
        .count(),
    ).toBe(0);
    expect(await detail(page).getByRole('button', { name: 'Delete…' }).count()).toBe(0);
    expect(await noteRow(page, 'RN-1').textContent()).toContain('Cleared');
    await session.screenshot('review-notes-cleared');

    // The dashboard's link: open notes only.
    await page.goto(`${session.url}#/engagements/${encodeURIComponent(engagementId)}/notes?filter=open`);
    await expect.poll(() => noteRow(page, 'RN-2').isVisible()).toBe(true);
    expect(await noteRow(page, 'RN-1').count()).toBe(0);
    expect(await page.getByLabel('Status').inputValue()).toBe('open');

    // Reopen: back to open, listed again under the same filter, and open to a response.
    await page.getByLabel('Status').selectOption('cleared');
    await noteRow(page, 'RN-1').click();
    await detail(page).getByRole('button', { name: 'Reopen note' }).click();
    await expect.poll(() => detail(page).getByText('Reopened', { exact: true }).isVisible()).toBe(true);
    await page.getByLabel('Status').selectOption('open');
    await expect.poll(() => noteRow(page, 'RN-1').isVisible()).toBe(true);
    expect(await detail(page).getByRole('button', { name: 'Clear note' }).isEnabled()).toBe(true);

    // Keyboard: ↓ moves to the next note and opens it; Esc closes it.
    await noteRow(page, 'RN-1').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => detail(page).getByRole('heading', { name: /RN-2/ }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => detail(page).count()).toBe(0);

    expect(cspViolations(session.problems)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
