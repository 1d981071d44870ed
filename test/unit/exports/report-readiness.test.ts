/** The readiness letter, and the checks shown before a report or letter is exported. */
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaForCategories } from '../../../shared/domain/criteria';
import type { EngagementSnapshot } from '../../../shared/domain/snapshot';
import type { PdfBlock, TableRow } from '../../../shared/exports/pdf/model';
import { modelToText, reportReadiness, runText, sectionText } from '../../../shared/exports/report';
import { demoExportInput } from '../../fixtures/demo-snapshot';

const SECURITY = criteriaForCategories(['security']).map((c) => c.id as string);
import {
  build,
  control,
  engagement,
  evidenceFor,
  exception,
  request,
  section,
  snapshot,
  test,
  walkthrough,
} from './report-fixture';

const readinessEngagement = engagement({
  kind: 'readiness',
  periodStart: null,
  periodEnd: null,
  asOfDate: '2026-05-31',
  report: {
    opinion: null,
    basis: '',
    addressee: '',
    city: 'Zürich',
    section4Order: 'criterion',
    includeSection5: true,
    templates: {},
  },
});

/** Every common criterion but CC3.3 has a control; controls differ in what was found. */
function readinessSnapshot(): EngagementSnapshot {
  const ids = criteriaForCategories(['security'])
    .map((c) => c.id as string)
    .filter((id) => id !== 'CC3.3');
  const controls = ids.map((id, i) => control(`RD-${String(i + 1).padStart(2, '0')}`, [id]));
  const [badDesign, notInOperation, good, ...rest] = controls;
  if (!badDesign || !notInOperation || !good) throw new Error('fixture');
  return snapshot(readinessEngagement, {
    controls,
    walkthroughs: [
      walkthrough([badDesign], {
        title: 'Onboarding',
        designConclusion: 'no',
        designExplanation: 'Nobody approves the access',
        implementationConclusion: 'yes',
      }),
      walkthrough([notInOperation], {
        title: 'Board review',
        designConclusion: 'yes',
        implementationConclusion: 'no',
        implementationNotes: 'No meeting was held yet.',
      }),
      walkthrough([good, ...rest], {
        title: 'Everything else',
        designConclusion: 'yes',
        implementationConclusion: 'yes',
      }),
    ],
    evidence: [good, ...rest].slice(0, -1).map((c) => evidenceFor('control', c.id)),
    requests: [
      request(1, { status: 'open', controlIds: [good.id], dueOn: '2026-06-15' }),
      request(2, { status: 'accepted' }),
    ],
  });
}

