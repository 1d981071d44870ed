/**
 * The tamper-evident audit trail. Every change to engagement data appends one event; each event's hash
 * covers the previous event's hash and the canonical JSON of the event itself, so altering, removing or
 * reordering any stored event breaks the chain from that point on.
 *
 *   hash = SHA-256( prevHash + canonicalJson(event without `hash`) )
 */
import { canonicalJson } from '../canonical-json';
import { sha256Hex } from '../hash';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditOp = 'create' | 'update' | 'delete' | 'restore';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  /** The chain this event belongs to: an engagement id, or `local` for machine-level records (profiles). */
  chain: string;
  /** 1-based position in the chain, without gaps. */
  seq: number;
  /** ISO timestamp of the change. */
  at: string;
  /** Profile id of the auditor who made the change. */
  actor: string;
  /** The auditor's name at the time, so the trail reads without the profile table. */
  actorName: string;
  entity: string;
  entityId: string;
  op: AuditOp;
  changes: Record<string, FieldChange>;
  /**
   * Why the change was made, required once the report is released (the assembly window). Absent on
   * ordinary events, and then left out of the hashed body, so chains written before it existed verify.
   */
  reason?: string;
  /** True for changes made after the report release date (assembly window, addenda, unlock). */
  postRelease?: boolean;
  prevHash: string;
  hash: string;
}

export type UnhashedAuditEvent = Omit<AuditEvent, 'hash'>;

/** Computes the hash of an event from its content and `prevHash`. */
export function hashAuditEvent(event: UnhashedAuditEvent): Promise<string> {
  const { chain, seq, at, actor, actorName, entity, entityId, op, changes, prevHash } = event;
  const body = {
    chain,
    seq,
    at,
    actor,
    actorName,
    entity,
    entityId,
    op,
    changes,
    prevHash,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.postRelease ? { postRelease: true } : {}),
  };
  return sha256Hex(prevHash + canonicalJson(body));
}

/** The latest event of a chain, kept beside the events so that removing the newest events is noticed too. */
export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
  /**
   * True for a chain another copy of the engagement wrote and this database received in a file: it is
   * kept as it came and extended only by later files from that copy, never written here.
   */
  imported?: boolean;
}

/** The chain a copy writes after importing an engagement that another copy created: `<engagement id>~<node id>`. */
export function copyChainId(engagementId: string, nodeId: string): string {
  return `${engagementId}~${nodeId}`;
}

/** The engagement a chain belongs to (`local` for machine-level records). */
export function chainEngagementId(chain: string): string {
  const at = chain.indexOf('~');
  return at === -1 ? chain : chain.slice(0, at);
}

export type AuditVerification =
  | { ok: true; count: number; headHash: string; message: string }
  | {
      ok: false;
      count: number;
      brokenSeq: number;
      reason: string;
      message: string;
      /** The chain the broken event belongs to (an engagement can have one per copy). */
      chain?: string;
    };

/**
 * Checks a chain's events (any order; sorted by `seq` here) and, when given, that the stored head matches
 * the last event. Reports "intact, N events" or the first broken event with the reason in plain words.
 */
export async function verifyAuditChain(
  events: readonly AuditEvent[],
  head?: ChainHead | null,
): Promise<AuditVerification> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  let prevHash = GENESIS_HASH;
  let chain: string | undefined;
  for (let i = 0; i < sorted.length; i += 1) {
    const event = sorted[i];
    if (!event) break;
    const expectedSeq = i + 1;
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      count: sorted.length,
      brokenSeq: event.seq,
      reason,
      message: `Audit trail broken at event #${event.seq}: ${reason}`,
    });
    if (event.seq !== expectedSeq) {
      return fail(
        event.seq > expectedSeq
          ? `event #${expectedSeq} is missing`
          : `event #${event.seq} appears more than once`,
      );
    }
    chain ??= event.chain;
    if (event.chain !== chain) return fail('it belongs to a different engagement');
    if (event.prevHash !== prevHash) return fail(`it does not link to event #${event.seq - 1}`);
    const recomputed = await hashAuditEvent(event);
    if (recomputed !== event.hash) return fail('its content was altered after it was recorded');
    prevHash = event.hash;
  }
  if (head) {
    const last = sorted[sorted.length - 1];
    if (!last || head.seq !== last.seq || head.hash !== last.hash) {
      const missing = head.seq - (last?.seq ?? 0);
      const reason =
        missing > 0
          ? `the newest ${missing} event${missing === 1 ? ' was' : 's were'} removed`
          : 'the chain head does not match the last event';
      return {
        ok: false,
        count: sorted.length,
        brokenSeq: (last?.seq ?? 0) + 1,
        reason,
        message: `Audit trail broken at event #${(last?.seq ?? 0) + 1}: ${reason}`,
      };
    }
  }
  const count = sorted.length;
  return {
    ok: true,
    count,
    headHash: prevHash,
    message: `Audit trail intact, ${count} event${count === 1 ? '' : 's'}`,
  };
}
