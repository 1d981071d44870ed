/**
 * Opening a `.fieldwork` file: passphrase (when encrypted; a wrong one can be retried), verifying with
 * progress and Cancel, the preview, the conflicts to resolve, then the import in one transaction and its
 * result. Nothing is written before the user confirms; a failure leaves the data as it was. Keyboard focus
 * follows the steps (the preview, the conflicts' heading, the progress, the result or the error).
 *
 * It also restores a backup on the first-run screen, before any profile exists: allowed only when every
 * engagement of the file is new here (nothing is merged, so no audit event names the person), and the
 * result then asks which of the restored profiles is the user's.
 */
import { isRecoveryKeyForm, normalizeRecoveryKey } from '@shared/at-rest';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { PROFILE_ROLE_LABELS } from '@shared/domain/profile';
import { ExchangeCancelledError, ExchangeError, type Manifest, type Progress } from '@shared/exchange/types';
import { db, repository } from '../../db';
import { applyImport, planImport, type ImportPlan, type ImportResult } from '../../db/exchange';
import type { Actor } from '../../db/repository';
import { useActor, useCurrentProfile, useProfiles } from '../../app/hooks';
import { useAppStore } from '../../store';
import { Dialog } from '../../components/Dialog';
import { ErrorDetails } from '../../components/ErrorText';
import { describeExchangeError, openInWorker, type OpenedPackage, type Running } from './exchangeWorker';
import { chooseFileToImport, useImportStore, type ImportRequest, type ImportWrite } from './importStore';
import { ConflictList } from './ConflictList';
import { FileFacts, ImportPreview } from './ImportPreview';
import { allConflicts, confirmLabel, unresolvedCount, type Resolutions } from './importView';
import { ProgressLine } from './SaveStatus';

type Step =
  | { step: 'passphrase'; wrong: boolean }
  | { step: 'verifying'; progress: Progress | null }
  | { step: 'preview' }
  | { step: 'conflicts' }
  | { step: 'applying' }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; text: string; detail?: string; writing: boolean };

const TITLES = {
  open: 'Open engagement file',
  merge: 'Merge a colleague’s file',
  restore: 'Restore from backup',
} as const;

/** Who restores a backup on a computer with no profile yet (nothing it writes is stamped with it). */
const RESTORE_ACTOR: Actor = { id: 'restore', name: 'Restore from backup' };

const RESULT_WORDS = {
  new: 'added',
  merge: 'merged',
  'reviewer-copy': 'added as a read-only reviewer copy',
  'replace-copy': 'replaced the reviewer copy',
  'up-to-date': 'already up to date',
  refused: 'not imported',
} as const;

/** What opening the file came to. */
type Attempt =
  | { kind: 'planned'; plan: ImportPlan; manifest: Manifest; encrypted: boolean }
  | { kind: 'passphrase'; wrong: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; text: string; detail?: string }
  /** Closed meanwhile, or a newer attempt took over. */
  | { kind: 'stale' };

function PassphraseStep({
  wrong,
  restoring,
  onSubmit,
}: {
  wrong: boolean;
  /** A backup being restored: no sender gave the passphrase, its owner chose it. */
  restoring: boolean;
  onSubmit(passphrase: string): void;
}) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The dialog opened before the file asked for a passphrase: bring focus to the field (again after a wrong one).
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [wrong]);
  return (
    <form
      id="import-passphrase-form"
      className="passphrase-ask"
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onSubmit(value);
      }}
    >
      <p>
        This file is protected with a passphrase. Enter the passphrase this file was saved with
        {restoring
          ? '. For an automatic backup made while the app lock was on, enter the app lock’s recovery key.'
          : ' (whoever sent it gives it to you separately).'}
      </p>
      <div className="field">
        <label htmlFor="import-passphrase">Passphrase</label>
        <input
          ref={input}
          id="import-passphrase"
          type="password"
          autoComplete="off"
          value={value}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? 'import-passphrase-error' : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      {wrong ? (
        <p id="import-passphrase-error" className="error-text" role="alert">
          The passphrase is wrong or the file was changed.
        </p>
      ) : null}
    </form>
  );
}

