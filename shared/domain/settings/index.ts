/**
 * Firm settings kept on this machine (not part of any engagement): the firm's sample-size table. A test
 * copies the size and the table's basis sentence when it is planned, so editing the table later never
 * changes what a test recorded.
 */
import { z } from 'zod';
import { recordMetaSchema } from '../records/base';
import { sampleSizeTableSchema } from '../sampling/size-table';

/** The one firm-settings record's id (records need a UUID; there is only ever one of these). */
export const FIRM_SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

const firmSettingsShape = {
  sampleSizeTable: sampleSizeTableSchema,
};
export const firmSettingsFieldsSchema = z.object(firmSettingsShape);
export type FirmSettingsFields = z.output<typeof firmSettingsFieldsSchema>;
export const firmSettingsSchema = recordMetaSchema.extend(firmSettingsShape);
export type FirmSettings = z.output<typeof firmSettingsSchema>;
