/** "What changed since sign-off": which events count, and how each reads to the reviewer. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/domain/audit';
import {
  emptyControlTestFields,
  type ControlException,
  type ControlTest,
  type Evidence,
  type SampleItem,
  type Tickmark,
} from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import {
  changeContext,
  changeContextOf,
  changeRecordName,
  changesSinceSignOff,
  describeWorkpaperChange,
  eventsAfterSignOff,
  fieldChangeInWords,
  signOffSeq,
  workpaperKey,
} from '../../../shared/domain/review';
import { trailCsvRows, TRAIL_CSV_HEADER } from '../../../shared/domain/audit';
import type { PartialSnapshot } from '../../../shared/domain/snapshot';
import { makeEngagement } from '../exports/request-list-fixture';

const AT = '2026-10-01T09:00:00.000Z';
const engagement = makeEngagement();
const meta = () => ({
  id: uuidv7(),
  engagementId: engagement.id,
  createdAt: AT,
  updatedAt: AT,
  updatedBy: engagement.updatedBy,
  rev: 1,
  clock: `${Date.parse(AT)}-0000-laptop-a`,
  deleted: false,
});

const ATTR_A = uuidv7();
const ATTR_B = uuidv7();
const CONTROL = uuidv7();
const test: ControlTest = {
  ...meta(),
  ...emptyControlTestFields(CONTROL, 'T-CM-01'),
  attributes: [
    { id: ATTR_A, text: 'Approved by a second engineer before deployment' },
    { id: ATTR_B, text: 'Approver is not the author' },
  ],
};
const item: SampleItem = {
  ...meta(),
  testId: test.id,
  position: 3,
  populationIndex: 41,
  row: 43,
  key: 'CHG-10042',
  date: '2026-03-04',
  batch: 0,
  stratum: '',
  outsidePeriod: false,
  marks: { [ATTR_A]: 'pass', [ATTR_B]: 'pass' },
  note: '',
};
const traced: Tickmark = { ...meta(), symbol: 'T', meaning: 'Traced to the ticket', outcome: 'pass' };
// Only the fields the descriptions read; the rest of an exception does not matter here.
const exception = { ...meta(), number: 2, testId: test.id } as unknown as ControlException;
const evidence = {
  ...meta(),
  description: 'Approval screenshot',
  links: [{ kind: 'sample-item', id: item.id }],
  versions: [{ fileName: 'approval.png', sha256: 'a'.repeat(64), size: 2048 }],
} as unknown as Evidence; // the fields the descriptions read
const snapshot: PartialSnapshot = {
  engagement,
  tests: [test],
  sampleItems: [item],
  exceptions: [exception],
  tickmarks: [traced],
  evidence: [evidence],
};
const key = workpaperKey('test', test.id);

let seq = 0;
function event(over: Partial<AuditEvent>): AuditEvent {
  seq += 1;
  return {
    chain: engagement.id,
    seq,
    at: new Date(Date.parse(AT) + seq * 60_000).toISOString(),
    actor: 'p-ana',
    actorName: 'Ana López',
    entity: 'sampleItem',
    entityId: item.id,
    op: 'update',
    changes: {},
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    ...over,
  };
}

const SIGN_OFF = uuidv7();
const before = event({ changes: { note: { before: '', after: 'early' } } });
const signed = event({ entity: 'signOff', entityId: SIGN_OFF, op: 'create', changes: {} });
const marked = event({
  actorName: 'Ben Okafor',
  changes: {
    marks: {
      before: { [ATTR_A]: 'pass', [ATTR_B]: 'pass' },
      after: { [ATTR_A]: traced.id, [ATTR_B]: 'exception' },
    },
  },
});
const added = event({
  entity: 'exception',
  entityId: exception.id,
  op: 'create',
  changes: {
    number: { before: null, after: 2 },
    sampleItemIds: { before: null, after: [item.id] },
    description: { before: null, after: '' },
  },
});
const LONG = 'The procedure was extended to cover emergency changes. '.repeat(12).trim();
const resampled = event({
  entity: 'controlTest',
  entityId: test.id,
  changes: {
    sampling: {
      before: { ...test.sampling, size: 25 },
      after: { ...test.sampling, size: 40, expansions: [] },
    },
    conclusion: { before: 'effective', after: null },
    procedure: { before: '', after: LONG },
    techniques: { before: ['inquiry'], after: ['inquiry', 'reperformance'] },
  },
});
const otherRecord = event({
  entity: 'control',
  entityId: CONTROL,
  changes: { owner: { before: 'a', after: 'b' } },
});
const relinked = event({
  entity: 'evidence',
  entityId: evidence.id,
  changes: { description: { before: '', after: 'Approval screenshot' } },
});
const removed = event({ op: 'delete', changes: { deleted: { before: false, after: true } } });
const all = [before, signed, marked, added, resampled, otherRecord, relinked, removed];

describe('the events after a sign-off', () => {
  it('finds the sign-off’s own event and keeps later events of the workpaper’s records, oldest first', () => {
    expect(signOffSeq([signed], engagement.id)).toBe(signed.seq);
    expect(signOffSeq([signed], 'another-engagement')).toBeNull();
    const ids = new Set([item.id, test.id, exception.id, evidence.id]);
    const kept = eventsAfterSignOff([...all].reverse(), { seq: signed.seq, at: signed.at }, ids);
    expect(kept.map((e) => e.seq)).toEqual([marked, added, resampled, relinked, removed].map((e) => e.seq));
  });

  it('falls back to the sign-off time when its event is missing', () => {
    const kept = eventsAfterSignOff(all, { seq: null, at: resampled.at }, new Set([item.id, test.id]));
    expect(kept.map((e) => e.seq)).toEqual([removed.seq]);
  });
});

describe('what changed since sign-off, in words', () => {
  const changes = changesSinceSignOff(snapshot, key, all, { seq: signed.seq, at: signed.at });

  it('lists every change to the test, its items, exceptions and evidence, and nothing else', () => {
    expect(changes.map((c) => [c.action, c.record])).toEqual([
      ['Changed', 'Sample item 3 (CHG-10042)'],
      ['Added', 'Exception EX-02'],
      ['Changed', 'Test T-CM-01'],
      ['Changed', 'Evidence file approval.png'],
      ['Deleted', 'Sample item 3 (CHG-10042)'],
    ]);
    expect(changes[0]).toMatchObject({ actorName: 'Ben Okafor', seq: marked.seq, at: marked.at });
  });

  it('reads tickmarks per attribute with their symbol and meaning', () => {
    expect(changes[0]?.fields).toEqual([
      {
        key: `marks.${ATTR_A}`,
        label: 'Tickmark A — Approved by a second engineer before deployment',
        before: { kind: 'text', text: '✓ (Inspected / agreed without exception)' },
        after: { kind: 'text', text: 'T (Traced to the ticket)' },
      },
      {
        key: `marks.${ATTR_B}`,
        label: 'Tickmark B — Approver is not the author',
        before: { kind: 'text', text: '✓ (Inspected / agreed without exception)' },
        after: { kind: 'text', text: 'X (Exception — see the exception record)' },
      },
    ]);
  });

  it('shows a new record’s values with ids named, and nested settings one by one', () => {
    expect(changes[1]?.fields).toEqual([
      { key: 'number', label: 'Number', before: { kind: 'empty' }, after: { kind: 'text', text: '2' } },
      {
        key: 'sampleItemIds',
        label: 'Items affected',
        before: { kind: 'empty' },
        after: { kind: 'list', items: ['Sample item 3 (CHG-10042)'] },
      },
    ]);
    const byLabel = new Map(changes[2]?.fields.map((f) => [f.label, f]));
    expect(byLabel.get('Sampling › Size')).toMatchObject({
      before: { kind: 'text', text: '25' },
      after: { kind: 'text', text: '40' },
    });
    expect(byLabel.has('Sampling › Expansions')).toBe(false); // unchanged
    expect(byLabel.get('Conclusion')).toMatchObject({
      before: { kind: 'text', text: 'Operating effectively' },
      after: { kind: 'empty' },
    });
    expect(byLabel.get('Techniques')?.after).toEqual({
      kind: 'list',
      items: ['Inquiry', 'Reperformance'],
    });
    // Long text is kept whole: the screen wraps it.
    expect(byLabel.get('Procedure')?.after).toEqual({ kind: 'text', text: LONG });
  });

  it('says a deletion without listing the tombstone flag', () => {
    expect(changes[4]?.fields).toEqual([]);
  });

  it('names records it cannot find by type and short id', () => {
    const ghost = uuidv7();
    const change = describeWorkpaperChange(
      event({ entity: 'walkthrough', entityId: ghost, changes: { title: { before: 'a', after: 'b' } } }),
      changeContext(snapshot),
    );
    expect(change.record).toBe(`Walkthrough …${ghost.slice(-8)}`);
  });
});

describe('record names', () => {
  it('reads as the auditor knows each record', () => {
    expect(changeRecordName('tickmark', traced)).toBe('Tickmark T (Traced to the ticket)');
    expect(changeRecordName('descriptionSection', { key: 'assertion' })).toBe(
      "Section “Management's assertion”",
    );
    expect(changeRecordName('request', { number: 7 })).toBe('Request PBC-007');
    expect(changeRecordName('control', { id: CONTROL, reference: 'CM-01' })).toBe('Control CM-01');
    expect(changeRecordName('engagement', engagement)).toBe('Engagement details');
  });
});

describe('the trail in words (event details and the CSV)', () => {
  // The trail viewer reads the tables itself and builds the same context from a list of records.
  const ctx = changeContextOf([
    { entity: 'engagement', record: engagement },
    { entity: 'controlTest', record: test },
    { entity: 'sampleItem', record: item },
    { entity: 'exception', record: exception },
    { entity: 'tickmark', record: traced },
    { entity: 'evidence', record: evidence },
  ]);

  it('names the same records and marks as the snapshot context', () => {
    expect(describeWorkpaperChange(marked, ctx)).toEqual(
      describeWorkpaperChange(marked, changeContext(snapshot)),
    );
    expect(ctx.labelOf(exception.id)).toBe('Exception EX-02');
  });

  it('writes each stored field as lines of words, the stored values kept beside them', () => {
    expect(fieldChangeInWords(marked, 'marks', ctx)).toBe(
      [
        'Tickmark A — Approved by a second engineer before deployment: ✓ (Inspected / agreed without exception) → T (Traced to the ticket)',
        'Tickmark B — Approver is not the author: ✓ (Inspected / agreed without exception) → X (Exception — see the exception record)',
      ].join('\n'),
    );
    expect(fieldChangeInWords(added, 'sampleItemIds', ctx)).toBe('Items affected: Sample item 3 (CHG-10042)');
    expect(fieldChangeInWords(resampled, 'conclusion', ctx)).toBe(
      'Conclusion: Operating effectively → (empty)',
    );
    expect(fieldChangeInWords(resampled, 'missing', ctx)).toBe('');

    const rows = trailCsvRows(
      [marked],
      () => 'Sample item 3',
      (e, field) => fieldChangeInWords(e, field, ctx),
    );
    const words = TRAIL_CSV_HEADER.indexOf('change in words');
    const before = TRAIL_CSV_HEADER.indexOf('before');
    expect(rows[1]?.[before]).toBe(JSON.stringify(marked.changes.marks?.before));
    expect(rows[1]?.[words]).toContain('T (Traced to the ticket)');
  });
});

describe('stored codes, people, dates and targets in words', () => {
  const ANA = uuidv7();
  const ctx = changeContextOf([
    { entity: 'controlTest', record: test },
    { entity: 'sampleItem', record: item },
    { entity: 'profile', record: { id: ANA, fullName: 'Ana López', role: 'senior' } },
  ]);
  const words = (e: AuditEvent) =>
    describeWorkpaperChange(e, ctx).fields.map((f) => [f.label, f.before, f.after]);

  it('reads a sign-off: level, role, the person, the workpaper and the time as the screens show them', () => {
    const signedAt = new Date(2026, 9, 1, 9, 5, 7).toISOString();
    const fields = words(
      event({
        entity: 'signOff',
        entityId: uuidv7(),
        op: 'create',
        changes: {
          level: { before: null, after: 'reviewer' },
          role: { before: null, after: 'senior' },
          profileId: { before: null, after: ANA },
          workpaper: { before: null, after: key },
          signedAt: { before: null, after: signedAt },
        },
      }),
    );
    expect(fields.map(([, , after]) => after)).toEqual([
      { kind: 'text', text: 'Reviewer' },
      { kind: 'text', text: 'Senior' },
      { kind: 'text', text: 'Ana López' },
      { kind: 'text', text: 'Test T-CM-01' },
      { kind: 'text', text: '1 Oct 2026, 09:05:07' },
    ]);
  });

  it('reads codes by record type: a control’s frequency is not an exception’s nature', () => {
    const control = event({
      entity: 'control',
      entityId: CONTROL,
      changes: {
        frequency: { before: 'daily', after: 'semi-annual' },
        nature: { before: 'manual', after: null },
      },
    });
    expect(words(control)).toEqual([
      ['Frequency', { kind: 'text', text: 'Daily' }, { kind: 'text', text: 'Semi-annual' }],
      ['Nature', { kind: 'text', text: 'Manual' }, { kind: 'empty' }],
    ]);
    // A review note's target by its label, its assignee by name, its status in words.
    const note = event({
      entity: 'reviewNote',
      entityId: uuidv7(),
      changes: {
        target: {
          before: { kind: 'workpaper' },
          after: { kind: 'sample-item', id: item.id, label: 'Item 3 — CHG-10042' },
        },
        assignedTo: { before: null, after: ANA },
        status: { before: 'open', after: 'responded' },
      },
    });
    expect(words(note)).toEqual([
      ['Target', { kind: 'text', text: 'Whole workpaper' }, { kind: 'text', text: 'Item 3 — CHG-10042' }],
      ['Assigned to', { kind: 'empty' }, { kind: 'text', text: 'Ana López' }],
      ['Status', { kind: 'text', text: 'Open' }, { kind: 'text', text: 'Responded' }],
    ]);
  });
});
