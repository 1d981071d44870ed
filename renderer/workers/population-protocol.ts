/** Messages between the UI and the population worker (reading a client's listing off the UI thread). */
import type {
  DayOrder,
  Population,
  PopulationItem,
  PopulationPeriod,
  PopulationSheet,
} from '@shared/import/population';

/** A sheet as the import dialog shows it: everything but the cells, which stay in the worker. */
export type SheetInfo = Omit<PopulationSheet, 'grid'>;

export interface PopulationChoiceMessage {
  sheet: string;
  headerRow: number;
  keyColumn: number;
  dateColumn: number | null;
  dayOrder?: DayOrder | null | undefined;
}

/** What the preview needs of a built population: counts, problems and the first items. */
export type PopulationPreview = Omit<Population, 'items'> & { firstItems: PopulationItem[] };

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
