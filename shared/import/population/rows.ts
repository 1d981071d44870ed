/**
 * Telling item rows from the other rows an export has below its header: totals and counts at the end of a
 * report or of each group, section headings and notes, and the header repeated on every printed page.
 */
import { cellText, isBlankCell, type Cell } from '../grid';
import { normaliseWords } from '../header-words';

export type PopulationRowKind = 'blank' | 'total' | 'heading' | 'header-repeat' | 'item';

/** "Total", "Grand total: 512", "Subtotal", "Count 12", "Total records 498", "End of report". */
const TOTAL_WORDS =
  /^(?:(?:grand |sub ?)?totals?(?: (?:of |for )?[a-z]+)?|(?:record|row|item|ticket|user)s? count|count|number of [a-z]+|end of report)(?: \d+)*$/u;

/** The words a total can start with, checked on the raw text first: most keys are not totals. */
const TOTAL_START = /^\W*(?:grand|sub|total|count|record|row|item|ticket|user|number|end)/iu;

export function isTotalText(text: string): boolean {
  if (!TOTAL_START.test(text)) return false;
  const words = normaliseWords(text);
  return words !== '' && TOTAL_WORDS.test(words);
}

/** The first cell with something in it, as text ('' for a blank row). */
export function firstFilledText(cells: readonly Cell[]): string {
  for (const cell of cells) {
    const text = cellText(cell);
    if (text !== '') return text;
  }
  return '';
}

function onlyCellFilled(cells: readonly Cell[], column: number): boolean {
  return cells.every((cell, index) => index === column || isBlankCell(cell));
}

const SEVERAL_WORDS = /\S \S+ \S/u;

/** Lower case letters and digits only: a cheap first comparison before `normaliseWords`. */
function looseText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What the row classifier needs to know about the chosen columns. */
export interface RowContext {
  keyColumn: number;
  /** The key column's heading ('' without one). */
  keyHeader: string;
  /** The sheet has other columns, so a key cell alone in its row stands out. */
  multiColumn: boolean;
}

/** The classifier's view of the chosen key column, prepared once per population. */
export class RowClassifier {
  private readonly headerWords: string;
  private readonly headerLoose: string;

  constructor(private readonly context: RowContext) {
    this.headerWords = normaliseWords(context.keyHeader);
    this.headerLoose = looseText(context.keyHeader);
  }

  /** Whether the key cell repeats the key column's heading (the header printed again on each page). */
  private repeatsHeader(keyText: string): boolean {
    if (keyText === '' || this.headerWords === '' || keyText.length < this.headerLoose.length) return false;
    return looseText(keyText) === this.headerLoose && normaliseWords(keyText) === this.headerWords;
  }

  /**
   * What kind of row this is, given its key cell as text. Totals are recognised in the key cell, or in
   * the first filled cell when the key is blank or a bare number (a count under the key column). A key
   * cell alone in its row is an item unless it reads like a heading or a note: a closing colon ("Changes
   * in Q1:"), or several words in a sheet with other columns, because identifiers are single tokens.
   */
  classify(cells: readonly Cell[], keyText: string): PopulationRowKind {
    if (keyText === '' || /^\d+$/u.test(keyText)) {
      const first = firstFilledText(cells);
      if (first === '') return 'blank';
      if (isTotalText(first)) return 'total';
      if (keyText === '') return 'item';
    }
    if (isTotalText(keyText)) return 'total';
    if (this.repeatsHeader(keyText)) return 'header-repeat';
    const noteLike = keyText.endsWith(':') || (this.context.multiColumn && SEVERAL_WORDS.test(keyText));
    if (noteLike && onlyCellFilled(cells, this.context.keyColumn)) return 'heading';
    return 'item';
  }
}
