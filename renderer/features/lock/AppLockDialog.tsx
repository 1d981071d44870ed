/**
 * "App lock…": turn the lock on (explanation, passphrase, the recovery key shown once, the encryption with
 * progress) and, once on, its settings: idle time, remembering the unlock, passphrases, a new recovery
 * key, Lock now, Turn off. Opened from the profile menu and the engagement list.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Profile } from '@shared/domain/profile';
import { db } from '../../db';
import { useProfiles } from '../../app/hooks';
import { Dialog } from '../../components/Dialog';
import { AutoLockSection } from './AutoLockSection';
import { RecoverySection, TurnOffSection } from './ManageSections';
import { MigrationStatus } from './MigrationStatus';
import { PassphraseSection } from './PassphraseSection';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import {
  lockApp,
  migrationRunner,
  tellOtherWindows,
  useAtRestView,
  useMigrationRun,
  type LockDialogIntent,
} from './session';
import { TurnOnFooter, TurnOnPanel, useTurnOnForm } from './TurnOnPanel';

/** Opened from the profile menu, which is closed by then: focus goes back to its button. */
const profileButton = () => document.querySelector<HTMLElement>('.profile-button');

type Flow =
  | { kind: 'main' }
  /** A new recovery key on screen; `then`: start encrypting (turning on) or back to the settings. */
  | { kind: 'recovery-key'; key: string; then: 'encrypt' | 'settings'; stored: boolean; remind: boolean };

const FINISHED: Record<'seal' | 'open', string> = {
  seal: 'The app lock is on: Fieldwork’s data on this computer is stored encrypted. Fieldwork asks for your passphrase when it starts, when you lock it and after the idle time. Copies the database kept from before may stay in its files until they are compacted: keep disk encryption on.',
  open: 'The app lock is off: the data on this computer is stored unencrypted again, and Fieldwork no longer asks for a passphrase.',
};

