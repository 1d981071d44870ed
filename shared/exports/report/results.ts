/**
 * What Section IV says about each control: the tests applied and their results, in the auditor's words.
 * The result of a test is its Section IV sentence (`resultText`) or, when that is empty, a plain result
 * built from the conclusion and the exceptions' report wording (see `resultText`). Management's responses
 * are never part of it: they belong to Section V.
 */
import { TECHNIQUE_LABELS, type ControlTest } from '../../domain/fieldwork/control-tests';
import type { ControlException } from '../../domain/fieldwork/exceptions';
import { tallySample } from '../../domain/fieldwork/rollup';
import type { SampleItem } from '../../domain/fieldwork/sample-items';
import type { LegendEntry } from '../../domain/fieldwork/tickmarks';
import type { Walkthrough } from '../../domain/fieldwork/walkthroughs';
import { lowerFirst, suggestResultText } from '../../domain/sampling/result-text';
import { live } from '../../domain/snapshot';
import type { ReportContext } from './context';

export const NOT_COMPLETED = 'Testing not completed.';
export const NO_EXCEPTIONS = 'No exceptions noted.';

/**
 * The suggested Section IV sentence for a test, as the test workpaper computes it (items are the test's
 * live sample items, `deviations` the items with an exception mark); '' when nothing was sampled.
 */
export function suggestedTestResult(
  test: ControlTest,
  items: readonly SampleItem[],
  deviations: number,
  exceptions: readonly ControlException[],
): string {
  if (items.length === 0) return '';
  try {
    return suggestResultText({
      sampleSize: items.length,
      deviations,
      census: test.sampling.census,
      testOfOne: items.length === 1 && test.population.count !== 1 && !test.sampling.census,
      ...(test.population.description
        ? {
            populationDescription:
              `from the population of ${test.population.count ?? ''} ${test.population.description}`.replace(
                /\s+/gu,
                ' ',
              ),
          }
        : {}),
      ...(test.objective
        ? { procedureSummary: test.objective.replace(/^To /u, 'to ').replace(/\.$/u, '') }
        : {}),
      exceptionDescriptions: exceptions.map((e) => e.description).filter(Boolean),
    });
  } catch {
    return ''; // inconsistent counts (being edited): fall back to the plain wording below
  }
}

export interface TestCells {
  applied: string;
  result: string;
  /** The test found deviations or concluded the control was not effective: the row is shaded. */
  exception: boolean;
}

/** The tests-applied and result texts of one test. */
export function testCells(
  test: ControlTest,
  items: readonly SampleItem[],
  legend: readonly LegendEntry[],
  exceptions: readonly ControlException[],
): TestCells {
  const tally = tallySample(
    items,
    test.attributes.map((a) => a.id),
    legend,
  );
  const exception =
    tally.deviations > 0 ||
    exceptions.length > 0 ||
    test.conclusion === 'not-effective' ||
    test.conclusion === 'effective-with-exceptions';
  return {
    applied: appliedText(test),
    result: resultText(test, items, tally.deviations, exceptions),
    exception,
  };
}

/** The procedure as the auditor wrote it; without one, the techniques and objective. */
export function appliedText(test: ControlTest): string {
  const procedure = test.procedure.trim();
  if (procedure) return procedure;
  const techniques = test.techniques.map((t) => TECHNIQUE_LABELS[t]).join(', ');
  const objective = test.objective.trim();
  return [techniques ? `${techniques}.` : '', objective, '[Procedures not yet documented]']
    .filter(Boolean)
    .join(' ');
}

const sentence = (text: string) => (/[.!?]$/u.test(text) ? text : `${text}.`);

/**
 * The result sentence: the auditor's own wording when given; "Testing not completed." until the test is
 * concluded; the exceptions as described for the report, counted against the sample ("Exception noted. For 1
 * of the 40 items sampled, …", unless the description already starts with its own "For …"); otherwise
 * "No exceptions noted.". Deviations without a description fall back to the workpaper's suggested sentence.
 */
