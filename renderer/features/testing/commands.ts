/**
 * Tests of controls through the repository: planning a test, its population (a file stored as evidence,
 * or a count), the seeded selection and its expansion, tickmarks and the exceptions they create, and the
 * conclusion. Every selection is re-performable: the seed, method, interval/start and population hash are
 * recorded, and the items are drawn by the pure functions in shared/domain/sampling.
 */
import {
  currentVersion,
  emptyControlTestFields,
  markOutcome,
  nextExceptionNumber,
  testReference,
  type ControlException,
  type ControlTest,
  type ControlTestFields,
  type Evidence,
  type LegendEntry,
  type Population,
  type SampleItem,
  type SampleItemFields,
  type Sampling,
  type Stratification,
} from '@shared/domain/fieldwork';
import { referenceKey, type Control } from '@shared/domain/planning';
import type { Engagement } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import {
  continueRandom,
  continueStratified,
  continueSystematic,
  deriveSeed,
  recommendSampleSize,
  selectRandom,
  selectStratified,
  selectSystematic,
  strataByPeriod,
  type SampleSizeTable,
} from '@shared/domain/sampling';
import type { PopulationItem } from '@shared/import/population';
import { populationItems } from './populationReader';
import type { Actor, Mutation, Repository } from '../../db';
import { engagementRecords } from '../../db/queries';
import { updateRecord } from '../../db/records';
import { ensureRoomFor } from '../evidence/storage';
import type { HashedFile } from '../evidence/commands';

/** A change the auditor must correct first, worded for them. */
const refusal = (message: string) => new ValidationError(message, {});

// ---------------------------------------------------------------------------------------------------------
// Planning a test

export function recommendation(control: Control, populationSize: number | null, table?: SampleSizeTable) {
  return recommendSampleSize({
    frequency: control.frequency,
    nature: control.nature,
    risk: control.risk,
    populationSize,
    ...(table ? { table } : {}),
  });
}

export async function createTest(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  control: Control,
  table?: SampleSizeTable,
): Promise<ControlTest> {
  const existing = await engagementRecords<ControlTest>(repo.db, 'tests', engagement.id);
  const taken = new Set(existing.map((t) => referenceKey(t.reference)));
  const fields = emptyControlTestFields(control.id, testReference(control.reference, taken));
  const rec = recommendation(control, null, table);
  fields.objective = `To determine whether control ${control.reference}${control.title ? ` (${control.title})` : ''} operated effectively throughout the period.`;
  fields.sampling = {
    ...fields.sampling,
    recommendedSize: rec.size,
    basis: rec.basis,
    size: rec.size,
    census: rec.census,
  };
  if (control.nature === 'automated' || control.frequency === 'continuous') {
    fields.techniques = ['inquiry', 'inspection', 'reperformance'];
  }
  const [saved] = await repo.mutate(
    [{ entity: 'controlTest', op: 'create', fields: { ...fields, engagementId: engagement.id } }],
    actor,
  );
  return saved as ControlTest; // parsed by the test schema
}

export async function updateTest(
  repo: Repository,
  actor: Actor,
  test: ControlTest,
  patch: Partial<ControlTestFields>,
): Promise<ControlTest> {
  if (patch.conclusion) await refuseUntested(repo, { ...test, ...patch });
  return updateRecord(repo, actor, 'controlTest', test, patch);
}

/** A test is concluded only once every selected item is marked for every attribute. */
async function refuseUntested(repo: Repository, test: ControlTest): Promise<void> {
  if (test.attributes.length === 0) {
    throw refusal('Add the attributes you tested before concluding.');
  }
  const items = await liveItems(repo, test.id);
  if (items.length === 0) throw refusal('Select and test the sample before concluding.');
  const blank = items.reduce((n, item) => n + test.attributes.filter((a) => !item.marks[a.id]).length, 0);
  if (blank > 0) {
    throw refusal(
      `${blank} cell${blank === 1 ? ' is' : 's are'} not marked yet: mark every item for every attribute before concluding.`,
    );
  }
}

