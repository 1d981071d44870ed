/**
 * Workpapers and the content a sign-off is bound to. A workpaper is a test, a walkthrough, an interview,
 * the control matrix, a system description section (or management's assertion), the request list or the
 * report draft. Its canonical content is the workpaper's own fields, its live child records (sample
 * items, the tickmarks they use, exceptions) and the files of its linked evidence (by SHA-256), without
 * bookkeeping (revisions, stamps, clocks): the same content always gives the same hash on any laptop,
 * and any change to what the auditor sees gives a different one.
 */
import { canonicalJson } from '../canonical-json';
import { sha256Hex } from '../hash';
import type { EvidenceLinkKind, Evidence } from '../fieldwork/evidence';
import { ASSERTION_KEY, DESCRIPTION_SECTIONS, sectionsFor } from '../planning/description';
import { live, type PartialSnapshot, type SnapshotTable } from '../snapshot';
import { META_FIELDS } from '../records/base';

export const WORKPAPER_KINDS = [
  'test',
  'walkthrough',
  'interview',
  'control-matrix',
  'description',
  'request-list',
  'report-draft',
  'addendum',
] as const;
export type WorkpaperKind = (typeof WORKPAPER_KINDS)[number];
export const WORKPAPER_KIND_LABELS: Record<WorkpaperKind, string> = {
  test: 'Test of controls',
  walkthrough: 'Walkthrough',
  interview: 'Interview',
  'control-matrix': 'Control matrix',
  description: 'System description',
  'request-list': 'Request list',
  'report-draft': 'Report draft',
  addendum: 'Addendum',
};

/** The screen a workpaper lives on (a route area and the item to open there). */
export interface WorkpaperLocation {
  area: 'tests' | 'walkthroughs' | 'interviews' | 'controls' | 'description' | 'requests' | 'finalize';
  item?: string;
}

export interface WorkpaperInfo {
  key: string;
  kind: WorkpaperKind;
  /** The index reference on the workpaper header, e.g. `T-CC6.1-01`, `WT-02`, `D-3`, `CM`. */
  reference: string;
  title: string;
  location: WorkpaperLocation;
}

export function parseWorkpaperKey(key: string): { kind: WorkpaperKind; id: string | null } {
  const colon = key.indexOf(':');
  const kind = (colon < 0 ? key : key.slice(0, colon)) as WorkpaperKind;
  return { kind, id: colon < 0 ? null : key.slice(colon + 1) };
}

export function workpaperKey(kind: WorkpaperKind, id?: string): string {
  return id ? `${kind}:${id}` : kind;
}

