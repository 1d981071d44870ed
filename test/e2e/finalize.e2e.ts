/**
 * Release & lock in Chromium: the blockers of a new Type 2 engagement, the release, the assembly window's
 * reason banner (an autosaved editor shows the data layer's "needs a reason" message, keeps the text, and
 * saves it once a reason is given), assembly and lock, a reviewed addendum, and a partner's unlock.
 *
 * The app has no test hook to seed data, so the release is reached through the UI, by the cheapest honest
 * path: the engagement keeps only Security in scope and its 33 criteria are marked not applicable on Scope
 * (no test to conclude), then every workpaper (control matrix, request list, assertion, description
 * sections, report draft) is signed by a preparer and a reviewer, each reached through the links of the
 * Release & lock screen's own blocker list.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  createProfile,
  cspViolations,
  launch,
  newType2,
  switchProfile,
  useBrowserSessions,
} from './harness';
import { hasPdfTools, pdfText, qpdfCheck } from '../unit/exports/pdf-tools';

async function addProfile(page: Page, name: string, initials: string, role: string) {
  await page.getByRole('button', { name: /Signed in as/ }).click();
  await page.getByRole('button', { name: 'Add a profile…' }).click();
  const add = page.getByRole('dialog', { name: 'Add a profile' });
  await add.getByLabel('Full name').fill(name);
  await add.getByLabel('Initials').fill(initials);
  await add.getByLabel('Role').selectOption({ label: role });
  await add.getByRole('button', { name: 'Create profile' }).click();
  await expect.poll(() => page.getByRole('button', { name: `Signed in as ${name}` }).isVisible()).toBe(true);
}

/** Waits until the Release & lock screen has computed what blocks the release. */
async function releaseStatus(page: Page): Promise<string> {
  const badge = page.getByRole('region', { name: 'Release the report' }).locator('.badge').first();
  await expect.poll(() => badge.isVisible()).toBe(true);
  return (await badge.innerText()).replace(/^[✓✕!]\s*/u, '');
}

/**
 * Signs every workpaper at `level` as the signed-in auditor, following the blocker links ("CM Control
 * matrix: no preparer, reviewer sign-off.") to each workpaper's screen and its header.
 */
async function signEverything(page: Page, finalizeUrl: string, level: 'preparer' | 'reviewer') {
  const button = `Sign as ${level}`;
  for (let i = 0; i < 30; i++) {
    await page.goto(finalizeUrl);
    await releaseStatus(page);
    const group = page.locator('.blocker-group', { hasText: 'Missing sign-offs' });
    const more = group.getByRole('button', { name: /^Show all/ });
    if ((await more.count()) > 0) await more.click();
    const link = group.getByRole('link', { name: new RegExp(`no ${level}`) }).first();
    if ((await link.count()) === 0) return i;
    const reference = (await link.innerText()).split(' ')[0] ?? '';
    await link.click();
    const header = page.getByRole('region', { name: `Workpaper ${reference}: header and sign-offs` });
    await header.getByRole('button', { name: button }).click();
    await expect.poll(() => header.getByRole('button', { name: button }).count()).toBe(0);
  }
  throw new Error(`still unsigned ${level} sign-offs after 30 workpapers`);
}

useBrowserSessions();