/** The sampling part after the population size changed: the recommendation follows, an override stays. */
function resample(
  test: ControlTest,
  control: Control,
  populationSize: number | null,
  table?: SampleSizeTable,
): Sampling {
  const rec = recommendation(control, populationSize, table);
  const followed = test.sampling.size === null || test.sampling.size === test.sampling.recommendedSize;
  return {
    ...test.sampling,
    recommendedSize: rec.size,
    basis: rec.basis,
    census: rec.census,
    size: followed ? rec.size : test.sampling.size,
    overrideRationale: followed ? '' : test.sampling.overrideRationale,
  };
}

async function currentTest(repo: Repository, test: ControlTest): Promise<ControlTest> {
  const stored = await repo.db.tests.get(test.id);
  if (!stored || stored.deleted) throw refusal('This test has been deleted.');
  return stored;
}

async function liveItems(repo: Repository, testId: string, includeDeleted = false): Promise<SampleItem[]> {
  const rows = await repo.db.sampleItems.where('testId').equals(testId).toArray();
  return (includeDeleted ? rows : rows.filter((r) => !r.deleted)).sort((a, b) => a.position - b.position);
}

function refuseIfSelected(items: readonly SampleItem[]): void {
  if (items.length > 0) {
    throw refusal(
      'A sample has already been selected from this population. Clear the selection first if the population really changed; the cleared items stay in the audit trail.',
    );
  }
}

/** A population entered as a count (simple populations: 12 monthly reviews). Items are numbered 1..N. */
export async function setPopulationCount(
  repo: Repository,
  actor: Actor,
  given: ControlTest,
  control: Control,
  count: number,
  description: string,
  table?: SampleSizeTable,
): Promise<ControlTest> {
  // The screen's copy may be a revision behind (an autosave just landed): work from the stored one.
  const test = await currentTest(repo, given);
  refuseIfSelected(await liveItems(repo, test.id));
  const population: Population = {
    ...test.population,
    source: 'count',
    description,
    count,
    evidenceId: null,
    sha256: null,
    fileName: '',
    sheet: '',
    headerRow: null,
    keyColumn: null,
    dateColumn: null,
    keyLabel: '',
    dateLabel: '',
    firstDate: null,
    lastDate: null,
    outsidePeriod: 0,
    undated: count,
  };
  // No revision check: the patch holds only the population and sampling, computed from the stored test,
  // and the repository applies it to the newest revision (an autosave of other fields may land first).
  const [saved] = await repo.mutate(
    [
      {
        entity: 'controlTest',
        op: 'update',
        id: test.id,
        patch: { population, sampling: resample(test, control, count, table) },
      },
    ],
    actor,
  );
  return (saved ?? test) as ControlTest;
}

export interface PopulationChoice {
  sheet: string;
  headerRow: number;
  keyColumn: number;
  dateColumn: number | null;
  keyLabel: string;
  dateLabel: string;
  description: string;
  /** How ambiguous dates (03/05/2026) are read; by default decided from the column. */
  dayOrder?: 'month-first' | 'day-first' | null;
}

export function engagementPeriod(e: Engagement): { start: string; end: string } | null {
  return e.kind === 'soc2-type2' && e.periodStart && e.periodEnd
    ? { start: e.periodStart, end: e.periodEnd }
    : null;
}

/**
 * Stores the population file as evidence (purpose "population", linked to the test; once per hash) and
 * records on the test what was read from it, in one write.
 */
