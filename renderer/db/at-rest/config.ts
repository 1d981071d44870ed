/**
 * The app lock's configuration, kept in the `meta` table under `atRest` (never encrypted itself: it holds
 * the key slots that open the data key, and the lock screen reads it before anything is unlocked).
 */
import { z } from 'zod';
import type { KeySlot } from '@shared/at-rest';

export const AT_REST_META_KEY = 'atRest';

/** `enabling`: records are being encrypted; `on`: all are; `disabling`: they are being decrypted. */
export type AtRestState = 'enabling' | 'on' | 'disabling';

export type MigrationDirection = 'seal' | 'open';

/** Where an interrupted migration continues: the table being worked on and the last key done there. */
export interface MigrationCheckpoint {
  direction: MigrationDirection;
  /** Tables finished, in order. */
  tablesDone: string[];
  /** The table in progress and the last primary key handled in it (null: none yet). */
  table: string | null;
  after: unknown;
  /** Rows handled so far (all tables), and the number there were when the migration started. */
  done: number;
  total: number;
  startedAt: string;
}

export interface AtRestConfig {
  version: 1;
  /** Random id of this lock; a remembered key for another lock is ignored. */
  lockId: string;
  state: AtRestState;
  slots: KeySlot[];
  /** Lock after this many minutes without keyboard or mouse input. */
  idleMinutes: number;
  /** Desktop: remember the unlock this many hours across restarts (0 = never). */
  rememberHours: number;
  enabledAt: string;
  enabledBy: string;
  migration: MigrationCheckpoint | null;
  /** A constant sealed with the data key: tells whether a remembered key belongs to this lock. */
  check: { iv: string; ct: string };
  /**
   * The recovery key sealed with the data key, so the unlocked app can encrypt automatic backups with it
   * (whoever can read it already holds the data key it opens). Absent only in locks made before that.
   */
  recovery?: { iv: string; ct: string };
  /** False from the moment a recovery key is shown until the auditor confirms having stored it. */
  recoveryConfirmed?: boolean;
}

export const IDLE_MINUTES = { min: 1, max: 240, default: 15 } as const;
export const REMEMBER_HOURS = { min: 0, max: 72, default: 0 } as const;

const kdfSchema = z.union([
  z.object({
    name: z.literal('argon2id'),
    memoryKiB: z.number().int(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
    salt: z.string(),
  }),
  z.object({ name: z.literal('pbkdf2-sha256'), iterations: z.number().int(), salt: z.string() }),
]);

const slotSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['profile', 'recovery']),
  kdf: kdfSchema,
  iv: z.string(),
  wrapped: z.string(),
  createdAt: z.string(),
});

const configSchema = z.object({
  version: z.literal(1),
  lockId: z.string().min(1),
  state: z.enum(['enabling', 'on', 'disabling']),
  slots: z.array(slotSchema).min(1),
  idleMinutes: z.number().int().min(IDLE_MINUTES.min).max(IDLE_MINUTES.max),
  rememberHours: z.number().int().min(REMEMBER_HOURS.min).max(REMEMBER_HOURS.max),
  enabledAt: z.string(),
  enabledBy: z.string(),
  migration: z
    .object({
      direction: z.enum(['seal', 'open']),
      tablesDone: z.array(z.string()),
      table: z.string().nullable(),
      after: z.unknown(),
      done: z.number().int().min(0),
      total: z.number().int().min(0),
      startedAt: z.string(),
    })
    .nullable(),
  check: z.object({ iv: z.string(), ct: z.string() }),
  recovery: z.object({ iv: z.string(), ct: z.string() }).optional(),
  recoveryConfirmed: z.boolean().optional(),
});

/** The stored configuration, checked; a damaged one is an error (never read as "no lock"). */
export function parseAtRestConfig(value: unknown): AtRestConfig | null {
  if (value === undefined || value === null) return null;
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      'The app lock settings on this computer are damaged, so Fieldwork cannot tell how to unlock the data. Nothing has been changed; restore from a backup or contact support.',
    );
  }
  return parsed.data as AtRestConfig;
}
