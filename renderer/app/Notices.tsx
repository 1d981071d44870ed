/** Short confirmations and errors, announced to screen readers; errors stay until dismissed. */
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { ErrorDetails } from '../components/ErrorText';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    const timers = notices
      .filter((n) => n.kind !== 'error')
      .map((n) => setTimeout(() => dismiss(n.id), 6000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <ErrorDetails detail={n.detail} />
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
