/** Messages between the UI and the population worker (reading a client's listing off the UI thread). */
import type {
  Population,
  PopulationColumnsChoice as PopulationChoiceMessage,
  PopulationItem,
  PopulationPeriod,
  PopulationSheet,
} from '@shared/import/population';

/** A sheet as the import dialog shows it: everything but the cells, which stay in the worker. */
export type SheetInfo = Omit<PopulationSheet, 'grid'>;

/** The sheet and columns chosen for a population (the same shape everywhere it is read). */
export type { PopulationChoiceMessage };

/** What the preview needs of a built population: counts, problems and the first items. */
export type PopulationPreview = Omit<Population, 'items'> & { firstItems: PopulationItem[] };

/** The preview of a built population: small enough to post back at once, whatever its size. */
export function toPreview({ items, problems, ...rest }: Population): PopulationPreview {
  return { ...rest, problems: problems.slice(0, 200), firstItems: items.slice(0, 5) };
}

export type PopulationRequest =
  | { id: number; op: 'open'; bytes: Uint8Array; fileName: string }
  | { id: number; op: 'preview'; choice: PopulationChoiceMessage; period: PopulationPeriod | null }
  | {
      id: number;
      op: 'items';
      bytes: Uint8Array;
      fileName: string;
      choice: PopulationChoiceMessage;
      period: PopulationPeriod | null;
    };

export type PopulationResponse =
  | { id: number; ok: true; sheets: SheetInfo[]; suggestedSheet: number }
  | { id: number; ok: true; preview: PopulationPreview }
  | { id: number; ok: true; population: Population }
  | { id: number; ok: false; message: string; name: string };
