/**
 * The attribute grid: sample items as rows, attributes as columns, a tickmark in each cell. Keyboard first,
 * like a spreadsheet: arrows (and Home/End) move, Space or V marks ✓, X an exception, N not applicable,
 * a firm mark by its letter, Delete clears, Enter opens the item (note, evidence). Marks show at once and
 * are written one after another, so quick typing never loses a mark.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { attributeLetter, markOutcome, type LegendEntry, type SampleItem } from '@shared/domain/fieldwork';
import { formatDate } from '@shared/domain/engagement';
import {
  formatNoteNumber,
  REVIEW_NOTE_STATUS_LABELS,
  workpaperKey,
  type ReviewNote,
} from '@shared/domain/review';
import { db, repository } from '../../db';
import { routeToHash } from '../../store/route';
import { useAppStore } from '../../store';
import { describeError } from '../../components/ErrorText';
import { useLinkedEvidenceCounts } from '../evidence/useLinkedEvidenceCounts';
import { setMark } from './commands';
import { ItemDialog } from './ItemDialog';
import { LegendEditor } from './LegendEditor';
import type { WorkpaperProps } from './TestWorkpaper';

interface Props extends WorkpaperProps {
  items: SampleItem[];
  legend: LegendEntry[];
}

/** Which mark a key stands for: built-in keys first, then a firm mark by its symbol's first letter. */
export function markForKey(key: string, legend: readonly LegendEntry[]): string | null | undefined {
  const k = key.toLocaleLowerCase();
  if (k === ' ' || k === 'v' || k === '✓') return 'pass';
  if (k === 'x') return 'exception';
  if (k === 'n') return 'na';
  if (k === 'delete' || k === 'backspace') return null;
  if (k.length !== 1) return undefined;
  const custom = legend.find((t) => !t.builtIn && !t.removed && t.symbol.toLocaleLowerCase().startsWith(k));
  return custom ? custom.id : undefined;
}

const OUTCOME_CLASS = { pass: 'mark-pass', exception: 'mark-exception', na: 'mark-na' } as const;

