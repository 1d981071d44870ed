import { describe, expect, it } from 'vitest';
import { scopeCriteria } from '../../../shared/domain/engagement';
import {
  assertionMismatches,
  assertionTemplate,
  compareReferences,
  computeCoverage,
  controlFieldsSchema,
  emptyControlFields,
  formatRequestNumber,
  isDueSoon,
  isOverdue,
  nextFreeReference,
  nextRequestNumber,
  parseRequestNumber,
  referenceKey,
  requestFieldsSchema,
  emptyRequestFields,
  userEntityControlFieldsSchema,
  subserviceReportFindings,
} from '../../../shared/domain/planning';
import { formatDate } from '../../../shared/domain/engagement';
import { countWords, parseBlocks, parseInline } from '../../../shared/formats/markdown';

const control = (reference: string, criteria: string[], over: Record<string, unknown> = {}) => ({
  id: `id-${reference}`,
  reference,
  title: '',
  status: 'agreed' as const,
  key: false,
  deleted: false,
  criteria,
  ...over,
});

describe('coverage', () => {
  const scope = scopeCriteria(
    ['security', 'availability'],
    [
      {
        criterionId: 'CC6.4',
        notApplicable: true,
        reason: 'No data centres; hosting is carved out.',
        deleted: false,
      },
    ],
  );

  it('counts covered, uncovered and not applicable criteria and flags the gaps', () => {
    const cov = computeCoverage(scope.criteria, [
      control('AC-02', ['CC6.1', 'CC6.2']),
      control('AC-01', ['CC6.1']),
      control('OLD-1', ['CC7.1'], { status: 'retired' }),
      control('DEL-1', ['CC7.2'], { deleted: true }),
    ]);
    expect(cov.rows).toHaveLength(36); // 33 common + 3 availability
    expect(cov.covered).toBe(2);
    expect(cov.notApplicable).toBe(1);
    expect(cov.uncovered).toBe(33);
    const cc61 = cov.rows.find((r) => r.criterion.id === 'CC6.1');
    expect(cc61?.status).toBe('covered');
    expect(cc61?.controls.map((c) => c.reference)).toEqual(['AC-01', 'AC-02']);
    // Retired and deleted controls cover nothing.
    expect(cov.rows.find((r) => r.criterion.id === 'CC7.1')?.status).toBe('uncovered');
    expect(cov.rows.find((r) => r.criterion.id === 'CC7.2')?.status).toBe('uncovered');
    expect(cov.rows.find((r) => r.criterion.id === 'CC6.4')?.status).toBe('not-applicable');
  });

  it('a N/A criterion stays N/A even when a control maps to it; CSOCs and CUECs never cover', () => {
    const cov = computeCoverage(
      scope.criteria,
      [control('PHY-1', ['CC6.4'])],
      [
        {
          id: 'c',
          reference: 'CSOC-1',
          description: 'Hosting provider restricts physical access',
          criteria: ['CC6.5'],
          deleted: false,
        },
      ],
      [
        {
          id: 'u',
          reference: 'CUEC-1',
          description: 'Customers review their users',
          criteria: ['CC6.2'],
          deleted: false,
        },
      ],
    );
    expect(cov.rows.find((r) => r.criterion.id === 'CC6.4')?.status).toBe('not-applicable');
    expect(cov.mappedToNotApplicable).toEqual([
      { control: expect.objectContaining({ reference: 'PHY-1' }), criteria: ['CC6.4'] },
    ]);
    const cc65 = cov.rows.find((r) => r.criterion.id === 'CC6.5');
    expect(cc65?.status).toBe('uncovered');
    expect(cc65?.csocs).toHaveLength(1);
    expect(cov.rows.find((r) => r.criterion.id === 'CC6.2')?.cuecs).toHaveLength(1);
  });

  it('lists unmapped controls and mappings to criteria outside the categories in scope', () => {
    const cov = computeCoverage(scope.criteria, [control('X-1', []), control('PI-1', ['PI1.1', 'CC8.1'])]);
    expect(cov.unmappedControls.map((c) => c.reference)).toEqual(['X-1']);
    expect(cov.outOfScope).toEqual([
      { control: expect.objectContaining({ reference: 'PI-1' }), criteria: ['PI1.1'] },
    ]);
  });
});

