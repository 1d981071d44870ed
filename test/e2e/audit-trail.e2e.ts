/**
 * The audit trail viewer as an auditor uses it, in Chromium: changes made on other screens show up newest
 * first, the list filters by record type, an event shows its values before and after, Verify checks the
 * hash chain, the CSV export holds one row per field change (text that looks like a formula stays text),
 * and a record's own history is one link away.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, createProfile, cspViolations, launch, newType2, useBrowserSessions } from './harness';
import { parseCsv } from '../../shared/formats/csv';

useBrowserSessions();

describe('audit trail', () => {
  it('lists, filters, explains, verifies and exports the changes, and shows one record’s history', async () => {
    const session = await launch();
    const { page } = session;
    page.setDefaultTimeout(10_000);
    await createProfile(page);
    const dialog = await newType2(page, 'Northwind Payroll LLC', 'Payroll Cloud', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();

    // A couple of changes: a control added (its title looks like a spreadsheet formula), then its owner set.
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('button', { name: 'Add a control by hand' }).click();
    const newControl = page.getByRole('dialog', { name: 'New control' });
    await newControl.getByLabel('Reference').fill('AC-01');
    await newControl.getByLabel('Title').fill('=HYPERLINK("http://example.com","Access approval")');
    await newControl
      .getByLabel('Description')
      .fill('Managers approve access requests before access is granted.');
    await newControl.getByRole('button', { name: 'Add control' }).click();
    const controls = page.getByRole('table', { name: 'Controls' });
    await controls.getByRole('row', { name: /AC-01/ }).click();
    await page.getByLabel('Owner', { exact: true }).fill('IT Manager');
    await page.getByLabel('Owner', { exact: true }).press('Tab');
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);

    // Open the trail from the navigation's Review group: newest first, the owner change on top.
    await page.getByRole('group', { name: 'Review' }).getByRole('link', { name: 'Audit trail' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Audit trail', level: 1 }).isVisible())
      .toBe(true);
    const events = page.getByRole('table', { name: 'Audit events' });
    const rows = events.locator('tbody tr[data-seq]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const total = await rows.count();
    await expect.poll(() => page.getByText(`${total} events`, { exact: true }).isVisible()).toBe(true);
    expect(await rows.first().innerText()).toMatch(/Ana López\s+Control\s+AC-01\s+Changed\s+Owner/);
    expect(await rows.last().innerText()).toMatch(/^1\s.*Engagement\s+Northwind Payroll LLC\s+Added/s);
    await session.screenshot('85-audit-trail');

    // Filter by record type: only the control's two events remain.
    await page.getByLabel('Record type').selectOption({ label: 'Control' });
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.getByText(`Showing 2 of ${total} events`).isVisible()).toBe(true);

    // Open the newest event from the keyboard: Owner, before (empty) and after.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary', { name: /Event #\d+/ });
    await expect.poll(() => details.isVisible()).toBe(true);
    await expect.poll(() => details.evaluate((el) => el === document.activeElement)).toBe(true);
    const owner = details.locator('.trail-change', { hasText: 'Owner' });
    expect(await owner.innerText()).toMatch(/Owner\s+Before\s+\(empty\)\s+After\s+IT Manager/i);
    expect(await details.getByText('Event hash').isVisible()).toBe(true);
    // ↓ moves to the older event (the control being added) and shows its values.
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.getByRole('complementary', { name: /Event #\d+/ }).innerText())
      .toMatch(/Added · Control[\s\S]*Values recorded[\s\S]*Reference\s+AC-01/i);
    await session.screenshot('86-audit-trail-event');
    expect(await axeViolations(page)).toEqual([]);

    // Verify: the chain is intact, with the time of the check.
    await page.getByRole('button', { name: 'Verify' }).click();
    const status = page.getByRole('status').filter({ hasText: /Audit trail intact/ });
    await expect.poll(() => status.innerText()).toMatch(new RegExp(`Audit trail intact, ${total} events`));
    expect(await status.innerText()).toMatch(/Checked \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}/);

    // Export the filtered events: one row per field change, formulas kept as text.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Northwind Payroll LLC audit trail \d{4}-\d{2}-\d{2}\.csv$/);
    const path = join(mkdtempSync(join(tmpdir(), 'fieldwork-trail-')), file.suggestedFilename());
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...body] = parseCsv(text);
    expect(header).toEqual([
      'seq',
      'at',
      'actor id',
      'actor name',
      'record type',
      'record id',
      'record label',
      'action',
      'field',
      'before',
      'after',
      'reason',
      'post-release',
      'prev hash',
      'hash',
      'change in words',
    ]);
    expect(new Set(body.map((r) => r[4]))).toEqual(new Set(['Control']));
    expect(new Set(body.map((r) => r[6]))).toEqual(new Set(['AC-01']));
    const ownerRow = body.find((r) => r[7] === 'Changed');
    expect(ownerRow?.slice(8, 11)).toEqual(['Owner', '', 'IT Manager']);
    expect(ownerRow?.[15]).toBe('Owner: (empty) → IT Manager');
    expect(body.find((r) => r[8] === 'Title')?.[10]).toBe(
      '\'=HYPERLINK("http://example.com","Access approval")',
    );
    expect(body.filter((r) => r[7] === 'Added').length).toBeGreaterThan(3);
    expect(
      body.every((r) => /^[0-9a-f]{64}$/.test(r[14] ?? '') && /^\d{4}-\d\d-\d\dT/.test(r[1] ?? '')),
    ).toBe(true);
    await expect
      .poll(() => page.getByText(`Exported 2 events to ${file.suggestedFilename()}.`).isVisible())
      .toBe(true);

    // One record's history, from the event's History link; "Show all events" goes back.
    await page
      .getByRole('complementary', { name: /Event #\d+/ })
      .getByRole('link', { name: 'History of AC-01' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'History of control AC-01', level: 1 }).isVisible())
      .toBe(true);
    await expect.poll(() => rows.count()).toBe(2);
    await session.screenshot('87-audit-trail-record');
    await page.getByRole('link', { name: 'Show all events' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Audit trail', level: 1 }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(total);
    expect(await page.getByLabel('Record type').inputValue()).toBe('');

    // Post-release changes only (none yet), from the address; an unknown filter is ignored.
    const base = page.url().split('#')[0] ?? '';
    const trail = new URL(page.url()).hash.replace(/\?.*$/, '');
    await page.goto(`${base}${trail}?filter=post-release`);
    await expect
      .poll(() => page.getByText(/No post-release changes: nothing was changed after the report/).isVisible())
      .toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Post-release only' }).isChecked()).toBe(true);
    await page.goto(`${base}${trail}?filter=no-such-filter`);
    await expect.poll(() => page.getByText(`${total} events`, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Post-release only' }).isChecked()).toBe(false);

    // Someone edits an event in the database behind the app's back: Verify names it and shows it, whatever
    // the filters hid.
    const engagementId = decodeURIComponent(trail.split('/')[2] ?? '');
    await page.evaluate(
      (chain) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('fieldwork');
          open.onsuccess = () => {
            const store = open.result.transaction('auditEvents', 'readwrite').objectStore('auditEvents');
            const get = store.get([chain, 2]);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, actorName: 'Mallory' });
              put.onsuccess = () => resolve();
              put.onerror = () => reject(put.error);
            };
          };
          open.onerror = () => reject(open.error);
        }),
      engagementId,
    );
    await page.getByLabel('Record type').selectOption({ label: 'Engagement' });
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /broken/ })
          .innerText(),
      )
      .toMatch(/Audit trail broken at event #2\s*Its content was altered after it was recorded\./);
    await page.getByRole('button', { name: 'Show event #2' }).click();
    await expect.poll(() => rows.count()).toBe(total);
    await expect.poll(() => page.getByRole('complementary', { name: 'Event #2' }).isVisible()).toBe(true);
    expect(await events.locator('tr[aria-selected="true"]').getAttribute('data-seq')).toBe('2');
    // The details show the event as it is stored now, altered name included.
    await expect
      .poll(() => page.getByRole('complementary', { name: 'Event #2' }).innerText())
      .toMatch(/Who\s+Mallory/);
    await session.screenshot('88-audit-trail-broken');

    expect(cspViolations(session.problems)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);
});