export async function setPopulationFile(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  given: ControlTest,
  control: Control,
  file: HashedFile,
  choice: PopulationChoice,
  table?: SampleSizeTable,
): Promise<ControlTest> {
  // The screen's copy may be a revision behind (an autosave just landed): work from the stored one.
  const test = await currentTest(repo, given);
  refuseIfSelected(await liveItems(repo, test.id));
  const bytes = new Uint8Array(await file.file.arrayBuffer());
  const built = await populationItems(bytes, file.file.name, choice, engagementPeriod(engagement));
  const library = await engagementRecords<Evidence>(repo.db, 'evidence', engagement.id);
  const stored = (await repo.db.blobs.where('sha256').equals(file.sha256).count()) > 0;
  if (!stored) await ensureRoomFor(file.file.size);
  const mutations: Mutation[] = [];
  const link = { kind: 'test' as const, id: test.id };
  let evidenceId = library.find((e) => currentVersion(e).sha256 === file.sha256)?.id;
  const existing = library.find((e) => e.id === evidenceId);
  if (existing) {
    if (!existing.links.some((l) => l.kind === 'test' && l.id === test.id)) {
      mutations.push({
        entity: 'evidence',
        op: 'update',
        id: existing.id,
        patch: { links: [...existing.links, link] },
      });
    }
  } else {
    evidenceId = crypto.randomUUID();
    mutations.push({
      entity: 'evidence',
      op: 'create',
      id: evidenceId,
      fields: {
        engagementId: engagement.id,
        versions: [
          {
            sha256: file.sha256,
            fileName: file.file.name,
            mediaType: file.file.type,
            size: file.file.size,
            addedAt: new Date().toISOString(),
            addedBy: actor.id,
            note: '',
          },
        ],
        description: choice.description
          ? `Population: ${choice.description}`
          : `Population for ${test.reference}`,
        receivedOn: new Date().toISOString().slice(0, 10),
        asOf: null,
        source: 'client',
        requestId: null,
        sourcePerson: '',
        links: [link],
        purpose: 'population',
      },
    });
  }
  const population: Population = {
    ...test.population,
    source: 'file',
    description: choice.description,
    count: built.count,
    evidenceId: evidenceId ?? null,
    sha256: file.sha256,
    fileName: file.file.name,
    sheet: choice.sheet,
    headerRow: choice.headerRow,
    keyColumn: choice.keyColumn,
    dateColumn: choice.dateColumn,
    keyLabel: choice.keyLabel,
    dateLabel: choice.dateLabel,
    dayOrder: built.dayOrder,
    firstDate: built.summary.firstDate,
    lastDate: built.summary.lastDate,
    outsidePeriod: built.summary.outsidePeriod,
    undated: built.summary.undated,
    ipe: { ...test.population.ipe, recordCount: test.population.ipe.recordCount ?? built.count },
  };
  mutations.push({
    entity: 'controlTest',
    op: 'update',
    id: test.id,
    patch: { population, sampling: resample(test, control, built.count, table) },
  });
  const saved = await repo.mutate(
    mutations,
    actor,
    stored ? {} : { blobs: [{ sha256: file.sha256, blob: file.file }] },
  );
  return saved[saved.length - 1] as ControlTest; // the test update is last
}

/** The items of a test's population, in file order: read again from the stored file, or numbered 1..N. */
export async function loadPopulation(
  repo: Repository,
  engagement: Engagement,
  test: ControlTest,
): Promise<PopulationItem[]> {
  const p = test.population;
  if (p.source === 'count' && p.count !== null) {
    return Array.from({ length: p.count }, (_, i) => ({
      row: i + 1,
      key: String(i + 1),
      date: null,
      outsidePeriod: false,
    }));
  }
  if (p.source !== 'file' || !p.sha256 || p.keyColumn === null || p.headerRow === null) {
    throw refusal('Record the population first: import the client’s file or enter the number of items.');
  }
  const row = await repo.db.blobs.get(p.sha256);
  if (!row) throw refusal('The population file is not stored on this computer; import it again.');
  const bytes = new Uint8Array(await (await repo.db.atRest.evidenceBytes(row)).arrayBuffer());
  const built = await populationItems(
    bytes,
    p.fileName,
    {
      sheet: p.sheet,
      headerRow: p.headerRow,
      keyColumn: p.keyColumn,
      dateColumn: p.dateColumn,
      dayOrder: p.dayOrder,
    },
    engagementPeriod(engagement),
  );
  if (built.count !== p.count) {
    throw refusal(
      `The population file now reads as ${built.count} items, not the ${p.count ?? 0} recorded. Import it again to check it.`,
    );
  }
  return built.items;
}