describe('controls', () => {
  it('keeps criteria unique and in catalog order, and rejects unknown ids', () => {
    const parsed = controlFieldsSchema.parse({
      ...emptyControlFields(),
      reference: 'AC-01',
      description: 'Access is approved',
      criteria: ['CC7.1', 'CC6.1', 'CC6.10'.slice(0, 5), 'CC6.1', 'A1.2'],
    });
    expect(parsed.criteria).toEqual(['CC6.1', 'CC7.1', 'A1.2']);
    const bad = controlFieldsSchema.safeParse({ ...parsed, criteria: ['CC9.9'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"CC9.9" is not a trust services criterion.');
  });

  it('requires a reference and a description', () => {
    const r = controlFieldsSchema.safeParse(emptyControlFields());
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(['reference', 'description']);
  });

  it('compares references without case or spacing and sorts them naturally', () => {
    expect(referenceKey(' ac-03 ')).toBe(referenceKey('AC-03'));
    expect(['CC6.1-10', 'CC6.1-2', 'CC6.10-1', 'cc6.9-1'].sort(compareReferences)).toEqual([
      'CC6.1-2',
      'CC6.1-10',
      'cc6.9-1',
      'CC6.10-1',
    ]);
    expect(nextFreeReference('AC-01', new Set([referenceKey('AC-01'), referenceKey('AC-01 (copy)')]))).toBe(
      'AC-01 (copy 2)',
    );
  });
});

describe('user entity controls', () => {
  it('a user entity responsibility cannot be mapped to criteria; a CUEC can', () => {
    const base = { reference: 'U-1', description: 'Customers send accurate user lists', criteria: ['CC6.2'] };
    expect(userEntityControlFieldsSchema.safeParse({ ...base, kind: 'cuec' }).success).toBe(true);
    const r = userEntityControlFieldsSchema.safeParse({ ...base, kind: 'responsibility' });
    expect(r.error?.issues[0]?.message).toMatch(/if the criteria depend on it, it is a CUEC/);
  });
});

describe('requests', () => {
  it('numbers are formatted, read back from what clients type, and never reused', () => {
    expect(formatRequestNumber(7)).toBe('PBC-007');
    expect(formatRequestNumber(1234)).toBe('PBC-1234');
    for (const v of ['PBC-007', 'pbc 7', '7', ' 007 ', 7, '7.0']) expect(parseRequestNumber(v)).toBe(7);
    for (const v of ['', 'PBC-', 'seven', 0, 7.5, null, 'PBC-7a']) expect(parseRequestNumber(v)).toBeNull();
    expect(nextRequestNumber([])).toBe(1);
    expect(nextRequestNumber([{ number: 3 }, { number: 9 }, { number: 4 }])).toBe(10);
  });

  it('is overdue only while the client still owes it', () => {
    const r = { status: 'open' as const, dueOn: '2026-03-01', deleted: false };
    expect(isOverdue(r, '2026-03-02')).toBe(true);
    expect(isOverdue(r, '2026-03-01')).toBe(false);
    expect(isOverdue({ ...r, status: 'submitted' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ ...r, status: 'returned' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ ...r, dueOn: null }, '2026-04-01')).toBe(false);
  });

  it('is due soon in the three days before its due date, while still owed', () => {
    const r = { status: 'open' as const, dueOn: '2026-03-10', deleted: false };
    expect(isDueSoon(r, '2026-03-07')).toBe(true);
    expect(isDueSoon(r, '2026-03-10')).toBe(true);
    expect(isDueSoon(r, '2026-03-06')).toBe(false);
    expect(isDueSoon(r, '2026-03-11')).toBe(false); // overdue instead
    expect(isDueSoon({ ...r, status: 'submitted' }, '2026-03-09')).toBe(false);
  });

  it('refuses a due date before the request date', () => {
    const r = requestFieldsSchema.safeParse({
      ...emptyRequestFields(1),
      title: 'Access list',
      requestedOn: '2026-03-10',
      dueOn: '2026-03-01',
    });
    expect(r.error?.issues[0]?.message).toBe('The due date cannot be before the request date.');
  });
});

describe('structured text', () => {
  it('parses headings, paragraphs, lists and tables', () => {
    const blocks = parseBlocks(
      '### Infrastructure\n\nHosted on **AWS** in *two* regions.\nSecond line.\n\n- one\n- two\n  continued\n\n1. first\n2) second\n\n| Component | Purpose |\n| --- | --- |\n| RDS | Data \\| files |\n| S3 |\n',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'table']);
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'Hosted on ' },
        { text: 'AWS', bold: true },
        { text: ' in ' },
        { text: 'two', italic: true },
        { text: ' regions. Second line.' },
      ],
    });
    expect(blocks[2]).toMatchObject({
      ordered: false,
      items: [[{ text: 'one' }], [{ text: 'two' }, { text: ' continued' }]],
    });
    expect(blocks[3]).toMatchObject({ ordered: true });
    const table = blocks[4];
    expect(table?.kind === 'table' && table.rows.map((r) => r.map((c) => c[0]?.text))).toEqual([
      ['RDS', 'Data | files'],
      ['S3', ''],
    ]);
  });

  it('keeps unmatched markers and snake_case as typed', () => {
    expect(parseInline('2 * 3 = 6 and file_name_here')).toEqual([{ text: '2 * 3 = 6 and file_name_here' }]);
    expect(countWords("The company's 3 data-centres.")).toBe(4);
  });
});

