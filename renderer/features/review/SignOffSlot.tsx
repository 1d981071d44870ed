/**
 * One sign-off level on a workpaper header: who signed and when, whether it still holds (current), the
 * content changed since (stale) or nobody signed (missing), and the signed-in auditor's action: sign (or
 * why not, before any click) or withdraw their own sign-off.
 */
import { useId } from 'react';
import { formatDateTime } from '@shared/domain/engagement';
import { PROFILE_ROLE_LABELS } from '@shared/domain/profile';
import { SIGN_OFF_LEVEL_LABELS, type LevelState, type SignOffStatus } from '@shared/domain/review';
import { StatusBadge, type Tone } from '../../components/StatusBadge';

export const SIGN_OFF_STATUS: Record<SignOffStatus, { tone: Tone; text: string; title: string }> = {
  current: { tone: 'good', text: 'Current', title: 'Signed for the workpaper as it is now' },
  stale: {
    tone: 'warn',
    text: 'Stale — changed since signed',
    title: 'The workpaper changed after this sign-off: it no longer covers what the workpaper says now',
  },
  missing: { tone: 'neutral', text: 'Not signed', title: 'Nobody has signed at this level yet' },
};

interface Props {
  state: LevelState;
  /** Offer the signed-in auditor to sign at this level (the engagement can change, the level needs it). */
  offerSign: boolean;
  /** Why the signed-in auditor cannot sign here, or null when they can. */
  problem: string | null;
  /** The sign-off is the signed-in auditor's own and may be withdrawn. */
  canWithdraw: boolean;
  busy: boolean;
  onSign(): void;
  onWithdraw(): void;
}

export function SignOffSlot({ state, offerSign, problem, canWithdraw, busy, onSign, onWithdraw }: Props) {
  const reasonId = useId();
  const { level, status, signOff } = state;
  const label = SIGN_OFF_LEVEL_LABELS[level];
  const badge = SIGN_OFF_STATUS[status];
  return (
    <li className={`wp-slot wp-slot-${status}`}>
      <span className="wp-level">{label}</span>
      {signOff ? (
        <span className="wp-signer">
          <strong className="wp-initials" title={signOff.name}>
            {signOff.initials}
          </strong>{' '}
          <span className="wp-name">
            {signOff.name}, {PROFILE_ROLE_LABELS[signOff.role]}
          </span>{' '}
          <time className="num" dateTime={signOff.signedAt}>
            {formatDateTime(signOff.signedAt)}
          </time>
        </span>
      ) : null}
      <StatusBadge tone={badge.tone} title={badge.title}>
        {badge.text}
      </StatusBadge>
      {canWithdraw && signOff ? (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={`Withdraw my ${label.toLocaleLowerCase()} sign-off`}
          onClick={onWithdraw}
        >
          Withdraw
        </button>
      ) : null}
      {offerSign ? (
        <>
          <button
            type="button"
            className={problem ? 'wp-sign' : 'wp-sign primary'}
            disabled={problem !== null || busy}
            aria-describedby={problem ? reasonId : undefined}
            onClick={onSign}
          >
            Sign as {label.toLocaleLowerCase()}
          </button>
          {problem ? (
            <span id={reasonId} className="wp-reason">
              {problem}
            </span>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
