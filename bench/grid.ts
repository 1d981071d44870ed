/**
 * `npm run bench` (second part): the attribute grid in Debian's Chromium, 60 sample items × 10 attributes.
 * Builds the renderer when dist/renderer is missing, serves it like the end-to-end tests, sets the test up
 * through the UI, then measures (in the page, with performance.now()):
 *   - render: from opening the test to the grid showing its 60 rows;
 *   - keystroke: from a key press on a cell to the mark painted (next animation frame), over 200 presses.
 * Prints figures; asserts nothing. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from '../test/e2e/static-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = join(process.cwd(), 'dist/renderer');
const ITEMS = 60;
const ATTRIBUTES = 10;

async function setUp(page: Page): Promise<string> {
  await page.getByLabel('Full name').fill('Bench Auditor');
  await page.getByLabel('Firm').fill('Bench LLP');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'New engagement' }).first().click();
  const d = page.getByRole('dialog', { name: 'New engagement' });
  await d.getByLabel('Service organization').fill('Bench Co');
  await d.getByLabel('System name').fill('Grid');
  await d.getByLabel('Engagement type').selectOption({ label: 'SOC 2 Type 2' });
  await d.getByLabel('Period start').fill('2026-01-01');
  await d.getByLabel('Period end').fill('2026-12-31');
  await d.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('link', { name: 'Controls', exact: true }).click();
  await page.getByRole('button', { name: 'New control' }).first().click();
  const nc = page.getByRole('dialog', { name: 'New control' });
  await nc.getByLabel('Reference').fill('GR-01');
  await nc.getByLabel('Description').fill('A control tested on 60 items.');
  await nc.getByRole('button', { name: 'Add control' }).click();
  await page.locator('.detail-pane').getByLabel('Risk / reliance').selectOption({ label: 'High' });
  await page.getByRole('link', { name: 'Tests of controls' }).click();
  await page.getByRole('button', { name: 'New test' }).click();
  await page
    .getByRole('dialog', { name: 'New test of a control' })
    .getByRole('button', { name: 'Create test' })
    .click();
  for (let i = 0; i < ATTRIBUTES; i += 1) {
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await page
      .getByLabel(`Attribute ${String.fromCharCode(65 + i)}`, { exact: true })
      .fill(`Attribute ${i + 1} holds`);
  }
  await page.getByRole('button', { name: 'Enter a count…' }).click();
  await page.getByLabel('Number of items').fill('1000');
  await page.getByRole('button', { name: 'Record the count' }).click();
  await page.getByLabel('Sample size').fill(String(ITEMS));
  await page.waitForTimeout(800); // autosave
  await page.getByRole('button', { name: 'Select the sample' }).click();
  await page.getByRole('grid', { name: 'Attribute testing' }).getByRole('row').nth(ITEMS).waitFor();
  return page.url();
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`grid benchmark skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  }
  const server = await startStaticServer(DIST);
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    const testUrl = await setUp(page);
    const testsUrl = testUrl.replace(/\/tests\/.*$/, '/tests');

    const renders: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      await page.goto(testsUrl);
      await page.getByRole('table', { name: 'Tests' }).waitFor();
      renders.push(
        await page.evaluate(
          ([hash, rows]) =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              window.location.hash = hash;
              const check = () => {
                const grid = document.querySelector('[aria-label="Attribute testing"]');
                if (grid && grid.querySelectorAll('tbody tr').length >= rows)
                  resolve(performance.now() - start);
                else requestAnimationFrame(check);
              };
              check();
            }),
          [new URL(testUrl).hash, ITEMS] as const,
        ),
      );
    }

    await page.locator('[data-cell="0-0"]').click();
    const presses = await page.evaluate(async (count) => {
      const times: number[] = [];
      const keys = [' ', 'v', 'n', ' '];
      for (let i = 0; i < count; i += 1) {
        const cell = document.activeElement as HTMLElement;
        const start = performance.now();
        cell.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % keys.length], bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        times.push(performance.now() - start);
        // Every 60 presses, move to the next column's top (Home of the next column).
        if ((i + 1) % 60 === 0) {
          const next = document.querySelector<HTMLElement>(`[data-cell="0-${(i + 1) / 60}"]`);
          next?.focus();
        }
      }
      return times;
    }, 200);
    // Let the queued writes finish so the figure includes nothing pending.
    const settleStart = Date.now();
    await page.waitForFunction(() => document.querySelectorAll('.mark-pass, .mark-na').length >= 200, null, {
      timeout: 60_000,
    });
    const settle = Date.now() - settleStart;

    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
    };
    console.log(`\nAttribute grid in Chromium (${ITEMS} items × ${ATTRIBUTES} attributes)`);
    console.log(`  render (open the test → 60 rows shown), 5 runs: ${stats(renders)}`);
    console.log(`  key press → mark painted, 200 presses: ${stats(presses)}`);
    console.log(`  all 200 marks saved to IndexedDB ${settle} ms after the last press`);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