/** The seed anyone can recompute: engagement id, control reference and the population's hash (or count). */
export function defaultSeed(engagement: Engagement, control: Control, test: ControlTest): Promise<string> {
  const p = test.population;
  return deriveSeed(engagement.id, control.reference, p.sha256 ?? `count:${p.count ?? 0}`);
}

// ---------------------------------------------------------------------------------------------------------
// Selection

export interface SelectionOptions {
  method: Sampling['method'];
  stratify: Stratification;
  /** Empty: the default seed. */
  seed: string;
  /** Manual selection: the keys picked, in the order picked. */
  manualKeys?: readonly string[];
}

function itemFields(
  test: ControlTest,
  item: PopulationItem,
  index: number | null,
  position: number,
  batch: number,
  stratum: string,
): SampleItemFields & { engagementId: string } {
  return {
    engagementId: test.engagementId,
    testId: test.id,
    position,
    populationIndex: index,
    row: item.row,
    key: item.key.slice(0, 300),
    date: item.date,
    batch,
    stratum,
    outsidePeriod: item.outsidePeriod,
    marks: {},
    note: '',
  };
}

/** Picks the keys typed by the auditor from the population; unknown or repeated keys are named. */
export function matchManualKeys(population: readonly PopulationItem[], keys: readonly string[]) {
  const byKey = new Map<string, number>();
  population.forEach((item, i) => {
    const k = item.key.trim().toLocaleUpperCase();
    if (!byKey.has(k)) byKey.set(k, i);
  });
  const indices: number[] = [];
  const unknown: string[] = [];
  const seen = new Set<number>();
  for (const raw of keys) {
    const key = raw.trim();
    if (!key) continue;
    const index = byKey.get(key.toLocaleUpperCase());
    if (index === undefined) unknown.push(key);
    else if (!seen.has(index)) {
      seen.add(index);
      indices.push(index);
    }
  }
  return { indices, unknown };
}

export async function selectSample(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  given: ControlTest,
  control: Control,
  options: SelectionOptions,
): Promise<SampleItem[]> {
  // The screen's copy may be a revision behind (an autosave just landed): work from the stored one.
  const test = await currentTest(repo, given);
  refuseIfSelected(await liveItems(repo, test.id));
  const population = await loadPopulation(repo, engagement, test);
  const N = population.length;
  if (N === 0) throw refusal('The population is empty: there is nothing to sample.');
  const seed = options.seed.trim() || (await defaultSeed(engagement, control, test));
  if (options.method !== 'manual' && test.sampling.size === null) {
    throw refusal('Enter the sample size first.');
  }
  const planned = test.sampling.size ?? 0;
  const size = Math.min(planned, N);
  if (options.method !== 'manual' && size < 1) throw refusal('Enter a sample size of at least 1.');
  let indices: number[];
  let strata: string[] = [];
  let interval: number | null = null;
  let start: number | null = null;
  if (options.method === 'manual') {
    const { indices: picked, unknown } = matchManualKeys(population, options.manualKeys ?? []);
    if (unknown.length > 0) {
      throw refusal(
        `Not in the population: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}.`,
      );
    }
    if (picked.length === 0) throw refusal('Enter the keys of the items you picked, one per line.');
    indices = picked;
  } else if (size >= N) {
    indices = population.map((_, i) => i); // census: every item
  } else if (options.method === 'systematic') {
    const s = selectSystematic({ populationSize: N, sampleSize: size, seed });
    indices = s.indices;
    interval = s.interval;
    start = s.start;
  } else if (options.stratify !== 'none') {
    strata = strataByPeriod(
      population.map((p) => p.date),
      options.stratify,
    );
    indices = selectStratified({ strata, sampleSize: size, seed }).indices;
  } else {
    indices = selectRandom({ populationSize: N, sampleSize: size, seed });
  }
  const at = new Date().toISOString();
  const mutations: Mutation[] = indices.map((index, i) => {
    const item = population[index];
    if (!item) throw new Error('selection outside the population');
    return {
      entity: 'sampleItem',
      op: 'create',
      fields: itemFields(test, item, index, i + 1, 0, strata[index] ?? ''),
    };
  });
  mutations.push({
    entity: 'controlTest',
    op: 'update',
    id: test.id,
    patch: {
      sampling: {
        ...test.sampling,
        method: options.method,
        size: options.method === 'manual' ? indices.length : planned,
        stratify: options.method === 'random' ? options.stratify : 'none',
        seed: options.method === 'manual' ? '' : seed,
        interval,
        start,
        selectedAt: at,
        selectedBy: actor.id,
        census: options.method !== 'manual' && size >= N,
        expansions: [],
      },
    },
  });
  const saved = await repo.mutate(mutations, actor);
  return saved.slice(0, indices.length) as SampleItem[];
}

