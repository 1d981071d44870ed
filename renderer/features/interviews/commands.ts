/**
 * Interview changes, through the repository. A follow-up item can become a request list item (PBC): the
 * request gets the next free number and the follow-up remembers it.
 */
import {
  emptyInterviewFields,
  type FollowUp,
  type Interview,
  type InterviewFields,
} from '@shared/domain/fieldwork';
import { formatDate, localIsoDate } from '@shared/domain/engagement';
import { uuidv7 } from '@shared/domain/ids';
import type { Request } from '@shared/domain/planning';
import type { Actor, Repository } from '../../db';
import { createRecord, setDeleted, updateRecord } from '../../db/records';
import { createRequests } from '../requests/commands';

export function createInterview(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  input: Partial<InterviewFields>,
): Promise<Interview> {
  return createRecord<Interview>(repo, actor, 'interview', {
    ...emptyInterviewFields(),
    ...input,
    engagementId,
  });
}

export function updateInterview(
  repo: Repository,
  actor: Actor,
  interview: Interview,
  patch: Partial<InterviewFields>,
): Promise<Interview> {
  return updateRecord(repo, actor, 'interview', interview, patch);
}

export function deleteInterviews(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'interview', ids, true);
}

export function restoreInterviews(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'interview', ids, false);
}

export function newFollowUp(text: string): FollowUp {
  return { id: uuidv7(), text: text.trim(), requestId: null, done: false };
}

/** A request title from a follow-up: its first line, shortened to fit (300 characters). */
export function requestTitleFor(text: string): string {
  const line = text.trim().split(/\r?\n/u)[0]?.trim() ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Turns a saved follow-up into a draft document request carrying the interview's controls, and stores the
 * request's id on the follow-up. Reads the interview afresh, so call it after the editor has saved.
 */
export async function createRequestFromFollowUp(
  repo: Repository,
  actor: Actor,
  interviewId: string,
  followUpId: string,
): Promise<{ request: Request; interview: Interview }> {
  const interview = await repo.db.interviews.get(interviewId);
  if (!interview || interview.deleted)
    throw new Error('The interview was not found; it may have been deleted.');
  const followUp = interview.followUps.find((f) => f.id === followUpId);
  if (!followUp) throw new Error('Save the follow-up item first, then create its request.');
  if (followUp.requestId) throw new Error('This follow-up item already has a request.');
  const when = interview.date ? ` on ${formatDate(interview.date)}` : '';
  const [request] = await createRequests(repo, actor, interview.engagementId, [
    {
      title: requestTitleFor(followUp.text),
      description: `Follow-up from the interview “${interview.title}”${when}:\n${followUp.text}`.slice(
        0,
        10_000,
      ),
      type: 'document',
      status: 'draft',
      controlIds: interview.controlIds,
      requestedOn: localIsoDate(),
      auditorContact: actor.name,
    },
  ]);
  if (!request) throw new Error('The request could not be created.');
  const saved = await updateInterview(repo, actor, interview, {
    followUps: interview.followUps.map((f) => (f.id === followUpId ? { ...f, requestId: request.id } : f)),
  });
  return { request, interview: saved };
}
