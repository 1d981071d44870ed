/**
 * When Fieldwork locks by itself (minutes without use) and, on the desktop, how long an unlock is
 * remembered across restarts (kept with the operating system's keychain). Where an unlock cannot be
 * remembered (the browser, a Linux session without a keyring) the section says why instead.
 */
import { useEffect, useState } from 'react';
import { db } from '../../db';
import { IDLE_MINUTES, REMEMBER_HOURS } from '../../db/at-rest/config';
import type { AtRestView } from '../../db/at-rest/session';
import { platform } from '../../platform';
import type { LockKeyStatus } from '../../platform/types';
import { useAction } from '../../app/useAction';
import { rememberUnlock } from './startup';
import { autoLockProblem, inRange } from './words';

/** A typed number; an empty field is NaN (refused, never saved). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function AutoLockSection({ view, profileId }: { view: AtRestView; profileId: string }) {
  const run = useAction();
  const [idleText, setIdleText] = useState<string | null>(null);
  const [rememberText, setRememberText] = useState<string | null>(null);
  const [keychain, setKeychain] = useState<LockKeyStatus | null>(null);
  useEffect(() => {
    let live = true;
    platform.lockKeys.status().then(
      (status) => live && setKeychain(status),
      () => live && setKeychain({ available: false, reason: 'The keychain could not be reached.' }),
    );
    return () => {
      live = false;
    };
  }, []);

  const idle = idleText === null ? view.idleMinutes : numberOf(idleText);
  const remember = keychain?.available
    ? rememberText === null
      ? view.rememberHours
      : numberOf(rememberText)
    : null;
  const problem = autoLockProblem(idle, remember);
  const changed = idle !== view.idleMinutes || (remember !== null && remember !== view.rememberHours);

  async function save() {
    await db.atRest.setOptions({
      idleMinutes: idle,
      ...(remember !== null ? { rememberHours: remember } : {}),
    });
    // Remembering applies from now on: the current unlock is remembered (or forgotten) at once.
    if (remember === 0) await platform.lockKeys.forget();
    else if (remember !== null) await rememberUnlock(db.atRest, platform.lockKeys, profileId);
    setIdleText(null);
    setRememberText(null);
  }

  return (
    <form
      className="form lock-section"
      aria-labelledby="lock-auto-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && changed) void run(save, 'App lock settings saved.');
      }}
    >
      <h3 id="lock-auto-title">Locking automatically</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor="lock-idle-minutes">Lock after (minutes without use)</label>
          <input
            id="lock-idle-minutes"
            type="number"
            className="input-short"
            min={IDLE_MINUTES.min}
            max={IDLE_MINUTES.max}
            step={1}
            value={idleText ?? String(view.idleMinutes)}
            aria-invalid={!inRange(idle, IDLE_MINUTES) || undefined}
            aria-describedby="lock-idle-hint"
            onChange={(e) => setIdleText(e.target.value)}
          />
          <p id="lock-idle-hint" className="field-hint">
            {IDLE_MINUTES.min}–{IDLE_MINUTES.max}. No keyboard, mouse or touch input for this long locks
            Fieldwork, unless it is encrypting or saving something.
          </p>
        </div>
        {keychain?.available ? (
          <div className="field">
            <label htmlFor="lock-remember-hours">Remember the unlock for (hours)</label>
            <input
              id="lock-remember-hours"
              type="number"
              className="input-short"
              min={REMEMBER_HOURS.min}
              max={REMEMBER_HOURS.max}
              step={1}
              value={rememberText ?? String(view.rememberHours)}
              aria-invalid={(remember !== null && !inRange(remember, REMEMBER_HOURS)) || undefined}
              aria-describedby="lock-remember-hint"
              onChange={(e) => setRememberText(e.target.value)}
            />
            <p id="lock-remember-hint" className="field-hint">
              {REMEMBER_HOURS.min}–{REMEMBER_HOURS.max}; 0 asks every time Fieldwork starts. The key is kept
              with the operating system’s keychain and forgotten when you lock.
            </p>
          </div>
        ) : (
          <div className="field">
            <span className="field-label">Remember the unlock</span>
            <p className="field-hint">
              {keychain
                ? (keychain.reason ?? 'Not available on this computer.')
                : 'Checking whether this computer can remember an unlock…'}
            </p>
          </div>
        )}
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={!changed || problem !== null}>
          Save
        </button>
      </div>
    </form>
  );
}
