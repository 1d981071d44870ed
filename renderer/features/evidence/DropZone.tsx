/**
 * Accepts files dropped from the desktop and offers the file picker, for keyboard users and anyone who
 * prefers it. Several files at once, any type.
 */
import { useRef, useState, type ReactNode } from 'react';

interface Props {
  onFiles(files: File[]): void;
  disabled?: boolean;
  /** Label of the picker button. */
  label?: string;
  children?: ReactNode;
  compact?: boolean;
}

export function DropZone({ onFiles, disabled, label = 'Add files…', children, compact }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const className = ['file-drop', over ? 'file-drop-over' : '', compact ? 'file-drop-compact' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      onDragOver={(event) => {
        if (disabled || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (disabled) return;
        event.preventDefault();
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      }}
    >
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <span className="muted">{children ?? 'or drop files here'}</span>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={label}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
