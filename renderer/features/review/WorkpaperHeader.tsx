/**
 * The header on every workpaper (soc2-domain.md §5.1): the engagement, period, reference and title, and
 * one slot per required sign-off level with who signed and when, and whether that sign-off still covers
 * what the workpaper says (current), no longer does (stale) or is missing. Signing, withdrawing, the
 * sign-off history, what changed since a stale sign-off, and the workpaper's review notes are one click
 * away. Two lines when everything is current; the rest opens on request.
 */
import { useId, useState } from 'react';
import { formatPeriod } from '@shared/domain/engagement';
import {
  currentSignOffs,
  preparersOf,
  signOffProblem,
  SIGN_OFF_LEVEL_LABELS,
  unclearedNotes,
  withdrawProblem,
  type SignOff,
  type SignOffLevel,
} from '@shared/domain/review';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { repository } from '../../db';
import { useActor, useCurrentProfile } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { routeToHash } from '../../store/route';
import { isReadOnly } from '../engagements/ReadOnlyBanner';
import { signWorkpaper, withdrawSignOff } from './commands';
import { RaiseNoteDialog, type NoteTargetOption } from './notes/RaiseNoteDialog';
import { SignOffHistory } from './SignOffHistory';
import { SignOffSlot } from './SignOffSlot';
import { useWorkpaperReview } from './useReview';
import { WhatChangedDialog } from './WhatChangedDialog';

export interface WorkpaperHeaderProps {
  engagementId: string;
  /** The workpaper key: `test:<id>`, `walkthrough:<id>`, `description:<section>`, `control-matrix`… */
  workpaper: string;
  /** Places inside the workpaper a review note can point at, besides the whole workpaper. */
  targets?: readonly NoteTargetOption[];
}