describe('management assertion template', () => {
  const engagement = {
    serviceOrganization: 'Lumenfield Analytics, Inc.',
    systemName: 'Lumenfield Insights Platform',
    kind: 'soc2-type2' as const,
    asOfDate: null,
    periodStart: '2026-01-01',
    periodEnd: '2026-09-30',
    categories: ['security' as const, 'availability' as const, 'confidentiality' as const],
  };

  it('covers the three statements of a Type 2 assertion with the period and categories', () => {
    const text = assertionTemplate({ engagement, subserviceOrgs: [], hasCuecs: false });
    expect(text).toContain('throughout the period January 1, 2026 to September 30, 2026');
    expect(text).toContain('security, availability, and confidentiality');
    expect(text).toMatch(/1\. The description presents/);
    expect(text).toMatch(/3\. The controls stated in the description operated effectively/);
    expect(text).not.toContain('subservice');
    expect(text).not.toContain('complementary user entity');
  });

  it('adds carve-out and CUEC wording only when the engagement has them; Type 1 has two statements', () => {
    const text = assertionTemplate({
      engagement: { ...engagement, kind: 'soc2-type1', asOfDate: '2026-06-30' },
      subserviceOrgs: [
        { name: 'Amazon Web Services', method: 'carve-out', deleted: false },
        { name: 'Old Host', method: 'carve-out', deleted: true },
      ],
      hasCuecs: true,
    });
    expect(text).toContain('as of June 30, 2026');
    expect(text).toContain('uses Amazon Web Services (the subservice organization)');
    expect(text).not.toContain('Old Host');
    expect(text).toContain('related controls at Lumenfield Analytics, Inc.\n');
    expect(text).not.toContain('Inc..');
    expect(text).toContain('complementary user entity controls');
    expect(text).not.toMatch(/^3\./mu);
    expect(text).toContain('has designed and implemented to provide');
    expect(text).not.toContain('operated effectively');
  });
});

