/** Runs a user action and reports the outcome as a notice: the success text, or the error in plain words. */
import { useCallback } from 'react';
import { describeError } from '../components/ErrorText';
import { useAppStore } from '../store';
import type { NoticeAction } from '../store/ui';

export function useAction() {
  const notify = useAppStore((s) => s.notify);
  return useCallback(
    async <T>(
      action: () => Promise<T>,
      success?: string,
      followUp?: NoticeAction,
    ): Promise<T | undefined> => {
      try {
        const result = await action();
        if (success) notify('success', success, undefined, followUp);
        return result;
      } catch (error) {
        const { text, detail } = describeError(error);
        notify('error', text, detail);
        return undefined;
      }
    },
    [notify],
  );
}
