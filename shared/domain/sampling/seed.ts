/**
 * Seeds for sample selection. A seed is any text; the auditor can re-perform a selection from the seed
 * recorded in the workpaper. Formulas (UTF-8 text, SHA-256, lowercase hex):
 *
 *   deriveSeed = first 32 hex of SHA-256("fieldwork-sample-v1|" + engagementId + "|" + controlReference
 *                + "|" + lowercase(populationHash))
 *   seedFromString(s) = first 32 hex of SHA-256(s without leading/trailing whitespace), read as four
 *                big-endian 32-bit words: the xoshiro128** state s[0..3]. Hashing every seed, even one that is
 *                already hex, keeps weak seeds such as "1" or "000…001" from giving a poorly mixed state.
 *
 * From a shell: printf '%s' 'fieldwork-sample-v1|<engagement>|<control>|<hash>' | sha256sum | cut -c1-32
 */
import { sha256Hex } from '../hash';
import { Xoshiro128, type SeedWords } from './prng';
import { sha256HexSync } from './sha256';

/** The fixed prefix of the derived-seed formula; a new formula would get a new version tag. */
export const SEED_FORMULA_VERSION = 'fieldwork-sample-v1';

/**
 * The default seed for a control's selection, a 32-hex-digit string that anyone can recompute from the
 * engagement id, the control reference and the population file's hash (see the formula above).
 */
export async function deriveSeed(
  engagementId: string,
  controlReference: string,
  populationHash: string,
): Promise<string> {
  const text = `${SEED_FORMULA_VERSION}|${engagementId}|${controlReference}|${populationHash.toLowerCase()}`;
  return (await sha256Hex(text)).slice(0, 32);
}

/** Turns any user-entered seed text into the generator's 128-bit state (SHA-256 of the trimmed text). */
export function seedFromString(seed: string): SeedWords {
  const text = seed.trim();
  if (text === '') throw new RangeError('Enter a seed: any text or number will do.');
  const hex = sha256HexSync(text).slice(0, 32);
  const word = (i: number): number => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  const words: SeedWords = [word(0), word(1), word(2), word(3)];
  if (words.every((w) => w === 0)) throw new RangeError('A seed of all zeros cannot start the generator.');
  return words;
}

/** A generator seeded from any seed text. */
export function generatorFromSeed(seed: string): Xoshiro128 {
  return new Xoshiro128(seedFromString(seed));
}

/**
 * The seed text for one labelled sub-stream of a selection (a stratum, a systematic expansion):
 * the trimmed seed, "|", then the label (which `seedFromString` then hashes like any seed).
 */
export function subSeed(seed: string, label: string): string {
  return `${seed.trim()}|${label}`;
}
