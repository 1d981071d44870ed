/**
 * A new recovery key, shown this once: the key in large fixed-width groups (selectable), Copy, where to
 * keep it, and "I have stored it safely", which the caller requires before moving on.
 */
import { useId, useState } from 'react';

export function RecoveryKeyPanel({
  recoveryKey,
  stored,
  onStoredChange,
  remind,
}: {
  recoveryKey: string;
  stored: boolean;
  onStoredChange(stored: boolean): void;
  /** The user tried to go on without confirming: say why not. */
  remind: boolean;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <section className="recovery-key" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your recovery key</h3>
      <p>
        It opens Fieldwork if a passphrase is forgotten. <strong>This is the only time it is shown.</strong>{' '}
        Keep it away from this laptop: in the firm’s password manager, or printed and locked away. Anyone with
        this key and the laptop can read the data.
      </p>
      <div className="recovery-key-row">
        <output className="recovery-key-value" aria-label="Recovery key" tabIndex={-1} data-step-focus>
          {recoveryKey}
        </output>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field-hint" role="status">
        {copied === 'yes'
          ? 'Copied. Paste it where you keep it, then clear the clipboard.'
          : copied === 'failed'
            ? 'Could not copy here: select the key and copy it, or write it down.'
            : ''}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={stored}
          aria-describedby={remind && !stored ? `${id}-remind` : undefined}
          onChange={(e) => onStoredChange(e.target.checked)}
        />
        I have stored the recovery key safely
      </label>
      {remind && !stored ? (
        <p id={`${id}-remind`} className="field-error" role="alert">
          Store the recovery key first: it is not shown again.
        </p>
      ) : null}
    </section>
  );
}
