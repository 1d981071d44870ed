/**
 * Walkthrough changes, through the repository, and the pure step operations the editor uses (add, move,
 * remove). Steps live on the walkthrough; each step's evidence is linked by the step's id.
 */
import {
  emptyWalkthroughFields,
  type StepKind,
  type Walkthrough,
  type WalkthroughFields,
  type WalkthroughStep,
} from '@shared/domain/fieldwork';
import { uuidv7 } from '@shared/domain/ids';
import type { Actor, Repository } from '../../db';
import { createRecord, setDeleted, updateRecord } from '../../db/records';

export function createWalkthrough(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  input: Partial<WalkthroughFields>,
): Promise<Walkthrough> {
  return createRecord<Walkthrough>(repo, actor, 'walkthrough', {
    ...emptyWalkthroughFields(),
    ...input,
    engagementId,
  });
}

export function updateWalkthrough(
  repo: Repository,
  actor: Actor,
  walkthrough: Walkthrough,
  patch: Partial<WalkthroughFields>,
): Promise<Walkthrough> {
  return updateRecord(repo, actor, 'walkthrough', walkthrough, patch);
}

export function deleteWalkthroughs(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'walkthrough', ids, true);
}

export function restoreWalkthroughs(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'walkthrough', ids, false);
}

/** A blank step: the first one is usually the trigger, later ones ordinary steps. */
export function newStep(kind: StepKind): WalkthroughStep {
  return { id: uuidv7(), kind, description: '', performer: '', systems: '', reports: '', outputs: '' };
}

/** The steps with the one at `index` moved by `delta` places (clamped to the list). */
export function moveStep<T>(steps: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(steps.length - 1, index + delta));
  const out = [...steps];
  const [moved] = out.splice(index, 1);
  if (moved === undefined) return out;
  out.splice(to, 0, moved);
  return out;
}
