/**
 * Autosave for the engagement details: the typed text is kept locally, validated as you type and saved
 * shortly after you stop. An invalid or failed save never discards what was typed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Engagement, EngagementInput } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { describeError } from '../../components/ErrorText';
import { repository, type Actor } from '../../db';
import { parseEngagementFields, updateEngagement } from './commands';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

const DELAY_MS = 500;

export function toInput(e: Engagement): EngagementInput {
  const { id, engagementId, createdAt, updatedAt, updatedBy, rev, clock, deleted, ...fields } = e;
  void [id, engagementId, createdAt, updatedAt, updatedBy, rev, clock, deleted];
  return fields;
}

export function useEngagementAutosave(engagement: Engagement, actor: Actor | null) {
  const [draft, setDraft] = useState<EngagementInput>(() => toInput(engagement));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(engagement);
  useEffect(() => {
    latest.current = engagement;
  }, [engagement]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const pending = useRef<EngagementInput | null>(null);

  // Follow changes made elsewhere (another window, archive button) while nothing is pending here.
  useEffect(() => {
    if (!dirty.current) setDraft(toInput(engagement));
  }, [engagement]);

  const save = useCallback(
    async (values: EngagementInput) => {
      if (!actor) return;
      try {
        parseEngagementFields(values);
      } catch (error) {
        if (error instanceof ValidationError) {
          setErrors(error.fields);
          setState({ kind: 'invalid', message: 'Not saved: fix the highlighted fields.' });
          return;
        }
        throw error;
      }
      setErrors({});
      setState({ kind: 'saving' });
      try {
        await updateEngagement(repository, actor, latest.current, values);
        dirty.current = false;
        setState({ kind: 'saved' });
      } catch (error) {
        setState({ kind: 'error', message: `Could not save: ${describeError(error).text}` });
      }
    },
    [actor],
  );

  const change = useCallback(
    (patch: Partial<EngagementInput>) => {
      dirty.current = true;
      setDraft((current) => {
        const next = { ...current, ...patch };
        if (timer.current) clearTimeout(timer.current);
        pending.current = next;
        timer.current = setTimeout(() => {
          pending.current = null;
          void save(next);
        }, DELAY_MS);
        return next;
      });
    },
    [save],
  );

  // Leaving the screen before the delay ran out still saves what was typed (on unmount only).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (pending.current) void saveRef.current(pending.current);
    },
    [],
  );

  return { draft, errors, state, change };
}
