/**
 * Reading the short choice columns of a control matrix (nature, type, key, risk, status) from the
 * words people write. Each parser returns null when it does not recognise the text; the import then
 * warns and leaves the field as it was (blank for a new control).
 */
import type { Cell } from './grid';
import type { ControlNature, ControlStatus, ControlType, RiskLevel } from '../domain/planning/controls';
import { normaliseWords } from './header-words';

function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

const NATURES: Readonly<Record<string, ControlNature>> = {
  manual: 'manual',
  manually: 'manual',
  m: 'manual',
  'manual control': 'manual',
  automated: 'automated',
  automatic: 'automated',
  auto: 'automated',
  a: 'automated',
  system: 'automated',
  'system enforced': 'automated',
  configured: 'automated',
  'application control': 'automated',
  'automated control': 'automated',
  'it automated': 'automated',
  itac: 'automated',
  itdm: 'it-dependent-manual',
  'it dependent': 'it-dependent-manual',
  'it dependent manual': 'it-dependent-manual',
  'it dependant manual': 'it-dependent-manual',
  'manual it dependent': 'it-dependent-manual',
  'it manual': 'it-dependent-manual',
  'semi automated': 'it-dependent-manual',
  semiautomated: 'it-dependent-manual',
  'partially automated': 'it-dependent-manual',
  hybrid: 'it-dependent-manual',
};

/**
 * Manual, IT-dependent manual or automated. "Semi-automated", "partially automated" and "hybrid" read
 * as IT-dependent manual: a person acts on what a system produces. "Manual/Automated" (both) is null.
 */
export function parseNature(raw: string): ControlNature | null {
  const words = normaliseWords(raw);
  const known = NATURES[words];
  if (known) return known;
  if (/\b(it|system) dependen[td]\b|\bitdm\b|\bsemi ?automat/u.test(words)) return 'it-dependent-manual';
  const manual = /\bmanual/u.test(words);
  const automated = /\bautomat/u.test(words);
  if (manual === automated) return null;
  return manual ? 'manual' : 'automated';
}

const TYPE_STEMS: readonly (readonly [ControlType, RegExp])[] = [
  ['preventive', /\bprevent/u],
  ['detective', /\bdetect/u],
  ['corrective', /\bcorrect/u],
];
const TYPE_LETTERS: Readonly<Record<string, ControlType>> = {
  p: 'preventive',
  d: 'detective',
  c: 'corrective',
};

/** Preventive (also "Preventative", "Prevent", "P"), detective or corrective; null for two at once. */
export function parseControlType(raw: string): ControlType | null {
  const words = normaliseWords(raw);
  const letter = TYPE_LETTERS[words];
  if (letter) return letter;
  const named = TYPE_STEMS.filter(([, stem]) => stem.test(words)).map(([type]) => type);
  return named.length === 1 ? (named[0] ?? null) : null;
}

const KEY_YES = new Set(['yes', 'y', 'x', 'key', 'key control', 'true', '1', 'k', 'primary']);
const KEY_NO = new Set([
  'no',
  'n',
  '',
  'non key',
  'nonkey',
  'not key',
  'non key control',
  'false',
  '0',
  'secondary',
]);

/**
 * Whether a control is key: Yes / Y / X / Key / TRUE / 1 (also ✓) are key; No / N / Non-key / FALSE / 0
 * and blank are not; anything else is null.
 */
export function parseKey(raw: Cell): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : null;
  if (raw instanceof Date) return null;
  const text = (raw ?? '').trim();
  if (/^[✓✔☑]$/u.test(text)) return true;
  const words = normaliseWords(text);
  if (KEY_YES.has(words)) return true;
  if (KEY_NO.has(words)) return false;
  return null;
}

const RISKS: Readonly<Record<string, RiskLevel>> = {
  low: 'low',
  l: 'low',
  lo: 'low',
  'very low': 'low',
  minimal: 'low',
  medium: 'moderate',
  moderate: 'moderate',
  med: 'moderate',
  mod: 'moderate',
  m: 'moderate',
  mid: 'moderate',
  high: 'high',
  h: 'high',
  hi: 'high',
  'very high': 'high',
  critical: 'high',
};

/** Low, moderate ("Medium", "M") or high ("H", "Critical"); the words "risk" and "reliance" are ignored. */
export function parseRisk(raw: string): RiskLevel | null {
  const words = normaliseWords(raw)
    .replace(/\b(risk|reliance|level|rating)\b/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return RISKS[words] ?? null;
}

const STATUSES: readonly (readonly [ControlStatus, readonly string[]])[] = [
  ['draft', ['draft', 'proposed', 'pending', 'in progress', 'new', 'to be agreed', 'under review', 'tbc']],
  [
    'agreed',
    [
      'agreed',
      'final',
      'finalised',
      'finalized',
      'approved',
      'active',
      'in place',
      'implemented',
      'confirmed',
    ],
  ],
  ['retired', ['retired', 'inactive', 'decommissioned', 'removed', 'obsolete', 'deprecated', 'discontinued']],
];

/** Draft, agreed ("Final", "Approved", "Active"…) or retired ("Inactive", "Decommissioned"…). */
export function parseStatus(raw: string): ControlStatus | null {
  const words = normaliseWords(raw);
  const exact = STATUSES.find(([, phrases]) => phrases.includes(words));
  if (exact) return exact[0];
  const named = STATUSES.filter(([, phrases]) => phrases.some((p) => containsWords(words, p)));
  return named.length === 1 ? (named[0]?.[0] ?? null) : null;
}
