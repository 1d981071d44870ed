/**
 * Sign-offs in Chromium, as two auditors sharing a laptop do it: the senior signs the demo's AV-01 test
 * as preparer and cannot review it herself (the button says why); the manager, on his own profile, raises a
 * note on a sample item (signing as reviewer refused, naming it; the grid row shows it), she responds, he
 * clears it and signs as reviewer; a tickmark changed in the grid makes both sign-offs stale, in the header, in the list of
 * tests and on Workpapers & sign-offs, and "What changed since sign-off" lists that tickmark.
 */
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  createProfile,
  cspViolations,
  launch,
  loadDemo,
  switchProfile,
  useBrowserSessions,
} from './harness';

useBrowserSessions();

describe('workpaper sign-offs', () => {
  it('signs as preparer and reviewer, flags the change after sign-off everywhere and shows what changed', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    await loadDemo(page);

    // The AV-01 test (in progress, so the demo left it unsigned): a slot per required level, both empty.
    await page.getByRole('link', { name: 'Tests of controls' }).click();
    await page.getByRole('table', { name: 'Tests' }).getByRole('button', { name: /AV-01/ }).click();
    const header = page.getByRole('region', { name: /header and sign-offs/ });
    await expect
      .poll(() => header.getByText('Not signed', { exact: true }).count(), { timeout: 15_000 })
      .toBe(2);
    await expect.poll(() => header.getByText(/Lumenfield/).isVisible()).toBe(true);

    // Ana prepares it.
    await header.getByRole('button', { name: 'Sign as preparer' }).click();
    await expect.poll(() => header.getByText(/^✓\s*Current$/).count()).toBe(1);
    await expect.poll(() => header.getByText('AL', { exact: true }).isVisible()).toBe(true);
    // She cannot review her own work: the button is disabled and says why before any click.
    const ownReview = header.getByRole('button', { name: 'Sign as reviewer' });
    expect(await ownReview.isDisabled()).toBe(true);
    expect(await ownReview.getAttribute('aria-describedby')).toBeTruthy();
    await expect
      .poll(() =>
        header.getByText('You prepared this workpaper; another auditor must review it.').isVisible(),
      )
      .toBe(true);
    await session.screenshot('review-01-prepared');

    // Withdrawing asks first; cancelled, nothing changes; confirmed, the slot is empty again.
    await header.getByRole('button', { name: 'Withdraw my preparer sign-off' }).click();
    let confirm = page.getByRole('dialog', { name: 'Withdraw your preparer sign-off?' });
    await expect
      .poll(() => confirm.getByText(/will show as not signed at the preparer level/).isVisible())
      .toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await header.getByText(/^✓\s*Current$/).count()).toBe(1);
    await header.getByRole('button', { name: 'Withdraw my preparer sign-off' }).click();
    confirm = page.getByRole('dialog', { name: 'Withdraw your preparer sign-off?' });
    await confirm.getByRole('button', { name: 'Withdraw sign-off' }).click();
    await expect.poll(() => header.getByText('Not signed', { exact: true }).count()).toBe(2);
    await header.getByRole('button', { name: 'Sign as preparer' }).click();
    await expect.poll(() => header.getByText(/^✓\s*Current$/).count()).toBe(1);

    // A second auditor joins on the same laptop and is signed in at once.
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

    // Ben reviews with a note on the first sample item, assigned to Ana: signing as reviewer is refused,
    // naming the note, and the grid row carries the note's number.
    const review = header.getByRole('button', { name: 'Sign as reviewer' });
    await expect.poll(() => review.isEnabled()).toBe(true);
    await header.getByRole('button', { name: 'Add review note' }).click();
    const raise = page.getByRole('dialog', { name: 'New review note' });
    const about = raise.getByLabel('About');
    const itemOne = (await about.locator('option').allTextContents()).find((l) => /^Item 1 — /.test(l));
    await about.selectOption({ label: itemOne ?? '' });
    await raise.getByLabel('Note').fill('Item 1: attach the capacity report you traced to.');
    await raise.getByLabel('Assigned to').selectOption({ label: 'Ana López (AL)' });
    await raise.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => review.isDisabled()).toBe(true);
    await expect
      .poll(() => header.getByText(/1 review note is not cleared: RN-2 \(open\)/).isVisible())
      .toBe(true);
    const rowNote = page
      .getByRole('grid', { name: 'Attribute testing' })
      .getByRole('link', { name: /^RN-2 review note open on item 1$/ });
    await expect.poll(() => rowNote.isVisible()).toBe(true);
    await session.screenshot('review-01b-note-on-item');

    // Ana follows the link from the row and responds; Ben clears the note and comes back to sign.
    await switchProfile(page, 'Ana López');
    await rowNote.click();
    const note = page.locator('.note-detail');
    await expect.poll(() => note.getByRole('heading', { name: /RN-2/ }).isVisible()).toBe(true);
    await note.getByLabel('Response', { exact: true }).fill('Capacity report for March attached.');
    await note.getByRole('button', { name: 'Save response' }).click();
    await expect.poll(() => note.getByText('Responded', { exact: true }).first().isVisible()).toBe(true);
    await switchProfile(page, 'Ben Okafor');
    await note.getByRole('button', { name: 'Clear note' }).click();
    await expect.poll(() => note.getByText(/^Cleared by Ben Okafor on /).isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => rowNote.count(), { timeout: 10_000 }).toBe(0);

    // Ben may review now: the button is enabled; he signs.
    await expect.poll(() => review.isEnabled()).toBe(true);
    await review.click();
    await expect.poll(() => header.getByText(/^✓\s*Current$/).count()).toBe(2);
    await expect.poll(() => header.getByText('BO', { exact: true }).isVisible()).toBe(true);
    await session.screenshot('review-02-reviewed');

    // A tickmark changes in the grid after both signed: both sign-offs go stale.
    const grid = page.getByRole('grid', { name: 'Attribute testing' });
    await grid.locator('[data-cell="0-0"]').click();
    await page.keyboard.press('n');
    await expect.poll(() => header.getByText('Stale — changed since signed').count()).toBe(2);
    expect(await header.getByRole('button', { name: 'Sign as reviewer' }).isDisabled()).toBe(true);
    await expect
      .poll(() => header.getByText(/The workpaper changed after the preparer signed it/).isVisible())
      .toBe(true);
    await header.scrollIntoViewIfNeeded();
    await session.screenshot('review-03-stale');
    await header.getByRole('button', { name: /^History/ }).click();
    await expect
      .poll(() => header.getByRole('table', { name: 'Sign-off history' }).getByRole('row').count())
      .toBe(4); // header, the withdrawn preparer sign-off, the preparer's and the reviewer's
    expect(
      await header
        .getByRole('table', { name: 'Sign-off history' })
        .getByText(/^Withdrawn /)
        .count(),
    ).toBe(1);
    expect(await axeViolations(page, '.wp-header')).toEqual([]);

    // What changed: Ben's own sign-off first, the tickmark listed with before and after.
    await header.getByRole('button', { name: 'What changed since sign-off…' }).click();
    const changed = page.getByRole('dialog', { name: /What changed since sign-off/ });
    expect(await changed.getByLabel('Since the sign-off of').inputValue()).toBeTruthy();
    const list = changed.getByRole('list', { name: 'Changes since the sign-off' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => changed.getByText(/Changed Sample item 1 \(/).isVisible()).toBe(true);
    await expect.poll(() => changed.getByText(/^Tickmark A — /).isVisible()).toBe(true);
    await expect.poll(() => changed.getByText(/^T \(/).isVisible()).toBe(true);
    await expect.poll(() => changed.getByText('N/A (Not applicable to this item)').isVisible()).toBe(true);
    expect(await changed.getByText(/Ben Okafor/).count()).toBeGreaterThan(0);
    await session.screenshot('review-04-what-changed');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The audit trail reads the same change in words: the tickmark per attribute, not the stored map.
    await page.getByRole('group', { name: 'Review' }).getByRole('link', { name: 'Audit trail' }).click();
    const trailRows = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr[data-seq]');
    await expect.poll(() => trailRows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await trailRows.first().focus();
    await page.keyboard.press('Enter');
    const event = page.getByRole('complementary', { name: /Event #\d+/ });
    await expect.poll(() => event.getByText(/^Tickmark A — /).isVisible()).toBe(true);
    await expect.poll(() => event.getByText('N/A (Not applicable to this item)').isVisible()).toBe(true);
    await session.screenshot('review-04b-trail-in-words');
    await page.goBack();
    await expect.poll(() => page.getByRole('grid', { name: 'Attribute testing' }).isVisible()).toBe(true);

    // The list of tests flags it too.
    await page.getByRole('button', { name: '← All tests' }).click();
    const tests = page.getByRole('table', { name: 'Tests' });
    await expect
      .poll(() => tests.getByRole('row', { name: /AV-01/ }).getByText('Sign-off stale').count())
      .toBe(1);

    // Workpapers & sign-offs, stale only: the test is there with both levels stale; Enter opens it.
    await page.getByRole('link', { name: 'Workpapers & sign-offs' }).click();
    const workpapers = page.getByRole('table', { name: 'Workpapers' });
    await expect.poll(() => workpapers.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    await expect
      .poll(() =>
        page.getByText(/\d+ workpapers: \d+ complete, \d+ stale, \d+ missing a sign-off/).isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Show').selectOption({ label: 'Stale sign-offs' });
    await expect.poll(() => page.url()).toContain('filter=stale');
    const row = workpapers.getByRole('row', { name: /AV-01/ });
    await expect.poll(() => row.count()).toBe(1);
    // Only stale workpapers are left (the demo's edited test among them).
    const shown = await workpapers.locator('tbody tr').count();
    expect(await workpapers.locator('tbody tr.wp-row-stale').count()).toBe(shown);
    expect(await row.getByText(/Stale · /).count()).toBe(2);
    await session.screenshot('review-05-workpapers-stale');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('grid', { name: 'Attribute testing' }).isVisible()).toBe(true);
    expect(cspViolations(session.problems)).toEqual([]);
  }, 120_000);
});
