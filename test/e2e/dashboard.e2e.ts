/**
 * The dashboard as a reviewer reads it on the demo engagement: every number opens the list behind it,
 * already filtered — the stale sign-off, the open review note, the test that is not effective, the
 * overdue requests.
 */
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, useBrowserSessions, loadDemo } from './harness';

useBrowserSessions();

describe('engagement dashboard', () => {
  it('links each figure to its filtered list', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    await loadDemo(page);
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    await expect
      .poll(() => dashboard.getByRole('button', { name: /^1 stale/ }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await session.screenshot('90-dashboard');

    // The stale sign-off: Workpapers & sign-offs, filtered to stale, lists the test edited after signing.
    await dashboard.getByRole('button', { name: /^1 stale/ }).click();
    await expect.poll(() => page.url()).toContain('/workpapers?filter=stale');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Workpapers & sign-offs' }).isVisible())
      .toBe(true);
    await expect
      .poll(
        () =>
          page
            .getByText(/T-AC-01/)
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);

    // The open review note.
    await page.getByRole('link', { name: 'Overview' }).click();
    await dashboard.getByRole('button', { name: /^1 \(open review notes\)$/ }).click();
    await expect.poll(() => page.url()).toContain('/notes?filter=open');
    await expect.poll(() => page.getByText(/RN-1/).first().isVisible(), { timeout: 10_000 }).toBe(true);

    // Tests not effective: the list opens with that filter chosen.
    await page.getByRole('link', { name: 'Overview' }).click();
    await dashboard.getByRole('button', { name: /^1 not effective/ }).click();
    await expect.poll(() => page.url()).toContain('/tests?filter=not-effective');
    await expect
      .poll(() => page.getByLabel('Conclusion', { exact: true }).inputValue())
      .toBe('not-effective');

    // Overdue requests: the request list opens with "Overdue only" ticked.
    await page.getByRole('link', { name: 'Overview' }).click();
    await dashboard.getByRole('button', { name: /^2 overdue/ }).click();
    await expect.poll(() => page.url()).toContain('/requests?filter=overdue');
    await expect.poll(() => page.getByRole('checkbox', { name: /Overdue only/ }).isChecked()).toBe(true);

    // Controls and criteria: the list behind each figure shows exactly as many rows as the figure says.
    const figure = async (name: RegExp) => {
      await page.getByRole('link', { name: 'Overview' }).click();
      const link = dashboard.getByRole('button', { name });
      await expect.poll(() => link.isVisible(), { timeout: 10_000 }).toBe(true);
      const count = Number(/^\d+/.exec(await link.innerText())?.[0]);
      await link.click();
      return count;
    };
    for (const [name, filter] of [
      [/controls? without a test/, 'without-work'],
      [/\(controls not concluded/, 'not-concluded'],
      [/\(controls concluded/, 'concluded'],
    ] as const) {
      const count = await figure(name);
      await expect.poll(() => page.url()).toContain(`/controls?filter=${filter}`);
      await expect.poll(() => page.getByLabel('Result', { exact: true }).inputValue()).toBe(filter);
      await expect.poll(() => page.locator('[id^="control-row-"]').count()).toBe(count);
    }
    for (const [name, filter] of [
      [/not met \(/, 'not-met'],
      [/not yet concluded/, 'not-concluded'],
      [/\(criteria met/, 'met'],
      [/not applicable \(/, 'not-applicable'],
    ] as const) {
      const count = await figure(name);
      await expect.poll(() => page.url()).toContain(`/coverage?filter=${filter}`);
      await expect.poll(() => page.getByLabel('Show criteria').inputValue()).toBe(filter);
      await expect.poll(() => page.locator('tr[id^="coverage-"]').count()).toBe(count);
    }
    await session.screenshot('91-dashboard-controls-list');

    expect(cspViolations(session.problems)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
