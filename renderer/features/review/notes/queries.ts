/** Reads behind the review-note screens (plain async functions: screens run them in a liveQuery). */
import { currentSignOffs, type ReviewNote } from '@shared/domain/review';
import type { FieldworkDatabase } from '../../../db/database';

/** The engagement's review notes, deleted ones left out, by number. */
export async function liveNotes(database: FieldworkDatabase, engagementId: string): Promise<ReviewNote[]> {
  const rows = await database.reviewNotes.where('engagementId').equals(engagementId).toArray();
  return rows.filter((n) => !n.deleted).sort((a, b) => a.number - b.number);
}

/** Who a new note on this workpaper is assigned to by default: the preparer who signed it, if anyone did. */
export async function suggestedAssignee(
  database: FieldworkDatabase,
  engagementId: string,
  workpaper: string,
): Promise<string | null> {
  const signOffs = await database.signOffs.where('workpaper').equals(workpaper).toArray();
  const current = currentSignOffs(
    signOffs.filter((s) => s.engagementId === engagementId),
    workpaper,
  );
  return current.get('preparer')?.profileId ?? null;
}
