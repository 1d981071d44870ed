import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CRITERIA,
  criteriaForCategories,
  getCriterion,
  groupCriteria,
} from '../../../shared/domain/criteria';
import { parseCsvRecords } from '../../../shared/formats/csv';
import { scopeCriteria } from '../../../shared/domain/engagement';

const csvPath = fileURLToPath(
  new URL('../../../shared/domain/criteria/tsc-2017-criteria.csv', import.meta.url),
);

describe('criteria catalog', () => {
  it('holds the 61 criteria: 33 common, 3 A, 5 PI, 2 C, 18 P', () => {
    expect(CRITERIA).toHaveLength(61);
    const count = (cat: string) => CRITERIA.filter((c) => c.category === cat).length;
    expect(count('security')).toBe(33);
    expect(count('availability')).toBe(3);
    expect(count('processing-integrity')).toBe(5);
    expect(count('confidentiality')).toBe(2);
    expect(count('privacy')).toBe(18);
    expect(new Set(CRITERIA.map((c) => c.id)).size).toBe(61);
  });

  it('matches the CSV kept in the project (regenerate with scripts/gen-criteria.mjs)', () => {
    const rows = parseCsvRecords(readFileSync(csvPath, 'utf8'));
    expect(rows.map((r) => [r.id, r.group, r.short_title])).toEqual(
      CRITERIA.map((c) => [c.id, c.group, c.title]),
    );
  });

  it('has no privacy ".0" headings and no CC9.9', () => {
    expect(CRITERIA.some((c) => /\.0$/.test(c.id))).toBe(false);
    expect(getCriterion('CC9.9')).toBeUndefined();
    expect(getCriterion('CC6.1')?.groupName).toBe('Logical and Physical Access Controls');
    expect(getCriterion('CC1.1')?.cosoPrinciple).toBe('P1');
  });

  it.each([
    [[], 33],
    [['security'], 33],
    [['availability'], 36],
    [['availability', 'confidentiality'], 38],
    [['availability', 'processing-integrity', 'confidentiality', 'privacy'], 61],
  ] as const)('categories %j give %i criteria', (cats, n) => {
    expect(criteriaForCategories(cats)).toHaveLength(n);
  });

  it('groups criteria in catalog order', () => {
    const groups = groupCriteria(criteriaForCategories(['privacy']));
    expect(groups.map((g) => g.group)).toEqual([
      'CC1',
      'CC2',
      'CC3',
      'CC4',
      'CC5',
      'CC6',
      'CC7',
      'CC8',
      'CC9',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
      'P8',
    ]);
  });

  it('counts not-applicable criteria only among those in scope', () => {
    const base = { deleted: false, reason: 'No physical facilities in scope at all' };
    const summary = scopeCriteria(
      ['availability'],
      [
        { ...base, criterionId: 'CC6.4', notApplicable: true },
        { ...base, criterionId: 'P3.1', notApplicable: true }, // privacy not in scope
        { ...base, criterionId: 'A1.3', notApplicable: false },
        { ...base, criterionId: 'A1.1', notApplicable: true, deleted: true },
      ],
    );
    expect(summary).toMatchObject({ inScope: 36, notApplicable: 1, applicable: 35 });
    expect(summary.criteria.find((c) => c.id === 'CC6.4')?.naReason).toBe(base.reason);
  });
});
