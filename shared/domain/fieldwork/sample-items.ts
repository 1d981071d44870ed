/**
 * Sample items: the population items selected for a test, one record each, with a tickmark per attribute
 * and a note. Items are never re-selected: an expansion adds items (a new batch); a removed item is a
 * tombstone, so the selection record stays complete.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, uuidSchema } from '../records/base';
import { optionalDate, text } from '../planning/fields';

const sampleItemShape = {
  testId: uuidSchema,
  /** 1-based order in the sample (the row number on the workpaper). */
  position: z.number().int().min(1),
  /** 0-based index in the population (the order of the file); null for items entered by hand. */
  populationIndex: z.number().int().min(0).nullable(),
  /** The spreadsheet row it came from, for the auditor to find it in the client's file. */
  row: z.number().int().min(1).nullable(),
  key: text(300).min(1, 'Enter the item identifier (ticket, user, change…).'),
  date: optionalDate,
  /** 0 for the first selection, 1, 2… for each expansion. */
  batch: z.number().int().min(0),
  /** The month or quarter it was drawn from when the sample was spread across the period. */
  stratum: text(20),
  outsidePeriod: z.boolean(),
  /** Tickmark id (built-in or the legend's) per attribute id. */
  marks: z.record(z.string(), z.string().max(60)),
  note: text(10_000),
};

export const sampleItemFieldsSchema = z.object(sampleItemShape);
export type SampleItemFields = z.output<typeof sampleItemFieldsSchema>;
export const sampleItemSchema = engagementRecordMetaSchema.extend(sampleItemShape);
export type SampleItem = z.output<typeof sampleItemSchema>;