/** After a restore on the first-run screen: the restored profiles, to sign in as one's own. */
function ProfileChoice() {
  const profiles = useProfiles();
  const { profile } = useCurrentProfile();
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  if (!profiles || profiles.length === 0) return null;
  return (
    <fieldset className="restored-profiles">
      <legend>Which profile is yours?</legend>
      <p className="muted small">
        Your name is recorded on every change you make. You can switch later from the profile menu at the top
        right.
      </p>
      <div className="restored-profile-list">
        {profiles.map((p) => (
          <button
            key={p.id}
            type="button"
            className="restored-profile"
            aria-pressed={p.id === profile?.id}
            onClick={() => setCurrentProfile(p.id)}
          >
            <span className="avatar small" aria-hidden="true">
              {p.initials}
            </span>
            <span>
              {p.fullName}
              <span className="muted"> · {PROFILE_ROLE_LABELS[p.role]}</span>
            </span>
            {p.id === profile?.id ? <span className="muted">(signed in)</span> : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function ImportDialogBody({ request }: { request: ImportRequest & { id: number; write?: ImportWrite } }) {
  const close = useImportStore((s) => s.close);
  const setWrite = useImportStore((s) => s.setWrite);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const profileActor = useActor();
  // Shown again after the write began elsewhere (the first-run screen gave way): pick that write up.
  const [resumed] = useState(() => request.write !== undefined);
  const [state, setState] = useState<Step>(() =>
    resumed ? { step: 'applying' } : { step: 'verifying', progress: null },
  );
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [facts, setFacts] = useState<{ manifest: Manifest; encrypted: boolean } | null>(null);
  const [resolutions, setResolutions] = useState<Resolutions>({});
  const running = useRef<Running<OpenedPackage> | null>(null);
  const opened = useRef<OpenedPackage | null>(null);
  const alive = useRef(true);
  const { source } = request;
  const allNew = !!plan && plan.engagements.length > 0 && plan.engagements.every((e) => e.action === 'new');
  // No profile yet (first-run restore): only a fresh import of new engagements, which stamps nobody.
  const actor = profileActor ?? (allNew ? RESTORE_ACTOR : null);
  const write = request.write;
  const shown: Step =
    write?.stage === 'written'
      ? { step: 'done', result: write.result }
      : write?.stage === 'writing' && state.step !== 'failed'
        ? { step: 'applying' }
        : state;
  // The element each step starts with takes focus, so focus never falls to the page behind the dialog.
  const focusTarget = useRef<HTMLElement | null>(null);
  const setFocusTarget = useCallback((element: HTMLElement | null) => {
    focusTarget.current = element;
  }, []);
  useEffect(() => {
    // The passphrase field and the conflicts' heading focus themselves.
    if (shown.step !== 'passphrase' && shown.step !== 'conflicts') focusTarget.current?.focus();
  }, [shown.step]);

  /**
   * Opens and verifies the file in a worker, then plans the import. Reports progress through `onProgress`
   * and returns what to show next (the caller sets the state).
   */
  const attempt = useCallback(
    async (passphrase: string | undefined, onProgress: (p: Progress) => void): Promise<Attempt> => {
      running.current?.cancel();
      opened.current?.close();
      opened.current = null;
      const run = openInWorker(source, passphrase, onProgress);
      running.current = run;
      try {
        const pkg = await run.result;
        if (!alive.current || running.current !== run) {
          pkg.close();
          return { kind: 'stale' };
        }
        running.current = null;
        opened.current = pkg;
        onProgress({ phase: 'Comparing with this computer', done: 0, total: 0 });
        const plan = await planImport(db, repository, pkg.pkg);
        return { kind: 'planned', plan, manifest: pkg.pkg.manifest, encrypted: pkg.pkg.encrypted };
      } catch (error) {
        if (!alive.current || (running.current !== run && running.current !== null)) return { kind: 'stale' };
        running.current = null;
        if (error instanceof ExchangeError && error.code === 'passphrase-required') {
          return { kind: 'passphrase', wrong: false };
        }
        if (error instanceof ExchangeError && error.code === 'wrong-passphrase') {
          return { kind: 'passphrase', wrong: true };
        }
        if (error instanceof ExchangeCancelledError) return { kind: 'cancelled' };
        const { text, detail } = describeExchangeError(error);
        return { kind: 'failed', text, ...(detail ? { detail } : {}) };
      }
    },
    [source],
  );

  const show = useCallback(
    (outcome: Attempt) => {
      if (!alive.current) return;
      switch (outcome.kind) {
        case 'planned':
          setFacts({ manifest: outcome.manifest, encrypted: outcome.encrypted });
          setPlan(outcome.plan);
          setResolutions({});
          setState({ step: 'preview' });
          break;
        case 'passphrase':
          setState({ step: 'passphrase', wrong: outcome.wrong });
          break;
        case 'cancelled':
          close();
          break;
        case 'failed':
          setState({
            step: 'failed',
            text: outcome.text,
            writing: false,
            ...(outcome.detail ? { detail: outcome.detail } : {}),
          });
          break;
        default:
          break;
      }
    },
    [close],
  );

  const onProgress = useCallback(
    (progress: Progress) => setState((s) => (s.step === 'verifying' ? { step: 'verifying', progress } : s)),
    [],
  );

  const retry = (passphrase: string) => {
    setState({ step: 'verifying', progress: null });
    void (async () => {
      let outcome = await attempt(passphrase, onProgress);
      // Automatic backups made under the app lock are encrypted with its recovery key: accept it typed in
      // lower case or with spaces, as the lock screen does.
      const asRecoveryKey = normalizeRecoveryKey(passphrase);
      if (
        outcome.kind === 'passphrase' &&
        outcome.wrong &&
        asRecoveryKey !== passphrase &&
        isRecoveryKeyForm(asRecoveryKey)
      ) {
        outcome = await attempt(asRecoveryKey, onProgress);
      }
      show(outcome);
    })();
  };

  useEffect(() => {
    alive.current = true;
    if (!resumed) void attempt(undefined, onProgress).then(show);
    return () => {
      alive.current = false;
      running.current?.cancel();
      running.current = null;
      opened.current?.close();
      opened.current = null;
      void source.close().catch(() => undefined);
    };
  }, [attempt, show, onProgress, source, resumed]);

  async function confirm() {
    const pkg = opened.current;
    if (!pkg || !plan || !actor) return;
    const chooseProfile = !profileActor;
    setState({ step: 'applying' });
    setWrite(request.id, { stage: 'writing' });
    // The idle lock waits until the import is written.
    const release = db.atRest.hold();
    try {
      const result = await applyImport(
        db,
        repository,
        pkg.pkg,
        plan,
        { resolutions, fileName: source.name, evidenceBlob: (e) => pkg.evidenceBlob(e) },
        actor,
      );
      setWrite(request.id, { stage: 'written', result, chooseProfile });
      setState({ step: 'done', result });
      const changed = result.engagements.filter((e) => e.action !== 'refused' && e.action !== 'up-to-date');
      notify(
        'success',
        changed.length === 1 && changed[0]
          ? `${changed[0].name}: ${RESULT_WORDS[changed[0].action]}.`
          : `${changed.length} engagements imported from ${source.name}.`,
      );
    } catch (error) {
      const { text, detail } = describeExchangeError(error);
      setWrite(request.id, undefined);
      setState({ step: 'failed', text, writing: true, ...(detail ? { detail } : {}) });
    } finally {
      release();
    }
  }

  const busy = shown.step === 'applying';
  const onClose = () => {
    if (!busy) close();
  };
  const conflicts = plan ? allConflicts(plan).length : 0;
  const open_ = plan ? unresolvedCount(plan, resolutions) : 0;
  const label = plan ? confirmLabel(plan) : null;
  const manifest = facts?.manifest;
  const otherEngagement =
    request.engagementId && plan && !plan.engagements.some((e) => e.id === request.engagementId);

  let footer: ReactNode;
  switch (shown.step) {
    case 'passphrase':
      footer = (
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="import-passphrase-form" className="primary">
            Open the file
          </button>
        </>
      );
      break;
    case 'preview':
      footer = (
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {conflicts > 0 ? (
            <button type="button" className="primary" onClick={() => setState({ step: 'conflicts' })}>
              Resolve {conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`}…
            </button>
          ) : label ? (
            <button type="button" className="primary" disabled={!actor} onClick={() => void confirm()}>
              {label}
            </button>
          ) : null}
        </>
      );
      break;
    case 'conflicts':
      footer = (
        <>
          <span className="muted footer-note">
            {open_ > 0 ? `${open_} still to resolve` : 'All resolved'}
          </span>
          <button type="button" onClick={() => setState({ step: 'preview' })}>
            Back
          </button>
          <button
            type="button"
            className="primary"
            disabled={open_ > 0 || !actor}
            title={open_ > 0 ? 'Resolve every conflict first' : undefined}
            onClick={() => void confirm()}
          >
            {label ?? 'Merge'}
          </button>
        </>
      );
      break;
    case 'done':
      footer = (
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      );
      break;
    case 'failed':
      footer = (
        <>
          <button
            type="button"
            onClick={() => void chooseFileToImport(request.purpose, request.engagementId)}
          >
            Choose another file…
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </>
      );
      break;
    default:
      footer = null;
  }

  const written = write?.stage === 'written' ? write : null;
  return (
    <Dialog
      title={TITLES[request.purpose]}
      onClose={onClose}
      footer={footer ? <div className="exchange-footer">{footer}</div> : undefined}
      wide
    >
      {manifest && shown.step !== 'failed' ? (
        <FileFacts manifest={manifest} encrypted={facts?.encrypted ?? false} fileName={source.name} />
      ) : (
        <p className="file-name-line">
          <span className="muted">File:</span> <span className="file-name">{source.name}</span>
        </p>
      )}
      {shown.step === 'passphrase' ? (
        <PassphraseStep wrong={shown.wrong} restoring={request.purpose === 'restore'} onSubmit={retry} />
      ) : null}
      {shown.step === 'verifying' ? (
        <div className="step-focus" tabIndex={-1} ref={setFocusTarget}>
          <ProgressLine
            text={shown.progress ? `${shown.progress.phase}…` : 'Checking the file…'}
            fraction={
              shown.progress && shown.progress.total > 0
                ? Math.min(1, shown.progress.done / shown.progress.total)
                : null
            }
            label="Checking the file"
            onCancel={() => running.current?.cancel()}
          />
        </div>
      ) : null}
      {otherEngagement && (shown.step === 'preview' || shown.step === 'conflicts') ? (
        <p className="banner banner-info" role="note">
          This file holds another engagement than the one you opened it from.
        </p>
      ) : null}
      {plan && !actor && (shown.step === 'preview' || shown.step === 'conflicts') ? (
        <p className="banner banner-warn" role="note">
          This file changes engagements already on this computer, and your name is recorded on those changes.
          Create your auditor profile first, then open the file again.
        </p>
      ) : null}
      {plan && manifest && shown.step === 'preview' ? (
        <ImportPreview plan={plan} manifest={manifest} focusRef={setFocusTarget} />
      ) : null}
      {plan && shown.step === 'conflicts' ? (
        <ConflictList plan={plan} resolutions={resolutions} onChange={setResolutions} />
      ) : null}
      {shown.step === 'applying' ? (
        <div className="step-focus" tabIndex={-1} ref={setFocusTarget}>
          <ProgressLine text="Writing the changes…" fraction={null} label="Importing" />
        </div>
      ) : null}
      {shown.step === 'done' ? (
        <div className="import-result" role="status">
          <h3 className="import-result-title" tabIndex={-1} ref={setFocusTarget}>
            Done.
          </h3>
          {shown.result.evidenceAdded > 0 ? (
            <p>
              {shown.result.evidenceAdded === 1
                ? '1 evidence file stored.'
                : `${shown.result.evidenceAdded} evidence files stored.`}
            </p>
          ) : null}
          <ul>
            {shown.result.engagements.map((e) => (
              <li key={e.id}>
                {e.action === 'refused' || e.action === 'up-to-date' ? (
                  <span>{e.name}</span>
                ) : (
                  <button
                    type="button"
                    className="link-button result-name"
                    onClick={() => {
                      close();
                      navigate({ name: 'engagement', id: e.id, area: 'overview' });
                    }}
                  >
                    {e.name}
                  </button>
                )}
                {`: ${RESULT_WORDS[e.action]}`}
                {e.action === 'merge'
                  ? ` (${e.changedRecords} record${e.changedRecords === 1 ? '' : 's'} changed)`
                  : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {shown.step === 'done' && written?.chooseProfile ? <ProfileChoice /> : null}
      {shown.step === 'failed' ? (
        <div className="error-text step-focus" role="alert" tabIndex={-1} ref={setFocusTarget}>
          <p>
            {shown.text}
            {shown.writing ? ' Nothing was changed on this computer.' : ''}
          </p>
          <ErrorDetails detail={shown.detail} />
        </div>
      ) : null}
    </Dialog>
  );
}

/** The import dialog, when a file is being opened (see importStore.ts). */
export function ImportDialog() {
  const request = useImportStore((s) => s.request);
  if (!request) return null;
  // A new file starts a new dialog (its own worker and state).
  return <ImportDialogBody key={request.id} request={request} />;
}
