/**
 * Every sign-off ever given on a workpaper, newest first: the ones in force, the stale ones, those a later
 * sign-off replaced and the withdrawn ones (kept as tombstones, so the history stays complete).
 */
import { formatDateTime } from '@shared/domain/engagement';
import { PROFILE_ROLE_LABELS } from '@shared/domain/profile';
import {
  SIGN_OFF_LEVEL_LABELS,
  type LevelState,
  type SignOff,
  type SignOffLevel,
} from '@shared/domain/review';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { SIGN_OFF_STATUS } from './SignOffSlot';

function historyStatus(
  s: SignOff,
  levels: readonly LevelState[],
  required: readonly SignOffLevel[],
): { tone: Tone; text: string } {
  if (s.deleted) return { tone: 'neutral', text: `Withdrawn ${formatDateTime(s.updatedAt)}` };
  if (!required.includes(s.level)) return { tone: 'neutral', text: 'Level no longer required' };
  const held = levels.find((l) => l.level === s.level);
  if (held?.signOff?.id !== s.id) return { tone: 'neutral', text: 'Replaced by a later sign-off' };
  const status = SIGN_OFF_STATUS[held.status];
  return { tone: status.tone, text: status.text };
}

export function SignOffHistory({
  id,
  history,
  levels,
  required,
}: {
  id: string;
  history: readonly SignOff[];
  levels: readonly LevelState[];
  required: readonly SignOffLevel[];
}) {
  if (history.length === 0) {
    return (
      <p id={id} className="wp-history muted">
        Nobody has signed this workpaper yet.
      </p>
    );
  }
  return (
    <div id={id} className="wp-history table-wrap">
      <table className="grid" aria-label="Sign-off history">
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Signed by</th>
            <th scope="col">Signed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {history.map((s) => {
            const status = historyStatus(s, levels, required);
            return (
              <tr key={s.id}>
                <td>{SIGN_OFF_LEVEL_LABELS[s.level]}</td>
                <td>
                  <strong>{s.initials}</strong> {s.name}, {PROFILE_ROLE_LABELS[s.role]}
                </td>
                <td className="num nowrap">
                  <time dateTime={s.signedAt}>{formatDateTime(s.signedAt)}</time>
                </td>
                <td>
                  <StatusBadge tone={status.tone}>{status.text}</StatusBadge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
