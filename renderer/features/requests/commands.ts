/** Request list changes, through the repository. Numbers are assigned here, once, and never reused. */
import {
  emptyRequestFields,
  nextRequestNumber,
  REQUEST_TYPE_LABELS,
  type Control,
  type Request,
  type RequestFields,
  type RequestStatus,
} from '@shared/domain/planning';
import { ValidationError } from '@shared/domain/errors';
import type { Actor, Mutation, Repository } from '../../db';
import { engagementRecords } from '../../db/queries';
import { setDeleted, updateRecord } from '../../db/records';

async function allNumbers(repo: Repository, engagementId: string) {
  // Deleted requests keep their numbers: the client's copy of the list still shows them.
  return engagementRecords<Request>(repo.db, 'requests', engagementId, { includeDeleted: true });
}

/**
 * Creates requests with the next free numbers. If another window took a number meanwhile the repository
 * refuses the duplicate, and the numbers are drawn again.
 */
export async function createRequests(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  inputs: readonly Partial<RequestFields>[],
): Promise<Request[]> {
  for (let attempt = 0; ; attempt += 1) {
    const first = nextRequestNumber(await allNumbers(repo, engagementId));
    const mutations: Mutation[] = inputs.map((input, i) => ({
      entity: 'request',
      op: 'create',
      fields: { ...emptyRequestFields(first + i), ...input, number: first + i, engagementId },
    }));
    try {
      return (await repo.mutate(mutations, actor)) as Request[]; // records the request schema just parsed
    } catch (error) {
      const numberTaken = error instanceof ValidationError && 'number' in error.fields;
      if (!numberTaken || attempt >= 3) throw error;
    }
  }
}

export function updateRequest(
  repo: Repository,
  actor: Actor,
  request: Request,
  patch: Partial<RequestFields>,
) {
  return updateRecord(repo, actor, 'request', request, patch);
}

/** Sets the status of several requests in one change (one audit event each, one undo). */
export async function setRequestStatus(
  repo: Repository,
  actor: Actor,
  requests: readonly Request[],
  status: RequestStatus,
  today: string,
): Promise<void> {
  await repo.mutate(
    requests.map((r) => ({
      entity: 'request' as const,
      op: 'update' as const,
      id: r.id,
      // Marking a request submitted records when it came in, unless that is already known.
      patch: { status, ...(status === 'submitted' && !r.receivedOn ? { receivedOn: today } : {}) },
    })),
    actor,
  );
}

export function deleteRequests(repo: Repository, actor: Actor, ids: readonly string[], deleted = true) {
  return setDeleted(repo, actor, 'request', ids, deleted);
}

/**
 * One request per control, prefilled from it: a population request for controls that operate often
 * enough to be sampled, a document request for annual, quarterly or continuous ones.
 */
export function requestsForControls(
  controls: readonly Control[],
  defaults: { requestedOn: string; dueOn: string | null; auditorContact: string; period: string },
): Partial<RequestFields>[] {
  return controls.map((c) => {
    const sampled =
      c.frequency !== null && !['annual', 'semi-annual', 'quarterly', 'continuous'].includes(c.frequency);
    const type = sampled ? 'population' : 'document';
    const raw = c.title || c.description.split(/[.\n]/u)[0] || c.reference;
    // "population for changes reviewed…", but acronyms (MFA, SSO) keep their capitals.
    const what = /^[A-Z][a-z]/u.test(raw) ? raw.charAt(0).toLowerCase() + raw.slice(1) : raw;
    return {
      title: `${c.reference}: ${sampled ? 'population' : 'evidence'} for ${what}`.slice(0, 300),
      description: sampled
        ? `A complete, system-generated list of every occurrence of control ${c.reference} during ${defaults.period}, with the query or report parameters used to produce it (not a screenshot).\n\nControl: ${c.description}`.slice(
            0,
            10_000,
          )
        : `Evidence that control ${c.reference} operated during ${defaults.period} (${REQUEST_TYPE_LABELS.document.toLowerCase()}, approvals, meeting minutes or configuration as applicable).\n\nControl: ${c.description}`.slice(
            0,
            10_000,
          ),
      type,
      controlIds: [c.id],
      clientOwner: c.owner,
      auditorContact: defaults.auditorContact,
      requestedOn: defaults.requestedOn,
      dueOn: defaults.dueOn,
      status: 'draft' as const,
    };
  });
}

/** Puts statuses (and received dates) back as they were before a bulk change: its Undo. */
export async function restoreRequestStatuses(
  repo: Repository,
  actor: Actor,
  previous: readonly Pick<Request, 'id' | 'status' | 'receivedOn'>[],
): Promise<void> {
  await repo.mutate(
    previous.map((r) => ({
      entity: 'request' as const,
      op: 'update' as const,
      id: r.id,
      patch: { status: r.status, receivedOn: r.receivedOn },
    })),
    actor,
  );
}
