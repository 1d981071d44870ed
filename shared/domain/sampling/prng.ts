/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018), a small, fast, well-studied generator with 128 bits of state.
 * Only 32-bit integer operations (Math.imul, shifts, >>> 0), so every JavaScript engine produces the same
 * stream; Math.random is never used.
 */

/** Four unsigned 32-bit words: the 128-bit seed, most significant word first. */
export type SeedWords = readonly [number, number, number, number];

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Starts the generator from a 128-bit seed; the all-zero seed (a fixed point) is refused. */
  constructor(seed: SeedWords) {
    this.s0 = seed[0] >>> 0;
    this.s1 = seed[1] >>> 0;
    this.s2 = seed[2] >>> 0;
    this.s3 = seed[3] >>> 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
      throw new RangeError('xoshiro128** cannot start from a zero seed.');
  }

  /** The next unsigned 32-bit output. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * A uniform whole number in [0, m) for 1 ≤ m ≤ 2^32, without modulo bias: outputs at or above the
   * largest multiple of m are rejected and redrawn.
   */
  nextInt(m: number): number {
    if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError('nextInt needs 1 ≤ m ≤ 2^32.');
    const limit = 2 ** 32 - (2 ** 32 % m);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % m;
    }
  }
}
