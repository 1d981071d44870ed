/**
 * A new auditor's first session, as the foundation issue describes it: profile, demo, a Type 2 engagement
 * with Security and Availability (36 criteria), one criterion marked N/A, then reload and restart.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProfile, launch, stopServer, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(stopServer);

async function newType2(page: Page, org: string, system: string, start: string, end: string) {
  await page.getByRole('button', { name: 'New engagement' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Service organization').fill(org);
  await dialog.getByLabel('System name').fill(system);
  await dialog.getByLabel('Engagement type').selectOption({ label: 'SOC 2 Type 2' });
  await dialog.getByLabel('Period start').fill(start);
  await dialog.getByLabel('Period end').fill(end);
  return dialog;
}

function cspViolations(problems: string[]): string[] {
  return problems.filter((p) => /Content Security Policy|Refused to/i.test(p));
}

describe('foundation: a new auditor', () => {
  it('creates a profile, loads the demo, scopes a Type 2 engagement and finds it all after reload and restart', async () => {
    session = await launch();
    const { page } = session;

    // First run: profile.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome to Fieldwork' }).isVisible())
      .toBe(true);
    await session.screenshot('01-first-run');
    await createProfile(page);
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'No engagements yet' }).isVisible()).toBe(true);
    await session.screenshot('02-empty-list');

    // Demo engagement.
    await page.getByRole('button', { name: 'Load demo engagement' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText('Lumenfield Analytics, Inc. · Lumenfield Insights Platform').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(/Audit trail intact, 2 events/).isVisible()).toBe(true);
    await session.screenshot('03-demo-overview');

    // A Type 2 engagement with Security + Availability.
    await page.getByRole('link', { name: 'Engagements', exact: true }).click();
    const dialog = await newType2(
      page,
      'Northwind Payroll LLC',
      'Northwind Payroll Cloud',
      '2026-01-01',
      '2026-06-30',
    );
    await dialog.getByRole('checkbox', { name: 'Availability' }).check();
    await expect.poll(() => dialog.getByText('36 criteria in scope').isVisible()).toBe(true);
    await session.screenshot('04-new-engagement');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
    const criteriaRows = page.getByRole('table', { name: 'Criteria' }).locator('tbody tr:not(.group-row)');
    await expect.poll(() => criteriaRows.count()).toBe(36);
    await expect
      .poll(() => page.getByText('36 criteria in scope · 36 applicable · 0 not applicable').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /^A1\.3 / }).isVisible()).toBe(true);
    expect(await page.getByRole('row', { name: /^C1\.1 / }).count()).toBe(0);

    // Mark one criterion not applicable, with a reason.
    await page.getByRole('button', { name: 'Mark CC6.4 not applicable' }).click();
    const na = page.getByRole('dialog', { name: 'Mark CC6.4 not applicable' });
    await na.getByLabel('Reason').fill('n/a');
    await na.getByRole('button', { name: 'Mark not applicable' }).click();
    await expect
      .poll(() => na.getByText(/Explain in words why the criterion does not apply/).isVisible())
      .toBe(true);
    const reason = 'No data centers or offices hold system components; hosting is carved out to AWS.';
    await na.getByLabel('Reason').fill(reason);
    await na.getByRole('button', { name: 'Mark not applicable' }).click();
    await expect
      .poll(() => page.getByText('36 criteria in scope · 35 applicable · 1 not applicable').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(`Reason: ${reason}`).isVisible()).toBe(true);
    await session.screenshot('05-scope-na');

    // Reload: everything is still there.
    await page.reload();
    await expect
      .poll(() => page.getByText('36 criteria in scope · 35 applicable · 1 not applicable').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(`Reason: ${reason}`).isVisible()).toBe(true);

    // Restart the browser with the same profile directory.
    session = await session.relaunch();
    const p2 = session.page;
    await expect
      .poll(() => p2.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);
    await expect.poll(() => p2.getByRole('link', { name: 'Northwind Payroll LLC' }).isVisible()).toBe(true);
    await expect
      .poll(() => p2.getByRole('link', { name: 'Lumenfield Analytics, Inc.' }).isVisible())
      .toBe(true);
    await p2.getByRole('link', { name: 'Northwind Payroll LLC' }).click();
    await expect.poll(() => p2.getByText(/Audit trail intact, 2 events/).isVisible()).toBe(true);
    const history = p2.getByRole('table', { name: 'Recent changes' });
    await expect
      .poll(() => history.getByRole('row', { name: /Ana López Marked CC6\.4 not applicable/ }).count())
      .toBe(1);
    await expect
      .poll(() => history.getByRole('row', { name: /Ana López Created the engagement/ }).count())
      .toBe(1);
    await p2.getByRole('link', { name: 'Scope & criteria' }).click();
    await expect.poll(() => p2.getByText(`Reason: ${reason}`).isVisible()).toBe(true);

    // Marking it applicable again keeps the reason for next time.
    await p2.getByRole('button', { name: 'Mark CC6.4 applicable' }).click();
    await expect
      .poll(() => p2.getByText('36 criteria in scope · 36 applicable · 0 not applicable').isVisible())
      .toBe(true);
    await p2.getByRole('button', { name: 'Mark CC6.4 not applicable' }).click();
    await expect
      .poll(() =>
        p2.getByRole('dialog', { name: 'Mark CC6.4 not applicable' }).getByLabel('Reason').inputValue(),
      )
      .toBe(reason);
    await p2.keyboard.press('Escape');
    await session.screenshot('06-after-restart');

    expect(cspViolations(session.problems)).toEqual([]);
  });

  it('refuses bad input with a clear message and saves nothing', async () => {
    session = await launch();
    const { page } = session;
    await createProfile(page);

    const dialog = await newType2(page, '', 'Some System', '2026-06-30', '2026-01-01');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await expect
      .poll(() => dialog.getByText("Enter the service organization's name.", { exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() => dialog.getByText('The period must end after it starts.', { exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => dialog.getByText(/Not saved\./).isVisible()).toBe(true);
    await session.screenshot('07-bad-input');
    // Esc with typed input asks before discarding it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.getByText(/Discard this new engagement\?/).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog.getByLabel('System name').inputValue()).toBe('Some System');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: 'No engagements yet' }).isVisible()).toBe(true);

    // A short Type 2 period is allowed, with a warning.
    const again = await newType2(page, 'Short Co', 'Short System', '2026-01-01', '2026-02-15');
    await expect.poll(() => again.getByText(/under 3 months/).isVisible()).toBe(true);
    await again.getByRole('button', { name: 'Create engagement' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText('33 criteria in scope · 33 applicable · 0 not applicable').isVisible())
      .toBe(true);
  });

  it('autosaves engagement details without ever losing typed text, even on an immediate reload', async () => {
    session = await launch();
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
    session = await launch();
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

  it('lets several auditors share one laptop with their own profiles', async () => {
    session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    await page.getByRole('button', { name: /Signed in as Ana López/ }).click();
    await page.getByRole('button', { name: 'Add a profile…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a profile' });
    // Initials mark sign-offs: a second "AL" on this laptop is refused.
    await add.getByLabel('Full name').fill('Alan Lee');
    await add.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => add.getByText(/Ana López already uses the initials AL/).isVisible()).toBe(true);
    await add.getByLabel('Full name').fill('Ben Okafor');
    await add.getByLabel('Initials').fill('BO');
    await add.getByLabel('Role').selectOption({ label: 'Manager' });
    await add.getByRole('button', { name: 'Create profile' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ben Okafor/ }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: /Signed in as Ben Okafor/ }).click();
    await page.getByRole('button', { name: 'Edit my profile…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit profile' });
    await edit.getByLabel('Initials').fill('bo');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: /Signed in as Ben Okafor/ }).click();
    await page.getByRole('button', { name: 'Ana López', exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);
  });

  it('jumps to an engagement or a criterion with Ctrl+K, from the keyboard alone', async () => {
    session = await launch();
    const { page } = session;
    await createProfile(page);
    await page.getByRole('button', { name: 'Load demo engagement' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible()).toBe(true);

    await page.keyboard.press('Control+K');
    const jump = page.getByRole('dialog', { name: 'Go to' });
    await expect.poll(() => jump.isVisible()).toBe(true);
    await page.keyboard.type('cc7.4');
    await expect.poll(() => jump.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
    await expect.poll(() => page.url()).toMatch(/\/scope\/CC7\.4$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Mark CC7.4 not applicable');
    await session.screenshot('11-jump-criterion');

    await page.keyboard.press('Control+K');
    await page.keyboard.type('all eng');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Engagements', exact: true }).isVisible())
      .toBe(true);
    await page.keyboard.press('Control+K');
    await page.keyboard.type('xyzzy');
    await expect.poll(() => page.getByText('Nothing matches “xyzzy”.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('serves the UI with a strict Content-Security-Policy and runs without violating it', async () => {
    session = await launch();
    const response = await session.page.goto(session.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await createProfile(session.page);
    await session.page.getByRole('button', { name: 'About' }).click();
    await expect
      .poll(() => session?.page.getByRole('dialog', { name: 'About Fieldwork' }).isVisible())
      .toBe(true);
    expect(cspViolations(session.problems)).toEqual([]);
  });
});