/**
 * Adds items after an exception: the next items of the same seeded sequence (random), the same stratum
 * permutations (spread across the period), or the systematic expansion stream, never an item already
 * selected. Records why.
 */
export async function expandSample(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  given: ControlTest,
  additional: number,
  reason: string,
): Promise<SampleItem[]> {
  // The screen's copy may be a revision behind (an autosave just landed): work from the stored one.
  const test = await currentTest(repo, given);
  if (!reason.trim()) throw refusal('Say why the sample is expanded (e.g. "one exception in 25 items").');
  if (!Number.isInteger(additional) || additional < 1) throw refusal('Enter how many items to add.');
  const s = test.sampling;
  if (!s.selectedAt) throw refusal('Select the sample before expanding it.');
  if (s.method === 'manual') throw refusal('A manual selection is expanded by adding items by hand.');
  const all = await liveItems(repo, test.id, true); // cleared items too: never re-selected
  const population = await loadPopulation(repo, engagement, test);
  const N = population.length;
  const chosen = all.filter((i) => i.populationIndex !== null).map((i) => i.populationIndex as number);
  const remaining = N - new Set(chosen).size;
  if (remaining <= 0) throw refusal('Every item of the population is already in the sample.');
  const take = Math.min(additional, remaining);
  let indices: number[];
  let strata: string[] = [];
  const ordered = [...all].sort((a, b) => a.position - b.position).filter((i) => i.populationIndex !== null);
  if (s.method === 'systematic') {
    const first = ordered.filter((i) => i.batch === 0).map((i) => i.populationIndex as number);
    indices = continueSystematic({
      populationSize: N,
      seed: s.seed,
      selection: { indices: first },
      alreadyAdded: ordered.length - first.length,
      additional: take,
    });
  } else if (s.stratify !== 'none') {
    strata = strataByPeriod(
      population.map((p) => p.date),
      s.stratify,
    );
    const counts: Record<string, number> = {};
    for (const i of ordered) counts[i.stratum] = (counts[i.stratum] ?? 0) + 1;
    indices = continueStratified({ strata, seed: s.seed, alreadySelected: counts, additional: take }).indices;
  } else if (s.census) {
    throw refusal('The whole population was tested: there is nothing to add.');
  } else {
    indices = continueRandom({
      populationSize: N,
      seed: s.seed,
      alreadySelected: ordered.map((i) => i.populationIndex as number),
      additional: take,
    });
  }
  const batch = Math.max(0, ...all.map((i) => i.batch)) + 1;
  const firstPosition = Math.max(0, ...all.map((i) => i.position)) + 1;
  const mutations: Mutation[] = indices.map((index, i) => {
    const item = population[index];
    if (!item) throw new Error('selection outside the population');
    return {
      entity: 'sampleItem',
      op: 'create',
      fields: itemFields(test, item, index, firstPosition + i, batch, strata[index] ?? ''),
    };
  });
  mutations.push({
    entity: 'controlTest',
    op: 'update',
    id: test.id,
    patch: {
      sampling: {
        ...s,
        size: (s.size ?? 0) + indices.length,
        expansions: [
          ...s.expansions,
          { at: new Date().toISOString(), by: actor.id, additional: indices.length, reason: reason.trim() },
        ],
      },
    },
  });
  const saved = await repo.mutate(mutations, actor);
  return saved.slice(0, indices.length) as SampleItem[];
}

