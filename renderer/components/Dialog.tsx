/**
 * A modal dialog on the native <dialog> element: focus is trapped, Esc closes, the title names it, and
 * focus starts in the first field.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  footer?: ReactNode;
  wide?: boolean;
  /** Where focus goes on close when the element that opened the dialog is gone (a closed menu, a replaced button). */
  returnFocus?: () => HTMLElement | null;
}

export function Dialog({ title, onClose, children, footer, wide, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocusRef = useRef(returnFocus);
  useEffect(() => {
    const dialog = ref.current;
    // Give focus back to whatever opened the dialog when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const fallback = returnFocusRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element (the Close button); start in the first field instead.
      dialog
        .querySelector<HTMLElement>(
          '.dialog-body input:not([disabled]), .dialog-body select:not([disabled]), .dialog-body textarea:not([disabled])',
        )
        ?.focus();
    }
    return () => {
      dialog?.close();
      const target =
        opener?.isConnected && opener !== document.body
          ? opener
          : (fallback?.() ?? document.getElementById('main'));
      target?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
