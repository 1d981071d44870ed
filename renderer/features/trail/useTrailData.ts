/** Live reads of the audit-trail viewer: the events (newest first) and the names of the records. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { eventSearchText, recordLabels, type AuditEvent } from '@shared/domain/audit';
import { changeContextOf, type ChangeContext } from '@shared/domain/review';
import type { Engagement } from '@shared/domain/engagement';
import { db } from '../../db';
import { ENTITIES, type TableName } from '../../db/entities';
import { describeError } from '../../components/ErrorText';
import { chainHeadsOf, engagementRecords } from '../../db/queries';
import { engagementAuditEvents } from '../../db/chains';

type RecordTable = Exclude<TableName, 'engagements' | 'profiles' | 'settings'>;

/** Every engagement table but the engagements themselves, with the entity its records are. */
const RECORD_TABLES = Object.entries(ENTITIES).flatMap(([entity, def]) =>
  def.engagementScoped && def.table !== 'engagements'
    ? [{ entity, table: def.table satisfies RecordTable }]
    : [],
);

/** The newest events come first, in one small read, so the list shows at once; the rest follow in chunks. */
const FIRST_READ = 500;
const CHUNK = 20_000;

export interface TrailEvents {
  /** Newest first; `undefined` until the first read is in. */
  events: AuditEvent[] | undefined;
  /** False while older events are still being read. */
  complete: boolean;
  /** How many events there are to read (the newest event's number), for the progress. */
  total: number;
  /** Why the trail could not be read, in plain words. */
  error?: string | undefined;
  /** Reads the whole history again (after a failed verification, to show the events as they are stored now). */
  reload(): void;
}

interface Loaded {
  key: string;
  events: AuditEvent[];
  complete: boolean;
  /** The chain's newest event when the read began: later events come from the live query. */
  top: number;
  error?: string;
}

function chainRange(chain: string, from: number, to: number) {
  return db.auditEvents.where('[chain+seq]').between([chain, from], [chain, to], true, true);
}

/** Reads a chain newest first (or one record's events), reporting each part as it arrives. */
async function readTrail(
  chain: string,
  recordId: string | undefined,
  report: (events: AuditEvent[], complete: boolean, top: number) => void,
  cancelled: () => boolean,
): Promise<void> {
  const [newestKey] = await chainRange(chain, 0, Infinity).reverse().limit(1).primaryKeys();
  const top = newestKey ? Number(newestKey[1]) : 0;
  if (recordId) {
    // The entityId index: a record's history opens at once, however long the trail.
    const rows = await db.auditEvents.where('entityId').equals(recordId).toArray();
    report(
      rows.filter((e) => e.chain === chain && e.seq <= top).sort((a, b) => b.seq - a.seq),
      true,
      top,
    );
    return;
  }
  let events = await chainRange(chain, 0, top).reverse().limit(FIRST_READ).toArray();
  let below = events.length < FIRST_READ ? 0 : (events[events.length - 1]?.seq ?? 0);
  report(events, below <= 1, top);
  while (below > 1 && !cancelled()) {
    const from = Math.max(1, below - CHUNK);
    const older = await chainRange(chain, from, below - 1).toArray();
    events = events.concat(older.reverse());
    below = from;
    report(events, below <= 1, top);
  }
}

/**
 * The engagement's events, newest first, or one record's when `recordId` is given. Events are never
 * changed once written, so the history is read once (in chunks, newest first) and only the events
 * added since are read live: a new change does not re-read 100,000 events.
 */
