/** The SOC 2 report content built from the demo engagement: sections, Section IV, Section V, draft marks. */
import { beforeAll, describe, expect, it } from 'vitest';
import { scopeCriteria } from '../../../shared/domain/engagement';
import { isActiveControl } from '../../../shared/domain/planning';
import { live, type EngagementSnapshot } from '../../../shared/domain/snapshot';
import type { PdfBlock, PdfDocumentModel, TableRow } from '../../../shared/exports/pdf/model';
import { buildReportModel, modelToText, runText, sectionText } from '../../../shared/exports/report';
import { demoExportInput } from '../../fixtures/demo-snapshot';
import { OPTIONS } from './report-fixture';

let demo: EngagementSnapshot;
let model: PdfDocumentModel;

beforeAll(async () => {
  demo = (await demoExportInput()).snapshot;
  model = buildReportModel(demo, OPTIONS);
}, 60_000);

const withEngagement = (patch: Partial<EngagementSnapshot['engagement']>): EngagementSnapshot => ({
  ...demo,
  engagement: { ...demo.engagement, ...patch },
});
const withReport = (patch: Partial<EngagementSnapshot['engagement']['report']>): EngagementSnapshot =>
  withEngagement({ report: { ...demo.engagement.report, ...patch } });

function tables(m: PdfDocumentModel, sectionId: string): Extract<PdfBlock, { kind: 'table' }>[] {
  const blocks = m.sections.find((s) => s.id === sectionId)?.blocks ?? [];
  return blocks.filter((b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table');
}

/** Section IV's criterion-ordered table as criterion id → the control references listed under it. */
function controlsByCriterion(m: PdfDocumentModel): Map<string, string[]> {
  const table = tables(m, 'section-4').find((t) => t.rows.some((r) => r.kind === 'group'));
  if (!table) throw new Error('no criterion table');
  const out = new Map<string, string[]>();
  let current: string[] = [];
  for (const row of table.rows) {
    if (row.kind === 'group') {
      current = [];
      out.set(runText(row.runs).split(' — ')[0] ?? '', current);
    } else if (row.tone !== 'muted') current.push(runText(row.cells[0] ?? []));
  }
  return out;
}

const rowsOf = (rows: TableRow[]) =>
  rows.filter((r): r is Extract<TableRow, { kind: 'row' }> => r.kind === 'row');

describe('the demo SOC 2 report model', () => {
  it('has the cover, the contents and Sections I to V in order', () => {
    expect(model.cover.kicker).toBe('SOC 2 Type 2 report');
    expect(model.cover.title).toContain(
      "Lumenfield Analytics, Inc.'s Description of Its Lumenfield Insights Platform",
    );
    expect(model.cover.subtitle).toEqual([
      'and on the Suitability of the Design and Operating Effectiveness of Its Controls Relevant to Security, Availability, and Confidentiality',
      'Throughout the period January 1, 2026 to September 30, 2026',
    ]);
    expect(model.toc).toEqual({ title: 'Contents' });
    expect(model.sections.map((s) => s.kicker)).toEqual([
      'Section I',
      'Section II',
      'Section III',
      'Section IV',
      'Section V',
    ]);
    expect(model.sections.map((s) => s.title)).toEqual([
      "Independent Service Auditor's Report",
      "Management's Assertion",
      "Lumenfield Analytics, Inc.'s Description of Its Lumenfield Insights Platform",
      'Trust Services Criteria, Related Controls, Tests of Controls and Results of Tests',
      'Other Information Provided by Lumenfield Analytics, Inc.',
    ]);
  });

  it('gives Section I its parts in the order of an auditor’s report, with the suggested opinion while none is chosen', () => {
    const headings = model.sections[0]?.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => b.kind === 'heading' && b.text);
    expect(headings).toEqual([
      'Scope',
      "Service organization's responsibilities",
      "Service auditor's responsibilities",
      'Inherent limitations',
      'Description of tests of controls',
      'Basis for qualified opinion',
      'Qualified opinion',
      'Restricted use',
    ]);
    const text = sectionText(model, 'section-1');
    expect(text).toMatch(/^To the Management of Lumenfield Analytics, Inc\.:/u);
    expect(text).toContain('CC7.1 — ');
    expect(text).toContain('Harbor & Reed LLP\nDenver, Colorado\n[Report date]');
    expect(text).not.toMatch(/Inc\.\./u);
  });

  it('names the carved-out subservice organizations and has the CUEC paragraph', () => {
    const text = sectionText(model, 'section-1');
    expect(text).toContain('uses Amazon Web Services, Inc. and Okta, Inc. (the subservice organizations)');
    expect(text).toContain('complementary user entity controls');
    expect(text).toContain('Section V, "Other information provided by Lumenfield Analytics, Inc."');
  });

  it('lists every live control under every criterion it supports, in criterion order', () => {
    const listed = controlsByCriterion(model);
    const scope = scopeCriteria(demo.engagement.categories, demo.criterionScopes).criteria.filter(
      (c) => c.applicable,
    );
    expect([...listed.keys()]).toEqual(scope.map((c) => c.id));
    const active = demo.controls.filter(isActiveControl);
    for (const criterion of scope) {
      const expected = active
        .filter((c) => c.criteria.includes(criterion.id))
        .map((c) => c.reference)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      expect(listed.get(criterion.id), criterion.id).toEqual(expected);
    }
    const everywhere = [...listed.values()].flat();
    for (const c of active) expect(everywhere).toContain(c.reference);
    expect(everywhere).not.toContain('AC-90'); // retired
  });

  it('prints each test result: no exceptions, the exceptions as described, or testing not completed', () => {
    const table = tables(model, 'section-4')[0];
    const row = (ref: string) => rowsOf(table?.rows ?? []).find((r) => runText(r.cells[0] ?? []) === ref);
    const result = (ref: string) => runText(row(ref)?.cells[3] ?? []);
    expect(result('CM-02')).toBe('No exceptions noted.');
    expect(result('AV-01')).toBe('Testing not completed.');
    for (const e of live(demo.exceptions)) {
      const ref = demo.controls.find((c) => c.id === e.controlId)?.reference ?? '';
      expect(result(ref)).toContain(e.description);
      expect(row(ref)?.tone).toBe('exception');
    }
    expect(row('CM-02')?.tone).toBeUndefined();
    const applied = runText(row('CM-02')?.cells[2] ?? []);
    expect(applied).toContain('Obtained the ServiceDesk report of emergency changes');
  });

  it("uses the auditor's own result sentence when one is written", () => {
    const target = demo.tests.find((t) => t.reference === 'T-CM-02');
    const own = 'Inspected 15 emergency changes. No deviations noted.';
    const s = { ...demo, tests: demo.tests.map((t) => (t === target ? { ...t, resultText: own } : t)) };
    expect(sectionText(buildReportModel(s, OPTIONS), 'section-4')).toContain(own);
  });

  it('keeps management responses in Section V and out of every other section', () => {
    const responses = live(demo.exceptions)
      .map((e) => e.managementResponse.trim())
      .filter(Boolean);
    expect(responses.length).toBeGreaterThan(0);
    const five = sectionText(model, 'section-5');
    const others = ['section-1', 'section-2', 'section-3', 'section-4']
      .map((id) => sectionText(model, id))
      .join('\n');
    for (const response of responses) {
      expect(five).toContain(response);
      expect(others).not.toContain(response.slice(0, 60));
    }
    const box = model.sections[4]?.blocks[0];
    expect(box?.kind === 'paragraph' && box.box).toBe(true);
    expect(five).toContain('the opinion in Section I does not cover it');
    expect(five).toContain('EX-01: control AC-02');
  });

  it('leaves Section V out when the auditor does not include it', () => {
    const m = buildReportModel(withReport({ includeSection5: false }), OPTIONS);
    expect(m.sections.map((s) => s.id)).not.toContain('section-5');
    expect(sectionText(m, 'section-1')).not.toContain('Section V');
  });

  it('shows drafts with a DRAFT watermark and visible gaps, and releases without them', () => {
    expect(model.watermark).toBe('DRAFT');
    expect(sectionText(model, 'section-3')).toContain('[Not yet written]');
    expect(model.cover.facts.map((f) => f.label)).toContain('Draft generated');
    expect(sectionText(model, 'section-2')).toContain('Management has not yet provided its assertion');
    const released = buildReportModel(
      withEngagement({
        release: {
          date: '2026-11-30',
          at: '2026-11-30T12:00:00.000Z',
          by: demo.engagement.updatedBy,
          byName: 'Dana Whitfield',
          assemblyDays: 60,
          retentionYears: 7,
        },
      }),
      OPTIONS,
    );
    expect(released.watermark).toBeNull();
    expect(modelToText(released)).not.toContain('[Not yet written]');
    expect(released.cover.facts.map((f) => f.label)).not.toContain('Draft generated');
    expect(sectionText(released, 'section-2')).not.toContain('Management has not yet provided');
  });

  it("prints management's own assertion when it is written", () => {
    const assertion = {
      ...demo.descriptionSections[0]!,
      id: '01a20665-ffff-7000-8000-000000000001',
      key: 'assertion',
      body: '## Assertion of Lumenfield management\n\nWe, the management of Lumenfield, confirm **everything** that follows.',
      status: 'final' as const,
    };
    const m = buildReportModel(
      { ...demo, descriptionSections: [...demo.descriptionSections, assertion] },
      OPTIONS,
    );
    const text = sectionText(m, 'section-2');
    expect(text).toContain('We, the management of Lumenfield, confirm everything that follows.');
    expect(text).not.toContain('has not yet provided');
    expect(text).not.toContain('We confirm, to the best of our knowledge');
  });

  it('renders every description section in order, generated parts before the narrative', () => {
    const blocks = model.sections[2]?.blocks ?? [];
    const titles = blocks
      .filter((b) => b.kind === 'heading' && b.level === 2)
      .map((b) => b.kind === 'heading' && b.text);
    expect(titles[0]).toBe('Company overview and services provided');
    expect(titles).toContain('Significant changes during the period');
    expect(titles.at(-1)).toBe('Criteria not relevant to the system');
    const text = sectionText(model, 'section-3');
    expect(text).toContain('CUEC-01 | User entities grant and remove');
    expect(text).toContain('AWS EKS clusters | Application and API services');
    expect(text).toContain('### Service commitments');
  });

  it('offers process order with a criteria-to-controls mapping table', () => {
    const m = buildReportModel(withReport({ section4Order: 'process' }), OPTIONS);
    const [processTable, mapping] = tables(m, 'section-4');
    expect(processTable?.columns.map((c) => c.header)).toEqual([
      'Control #',
      'Control activity specified by the service organization',
      'Criteria',
      'Tests applied by the service auditor',
      'Results of tests',
    ]);
    const refs = rowsOf(processTable?.rows ?? []).map((r) => runText(r.cells[0] ?? []));
    const active = demo.controls.filter(isActiveControl).map((c) => c.reference);
    expect([...refs].sort()).toEqual([...active].sort());
    expect(new Set(refs).size).toBe(refs.length);
    expect(mapping?.columns[0]?.header).toBe('Criterion');
    const cc61 = rowsOf(mapping?.rows ?? []).find((r) => runText(r.cells[0] ?? []) === 'CC6.1');
    expect(runText(cc61?.cells[2] ?? [])).toBe('AC-01, AC-04, AC-05');
  });

  it('carries document metadata and running header for the PDF', () => {
    expect(model.metadata).toMatchObject({
      title: 'Lumenfield Analytics, Inc. — SOC 2 Type 2 Report (DRAFT)',
      author: 'Harbor & Reed LLP',
      creator: 'Fieldwork 9.9.9',
      producer: 'Fieldwork 9.9.9 (pdf-lib)',
      language: 'en-US',
      creationDate: OPTIONS.generatedAt,
    });
    expect(model.metadata.keywords).toEqual(
      expect.arrayContaining(['SOC 2', 'Security', 'Availability', 'Confidentiality']),
    );
    expect(model.runningHeader).toBe(
      'Lumenfield Analytics, Inc. — Lumenfield Insights Platform — SOC 2 Type 2 report',
    );
    expect(model.runningFooter).toContain('Restricted use');
  });
});
