/**
 * Runs a review-note command for the signed-in auditor and keeps its refusal beside the buttons that
 * asked (the data layer's words, as they are); success is announced as a notice.
 */
import { useCallback, useState } from 'react';
import { describeError } from '../../../components/ErrorText';
import { repository, type Actor, type Repository } from '../../../db';
import { useActor } from '../../../app/hooks';
import { useAppStore } from '../../../store';

export function useNoteCommand() {
  const actor = useActor();
  const notify = useAppStore((s) => s.notify);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (
      command: (repo: Repository, actor: Actor) => Promise<unknown>,
      success: string,
    ): Promise<boolean> => {
      if (!actor) return false;
      setBusy(true);
      setError(null);
      try {
        await command(repository, actor);
        notify('success', success);
        return true;
      } catch (e) {
        setError(describeError(e).text);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [actor, notify],
  );

  return { actor, run, error, busy, clearError: useCallback(() => setError(null), []) };
}
