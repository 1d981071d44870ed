/**
 * Random and systematic selection (soc2-domain.md §2.6). Items are 0-based indices into the numbered
 * population; the same input gives the same output in every JavaScript engine, so a selection can be
 * re-performed from the seed recorded in the workpaper.
 */
import type { Xoshiro128 } from './prng';
import { generatorFromSeed, subSeed } from './seed';

/**
 * The seeded random permutation of 0…N−1, produced one item at a time by a lazily run Fisher–Yates
 * shuffle: step i swaps position i with position i + nextInt(N − i) and emits what lands at i. Only the
 * positions touched so far are stored, so memory grows with the items drawn, not with N.
 */
export class SeededPermutation {
  private readonly rng: Xoshiro128;
  private readonly moved = new Map<number, number>();
  private position = 0;

  constructor(
    readonly populationSize: number,
    seed: string,
  ) {
    assertWhole('Population size', populationSize, 0);
    if (populationSize > 2 ** 32) throw new RangeError('Populations above 2^32 items are not supported.');
    this.rng = generatorFromSeed(seed);
  }

  /** The next item of the permutation, or null once every item has been emitted. */
  next(): number | null {
    const i = this.position;
    if (i >= this.populationSize) return null;
    this.position += 1;
    const j = i + this.rng.nextInt(this.populationSize - i);
    const atI = this.moved.get(i) ?? i;
    const atJ = this.moved.get(j) ?? j;
    this.moved.set(j, atI);
    this.moved.delete(i); // position i is never read again
    return atJ;
  }
}

export function assertWhole(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}.`);
}

function exclusionSet(populationSize: number, exclude: readonly number[] | undefined): Set<number> {
  const set = new Set<number>();
  for (const index of exclude ?? []) {
    if (!Number.isInteger(index) || index < 0 || index >= populationSize) {
      throw new RangeError(`Excluded item ${index} is outside the population of ${populationSize}.`);
    }
    set.add(index);
  }
  return set;
}

/** Skips `skip` eligible items of the permutation, then returns the next `take` eligible ones. */
function draw(
  populationSize: number,
  seed: string,
  excluded: Set<number>,
  skip: number,
  take: number,
): { skipped: number[]; taken: number[] } {
  const available = populationSize - excluded.size;
  if (skip + take > available) {
    throw new RangeError(
      `Cannot select ${skip + take} items: only ${available} of the ${populationSize} are available.`,
    );
  }
  const permutation = new SeededPermutation(populationSize, seed);
  const skipped: number[] = [];
  const taken: number[] = [];
  while (taken.length < take || skipped.length < skip) {
    const item = permutation.next();
    if (item === null) break; // unreachable: `available` was checked above
    if (excluded.has(item)) continue;
    if (skipped.length < skip) skipped.push(item);
    else taken.push(item);
  }
  return { skipped, taken };
}

/**
 * Selects `sampleSize` items at random, in selection order: the first items of the seed's permutation,
 * passing over any excluded items (for example items already tested another way).
 */
export function selectRandom(params: {
  populationSize: number;
  sampleSize: number;
  seed: string;
  exclude?: readonly number[];
}): number[] {
  const { populationSize, sampleSize, seed } = params;
  assertWhole('Sample size', sampleSize, 0);
  return draw(populationSize, seed, exclusionSet(populationSize, params.exclude), 0, sampleSize).taken;
}

/**
 * Adds `additional` items to a random selection by continuing the same permutation, so selecting n and
 * then k more gives exactly the n + k items a larger first selection would have. `alreadySelected` is the
 * earlier count or the earlier items (checked against the seed); `exclude` must match the first call.
 */
export function continueRandom(params: {
  populationSize: number;
  seed: string;
  alreadySelected: number | readonly number[];
  additional: number;
  exclude?: readonly number[];
}): number[] {
  const { populationSize, seed, alreadySelected, additional } = params;
  assertWhole('Additional items', additional, 0);
  const count = typeof alreadySelected === 'number' ? alreadySelected : alreadySelected.length;
  assertWhole('Items already selected', count, 0);
  const { skipped, taken } = draw(
    populationSize,
    seed,
    exclusionSet(populationSize, params.exclude),
    count,
    additional,
  );
  if (typeof alreadySelected !== 'number') {
    const earlier = new Set(alreadySelected);
    if (earlier.size !== skipped.length || skipped.some((item) => !earlier.has(item))) {
      throw new RangeError(
        'The items already selected are not the start of this seed’s selection. Check the seed and population, or select with "exclude" instead.',
      );
    }
  }
  return taken;
}

export interface SystematicSelection {
  /** ⌊N / n⌋: the range of the random start. */
  interval: number;
  /** N / n, not rounded: the distance between selected items. */
  step: number;
  /** The random start, 1-based as auditors count (1…interval). */
  start: number;
  /** 0-based indices: ⌊start − 1 + i × N/n⌋ for i = 0…n−1. */
  indices: number[];
}

/**
 * Systematic selection: a start in 1…⌊N/n⌋, drawn as 1 + the generator's first nextInt(⌊N/n⌋) unless
 * given, then every (N/n)-th item: ⌊start − 1 + i × N/n⌋. The step is not rounded, so the sample spans the
 * whole population (a whole-number interval would leave the last N mod n items, the end of the period,
 * out of reach). When N/n is whole this is the textbook "every k-th item".
 */
export function selectSystematic(params: {
  populationSize: number;
  sampleSize: number;
  seed: string;
  start?: number;
}): SystematicSelection {
  const { populationSize, sampleSize, seed } = params;
  assertWhole('Population size', populationSize, 1);
  assertWhole('Sample size', sampleSize, 1);
  if (sampleSize > populationSize) {
    throw new RangeError(`Cannot select ${sampleSize} items from a population of ${populationSize}.`);
  }
  const interval = Math.floor(populationSize / sampleSize);
  const start = params.start ?? 1 + generatorFromSeed(seed).nextInt(interval);
  if (!Number.isInteger(start) || start < 1 || start > interval) {
    throw new RangeError(`The start must be a whole number from 1 to the interval (${interval}).`);
  }
  const step = populationSize / sampleSize;
  const indices = Array.from({ length: sampleSize }, (_, i) => Math.floor(start - 1 + i * step + 1e-9));
  return { interval, step, start, indices };
}

/** The label of the random stream used to expand a systematic sample. */
export const SYSTEMATIC_EXPANSION_LABEL = 'systematic-expansion';

/**
 * Expands a systematic sample at random: items come from the permutation seeded by
 * subSeed(seed, "systematic-expansion"), passing over the systematic items, so repeated expansions
 * continue one stream and never repeat an item. `alreadyAdded` counts items added by earlier expansions.
 */
export function continueSystematic(params: {
  populationSize: number;
  seed: string;
  selection: Pick<SystematicSelection, 'indices'>;
  alreadyAdded?: number;
  additional: number;
}): number[] {
  return continueRandom({
    populationSize: params.populationSize,
    seed: subSeed(params.seed, SYSTEMATIC_EXPANSION_LABEL),
    alreadySelected: params.alreadyAdded ?? 0,
    additional: params.additional,
    exclude: params.selection.indices,
  });
}