/** Clears the selection (tombstones the items, which stay in the audit trail) so it can be made again. */
export async function clearSelection(repo: Repository, actor: Actor, test: ControlTest): Promise<void> {
  const items = await liveItems(repo, test.id);
  const marked = items.filter((i) => Object.keys(i.marks).length > 0);
  if (marked.length > 0) {
    throw refusal(
      `${marked.length} sample item${marked.length === 1 ? ' has' : 's have'} tickmarks already; clear them first, or expand the sample instead.`,
    );
  }
  await repo.mutate(
    [
      ...items.map((i): Mutation => ({ entity: 'sampleItem', op: 'delete', id: i.id })),
      {
        entity: 'controlTest',
        op: 'update',
        id: test.id,
        patch: {
          sampling: {
            ...test.sampling,
            selectedAt: null,
            selectedBy: null,
            interval: null,
            start: null,
            expansions: [],
          },
        },
      },
    ],
    actor,
  );
}

/** Adds one item by hand (manual selection, or an item the auditor adds to a sample for a reason). */
export async function addManualItem(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  test: ControlTest,
  key: string,
): Promise<SampleItem> {
  const population = await loadPopulation(repo, engagement, test);
  const { indices, unknown } = matchManualKeys(population, [key]);
  if (unknown.length > 0 || indices.length === 0)
    throw refusal(`${key.trim() || 'That key'} is not in the population.`);
  const index = indices[0] as number;
  const all = await liveItems(repo, test.id);
  if (all.some((i) => i.populationIndex === index)) throw refusal(`${key.trim()} is already in the sample.`);
  const item = population[index] as PopulationItem;
  const position = Math.max(0, ...all.map((i) => i.position)) + 1;
  const batch = Math.max(0, ...all.map((i) => i.batch));
  const [saved] = await repo.mutate(
    [{ entity: 'sampleItem', op: 'create', fields: itemFields(test, item, index, position, batch, '') }],
    actor,
  );
  return saved as SampleItem;
}

// ---------------------------------------------------------------------------------------------------------
// Tickmarks and exceptions

/**
 * Puts a mark in one cell. An exception mark creates an exception for the test or joins the open one for
 * the same attribute (or already holding the item); removing the last exception mark of an item takes
 * it off its exceptions, and an exception left without items is deleted (kept as a tombstone).
 */
export async function setMark(
  repo: Repository,
  actor: Actor,
  test: ControlTest,
  itemId: string,
  attributeId: string,
  markId: string | null,
  legend: readonly LegendEntry[],
): Promise<void> {
  // Read the item now, not from the screen: marks typed quickly one after another must all land.
  const item = await repo.db.sampleItems.get(itemId);
  if (!item || item.deleted) throw refusal('This sample item is no longer in the sample.');
  const marks = { ...item.marks };
  if (markId) marks[attributeId] = markId;
  else delete marks[attributeId];
  if ((item.marks[attributeId] ?? null) === markId) return;
  const wasException = markOutcome(item.marks[attributeId] ?? '', legend) === 'exception';
  const isException = markId ? markOutcome(markId, legend) === 'exception' : false;
  const mutations: Mutation[] = [
    { entity: 'sampleItem', op: 'update', id: item.id, patch: { marks }, expectedRev: item.rev },
  ];
  if (wasException !== isException) {
    const exceptions = (await repo.db.exceptions.where('testId').equals(test.id).toArray()).filter(
      (e) => !e.deleted,
    );
    if (isException) mutations.push(...(await joinException(repo, test, item, attributeId, exceptions)));
    else mutations.push(...leaveExceptions(item, marks, legend, exceptions));
  }
  await repo.mutate(mutations, actor);
}

