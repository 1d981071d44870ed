/**
 * The shape of an audit event read from a package, checked before its chain is verified (a line that is
 * not an event at all gets a message naming the line instead of a confusing hash mismatch).
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../../domain/records/base';

const hash = z.string().regex(/^[0-9a-f]{64}$/u, 'must be a SHA-256 hash in hex');

export const auditEventSchema = z.object({
  chain: z.string().min(1),
  seq: z.number().int().min(1),
  at: isoDateTimeSchema,
  actor: z.string(),
  actorName: z.string(),
  entity: z.string().min(1),
  entityId: z.string(),
  op: z.enum(['create', 'update', 'delete', 'restore']),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  reason: z.string().optional(),
  postRelease: z.boolean().optional(),
  prevHash: hash,
  hash,
});