export function useTrailEvents(engagementId: string, recordId: string | undefined): TrailEvents {
  // An engagement changed on several laptops has one chain per copy: then the trail is read whole,
  // newest first across the chains. The usual single chain is read in chunks below.
  const chains = useLiveQuery(
    async () => (await chainHeadsOf(db, engagementId)).map((h) => h.chain),
    [engagementId],
  );
  const single = chains !== undefined && chains.length <= 1 && (chains[0] ?? engagementId) === engagementId;
  const chunked = useChunkedTrail(engagementId, recordId, single);
  const whole = useLiveQuery(async () => {
    if (single || chains === undefined) return null;
    const events = await engagementAuditEvents(db, engagementId);
    return (recordId ? events.filter((e) => e.entityId === recordId) : events).reverse();
  }, [engagementId, recordId, single, chains?.join(',')]);
  return useMemo(() => {
    if (single) return chunked;
    if (!whole) return { events: undefined, complete: false, total: 0, reload: chunked.reload };
    return { events: whole, complete: true, total: whole.length, reload: chunked.reload };
  }, [single, chunked, whole]);
}

function useChunkedTrail(engagementId: string, recordId: string | undefined, enabled: boolean): TrailEvents {
  const key = `${engagementId}/${recordId ?? ''}/${String(enabled)}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let cancelled = false;
    if (!enabled) return;
    readTrail(
      engagementId,
      recordId,
      (events, complete, top) => {
        if (!cancelled) setLoaded({ key, events, complete, top });
      },
      () => cancelled,
    ).catch((error: unknown) => {
      if (!cancelled) {
        setLoaded({ key, events: [], complete: true, top: 0, error: describeError(error).text });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [key, engagementId, recordId, generation, enabled]);

  const current = loaded?.key === key ? loaded : null;
  const top = current?.top ?? null;
  const newer = useLiveQuery(async () => {
    if (top === null) return [];
    const rows = await chainRange(engagementId, top + 1, Infinity).toArray();
    return (recordId ? rows.filter((e) => e.entityId === recordId) : rows).reverse();
  }, [engagementId, recordId, top]);

  return useMemo(() => {
    if (!current || !newer) return { events: undefined, complete: false, total: 0, reload };
    const events = newer.length > 0 ? [...newer, ...current.events] : current.events;
    const total = recordId ? events.length : current.top + newer.length;
    return { events, complete: current.complete, total, error: current.error, reload };
  }, [current, newer, recordId, reload]);
}

export interface TrailRecords {
  /** The readable name of every record of the engagement, deleted ones included, by id. */
  labels: Map<string, string>;
  /** What the event details and the CSV read values with: records by id, names, the tickmark legend. */
  context: ChangeContext;
}

/** Every record of the engagement (deleted ones included), read once per change: names and values in words. */
export function useTrailRecords(engagement: Engagement): TrailRecords | undefined {
  const { id, serviceOrganization } = engagement;
  const records = useLiveQuery(async () => {
    const declared = new Set(db.tables.map((t) => t.name));
    const lists = await Promise.all(
      RECORD_TABLES.filter((t) => declared.has(t.table)).map(async ({ entity, table }) =>
        (
          await engagementRecords<Record<string, unknown> & { deleted: boolean }>(db, table, id, {
            includeDeleted: true,
          })
        ).map((record) => ({ entity, record })),
      ),
    );
    const engagementRow = await db.engagements.get(id);
    // Profiles name the people in values (who a note is assigned to, who signed): not in the list.
    const people = (await db.profiles.toArray()).map((record) => ({ entity: 'profile', record }));
    const all = lists.flat();
    return {
      labels: recordLabels(all),
      context: changeContextOf([
        ...(engagementRow ? [{ entity: 'engagement', record: engagementRow }] : []),
        ...all,
        ...people,
      ]),
    };
  }, [id]);
  // The engagement itself is named from the live prop, so a rename shows at once.
  return useMemo(
    () =>
      records
        ? { labels: new Map(records.labels).set(id, serviceOrganization), context: records.context }
        : undefined,
    [records, id, serviceOrganization],
  );
}

/** Events never change once written: each one's search text is worked out once, on the first search. */
const searchTexts = new WeakMap<AuditEvent, string>();

export function cachedSearchText(event: AuditEvent): string {
  let text = searchTexts.get(event);
  if (text === undefined) {
    text = eventSearchText(event);
    searchTexts.set(event, text);
  }
  return text;
}
