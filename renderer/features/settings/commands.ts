/**
 * Firm settings on this machine: the sample-size table. Stored as one record (local audit chain) so a
 * change is logged like any other; tests copy the size and basis they used, so a later edit of the table
 * never changes a test already planned.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SAMPLE_SIZE_TABLE, type SampleSizeTable } from '@shared/domain/sampling';
import { FIRM_SETTINGS_ID, type FirmSettings } from '@shared/domain/settings';
import { db, type Actor, type Repository } from '../../db';

export async function firmSampleSizeTable(repo: Repository): Promise<SampleSizeTable> {
  const stored = await repo.db.settings.get(FIRM_SETTINGS_ID);
  return stored && !stored.deleted ? stored.sampleSizeTable : DEFAULT_SAMPLE_SIZE_TABLE;
}

/** The firm's table, or the shipped default; `undefined` while loading. */
export function useFirmSampleSizeTable(): { table: SampleSizeTable; custom: boolean } | undefined {
  return useLiveQuery(async () => {
    const stored: FirmSettings | undefined = await db.settings.get(FIRM_SETTINGS_ID);
    return stored && !stored.deleted
      ? { table: stored.sampleSizeTable, custom: true }
      : { table: DEFAULT_SAMPLE_SIZE_TABLE, custom: false };
  }, []);
}

export async function saveFirmSampleSizeTable(
  repo: Repository,
  actor: Actor,
  table: SampleSizeTable,
): Promise<void> {
  const stored = await repo.db.settings.get(FIRM_SETTINGS_ID);
  await repo.mutate(
    [
      stored
        ? { entity: 'firmSettings', op: 'update', id: FIRM_SETTINGS_ID, patch: { sampleSizeTable: table } }
        : { entity: 'firmSettings', op: 'create', id: FIRM_SETTINGS_ID, fields: { sampleSizeTable: table } },
    ],
    actor,
  );
}
