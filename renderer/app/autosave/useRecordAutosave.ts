/**
 * Autosave for any record edited in place (a control, a request, a description section), following the
 * engagement form's rules (see features/engagements/useAutosave.ts): every keystroke goes to a local
 * draft at once, the save runs 400 ms after typing stops, on leaving the editor and when the window hides;
 * invalid fields are held back and shown while the valid ones are saved; a failed save keeps the text.
 * Mount one editor per record (`key={record.id}`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { canonicalJson } from '@shared/domain/canonical-json';
import { ValidationError } from '@shared/domain/errors';
import { describeError } from '../../components/ErrorText';
import { db } from '../../db';
import { draftText, readDraftText } from '../../db/at-rest/drafts';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

type Fields = Record<string, unknown>;
const DELAY_MS = 400;
const KEY_PREFIX = 'fieldwork.draft.';
/** Dispatched on `window` once the auditor gives a reason for changes after release. */
export const CHANGE_REASON_EVENT = 'fieldwork:change-reason';

export function diffFields<F extends Fields>(base: F, draft: F): Partial<F> {
  const patch: Partial<F> = {};
  for (const key of Object.keys(draft) as (keyof F)[]) {
    if (canonicalJson(draft[key] ?? null) !== canonicalJson(base[key] ?? null)) patch[key] = draft[key];
  }
  return patch;
}

/** Separates the part of a patch that keeps the record valid from the fields that cannot be saved yet. */
export function splitFields<F extends Fields>(
  schema: z.ZodType,
  base: F,
  patch: Partial<F>,
): { accepted: Partial<F>; errors: Record<string, string> } {
  const whole = schema.safeParse({ ...base, ...patch });
  if (whole.success) return { accepted: patch, errors: {} };
  const errors = ValidationError.fromZod(whole.error).fields;
  const accepted: Partial<F> = {};
  for (const key of Object.keys(patch) as (keyof F & string)[]) {
    if (key in errors) continue;
    if (schema.safeParse({ ...base, ...accepted, [key]: patch[key] }).success) accepted[key] = patch[key];
  }
  return { accepted, errors };
}

/** The localStorage prefix of drafts (the app lock re-stores them when it is turned on or off). */
export const DRAFT_KEY_PREFIX = KEY_PREFIX;

export function loadRecordDraft<F>(key: string): Partial<F> | null {
  try {
    const raw = localStorage.getItem(KEY_PREFIX + key);
    // Sealed with the app lock's key while the lock is on (db/at-rest/drafts.ts).
    const parsed: unknown = raw ? readDraftText(db.atRest, key, raw) : null;
    return parsed && typeof parsed === 'object' ? (parsed as Partial<F>) : null; // written by saveRecordDraft
  } catch {
    return null;
  }
}

export function saveRecordDraft(key: string, patch: object): void {
  try {
    if (Object.keys(patch).length === 0) {
      localStorage.removeItem(KEY_PREFIX + key);
      return;
    }
    const text = draftText(db.atRest, key, patch);
    if (text !== null) localStorage.setItem(KEY_PREFIX + key, text);
  } catch {
    // Storage full or unavailable: the draft then lives in memory only.
  }
}

interface Options<R, F extends Fields> {
  record: R;
  /** The editable fields of the stored record. */
  fields(record: R): F;
  /** Validates the whole set of editable fields. */
  schema: z.ZodType;
  save(record: R, patch: Partial<F>): Promise<R>;
  /** Identifies the draft: record kind, record id and the auditor typing. */
  draftKey: string;
  readOnly: boolean;
}

/** The record's revision (every stored record has one); 0 for anything else. */
function revOf(record: unknown): number {
  const rev = (record as { rev?: unknown } | null)?.rev;
  return typeof rev === 'number' ? rev : 0;
}

export function useRecordAutosave<R, F extends Fields>(options: Options<R, F>) {
  const { record, readOnly, draftKey } = options;
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const [patch, setPatch] = useState<Partial<F>>(() => loadRecordDraft<F>(draftKey) ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>(() =>
    Object.keys(patch).length > 0 ? { kind: 'pending' } : { kind: 'saved' },
  );
  const { fields } = options; // pass a function defined once (module level), not a new one per render
  // The record just saved, until the live query brings it back: without it the editor would show the
  // previous revision for a moment after each save (text flickers back, new list rows unmount).
  const [justSaved, setJustSaved] = useState<R | null>(null);
  const current = justSaved && revOf(justSaved) > revOf(record) ? justSaved : record;
  const stored = useMemo(() => fields(current), [fields, current]);
  const draft = useMemo(() => (readOnly ? stored : { ...stored, ...patch }), [stored, patch, readOnly]);

  const latest = useRef(record);
  const patchRef = useRef(patch);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    // A live query may deliver an older revision than the one this editor just saved: keep the newer.
    if (revOf(record) >= revOf(latest.current)) latest.current = record;
  }, [record]);

  const save = useCallback(async () => {
    const { fields, schema, save: persist } = opts.current;
    if (opts.current.readOnly) return;
    const base = fields(latest.current);
    const pending = diffFields(base, { ...base, ...patchRef.current });
    const { accepted, errors: invalid } = splitFields(schema, base, pending);
    setErrors(invalid);
    if (Object.keys(accepted).length > 0) {
      setState({ kind: 'saving' });
      try {
        latest.current = await persist(latest.current, accepted);
        setJustSaved(latest.current);
      } catch (error) {
        const described = describeError(error);
        if (error instanceof ValidationError) setErrors({ ...invalid, ...error.fields });
        setState({ kind: 'error', message: `Could not save: ${described.text} Your text is kept.` });
        return;
      }
    }
    const saved = fields(latest.current);
    const next = diffFields(saved, { ...saved, ...patchRef.current });
    patchRef.current = next;
    setPatch(next);
    saveRecordDraft(opts.current.draftKey, next);
    if (Object.keys(invalid).length > 0) {
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
  }, []);

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    queue.current = queue.current.then(save);
    return queue.current;
  }, [save]);

  const change = useCallback(
    (fields: Partial<F>) => {
      if (opts.current.readOnly) return;
      const base = opts.current.fields(latest.current);
      const next = diffFields(base, { ...base, ...patchRef.current, ...fields });
      patchRef.current = next;
      setPatch(next);
      saveRecordDraft(opts.current.draftKey, next);
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    if (!readOnly && !timer.current && Object.keys(patchRef.current).length > 0) void flush();
  }, [readOnly, flush]);
  useEffect(() => {
    // A reason for changes after release was just given (features/finalize/ChangeReasonBanner): retry a
    // save refused for want of one. `save` reads the caller's latest actor (with the reason) through `opts`.
    const onReason = () => {
      if (!opts.current.readOnly && !timer.current && Object.keys(patchRef.current).length > 0) void flush();
    };
    window.addEventListener(CHANGE_REASON_EVENT, onReason);
    return () => window.removeEventListener(CHANGE_REASON_EVENT, onReason);
  }, [flush]);
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && timer.current) void flush();
    };
    const onPageHide = () => {
      if (timer.current) void flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      if (timer.current) void flush();
    };
  }, [flush]);

  return {
    draft,
    errors: readOnly ? {} : errors,
    state: readOnly ? ({ kind: 'saved' } as const) : state,
    change,
    flush,
  };
}
