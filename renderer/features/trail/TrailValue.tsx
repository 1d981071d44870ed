/**
 * One stored value as the event details show it: text wrapped as typed, lists one entry a line, objects as
 * compact JSON. Long texts and long lists show their start and open in full on request.
 */
import { useState } from 'react';
import { trailValue, type TrailValue } from '@shared/domain/audit';

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

/** A value already read for people (`trailValue`, or `describeField` in words). */
export function ShownValue({ value, monoItems = false }: { value: TrailValue; monoItems?: boolean }) {
  const [allItems, setAllItems] = useState(false);
  switch (value.kind) {
    case 'empty':
      return <span className="muted">(empty)</span>;
    case 'text':
      return <LongText text={value.text} />;
    case 'json':
      return <LongText text={value.text} mono />;
    case 'list': {
      const shown = allItems ? value.items : value.items.slice(0, LIST_LIMIT);
      return (
        <>
          <ul className="trail-list">
            {shown.map((item, i) => (
              <li key={i}>
                <LongText text={item} mono={monoItems} />
              </li>
            ))}
          </ul>
          {value.items.length > LIST_LIMIT ? (
            <button
              type="button"
              className="link-button trail-more"
              aria-expanded={allItems}
              onClick={() => setAllItems((x) => !x)}
            >
              {allItems ? 'Show fewer' : `Show all ${value.items.length} entries`}
            </button>
          ) : null}
        </>
      );
    }
  }
}

/** A stored value as it is, ids read as the records' names. */
export function TrailValueView({
  value,
  labelOf,
}: {
  value: unknown;
  labelOf(id: string): string | undefined;
}) {
  // Lists of objects (stored as JSON lines) read better in the fixed-width font.
  const json = Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null);
  return <ShownValue value={trailValue(value, labelOf)} monoItems={json} />;
}
