/**
 * The result wording for a test of a control in the SOC 2 Section IV style ("Inspected a sample of 25
 * change tickets… No exceptions noted."). Neutral and factual; the auditor edits it in the workpaper.
 */

/** A simple English singular for an item noun ("change tickets" → "change ticket"); pass one when it is irregular. */
export function singularNoun(plural: string): string {
  const text = plural.trim();
  if (/ies$/i.test(text)) return `${text.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/i.test(text)) return text.slice(0, -2);
  if (/[^s]s$/i.test(text)) return text.slice(0, -1);
  return text;
}

const clause = (text: string | undefined): string => {
  const trimmed = (text ?? '').trim().replace(/[.\s]+$/, '');
  return trimmed ? ` ${trimmed}` : '';
};

/**
 * Suggested result text: what was inspected (a sample, all items, or one instance of an automated control),
 * then "No exceptions noted." or the exceptions as "For 2 of the 25 … sampled, …".
 */
export function suggestResultText(params: {
  sampleSize: number;
  deviations: number;
  census: boolean;
  testOfOne: boolean;
  /** Plural noun for the items, e.g. "change tickets"; defaults to "items". */
  itemNoun?: string;
  /** Singular form when `singularNoun` would get it wrong, e.g. "child". */
  itemNounSingular?: string;
  /** Where the items came from, e.g. "from the population of 312 changes deployed during the period". */
  populationDescription?: string;
  /** The purpose, e.g. "to determine whether each change was approved before deployment". */
  procedureSummary?: string;
  exceptionDescriptions?: readonly string[];
}): string {
  const { sampleSize: n, deviations, census, testOfOne } = params;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('The sample size must be at least 1.');
  if (!Number.isInteger(deviations) || deviations < 0 || deviations > n) {
    throw new RangeError('Deviations must be a whole number from 0 to the sample size.');
  }
  if (testOfOne && n !== 1) throw new RangeError('A test of one inspects exactly 1 item.');
  const plural = params.itemNoun?.trim() || 'items';
  const singular = params.itemNounSingular?.trim() || singularNoun(plural);
  const noun = n === 1 ? singular : plural;
  const tail = `${clause(params.populationDescription)}${clause(params.procedureSummary)}`;

  let what: string;
  if (testOfOne) what = `Inspected 1 ${singular}${tail}, as a test of one of the automated control.`;
  else if (census)
    what = n === 1 ? `Inspected the ${singular}${tail}.` : `Inspected all ${n} ${noun}${tail}.`;
  else what = `Inspected a sample of ${n} ${noun}${tail}.`;
  if (deviations === 0) return `${what} No exceptions noted.`;

  const descriptions = (params.exceptionDescriptions ?? [])
    .map((d) => lowerFirst(d.trim().replace(/\.+$/, '')))
    .filter(Boolean);
  const detail =
    descriptions.length === 0
      ? 'the control was not performed as described'
      : descriptions.length === 1
        ? descriptions[0]
        : `the following exceptions were noted: ${descriptions.join('; ')}`;
  const which =
    n === 1
      ? `For the ${singular} inspected`
      : `For ${deviations} of the ${n} ${plural} ${census ? 'inspected' : 'sampled'}`;
  const heading = deviations === 1 ? 'Exception noted.' : 'Exceptions noted.';
  return `${what} ${heading} ${which}, ${detail}.`;
}

/** "The change was…" continues a sentence as "the change was…"; acronyms ("MFA was…") keep their case. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('en-US') + text.slice(1) : text;
}
