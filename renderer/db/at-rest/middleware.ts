/**
 * The Dexie middleware that keeps engagement data encrypted in IndexedDB while the app lock is on.
 *
 * It sits at the bottom of Dexie's stack (closest to IndexedDB), so everything above it — hooks, live
 * queries, the repository, every screen — sees plain records, and nothing can write around it. For every
 * table except `profiles`, `meta` (the lock's own configuration) and `blobs` (evidence bytes, encrypted
 * before their transaction by evidence-store.ts) a record is stored as its primary key and indexed fields,
 * which IndexedDB needs to find it, plus one sealed value holding everything else.
 *
 * Reads accept both forms, so a half-finished migration reads correctly and resumes without loss. Writes
 * follow the lock's mode: sealed while on (or being turned on), plain while off (or being turned off),
 * refused while locked. Sealing is synchronous (see shared/at-rest/seal.ts for why).
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTableSchema,
  Middleware,
} from 'dexie';
import {
  AppLockedError,
  isSealedValue,
  openSealedText,
  recordContext,
  sealJson,
  type SealedValue,
} from '@shared/at-rest';

/** The field a sealed record keeps its contents in. */
export const SEALED_FIELD = '$sealed';

/** Tables stored in plain: profile names for the lock screen, the lock's configuration, evidence rows. */
export const PLAIN_TABLES: ReadonlySet<string> = new Set(['profiles', 'meta', 'blobs']);

/** What the middleware asks the lock session at each operation. */
export interface SealingMode {
  /** `seal`: encrypt what is written; `plain`: write as is; `locked`: refuse. */
  writeMode(): 'seal' | 'plain' | 'locked';
  /** The data key while unlocked, else null. */
  recordKey(): Uint8Array | null;
  /** Recently opened records (emptied when the app locks). */
  readonly opened: OpenedCache;
}

/**
 * The plain JSON of recently opened sealed values. Live queries read the same rows again after every
 * write, and opening one costs about 0.1 ms (mostly GHASH set-up in pure JS), so a screen with thousands of
 * sample items would pay that on every keystroke. An entry is found by table, record key and nonce, and is
 * used only when the stored ciphertext is byte-for-byte the one that was opened, so a changed or moved
 * value is still decrypted (and refused). It holds only what the unlocked app has read anyway, and is
 * cleared when the app locks.
 */
export class OpenedCache {
  private readonly entries = new Map<string, { ct: Uint8Array; json: string }>();
  private chars = 0;

  constructor(private readonly maxChars = 64 * 1024 * 1024) {}

  private static id(table: string, primaryKey: unknown, iv: Uint8Array): string {
    let nonce = '';
    for (const b of iv) nonce += b.toString(16).padStart(2, '0');
    return `${table}\u0000${JSON.stringify(primaryKey)}\u0000${nonce}`;
  }

  get(table: string, primaryKey: unknown, sealed: SealedValue): string | undefined {
    const entry = this.entries.get(OpenedCache.id(table, primaryKey, sealed.iv));
    if (!entry || entry.ct.length !== sealed.ct.length) return undefined;
    for (let i = 0; i < entry.ct.length; i += 1) if (entry.ct[i] !== sealed.ct[i]) return undefined;
    return entry.json;
  }

