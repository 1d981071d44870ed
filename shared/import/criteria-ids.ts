/**
 * Reading trust services criterion IDs as people type them in spreadsheets: `CC6.1`, `cc 6.1`, `CC6.1.`,
 * `CC6.01`, `CC 6.1 - Logical access…`, lists in any separator, `CC6.1/6.2` and ranges `CC6.1-CC6.3`.
 */
import { CRITERIA, isCriterionId } from '../domain/criteria/catalog';
import { sortCriteria } from '../domain/planning/fields';

/**
 * An ID-like token: optional series prefix, a group number, optionally `.n`, and anything glued on
 * (`CC6.1.2`, `CC6.1a`), which makes it unknown rather than silently shortened.
 */
const TOKEN = /(?<![A-Z0-9.])(?:(CC|PI|A|C|P)\s?)?(\d{1,3})(?:\s?\.\s?(\d{1,3}))?((?:\.\d+)*[A-Z0-9]*)/giu;
/** What may stand before the first ID of an item: spaces, bullets, brackets, quotes. */
const ITEM_START = /^[\s\-–—*•·▪◦●‣⁃([{"'“‘]*$/u;
const RANGE_BETWEEN = /^\s*(?:-|–|—|to|through|thru)\s*$/iu;
/** Items of a list: commas, semicolons, pipes, slashes, line breaks, bullets, "and", "&". */
const ITEM_SEPARATOR = /[,;|/\\\n\r•·▪◦●‣⁃]+|\s+and\s+|\s*&\s*/iu;
const MEANS_NONE = new Set(['', 'n a', 'na', 'none', 'nil', 'tbd', 'tbc', 'not applicable']);

interface Token {
  raw: string;
  index: number;
  end: number;
  prefix: string | null;
  major: number;
  minor: number | null;
  /** Text glued to the ID (`.2`, `a`): the token is not a criterion ID as written. */
  glued: boolean;
}

function tokens(item: string): Token[] {
  return [...item.matchAll(TOKEN)].map((m) => ({
    raw: m[0].trim(),
    index: m.index,
    end: m.index + m[0].length,
    prefix: m[1]?.toUpperCase() ?? null,
    major: Number(m[2]),
    minor: m[3] === undefined ? null : Number(m[3]),
    glued: (m[4] ?? '') !== '',
  }));
}

/** The catalog id for a series and numbers (`CC`, 6, 1 → `CC6.1`; leading zeros drop), or null. */
function catalogId(prefix: string, major: number, minor: number): string | null {
  const id = `${prefix}${major}.${minor}`;
  return isCriterionId(id) ? id : null;
}

/**
 * The catalog id a text starts with, or null: `cc 6.1`, `CC6.1.`, `CC6.01` and `CC 6.1 - Logical access…`
 * all give `CC6.1`; `CC9.9`, `CC10.1`, `CC6.1.2` or text without an ID give null.
 */
export function normaliseCriterionId(raw: string): string | null {
  const first = tokens(raw)[0];
  if (!first || !ITEM_START.test(raw.slice(0, first.index))) return null;
  if (first.prefix === null || first.minor === null || first.glued) return null;
  return catalogId(first.prefix, first.major, first.minor);
}

/** Every catalog id from `from` to `to` in catalog order, when both are in the same series. */
function expandRange(from: string, to: string): string[] {
  const series = (id: string) => /^[A-Z]+/u.exec(id)?.[0];
  const start = CRITERIA.findIndex((c) => c.id === from);
  const end = CRITERIA.findIndex((c) => c.id === to);
  if (series(from) !== series(to) || start === -1 || end <= start) return [from, to];
  return CRITERIA.slice(start, end + 1).map((c) => c.id);
}

interface ListState {
  ids: string[];
  unknown: string[];
  /** The series of the last ID read, inherited by a bare `6.2` (as in `CC6.1/6.2`). */
  series: string | null;
  found: boolean;
}

function readItem(item: string, state: ListState): void {
  let previous: { token: Token; id: string | null } | null = null;
  for (const token of tokens(item)) {
    const atStart = ITEM_START.test(item.slice(0, token.index));
    const rangeEnd =
      previous !== null &&
      previous.id !== null &&
      RANGE_BETWEEN.test(item.slice(previous.token.end, token.index));
    const id = readToken(token, atStart || rangeEnd, state);
    if (id === undefined) continue;
    if (rangeEnd && id !== null && previous?.id) state.ids.push(...expandRange(previous.id, id));
    previous = { token, id };
  }
}

/**
 * One token's catalog id; null when it is ID-like but unknown (recorded); undefined when it is only a
 * number inside a title. Tokens that are not at the start of an item count only when fully written
 * (`CC6.2`), so "version 2.0" in a title is not read as a criterion.
 */
function readToken(token: Token, leading: boolean, state: ListState): string | null | undefined {
  const complete = token.minor !== null && !token.glued;
  if (token.prefix === null) {
    if (!leading || token.minor === null) return undefined;
    if (state.series === null) return unknownToken(token, state);
  } else if (!complete && !leading) {
    return undefined;
  }
  const series = token.prefix ?? state.series;
  if (series === null || !complete || token.minor === null) return unknownToken(token, state);
  state.series = series;
  state.found = true;
  const id = catalogId(series, token.major, token.minor);
  if (id === null) return unknownToken(token, state);
  state.ids.push(id);
  return id;
}

function unknownToken(token: Token, state: ListState): null {
  state.found = true;
  state.unknown.push(token.raw);
  return null;
}

/** True for cells that say "no criteria": blank, `N/A`, `None`, `TBD`, a dash. */
export function meansNone(raw: string): boolean {
  const words = raw
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return MEANS_NONE.has(words);
}

/**
 * The criteria in a cell: catalog ids (in catalog order, without duplicates) and the items that look like
 * criteria but are not (`CC9.9`), or text without any ID at all, for the auditor to check.
 */
export function parseCriteriaList(raw: string): { ids: string[]; unknown: string[] } {
  if (meansNone(raw)) return { ids: [], unknown: [] };
  const state: ListState = { ids: [], unknown: [], series: null, found: false };
  const items = raw.split(ITEM_SEPARATOR).map((item) => item.trim());
  for (const item of items) readItem(item, state);
  const unknown = state.found ? state.unknown : items.filter((item) => item !== '' && !meansNone(item));
  return { ids: sortCriteria(state.ids), unknown: [...new Set(unknown)] };
}
