/**
 * Reading a control's frequency from the words auditors and clients write ("Annually", "As needed",
 * "Several times a day"…). A cell that names two different frequencies, or an ambiguous word such as
 * "bi-weekly", gives null: the sample size depends on it, so the auditor chooses.
 */
import type { ControlFrequency } from '../domain/planning/controls';
import { normaliseWords } from './header-words';

/** Phrases per frequency, looked for as whole words. Order matters only for readability. */
const PHRASES: readonly (readonly [ControlFrequency, readonly string[]])[] = [
  [
    'multiple-daily',
    [
      'multiple times',
      'several times',
      'many times',
      'multiple daily',
      'times a day',
      'times per day',
      'times daily',
      'twice a day',
      'twice daily',
      'twice per day',
      'hourly',
      'every hour',
      'intraday',
      'intra day',
      'minutes',
      'every minute',
    ],
  ],
  [
    'semi-monthly',
    [
      'semi monthly',
      'semimonthly',
      'twice a month',
      'twice monthly',
      'twice per month',
      'fortnightly',
      'every two weeks',
      'every 2 weeks',
      'every other week',
    ],
  ],
  [
    'semi-annual',
    [
      'semi annual',
      'semi annually',
      'semiannual',
      'semiannually',
      'semi yearly',
      'twice a year',
      'twice yearly',
      'twice per year',
      'twice annually',
      'bi annual',
      'bi annually',
      'biannual',
      'biannually',
      'half yearly',
      'half year',
      'every six months',
      'every 6 months',
      'six monthly',
      '6 monthly',
    ],
  ],
  [
    'event-driven',
    [
      'per event',
      'event',
      'events',
      'event driven',
      'event based',
      'as needed',
      'as required',
      'as necessary',
      'when needed',
      'when required',
      'ad hoc',
      'adhoc',
      'on demand',
      'upon',
      'occurrence',
      'per occurrence',
      'each occurrence',
      'on request',
      'per request',
      'per change',
      'each change',
      'triggered',
      'as occurs',
    ],
  ],
  ['continuous', ['continuous', 'continuously', 'real time', 'realtime', 'always on', 'constantly']],
  [
    'annual',
    ['annual', 'annually', 'yearly', 'once a year', 'every year', 'each year', 'per year', 'year end'],
  ],
  ['quarterly', ['quarterly', 'quarter', 'every three months', 'every 3 months']],
  ['monthly', ['monthly', 'month', 'every month', 'month end']],
  ['weekly', ['weekly', 'week']],
  ['daily', ['daily', 'day', 'nightly', 'every night']],
];

/** Whole cells that name a frequency without any of the phrases above. */
const WHOLE_CELL: Readonly<Record<string, ControlFrequency>> = {
  automated: 'continuous',
  automatic: 'continuous',
  q: 'quarterly',
  m: 'monthly',
  w: 'weekly',
  d: 'daily',
};

/** Frequencies a more precise one implies: "several times a day" also contains "day". */
const IMPLIED: Partial<Record<ControlFrequency, readonly ControlFrequency[]>> = {
  'multiple-daily': ['daily'],
  'semi-monthly': ['monthly', 'weekly'],
  'semi-annual': ['annual', 'monthly'],
};

/** Words that mean two different things; the note explains why Fieldwork leaves the frequency blank. */
const AMBIGUOUS: readonly (readonly [string, string])[] = [
  ['bi weekly', 'can mean every two weeks or twice a week'],
  ['biweekly', 'can mean every two weeks or twice a week'],
  ['bi monthly', 'can mean every two months or twice a month'],
  ['bimonthly', 'can mean every two months or twice a month'],
  ['biennial', 'means every two years, which is not a frequency Fieldwork offers'],
  ['biennially', 'means every two years, which is not a frequency Fieldwork offers'],
];

function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

function frequenciesNamed(words: string): Set<ControlFrequency> {
  const found = new Set<ControlFrequency>();
  for (const [frequency, phrases] of PHRASES) {
    if (phrases.some((phrase) => containsWords(words, phrase))) found.add(frequency);
  }
  for (const frequency of [...found]) for (const implied of IMPLIED[frequency] ?? []) found.delete(implied);
  return found;
}

/**
 * Why a frequency cannot be read from the text, when it is ambiguous rather than unknown
 * ("bi-weekly"; "monthly or quarterly"); null otherwise.
 */
export function frequencyAmbiguity(raw: string): string | null {
  const words = normaliseWords(raw);
  const ambiguous = AMBIGUOUS.find(([phrase]) => containsWords(words, phrase));
  if (ambiguous) return ambiguous[1];
  return frequenciesNamed(words).size > 1 ? 'names more than one frequency' : null;
}

/** The frequency a text names, or null when it names none, several, or an ambiguous one. */
export function parseFrequency(raw: string): ControlFrequency | null {
  const words = normaliseWords(raw);
  if (words === '' || frequencyAmbiguity(raw) !== null) return null;
  const whole = WHOLE_CELL[words];
  if (whole) return whole;
  const [only, ...others] = frequenciesNamed(words);
  return only !== undefined && others.length === 0 ? only : null;
}
