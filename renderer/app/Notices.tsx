/** Short confirmations and errors, announced to screen readers; errors stay until dismissed. */
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { describeError, ErrorDetails } from '../components/ErrorText';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const notify = useAppStore((s) => s.notify);
  useEffect(() => {
    // Each confirmation lives a fixed time from when it was shown, however many follow it.
    const now = Date.now();
    const timers = notices
      .filter((n) => n.kind !== 'error')
      .map((n) => setTimeout(() => dismiss(n.id), Math.max(0, n.at + (n.action ? 10_000 : 6000) - now)));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <ErrorDetails detail={n.detail} />
          {n.action ? (
            <button
              type="button"
              className="link-button"
              aria-label={`${n.action.label}: ${n.text}`}
              onClick={() => {
                dismiss(n.id);
                Promise.resolve(n.action?.run()).catch((error: unknown) => {
                  const { text, detail } = describeError(error);
                  notify('error', text, detail);
                });
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss message"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