function NotesLink({
  engagementId,
  workpaper,
  counts,
}: {
  engagementId: string;
  workpaper: string;
  counts: { open: number; responded: number; cleared: number };
}) {
  const parts = [
    counts.open > 0 ? `${counts.open} open` : '',
    counts.responded > 0 ? `${counts.responded} responded` : '',
    counts.cleared > 0 ? `${counts.cleared} cleared` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null; // nothing to list: "Add review note" is beside it
  const href = routeToHash({
    name: 'engagement',
    id: engagementId,
    area: 'notes',
    filter: `workpaper:${workpaper}`,
  });
  return (
    <a
      href={href}
      className={counts.open + counts.responded > 0 ? 'wp-notes wp-notes-open' : 'wp-notes'}
      title="The review notes on this workpaper"
    >
      Review notes: {parts.join(' · ')}
    </a>
  );
}

export function WorkpaperHeader({ engagementId, workpaper, targets }: WorkpaperHeaderProps) {
  const wp = useWorkpaperReview(engagementId, workpaper);
  const { profile } = useCurrentProfile();
  const actor = useActor();
  const run = useAction();
  const historyId = useId();
  const [busy, setBusy] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [dialog, setDialog] = useState<'note' | 'changes' | null>(null);
  const [withdrawing, setWithdrawing] = useState<SignOff | null>(null);

  if (wp === undefined) {
    return (
      <section className="wp-header" aria-label="Workpaper sign-offs" aria-busy="true">
        <p className="wp-header-id muted">Reading the sign-offs…</p>
      </section>
    );
  }
  if (wp === null) return null; // the workpaper was deleted
  const { engagement, info, levels, history, hash } = wp;
  const readOnly = isReadOnly(engagement) || !actor || !profile;
  const current = currentSignOffs(history, workpaper);
  const uncleared = unclearedNotes(wp.notes, workpaper);
  const counts = {
    open: wp.notes.filter((n) => n.status === 'open').length,
    responded: wp.notes.filter((n) => n.status === 'responded').length,
    cleared: wp.notes.filter((n) => n.status === 'cleared').length,
  };
  const stale = levels.flatMap((l) => (l.status === 'stale' && l.signOff ? [l.signOff] : []));
  const reference = info?.reference ?? 'Workpaper';

  const preparers = preparersOf(history, workpaper);
  // After the release every write carries a reason (the banner above asks for it): say so before a click.
  const needsReason = engagement.phase === 'released' && !actor?.reason?.trim();
  const problemFor = (level: SignOffLevel): string | null =>
    profile
      ? (signOffProblem({
          level,
          signer: { id: profile.id, role: profile.role },
          required: engagement.signOffLevels,
          current,
          currentHash: hash,
          uncleared,
          preparers,
        }) ??
        (needsReason
          ? 'The report is released: give the reason for your changes in the banner at the top first.'
          : null))
      : 'Sign in with your profile to sign.';

  async function act(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    await run(action, success);
    setBusy(false);
  }
  const sign = (level: SignOffLevel) => {
    if (!actor) return;
    const label = SIGN_OFF_LEVEL_LABELS[level].toLocaleLowerCase();
    // The hash shown is the content signed: if the workpaper changed meanwhile, the write is refused.
    void act(
      () => signWorkpaper(repository, actor, engagementId, workpaper, level, hash),
      `Signed ${reference} as ${label}.`,
    );
  };
  const withdraw = (s: SignOff) => {
    if (!actor) return;
    const label = SIGN_OFF_LEVEL_LABELS[s.level].toLocaleLowerCase();
    void act(
      () => withdrawSignOff(repository, actor, s.id),
      `Withdrew your ${label} sign-off on ${reference}.`,
    );
  };

  return (
    <section className="wp-header" aria-label={`Workpaper ${reference}: header and sign-offs`}>
      <p className="wp-header-id">
        <strong className="wp-ref">{reference}</strong> <span className="wp-title">{info?.title}</span>
        <span className="wp-engagement muted">
          {' · '}
          {engagement.serviceOrganization} — {engagement.systemName} · {formatPeriod(engagement)}
        </span>
      </p>
      <ul className="wp-signoffs" aria-label="Sign-offs">
        {levels.map((state) => {
          const own = state.signOff?.profileId === profile?.id;
          return (
            <SignOffSlot
              key={state.level}
              state={state}
              offerSign={!readOnly && state.status !== 'current'}
              problem={problemFor(state.level)}
              canWithdraw={
                !readOnly &&
                own &&
                state.signOff !== null &&
                withdrawProblem(state.signOff, profile?.id ?? '', current, engagement.signOffLevels) === null
              }
              busy={busy}
              onSign={() => sign(state.level)}
              onWithdraw={() => setWithdrawing(state.signOff)}
            />
          );
        })}
      </ul>
      <div className="wp-header-tools">
        {stale.length > 0 ? (
          <button type="button" className="wp-changed" onClick={() => setDialog('changes')}>
            What changed since sign-off…
          </button>
        ) : null}
        <NotesLink engagementId={engagementId} workpaper={workpaper} counts={counts} />
        {readOnly ? null : (
          <button type="button" className="link-button" onClick={() => setDialog('note')}>
            Add review note
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-expanded={historyOpen}
          aria-controls={historyOpen ? historyId : undefined}
          title="Every sign-off given on this workpaper, withdrawn and stale ones included"
          onClick={() => setHistoryOpen((v) => !v)}
        >
          History ({history.length})
        </button>
      </div>
      {historyOpen ? (
        <SignOffHistory
          id={historyId}
          history={history}
          levels={levels}
          required={engagement.signOffLevels}
        />
      ) : null}
      {dialog === 'note' ? (
        <RaiseNoteDialog
          engagement={engagement}
          workpaper={workpaper}
          {...(targets ? { targets } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          title={`Withdraw your ${SIGN_OFF_LEVEL_LABELS[withdrawing.level].toLocaleLowerCase()} sign-off?`}
          confirmLabel="Withdraw sign-off"
          onCancel={() => setWithdrawing(null)}
          onConfirm={() => {
            setWithdrawing(null);
            withdraw(withdrawing);
          }}
        >
          <p>
            {reference} will show as not signed at the{' '}
            {SIGN_OFF_LEVEL_LABELS[withdrawing.level].toLocaleLowerCase()} level until someone signs it again.
          </p>
          <p className="muted">
            The withdrawal is kept in the sign-off history and the audit trail, with your name and the time.
          </p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'changes' && stale.length > 0 ? (
        <WhatChangedDialog
          engagementId={engagementId}
          workpaper={workpaper}
          reference={reference}
          signOffs={stale}
          preferred={profile?.id}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
