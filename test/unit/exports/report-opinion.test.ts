/** The suggested opinion from the criteria roll-up, and how the chosen opinion changes Section I. */
import { describe, expect, it } from 'vitest';
import { criteriaForCategories } from '../../../shared/domain/criteria';
import type { OpinionType } from '../../../shared/domain/engagement';
import { sectionText, suggestOpinion } from '../../../shared/exports/report';
import { build, coveredSnapshot, engagement, snapshot } from './report-fixture';

const SECURITY = criteriaForCategories(['security']).map((c) => c.id as string);

describe('suggestOpinion', () => {
  it('suggests an unmodified opinion when every applicable criterion is met', () => {
    const { snapshot: s } = coveredSnapshot(SECURITY);
    const suggestion = suggestOpinion(s);
    expect(suggestion.opinion).toBe('unmodified');
    expect(suggestion.affected).toEqual([]);
    expect(suggestion.reasons.join(' ')).not.toMatch(/not tested/u);
  });

  it('suggests a qualified opinion naming the criterion not met and its failed control', () => {
    const { snapshot: s, controls } = coveredSnapshot(SECURITY, { failing: ['CC7.1'] });
    const suggestion = suggestOpinion(s);
    expect(suggestion.opinion).toBe('qualified');
    const failed = controls[SECURITY.indexOf('CC7.1')]?.reference;
    expect(suggestion.affected).toEqual([
      expect.objectContaining({ criterionId: 'CC7.1', status: 'not-met', controls: [failed] }),
    ]);
    expect(suggestion.affected[0]?.title).toMatch(/vulnerabilit/iu);
    expect(suggestion.reasons.join(' ')).toContain('CC7.1');
  });

  it('suggests an adverse opinion when more than a quarter of the criteria are not met', () => {
    const failing = SECURITY.slice(0, 9); // 9 of 33, all in CC1–CC2
    const suggestion = suggestOpinion(coveredSnapshot(SECURITY, { failing }).snapshot);
    expect(suggestion.opinion).toBe('adverse');
    expect(suggestion.affected.map((a) => a.criterionId)).toEqual(failing);
    expect(suggestion.reasons.join(' ')).toMatch(/pervasive/u);
  });

  it('suggests an adverse opinion when failures span most common-criteria groups', () => {
    const failing = ['CC1.1', 'CC2.1', 'CC3.1', 'CC5.1', 'CC6.1']; // 5 of 33 criteria but 5 of 9 groups
    expect(suggestOpinion(coveredSnapshot(SECURITY, { failing }).snapshot).opinion).toBe('adverse');
    // Four failures in four groups are neither a quarter of the criteria nor most of the groups.
    expect(suggestOpinion(coveredSnapshot(SECURITY, { failing: failing.slice(0, 4) }).snapshot).opinion).toBe(
      'qualified',
    );
  });

  it('lists untested criteria in the reasons without suggesting a disclaimer', () => {
    const { snapshot: covered, tests } = coveredSnapshot(SECURITY);
    const s = { ...covered, tests: tests.slice(0, 1) };
    const suggestion = suggestOpinion(s);
    expect(suggestion.opinion).toBe('unmodified');
    expect(suggestion.reasons).toContain(
      `${SECURITY.length - 1} criteria are not concluded yet (CC1.2, CC1.3, CC1.4, CC1.5, CC2.1, CC2.2, CC2.3, CC3.1 and ${SECURITY.length - 9} more): their controls are still to be tested or walked through, and the suggestion covers only what is concluded.`,
    );
  });
});

describe('the opinion in Section I', () => {
  const failing = coveredSnapshot(SECURITY, { failing: ['CC7.1'] });
  const basis = 'Control QD-25 did not operate: **critical findings** stayed open for up to 56 days.';
  const choose = (opinion: OpinionType | null, extra: { basis?: string } = {}) =>
    sectionText(
      build({
        ...failing.snapshot,
        engagement: {
          ...failing.snapshot.engagement,
          report: { ...failing.snapshot.engagement.report, opinion, ...extra },
        },
      }),
      'section-1',
    );

  it('prints an unmodified opinion with parts a, b and c and no basis paragraph', () => {
    const text = choose('unmodified');
    expect(text).toContain('## Opinion\nIn our opinion, in all material respects:');
    expect(text).toMatch(/\na\. the description presents/u);
    expect(text).toMatch(/\nc\. the controls stated in the description operated effectively/u);
    expect(text).not.toContain('Basis for');
    expect(text).not.toContain('except for');
  });

  it('prints a qualified opinion after its basis: the criteria not met, then the auditor’s basis text', () => {
    const text = choose('qualified', { basis });
    expect(text).toContain('## Basis for qualified opinion');
    expect(text).toMatch(/- CC7\.1 — .*vulnerabilit.*\(control QD-\d+ in Section IV\)/iu);
    expect(text).toContain('Control QD-25 did not operate: critical findings stayed open for up to 56 days.');
    expect(text.indexOf('Basis for qualified opinion')).toBeLessThan(text.indexOf('## Qualified opinion'));
    expect(text).toContain(
      'except for the effects of the matters described in the basis for qualified opinion',
    );
  });

  it('uses the suggestion while no opinion is chosen, and shows the missing basis in a draft', () => {
    const text = choose(null);
    expect(text).toContain('## Qualified opinion');
    expect(text).toContain('[Describe the basis for the qualified opinion on the Report page.]');
  });

  it('prints an adverse opinion saying the criteria were not met', () => {
    const text = choose('adverse', { basis });
    expect(text).toContain('## Basis for adverse opinion');
    expect(text).toContain('not to be met throughout the period January 1, 2026 to June 30, 2026');
    expect(text).toContain('## Adverse opinion');
    expect(text).toContain('did not provide reasonable assurance');
    expect(text).not.toContain('in all material respects:');
  });

  it('prints a disclaimer: engaged to examine, a scope limitation, and no opinion', () => {
    const text = choose('disclaimer', { basis: 'Management did not give us access to the production logs.' });
    expect(text).toMatch(/^[^\n]*\n\n## Scope\nWe were engaged to examine/u);
    expect(text).toContain('## Basis for disclaimer of opinion');
    expect(text).toContain('Management did not give us access to the production logs.');
    expect(text).toContain('## Disclaimer of opinion');
    expect(text).toContain('We therefore do not express an opinion');
    expect(text).not.toMatch(/- CC7\.1/u);
    expect(text).not.toContain('We believe that the evidence we obtained is sufficient');
  });
});

describe('criteria no control addresses', () => {
  it('count as not met: a design gap suggests a qualified opinion and is named in the basis', () => {
    const { snapshot: covered } = coveredSnapshot(SECURITY.filter((id) => id !== 'CC3.3'));
    const suggestion = suggestOpinion(covered);
    expect(suggestion.opinion).toBe('qualified');
    expect(suggestion.affected).toEqual([
      expect.objectContaining({ criterionId: 'CC3.3', status: 'not-met', controls: [] }),
    ]);
    expect(suggestion.reasons.join(' ')).toMatch(/CC3\.3 has no control/u);
    const text = sectionText(build(covered), 'section-1');
    expect(text).toMatch(/CC3\.3 — .+\(no control addresses this criterion\)/u);
  });

  it('an engagement without any control is not given a clean opinion', () => {
    expect(suggestOpinion(snapshot(engagement(), {})).opinion).toBe('adverse');
  });
});
