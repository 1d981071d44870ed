/** What differs between Type 1 and Type 2 reports, and the paragraphs that depend on the engagement. */
import { describe, expect, it } from 'vitest';
import { defaultReportSettings, type Engagement } from '../../../shared/domain/engagement';
import type { PdfBlock } from '../../../shared/exports/pdf/model';
import { sectionText } from '../../../shared/exports/report';
import {
  build,
  control,
  engagement as baseEngagement,
  notApplicable,
  snapshot,
  subserviceOrg,
  test,
  userEntity,
} from './report-fixture';

/** The auditor chose an unmodified opinion (most criteria here have no control, which alone suggests adverse). */
const engagement = (overrides: Partial<Engagement> = {}) =>
  baseEngagement({ ...overrides, report: { ...defaultReportSettings(), opinion: 'unmodified' } });

const c1 = control('QD-01', ['CC6.1', 'CC6.2']);
const c2 = control('QD-02', ['CC6.1']);
const base = { controls: [c1, c2], tests: [test(c1), test(c2)] };

const type1 = snapshot(
  engagement({ kind: 'soc2-type1', periodStart: null, periodEnd: null, asOfDate: '2026-06-30' }),
  base,
);
const type2 = snapshot(engagement(), base);

const section4Table = (blocks: readonly PdfBlock[] | undefined) =>
  blocks?.find((b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table');

describe('Type 1 and Type 2 reports', () => {
  it('Type 1 has no tests columns, no part (c) and no description of tests', () => {
    const m = build(type1);
    expect(m.cover.kicker).toBe('SOC 2 Type 1 report');
    expect(m.cover.subtitle).toEqual([
      'and on the Suitability of the Design of Its Controls Relevant to Security',
      'As of June 30, 2026',
    ]);
    expect(m.sections[3]?.title).toBe('Trust Services Criteria and Related Controls');
    const table = section4Table(m.sections[3]?.blocks);
    expect(table?.columns.map((c) => c.header)).toEqual([
      'Control #',
      'Control activity specified by the service organization',
    ]);
    const one = sectionText(m, 'section-1');
    expect(one).not.toContain('Description of tests of controls');
    expect(one).not.toMatch(/\nc\. /u);
    expect(one).toMatch(
      /\nb\. the controls stated in the description were suitably designed as of June 30, 2026/u,
    );
    expect(one).toContain('We did not perform procedures on the operating effectiveness');
    expect(one).not.toContain('operated effectively as of');
    expect(sectionText(m, 'section-4')).not.toContain('Testing not completed');
  });

  it('Type 2 has the four columns, part (c) and the description of tests', () => {
    const m = build(type2);
    const table = section4Table(m.sections[3]?.blocks);
    expect(table?.columns).toHaveLength(4);
    const one = sectionText(m, 'section-1');
    expect(one).toContain('## Description of tests of controls');
    expect(one).toMatch(
      /\nc\. the controls stated in the description operated effectively throughout the period January 1, 2026 to June 30, 2026/u,
    );
  });

  it('repeats a control under each criterion it supports', () => {
    const text = sectionText(build(type2), 'section-4');
    expect(text.match(/\nQD-01 \|/gu)).toHaveLength(2);
    expect(text.match(/\nQD-02 \|/gu)).toHaveLength(1);
    expect(text.indexOf('== CC6.1')).toBeLessThan(text.indexOf('== CC6.2'));
  });

  it('lists criteria marked not applicable with their reasons at the end of Section IV', () => {
    const s = snapshot(engagement(), {
      ...base,
      criterionScopes: [notApplicable('CC6.4', 'No facilities: the hosting provider runs the data centers.')],
    });
    const text = sectionText(build(s), 'section-4');
    expect(text).not.toContain('== CC6.4');
    expect(text).toContain('## Criteria not relevant to the system');
    expect(text).toContain('No facilities: the hosting provider runs the data centers.');
  });
});

describe('paragraphs that depend on the engagement', () => {
  it('has a carve-out paragraph exactly when a subservice organization is carved out, naming it', () => {
    const without = sectionText(build(type2), 'section-1');
    expect(without).not.toContain('carve-out');
    expect(without).not.toContain('(complementary subservice organization controls)');
    const carved = snapshot(engagement(), {
      ...base,
      subserviceOrgs: [subserviceOrg('Nimbus Cloud Ltd.', 'carve-out')],
    });
    const text = sectionText(build(carved), 'section-1');
    expect(text).toContain('uses Nimbus Cloud Ltd. (the subservice organization) to perform');
    expect(text).toContain('under the carve-out method');
    expect(text).toContain('provided that the subservice organization applied the complementary controls');
  });

  it('describes an inclusive subservice organization without the carve-out paragraph', () => {
    const inclusive = snapshot(engagement(), {
      ...base,
      subserviceOrgs: [subserviceOrg('Tōkyō Payments K.K.', 'inclusive')],
    });
    const text = sectionText(build(inclusive), 'section-1');
    expect(text).toContain('Tōkyō Payments K.K.');
    expect(text).toContain('inclusive method');
    expect(text).not.toContain('carve-out');
  });

  it('has a CUEC paragraph exactly when the engagement lists CUECs (not mere user responsibilities)', () => {
    const duties = snapshot(engagement(), {
      ...base,
      userEntityControls: [userEntity('responsibility', 'UER-01')],
    });
    expect(sectionText(build(duties), 'section-1')).not.toContain('(complementary user entity controls)');
    const cuecs = snapshot(engagement(), {
      ...base,
      userEntityControls: [userEntity('cuec', 'CUEC-01', ['CC6.1'])],
    });
    const text = sectionText(build(cuecs), 'section-1');
    expect(text).toContain(
      '(complementary user entity controls) are suitably designed and operating effectively',
    );
    expect(text).toContain('provided that user entities applied the complementary controls');
  });
});
