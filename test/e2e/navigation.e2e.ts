/**
 * Keyboard navigation (Ctrl+K) and the strict Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, useBrowserSessions, loadDemo } from './harness';

useBrowserSessions();

describe('navigation and security', () => {
  it('jumps to an engagement or a criterion with Ctrl+K, from the keyboard alone', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    await loadDemo(page);

    await page.keyboard.press('Control+K');
    const jump = page.getByRole('dialog', { name: 'Go to' });
    await expect.poll(() => jump.isVisible()).toBe(true);
    await page.keyboard.type('cc7.4');
    await expect.poll(() => jump.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Scope & criteria' }).isVisible()).toBe(true);
    await expect.poll(() => page.url()).toMatch(/\/scope\/CC7\.4$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Mark not applicable… (CC7.4)');
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
    const session = await launch();
    const response = await session.page.goto(session.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await createProfile(session.page);
    await session.page.getByRole('button', { name: 'About' }).click();
    await expect
      .poll(() => session.page.getByRole('dialog', { name: 'About Fieldwork' }).isVisible())
      .toBe(true);
    expect(cspViolations(session.problems)).toEqual([]);
  });
});
