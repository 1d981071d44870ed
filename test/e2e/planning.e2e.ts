/**
 * Planning as the issue describes it, in Chromium: import a messy client control matrix from .xlsx (fixing
 * one column mapping), see coverage flag the criteria without a control, draft a description section,
 * generate the request list, export it for the client and import the client's filled-in file back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, newType2, useBrowserSessions } from './harness';
import { generateControlMatrix } from '../generators/large-engagement';
import { compareReferences } from '../../shared/domain/planning';

useBrowserSessions();

/** A client's control matrix as clients send them: a merged title, notes above the header, odd wordings. */
async function messyMatrix(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Instructions').addRow(['Read me first']);
  const ws = wb.addWorksheet('RCM FY2026');
  ws.addRow(['Northwind Payroll — Risk & Control Matrix FY2026']);
  ws.mergeCells('A1:G1');
  ws.addRow([]);
  ws.addRow(['Prepared by: client compliance team', '', '', 'Version 3']);
  ws.addRow(['Control #', 'Control Name', 'How it works', 'TSC', 'Owner', 'Frequency', 'Internal comment']);
  ws.addRow([
    'AC-01',
    'SSO and MFA',
    'All production access goes through SSO with MFA.',
    'CC 6.1 - Logical access',
    'IT',
    'Continuous',
    'x',
  ]);
  ws.addRow([
    'AC-02',
    'Access approval',
    'Managers approve access requests in the ticketing tool before access is granted.',
    'cc6.2/6.3',
    'IT',
    'Per event',
    '',
  ]);
  ws.addRow([]);
  ws.addRow([
    'CM-01',
    'Change approval',
    'Pull requests need an approving review.',
    { formula: 'CONCAT("CC","8.1")', result: 'CC8.1' },
    'Engineering',
    'As needed',
    '',
  ]);
  ws.addRow([
    'RA-01',
    'Risk assessment',
    'Management assesses risks each year.',
    'CC3.1;CC3.2\nCC3.4',
    'CFO',
    'Annually',
    '',
  ]);
  ws.addRow(['OP-01', 'Monitoring', 'Alerts are reviewed daily.', 'CC7.2, CC7.3', 'SRE', 'Daily', '']);
  ws.addRow([]);
  ws.addRow([]);
  await wb.xlsx.writeFile(path);
}