describe('release and lock', () => {
  it('lists the blockers, releases, asks for reasons, locks, takes an addendum and lets a partner unlock', async () => {
    const session = await launch();
    const { page } = session;
    const axe: Record<string, string[]> = {};
    const checkAxe = async (name: string) => {
      const v = await axeViolations(page);
      if (v.length) axe[name] = v;
    };
    await createProfile(page, 'Ana López', 'Senior');
    await addProfile(page, 'Dana Whitfield', 'DW', 'Partner');
    await switchProfile(page, 'Ana López');
    const dialog = await newType2(page, 'Acme Cloud', 'Acme Platform', '2025-01-01', '2025-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
    const base = page.url().replace(/\/scope.*$/, '');
    const finalize = `${base}/finalize`;

    // A new engagement: the blockers are listed, grouped, and the release is not possible.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Release & lock' })
      .click();
    expect(await releaseStatus(page)).toBe('52 blockers');
    await expect
      .poll(() => page.getByRole('heading', { name: /Missing sign-offs \(18\)/ }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('heading', { name: /Criteria not tested \(33\)/ }).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Release report…' }).isDisabled()).toBe(true);
    expect(await page.getByText('52 items block the release').isVisible()).toBe(true);
    expect(await page.locator('[aria-current="step"]').innerText()).toMatch(/Planning/);
    await session.screenshot('finalize-01-blockers');
    await checkAxe('Release & lock, blockers');

    // A criterion blocker links to where it is fixed (Coverage, the criterion).
    await page.getByRole('link', { name: /^CC1\.1: applicable but not yet tested/ }).click();
    await expect.poll(() => page.url()).toContain('/coverage/CC1.1');

    // Every criterion not applicable (the cheapest honest way to have nothing left to test).
    await page.goto(`${base}/scope`);
    const markNa = page.getByRole('button', { name: /Mark not applicable…/ });
    await expect.poll(() => markNa.count()).toBe(33);
    for (let i = 0; i < 33; i++) {
      await markNa.first().click();
      const na = page.getByRole('dialog', { name: /^Mark .+ not applicable$/ });
      await na.getByLabel('Reason').fill('Outside the system described in this examination.');
      await na.getByRole('button', { name: 'Mark not applicable' }).click();
      await expect.poll(() => na.count()).toBe(0);
    }
    await expect.poll(() => markNa.count()).toBe(0);

    // The report date is set on the Overview (the release dialog says so while it is missing).
    await page.goto(finalize);
    expect(await releaseStatus(page)).toBe('19 blockers');
    // Its blocker's link opens the Overview with the cursor in the report date.
    await page.getByRole('link', { name: /^The report date is not set/ }).click();
    await expect.poll(() => page.url()).toContain('/overview/report-date');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('report-date');
    await page.getByLabel('Report date').fill('2026-01-15');
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);

    // Preparer, then reviewer sign-offs on all 18 workpapers.
    expect(await signEverything(page, finalize, 'preparer')).toBe(18);
    await switchProfile(page, 'Dana Whitfield');
    expect(await signEverything(page, finalize, 'reviewer')).toBe(18);

    // Nothing blocks the release now.
    await page.goto(finalize);
    expect(await releaseStatus(page)).toBe('Ready to release');
    await page.getByRole('button', { name: 'Release report…' }).click();
    const release = page.getByRole('dialog', { name: 'Release the report' });
    await release.getByLabel('Release date').fill('2026-01-10');
    await expect
      .poll(() =>
        release.getByText('The release date cannot be before the report date (15 Jan 2026).').isVisible(),
      )
      .toBe(true);
    expect(await release.getByRole('button', { name: 'Release the report' }).isDisabled()).toBe(true);
    await release.getByLabel('Release date').fill('2026-01-20');
    await expect.poll(() => release.getByText('21 Mar 2026').isVisible()).toBe(true); // + 60 days
    expect(await release.getByText('20 Jan 2033').isVisible()).toBe(true); // + 7 years
    await session.screenshot('finalize-02-release-dialog');
    await checkAxe('Release dialog');
    await release.getByRole('button', { name: 'Release the report' }).click();
    await expect.poll(() => release.count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Assembly window' }).isVisible()).toBe(true);
    expect(
      await page
        .getByText(/overdue by \d+ days|\d+ days? left/)
        .first()
        .isVisible(),
    ).toBe(true);

    // The banner on every screen; an edit without a reason is refused with the data layer's message and
    // the typed text is kept; once a reason is given the edit is saved.
    const banner = page.getByRole('form', { name: 'Reason for changes' });
    await expect
      .poll(() =>
        banner
          .getByText(/Report released on 20 Jan 2026\. Changes until 21 Mar 2026 need a reason/)
          .isVisible(),
      )
      .toBe(true);
    await session.screenshot('finalize-03-released');
    await checkAxe('Release & lock, assembly window');
    await page.goto(`${base}/description/services`);
    const body = page.getByRole('textbox', { name: 'Section text' });
    const typed = 'Acme Platform is a multi-tenant SaaS billing service.';
    await body.fill(typed);
    await expect
      .poll(() =>
        page
          .getByText(
            /Could not save: The report was released on 2026-01-20\. Changes are still possible until the file is assembled, but each needs a reason: enter it in the banner at the top of the screen\. Your text is kept\./,
          )
          .isVisible(),
      )
      .toBe(true);
    expect(await body.inputValue()).toBe(typed);
    await banner
      .getByLabel('Reason for changes after release')
      .fill('Complete the system overview after partner review');
    await banner.getByRole('button', { name: 'Use this reason' }).click();
    const reasonShown = page.getByRole('region', { name: 'Reason for changes' });
    await expect
      .poll(() => reasonShown.getByText('Complete the system overview after partner review').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);
    await page.goto(`${base}/overview`);
    await page.goto(`${base}/description/services`);
    await expect.poll(() => page.getByRole('textbox', { name: 'Section text' }).inputValue()).toBe(typed);
    await session.screenshot('finalize-04-reason-given');

    // The change since the release is reviewed before the file can be locked: D-1 is signed again.
    await page.goto(finalize);
    await expect
      .poll(() => page.getByText(/1 workpaper was changed after being signed/).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Assemble and lock…' }).isDisabled()).toBe(true);
    await page.goto(`${base}/description/services`);
    const d1 = page.getByRole('region', { name: 'Workpaper D-1: header and sign-offs' });
    // Ana prepared D-1: she signs it again as preparer, and Dana (who never prepared it) reviews it.
    await switchProfile(page, 'Ana López');
    // The reason belongs to whoever gave it: Ana gives her own, and signing waits for it.
    const anaSigns = d1.getByRole('button', { name: 'Sign as preparer' });
    await expect.poll(() => anaSigns.isDisabled()).toBe(true);
    expect(await d1.getByText(/The report is released: give the reason for your changes/).isVisible()).toBe(
      true,
    );
    await banner.getByLabel('Reason for changes after release').fill('Review of the completed overview');
    await banner.getByRole('button', { name: 'Use this reason' }).click();
    await anaSigns.click();
    await expect.poll(() => anaSigns.count()).toBe(0);
    await switchProfile(page, 'Dana Whitfield');
    // Nothing Ana typed is offered to Dana: her own reason, then her review.
    expect(await banner.getByLabel('Reason for changes after release').inputValue()).toBe('');
    await banner
      .getByLabel('Reason for changes after release')
      .fill('Partner review of the completed overview');
    await banner.getByRole('button', { name: 'Use this reason' }).click();
    await d1.getByRole('button', { name: 'Sign as reviewer' }).click();
    await expect.poll(() => d1.getByRole('button', { name: 'Sign as reviewer' }).count()).toBe(0);

    // Assemble and lock: the confirmation says what follows.
    await page.goto(finalize);
    await expect.poll(() => page.getByRole('button', { name: 'Assemble and lock…' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Assemble and lock…' }).click();
    const lock = page.getByRole('dialog', { name: 'Assemble and lock the file?' });
    expect(await lock.getByText(/can be edited or deleted after locking/).isVisible()).toBe(true);
    expect(await lock.getByText(/keeps cleared review notes/).isVisible()).toBe(true);
    await lock.getByRole('button', { name: 'Assemble and lock' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Locked', exact: true }).isVisible())
      .toBe(true);
    expect(await page.getByRole('form', { name: 'Reason for changes' }).count()).toBe(0);

    // Locked: the other screens say so, link here, and their inputs are read-only.
    await page.goto(`${base}/description/services`);
    await expect
      .poll(() =>
        page
          .getByText(/Assembled and locked on .+ by Dana Whitfield\. Workpapers can be read but not changed/)
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('textbox', { name: 'Section text' }).isEditable()).toBe(false);
    await page.goto(`${base}/overview`);
    expect(await page.getByRole('textbox', { name: 'Phase', exact: true }).inputValue()).toBe('Locked');
    expect(await page.getByRole('textbox', { name: 'Notes', exact: true }).isDisabled()).toBe(true);

    // The released report exports without the DRAFT watermark; the locked file's settings are read-only.
    await page.goto(`${base}/report`);
    await expect.poll(() => page.getByText('Released: final report').isVisible()).toBe(true);
    expect(await page.getByLabel('City where the report is signed').isEditable()).toBe(false);
    await checkAxe('Report & exports, locked');
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Export report…' }).click();
    const report = await download;
    expect(report.suggestedFilename()).not.toContain('DRAFT');
    const reportPath = join(mkdtempSync(join(tmpdir(), 'fieldwork-final-')), 'report.pdf');
    await report.saveAs(reportPath);
    const bytes = new Uint8Array(readFileSync(reportPath));
    if (hasPdfTools) {
      expect(qpdfCheck(bytes).ok).toBe(true);
      const text = pdfText(bytes);
      expect(text).not.toContain('DRAFT');
      expect(text).toMatch(/Independent Service Auditor.s Report/u);
    }
    await page.goto(finalize);
    await expect.poll(() => page.url()).toBe(finalize);

    // An addendum by Ana, reviewed by Dana (not by its author).
    await switchProfile(page, 'Ana López');
    await page.getByRole('button', { name: 'Add addendum…' }).click();
    const ad = page.getByRole('dialog', { name: 'Add an addendum' });
    await ad.getByLabel('Text of the addendum').fill('The overview now names the billing regions in scope.');
    await ad.getByLabel('Reason').fill('Peer-review inspection asked for the regions');
    await ad
      .getByLabel('Workpaper it amends')
      .selectOption({ label: 'D-1 Company overview and services provided' });
    await session.screenshot('finalize-05-addendum-dialog');
    await checkAxe('Addendum dialog');
    await ad.getByRole('button', { name: 'Add addendum' }).click();
    const ad1 = page.getByRole('listitem', { name: 'AD-1' });
    await expect.poll(() => ad1.getByText('Awaiting review').isVisible()).toBe(true);
    expect(
      await ad1.getByRole('link', { name: 'D-1 Company overview and services provided' }).isVisible(),
    ).toBe(true);
    expect(await ad1.getByRole('button', { name: 'Sign off as reviewer (AD-1)' }).isDisabled()).toBe(true);
    expect(await ad1.getByText('You wrote this addendum; another auditor must review it.').isVisible()).toBe(
      true,
    );
    // Only a partner unlocks.
    expect(await page.getByRole('button', { name: 'Unlock…' }).isDisabled()).toBe(true);
    expect(await page.getByText(/Only a partner can unlock an assembled file/).isVisible()).toBe(true);
    await session.screenshot('finalize-06-locked');
    await checkAxe('Release & lock, locked');

    await switchProfile(page, 'Dana Whitfield');
    // Workpapers & sign-offs and the dashboard say an addendum waits, and lead here.
    await page.getByRole('link', { name: 'Workpapers & sign-offs' }).click();
    await expect
      .poll(() => page.getByText('AD-1 awaiting a reviewer’s sign-off').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await session.screenshot('finalize-06b-workpapers-addendum');
    await page.getByRole('link', { name: 'Review them on Release & lock' }).click();
    await expect.poll(() => page.url()).toBe(finalize);
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: /1 addendum awaiting review/ }).click();
    await expect.poll(() => page.url()).toBe(finalize);
    await ad1.getByRole('button', { name: 'Sign off as reviewer (AD-1)' }).click();
    await expect.poll(() => ad1.getByText(/Reviewed by Dana Whitfield \(DW\)/).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Unlock…' }).click();
    const unlock = page.getByRole('dialog', { name: 'Unlock the file' });
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => unlock.getByText('Give the reason for unlocking.').isVisible()).toBe(true);
    await unlock.getByLabel('Reason for unlocking').fill('Peer-review finding needs a workpaper fix');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Unlock history' }).isVisible()).toBe(true);
    expect(
      await page.getByRole('cell', { name: 'Peer-review finding needs a workpaper fix' }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole('heading', { name: 'Assembly window' }).isVisible()).toBe(true);
    // Back in the assembly window: the banner asks for a reason again (none given by Dana in this phase yet).
    expect(await page.getByRole('form', { name: 'Reason for changes' }).isVisible()).toBe(true);
    await session.screenshot('finalize-07-unlocked');

    expect(axe).toEqual({});
    expect(cspViolations(session.problems)).toEqual([]);
  }, 300_000);
});
