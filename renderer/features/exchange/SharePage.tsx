/**
 * Share & merge: save the engagement as a `.fieldwork` file (to work on and merge back, or as a read-only
 * reviewer copy), encrypted with a passphrase by default; open a colleague's file to merge it; and see
 * how many other copies' work this one has merged.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import type { PackageKind } from '@shared/exchange/types';
import { db, repository } from '../../db';
import { readOnlyCopy, storedSeen } from '../../db/chains';
import { useActor } from '../../app/hooks';
import { copyFlagOf, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { chosenPassphrase, NO_PASSPHRASE, PassphraseFields, type PassphraseValue } from './PassphraseFields';
import { SaveStatus } from './SaveStatus';
import { useSavePackage } from './useSavePackage';
import { chooseFileToImport } from './importStore';

type Purpose = Extract<PackageKind, 'engagement' | 'reviewer-copy'>;

/** How many other copies (databases) this copy has merged work from. */
function useMergedCopies(engagementId: string): number | undefined {
  return useLiveQuery(async () => {
    const [seen, node] = await Promise.all([storedSeen(db, engagementId), repository.node()]);
    return Object.keys(seen).filter((n) => n !== node).length;
  }, [engagementId]);
}

export function SharePage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const copy = useLiveQuery(async () => (await readOnlyCopy(db, engagement.id)) ?? null, [engagement.id]);
  const merged = useMergedCopies(engagement.id);
  const { state, save, cancel, reset } = useSavePackage();
  const [purpose, setPurpose] = useState<Purpose>('engagement');
  const [secret, setSecret] = useState<PassphraseValue>(NO_PASSPHRASE);
  const busy = state.stage === 'reading' || state.stage === 'writing';
  // Until the live query answers, the flag the engagement view noted (so the page never flashes editable).
  const isCopy = !!(copy === undefined ? copyFlagOf(engagement.id) : copy);
  const kind: Purpose = isCopy ? 'reviewer-copy' : purpose;
  const { passphrase, problem } = chosenPassphrase(secret);

  function onSave() {
    if (!actor || problem) return;
    void save({
      kind,
      engagementIds: [engagement.id],
      actor,
      ...(passphrase !== undefined ? { passphrase } : {}),
    }).then(() => setSecret((s) => ({ ...s, passphrase: '', confirm: '' })));
  }

  return (
    <section className="page share-page" aria-labelledby="share-title">
      <header className="page-header">
        <h1 id="share-title">Share &amp; merge</h1>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <p className="muted page-intro">
        Pass the engagement to a colleague as a <code>.fieldwork</code> file (a USB stick, email, a shared
        drive). Both of you keep working; when their file comes back, merging it takes every change from both
        sides field by field, and asks you only where you both changed the same thing.
      </p>

      <div className="share-grid">
        <section className="card share-card" aria-labelledby="share-save-title">
          <h2 id="share-save-title">Save an engagement file</h2>
          <fieldset className="purpose-choice" disabled={busy}>
            <legend>What the file is for</legend>
            <label className="radio-option">
              <input
                type="radio"
                name="share-purpose"
                value="engagement"
                checked={kind === 'engagement'}
                disabled={isCopy}
                onChange={() => setPurpose('engagement')}
              />
              <span>
                <strong>To work on and merge back (engagement file)</strong>
                <span className="muted">
                  The recipient can change everything; you merge their file into yours later.
                </span>
              </span>
            </label>
            <label className="radio-option">
              <input
                type="radio"
                name="share-purpose"
                value="reviewer-copy"
                checked={kind === 'reviewer-copy'}
                onChange={() => setPurpose('reviewer-copy')}
              />
              <span>
                <strong>Read-only reviewer copy</strong>
                <span className="muted">
                  Opens locked for a reviewer: nothing can be changed in it, and it can never be merged back.
                </span>
              </span>
            </label>
            {isCopy ? (
              <p className="muted small">
                This is a read-only reviewer copy: it can be passed on only as another reviewer copy.
              </p>
            ) : null}
          </fieldset>
          <PassphraseFields
            value={secret}
            onChange={setSecret}
            disabled={busy}
            what={kind === 'reviewer-copy' ? 'reviewer copy' : 'engagement file'}
          />
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || !actor || problem !== null}
              title={problem ?? undefined}
              onClick={onSave}
            >
              {kind === 'reviewer-copy' ? 'Save reviewer copy…' : 'Save engagement file…'}
            </button>
            {state.stage === 'saved' || state.stage === 'failed' || state.stage === 'cancelled' ? (
              <button type="button" className="link-button" onClick={reset}>
                Clear
              </button>
            ) : null}
          </div>
          <SaveStatus
            state={state}
            onCancel={cancel}
            what={kind === 'reviewer-copy' ? 'reviewer copy' : 'engagement file'}
          />
        </section>

        <section className="card share-card" aria-labelledby="share-merge-title">
          <h2 id="share-merge-title">Merge a colleague’s file</h2>
          {isCopy ? (
            <p className="muted">
              A read-only reviewer copy cannot take changes. Open a newer file from the engagement list to
              replace it.
            </p>
          ) : (
            <>
              <p className="muted">
                Open the <code>.fieldwork</code> file a colleague saved from this engagement. Fieldwork checks
                the whole file first and shows what would change; nothing is written until you confirm.
              </p>
              <button
                type="button"
                disabled={!actor}
                onClick={() => void chooseFileToImport('merge', engagement.id)}
              >
                Open a file to merge…
              </button>
            </>
          )}
          <h3 className="share-subtitle">Work from other copies</h3>
          <p className="muted" data-testid="merged-copies">
            {merged === undefined
              ? 'Loading…'
              : merged === 0
                ? 'No work received from other copies yet.'
                : `Holds work received from ${merged} other ${merged === 1 ? 'copy' : 'copies'}.`}
          </p>
        </section>
      </div>
    </section>
  );
}
