/**
 * Interviews and walkthroughs in Chromium: record an interview (an interviewee, notes that survive a reload
 * typed moments before it, a follow-up turned into a request), then a walkthrough with two steps, evidence
 * attached to a step through the file chooser, design and implementation concluded; reload and find it all.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfile, cspViolations, launch, newType2, useBrowserSessions, loadDemo } from './harness';

useBrowserSessions();

/** The smallest valid PNG (1×1, grey): a screenshot the auditor took during the walkthrough. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3x2nWQAAAABJRU5ErkJggg==',
  'base64',
);

describe('interviews and walkthroughs', () => {
  it('records an interview with a follow-up request and a walkthrough with step evidence, and keeps them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-walkthrough-'));
    const screenshotFile = join(dir, 'ITSM-4711 approval.png');
    writeFileSync(screenshotFile, PNG);

    const session = await launch();
    const { page } = session;
    page.setDefaultTimeout(8000);
    await createProfile(page);
    const dialog = await newType2(page, 'Northwind Payroll LLC', 'Payroll Cloud', '2026-01-01', '2026-12-31');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();

    // One control to speak about.
    await page.getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('button', { name: 'Add a control by hand' }).click();
    const newControl = page.getByRole('dialog', { name: 'New control' });
    await newControl.getByLabel('Reference').fill('AC-01');
    await newControl.getByLabel('Title').fill('Access approval');
    await newControl
      .getByLabel('Description')
      .fill('Managers approve access requests before access is granted.');
    await newControl.getByRole('button', { name: 'Add control' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Controls' }).getByRole('row').count()).toBe(2);

    // --- Interview ---
    await page.getByRole('link', { name: 'Interviews' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No interviews yet' }).isVisible()).toBe(true);
    await session.screenshot('50-interviews-empty');
    await page.getByRole('button', { name: 'Record the first interview' }).click();
    const editor = page.getByRole('complementary', { name: /Interview/ });
    const title = editor.getByRole('textbox', { name: 'Title', exact: true });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Access management with the IT manager'); // replaces the selected placeholder
    await editor.getByLabel('Place').fill('Video call');
    await editor.getByLabel('New interviewee: name').fill('Jane Roe');
    await editor.getByLabel('New interviewee: title or role').fill('IT manager');
    await editor.getByLabel('New interviewee: organization').fill('Northwind');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.getByLabel('Name of interviewee 1').inputValue()).toBe('Jane Roe');
    expect(await editor.getByRole('checkbox', { name: /Ana López/ }).isChecked()).toBe(true);
    await editor.getByRole('checkbox', { name: /AC-01/ }).check();
    await expect
      .poll(() => editor.getByText('Inquiry alone does not support a conclusion on AC-01').isVisible())
      .toBe(true);
    await editor.getByLabel('New follow-up item').fill('Obtain the Q1 user access review sign-off');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => editor.getByLabel('Follow-up 1', { exact: true }).inputValue())
      .toBe('Obtain the Q1 user access review sign-off');
    // Notes typed and the window reloaded at once: nothing is lost.
    await editor.getByLabel('Notes').click();
    await page.keyboard.type('Managers approve every request in the ticketing tool. No ticket, no access.');
    await page.reload();
    const notes = page.getByRole('complementary', { name: /Interview/ }).getByLabel('Notes');
    await expect
      .poll(() => notes.inputValue())
      .toBe('Managers approve every request in the ticketing tool. No ticket, no access.');
    await expect.poll(() => editor.getByText('All changes saved').isVisible()).toBe(true);
    await session.screenshot('51-interview-editor');

    await editor.getByRole('button', { name: 'Create request from follow-up 1' }).click();
    const requestLink = editor.getByRole('link', { name: 'PBC-001' });
    await expect.poll(() => requestLink.isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Interviews' });
    expect(
      await table.getByRole('row', { name: /Access management with the IT manager.*1 open/ }).count(),
    ).toBe(1);
    await session.screenshot('52-interview-follow-up-request');
    await requestLink.click();
    const request = page.getByRole('complementary', { name: /PBC-001/ });
    await expect
      .poll(() => request.getByLabel('Title').inputValue())
      .toBe('Obtain the Q1 user access review sign-off');
    expect(await request.getByLabel('Status').inputValue()).toBe('draft');
    expect(await request.getByLabel('Type').inputValue()).toBe('document');
    expect(await request.getByRole('checkbox', { name: /AC-01/ }).isChecked()).toBe(true);

    // --- Walkthrough ---
    await page.getByRole('link', { name: 'Walkthroughs' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'No walkthroughs yet' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: 'Record the first walkthrough' }).click();
    const wt = page.getByRole('complementary', { name: /Walkthrough/ });
    await wt
      .getByRole('textbox', { name: 'Process or control walked through' })
      .fill('User access — new joiner');
    await wt.getByLabel('Instance traced').fill('ITSM-4711');
    await expect
      .poll(() => wt.getByText('Inquiry-only walkthroughs are not acceptable').isVisible())
      .toBe(true);
    expect(await wt.getByText('operating effectiveness is tested separately', { exact: false }).count()).toBe(
      1,
    );
    await wt.getByRole('button', { name: 'Add the trigger (first step)' }).click();
    const step1 = wt.getByRole('group', { name: 'Step 1' });
    await expect
      .poll(() => step1.getByLabel('What happens').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.type('HR raises a joiner ticket with the role.');
    await step1.getByLabel('Systems used').fill('ServiceNow');
    await wt.getByRole('button', { name: 'Add step' }).click();
    const step2 = wt.getByRole('group', { name: 'Step 2' });
    await step2.getByLabel('Kind of step 2').selectOption('decision');
    await step2.getByLabel('What happens').fill('The manager approves the ticket.');
    await step2.getByLabel('Performed by').fill('Line manager');
    // Evidence for step 1, through the (hidden) file input of its panel.
    await step1
      .getByRole('region', { name: 'Evidence for step 1' })
      .locator('input[type="file"]')
      .setInputFiles(screenshotFile);
    await expect
      .poll(() => step1.getByRole('button', { name: 'ITSM-4711 approval.png', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => wt.getByText('Inquiry-only walkthroughs are not acceptable').count()).toBe(0);
    await step1.scrollIntoViewIfNeeded();
    await session.screenshot('53-walkthrough-step-evidence');
    await wt.getByRole('checkbox', { name: /AC-01/ }).check();
    await wt.getByRole('group', { name: 'Suitably designed?' }).getByLabel('Yes').check();
    await wt.getByRole('group', { name: 'Placed in operation?' }).getByLabel('Yes').check();
    await expect.poll(() => wt.getByText('All changes saved').isVisible()).toBe(true);
    await session.screenshot('54-walkthrough-conclusions');

    // Everything is still there after a reload.
    await page.reload();
    const wtTable = page.getByRole('table', { name: 'Walkthroughs' });
    await expect
      .poll(() =>
        wtTable.getByRole('row', { name: /User access — new joiner.*Designed.*In operation/ }).count(),
      )
      .toBe(1);
    await expect.poll(() => wt.getByLabel('Instance traced').inputValue()).toBe('ITSM-4711');
    await session.screenshot('55-walkthrough-reloaded');
    expect(await step1.getByLabel('What happens').inputValue()).toBe(
      'HR raises a joiner ticket with the role.',
    );
    expect(await step2.getByLabel('Kind of step 2').inputValue()).toBe('decision');
    expect(await step1.getByRole('button', { name: 'ITSM-4711 approval.png', exact: true }).isVisible()).toBe(
      true,
    );
    expect(await wt.getByRole('group', { name: 'Suitably designed?' }).getByLabel('Yes').isChecked()).toBe(
      true,
    );
    expect(await wt.getByRole('group', { name: 'Placed in operation?' }).getByLabel('Yes').isChecked()).toBe(
      true,
    );
    // Esc closes the editor; the list shows the file count and the conclusions.
    await wt.getByLabel('Instance traced').press('Escape');
    await expect.poll(() => wt.count()).toBe(0);
    expect(await wtTable.getByRole('row', { name: /1 file/ }).count()).toBe(1);
    await session.screenshot('56-walkthroughs-list');

    // The walkthrough corroborates AC-01: the interview no longer warns about inquiry alone.
    await page.getByRole('link', { name: 'Interviews' }).click();
    await table.getByRole('row', { name: /Access management/ }).click();
    await expect.poll(() => editor.getByLabel('Notes').inputValue()).toContain('No ticket, no access.');
    expect(await editor.getByText('Inquiry alone does not support').count()).toBe(0);
    expect(await editor.getByLabel('Name of interviewee 1').inputValue()).toBe('Jane Roe');
    expect(await editor.getByRole('link', { name: 'PBC-001' }).isVisible()).toBe(true);

    expect(cspViolations(session.problems)).toEqual([]);
  });

  it('lists the demo engagement’s interviews and walkthroughs and moves through them by keyboard', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page);
    await expect.poll(() => page.getByRole('heading', { name: 'No engagements yet' }).isVisible()).toBe(true);
    await loadDemo(page);

    await page.getByRole('link', { name: 'Interviews' }).click();
    const table = page.getByRole('table', { name: 'Interviews' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await session.screenshot('57-demo-interviews');
    // ↓ opens the first interview, ↓ the next, Enter goes into its editor, Esc closes it.
    await table.getByRole('row').nth(1).focus();
    await page.keyboard.press('ArrowDown');
    const editor = page.getByRole('complementary', { name: /Interview/ });
    await expect.poll(() => editor.getByRole('heading').first().textContent()).toMatch(/with the CISO/);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => editor.getByRole('heading').first().textContent())
      .toMatch(/with the Head of Engineering/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('Change management with the Head of Engineering');
    await session.screenshot('58-demo-interview-editor');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected')))
      .toBe('false');

    await page.getByRole('link', { name: 'Walkthroughs' }).click();
    const walkthroughs = page.getByRole('table', { name: 'Walkthroughs' });
    await expect.poll(() => walkthroughs.getByRole('row').count()).toBe(3);
    await session.screenshot('59-demo-walkthroughs');
    await walkthroughs.getByRole('row', { name: /Change management/ }).click();
    const wt = page.getByRole('complementary', { name: /Walkthrough/ });
    await expect.poll(() => wt.getByRole('group', { name: 'Step 5' }).isVisible()).toBe(true);
    await session.screenshot('60-demo-walkthrough-editor');
    // At 150 % zoom on a 1366×768 laptop the editor slides over the list.
    await page.setViewportSize({ width: 911, height: 512 });
    await session.screenshot('61-demo-walkthrough-150');
    await page.setViewportSize({ width: 1366, height: 768 });
    // Step 3 moves up by keyboard and the focus follows it.
    await wt.getByRole('button', { name: 'Move step 3 up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => wt.getByRole('group', { name: 'Step 2' }).getByLabel('Kind of step 2').inputValue())
      .toBe('decision');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move step 2 up');
    expect(cspViolations(session.problems)).toEqual([]);
  });
});