export function AppLockDialog({
  profile,
  intent,
  onClose,
}: {
  profile: Profile;
  intent: LockDialogIntent;
  onClose(): void;
}) {
  const view = useAtRestView();
  const run = useMigrationRun();
  const profiles = useProfiles() ?? [];
  const [flow, setFlow] = useState<Flow>({ kind: 'main' });
  const formId = useId();
  const turnOn = useTurnOnForm(async (passphrase) => {
    const { recoveryKey } = await db.atRest.enable(profile.id, passphrase);
    tellOtherWindows('settings-changed');
    setFlow({ kind: 'recovery-key', key: recoveryKey, then: 'encrypt', stored: false, remind: false });
  });

  // While a new recovery key is on screen the idle lock waits: locking would take it away unseen.
  const showingKey = flow.kind === 'recovery-key';
  useEffect(() => (showingKey ? db.atRest.hold() : undefined), [showingKey]);

  function close() {
    // Turning on is under way (the key derivation): closing now would lose the recovery key it returns.
    if (turnOn.busy) return;
    if (flow.kind === 'recovery-key' && !flow.stored) {
      // The key is shown only now: closing without storing it would lose it.
      setFlow({ ...flow, remind: true });
      return;
    }
    if (flow.kind === 'recovery-key') void db.atRest.confirmRecoveryKey();
    if (flow.kind === 'recovery-key' && flow.then === 'encrypt') void migrationRunner.start();
    migrationRunner.reset();
    onClose();
  }

  function continueFromKey() {
    if (flow.kind !== 'recovery-key') return;
    if (!flow.stored) {
      setFlow({ ...flow, remind: true });
      return;
    }
    void db.atRest.confirmRecoveryKey();
    if (flow.then === 'encrypt') void migrationRunner.start();
    setFlow({ kind: 'main' });
  }

  const step =
    flow.kind === 'recovery-key'
      ? 'recovery-key'
      : run.status === 'done'
        ? 'done'
        : view.migration || run.status === 'running' || run.status === 'failed'
          ? `migration-${run.status}`
          : view.state === 'off'
            ? 'off'
            : 'on';
  // Each step replaces the buttons that had focus: when focus fell out of the dialog, put it on the
  // step's main control (the recovery key, Close, Pause…) so keyboard and screen-reader users follow.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.closest('dialog[open]')) return;
      document
        .querySelector<HTMLElement>('dialog[open] [data-step-focus], dialog[open] .dialog-body button')
        ?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [step]);

  let body: ReactNode;
  let footer: ReactNode = null;
  if (flow.kind === 'recovery-key') {
    body = (
      <>
        {flow.then === 'encrypt' ? (
          <p>The app lock is on. Before Fieldwork encrypts the data, store the recovery key.</p>
        ) : null}
        <RecoveryKeyPanel
          recoveryKey={flow.key}
          stored={flow.stored}
          remind={flow.remind}
          onStoredChange={(stored) => setFlow({ ...flow, stored, remind: false })}
        />
      </>
    );
    footer = (
      <div className="exchange-footer">
        <button type="button" className="primary" onClick={continueFromKey}>
          {flow.then === 'encrypt' ? 'Continue: encrypt the data' : 'Done'}
        </button>
      </div>
    );
  } else if (run.status === 'done') {
    body = (
      <p className="exchange-result" role="status">
        <span className="badge badge-good" aria-hidden="true">
          ✓
        </span>{' '}
        {FINISHED[run.direction]}
      </p>
    );
    footer = (
      <div className="exchange-footer">
        <button type="button" className="primary" onClick={close} data-step-focus>
          Close
        </button>
      </div>
    );
  } else if (view.migration || run.status === 'running' || run.status === 'failed') {
    const direction = view.migration?.direction ?? (run.status !== 'idle' ? run.direction : 'seal');
    body = (
      <>
        <p>
          {direction === 'seal'
            ? 'Fieldwork is encrypting the engagement data stored on this computer. You can keep working or close this window meanwhile; new changes are encrypted as they are saved.'
            : 'Fieldwork is decrypting the engagement data stored on this computer. The app lock stays on until this finishes.'}
        </p>
        <MigrationStatus run={run} pending={view.migration} onPause={() => migrationRunner.pause()} />
      </>
    );
    if (run.status !== 'running') {
      footer = (
        <div className="exchange-footer">
          <button type="button" className="primary" onClick={() => void migrationRunner.start()}>
            {run.status === 'failed' ? 'Try again' : 'Continue'}
          </button>
        </div>
      );
    }
  } else if (view.state === 'off') {
    body = <TurnOnPanel profile={profile} form={turnOn} formId={formId} />;
    footer = <TurnOnFooter form={turnOn} formId={formId} onCancel={close} />;
  } else {
    const passphrase = (
      <PassphraseSection
        key={profile.id}
        profile={profile}
        view={view}
        profiles={profiles}
        recovered={intent === 'recovered'}
      />
    );
    body = (
      <>
        <div className="lock-status">
          <span className="badge badge-good">
            <span aria-hidden="true">●</span> On
          </span>
          <span>Fieldwork’s data on this computer is stored encrypted.</span>
          <button
            type="button"
            aria-keyshortcuts="Control+L"
            title="Lock Fieldwork now (Ctrl+L)"
            onClick={() => {
              migrationRunner.reset();
              lockApp();
            }}
          >
            Lock now <kbd>Ctrl+L</kbd>
          </button>
        </div>
        {/* After a recovery-key unlock the new passphrase comes first (and takes the focus). */}
        {intent === 'recovered' ? passphrase : null}
        <AutoLockSection view={view} profileId={profile.id} />
        {intent === 'recovered' ? null : passphrase}
        <RecoverySection
          onNewKey={(key) =>
            setFlow({ kind: 'recovery-key', key, then: 'settings', stored: false, remind: false })
          }
        />
        <TurnOffSection profile={profile} view={view} />
      </>
    );
  }

  return (
    <Dialog
      title="App lock"
      onClose={close}
      wide={view.state === 'off' && flow.kind === 'main' && run.status === 'idle'}
      returnFocus={profileButton}
      footer={footer}
    >
      <div className="app-lock">{body}</div>
    </Dialog>
  );
}
