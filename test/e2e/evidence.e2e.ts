/**
 * Evidence in Chromium: attach a PDF and an image through the file chooser, preview both inside the app,
 * see the same bytes stored once, replace a file (the old version stays listed with its hash), filter the
 * library, and find everything again after a reload.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, newType2, useBrowserSessions } from './harness';
import { minimalPdf } from '../generators/files';

useBrowserSessions();

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('evidence library', () => {
  it('attaches, previews, dedups, replaces with versions and survives a reload', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Northwind Health', 'Claims Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Evidence', exact: true }).click();
    await expect.poll(() => page.getByText('No evidence yet').isVisible()).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-evidence-'));
    const pdf = minimalPdf('Access review Q2 2026');
    const png = await page.screenshot();
    writeFileSync(join(dir, 'access-review-q2.pdf'), pdf);
    writeFileSync(join(dir, 'mfa-settings.png'), png);
    await page
      .locator('input[type=file][aria-label="Add files…"]')
      .setInputFiles([join(dir, 'access-review-q2.pdf'), join(dir, 'mfa-settings.png')]);
    await expect.poll(() => page.getByText('Added 2 files.').isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Evidence files' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect.poll(() => table.getByText(sha(pdf).slice(0, 8)).isVisible()).toBe(true);

    // The PDF renders inside the app.
    await table.getByRole('button', { name: 'access-review-q2.pdf' }).click();
    const pane = page.locator('.detail-pane');
    await expect.poll(() => pane.getByText('Page 1 of 1').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => pane.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width > 100))
      .toBe(true);
    await pane.getByLabel('As of (the date it pertains to)').fill('2026-06-30');
    await pane.getByLabel('Description').fill('Quarterly access review signed by the CISO');
    await expect.poll(() => pane.getByText('Saved').isVisible()).toBe(true);
    await session.screenshot('evidence-pdf');

    // The image too.
    await table.getByRole('button', { name: 'mfa-settings.png' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: 'Evidence image mfa-settings.png' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);

    // The same bytes under another name are not stored twice.
    writeFileSync(join(dir, 'copy-of-review.pdf'), pdf);
    await page
      .locator('input[type=file][aria-label="Add files…"]')
      .setInputFiles(join(dir, 'copy-of-review.pdf'));
    await expect.poll(() => page.getByText(/already in the evidence library/).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);

    // Replace the PDF: version 2 is current, version 1 stays listed with its hash.
    await table.getByRole('button', { name: 'access-review-q2.pdf' }).click();
    const updated = minimalPdf('Access review Q2 2026 (signed)');
    writeFileSync(join(dir, 'access-review-q2-signed.pdf'), updated);
    await pane.getByRole('button', { name: 'Replace file…' }).click();
    await pane.getByLabel('Why is the file replaced?').fill('Client sent the signed copy');
    await pane
      .locator('input[type=file][aria-label="New version of the file"]')
      .setInputFiles(join(dir, 'access-review-q2-signed.pdf'));
    await expect.poll(() => pane.getByText('Versions (2)').isVisible()).toBe(true);
    await expect.poll(() => pane.getByText(sha(pdf)).isVisible()).toBe(true);
    await expect.poll(() => pane.getByText(sha(updated)).isVisible()).toBe(true);

    // Filters: type and as-of date.
    await page.getByLabel('File type').selectOption({ label: 'Image' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByLabel('File type').selectOption({ label: 'All types' });
    await page.getByLabel('As of from').fill('2026-06-01');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByLabel('As of from').fill('');

    await page.reload();
    const t2 = page.getByRole('table', { name: 'Evidence files' });
    await expect.poll(() => t2.getByRole('row').count()).toBe(3);
    await t2.getByRole('button', { name: 'access-review-q2-signed.pdf' }).click();
    await expect.poll(() => pane.getByText('Page 1 of 1').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => pane.getByLabel('As of (the date it pertains to)').inputValue())
      .toBe('2026-06-30');
    // Ctrl+K finds a file by the beginning of any of its versions' hashes.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    const jump = page.getByRole('dialog', { name: 'Go to' });
    await page.keyboard.type(sha(pdf).slice(0, 12));
    await expect.poll(() => jump.getByRole('option').count()).toBe(1);
    await expect
      .poll(() => jump.getByRole('option').first().innerText())
      .toContain('access-review-q2-signed.pdf');
    await page.keyboard.press('Escape');
    expect(cspViolations(session.problems)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
