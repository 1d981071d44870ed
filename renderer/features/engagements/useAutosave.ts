/**
 * Autosave for the engagement details. Every keystroke goes to a local draft at once (see draft.ts), the
 * status says "Unsaved changes" until the save lands, and the save runs shortly after typing stops, when
 * focus leaves the form, or when the window is hidden or closed. Invalid fields are held back (and shown);
 * the valid ones are saved regardless.
 *
 * The form shows the stored engagement overlaid with the unsaved fields, so changes made elsewhere (another
 * window, the Scope screen) appear in every field not being edited here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Engagement, EngagementInput } from '@shared/domain/engagement';
import { describeError } from '../../components/ErrorText';
import { repository, type Actor } from '../../db';
import { updateEngagement } from './commands';
import { diffInput, loadDraft, saveDraft, splitPatch, toInput, type DraftPatch } from './draft';

import type { SaveState } from '../../app/autosave/useRecordAutosave';

const DELAY_MS = 400;

export function useEngagementAutosave(engagement: Engagement, actor: Actor, readOnly: boolean) {
  const profileId = actor.id;
  const [patch, setPatch] = useState<DraftPatch>(() => loadDraft(engagement.id, profileId) ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>(() =>
    Object.keys(patch).length > 0 ? { kind: 'pending' } : { kind: 'saved' },
  );
  // A read-only engagement shows what is stored; a pending draft waits (kept) until it can be saved.
  const draft = useMemo(
    () => (readOnly ? toInput(engagement) : { ...toInput(engagement), ...patch }),
    [engagement, patch, readOnly],
  );

  const latest = useRef(engagement);
  const patchRef = useRef(patch);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    latest.current = engagement;
  }, [engagement]);

  const save = useCallback(async () => {
    if (readOnly) return;
    const base = toInput(latest.current);
    const pending = diffInput(base, { ...base, ...patchRef.current });
    const { accepted, errors: invalid } = splitPatch(base, pending);
    setErrors(invalid);
    const stillInvalid = Object.keys(invalid).length > 0;
    if (Object.keys(accepted).length > 0) {
      setState({ kind: 'saving' });
      try {
        latest.current = await updateEngagement(repository, actor, latest.current, accepted);
      } catch (error) {
        setState({
          kind: 'error',
          message: `Could not save: ${describeError(error).text} Your text is kept.`,
        });
        return;
      }
    }
    // What still differs from the stored record stays in the draft: invalid fields and anything typed
    // while the save ran.
    const saved = toInput(latest.current);
    const next = diffInput(saved, { ...saved, ...patchRef.current });
    patchRef.current = next;
    setPatch(next);
    saveDraft(latest.current.id, actor.id, next);
    if (stillInvalid) {
      setState({
        kind: 'invalid',
        message:
          Object.keys(accepted).length > 0
            ? 'Other changes saved; the highlighted fields are not saved yet.'
            : 'Not saved: fix the highlighted fields.',
      });
    } else if (!timer.current) {
      setState({ kind: 'saved' });
    }
  }, [actor, readOnly]);

  /** Saves now, after any save already running. */
  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    queue.current = queue.current.then(save);
    return queue.current;
  }, [save]);

  const change = useCallback(
    (fields: Partial<EngagementInput>) => {
      if (readOnly) return;
      const base = toInput(latest.current);
      const next = diffInput(base, { ...base, ...patchRef.current, ...fields });
      patchRef.current = next;
      setPatch(next);
      saveDraft(latest.current.id, actor.id, next); // synchronous: survives a reload a moment later
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, DELAY_MS);
    },
    [flush, readOnly, actor],
  );

  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  // A draft restored from an earlier session is saved (or its problems shown) right away.
  useEffect(() => {
    if (!readOnly && !timer.current && Object.keys(patchRef.current).length > 0) void flush();
  }, [readOnly, flush]);
  // Save when the window is hidden or closed, and when leaving this screen.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && timer.current) void flushRef.current();
    };
    const onPageHide = () => {
      if (timer.current) void flushRef.current();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      if (timer.current) void flushRef.current();
    };
  }, []);

  return {
    draft,
    errors: readOnly ? {} : errors,
    state: readOnly ? ({ kind: 'saved' } as const) : state,
    change,
    flush,
  };
}