describe('planning', () => {
  it('imports a control matrix, flags uncovered criteria, drafts the description and exchanges the request list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-planning-'));
    const matrix = join(dir, 'Northwind RCM.xlsx');
    await messyMatrix(matrix);

    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Northwind Payroll LLC', 'Payroll Cloud', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No controls yet' }).isVisible()).toBe(true);

    // Import: the file, the sheet with the matrix (not the instructions), the header on row 4.
    await page.getByRole('button', { name: 'Import from spreadsheet…' }).first().click();
    const importer = page.getByRole('dialog', { name: 'Import a control matrix' });
    const chooser = page.waitForEvent('filechooser');
    await importer.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(matrix);
    await expect.poll(() => importer.getByLabel('Sheet', { exact: true }).inputValue()).toBe('1');
    expect(await importer.getByLabel('Header row', { exact: true }).inputValue()).toBe('4');
    expect(await importer.getByLabel('Column for Control reference').inputValue()).toBe('0');
    expect(await importer.getByLabel('Column for Criteria').inputValue()).toBe('3');
    // "How it works" is not a heading Fieldwork knows: the description is unmapped until the auditor says so.
    await expect.poll(() => importer.getByText('Choose a column for: Description.').isVisible()).toBe(true);
    expect(await importer.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await session.screenshot('30-import-mapping');
    await importer.getByLabel('Column for Description').selectOption({ label: 'C "How it works"' });
    await expect.poll(() => importer.getByText('5 new').isVisible()).toBe(true);
    await expect.poll(() => importer.getByText('No errors').isVisible()).toBe(true);
    await session.screenshot('31-import-preview');
    await importer.getByRole('button', { name: 'Import 5 controls' }).click();
    await expect
      .poll(() => page.getByText(/Imported Northwind RCM\.xlsx: 5 controls added, 0 updated/).isVisible())
      .toBe(true);
    const table = page.getByRole('table', { name: 'Controls' });
    await expect.poll(() => table.getByRole('row').count()).toBe(6);
    await expect.poll(() => table.getByRole('row', { name: /AC-02 .*CC6\.2, CC6\.3/ }).count()).toBe(1);
    await expect
      .poll(() => table.getByRole('row', { name: /CM-01 .*CC8\.1 .*Event-driven/ }).count())
      .toBe(1);

    // Coverage: 9 of 33 criteria have a control; CC9.2 (vendors) is flagged.
    await page.getByRole('link', { name: 'Coverage' }).click();
    const coverage = page.getByRole('group', { name: 'Coverage counts' });
    await expect.poll(() => coverage.getByRole('button', { name: /9\s*Covered/ }).isVisible()).toBe(true);
    await expect
      .poll(() => coverage.getByRole('button', { name: /24\s*Without a control/ }).isVisible())
      .toBe(true);
    const cc92 = page.locator('#coverage-CC9\\.2');
    expect(await cc92.getByText('No control').isVisible()).toBe(true);
    await coverage.getByRole('button', { name: /Without a control/ }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Coverage' }).getByText('Covered', { exact: true }).count())
      .toBe(0);
    await session.screenshot('32-coverage-gaps');

    // Map OP-01 to CC9.2 from the control panel, keyboard only; the gap closes.
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await table.getByRole('row', { name: /OP-01/ }).click();
    const picker = page.getByRole('combobox', { name: 'Mapped criteria' });
    await picker.fill('9.2');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);
    await expect
      .poll(() => table.getByRole('row', { name: /OP-01 .*CC7\.2, CC7\.3, CC9\.2/ }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Coverage' }).click();
    await expect.poll(() => page.getByRole('button', { name: /10\s*Covered/ }).isVisible()).toBe(true);

    // Draft a description section; it is saved and still there after a reload.
    await page.getByRole('link', { name: 'System description' }).click();
    await page.getByRole('link', { name: /Company overview and services provided/ }).click();
    const text = page.getByLabel('Section text', { exact: true });
    await text.fill(
      'Northwind Payroll LLC runs **Payroll Cloud** for 300 employers.\n\n- Payroll runs\n- Tax filings',
    );
    await expect.poll(() => page.getByText('All changes saved').isVisible()).toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Section text', { exact: true }).inputValue())
      .toContain('for 300 employers');
    expect(await page.getByLabel('Status').inputValue()).toBe('drafting');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Section text preview' }).getByText('Payroll Cloud').isVisible(),
      )
      .toBe(true);
    await session.screenshot('33-description-section');

    // Requests: one per control, opened, exported for the client.
    await page.getByRole('link', { name: 'Requests (PBC)' }).click();
    await page.getByRole('button', { name: 'Generate from controls…' }).click();
    await page
      .getByRole('dialog', { name: 'Generate requests from controls' })
      .getByRole('button', { name: 'Generate 5 requests' })
      .click();
    const requests = page.getByRole('table', { name: 'Requests' });
    await expect.poll(() => requests.getByRole('row').count()).toBe(6);
    await page.getByLabel('Select all shown requests').click();
    await page
      .getByRole('region', { name: 'Selected requests' })
      .getByLabel('Set status to')
      .selectOption('open');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => requests.getByText('Open', { exact: true }).count()).toBe(5);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export for the client (.xlsx)' }).click();
    const exported = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(exported);
    expect(exported).toMatch(/Request list - Northwind Payroll LLC - \d{4}-\d{2}-\d{2}\.xlsx$/);

    // The client fills in statuses and comments (and edits a description they should not touch).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(exported)).buffer);
    const sheet = wb.getWorksheet('Requests');
    if (!sheet) throw new Error('no Requests sheet');
    let header = 0;
    const col: Record<string, number> = {};
    sheet.eachRow((row, n) => {
      const values = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
      if (!header && values.includes('Request #')) {
        header = n;
        values.forEach((v, i) => (col[v] = i));
      }
    });
    const rowOf = (pbc: string) => {
      for (let n = header + 1; n <= sheet.rowCount; n += 1)
        if (sheet.getRow(n).getCell(col['Request #'] ?? 1).value === pbc) return sheet.getRow(n);
      throw new Error(`${pbc} not in the file`);
    };
    rowOf('PBC-001').getCell(col['Status'] ?? 0).value = 'Submitted';
    rowOf('PBC-001').getCell(col['Client comments'] ?? 0).value = 'Uploaded to the shared folder.';
    rowOf('PBC-002').getCell(col['Status'] ?? 0).value = 'In progress';
    rowOf('PBC-003').getCell(col['Description'] ?? 0).value = 'We only keep 6 months of change history.';
    const returned = join(dir, 'returned.xlsx');
    writeFileSync(returned, new Uint8Array(await wb.xlsx.writeBuffer()));

    await page.getByRole('button', { name: "Import the client's file…" }).click();
    const back = page.getByRole('dialog', { name: "Import the client's request list" });
    const chooser2 = page.waitForEvent('filechooser');
    await back.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser2).setFiles(returned);
    const changes = back.getByRole('table', { name: 'Changes from the client' });
    await expect.poll(() => changes.getByRole('row').count()).toBe(4); // header + 3 changes
    await expect
      .poll(() => back.getByText(/Take the client's description for PBC-003/).isVisible())
      .toBe(true);
    await session.screenshot('34-request-list-import');
    await back.getByRole('button', { name: 'Apply 3 changes' }).click();
    await expect.poll(() => page.getByText(/Updated 2 requests from returned\.xlsx/).isVisible()).toBe(true);
    await expect.poll(() => requests.getByRole('row', { name: /PBC-001 .*Submitted/ }).count()).toBe(1);
    await expect.poll(() => requests.getByRole('row', { name: /PBC-002 .*In progress/ }).count()).toBe(1);
    // The description the client changed was shown, not applied.
    await requests.getByRole('button', { name: 'PBC-003' }).click();
    expect(await page.getByLabel('What is needed').inputValue()).not.toContain('6 months');
    await requests.getByRole('button', { name: 'PBC-001' }).click();
    await expect
      .poll(() => page.getByLabel('Comments (auditor and client)').inputValue())
      .toBe('Uploaded to the shared folder.');
    await session.screenshot('35-requests-after-import');
    expect(cspViolations(session.problems)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);

  it('imports a 500-control matrix and keeps the table light: only the rows in view are in the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-planning-'));
    const path = join(dir, 'big.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Controls');
    ws.addRow(['Control ID', 'Control Activity', 'Mapped criteria', 'Owner', 'Frequency']);
    const generated = generateControlMatrix(500, ['security'], 5);
    const [last, beforeLast] = generated
      .map((c) => c.reference)
      .sort(compareReferences)
      .reverse();
    for (const c of generated) {
      ws.addRow([c.reference, c.description, c.criteria.join(', '), c.owner, c.frequency]);
    }
    await wb.xlsx.writeFile(path);

    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Bigco', 'Big Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('button', { name: 'Import from spreadsheet…' }).first().click();
    const importer = page.getByRole('dialog', { name: 'Import a control matrix' });
    const chooser = page.waitForEvent('filechooser');
    await importer.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(path);
    await importer.getByRole('button', { name: 'Import 500 controls' }).click();
    await expect
      .poll(() => page.getByText('500 active controls').isVisible(), { timeout: 20_000 })
      .toBe(true);
    const table = page.getByRole('table', { name: 'Controls' });
    expect(await table.getAttribute('aria-rowcount')).toBe('501');
    const rendered = await table.locator('tbody tr:not(.spacer)').count();
    expect(rendered).toBeLessThan(80);
    // Scrolling to the end brings the last control into the page.
    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`^${last} `) }).count()).toBe(1);
    // Keyboard: ↑ from the selected row selects the one above and opens it beside the table.
    await table.getByRole('row', { name: new RegExp(`^${last} `) }).click();
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() =>
        page.getByRole('heading', { level: 2, name: new RegExp(`^${beforeLast ?? ''}\\b`) }).isVisible(),
      )
      .toBe(true);
    await session.screenshot('36-large-matrix');
  }, 90_000);

  it('re-imports an updated matrix: changes are listed first, mappings in Fieldwork are kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-planning-'));
    const write = async (name: string, rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Controls');
      ws.addRow(['Control ID', 'Control Activity', 'Criteria', 'Notes']);
      for (const r of rows) ws.addRow(r);
      await wb.xlsx.writeFile(join(dir, name));
      return join(dir, name);
    };
    const v1 = await write('v1.xlsx', [
      ['AC-01', 'SSO with MFA for production.', 'CC6.1, CC6.6', 'Client note'],
      ['AC-02', 'Access requests approved.', 'CC6.2', ''],
    ]);
    const v2 = await write('v2.xlsx', [
      ['ac-01', 'SSO with phishing-resistant MFA for production.', 'CC6.1', null],
      ['AC-02', 'Access requests approved.', 'CC6.2, CC6.3', ''],
      ['AC-03', 'Terminated users removed within a day.', 'CC6.2', ''],
    ]);
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Acme', 'Acme Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    const importFile = async (path: string) => {
      await page.getByRole('button', { name: 'Import from spreadsheet…' }).first().click();
      const importer = page.getByRole('dialog', { name: 'Import a control matrix' });
      const chooser = page.waitForEvent('filechooser');
      await importer.getByRole('button', { name: 'Choose file…' }).click();
      await (await chooser).setFiles(path);
      return importer;
    };
    await (await importFile(v1)).getByRole('button', { name: 'Import 2 controls' }).click();
    await expect.poll(() => page.getByText('2 active controls').isVisible()).toBe(true);

    const importer = await importFile(v2);
    await expect.poll(() => importer.getByText('1 new').isVisible()).toBe(true);
    expect(await importer.getByText('2 updated').isVisible()).toBe(true);
    // CC6.6 is mapped in Fieldwork but not in the new file: kept, and said so.
    await expect
      .poll(() =>
        importer
          .getByText(/CC6\.6 is mapped to AC-01 in Fieldwork but not in this file; the mapping is kept/)
          .isVisible(),
      )
      .toBe(true);
    // With updates in the file, the rows and their changes are shown without asking.
    expect(await importer.getByText(/Rows \(3 to import or compare\)/).isVisible()).toBe(true);
    const rows = importer.getByRole('table', { name: 'Rows to import' });
    await expect
      .poll(() =>
        rows
          .getByRole('row', {
            name: /AC-01 .*Description: SSO with MFA for production\. → SSO with phishing-resistant MFA/,
          })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => rows.getByRole('row', { name: /AC-02 .*Criteria: CC6\.2 → CC6\.2, CC6\.3/ }).count())
      .toBe(1);
    await session.screenshot('37-reimport-preview');
    await importer.getByRole('button', { name: 'Import 3 controls' }).click();
    await expect.poll(() => page.getByText('3 active controls').isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Controls' });
    await expect.poll(() => table.getByRole('row', { name: /AC-01 .*CC6\.1, CC6\.6/ }).count()).toBe(1);
    await table.getByRole('row', { name: /AC-01/ }).click();
    // The empty notes cell in the new file did not clear the note.
    expect(await page.getByLabel('Notes').inputValue()).toBe('Client note');
  }, 90_000);

  it('refuses a file that is not a spreadsheet and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-planning-'));
    const fake = join(dir, 'matrix.xlsx');
    writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]));
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    const dialog = await newType2(page, 'Acme', 'Acme Platform', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('button', { name: 'Import from spreadsheet…' }).first().click();
    const importer = page.getByRole('dialog', { name: 'Import a control matrix' });
    const chooser = page.waitForEvent('filechooser');
    await importer.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(fake);
    await expect.poll(() => importer.getByRole('alert').textContent()).toMatch(/image|not a spreadsheet/i);
    await importer.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No controls yet' }).isVisible()).toBe(true);
  }, 60_000);
});
