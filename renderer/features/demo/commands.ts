/**
 * Loads the demo engagement (once: a second load opens the existing one): the planning file, then the
 * fieldwork (interviews, walkthroughs, the tickmark legend, tests of controls in every state, evidence)
 * written through the same commands the screens use, so the demo's records and audit trail are exactly
 * what an auditor's work would produce.
 */
import { buildDemoEngagement } from '@shared/demo/demo-engagement';
import {
  DEMO_CONTROLS,
  DEMO_CSOCS,
  DEMO_REQUESTS,
  DEMO_SECTIONS,
  DEMO_SUBSERVICE_ORGS,
  DEMO_USER_ENTITY_CONTROLS,
} from '@shared/demo/demo-planning';
import {
  DEMO_EVIDENCE,
  DEMO_INTERVIEWS,
  DEMO_TESTS,
  DEMO_TICKMARK,
  DEMO_WALKTHROUGHS,
  type DemoLink,
  type DemoMark,
  type DemoTest,
} from '@shared/demo/demo-fieldwork';
import {
  emptyInterviewFields,
  emptyWalkthroughFields,
  tickmarkLegend,
  type ControlException,
  type ControlTest,
  type EvidenceLink,
  type LegendEntry,
  type SampleItem,
  type Tickmark,
} from '@shared/domain/fieldwork';
import { emptyControlFields, emptyRequestFields, type Control, type Request } from '@shared/domain/planning';
import { sha256Hex } from '@shared/domain/hash';
import { uuidv7 } from '@shared/domain/ids';
import type { Engagement } from '@shared/domain/engagement';
import { newEngagementId } from '@shared/domain/ids';
import type { Profile } from '@shared/domain/profile';
import type { Actor, Mutation, Repository } from '../../db';
import { engagementRecords } from '../../db/queries';
import { actorOf } from '../profiles/commands';
import { addEvidence, type HashedFile } from '../evidence/commands';
import {
  createTest,
  expandSample,
  selectSample,
  setMark,
  setPopulationCount,
  setPopulationFile,
  updateException,
  updateSampleItem,
  updateTest,
} from '../testing/commands';
import { raiseReviewNote, signWorkpaper } from '../review/commands';
import { workpaperKey } from '@shared/domain/review';

export async function loadDemoEngagement(
  repo: Repository,
  profile: Profile,
): Promise<{ id: string; created: boolean }> {
  const actor = actorOf(profile);
  const existing = (await repo.db.engagements.toArray()).find((e: Engagement) => e.demo && !e.deleted);
  if (existing) {
    if (existing.archived)
      await repo.mutate(
        [{ entity: 'engagement', op: 'update', id: existing.id, patch: { archived: false } }],
        actor,
      );
    return { id: existing.id, created: false };
  }
  const demo = buildDemoEngagement(profile.id, profile.firm);
  const id = newEngagementId();
  const mutations: Mutation[] = [
    // Archived (hidden from the list) until its fieldwork is loaded too, so nobody opens it half-built.
    { entity: 'engagement', op: 'create', id, fields: { ...demo.fields, archived: true } },
    ...demo.notApplicable.map((na): Mutation => ({
      entity: 'criterionScope',
      op: 'create',
      fields: { engagementId: id, criterionId: na.criterionId, notApplicable: true, reason: na.reason },
    })),
    ...planningMutations(id, profile.fullName),
  ];
  await repo.mutate(mutations, actor);
  await loadDemoFieldwork(repo, actor, id);
  await loadDemoReview(repo, actor, id);
  await repo.mutate([{ entity: 'engagement', op: 'update', id, patch: { archived: false } }], actor);
  return { id, created: true };
}

