/**
 * The entities the repository can write: their table, their schema, and which audit chain their events
 * join. To add an entity: add its table in schema.ts (new version), its zod schema in shared/domain, and a
 * row here.
 */
import type { z } from 'zod';
import { criterionScopeSchema, engagementSchema } from '@shared/domain/engagement';
import { profileSchema } from '@shared/domain/profile';

/** Chain id for machine-level records (profiles), which belong to no engagement. */
export const LOCAL_CHAIN = 'local';

export interface EntityDefinition {
  table: 'engagements' | 'criterionScopes' | 'profiles';
  schema: z.ZodType<Record<string, unknown>>;
  /** Human name for messages. */
  label: string;
  /** True when records carry `engagementId` and their events join that engagement's chain. */
  engagementScoped: boolean;
}

export const ENTITIES = {
  engagement: { table: 'engagements', schema: engagementSchema, label: 'Engagement', engagementScoped: true },
  criterionScope: {
    table: 'criterionScopes',
    schema: criterionScopeSchema,
    label: 'Criterion scoping',
    engagementScoped: true,
  },
  profile: { table: 'profiles', schema: profileSchema, label: 'Profile', engagementScoped: false },
} as const satisfies Record<string, EntityDefinition>;

export type EntityName = keyof typeof ENTITIES;