export function resultText(
  test: ControlTest,
  items: readonly SampleItem[],
  deviations: number,
  exceptions: readonly ControlException[],
): string {
  const own = test.resultText.trim();
  if (own) return own;
  if (test.conclusion === null) return NOT_COMPLETED;
  const descriptions = exceptions.map((e) => e.description.trim()).filter(Boolean);
  const count = Math.max(deviations, exceptions.length);
  if (descriptions.length > 0) {
    const heading = count === 1 ? 'Exception noted.' : 'Exceptions noted.';
    // "For 2 of the 25 items sampled, …" (soc2-domain.md §4.4), unless the descriptions already say how many.
    if (deviations === 0 || items.length === 0 || descriptions.every((d) => /^For\b/u.test(d))) {
      return [heading, ...descriptions.map(sentence)].join(' ');
    }
    const which =
      items.length === 1
        ? 'For the item inspected'
        : `For ${deviations} of the ${items.length} items ${test.sampling.census ? 'inspected' : 'sampled'}`;
    const strip = (d: string) => lowerFirst(d.replace(/\.+$/u, ''));
    const detail =
      descriptions.length === 1
        ? strip(descriptions[0] ?? '')
        : `the following exceptions were noted: ${descriptions.map(strip).join('; ')}`;
    return `${heading} ${which}, ${detail}.`;
  }
  if (count === 0) return NO_EXCEPTIONS;
  return (
    suggestedTestResult(test, items, deviations, exceptions) ||
    `${count === 1 ? 'Exception noted.' : 'Exceptions noted.'} For ${count} of the ${items.length || count} items examined, the control was not performed as described.`
  );
}

export interface ControlCells {
  applied: string;
  result: string;
  exception: boolean;
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Section IV's test and result cells for every active control (by id): its tests one after another, a
 * design gap found in a walkthrough, or what is still missing. Computed once; a control listed under
 * several criteria reuses its cells.
 */
export function controlCellsById(ctx: ReportContext): Map<string, ControlCells> {
  const items = groupBy(
    live(ctx.snapshot.sampleItems).sort((a, b) => a.position - b.position),
    (i) => i.testId,
  );
  const exceptions = groupBy(ctx.exceptions, (e) => e.testId);
  const tests = groupBy(ctx.tests, (t) => t.controlId);
  const out = new Map<string, ControlCells>();
  for (const control of ctx.controls) {
    const own = tests.get(control.id) ?? [];
    const designGap = ctx.walkthroughs.find(
      (w) =>
        w.controlIds.includes(control.id) &&
        (w.designConclusion === 'no' || w.implementationConclusion === 'no'),
    );
    if (own.length === 0) {
      out.set(control.id, designGap ? designGapCells(designGap) : MISSING);
      continue;
    }
    const cells = own.map((test) =>
      testCells(test, items.get(test.id) ?? [], ctx.legend, exceptions.get(test.id) ?? []),
    );
    out.set(control.id, {
      applied: cells.map((c) => c.applied).join('\n\n'),
      result: cells.map((c) => c.result).join('\n\n'),
      exception: cells.some((c) => c.exception) || designGap !== undefined,
    });
  }
  return out;
}

const MISSING: ControlCells = {
  applied: '[No test of operating effectiveness recorded yet]',
  result: NOT_COMPLETED,
  exception: false,
};

function designGapCells(w: Walkthrough): ControlCells {
  const designFailed = w.designConclusion === 'no';
  const why = (designFailed ? w.designExplanation : w.implementationNotes).trim();
  const fallback = designFailed
    ? 'The control was not suitably designed.'
    : 'The control was not placed in operation.';
  return {
    applied: `Walked through the control (${w.title}).`,
    result: `Exception noted. ${why || fallback}`,
    exception: true,
  };
}
