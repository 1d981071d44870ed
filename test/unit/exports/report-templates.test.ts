/** The firm-editable paragraphs: defaults, overrides, placeholders and the structured-text conversion. */
import { describe, expect, it } from 'vitest';
import { defaultReportSettings } from '../../../shared/domain/engagement';
import {
  blocksFromStructuredText,
  fillTemplate,
  REPORT_TEMPLATES,
  reportReadiness,
  sectionText,
  TEMPLATE_PLACEHOLDERS,
  templateText,
  templateValues,
  unknownPlaceholders,
} from '../../../shared/exports/report';
import { build, control, engagement, snapshot, subserviceOrg, test, userEntity } from './report-fixture';

const c = control('QD-01', ['CC6.1']);
const withTemplates = (templates: Record<string, string>) =>
  snapshot(engagement({ report: { ...defaultReportSettings(), templates } }), {
    controls: [c],
    tests: [test(c)],
  });

describe('report templates', () => {
  it('has unique keys, a title and default wording for each, readiness keys apart', () => {
    const keys = REPORT_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of REPORT_TEMPLATES) {
      expect(t.title.trim(), t.key).not.toBe('');
      expect(t.defaultText.trim(), t.key).not.toBe('');
    }
    const letter = REPORT_TEMPLATES.filter((t) => t.key.startsWith('readiness'));
    for (const t of letter)
      expect(
        t.appliesTo?.({
          kind: 'readiness',
          carveOut: false,
          inclusive: false,
          cuecs: false,
          section5: false,
        }),
      ).toBe(true);
  });

  it('fills every placeholder the default wording uses, and documents each', () => {
    const values = templateValues(
      snapshot(engagement(), {
        subserviceOrgs: [subserviceOrg('Nimbus Cloud Ltd.', 'carve-out')],
        userEntityControls: [userEntity('cuec', 'CUEC-01', ['CC6.1'])],
      }),
    );
    for (const t of REPORT_TEMPLATES) expect(unknownPlaceholders(t.defaultText, values), t.key).toEqual([]);
    expect(TEMPLATE_PLACEHOLDERS.map((p) => p.name).sort()).toEqual(Object.keys(values).sort());
    expect(values.period).toBe('throughout the period January 1, 2026 to June 30, 2026');
    expect(values.subservice).toBe('Nimbus Cloud Ltd.');
    expect(values.reportDate).toBe('August 14, 2026');
  });

  it("uses the firm's wording when the engagement has one, with its placeholders filled", () => {
    const settings = {
      ...defaultReportSettings(),
      templates: { 'inherent-limitations': 'Our own words for {organization}.' },
    };
    expect(templateText(settings, 'inherent-limitations')).toBe('Our own words for {organization}.');
    expect(templateText(defaultReportSettings(), 'inherent-limitations')).toContain(
      'By their nature, controls',
    );
    const text = sectionText(build(withTemplates(settings.templates)), 'section-1');
    expect(text).toContain('## Inherent limitations\nOur own words for Quillon Data GmbH.\n');
    expect(text).not.toContain('By their nature, controls');
  });

  it('leaves an unknown placeholder visible and reports it before export', () => {
    const s = withTemplates({ independence: 'We are independent of {organisation} under {ethicsCode}.' });
    expect(sectionText(build(s), 'section-1')).toContain(
      'We are independent of {organisation} under {ethicsCode}.',
    );
    const check = reportReadiness(s).find((ch) => ch.message.includes('{organisation}'));
    expect(check).toMatchObject({ severity: 'warning', area: 'report' });
    expect(check?.message).toContain('{ethicsCode}');
  });

  it('fills placeholders without doubling the full stop after a name ending in one', () => {
    expect(fillTemplate('Prepared for {organization}.', { organization: 'Acme, Inc.' })).toBe(
      'Prepared for Acme, Inc.',
    );
    expect(fillTemplate('{organization}: {unknown}', { organization: 'Acme, Inc.' })).toBe(
      'Acme, Inc.: {unknown}',
    );
  });
});

describe('blocksFromStructuredText', () => {
  it('maps headings, paragraphs with bold and italic runs, lists and tables to PDF blocks', () => {
    const blocks = blocksFromStructuredText(
      '# Overview\n\n## Part\n\n### Detail\n\nPlain **bold** and *italic*.\n\n- one\n- two\n\n1. first\n\n| A | B | C |\n| --- | --- | --- |\n| x | **y** |  |',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Overview' },
      { kind: 'heading', level: 3, text: 'Part' },
      { kind: 'heading', level: 3, text: 'Detail' },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Plain ' },
          { text: 'bold', bold: true },
          { text: ' and ' },
          { text: 'italic', italic: true },
          { text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'first' }]] },
      {
        kind: 'table',
        columns: [
          { header: 'A', width: 1 },
          { header: 'B', width: 1 },
          { header: 'C', width: 1 },
        ],
        rows: [{ kind: 'row', cells: [[{ text: 'x' }], [{ text: 'y', bold: true }], [{ text: '' }]] }],
      },
    ]);
  });

  it('keeps every heading at level 3 inside a description section', () => {
    const levels = blocksFromStructuredText('# A\n\n## B', { nested: true }).map(
      (b) => b.kind === 'heading' && b.level,
    );
    expect(levels).toEqual([3, 3]);
  });
});
