/**
 * Interviews and walkthroughs in the data layer (fake-indexeddb): records through the one write path,
 * follow-ups turned into requests, the design conclusion's explanation, and the inquiry-only warning.
 */
import { describe, expect, it } from 'vitest';
import {
  controlResult,
  controlSupport,
  walkthroughFieldsSchema,
  type Interview,
  type Walkthrough,
} from '../../shared/domain/fieldwork';
import type { Request } from '../../shared/domain/planning';
import { withoutMeta } from '../../shared/domain/records';
import { engagementRecords, verifyChain } from '../../renderer/db/queries';
import { splitFields } from '../../renderer/app/autosave/useRecordAutosave';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createControl } from '../../renderer/features/controls/commands';
import {
  createInterview,
  createRequestFromFollowUp,
  deleteInterviews,
  newFollowUp,
  requestTitleFor,
  restoreInterviews,
  updateInterview,
} from '../../renderer/features/interviews/commands';
import {
  createWalkthrough,
  deleteWalkthroughs,
  moveStep,
  newStep,
  restoreWalkthroughs,
  updateWalkthrough,
} from '../../renderer/features/walkthroughs/commands';
import { freshRepo, type2Input } from './helpers';

async function setup(kind: 'soc2-type2' | 'soc2-type1' = 'soc2-type2') {
  const ctx = await freshRepo();
  const engagement = await createEngagement(
    ctx.repo,
    ctx.actor,
    kind === 'soc2-type2'
      ? type2Input()
      : type2Input({ kind, periodStart: null, periodEnd: null, asOfDate: '2026-06-30' }),
  );
  const control = await createControl(ctx.repo, ctx.actor, engagement.id, {
    reference: 'AC-01',
    description: 'Access requests are approved by the manager before access is granted.',
  });
  return { ...ctx, engagement, control };
}

