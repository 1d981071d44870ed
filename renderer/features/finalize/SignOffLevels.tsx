/**
 * The sign-off levels every workpaper of this engagement needs: preparer and reviewer always, manager
 * and partner by choice. Fixed once the report is released.
 */
import { WORKING_PHASES, type Engagement } from '@shared/domain/engagement';
import {
  levelsChangeProblem,
  SIGN_OFF_LEVEL_LABELS,
  SIGN_OFF_LEVELS,
  type SignOffLevel,
} from '@shared/domain/review';
import { repository } from '../../db';
import { useActor, useCurrentProfile } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { setSignOffLevels } from '../review/commands';

const LEVEL_HINTS: Record<SignOffLevel, string> = {
  preparer: 'who did the work (always)',
  reviewer: 'another auditor (always)',
  manager: 'a manager or partner',
  partner: 'a partner',
};

export function SignOffLevels({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const run = useAction();
  const role = useCurrentProfile().profile?.role ?? 'staff';
  const editable = WORKING_PHASES.includes(engagement.phase) && !engagement.archived && actor !== null;
  const levels = engagement.signOffLevels;
  /** The levels with one switched on or off, in signing order. */
  const withLevel = (level: SignOffLevel, on: boolean) =>
    SIGN_OFF_LEVELS.filter((l) => (l === level ? on : levels.includes(l)));
  // Staff cannot lift the review meant for their own work; only a partner removes the partner level.
  // The data layer's rule, asked before a click: for the role alone (no change), then for each box.
  const mayChange = levelsChangeProblem(role, levels, levels) === null;
  const problemFor = (level: SignOffLevel) =>
    levelsChangeProblem(role, levels, withLevel(level, !levels.includes(level)));

  function toggle(level: SignOffLevel, on: boolean) {
    if (!actor) return;
    const next = withLevel(level, on);
    void run(
      () => setSignOffLevels(repository, actor, engagement.id, next),
      on
        ? `${SIGN_OFF_LEVEL_LABELS[level]} sign-offs are now required.`
        : `${SIGN_OFF_LEVEL_LABELS[level]} sign-offs are no longer required.`,
    );
  }

  return (
    <section className="finalize-section" aria-labelledby="levels-title">
      <h2 id="levels-title">Sign-off levels</h2>
      <fieldset className="checkbox-group inline" disabled={!editable || !mayChange}>
        <legend>Required on every workpaper</legend>
        {SIGN_OFF_LEVELS.map((level) => {
          const fixed = level === 'preparer' || level === 'reviewer';
          return (
            <label key={level} className="checkbox">
              <input
                type="checkbox"
                checked={fixed || levels.includes(level)}
                disabled={fixed || problemFor(level) !== null}
                title={fixed ? undefined : (problemFor(level) ?? undefined)}
                onChange={(e) => toggle(level, e.target.checked)}
              />
              {SIGN_OFF_LEVEL_LABELS[level]} <span className="muted">({LEVEL_HINTS[level]})</span>
            </label>
          );
        })}
      </fieldset>
      <p className="field-hint">
        {editable && !mayChange
          ? 'Only a manager or a partner can change the sign-off levels.'
          : editable
            ? 'Adding a level makes every workpaper wait for that sign-off before the report can be released.'
            : engagement.archived
              ? 'The engagement is archived: restore it on the Overview to change the levels.'
              : 'The levels are fixed once the report is released.'}
      </p>
    </section>
  );
}
