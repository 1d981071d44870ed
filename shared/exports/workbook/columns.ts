/**
 * Column definitions for the workbook's tables: a header, what kind of cell it holds and how a row gives
 * its value. The kind decides the cell type (text, real date, number) and its look; the table writer
 * (`table.ts`) does the rest, so a sheet is only its rows and a list of columns.
 */
import type { TickmarkOutcome } from '../../domain/fieldwork';

/** How a cell stands out: an exception or failure, something to watch, a pass, or not applicable. */
export type Tone = 'bad' | 'warn' | 'good' | 'muted';

/** A link to a cell of another sheet of the workbook. */
export interface InternalLink {
  readonly text: string;
  readonly sheet: string;
  readonly row: number;
  readonly column?: number;
}

/** A tickmark as shown in a sample cell: its symbol and what it counts as (null for an unknown mark). */
export interface MarkValue {
  readonly symbol: string;
  readonly outcome: TickmarkOutcome | null;
}

interface Base<R> {
  readonly header: string;
  /** Widest the column grows to, in characters; longer text wraps. */
  readonly maxWidth?: number;
  readonly minWidth?: number;
  readonly tone?: (row: R) => Tone | null;
}

/** `text`: short text; `long`: prose that wraps in a wide column; `code`: hashes and seeds, monospaced. */
export interface TextColumn<R> extends Base<R> {
  readonly kind: 'text' | 'long' | 'code';
  readonly value: (row: R) => string | null | undefined;
}
/** `date`: an ISO calendar date; `datetime`: an ISO timestamp, shown in UTC. */
export interface DateColumn<R> extends Base<R> {
  readonly kind: 'date' | 'datetime';
  readonly value: (row: R) => string | null | undefined;
}
/** `number`: a count or amount; `percent`: a fraction shown as a percentage. */
export interface NumberColumn<R> extends Base<R> {
  readonly kind: 'number' | 'percent';
  readonly value: (row: R) => number | null | undefined;
}
/** A link to a row of another sheet; plain text when there is no row to go to (a removed test). */
export interface LinkColumn<R> extends Base<R> {
  readonly kind: 'link';
  readonly value: (row: R) => InternalLink | string | null | undefined;
}
export interface MarkColumn<R> extends Base<R> {
  readonly kind: 'mark';
  readonly value: (row: R) => MarkValue | null | undefined;
}

export type Column<R> = TextColumn<R> | DateColumn<R> | NumberColumn<R> | LinkColumn<R> | MarkColumn<R>;
export type ColumnKind = Column<unknown>['kind'];

type Options<R> = Omit<Base<R>, 'header'>;

export const text = <R>(
  header: string,
  value: TextColumn<R>['value'],
  options: Options<R> = {},
): TextColumn<R> => ({ header, kind: 'text', value, ...options });

export const long = <R>(
  header: string,
  value: TextColumn<R>['value'],
  options: Options<R> = {},
): TextColumn<R> => ({ header, kind: 'long', value, ...options });

export const code = <R>(header: string, value: TextColumn<R>['value']): TextColumn<R> => ({
  header,
  kind: 'code',
  value,
});

export const date = <R>(
  header: string,
  value: DateColumn<R>['value'],
  options: Options<R> = {},
): DateColumn<R> => ({ header, kind: 'date', value, ...options });

export const datetime = <R>(
  header: string,
  value: DateColumn<R>['value'],
  options: Options<R> = {},
): DateColumn<R> => ({ header: `${header} (UTC)`, kind: 'datetime', value, ...options });

export const number = <R>(
  header: string,
  value: NumberColumn<R>['value'],
  options: Options<R> = {},
): NumberColumn<R> => ({ header, kind: 'number', value, ...options });

export const percent = <R>(header: string, value: NumberColumn<R>['value']): NumberColumn<R> => ({
  header,
  kind: 'percent',
  value,
});

export const link = <R>(header: string, value: LinkColumn<R>['value']): LinkColumn<R> => ({
  header,
  kind: 'link',
  value,
});

export const mark = <R>(header: string, value: MarkColumn<R>['value']): MarkColumn<R> => ({
  header,
  kind: 'mark',
  value,
  minWidth: 6,
});