describe('interviews', () => {
  it('are created, updated, deleted (a tombstone) and restored through the audited write path', async () => {
    const { repo, actor, engagement, control, profile } = await setup();
    const created = await createInterview(repo, actor, engagement.id, {
      title: 'Access management with the IT manager',
      date: '2026-03-02',
      auditorIds: [profile.id],
    });
    expect(created).toMatchObject({ rev: 1, deleted: false, notes: '', followUps: [] });

    const updated = await updateInterview(repo, actor, created, {
      interviewees: [{ name: 'Jane Roe', title: 'IT manager', organization: 'Acme' }],
      controlIds: [control.id],
      criteria: ['CC6.2', 'CC6.1'],
      notes: 'Managers approve in the ticketing tool.\nNo access without a ticket.',
    });
    expect(updated.rev).toBe(2);
    expect(updated.criteria).toEqual(['CC6.1', 'CC6.2']); // kept in catalog order
    // A person needs a name; the title is required too.
    await expect(
      updateInterview(repo, actor, updated, { interviewees: [{ name: '', title: 'CFO', organization: '' }] }),
    ).rejects.toThrow(/name of the person/);
    await expect(updateInterview(repo, actor, updated, { title: ' ' })).rejects.toThrow(/short title/);

    await deleteInterviews(repo, actor, [created.id]);
    expect(await engagementRecords<Interview>(repo.db, 'interviews', engagement.id)).toEqual([]);
    const [tombstone] = await engagementRecords<Interview>(repo.db, 'interviews', engagement.id, {
      includeDeleted: true,
    });
    expect(tombstone).toMatchObject({ deleted: true, notes: updated.notes });

    await restoreInterviews(repo, actor, [created.id]);
    const [back] = await engagementRecords<Interview>(repo.db, 'interviews', engagement.id);
    expect(back).toMatchObject({ deleted: false, title: 'Access management with the IT manager' });
    expect(await verifyChain(repo.db, engagement.id)).toMatchObject({ ok: true });
  });

  it('turns a follow-up into a draft document request with the interview’s controls and stores its id', async () => {
    const { repo, actor, engagement, control } = await setup();
    const followUp = newFollowUp('Obtain the Q3 user access review sign-off\nfrom the IT manager');
    const interview = await createInterview(repo, actor, engagement.id, {
      title: 'Access management',
      date: '2026-03-02',
      controlIds: [control.id],
      followUps: [followUp, newFollowUp('Ask for the HR leaver list')],
    });

    const { request, interview: saved } = await createRequestFromFollowUp(
      repo,
      actor,
      interview.id,
      followUp.id,
    );
    expect(request).toMatchObject({
      number: 1,
      title: 'Obtain the Q3 user access review sign-off',
      type: 'document',
      status: 'draft',
      controlIds: [control.id],
      auditorContact: 'Ana López',
    });
    expect(request.description).toContain('Follow-up from the interview “Access management” on 2 Mar 2026');
    expect(saved.followUps[0]?.requestId).toBe(request.id);
    expect(saved.followUps[1]?.requestId).toBeNull();
    const requests = await engagementRecords<Request>(repo.db, 'requests', engagement.id);
    expect(requests.map((r) => r.id)).toEqual([request.id]);

    // Once is enough; an unsaved follow-up cannot become a request.
    await expect(createRequestFromFollowUp(repo, actor, interview.id, followUp.id)).rejects.toThrow(
      /already has a request/,
    );
    await expect(
      createRequestFromFollowUp(repo, actor, interview.id, newFollowUp('not saved').id),
    ).rejects.toThrow(/Save the follow-up item first/);
    // The next one gets the next number.
    const second = saved.followUps[1];
    if (!second) throw new Error('missing follow-up');
    const next = await createRequestFromFollowUp(repo, actor, interview.id, second.id);
    expect(next.request.number).toBe(2);
  });

  it('shortens long follow-up texts to a request title', () => {
    expect(requestTitleFor('  First line  \nsecond')).toBe('First line');
    const long = requestTitleFor('x'.repeat(400));
    expect(long).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('walkthroughs', () => {
  it('are created with steps, reordered, deleted and restored', async () => {
    const { repo, actor, engagement, control } = await setup();
    const trigger = { ...newStep('trigger'), description: 'The requester raises a ticket.' };
    const approval = { ...newStep('decision'), description: 'The manager approves.', performer: 'Manager' };
    const output = { ...newStep('output'), description: 'Access is granted.', systems: 'Okta' };
    const created = await createWalkthrough(repo, actor, engagement.id, {
      title: 'User access — new joiner',
      startDate: '2026-03-03',
      instance: 'ITSM-4711',
      steps: [trigger, output, approval],
      controlIds: [control.id],
    });
    const reordered = await updateWalkthrough(repo, actor, created, {
      steps: moveStep(created.steps, 2, -1),
    });
    expect(reordered.steps.map((s) => s.kind)).toEqual(['trigger', 'decision', 'output']);
    expect(moveStep(reordered.steps, 0, -1).map((s) => s.id)).toEqual(reordered.steps.map((s) => s.id));
    await expect(updateWalkthrough(repo, actor, reordered, { endDate: '2026-03-01' })).rejects.toThrow(
      /last day cannot be before the first/,
    );

    await deleteWalkthroughs(repo, actor, [created.id]);
    expect(await engagementRecords<Walkthrough>(repo.db, 'walkthroughs', engagement.id)).toEqual([]);
    await restoreWalkthroughs(repo, actor, [created.id]);
    const [back] = await engagementRecords<Walkthrough>(repo.db, 'walkthroughs', engagement.id);
    expect(back?.steps).toHaveLength(3);
    expect(await verifyChain(repo.db, engagement.id)).toMatchObject({ ok: true });
  });

  it('needs an explanation when the design is not suitable, and the autosave holds the conclusion back until then', async () => {
    const { repo, actor, engagement } = await setup();
    const w = await createWalkthrough(repo, actor, engagement.id, { title: 'Change management' });
    await expect(updateWalkthrough(repo, actor, w, { designConclusion: 'no' })).rejects.toThrow(
      /Explain why the control is not suitably designed/,
    );
    // In the editor: "No" alone is shown as needing the explanation and is not saved yet.
    const base = withoutMeta(w);
    const held = splitFields(walkthroughFieldsSchema, base, { designConclusion: 'no', instance: 'CHG-1' });
    expect(held.errors).toHaveProperty('designExplanation');
    expect(held.accepted).toEqual({ instance: 'CHG-1' });
    const ok = splitFields(walkthroughFieldsSchema, base, {
      designConclusion: 'no',
      designExplanation: 'No segregation: developers deploy their own changes.',
    });
    expect(ok.errors).toEqual({});

    const saved = await updateWalkthrough(repo, actor, w, {
      designConclusion: 'no',
      designExplanation: 'No segregation: developers deploy their own changes.',
      implementationConclusion: 'yes',
    });
    expect(saved).toMatchObject({ designConclusion: 'no', implementationConclusion: 'yes' });
  });

  it('gives a Type 1 control its result from the walkthrough conclusions', async () => {
    const { repo, actor, engagement, control } = await setup('soc2-type1');
    const w = await createWalkthrough(repo, actor, engagement.id, {
      title: 'Access',
      controlIds: [control.id],
    });
    expect(controlResult(control.id, engagement.kind, [], [w])).toBe('in-progress');
    const done = await updateWalkthrough(repo, actor, w, {
      designConclusion: 'yes',
      implementationConclusion: 'yes',
    });
    expect(controlResult(control.id, engagement.kind, [], [done])).toBe('effective');
  });
});

describe('inquiry alone never concludes a test', () => {
  it('flags a control supported only by interviews until a walkthrough or a test covers it', async () => {
    const { repo, actor, engagement, control } = await setup();
    await createInterview(repo, actor, engagement.id, { title: 'Access', controlIds: [control.id] });
    const read = async () => ({
      interviews: await engagementRecords<Interview>(repo.db, 'interviews', engagement.id),
      walkthroughs: await engagementRecords<Walkthrough>(repo.db, 'walkthroughs', engagement.id),
    });
    let now = await read();
    expect(controlSupport(control.id, [], now.walkthroughs, now.interviews)).toMatchObject({
      interviews: 1,
      inquiryOnly: true,
    });

    const w = await createWalkthrough(repo, actor, engagement.id, {
      title: 'Access',
      controlIds: [control.id],
    });
    now = await read();
    expect(controlSupport(control.id, [], now.walkthroughs, now.interviews).inquiryOnly).toBe(false);

    // A deleted walkthrough no longer corroborates anything; a test of the control does.
    await deleteWalkthroughs(repo, actor, [w.id]);
    now = await read();
    expect(controlSupport(control.id, [], now.walkthroughs, now.interviews).inquiryOnly).toBe(true);
    const test = { id: 'test-1', controlId: control.id, conclusion: null, deleted: false };
    expect(controlSupport(control.id, [test], now.walkthroughs, now.interviews).inquiryOnly).toBe(false);
    // A control nobody spoke about is not "inquiry only": it is simply untested.
    expect(controlSupport('other', [], now.walkthroughs, now.interviews).inquiryOnly).toBe(false);
  });
});