export function AttributeGrid({ test, engagement, actor, readOnly, items, legend }: Props) {
  const notify = useAppStore((s) => s.notify);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const [pending, setPending] = useState<ReadonlyMap<string, string | null>>(new Map());
  const [openItem, setOpenItem] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const table = useRef<HTMLTableElement>(null);
  const attributes = test.attributes;
  const evidenceCounts = useLinkedEvidenceCounts(engagement.id, 'sample-item');
  // Review notes not yet cleared on a sample item: the row shows their numbers, linked to the note.
  const rowNotes = useLiveQuery(async () => {
    const notes = await db.reviewNotes.where('workpaper').equals(workpaperKey('test', test.id)).toArray();
    const byItem = new Map<string, ReviewNote[]>();
    for (const n of notes.sort((a, b) => a.number - b.number)) {
      if (n.deleted || n.status === 'cleared' || n.target.kind !== 'sample-item') continue;
      byItem.set(n.target.id, [...(byItem.get(n.target.id) ?? []), n]);
    }
    return byItem;
  }, [test.id]);
  const symbols = useMemo(() => new Map(legend.map((t) => [t.id, t])), [legend]);
  const used = useMemo(() => new Set(items.flatMap((i) => Object.values(i.marks))), [items]);

  const markCell = useCallback(
    (item: SampleItem, attributeId: string, markId: string | null) => {
      const key = `${item.id}:${attributeId}`;
      setPending((p) => new Map(p).set(key, markId));
      queue.current = queue.current
        .then(() => setMark(repository, actor, test, item.id, attributeId, markId, legend))
        .catch((error: unknown) => {
          const { text, detail } = describeError(error);
          notify('error', `The mark on item ${item.position} was not saved: ${text}`, detail);
        })
        .finally(() =>
          setPending((p) => {
            if (p.get(key) !== markId) return p;
            const next = new Map(p);
            next.delete(key);
            return next;
          }),
        );
    },
    [actor, test, legend, notify],
  );

  const cols = attributes.length;
  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(items.length - 1, row));
    const c = Math.max(0, Math.min(cols - 1, col));
    setFocus({ row: r, col: c });
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  };

  function onKeyDown(event: React.KeyboardEvent) {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [row = 0, col = 0] = (cell.dataset.cell ?? '0-0').split('-').map(Number);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      Home: [row, 0],
      End: [row, cols - 1],
      PageDown: [row + 10, col],
      PageUp: [row - 10, col],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move[0], move[1]);
      return;
    }
    const item = items[row];
    const attribute = attributes[col];
    if (!item || !attribute) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setOpenItem(item.id);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const mark = markForKey(event.key, legend);
    if (mark === undefined) return;
    event.preventDefault();
    if (readOnly) {
      // A mark typed on a read-only test would otherwise vanish without a word (the banner says why).
      notify('info', 'This test is read-only: the mark was not recorded.');
      return;
    }
    markCell(item, attribute.id, mark);
    // Like a spreadsheet: after marking, move down to the next item.
    if (mark !== null) moveTo(row + 1, col);
  }

  if (attributes.length === 0 || items.length === 0) {
    return (
      <section className="workpaper-section" id="wp-grid" aria-labelledby="wp-grid-title">
        <h2 id="wp-grid-title">4 Attribute testing</h2>
        <p className="muted">
          {attributes.length === 0
            ? 'Add the attributes to check (section 1) '
            : 'Select the sample (section 3) '}
          to test each item here, one tickmark per attribute.
        </p>
      </section>
    );
  }

  const item = items.find((i) => i.id === openItem);
  return (
    <section className="workpaper-section" id="wp-grid" aria-labelledby="wp-grid-title">
      <div className="section-head">
        <h2 id="wp-grid-title">4 Attribute testing</h2>
        <p className="muted keys-hint" id="grid-keys">
          Arrows move · <kbd>Space</kbd>/<kbd>V</kbd> ✓ · <kbd>X</kbd> exception · <kbd>N</kbd> N/A ·{' '}
          <kbd>Del</kbd> clear · <kbd>Enter</kbd> note and evidence · a firm mark by its letter
        </p>
      </div>
      <LegendEditor
        engagementId={engagement.id}
        legend={legend}
        actor={actor}
        readOnly={readOnly}
        used={used}
      />
      <ol className="attribute-key">
        {attributes.map((a, i) => (
          <li key={a.id}>
            <strong>{attributeLetter(i)}</strong> {a.text || <span className="muted">(no text yet)</span>}
          </li>
        ))}
      </ol>
      <div className="table-wrap grid-scroll">
        <table
          ref={table}
          className="grid attribute-grid"
          role="grid"
          aria-label="Attribute testing"
          aria-describedby="grid-keys"
          aria-rowcount={items.length + 1}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Item</th>
              <th scope="col">Date</th>
              {attributes.map((a, i) => (
                <th scope="col" key={a.id} className="mark-col" title={a.text}>
                  {attributeLetter(i)}
                </th>
              ))}
              <th scope="col">Note</th>
              <th scope="col" className="num">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((it, r) => (
              <tr key={it.id} className={it.batch > 0 ? 'expansion-row' : undefined}>
                <td className="num">{it.position}</td>
                <th
                  scope="row"
                  className="ellipsis item-key"
                  title={it.row ? `Row ${it.row} of the population file` : undefined}
                >
                  {it.key}
                </th>
                <td className="num nowrap">
                  {formatDate(it.date) || '—'}
                  {it.outsidePeriod ? (
                    <span className="text-warn" title="Dated outside the examination period">
                      {' '}
                      ⚠ outside
                    </span>
                  ) : null}
                </td>
                {attributes.map((a, c) => {
                  const key = `${it.id}:${a.id}`;
                  const markId = pending.has(key) ? pending.get(key) : it.marks[a.id];
                  const entry = markId ? symbols.get(markId) : undefined;
                  const outcome = markId ? markOutcome(markId, legend) : null;
                  const isFocus = focus.row === r && focus.col === c;
                  return (
                    <td
                      key={a.id}
                      role="gridcell"
                      data-cell={`${r}-${c}`}
                      tabIndex={isFocus ? 0 : -1}
                      className={`mark-cell ${outcome ? OUTCOME_CLASS[outcome] : 'mark-blank'}`}
                      aria-label={`Item ${it.position} ${it.key}, attribute ${attributeLetter(c)}: ${entry ? entry.meaning : 'not marked'}`}
                      onFocus={() => setFocus({ row: r, col: c })}
                      onClick={() => setFocus({ row: r, col: c })}
                    >
                      {entry?.symbol ?? ''}
                    </td>
                  );
                })}
                <td className="ellipsis note-cell">
                  {(rowNotes?.get(it.id) ?? []).map((n) => (
                    <a
                      key={n.id}
                      className={`badge badge-${n.status === 'open' ? 'warn' : 'info'} row-note`}
                      href={routeToHash({ name: 'engagement', id: engagement.id, area: 'notes', item: n.id })}
                      title={`${REVIEW_NOTE_STATUS_LABELS[n.status]}: ${n.text.slice(0, 200)}`}
                    >
                      {formatNoteNumber(n.number)}
                      <span className="visually-hidden">
                        {' '}
                        review note {REVIEW_NOTE_STATUS_LABELS[n.status].toLocaleLowerCase()} on item{' '}
                        {it.position}
                      </span>
                    </a>
                  ))}
                  <button type="button" className="link-button" onClick={() => setOpenItem(it.id)}>
                    {it.note ? it.note.slice(0, 60) : 'Add note'}
                    <span className="visually-hidden"> (item {it.position})</span>
                  </button>
                </td>
                <td className="num">{evidenceCounts.get(it.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {item ? (
        <ItemDialog
          item={item}
          test={test}
          engagement={engagement}
          actor={actor}
          readOnly={readOnly}
          legend={legend}
          onMark={(attributeId, markId) => markCell(item, attributeId, markId)}
          onClose={() => {
            const row = items.findIndex((i) => i.id === item.id);
            setOpenItem(null);
            requestAnimationFrame(() => moveTo(row, focus.col));
          }}
        />
      ) : null}
    </section>
  );
}
