/**
 * One value before or after a change: text wrapped as typed (a long one shows its start and opens in
 * full on request), a list one entry a line, anything else as compact JSON.
 */
import { useState } from 'react';
import type { TrailValue } from '@shared/domain/audit';

const TEXT_LIMIT = 400;

function LongText({ text, mono = false }: { text: string; mono?: boolean }) {
  const [open, setOpen] = useState(false);
  const className = mono ? 'wc-text mono' : 'wc-text';
  if (text.length <= TEXT_LIMIT) return <span className={className}>{text}</span>;
  return (
    <>
      <span className={className}>{open ? text : `${text.slice(0, TEXT_LIMIT)}…`}</span>{' '}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {open ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} characters)`}
      </button>
    </>
  );
}

export function ChangeValue({ value }: { value: TrailValue }) {
  switch (value.kind) {
    case 'empty':
      return <span className="muted">(empty)</span>;
    case 'text':
      return <LongText text={value.text} />;
    case 'json':
      return <LongText text={value.text} mono />;
    case 'list':
      return (
        <ul className="wc-values">
          {value.items.map((item, i) => (
            <li key={i}>
              <LongText text={item} />
            </li>
          ))}
        </ul>
      );
  }
}
