/**
 * The result sentence section IV prints for a test (and the test screen and the workbook show): the auditor's
 * own words when written, otherwise the count of deviations out of the sample with the exception as described
 * for the report — without repeating a count the description already gives.
 */
import { describe, expect, it } from 'vitest';
import { resultText } from '../../../shared/exports/report';
import { control, exception, sampleItem, test } from './report-fixture';

const ctl = control('CM-01', ['CC8.1']);
const t = test(ctl, { conclusion: 'effective-with-exceptions' });
const items = Array.from({ length: 40 }, (_, i) => sampleItem(t, i + 1));

describe('section IV result sentence', () => {
  it('counts the deviations against the sample before the description', () => {
    const ex = exception(t, 1, { description: 'The change was deployed before the approval was recorded.' });
    expect(resultText(t, items, 1, [ex])).toBe(
      'Exception noted. For 1 of the 40 items sampled, the change was deployed before the approval was recorded.',
    );
  });

  it('keeps a description that already gives its own count', () => {
    const ex = exception(t, 1, {
      description: 'For 1 of the access requests sampled (ACC-2005), approval was late.',
    });
    expect(resultText(t, items, 1, [ex])).toBe(
      'Exception noted. For 1 of the access requests sampled (ACC-2005), approval was late.',
    );
  });

  it('lists several exceptions in one sentence, and prefers the auditor’s own words', () => {
    const a = exception(t, 1, { description: 'Approval was missing.' });
    const b = exception(t, 2, { description: 'MFA was not enforced.' });
    expect(resultText(t, items, 2, [a, b])).toBe(
      'Exceptions noted. For 2 of the 40 items sampled, the following exceptions were noted: approval was missing; MFA was not enforced.',
    );
    expect(
      resultText({ ...t, resultText: 'Exception noted as agreed with the partner.' }, items, 2, [a, b]),
    ).toBe('Exception noted as agreed with the partner.');
  });

  it('says no exceptions, or that testing is not completed', () => {
    expect(resultText({ ...t, conclusion: 'effective' }, items, 0, [])).toBe('No exceptions noted.');
    expect(resultText({ ...t, conclusion: null }, items, 0, [])).toBe('Testing not completed.');
  });
});

describe('export file names', () => {
  it('keep the kind, the date and DRAFT however long the organization name is', async () => {
    const { reportFileName, workbookFileName } = await import('../../../shared/exports/report-pdf');
    const { engagement } = await import('./report-fixture');
    const long = engagement({
      serviceOrganization: `The ${'Extraordinarily '.repeat(12)}Long-Named Company, Inc.`,
    });
    const name = reportFileName(long);
    expect(name).toMatch(/^SOC 2 Type 2 report - The Extraordinarily .+… - 2026-06-30 - DRAFT\.pdf$/u);
    expect(name.length).toBeLessThan(140);
    expect(workbookFileName(long, '2026-11-23', true)).toMatch(
      /… - Type 2 - 2026-11-23 - with audit trail\.xlsx$/u,
    );
    expect(workbookFileName(engagement({ serviceOrganization: 'A/B: C?' }), '2026-11-23')).toBe(
      'Evidence - A B C - Type 2 - 2026-11-23.xlsx',
    );
  });
});