/** The demo's control matrix, subservice organizations, CUECs, description and requests. */
function planningMutations(engagementId: string, auditor: string): Mutation[] {
  const controlIds = new Map(DEMO_CONTROLS.map((c) => [c.reference, uuidv7()]));
  const ids = (refs: readonly string[]) => refs.map((r) => controlIds.get(r)).filter((x): x is string => !!x);
  const orgIds = DEMO_SUBSERVICE_ORGS.map(() => uuidv7());
  return [
    ...DEMO_CONTROLS.map((c): Mutation => ({
      entity: 'control',
      op: 'create',
      id: controlIds.get(c.reference),
      fields: { ...emptyControlFields(), status: 'agreed', ...c, engagementId },
    })),
    ...DEMO_SUBSERVICE_ORGS.map(({ monitoringRefs, ...o }, i): Mutation => ({
      entity: 'subserviceOrg',
      op: 'create',
      id: orgIds[i],
      fields: { ...o, monitoringControlIds: ids(monitoringRefs), engagementId },
    })),
    ...DEMO_CSOCS.map(({ org, ...c }): Mutation => ({
      entity: 'csoc',
      op: 'create',
      fields: { ...c, subserviceOrgId: orgIds[org], engagementId },
    })),
    ...DEMO_USER_ENTITY_CONTROLS.map((u): Mutation => ({
      entity: 'userEntityControl',
      op: 'create',
      fields: { ...u, engagementId },
    })),
    ...DEMO_SECTIONS.map((s): Mutation => ({
      entity: 'descriptionSection',
      op: 'create',
      fields: { ...s, engagementId },
    })),
    ...DEMO_REQUESTS.map(({ controlRefs, ...r }, i): Mutation => ({
      entity: 'request',
      op: 'create',
      fields: {
        ...emptyRequestFields(i + 1),
        auditorContact: auditor,
        ...r,
        controlIds: ids(controlRefs),
        number: i + 1,
        engagementId,
      },
    })),
  ];
}

/** Bytes as a picked file: a Blob with a name, hashed the way the evidence worker hashes. */
async function demoFile(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): Promise<HashedFile> {
  return { file: Object.assign(new Blob([bytes], { type }), { name }), sha256: await sha256Hex(bytes) };
}

interface LoadedTest {
  test: ControlTest;
  /** Live items by position. */
  items: Map<number, SampleItem>;
}