async function joinException(
  repo: Repository,
  test: ControlTest,
  item: SampleItem,
  attributeId: string,
  exceptions: readonly ControlException[],
): Promise<Mutation[]> {
  const open = exceptions.filter((e) => e.status === 'open');
  const target =
    open.find((e) => e.sampleItemIds.includes(item.id)) ??
    open.find((e) => e.attributeIds.includes(attributeId));
  if (target) {
    return [
      {
        entity: 'exception',
        op: 'update',
        id: target.id,
        patch: {
          sampleItemIds: target.sampleItemIds.includes(item.id)
            ? target.sampleItemIds
            : [...target.sampleItemIds, item.id],
          attributeIds: target.attributeIds.includes(attributeId)
            ? target.attributeIds
            : [...target.attributeIds, attributeId],
        },
      },
    ];
  }
  const everyNumber = await engagementRecords<ControlException>(repo.db, 'exceptions', test.engagementId, {
    includeDeleted: true,
  });
  return [
    {
      entity: 'exception',
      op: 'create',
      fields: {
        engagementId: test.engagementId,
        number: nextExceptionNumber(everyNumber),
        testId: test.id,
        controlId: test.controlId,
        description: '',
        type: 'operating',
        sampleItemIds: [item.id],
        attributeIds: [attributeId],
        rootCause: '',
        compensatingControls: '',
        compensatingControlIds: [],
        managementResponse: '',
        nature: null,
        severity: null,
        status: 'open',
      },
    },
  ];
}

function leaveExceptions(
  item: SampleItem,
  marks: Record<string, string>,
  legend: readonly LegendEntry[],
  exceptions: readonly ControlException[],
): Mutation[] {
  const out: Mutation[] = [];
  for (const e of exceptions) {
    if (!e.sampleItemIds.includes(item.id)) continue;
    const stillException = e.attributeIds.some((a) => markOutcome(marks[a] ?? '', legend) === 'exception');
    if (stillException) continue;
    const sampleItemIds = e.sampleItemIds.filter((id) => id !== item.id);
    if (sampleItemIds.length === 0 && e.status === 'open')
      out.push({ entity: 'exception', op: 'delete', id: e.id });
    else out.push({ entity: 'exception', op: 'update', id: e.id, patch: { sampleItemIds } });
  }
  return out;
}

export function updateSampleItem(
  repo: Repository,
  actor: Actor,
  item: SampleItem,
  patch: Partial<SampleItemFields>,
) {
  return updateRecord(repo, actor, 'sampleItem', item, patch);
}

export function updateException(
  repo: Repository,
  actor: Actor,
  exception: ControlException,
  patch: Partial<ControlException>,
) {
  return updateRecord(repo, actor, 'exception', exception, patch);
}

/**
 * Deletes a test with its sample items and exceptions (tombstones: exception numbers stay reserved and the
 * audit trail keeps everything). Returns what was deleted, for Undo.
 */
export async function deleteTest(repo: Repository, actor: Actor, test: ControlTest): Promise<Mutation[]> {
  const items = await liveItems(repo, test.id);
  const exceptions = (await repo.db.exceptions.where('testId').equals(test.id).toArray()).filter(
    (e) => !e.deleted,
  );
  const mutations: Mutation[] = [
    ...items.map((i): Mutation => ({ entity: 'sampleItem', op: 'delete', id: i.id })),
    ...exceptions.map((e): Mutation => ({ entity: 'exception', op: 'delete', id: e.id })),
    { entity: 'controlTest', op: 'delete', id: test.id },
  ];
  await repo.mutate(mutations, actor);
  return mutations.map((m) => ({ ...m, op: 'restore' }) as Mutation);
}
