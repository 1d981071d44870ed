/** System description sections and the assertion, created on first edit. */
import { z } from 'zod';
import { descriptionSectionShape, type DescriptionSection } from '@shared/domain/planning';
import type { Actor, Repository } from '../../db';
import { createRecord, updateRecord } from '../../db/records';

export type SectionPatch = Partial<Pick<DescriptionSection, 'body' | 'status'>>;

/** Saves a section, creating its record the first time; typing into a new section marks it "drafting". */
export async function saveSection(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  key: string,
  existing: DescriptionSection | null,
  patch: SectionPatch,
): Promise<DescriptionSection> {
  if (existing) {
    const status = patch.status ?? (existing.status === 'not-started' && patch.body ? 'drafting' : undefined);
    return updateRecord(repo, actor, 'descriptionSection', existing, {
      ...patch,
      ...(status ? { status } : {}),
    });
  }
  const stored = await repo.db.descriptionSections
    .where('[engagementId+key]')
    .equals([engagementId, key])
    .first();
  if (stored) return saveSection(repo, actor, engagementId, key, stored, patch); // created in another window
  return createRecord<DescriptionSection>(repo, actor, 'descriptionSection', {
    engagementId,
    key,
    body: patch.body ?? '',
    status: patch.status ?? (patch.body ? 'drafting' : 'not-started'),
  });
}

/** What a section editor edits, and how it is validated before saving. */
export type SectionFields = Pick<DescriptionSection, 'body' | 'status'>;
export const sectionFieldsSchema = z.object({
  body: descriptionSectionShape.body,
  status: descriptionSectionShape.status,
});
export const sectionFields = (s: SectionFields): SectionFields => ({ body: s.body, status: s.status });