/** The demo's interviews, walkthroughs, tickmark legend, tests and evidence (see demo-fieldwork.ts). */
async function loadDemoFieldwork(repo: Repository, actor: Actor, engagementId: string): Promise<void> {
  const engagement = await repo.db.engagements.get(engagementId);
  if (!engagement) throw new Error('The demo engagement was not found.');
  const controls = await engagementRecords<Control>(repo.db, 'controls', engagementId);
  const byRef = new Map(controls.map((c) => [c.reference, c]));
  const control = (ref: string): Control => {
    const c = byRef.get(ref);
    if (!c) throw new Error(`The demo control ${ref} is missing.`);
    return c;
  };
  const controlIds = (refs: readonly string[]) => refs.map((r) => control(r).id);

  // Interviews, walkthroughs and the firm's tickmark: one write.
  const interviewIds = DEMO_INTERVIEWS.map(() => uuidv7());
  const walkthroughIds = DEMO_WALKTHROUGHS.map(() => uuidv7());
  const stepIds = DEMO_WALKTHROUGHS.map((w) => w.steps.map(() => uuidv7()));
  const tickmarkId = uuidv7();
  await repo.mutate(
    [
      ...DEMO_INTERVIEWS.map(({ controlRefs, followUps, ...fields }, i): Mutation => ({
        entity: 'interview',
        op: 'create',
        id: interviewIds[i],
        fields: {
          ...emptyInterviewFields(),
          ...fields,
          auditorIds: [actor.id],
          controlIds: controlIds(controlRefs),
          followUps: followUps.map((text) => ({ id: uuidv7(), text, requestId: null, done: false })),
          engagementId,
        },
      })),
      ...DEMO_WALKTHROUGHS.map(({ controlRefs, steps, ...fields }, i): Mutation => ({
        entity: 'walkthrough',
        op: 'create',
        id: walkthroughIds[i],
        fields: {
          ...emptyWalkthroughFields(),
          ...fields,
          auditorIds: [actor.id],
          steps: steps.map((s, k) => ({ ...s, id: stepIds[i]?.[k] })),
          controlIds: controlIds(controlRefs),
          designConclusion: 'yes',
          implementationConclusion: 'yes',
          engagementId,
        },
      })),
      { entity: 'tickmark', op: 'create', id: tickmarkId, fields: { ...DEMO_TICKMARK, engagementId } },
    ],
    actor,
  );
  const tickmark = (await repo.db.tickmarks.get(tickmarkId)) as Tickmark;
  const legend = tickmarkLegend([tickmark]);
  const markIds: Record<DemoMark, string> = { pass: 'pass', exception: 'exception', na: 'na', T: tickmarkId };

  const tests = new Map<string, LoadedTest>();
  for (const spec of DEMO_TESTS) {
    const c = control(spec.controlRef);
    tests.set(
      spec.controlRef,
      await loadDemoTest(repo, actor, engagement, c, spec, legend, markIds, controlIds),
    );
  }

  const requests = await engagementRecords<Request>(repo.db, 'requests', engagementId);
  const resolve = (link: DemoLink): EvidenceLink => {
    switch (link.kind) {
      case 'control':
        return { kind: 'control', id: control(link.ref).id };
      case 'test':
      case 'sample-item': {
        const loaded = tests.get(link.controlRef);
        if (!loaded) throw new Error(`The demo has no test of ${link.controlRef}.`);
        if (link.kind === 'test') return { kind: 'test', id: loaded.test.id };
        const item = loaded.items.get(link.position);
        if (!item) throw new Error(`The demo test of ${link.controlRef} has no item ${link.position}.`);
        return { kind: 'sample-item', id: item.id };
      }
      case 'interview':
        return { kind: 'interview', id: interviewIds[link.index] ?? '' };
      case 'walkthrough': {
        const detail = link.step === undefined ? undefined : stepIds[link.index]?.[link.step];
        return { kind: 'walkthrough', id: walkthroughIds[link.index] ?? '', ...(detail ? { detail } : {}) };
      }
    }
  };
  for (const e of DEMO_EVIDENCE) {
    const file = await demoFile(e.bytes(), e.fileName, e.mediaType);
    await addEvidence(repo, actor, engagementId, [file], {
      description: e.description,
      receivedOn: e.receivedOn,
      asOf: e.asOf,
      source: e.source,
      requestId: requests.find((r) => r.number === e.requestNumber)?.id ?? null,
      sourcePerson: e.sourcePerson ?? '',
      links: e.links.map(resolve),
    });
  }
}