/** The tables a workpaper's content is built from (a sign-off check reads only these). */
export const WORKPAPER_TABLES: Record<WorkpaperKind, readonly SnapshotTable[]> = {
  test: ['tests', 'sampleItems', 'exceptions', 'tickmarks', 'evidence'],
  walkthrough: ['walkthroughs', 'evidence'],
  interview: ['interviews', 'evidence'],
  'control-matrix': ['controls', 'evidence'],
  description: [
    'descriptionSections',
    'criterionScopes',
    'subserviceOrgs',
    'csocs',
    'userEntityControls',
    'controls',
  ],
  'request-list': ['requests', 'evidence'],
  'report-draft': [
    'criterionScopes',
    'subserviceOrgs',
    'csocs',
    'userEntityControls',
    'tests',
    'exceptions',
    'controls',
  ],
  addendum: ['addenda'],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Records ordered as they were created (uuidv7 ids sort by time; createdAt breaks nothing). */
function byCreation<T extends { id: string; createdAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Index references of interviews and walkthroughs: position among all ever created, so they never shift. */
function sequenceReferences(rows: readonly { id: string; createdAt: string }[], prefix: string) {
  return new Map(byCreation(rows).map((r, i) => [r.id, `${prefix}-${pad(i + 1)}`]));
}

export function descriptionReference(key: string): string {
  if (key === ASSERTION_KEY) return 'MA';
  const index = DESCRIPTION_SECTIONS.findIndex((s) => s.key === key);
  return `D-${index + 1}`;
}

function descriptionTitle(key: string): string {
  if (key === ASSERTION_KEY) return "Management's assertion";
  return DESCRIPTION_SECTIONS.find((s) => s.key === key)?.title ?? key;
}

/**
 * Every workpaper of the engagement in index order: control matrix, request list, description sections,
 * interviews, walkthroughs, tests, report draft. Deleted records have no workpaper.
 */
export function listWorkpapers(s: PartialSnapshot): WorkpaperInfo[] {
  const out: WorkpaperInfo[] = [
    {
      key: 'control-matrix',
      kind: 'control-matrix',
      reference: 'CM',
      title: 'Control matrix',
      location: { area: 'controls' },
    },
    {
      key: 'request-list',
      kind: 'request-list',
      reference: 'PBC',
      title: 'Request list (PBC)',
      location: { area: 'requests' },
    },
  ];
  for (const key of [ASSERTION_KEY, ...sectionsFor(s.engagement.kind).map((d) => d.key)]) {
    out.push({
      key: workpaperKey('description', key),
      kind: 'description',
      reference: descriptionReference(key),
      title: descriptionTitle(key),
      location: { area: 'description', item: key },
    });
  }
  const interviewRefs = sequenceReferences(s.interviews ?? [], 'INT');
  for (const r of byCreation(live(s.interviews))) {
    out.push({
      key: workpaperKey('interview', r.id),
      kind: 'interview',
      reference: interviewRefs.get(r.id) ?? 'INT',
      title: r.title,
      location: { area: 'interviews', item: r.id },
    });
  }
  const walkthroughRefs = sequenceReferences(s.walkthroughs ?? [], 'WT');
  for (const r of byCreation(live(s.walkthroughs))) {
    out.push({
      key: workpaperKey('walkthrough', r.id),
      kind: 'walkthrough',
      reference: walkthroughRefs.get(r.id) ?? 'WT',
      title: r.title,
      location: { area: 'walkthroughs', item: r.id },
    });
  }
  const controls = new Map((s.controls ?? []).map((c) => [c.id, c]));
  const tests = live(s.tests).sort((a, b) =>
    a.reference.localeCompare(b.reference, undefined, { numeric: true }),
  );
  for (const t of tests) {
    const control = controls.get(t.controlId);
    out.push({
      key: workpaperKey('test', t.id),
      kind: 'test',
      reference: t.reference,
      title: control
        ? `Test of ${control.reference}${control.title.trim() ? ` — ${control.title.trim()}` : ''}`
        : 'Test of controls',
      location: { area: 'tests', item: t.id },
    });
  }
  out.push({
    key: 'report-draft',
    kind: 'report-draft',
    reference: 'RPT',
    title: 'Report draft (opinion, scope, results by criterion)',
    location: { area: 'finalize' },
  });
  return out;
}

/** One workpaper's header information; `undefined` when it no longer exists (a deleted test). */
export function describeWorkpaper(s: PartialSnapshot, key: string): WorkpaperInfo | undefined {
  const { kind, id } = parseWorkpaperKey(key);
  if (kind === 'addendum') {
    const a = (s.addenda ?? []).find((x) => x.id === id);
    return a
      ? {
          key,
          kind,
          reference: `AD-${a.number}`,
          title: 'Addendum',
          location: { area: 'finalize' },
        }
      : undefined;
  }
  return listWorkpapers(s).find((w) => w.key === key);
}

/** A record's fields without its bookkeeping; `id` is kept so child records stay distinguishable. */
function content<T extends object>(record: T): Record<string, unknown> {
  const copy = { ...record } as Record<string, unknown>; // a stored record: plain own fields
  for (const f of META_FIELDS) if (f !== 'id') delete copy[f];
  return copy;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The linked evidence files, by content hash, with only the links that point into this workpaper. */
function linkedEvidence(
  evidence: readonly Evidence[] | undefined,
  matches: (kind: EvidenceLinkKind, id: string) => boolean,
  alsoRequestIds?: ReadonlySet<string>,
) {
  return live(evidence)
    .map((e) => ({ e, links: e.links.filter((l) => matches(l.kind, l.id)) }))
    .filter(
      ({ e, links }) =>
        links.length > 0 || (alsoRequestIds && e.requestId && alsoRequestIds.has(e.requestId)),
    )
    .sort((a, b) => byId(a.e, b.e))
    .map(({ e, links }) => ({
      id: e.id,
      files: e.versions.map((v) => ({ sha256: v.sha256, fileName: v.fileName, size: v.size })),
      description: e.description,
      receivedOn: e.receivedOn,
      asOf: e.asOf,
      links,
    }));
}

/**
 * The canonical content of a workpaper: what a sign-off's hash covers. Throws when the workpaper does
 * not exist (a sign-off can only be given to something that is there).
 */
export function workpaperContent(s: PartialSnapshot, key: string): unknown {
  const { kind, id } = parseWorkpaperKey(key);
  const missing = () => new Error('This workpaper no longer exists.');
  switch (kind) {
    case 'test': {
      const test = live(s.tests).find((t) => t.id === id);
      if (!test) throw missing();
      const items = live(s.sampleItems)
        .filter((i) => i.testId === id)
        .sort((a, b) => a.position - b.position || byId(a, b));
      const itemIds = new Set(items.map((i) => i.id));
      const used = new Set(items.flatMap((i) => Object.values(i.marks)));
      return {
        kind,
        test: content(test),
        sampleItems: items.map(content),
        tickmarks: (s.tickmarks ?? [])
          .filter((t) => used.has(t.id))
          .sort(byId)
          .map(content),
        exceptions: live(s.exceptions)
          .filter((e) => e.testId === id)
          .sort(byId)
          .map(content),
        evidence: linkedEvidence(
          s.evidence,
          (k, linked) => (k === 'test' && linked === id) || (k === 'sample-item' && itemIds.has(linked)),
        ),
      };
    }
    case 'walkthrough':
    case 'interview': {
      const rows = kind === 'walkthrough' ? s.walkthroughs : s.interviews;
      const record = live<{ id: string; deleted: boolean }>(
        rows as { id: string; deleted: boolean }[] | undefined,
      ).find((r) => r.id === id);
      if (!record) throw missing();
      return {
        kind,
        record: content(record),
        evidence: linkedEvidence(s.evidence, (k, linked) => k === kind && linked === id),
      };
    }
    case 'control-matrix': {
      const controls = live(s.controls).sort(byId);
      const ids = new Set(controls.map((c) => c.id));
      return {
        kind,
        controls: controls.map(content),
        evidence: linkedEvidence(s.evidence, (k, linked) => k === 'control' && ids.has(linked)),
      };
    }
    case 'request-list': {
      const requests = live(s.requests).sort((a, b) => a.number - b.number);
      const ids = new Set(requests.map((r) => r.id));
      return {
        kind,
        requests: requests.map(content),
        evidence: linkedEvidence(s.evidence, (k, linked) => k === 'request' && ids.has(linked), ids),
      };
    }
    case 'description': {
      const section = live(s.descriptionSections).find((d) => d.key === id);
      const generated = DESCRIPTION_SECTIONS.find((d) => d.key === id)?.generated;
      // Generated sections are filled from other records: those are part of what was signed.
      const inputs =
        generated === 'not-applicable'
          ? { criterionScopes: live(s.criterionScopes).sort(byId).map(content) }
          : generated === 'subservice'
            ? {
                subserviceOrgs: live(s.subserviceOrgs).sort(byId).map(content),
                csocs: live(s.csocs).sort(byId).map(content),
              }
            : generated === 'cuecs'
              ? { userEntityControls: live(s.userEntityControls).sort(byId).map(content) }
              : generated === 'controls'
                ? { controls: live(s.controls).sort(byId).map(content) }
                : {};
      return { kind, key: id, section: section ? content(section) : null, ...inputs };
    }
    case 'report-draft': {
      const e = s.engagement;
      return {
        kind,
        engagement: {
          serviceOrganization: e.serviceOrganization,
          systemName: e.systemName,
          kind: e.kind,
          asOfDate: e.asOfDate,
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
          categories: e.categories,
          firm: e.firm,
          engagementPartner: e.engagementPartner,
          reportDate: e.reportDate,
          // The opinion, its basis and the firm's wording of the report (issue 6).
          report: e.report,
        },
        criterionScopes: live(s.criterionScopes).sort(byId).map(content),
        subserviceOrgs: live(s.subserviceOrgs).sort(byId).map(content),
        csocs: live(s.csocs).sort(byId).map(content),
        userEntityControls: live(s.userEntityControls).sort(byId).map(content),
        controls: live(s.controls)
          .sort(byId)
          .map((c) => ({
            id: c.id,
            reference: c.reference,
            description: c.description,
            criteria: c.criteria,
          })),
        results: live(s.tests)
          .sort(byId)
          .map((t) => ({
            id: t.id,
            controlId: t.controlId,
            conclusion: t.conclusion,
            resultText: t.resultText,
          })),
        managementResponses: live(s.exceptions)
          .sort(byId)
          .map((x) => ({ id: x.id, managementResponse: x.managementResponse })),
      };
    }
    case 'addendum': {
      const a = live(s.addenda).find((x) => x.id === id);
      if (!a) throw missing();
      return { kind, addendum: content(a) };
    }
    default:
      throw missing();
  }
}

/** SHA-256 of a workpaper's canonical content. */
export function hashWorkpaper(s: PartialSnapshot, key: string): Promise<string> {
  return sha256Hex(canonicalJson(workpaperContent(s, key)));
}

/**
 * Ids of every record (tombstones included) whose audit events belong to this workpaper's history: the
 * "what changed since sign-off" view reads the trail for these.
 */
export function workpaperRecordIds(s: PartialSnapshot, key: string): Set<string> {
  const { kind, id } = parseWorkpaperKey(key);
  const ids = new Set<string>();
  const linkedTo = (matches: (kind: EvidenceLinkKind, id: string) => boolean) => {
    for (const e of s.evidence ?? []) if (e.links.some((l) => matches(l.kind, l.id))) ids.add(e.id);
  };
  switch (kind) {
    case 'test': {
      if (id) ids.add(id);
      const items = (s.sampleItems ?? []).filter((i) => i.testId === id);
      const itemIds = new Set(items.map((i) => i.id));
      for (const i of items) ids.add(i.id);
      for (const x of s.exceptions ?? []) if (x.testId === id) ids.add(x.id);
      const used = new Set(items.flatMap((i) => Object.values(i.marks)));
      for (const t of s.tickmarks ?? []) if (used.has(t.id)) ids.add(t.id);
      linkedTo(
        (k, linked) => (k === 'test' && linked === id) || (k === 'sample-item' && itemIds.has(linked)),
      );
      break;
    }
    case 'walkthrough':
    case 'interview':
      if (id) ids.add(id);
      linkedTo((k, linked) => k === kind && linked === id);
      break;
    case 'control-matrix': {
      for (const c of s.controls ?? []) ids.add(c.id);
      linkedTo((k) => k === 'control');
      break;
    }
    case 'request-list': {
      for (const r of s.requests ?? []) ids.add(r.id);
      linkedTo((k) => k === 'request');
      break;
    }
    case 'description': {
      for (const d of s.descriptionSections ?? []) if (d.key === id) ids.add(d.id);
      const generated = DESCRIPTION_SECTIONS.find((d) => d.key === id)?.generated;
      if (generated === 'not-applicable') for (const c of s.criterionScopes ?? []) ids.add(c.id);
      if (generated === 'subservice') {
        for (const r of s.subserviceOrgs ?? []) ids.add(r.id);
        for (const r of s.csocs ?? []) ids.add(r.id);
      }
      if (generated === 'cuecs') for (const r of s.userEntityControls ?? []) ids.add(r.id);
      if (generated === 'controls') for (const r of s.controls ?? []) ids.add(r.id);
      break;
    }
    case 'report-draft': {
      ids.add(s.engagement.id);
      for (const table of [
        'criterionScopes',
        'subserviceOrgs',
        'csocs',
        'userEntityControls',
        'tests',
        'exceptions',
        'controls',
      ] as const) {
        for (const r of s[table] ?? []) ids.add(r.id);
      }
      break;
    }
    case 'addendum':
      if (id) ids.add(id);
      break;
  }
  return ids;
}
