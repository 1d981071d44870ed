/**
 * Merge knowledge: whether a copy has seen a given write (its version vector covers the write's clock
 * stamp), and how two copies' knowledge combines after a merge.
 */
import { parseStamp } from '../../domain/clock';
import type { VersionVector } from '../types';

/**
 * True when a copy with version vector `seen` has seen the write stamped `stamp`. The empty stamp ("never
 * written") is known by everyone; a stamp that does not parse is known by no one.
 */
export function knows(seen: Readonly<VersionVector>, stamp: string): boolean {
  if (stamp === '') return true;
  const parsed = parseStamp(stamp);
  if (!parsed) return false;
  const latest = seen[parsed.nodeId];
  return latest !== undefined && latest >= stamp;
}

/** The later of two stamps (stamps sort lexically in write order). */
export function laterStamp(a: string, b: string): string {
  return a >= b ? a : b;
}

/** What a copy knows after merging: per node, the later of the two stamps. */
export function combineVectors(a: Readonly<VersionVector>, b: Readonly<VersionVector>): VersionVector {
  const out: VersionVector = {};
  for (const node of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[node];
    const y = b[node];
    out[node] = x === undefined ? (y ?? '') : y === undefined ? x : laterStamp(x, y);
  }
  return out;
}
