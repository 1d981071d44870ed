/**
 * Interviews (inquiry): who was asked what, when, and what they said. Inquiry alone never supports a
 * conclusion on a control (soc2-domain.md §3.1); the UI says so where an interview is a control's only
 * support.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, uuidSchema } from '../records/base';
import { criteriaListSchema, idListSchema, optionalDate, text } from '../planning/fields';
import { peopleSchema } from './people';

export const followUpSchema = z.object({
  id: uuidSchema,
  text: text(2000).min(1, 'Describe the follow-up item.'),
  /** The request list item it became, if any. */
  requestId: uuidSchema.nullable(),
  done: z.boolean(),
});
export type FollowUp = z.output<typeof followUpSchema>;

const interviewShape = {
  title: text(300).min(1, 'Give the interview a short title, e.g. "Change management with the CTO".'),
  date: optionalDate,
  place: text(300),
  interviewees: peopleSchema,
  /** Profile ids of the auditors present. */
  auditorIds: idListSchema,
  topics: text(5000),
  controlIds: idListSchema,
  criteria: criteriaListSchema,
  notes: text(200_000),
  followUps: z.array(followUpSchema).max(200),
};

export const interviewFieldsSchema = z.object(interviewShape);
export type InterviewFields = z.output<typeof interviewFieldsSchema>;
export const interviewSchema = engagementRecordMetaSchema.extend(interviewShape);
export type Interview = z.output<typeof interviewSchema>;

export function emptyInterviewFields(): InterviewFields {
  return {
    title: '',
    date: null,
    place: '',
    interviewees: [],
    auditorIds: [],
    topics: '',
    controlIds: [],
    criteria: [],
    notes: '',
    followUps: [],
  };
}
