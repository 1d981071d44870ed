/**
 * Stratified random selection (for example by month, so a Type 2 sample spans the whole period):
 * proportional allocation by largest remainder, then an independent seeded permutation per stratum.
 */
import { assertWhole, continueRandom } from './selection';
import { subSeed } from './seed';

export interface Stratum {
  key: string;
  /** 0-based population indices of the stratum's items, in the order their positions are numbered. */
  indices: readonly number[];
}

/** Strata as a list, or as the stratum key of each item (item i has key keys[i]). */
export type StrataInput = readonly Stratum[] | readonly string[];

export interface StratumSelection {
  key: string;
  populationSize: number;
  /** Items allocated to this stratum in this call. */
  allocated: number;
  /** The selected population indices, in selection order. */
  indices: number[];
}

export interface StratifiedSelection {
  strata: StratumSelection[];
  /** All selected indices, stratum by stratum. */
  indices: number[];
  /** Plain-language notes for the workpaper (for example strata left without an item). */
  notes: string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Normalises strata: a key-per-item array becomes one stratum per key in code-unit order with ascending
 * indices; a list is kept in its order. Keys and items must not repeat.
 */
export function normalizeStrata(input: StrataInput): Stratum[] {
  let strata: Stratum[];
  if (input.every((entry): entry is string => typeof entry === 'string')) {
    const groups = new Map<string, number[]>();
    input.forEach((key, index) => {
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    });
    strata = [...groups.keys()].sort(byCodeUnits).map((key) => ({ key, indices: groups.get(key) ?? [] }));
  } else {
    strata = input.filter((entry): entry is Stratum => typeof entry !== 'string');
  }
  const keys = new Set<string>();
  const items = new Set<number>();
  for (const { key, indices } of strata) {
    if (keys.has(key)) throw new RangeError(`Stratum "${key}" is listed twice.`);
    keys.add(key);
    for (const index of indices) {
      if (!Number.isInteger(index) || index < 0) throw new RangeError(`Item ${index} is not a valid index.`);
      if (items.has(index)) throw new RangeError(`Item ${index} appears in more than one stratum.`);
      items.add(index);
    }
  }
  return strata;
}

/**
 * Splits `total` across groups in proportion to `sizes` by largest remainder (ties: larger group, then
 * earlier group), in exact integer arithmetic; with `atLeastOne`, every non-empty group then gets an item,
 * taken from the group most over its quota, when `total` covers them all.
 */
export function allocateProportionally(
  sizes: readonly number[],
  total: number,
  atLeastOne: boolean,
): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (total > sum) throw new RangeError(`Cannot allocate ${total} items across ${sum}.`);
  if (sum === 0) return sizes.map(() => 0);
  // Quota of group i is total·size/sum; compare remainders and excesses as integers scaled by sum.
  const alloc = sizes.map((size) => Math.floor((total * size) / sum));
  const remainder = (i: number): number => total * (sizes[i] ?? 0) - (alloc[i] ?? 0) * sum;
  const order = sizes
    .map((_, i) => i)
    .sort((a, b) => remainder(b) - remainder(a) || (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  let left = total - alloc.reduce((a, b) => a + b, 0);
  for (const i of order) {
    if (left === 0) break;
    alloc[i] = (alloc[i] ?? 0) + 1;
    left -= 1;
  }
  const nonEmpty = sizes.filter((size) => size > 0).length;
  if (atLeastOne && total >= nonEmpty) {
    const excess = (i: number): number => (alloc[i] ?? 0) * sum - total * (sizes[i] ?? 0);
    for (const needy of order) {
      if ((sizes[needy] ?? 0) === 0 || (alloc[needy] ?? 0) > 0) continue;
      let donor = -1;
      alloc.forEach((count, i) => {
        if (count > 1 && (donor < 0 || excess(i) > excess(donor))) donor = i;
      });
      alloc[donor] = (alloc[donor] ?? 0) - 1;
      alloc[needy] = 1;
    }
  }
  return alloc;
}

/** Selects each stratum's allocated items by continuing that stratum's own permutation. */
function selectPerStratum(
  strata: Stratum[],
  seed: string,
  already: (key: string) => number,
  allocation: number[],
  notes: string[],
): StratifiedSelection {
  const selections = strata.map((stratum, i): StratumSelection => {
    const allocated = allocation[i] ?? 0;
    const positions = continueRandom({
      populationSize: stratum.indices.length,
      seed: stratumSeed(seed, stratum.key),
      alreadySelected: already(stratum.key),
      additional: allocated,
    });
    const indices = positions.map((p) => stratum.indices[p] ?? -1);
    return { key: stratum.key, populationSize: stratum.indices.length, allocated, indices };
  });
  return { strata: selections, indices: selections.flatMap((s) => s.indices), notes };
}

/** The seed text of one stratum's permutation: subSeed(seed, "stratum:" + key). */
export function stratumSeed(seed: string, key: string): string {
  return subSeed(seed, `stratum:${key}`);
}

/**
 * Stratified selection: `sampleSize` split in proportion to stratum sizes (largest remainder, and at least
 * one item per non-empty stratum when the sample allows), each stratum drawn with its own seed.
 * When the sample is smaller than the number of non-empty strata, some strata get nothing and a note says so.
 */
export function selectStratified(params: {
  strata: StrataInput;
  sampleSize: number;
  seed: string;
}): StratifiedSelection {
  assertWhole('Sample size', params.sampleSize, 0);
  const strata = normalizeStrata(params.strata);
  const sizes = strata.map((s) => s.indices.length);
  const allocation = allocateProportionally(sizes, params.sampleSize, true);
  const notes: string[] = [];
  const nonEmpty = sizes.filter((size) => size > 0).length;
  if (params.sampleSize < nonEmpty) {
    const empty = allocation.filter((count, i) => count === 0 && (sizes[i] ?? 0) > 0).length;
    notes.push(
      `The sample of ${params.sampleSize} is smaller than the ${nonEmpty} strata, so ${empty} strata have no item selected; consider a larger sample or fewer strata.`,
    );
  }
  return selectPerStratum(strata, params.seed, () => 0, allocation, notes);
}

/**
 * Expands a stratified selection by `additional` items, split in proportion to each stratum's items not yet
 * selected, continuing every stratum's permutation so no item repeats. `alreadySelected` gives the count
 * selected so far per stratum key (a missing key counts as 0).
 */
export function continueStratified(params: {
  strata: StrataInput;
  seed: string;
  alreadySelected: Readonly<Record<string, number>>;
  additional: number;
}): StratifiedSelection {
  assertWhole('Additional items', params.additional, 0);
  const strata = normalizeStrata(params.strata);
  const already = (key: string): number =>
    Object.hasOwn(params.alreadySelected, key) ? (params.alreadySelected[key] ?? 0) : 0;
  const remaining = strata.map((s) => s.indices.length - already(s.key));
  if (remaining.some((r) => r < 0))
    throw new RangeError('A stratum has more items selected than it contains.');
  const allocation = allocateProportionally(remaining, params.additional, false);
  return selectPerStratum(strata, params.seed, already, allocation, []);
}

/** The stratum key used for items without a usable date. */
export const UNDATED_STRATUM = 'undated';

/**
 * Stratum keys by period for items dated "YYYY-MM-DD…" (ISO; only the date part is read, no time-zone
 * shift): "2026-03" by month or "2026-Q1" by quarter; missing or unreadable dates go to "undated".
 */
export function strataByPeriod(
  dates: readonly (string | null)[],
  granularity: 'month' | 'quarter',
): string[] {
  return dates.map((date) => {
    const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
    const month = match ? Number(match[2]) : 0;
    if (!match || month < 1 || month > 12) return UNDATED_STRATUM;
    return granularity === 'month' ? `${match[1]}-${match[2]}` : `${match[1]}-Q${Math.ceil(month / 3)}`;
  });
}
