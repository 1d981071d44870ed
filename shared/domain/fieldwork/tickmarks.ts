/**
 * Tickmarks: the marks an auditor puts on each sample item for each attribute. Three are built in
 * (✓ pass, X exception, N/A); the engagement's legend adds firm marks (T traced, V vouched, …), each
 * saying whether it counts as a pass, an exception or not applicable. See soc2-domain.md §5.2.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema } from '../records/base';
import { text } from '../planning/fields';

export const TICKMARK_OUTCOMES = ['pass', 'exception', 'na'] as const;
export type TickmarkOutcome = (typeof TICKMARK_OUTCOMES)[number];
export const TICKMARK_OUTCOME_LABELS: Record<TickmarkOutcome, string> = {
  pass: 'Counts as a pass',
  exception: 'Counts as an exception',
  na: 'Not applicable',
};

/** Built-in marks: their ids are stored in sample items' results. */
export const BUILT_IN_TICKMARKS = [
  { id: 'pass', symbol: '✓', meaning: 'Inspected / agreed without exception', outcome: 'pass' },
  { id: 'exception', symbol: 'X', meaning: 'Exception — see the exception record', outcome: 'exception' },
  { id: 'na', symbol: 'N/A', meaning: 'Not applicable to this item', outcome: 'na' },
] as const satisfies readonly { id: string; symbol: string; meaning: string; outcome: TickmarkOutcome }[];

const tickmarkShape = {
  symbol: text(6).min(1, 'Enter the mark, e.g. T.'),
  meaning: text(300).min(1, 'Say what the mark means.'),
  outcome: z.enum(TICKMARK_OUTCOMES),
};
export const tickmarkFieldsSchema = z.object(tickmarkShape);
export type TickmarkFields = z.output<typeof tickmarkFieldsSchema>;
export const tickmarkSchema = engagementRecordMetaSchema.extend(tickmarkShape);
export type Tickmark = z.output<typeof tickmarkSchema>;

export interface LegendEntry {
  id: string;
  symbol: string;
  meaning: string;
  outcome: TickmarkOutcome;
  builtIn: boolean;
  /** Deleted from the legend: no longer offered, but cells marked with it keep it and it counts as before. */
  removed: boolean;
}

/**
 * The engagement's legend: the built-in marks, then the firm marks in the order they were added,
 * removed ones included (flagged) so that a stored mark always has its meaning and outcome.
 */
export function tickmarkLegend(custom: readonly Tickmark[]): LegendEntry[] {
  return [
    ...BUILT_IN_TICKMARKS.map((t) => ({ ...t, builtIn: true, removed: false })),
    ...custom.map((t) => ({
      id: t.id,
      symbol: t.symbol,
      meaning: t.meaning,
      outcome: t.outcome,
      builtIn: false,
      removed: t.deleted,
    })),
  ];
}

/** What a stored mark counts as (null for a blank cell or an unknown mark). */
export function markOutcome(markId: string, legend: readonly LegendEntry[]) {
  return legend.find((t) => t.id === markId)?.outcome ?? null;
}
