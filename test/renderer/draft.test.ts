import { describe, expect, it } from 'vitest';
import { diffInput, splitPatch } from '../../renderer/features/engagements/draft';
import { engagementInputSchema } from '../../shared/domain/engagement';
import { type2Input } from './helpers';

const base = engagementInputSchema.parse(type2Input());

describe('engagement drafts', () => {
  it('lists only the fields that differ', () => {
    expect(diffInput(base, { ...base, notes: 'x', categories: ['security', 'availability'] })).toEqual({
      notes: 'x',
    });
  });

  it('saves the valid fields and holds back the invalid ones', () => {
    const { accepted, errors } = splitPatch(base, {
      serviceOrganization: '',
      engagementPartner: 'Dana Whitfield',
    });
    expect(accepted).toEqual({ engagementPartner: 'Dana Whitfield' });
    expect(errors).toEqual({ serviceOrganization: "Enter the service organization's name." });
  });

  it('accepts fields that are only valid together (a period moved as a whole)', () => {
    const { accepted, errors } = splitPatch(base, { periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    expect(errors).toEqual({});
    expect(accepted).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-12-31' });
  });

  it('holds back a period end moved before the start but keeps other edits', () => {
    const { accepted, errors } = splitPatch(base, { periodEnd: '2025-06-30', notes: 'walkthroughs booked' });
    expect(accepted).toEqual({ notes: 'walkthroughs booked' });
    expect(Object.keys(errors)).toEqual(['periodEnd']);
  });
});