  set(table: string, primaryKey: unknown, sealed: SealedValue, json: string): void {
    if (this.chars + json.length > this.maxChars) this.clear();
    this.entries.set(OpenedCache.id(table, primaryKey, sealed.iv), { ct: sealed.ct.slice(), json });
    this.chars += json.length;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

type Row = Record<string, unknown>;

function topLevel(keyPath: string | string[] | null | undefined): string[] {
  if (keyPath === null || keyPath === undefined) return [];
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  return paths.map((p) => p.split('.')[0] ?? p);
}

/** The fields IndexedDB needs in plain: the primary key and every index. */
export function plainFieldsOf(schema: DBCoreTableSchema): Set<string> {
  const fields = new Set(topLevel(schema.primaryKey.keyPath));
  for (const index of schema.indexes) for (const f of topLevel(index.keyPath)) fields.add(f);
  return fields;
}

function primaryKeyOf(schema: DBCoreTableSchema, row: Row): unknown {
  const keyPath = schema.primaryKey.keyPath;
  if (Array.isArray(keyPath)) return keyPath.map((p) => row[p]);
  return typeof keyPath === 'string' ? row[keyPath] : undefined;
}

export function sealRow(
  table: string,
  schema: DBCoreTableSchema,
  plainFields: Set<string>,
  key: Uint8Array,
  row: Row,
): Row {
  if (isSealedValue(row[SEALED_FIELD])) return row; // already sealed (copied as stored)
  const stored: Row = {};
  const contents: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (plainFields.has(name)) stored[name] = value;
    else contents[name] = value;
  }
  stored[SEALED_FIELD] = sealJson(key, contents, recordContext(table, primaryKeyOf(schema, row)));
  return stored;
}

export function openRow(
  table: string,
  schema: DBCoreTableSchema,
  key: Uint8Array | null,
  row: unknown,
  cache?: OpenedCache,
): unknown {
  if (typeof row !== 'object' || row === null) return row;
  const stored = row as Row;
  const sealed = stored[SEALED_FIELD];
  if (!isSealedValue(sealed)) return row;
  if (!key) throw new AppLockedError();
  const primaryKey = primaryKeyOf(schema, stored);
  let json = cache?.get(table, primaryKey, sealed);
  if (json === undefined) {
    json = openSealedText(key, sealed, recordContext(table, primaryKey), `“${table}”`);
    cache?.set(table, primaryKey, sealed, json);
  }
  const contents = JSON.parse(json) as Row;
  const out: Row = {};
  for (const [name, value] of Object.entries(stored)) if (name !== SEALED_FIELD) out[name] = value;
  return Object.assign(out, contents);
}

function sealedTable(down: DBCoreTable, mode: SealingMode): DBCoreTable {
  const { name, schema } = down;
  const plainFields = plainFieldsOf(schema);
  const open = (row: unknown) => openRow(name, schema, mode.recordKey(), row, mode.opened);

  return {
    ...down,
    mutate(req: DBCoreMutateRequest) {
      const writing = mode.writeMode();
      if (writing === 'locked') return Promise.reject(new AppLockedError());
      if ((req.type === 'add' || req.type === 'put') && writing === 'seal') {
        const key = mode.recordKey();
        if (!key) return Promise.reject(new AppLockedError());
        const values = req.values.map((v: Row) => sealRow(name, schema, plainFields, key, v));
        return down.mutate({ ...req, values } as DBCoreMutateRequest);
      }
      return down.mutate(req);
    },
    get: (req) => down.get(req).then(open),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      down.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    openCursor: (req) =>
      down.openCursor(req).then((cursor) => {
        if (!cursor || !req.values) return cursor;
        // The cursor object moves along; open each stored value once, when asked.
        let lastRaw: unknown = undefined;
        let lastOpen: unknown = undefined;
        return Object.create(cursor, {
          value: {
            get() {
              const raw: unknown = cursor.value;
              if (raw !== lastRaw) {
                lastRaw = raw;
                lastOpen = open(raw);
              }
              return lastOpen;
            },
          },
        }) as DBCoreCursor;
      }),
  };
}

/** Evidence rows: only encrypted bytes may be written while the lock is on. */
function blobTable(down: DBCoreTable, mode: SealingMode): DBCoreTable {
  return {
    ...down,
    mutate(req: DBCoreMutateRequest) {
      const writing = mode.writeMode();
      if (writing === 'locked') return Promise.reject(new AppLockedError());
      if ((req.type === 'add' || req.type === 'put') && writing === 'seal') {
        const plain = req.values.find((v: Row) => v.sealed !== 1);
        if (plain) {
          return Promise.reject(
            new Error('Evidence must be encrypted before it is stored while the app lock is on.'),
          );
        }
      }
      return down.mutate(req);
    },
  };
}

export function atRestMiddleware(mode: SealingMode): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'FieldworkAtRest',
    // Below Dexie's own middlewares (the lowest is -1), so they all see plain records.
    level: -10,
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        if (tableName === 'blobs') return blobTable(table, mode);
        if (PLAIN_TABLES.has(tableName)) return table;
        return sealedTable(table, mode);
      },
    }),
  };
}
