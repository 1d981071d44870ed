/**
 * One stored value as the event details show it: text wrapped as typed, lists one entry a line, objects as
 * compact JSON. Long texts and long lists show their start and open in full on request.
 */
import { useState } from 'react';
import { trailValue } from '@shared/domain/audit';

/** Beyond this many characters (or lines), a text shows its start and a "Show all" button. */
const TEXT_LIMIT = 320;
const LINE_LIMIT = 8;
const LIST_LIMIT = 12;

function LongText({ text, mono = false }: { text: string; mono?: boolean }) {
  const [open, setOpen] = useState(false);
  const lines = text.split('\n');
  const long = text.length > TEXT_LIMIT || lines.length > LINE_LIMIT;
  const start = lines.slice(0, LINE_LIMIT).join('\n').slice(0, TEXT_LIMIT);
  const className = mono ? 'trail-text mono' : 'trail-text';
  if (!long) return <span className={className}>{text}</span>;
  return (
    <>
      <span className={className}>{open ? text : `${start}…`}</span>{' '}
      <button
        type="button"
        className="link-button trail-more"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} characters)`}
      </button>
    </>
  );
}

export function TrailValueView({
  value,
  labelOf,
}: {
  value: unknown;
  labelOf(id: string): string | undefined;
}) {
  const [allItems, setAllItems] = useState(false);
  const v = trailValue(value, labelOf);
  switch (v.kind) {
    case 'empty':
      return <span className="muted">(empty)</span>;
    case 'text':
      return <LongText text={v.text} />;
    case 'json':
      return <LongText text={v.text} mono />;
    case 'list': {
      const shown = allItems ? v.items : v.items.slice(0, LIST_LIMIT);
      const json = Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null);
      return (
        <>
          <ul className="trail-list">
            {shown.map((item, i) => (
              <li key={i}>
                <LongText text={item} mono={json} />
              </li>
            ))}
          </ul>
          {v.items.length > LIST_LIMIT ? (
            <button
              type="button"
              className="link-button trail-more"
              aria-expanded={allItems}
              onClick={() => setAllItems((x) => !x)}
            >
              {allItems ? 'Show fewer' : `Show all ${v.items.length} entries`}
            </button>
          ) : null}
        </>
      );
    }
  }
}
