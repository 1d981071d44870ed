/**
 * Unsaved edits ("drafts") are kept in localStorage on every keystroke so a crash never loses typing
 * (app/autosave). While the app lock is on they are sealed with the data key like records, so text typed
 * but not yet saved is not left readable on disk either. Sealing is synchronous, as localStorage is.
 */
import { openFromText, sealToText } from '@shared/at-rest';
import type { AtRestSession } from './session';

const PREFIX = 'sealed-v1:';

function context(draftKey: string): Uint8Array {
  return new TextEncoder().encode(`fieldwork-draft/v1\u0000${draftKey}`);
}

/** What to store for the draft `value` under `draftKey`: sealed while the lock is on, else JSON. */
export function draftText(session: AtRestSession, draftKey: string, value: unknown): string | null {
  const mode = session.writeMode();
  if (mode === 'locked') return null; // nothing is typed while locked; never write plain
  if (mode === 'plain') return JSON.stringify(value);
  const sealed = sealToText(session.dataKey().raw, value, context(draftKey));
  return `${PREFIX}${sealed.iv}.${sealed.ct}`;
}

/** The draft stored as `text`, or null when it cannot be read (locked, changed, or not a draft). */
export function readDraftText(session: AtRestSession, draftKey: string, text: string): unknown {
  try {
    if (!text.startsWith(PREFIX)) return JSON.parse(text) as unknown;
    const key = session.recordKey();
    if (!key) return null;
    const [iv, ct] = text.slice(PREFIX.length).split('.');
    return openFromText(key, { iv: iv ?? '', ct: ct ?? '' }, context(draftKey), 'a draft');
  } catch {
    return null;
  }
}

/**
 * Re-stores every draft under `prefix` in the lock's current form (after turning the lock on or off), so
 * drafts typed before are not left in plain on disk, nor sealed after the key is gone.
 */
export function restoreDrafts(session: AtRestSession, storage: Storage, prefix: string): number {
  let changed = 0;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) {
    const draftKey = key.slice(prefix.length);
    const text = storage.getItem(key);
    if (text === null) continue;
    const value = readDraftText(session, draftKey, text);
    if (value === null) continue;
    const next = draftText(session, draftKey, value);
    if (next !== null && next !== text) {
      storage.setItem(key, next);
      changed += 1;
    }
  }
  return changed;
}
