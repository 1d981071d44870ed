/**
 * The header wordings control matrices use, per field. Headers are compared as plain lower-case words
 * ("Control #" → "control no", "Key?" → "key", "Manual/Automated" → "manual automated").
 */
import type { ImportField } from './fields';

/** Lower case, `#` read as "no", `&` as "and", every other mark a space, spaces collapsed. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/#/gu, ' no ')
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

interface Wordings {
  /** The whole header is one of these. */
  exact: readonly string[];
  /** The header contains one of these as whole words; the longest match wins. */
  partial: readonly string[];
}

export const HEADER_WORDINGS: Record<ImportField, Wordings> = {
  reference: {
    exact: [
      'ref',
      'ref no',
      'reference',
      'reference no',
      'reference number',
      'id',
      'no',
      'number',
      'control',
      'control no',
      'control number',
      'control id',
      'control ref',
      'control ref no',
      'control reference',
      'control code',
      'control identifier',
      'ctrl ref',
      'ctrl no',
      'ctrl id',
      'control key',
    ],
    partial: [
      'control id',
      'control no',
      'control number',
      'control ref',
      'ctrl ref',
      'reference',
      'ref',
      'identifier',
    ],
  },
  title: {
    exact: ['title', 'name', 'control title', 'control name', 'short description', 'control summary'],
    partial: ['title', 'name'],
  },
  description: {
    exact: [
      'description',
      'control description',
      'control activity',
      'control activities',
      'control activity description',
      'activity',
      'control narrative',
      'control statement',
      'control procedure',
      'description of control',
      'description of the control',
      'control details',
      'control text',
      'controls',
    ],
    partial: ['description', 'activity', 'activities', 'narrative', 'procedure'],
  },
  criteria: {
    exact: [
      'tsc',
      'criteria',
      'criterion',
      'mapped criteria',
      'tsc reference',
      'tsc ref',
      'tsc mapping',
      'tsc criteria',
      'tsc id',
      'trust services criteria',
      'trust service criteria',
      'trust services criterion',
      'soc 2 criteria',
      'soc2 criteria',
      'criteria mapping',
      'criteria reference',
      'cc ref',
      'cc reference',
      'common criteria',
      'aicpa criteria',
      'mapped tsc',
    ],
    partial: ['criteria', 'criterion', 'tsc', 'soc 2', 'soc2'],
  },
  owner: {
    exact: [
      'owner',
      'control owner',
      'responsible',
      'process owner',
      'responsible party',
      'responsibility',
      'performed by',
      'performer',
      'control performer',
      'owner name',
    ],
    partial: ['owner', 'responsible', 'performer', 'performed by'],
  },
  frequency: {
    exact: ['frequency', 'control frequency', 'timing', 'how often', 'periodicity'],
    partial: ['frequency'],
  },
  nature: {
    exact: [
      'nature',
      'control nature',
      'nature of control',
      'manual automated',
      'automated manual',
      'manual or automated',
      'automated or manual',
      'manual vs automated',
      'automation',
    ],
    partial: ['nature', 'manual', 'automated'],
  },
  controlType: {
    exact: [
      'type',
      'control type',
      'type of control',
      'preventive detective',
      'detective preventive',
      'preventative detective',
      'preventive detective corrective',
      'prevent detect',
    ],
    partial: ['type', 'preventive', 'preventative', 'detective'],
  },
  key: {
    exact: ['key', 'key control', 'key non key', 'key nonkey', 'key control y n', 'key y n', 'is key'],
    partial: ['key'],
  },
  risk: {
    exact: [
      'risk',
      'risk rating',
      'risk level',
      'risk ranking',
      'reliance',
      'reliance level',
      'inherent risk',
      'risk assessment',
    ],
    partial: ['risk rating', 'risk level', 'risk ranking', 'reliance'],
  },
  components: {
    exact: [
      'system components',
      'system component',
      'components',
      'systems',
      'system',
      'applications',
      'application',
      'in scope systems',
      'in scope applications',
      'supporting systems',
      'systems applications',
      'system application',
      'tools',
    ],
    partial: ['system', 'systems', 'application', 'applications', 'components'],
  },
  status: { exact: ['status', 'control status'], partial: ['status'] },
  notes: {
    exact: ['notes', 'note', 'comments', 'comment', 'auditor notes', 'auditor comments', 'remarks'],
    partial: ['notes', 'comments', 'comment', 'remarks'],
  },
};

/**
 * "Control" alone names the reference in some matrices ("Control | Control description") and the
 * description in others ("Control ID | Control"): it goes to whichever of the two is still free.
 */
export const AMBIGUOUS_HEADERS: Readonly<Record<string, readonly ImportField[]>> = {
  control: ['description', 'reference'],
  controls: ['description', 'reference'],
};

/** Headers longer than this are data (a description), not a column name. */
const MAX_HEADER_LENGTH = 60;

export interface HeaderMatch {
  field: ImportField;
  exact: boolean;
  /** Higher is better: exact matches above all partial ones, longer partial phrases above shorter. */
  score: number;
}

function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/** The field a header most likely names, or null. Only the single best field is returned. */
export function matchHeader(header: string, fields: readonly ImportField[]): HeaderMatch | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  const words = normaliseWords(header);
  if (words === '') return null;
  let best: HeaderMatch | null = null;
  for (const field of fields) {
    const wordings = HEADER_WORDINGS[field];
    let score = wordings.exact.includes(words) ? 1000 : 0;
    for (const phrase of wordings.partial) {
      if (containsWords(words, phrase)) score = Math.max(score, phrase.length);
    }
    if (score > 0 && (best === null || score > best.score)) best = { field, exact: score >= 1000, score };
  }
  return best;
}
