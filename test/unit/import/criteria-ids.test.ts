import { describe, expect, it } from 'vitest';
import { normaliseCriterionId, parseCriteriaList } from '../../../shared/import';

describe('normaliseCriterionId', () => {
  it.each([
    ['CC6.1', 'CC6.1'],
    ['cc 6.1', 'CC6.1'],
    ['CC6.1.', 'CC6.1'],
    ['  CC6.1  ', 'CC6.1'],
    ['CC 6.1 - Logical access security software, infrastructure and architectures', 'CC6.1'],
    ['CC6.1 – Logical access', 'CC6.1'],
    ['CC6.01', 'CC6.1'],
    ['CC06.1', 'CC6.1'],
    ['A1.2', 'A1.2'],
    ['a1.2', 'A1.2'],
    ['PI1.3', 'PI1.3'],
    ['pi 1.3', 'PI1.3'],
    ['C1.1', 'C1.1'],
    ['P4.2', 'P4.2'],
    ['P 4.2', 'P4.2'],
    ['(CC7.2)', 'CC7.2'],
  ])('reads %j as %s', (raw, id) => {
    expect(normaliseCriterionId(raw)).toBe(id);
  });

  it.each([
    'CC9.9',
    'CC10.1',
    'CC6.10',
    'CC6',
    'CC6.1.2',
    'CC6.1a',
    'X1.1',
    '6.1',
    'Logical access',
    '',
    'See CC6.1',
  ])('refuses %j', (raw) => {
    expect(normaliseCriterionId(raw)).toBeNull();
  });
});

describe('parseCriteriaList', () => {
  it.each([
    ['CC6.1, CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1; CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1 / CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1\nCC6.2\r\nCC6.3', ['CC6.1', 'CC6.2', 'CC6.3']],
    ['CC6.1 and CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1 & CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1 | CC6.2', ['CC6.1', 'CC6.2']],
    ['• CC6.1\n• CC6.2', ['CC6.1', 'CC6.2']],
    ['- CC6.1\n- CC6.2', ['CC6.1', 'CC6.2']],
    ['CC6.1 CC6.2', ['CC6.1', 'CC6.2']],
    ['cc 6.1, CC6.2., CC06.03', ['CC6.1', 'CC6.2', 'CC6.3']],
  ])('splits %j', (raw, ids) => {
    expect(parseCriteriaList(raw)).toEqual({ ids, unknown: [] });
  });

  it('keeps titles out of the way, even when they contain separators', () => {
    expect(
      parseCriteriaList(
        'CC6.1 - Logical access security, software and infrastructure; CC6.2 – User registration',
      ),
    ).toEqual({ ids: ['CC6.1', 'CC6.2'], unknown: [] });
    expect(parseCriteriaList('CC8.1 - Change management (version 2.0 of the policy)')).toEqual({
      ids: ['CC8.1'],
      unknown: [],
    });
  });

  it('returns ids in catalog order without duplicates', () => {
    expect(parseCriteriaList('A1.2, CC7.2, CC6.1, cc6.1, C1.1, PI1.3, P4.2').ids).toEqual([
      'CC6.1',
      'CC7.2',
      'A1.2',
      'C1.1',
      'PI1.3',
      'P4.2',
    ]);
  });

  it('lets a bare number inherit the series before it (CC6.1/6.2)', () => {
    expect(parseCriteriaList('CC6.1/6.2')).toEqual({ ids: ['CC6.1', 'CC6.2'], unknown: [] });
    expect(parseCriteriaList('CC6.1, 6.2, 6.3; A1.1, 1.2')).toEqual({
      ids: ['CC6.1', 'CC6.2', 'CC6.3', 'A1.1', 'A1.2'],
      unknown: [],
    });
  });

  it('expands ranges within the catalog', () => {
    expect(parseCriteriaList('CC6.1-CC6.3').ids).toEqual(['CC6.1', 'CC6.2', 'CC6.3']);
    expect(parseCriteriaList('CC6.6 – 6.8').ids).toEqual(['CC6.6', 'CC6.7', 'CC6.8']);
    expect(parseCriteriaList('CC5.3 to CC6.2').ids).toEqual(['CC5.3', 'CC6.1', 'CC6.2']);
    expect(parseCriteriaList('P4.1 through P4.3, CC1.1').ids).toEqual(['CC1.1', 'P4.1', 'P4.2', 'P4.3']);
  });

  it('reports what looks like a criterion but is not one', () => {
    expect(parseCriteriaList('CC6.1, CC9.9, CC10.1')).toEqual({
      ids: ['CC6.1'],
      unknown: ['CC9.9', 'CC10.1'],
    });
    expect(parseCriteriaList('CC6')).toEqual({ ids: [], unknown: ['CC6'] });
    expect(parseCriteriaList('CC6.1.2')).toEqual({ ids: [], unknown: ['CC6.1.2'] });
    expect(parseCriteriaList('6.1')).toEqual({ ids: [], unknown: ['6.1'] });
  });

  it('reports text without any criterion ID', () => {
    expect(parseCriteriaList('Logical access, Change management')).toEqual({
      ids: [],
      unknown: ['Logical access', 'Change management'],
    });
  });

  it('reads blank, N/A and None as no criteria', () => {
    for (const raw of ['', '  ', 'N/A', 'n/a', 'None', '-', '—', 'TBD']) {
      expect(parseCriteriaList(raw)).toEqual({ ids: [], unknown: [] });
    }
  });
});
