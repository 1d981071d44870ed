import { describe, expect, it } from 'vitest';
import {
  emptyEngagementFields,
  engagementInputSchema,
  engagementWarnings,
  formatPeriod,
  monthsBetween,
} from '../../../shared/domain/engagement';
import { criterionScopeFieldsSchema } from '../../../shared/domain/engagement';
import { ValidationError } from '../../../shared/domain/errors';
import { initialsKey, profileFieldsSchema, suggestInitials } from '../../../shared/domain/profile';

const type2 = {
  ...emptyEngagementFields(),
  serviceOrganization: '  Acme Cloud  ',
  systemName: 'Acme Platform',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
};

function errorsOf(input: unknown): Record<string, string> {
  const r = engagementInputSchema.safeParse(input);
  return r.success ? {} : ValidationError.fromZod(r.error).fields;
}

describe('engagement validation', () => {
  it('accepts a Type 2 engagement, trims text and always keeps Security in scope', () => {
    const parsed = engagementInputSchema.parse({ ...type2, categories: ['availability'] });
    expect(parsed.serviceOrganization).toBe('Acme Cloud');
    expect(parsed.categories).toEqual(['security', 'availability']);
  });

  it('requires the service organization and system name', () => {
    expect(errorsOf({ ...type2, serviceOrganization: '   ', systemName: '' })).toEqual({
      serviceOrganization: "Enter the service organization's name.",
      systemName: 'Enter the name of the system being examined.',
    });
  });

  it('refuses a period that ends before it starts, or a report dated before the period end', () => {
    expect(errorsOf({ ...type2, periodEnd: '2025-12-31' })).toEqual({
      periodEnd: 'The period must end after it starts.',
    });
    expect(errorsOf({ ...type2, reportDate: '2026-06-30' })).toEqual({
      reportDate: 'The report date cannot be before the end of the period.',
    });
  });

  it('refuses impossible dates and requires the as-of date for Type 1 and readiness', () => {
    expect(errorsOf({ ...type2, periodStart: '2026-02-30' }).periodStart).toMatch(/valid date/);
    expect(errorsOf({ ...type2, periodStart: 'incomplete' }).periodStart).toBe(
      'Enter a complete, valid date.',
    );
    expect(errorsOf({ ...type2, periodStart: '1899-01-01' }).periodStart).toBe(
      'Enter a date between 1990 and 2100.',
    );
    expect(errorsOf({ ...type2, kind: 'soc2-type1' })).toEqual({
      asOfDate: 'Enter the date the controls are examined as of.',
    });
    expect(errorsOf({ ...type2, kind: 'readiness', asOfDate: '2026-06-30' })).toEqual({});
  });

  it('warns, without refusing, about a Type 2 period under 3 months or over 12', () => {
    expect(
      engagementWarnings({ kind: 'soc2-type2', periodStart: '2026-01-01', periodEnd: '2026-02-28' })[0],
    ).toMatch(/under 3 months/);
    expect(
      engagementWarnings({ kind: 'soc2-type2', periodStart: '2026-01-01', periodEnd: '2026-03-31' }),
    ).toEqual([]);
    expect(
      engagementWarnings({ kind: 'soc2-type2', periodStart: '2026-01-01', periodEnd: '2027-03-31' })[0],
    ).toMatch(/over 12 months/);
  });

  it('counts calendar months inclusively', () => {
    expect(monthsBetween('2026-01-01', '2026-12-31')).toBeCloseTo(12, 5);
    expect(monthsBetween('2026-01-01', '2026-06-30')).toBeCloseTo(6, 5);
    expect(formatPeriod({ ...type2, asOfDate: null })).toBe('1 Jan 2026 – 31 Dec 2026');
    expect(
      formatPeriod({ kind: 'soc2-type1', asOfDate: '2026-06-30', periodStart: null, periodEnd: null }),
    ).toBe('as of 30 Jun 2026');
  });
});

describe('criterion scoping', () => {
  it('requires a reason to mark a criterion not applicable', () => {
    expect(
      criterionScopeFieldsSchema.safeParse({ criterionId: 'CC6.4', notApplicable: true, reason: ' ' })
        .success,
    ).toBe(false);
    expect(
      criterionScopeFieldsSchema.safeParse({
        criterionId: 'CC6.4',
        notApplicable: true,
        reason: 'No facilities in scope.',
      }).success,
    ).toBe(true);
    expect(
      criterionScopeFieldsSchema.safeParse({ criterionId: 'CC9.9', notApplicable: false, reason: '' })
        .success,
    ).toBe(false);
  });
});

describe('not-applicable reasons', () => {
  it('need words, not placeholders', async () => {
    const { isMeaningfulReason } = await import('../../../shared/domain/engagement');
    expect(isMeaningfulReason('N/A N/A N/A')).toBe(false);
    expect(isMeaningfulReason('not applicable, n/a')).toBe(false);
    expect(isMeaningfulReason('..........')).toBe(false);
    expect(isMeaningfulReason('No recovery site is used.')).toBe(true);
    expect(isMeaningfulReason('Nie dotyczy: brak nośników.')).toBe(true);
  });
});

describe('profile', () => {
  it('upper-cases initials and suggests them from the name', () => {
    expect(
      profileFieldsSchema.parse({ fullName: 'Ana López', initials: 'al', firm: '', role: 'senior' }).initials,
    ).toBe('AL');
    expect(suggestInitials('Ana María López')).toBe('AML');
    expect(
      profileFieldsSchema.safeParse({ fullName: '', initials: 'A1', firm: '', role: 'boss' }).success,
    ).toBe(false);
  });

  it('accepts initials with dots or hyphens, at most 4 letters, and compares them without punctuation', () => {
    const initials = (v: string) =>
      profileFieldsSchema.safeParse({ fullName: 'X', initials: v, firm: '', role: 'staff' });
    expect(initials('A.C.M.').success).toBe(true);
    expect(initials('-ac').success).toBe(false);
    expect(initials('ABCDE').success).toBe(false);
    expect(initialsKey('a.c-m')).toBe(initialsKey('ACM'));
  });
});

describe('formatDateTime', () => {
  it('writes day, month name, year and 24-hour time', async () => {
    const { formatDateTime } = await import('../../../shared/domain/engagement');
    expect(formatDateTime('2026-11-22T18:38:49.000Z')).toMatch(/^2[23] Nov 2026, \d{2}:\d{2}$/);
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