function gapRows(blocks: readonly PdfBlock[] | undefined): TableRow[] {
  return blocks?.find((b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table')?.rows ?? [];
}

describe('the readiness letter', () => {
  const model = build(readinessSnapshot());

  it('is a letter, not a report: cover, letter, summary by category, gaps; no opinion', () => {
    expect(model.cover.kicker).toBe('Readiness assessment');
    expect(model.cover.subtitle).toEqual(['As of May 31, 2026']);
    expect(model.sections.map((s) => s.title)).toEqual([
      'Readiness Assessment Letter',
      'Summary of Readiness by Category',
      'Gaps and Recommendations',
    ]);
    const text = modelToText(model);
    expect(text).not.toMatch(/In our opinion/u);
    expect(text).toContain('we do not express an opinion or any other form of assurance');
    expect(model.watermark).toBe('DRAFT');
    expect(sectionText(model, 'letter')).toContain('Müller & Łódź Partners LLP\nZürich\nAugust 14, 2026');
  });

  it('lists the gaps from high to low severity, each with a recommendation', () => {
    const rows = gapRows(model.sections[2]?.blocks);
    const groups = rows.filter((r) => r.kind === 'group').map((r) => r.kind === 'group' && runText(r.runs));
    expect(groups).toEqual(['High severity (2)', 'Medium severity (2)', 'Low severity (1)']);
    const lines = rows.map((r) =>
      r.kind === 'group' ? `== ${runText(r.runs)}` : r.cells.map(runText).join(' | '),
    );
    expect(lines[1]).toMatch(/^CC3\.3 — .*\| No control addresses this criterion\. \| Design a control/su);
    expect(lines[2]).toMatch(
      /^RD-01 — .*not suitably designed\. Nobody approves the access\. \| Redesign the control/su,
    );
    expect(lines[4]).toMatch(/^RD-02 — .*not been placed in operation\. No meeting was held yet\./su);
    expect(lines[5]).toMatch(/No evidence that the control is performed/u);
    expect(lines[7]).toMatch(
      /^PBC-001 — Request 1.*still outstanding, due June 15, 2026\. \| Provide the requested items so that RD-03/su,
    );
    expect(lines.join('\n')).not.toContain('PBC-002');
    for (const row of rows) if (row.kind === 'row') expect(runText(row.cells[2] ?? []).trim()).not.toBe('');
  });

  it('summarizes readiness per category', () => {
    const table = model.sections[1]?.blocks.find(
      (b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table',
    );
    const security = table?.rows[0];
    expect(security?.kind === 'row' && security.cells.map(runText)).toEqual([
      'Security',
      '33',
      '32',
      '30',
      '5',
    ]);
  });
});

describe('reportReadiness', () => {
  let demo: EngagementSnapshot;
  beforeAll(async () => {
    demo = (await demoExportInput()).snapshot;
  }, 60_000);

  it('reports what the demo report still lacks, each with the area where it is fixed', () => {
    const checks = reportReadiness(demo);
    const find = (text: string) => checks.find((c) => c.message.includes(text));
    expect(find('report date')).toMatchObject({ severity: 'blocker', area: 'overview' });
    expect(find('No opinion is chosen yet; drafts use the suggested qualified opinion')).toMatchObject({
      area: 'report',
    });
    expect(find('no basis text')).toMatchObject({ severity: 'blocker', area: 'report' });
    expect(find('Control environment')).toMatchObject({ severity: 'blocker', area: 'description' });
    expect(find("Management's assertion is not written")).toMatchObject({ area: 'description' });
    expect(find('no test of operating effectiveness')).toMatchObject({ severity: 'blocker', area: 'tests' });
    expect(find('not concluded')?.message).toContain('T-AV-01');
    expect(find('CC3.3')).toMatchObject({ area: 'coverage' });
    expect(checks.find((c) => c.area === 'report' && c.message.includes('city'))).toBeUndefined(); // Denver is set
  });

  it('flags a chosen opinion that differs from the suggestion, and exceptions without description or response', () => {
    // One control addresses every criterion (a criterion without a control alone would suggest a modification).
    const c = control('QD-01', [...SECURITY]);
    const t = test(c, { conclusion: 'effective-with-exceptions', rationale: 'One item.' });
    const s = snapshot(
      engagement({
        report: {
          opinion: 'unmodified',
          basis: '',
          addressee: '',
          city: '',
          section4Order: 'criterion',
          includeSection5: true,
          templates: {},
        },
      }),
      {
        controls: [c],
        tests: [t],
        exceptions: [
          exception(t, 1, { description: '', status: 'open' }),
          exception(t, 2, { managementResponse: '' }),
        ],
        descriptionSections: [
          section('assertion', 'We assert things about Quillon Data GmbH for January 1 to June 30.'),
        ],
      },
    );
    const messages = reportReadiness(s).map((c) => `${c.severity} ${c.area}: ${c.message}`);
    expect(messages).toContain('blocker report: The city where the report is signed is not set.');
    expect(
      messages.some(
        (m) => m.startsWith('blocker exceptions:') && m.includes('no description') && m.includes('EX-01'),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (m) =>
          m.startsWith('warning exceptions:') && m.includes('no management response') && m.includes('EX-02'),
      ),
    ).toBe(true);
    expect(
      messages.some((m) => m.includes('assertion may no longer match') && m.includes('January 1, 2026')),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith('blocker report: No opinion'))).toBe(false);
    // Met with exceptions only, so the suggestion is unmodified too: no disagreement.
    expect(messages.some((m) => m.includes('differs from the one'))).toBe(false);
    const failing = { ...s, tests: [{ ...t, conclusion: 'not-effective' as const }] };
    expect(
      reportReadiness(failing).some((c) =>
        c.message.includes('(unmodified) differs from the one the criteria roll-up suggests (adverse)'),
      ),
    ).toBe(true);
  });

  it('checks a readiness letter for walkthroughs and outstanding requests, not for an opinion', () => {
    const messages = reportReadiness(readinessSnapshot()).map((c) => c.message);
    expect(messages.some((m) => m.includes('opinion'))).toBe(false);
    expect(messages.some((m) => m.includes('1 request is still outstanding'))).toBe(true);
  });
});
