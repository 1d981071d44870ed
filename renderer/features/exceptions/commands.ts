/**
 * Exception commands beyond the autosaved fields. Exceptions are created, joined and removed by the
 * tickmarks on the test grid (testing/commands.ts setMark); here the auditor only concludes on them.
 */
import type { ControlException, ExceptionStatus } from '@shared/domain/fieldwork';
import { NotFoundError } from '@shared/domain/errors';
import type { Actor, Repository } from '../../db';
import { updateException } from '../testing/commands';

/**
 * Marks an exception evaluated (or reopens it), reading the stored record first so text saved a moment
 * ago is what the schema checks. Refused with the schema's messages while the description or the nature
 * is missing.
 */
export async function setExceptionStatus(
  repo: Repository,
  actor: Actor,
  id: string,
  status: ExceptionStatus,
): Promise<ControlException> {
  const current = await repo.db.exceptions.get(id);
  if (!current || current.deleted) throw new NotFoundError('The exception');
  return updateException(repo, actor, current, { status });
}