describe('edited assertion checks', () => {
  const engagement = {
    serviceOrganization: 'Acme, Inc.',
    systemName: 'Acme Platform',
    kind: 'soc2-type2' as const,
    asOfDate: null,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    categories: ['security' as const],
  };
  const aws = { name: 'AWS', method: 'carve-out' as const, deleted: false };

  it('finds nothing wrong with the text the template produced', () => {
    const text = assertionTemplate({ engagement, subserviceOrgs: [aws], hasCuecs: true });
    expect(assertionMismatches(text, engagement, [aws], true)).toEqual([]);
    // Dates written in the app's short style count too.
    const short = text.replace('January 1, 2026', '1 Jan 2026').replace('December 31, 2026', '31 Dec 2026');
    expect(short).not.toEqual(text);
    expect(assertionMismatches(short, engagement, [aws], true)).toEqual([]);
  });

  it('notices a changed period, a deleted carve-out and a CUEC caveat that no longer applies', () => {
    const text = assertionTemplate({ engagement, subserviceOrgs: [aws], hasCuecs: true });
    const later = { ...engagement, periodEnd: '2027-03-31' };
    expect(assertionMismatches(text, later, [{ ...aws, deleted: true }], false)).toEqual([
      'it does not mention March 31, 2027',
      'it still names AWS, which is no longer a subservice organization',
      'it has a CUEC caveat although the engagement lists no CUECs',
      'it describes carved-out subservice organizations although none is carved out any more',
    ]);
    const okta = { name: 'Okta', method: 'carve-out' as const, deleted: false };
    expect(assertionMismatches(text, engagement, [aws, okta], true)).toEqual(['it does not mention Okta']);
    // One of two carve-outs deleted: the text still names it.
    const both = assertionTemplate({ engagement, subserviceOrgs: [aws, okta], hasCuecs: true });
    expect(assertionMismatches(both, engagement, [aws, { ...okta, deleted: true }], true)).toEqual([
      'it still names Okta, which is no longer a subservice organization',
    ]);
  });
});

describe('subservice organization reports', () => {
  const engagement = {
    kind: 'soc2-type2',
    asOfDate: null,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  };
  const org = {
    method: 'carve-out' as const,
    reportType: 'soc2-type2' as const,
    reportPeriodStart: '2025-07-01',
    reportPeriodEnd: '2026-06-30',
    reportOpinion: 'qualified' as const,
  };

  it('asks for a bridge letter when their report ends before the period and flags a modified opinion', () => {
    expect(subserviceReportFindings(org, engagement, formatDate)).toEqual([
      'Their report ends 30 Jun 2026, before 31 Dec 2026: obtain a bridge letter for the gap.',
      'Their auditor gave a qualified opinion: assess the effect on the controls you rely on.',
    ]);
  });

  it('is quiet about a covering, unmodified report and asks about a carve-out without any report', () => {
    expect(
      subserviceReportFindings(
        { ...org, reportPeriodEnd: '2026-12-31', reportOpinion: 'unmodified' },
        engagement,
        formatDate,
      ),
    ).toEqual([]);
    const covering = { ...org, reportPeriodEnd: '2026-12-31', reportOpinion: 'unmodified' as const };
    expect(
      subserviceReportFindings({ ...covering, reportType: 'soc2-type1' }, engagement, formatDate),
    ).toEqual(['Their report is a Type 1: it covers design at a date, not operation over your period.']);
    expect(
      subserviceReportFindings({ ...covering, reportType: 'soc1-type2' }, engagement, formatDate),
    ).toEqual([
      'A SOC 1 report covers controls over financial reporting: check it addresses the CSOCs you rely on.',
    ]);
    expect(subserviceReportFindings({ ...org, reportType: 'none' }, engagement, formatDate)).toEqual([
      'No report reviewed: record how the CSOCs at this carved-out vendor are supported.',
    ]);
  });
});
