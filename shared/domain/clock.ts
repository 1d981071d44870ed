/**
 * Hybrid logical clock stamps for merge: `<wall ms, 13 digits>-<counter, 4 hex>-<node id>`.
 * Stamps sort lexically in causal order, tolerate clock skew between laptops, and the node id breaks ties,
 * so the later of two concurrent edits to the same field can be chosen deterministically when merging.
 */
export type ClockStamp = string;

export interface ClockState {
  wallMs: number;
  counter: number;
}

const STAMP_PATTERN = /^(\d{13})-([0-9a-f]{4})-([0-9a-z-]{1,64})$/;

export function formatStamp(state: ClockState, nodeId: string): ClockStamp {
  return `${String(state.wallMs).padStart(13, '0')}-${state.counter.toString(16).padStart(4, '0')}-${nodeId}`;
}

export function parseStamp(stamp: ClockStamp): (ClockState & { nodeId: string }) | null {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: parseInt(match[2] ?? '0', 16), nodeId: match[3] ?? '' };
}

/** Advances the clock for a local event. */
export function tick(previous: ClockState, nowMs: number): ClockState {
  if (nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0 };
  return { wallMs: previous.wallMs, counter: previous.counter + 1 };
}

/** Advances the clock on receiving a remote stamp (used when merging another auditor's copy). */
export function receive(previous: ClockState, remote: ClockState, nowMs: number): ClockState {
  const wallMs = Math.max(previous.wallMs, remote.wallMs, nowMs);
  if (wallMs === previous.wallMs && wallMs === remote.wallMs) {
    return { wallMs, counter: Math.max(previous.counter, remote.counter) + 1 };
  }
  if (wallMs === previous.wallMs) return { wallMs, counter: previous.counter + 1 };
  if (wallMs === remote.wallMs) return { wallMs, counter: remote.counter + 1 };
  return { wallMs, counter: 0 };
}

/** Orders two stamps; a stamp that does not parse sorts first. */
export function compareStamps(a: ClockStamp, b: ClockStamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
