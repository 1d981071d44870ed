/** The firm's documentation policy on this machine, live; `undefined` while loading. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewPolicy } from '@shared/domain/settings';
import { db } from '../../db';
import { firmReviewPolicy } from '../review/commands';

export function useFirmPolicy(): ReviewPolicy | undefined {
  return useLiveQuery(() => firmReviewPolicy(db), []);
}