/** One test, taken as far as its spec says: population, selection, marks, exception, expansion, conclusion. */
async function loadDemoTest(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  control: Control,
  spec: DemoTest,
  legend: readonly LegendEntry[],
  markIds: Record<DemoMark, string>,
  controlIds: (refs: readonly string[]) => string[],
): Promise<LoadedTest> {
  const reload = async () => (await repo.db.tests.get(test.id)) as ControlTest;
  let test = await createTest(repo, actor, engagement, control);
  test = await updateTest(repo, actor, test, {
    procedure: spec.procedure,
    attributes: spec.attributes.map((text) => ({ id: uuidv7(), text })),
    ...(spec.techniques ? { techniques: spec.techniques } : {}),
  });
  const p = spec.population;
  if (p.source === 'file') {
    const file = await demoFile(new TextEncoder().encode(p.csv()), p.fileName, 'text/csv');
    test = await setPopulationFile(repo, actor, engagement, test, control, file, {
      sheet: p.sheet,
      headerRow: p.headerRow,
      keyColumn: p.keyColumn,
      dateColumn: p.dateColumn,
      keyLabel: p.keyLabel,
      dateLabel: p.dateLabel,
      description: p.description,
    });
  } else if (p.source === 'count') {
    test = await setPopulationCount(repo, actor, test, control, p.count, p.description);
  }
  if (spec.ipe) {
    test = await updateTest(repo, actor, test, {
      population: { ...test.population, ipe: { ...test.population.ipe, ...spec.ipe } },
    });
  }
  const items = new Map<number, SampleItem>();
  if (!spec.selection) return { test, items };

  const mark = async (batch: readonly SampleItem[]) => {
    for (const item of batch) {
      for (const [index, attribute] of test.attributes.entries()) {
        const m = spec.mark?.(item.position, index);
        if (m) await setMark(repo, actor, test, item.id, attribute.id, markIds[m], legend);
      }
      items.set(item.position, (await repo.db.sampleItems.get(item.id)) as SampleItem);
    }
  };
  const selected = await selectSample(repo, actor, engagement, test, control, {
    ...spec.selection,
    seed: '',
  });
  test = await reload();
  await mark(selected);

  if (spec.exception) {
    const { description, fields, compensatingControlRefs } = spec.exception;
    const open = (await repo.db.exceptions.where('testId').equals(test.id).toArray()).filter(
      (e: ControlException) => !e.deleted,
    );
    for (const exception of open) {
      const affected = [...items.values()]
        .filter((i) => exception.sampleItemIds.includes(i.id))
        .sort((a, b) => a.position - b.position);
      await updateException(repo, actor, exception, {
        ...fields,
        description: description(affected),
        compensatingControlIds: controlIds(compensatingControlRefs),
        status: 'evaluated',
      });
    }
  }
  if (spec.expansion) {
    const more = await expandSample(
      repo,
      actor,
      engagement,
      await reload(),
      spec.expansion.additional,
      spec.expansion.reason,
    );
    test = await reload();
    await mark(more);
  }
  for (const [position, note] of Object.entries(spec.itemNotes ?? {})) {
    const item = items.get(Number(position));
    if (item) items.set(item.position, await updateSampleItem(repo, actor, item, { note }));
  }
  if (spec.conclusion) test = await updateTest(repo, actor, await reload(), spec.conclusion);
  return { test, items };
}

/**
 * The demo's review state: the loading auditor's preparer sign-offs on the control matrix, the interviews,
 * the walkthroughs and the concluded tests; one of those tests edited after signing (a stale sign-off on the
 * dashboard) and one review note to answer. Reviewer sign-offs need a second auditor, so none are given.
 */
async function loadDemoReview(repo: Repository, actor: Actor, engagementId: string): Promise<void> {
  const [interviews, walkthroughs, tests] = await Promise.all([
    engagementRecords<{ id: string; deleted: boolean }>(repo.db, 'interviews', engagementId),
    engagementRecords<{ id: string; deleted: boolean }>(repo.db, 'walkthroughs', engagementId),
    engagementRecords<ControlTest>(repo.db, 'tests', engagementId),
  ]);
  const concluded = tests
    .filter((t) => t.conclusion !== null)
    .sort((a, b) => a.reference.localeCompare(b.reference));
  const keys = [
    'control-matrix',
    ...interviews.map((r) => workpaperKey('interview', r.id)),
    ...walkthroughs.map((r) => workpaperKey('walkthrough', r.id)),
    ...concluded.map((t) => workpaperKey('test', t.id)),
  ];
  for (const key of keys) await signWorkpaper(repo, actor, engagementId, key, 'preparer');
  const edited = concluded[0];
  if (edited) {
    await updateTest(repo, actor, edited, {
      procedure: `${edited.procedure}\n\nRe-inspected the approval timestamps against the deployment log after sign-off.`,
    });
  }
  const noted = concluded[1];
  if (noted) {
    await raiseReviewNote(repo, actor, engagementId, {
      workpaper: workpaperKey('test', noted.id),
      target: { kind: 'field', field: 'population', label: 'Population' },
      text: 'Describe how the completeness of the population was checked (source query, record count agreed to the system).',
      assignedTo: actor.id,
    });
  }
}
