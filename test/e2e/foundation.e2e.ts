/**
 * A new auditor's first session, as the foundation issue describes it: profile, demo, a Type 2 engagement
 * with Security and Availability (36 criteria), one criterion marked N/A, reload and restart; and bad input.
 */
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, newType2, useBrowserSessions, loadDemo } from './harness';

useBrowserSessions();

describe('foundation: a new auditor', () => {
  it('creates a profile, loads the demo, scopes a Type 2 engagement and finds it all after reload and restart', async () => {
    let session = await launch();
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
    await loadDemo(page);
    await expect
      .poll(() => page.getByText('Lumenfield Analytics, Inc. · Lumenfield Insights Platform').isVisible())
      .toBe(true);
    // One event per demo record: the engagement, its N/A criterion and its planning file.
    await expect.poll(() => page.getByText(/Audit trail intact, \d{2,} events/).isVisible()).toBe(true);
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
    await page.getByRole('button', { name: 'Mark not applicable… (CC6.4)' }).click();
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
    await p2.getByRole('button', { name: 'Mark applicable (CC6.4)' }).click();
    await expect
      .poll(() => p2.getByText('36 criteria in scope · 36 applicable · 0 not applicable').isVisible())
      .toBe(true);
    await p2.getByRole('button', { name: 'Mark not applicable… (CC6.4)' }).click();
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
    const session = await launch();
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
});
