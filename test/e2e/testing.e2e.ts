/**
 * A Type 2 test from population to conclusion in Chromium: plan a test for a control, import a 500-row
 * population from an .xlsx, select a seeded sample, mark tickmarks by keyboard including one exception,
 * describe the exception, expand the sample, conclude, then reload and find it all.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, newType2, useBrowserSessions } from './harness';
import { populationXlsx } from '../generators/population';
import { selectRandom } from '../../shared/domain/sampling';

useBrowserSessions();

describe('tests of controls', () => {
  it('runs a complete Type 2 test from population to conclusion', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Northwind Health', 'Claims Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();

    // A control to test.
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('button', { name: 'New control' }).first().click();
    const nc = page.getByRole('dialog', { name: 'New control' });
    await nc.getByLabel('Reference').fill('CM-01');
    await nc.getByLabel('Description').fill('Changes are approved by a second engineer before deployment.');
    await nc.getByRole('button', { name: 'Add control' }).click();
    const editor = page.locator('.detail-pane');
    await editor.getByLabel('Frequency').selectOption({ label: 'Multiple times a day' });
    await editor.getByLabel('Nature').selectOption({ label: 'Manual' });
    await editor.getByLabel('Risk / reliance').selectOption({ label: 'Low' });
    await expect.poll(() => editor.getByText('All changes saved').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Tests of controls' }).click();
    await page.getByRole('button', { name: 'New test' }).click();
    await page
      .getByRole('dialog', { name: 'New test of a control' })
      .getByRole('button', { name: 'Create test' })
      .click();
    await expect.poll(() => page.getByRole('heading', { name: /T-CM-01/ }).isVisible()).toBe(true);

    // Design: two attributes.
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await page
      .getByLabel('Attribute A', { exact: true })
      .fill('Approved by a second engineer before deployment');
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await page.getByLabel('Attribute B', { exact: true }).fill('Approver is not the author');
    // After the autosave the field being typed in keeps the keyboard (the editor never shows an older
    // revision in between, which would unmount the new row).
    await expect.poll(() => page.locator('#wp-design').getByText('All changes saved').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Attribute B');

    // Population from a 500-row workbook.
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-population-'));
    const file = join(dir, 'changes-2026.xlsx');
    writeFileSync(
      file,
      await populationXlsx({ rows: 500, start: '2026-01-01', end: '2026-12-31', outside: 2 }),
    );
    await page.getByRole('button', { name: 'Import population file…' }).click();
    const imp = page.getByRole('dialog', { name: 'Import the population' });
    await imp.getByLabel('Population file (.xlsx or .csv)').setInputFiles(file);
    await expect
      .poll(() => imp.getByRole('button', { name: 'Use these 500 items' }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => imp.getByText(/2 items are dated outside the examination period/).isVisible())
      .toBe(true);
    expect(await imp.getByLabel('Item identifier (key column)').inputValue()).toBe('0');
    await imp.getByLabel('What the population is').fill('changes deployed to production in 2026');
    await imp.getByRole('button', { name: 'Use these 500 items' }).click();
    await expect.poll(() => page.getByText(/2 items outside the period/).isVisible()).toBe(true);

    // Sample: the recommendation for a low-risk control performed many times a day is 25.
    await expect.poll(() => page.getByText('25 items', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Select the sample' }).click();
    const grid = page.getByRole('grid', { name: 'Attribute testing' });
    await expect.poll(() => grid.getByRole('row').count()).toBe(26);
    const seed = (await page.locator('#wp-sampling .facts dd.mono').innerText()).slice(0, 32);
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    // The browser selected exactly what the same seed selects in Node: the sample can be re-performed.
    const keys = await grid.locator('tbody th[scope=row]').allInnerTexts();
    const expected = selectRandom({ populationSize: 500, sampleSize: 25, seed }).map(
      (i) => `CHG-${10001 + i}`,
    );
    expect(keys).toEqual(expected);

    // Mark by keyboard: ✓ down the first column (Space moves down), one X, then the second column.
    await grid.locator('[data-cell="0-0"]').click();
    for (let i = 0; i < 25; i += 1) await page.keyboard.press(i === 3 ? 'x' : ' ');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('v');
    await expect.poll(() => grid.locator('.mark-exception').count()).toBe(1);
    await expect.poll(() => grid.locator('.mark-pass').count()).toBe(49);
    await session.screenshot('test-grid');

    // The exception opened in section 5: describe it.
    const exception = page.getByRole('group', { name: 'EX-01' });
    await expect.poll(() => exception.isVisible()).toBe(true);
    await exception
      .getByLabel(/Description of the condition/)
      .fill('The change was deployed before the approval was recorded.');
    await exception.getByLabel('Isolated').check();
    await expect.poll(() => page.getByText('1 of 25', { exact: false }).first().isVisible()).toBe(true);

    // Expand by 15 from the same seeded sequence.
    await page.getByRole('button', { name: 'Expand the sample…' }).click();
    const ex = page.getByRole('dialog', { name: 'Expand the sample' });
    await ex.getByLabel('Items to add').fill('15');
    await ex.getByRole('button', { name: 'Add 15 items' }).click();
    await expect.poll(() => grid.getByRole('row').count()).toBe(41);
    // Mark the new items (rows 26–40) in both columns.
    await grid.locator('[data-cell="25-0"]').click();
    for (let i = 0; i < 15; i += 1) await page.keyboard.press(' ');
    await grid.locator('[data-cell="25-1"]').click();
    for (let i = 0; i < 15; i += 1) await page.keyboard.press(' ');
    await expect.poll(() => grid.locator('.mark-pass').count()).toBe(79);

    // Conclude with the suggested conclusion and a rationale.
    const evaluation = page.locator('#wp-evaluation');
    await expect.poll(() => evaluation.getByText('1 of 40').isVisible()).toBe(true);
    await evaluation.getByRole('button', { name: 'Use the suggested conclusion' }).click();
    expect(await evaluation.getByLabel('Conclusion').inputValue()).toBe('effective-with-exceptions');
    await evaluation
      .getByLabel('Rationale')
      .fill('One isolated exception in 40 items; within the tolerable rate.');
    await expect.poll(() => evaluation.getByText('All changes saved').isVisible()).toBe(true);
    await expect
      .poll(() =>
        evaluation
          .getByText(/Exception noted\. For 1 of the 40 items sampled, the change was deployed/)
          .isVisible(),
      )
      .toBe(true);
    await session.screenshot('test-conclusion');

    await page.reload();
    await expect
      .poll(() => page.getByRole('grid', { name: 'Attribute testing' }).getByRole('row').count())
      .toBe(41);
    await expect.poll(() => page.locator('#wp-sampling .facts dd.mono').innerText()).toContain(seed);
    await expect.poll(() => page.getByRole('heading', { name: /T-CM-01/ }).isVisible()).toBe(true);
    expect(await page.locator('#wp-evaluation').getByLabel('Conclusion').inputValue()).toBe(
      'effective-with-exceptions',
    );
    await page.getByRole('button', { name: '← All tests' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Tests' })
          .getByText('Operating effectively with exceptions noted')
          .isVisible(),
      )
      .toBe(true);
    expect(cspViolations(session.problems)).toEqual([]);
  });
});
