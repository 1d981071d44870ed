/**
 * What the Share & merge screens say and decide, on real plans (two databases, the real codec and merge):
 * the action and summary wording of the preview, the conflict labels, "use mine / theirs for all", the
 * confirm button, the passphrase checks and the backup reminder.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource, memorySink } from '../../shared/exchange/io';
import { openPackage, writePackage } from '../../shared/exchange/package';
import { emptyRequestFields } from '../../shared/domain/planning';
import { applyImport, buildPackageInput, planImport, type ImportPlan } from '../../renderer/db/exchange';
import { createEngagement } from '../../renderer/features/engagements/commands';
import {
  ACTION_WORDS,
  allConflicts,
  confirmLabel,
  conflictRecordLabel,
  conflictsHeading,
  countWords,
  keptSides,
  offersBoth,
  fieldPathLabel,
  resolveAll,
  snapshotLabels,
  summaryWords,
  unresolvedCount,
} from '../../renderer/features/exchange/importView';
import { passphraseProblem, passphraseStrength } from '../../renderer/features/exchange/passphrase';
import { backupReminder, reminderDaysOf } from '../../renderer/features/exchange/backupReminder';
import { backupSettingsProblem } from '../../renderer/features/settings/backupSettings';
import { freshRepo, type2Input } from './helpers';

type Ctx = Awaited<ReturnType<typeof freshRepo>>;

async function fileFrom(ctx: Ctx, id: string): Promise<Uint8Array> {
  const input = await buildPackageInput(ctx.db, ctx.repo, {
    kind: 'engagement',
    engagementIds: [id],
    actor: ctx.actor,
    appVersion: 'test',
  });
  const sink = memorySink();
  await writePackage(sink, input);
  return sink.bytes();
}

async function planFor(ctx: Ctx, bytes: Uint8Array): Promise<ImportPlan> {
  return planImport(ctx.db, ctx.repo, await openPackage(bytesSource(bytes)));
}

/** Two laptops with the same engagement: both change its notes, one deletes a request the other renames. */
async function conflictingCopies() {
  const a = await freshRepo();
  const e = await createEngagement(a.repo, a.actor, type2Input());
  const [request] = await a.repo.mutate(
    [
      {
        entity: 'request',
        op: 'create',
        fields: { ...emptyRequestFields(7), engagementId: e.id, title: 'HR list' },
      },
    ],
    a.actor,
  );
  const requestId = String(request?.id);
  const b = await freshRepo();
  const first = await planFor(b, await fileFrom(a, e.id));
  const pkg = await openPackage(bytesSource(await fileFrom(a, e.id)));
  await applyImport(
    b.db,
    b.repo,
    pkg,
    first,
    { resolutions: {}, fileName: 'a.fieldwork', evidenceBlob: async () => new Blob([]) },
    b.actor,
  );
  await a.repo.mutate(
    [
      {
        entity: 'engagement',
        op: 'update',
        id: e.id,
        patch: { notes: 'Line one of mine.\nLine two of mine.' },
      },
      { entity: 'request', op: 'delete', id: requestId },
    ],
    a.actor,
  );
  await b.repo.mutate(
    [
      {
        entity: 'engagement',
        op: 'update',
        id: e.id,
        patch: { notes: 'Their first line.\nTheir second line.' },
      },
      { entity: 'request', op: 'update', id: requestId, patch: { title: 'HR list (terminations)' } },
    ],
    b.actor,
  );
  return { a, b, engagementId: e.id, requestId, first };
}

describe('the import preview in words', () => {
  it('names a new engagement, what it holds, and offers Import', async () => {
    const { first } = await conflictingCopies();
    expect(first.engagements.map((p) => ACTION_WORDS[p.action])).toEqual([
      'New engagement: it will be added.',
    ]);
    expect(confirmLabel(first)).toBe('Import');
    expect(countWords({ controls: 0, requests: 1, tests: 2 })).toBe('2 tests · 1 request');
    expect(countWords({})).toBe('No records yet');
  });

  it('lists both conflicts with readable records and fields; Merge only when all are resolved', async () => {
    const { a, b, engagementId } = await conflictingCopies();
    const plan = await planFor(a, await fileFrom(b, engagementId));
    const [p] = plan.engagements;
    expect(p?.action).toBe('merge');
    expect(ACTION_WORDS.merge).toBe('Same engagement: changes will be merged.');
    expect(confirmLabel(plan)).toBe('Merge');
    expect(summaryWords(p?.merge?.summary ?? never())).toContain('2 conflicts');
    expect(conflictsHeading(allConflicts(plan).map((c) => c.conflict))).toBe(
      '2 conflicts: changed on both sides, or deleted on one side and edited on the other',
    );

    const conflicts = allConflicts(plan).map((c) => c.conflict);
    const labels = snapshotLabels(p?.incoming.snapshot ?? never());
    const described = conflicts.map((c) => [
      conflictRecordLabel(c, labels),
      c.kind === 'field' ? fieldPathLabel(c.path, labels) : c.deletedBy,
    ]);
    expect(described).toEqual(
      expect.arrayContaining([
        ['Engagement Acme Cloud, Inc.', 'Notes'],
        ['Request PBC-007', 'mine'],
      ]),
    );
    const notes = conflicts.find((c) => c.kind === 'field');
    expect(notes?.kind === 'field' && notes.longText).toBe(true);
    expect(offersBoth(conflicts)).toBe(true);
    const deletion = conflicts.find((c) => c.kind === 'delete') ?? never();
    expect(conflictsHeading([deletion])).toBe('1 conflict: deleted on one side and edited on the other');
    expect(offersBoth([deletion])).toBe(false);
    // The highlighted cell: "Delete" keeps the deleting side (mine here), "Keep" the editing side.
    expect(keptSides(deletion, 'delete')).toEqual(['mine']);
    expect(keptSides(deletion, 'keep')).toEqual(['theirs']);
    expect(keptSides(notes ?? never(), 'both')).toEqual(['mine', 'theirs']);
    expect(keptSides(notes ?? never(), undefined)).toEqual([]);

    expect(unresolvedCount(plan, {})).toBe(2);
    // "Use mine for all": my notes, and my deletion stands; "theirs": their notes, and the request is kept.
    const mine = resolveAll(plan, 'mine');
    expect(unresolvedCount(plan, mine)).toBe(0);
    expect(Object.values(mine[engagementId] ?? {}).sort()).toEqual(['delete', 'mine']);
    expect(Object.values(resolveAll(plan, 'theirs')[engagementId] ?? {}).sort()).toEqual(['keep', 'theirs']);
  });

  it('offers nothing to confirm when the file brings nothing new', async () => {
    const { a, engagementId } = await conflictingCopies();
    const plan = await planFor(a, await fileFrom(a, engagementId));
    expect(plan.engagements[0]?.action).toBe('up-to-date');
    expect(confirmLabel(plan)).toBeNull();
  });
});

describe('the merge summary in words', () => {
  const zero = { added: 0, updated: 0, fieldsTaken: 0, conflicts: 0, keptMine: 0 };
  it('names each kind of difference, leaving out zeros except the conflicts', () => {
    expect(summaryWords({ added: 2, updated: 1, fieldsTaken: 3, conflicts: 1, keptMine: 5 })).toEqual([
      '2 records added',
      '1 updated (3 fields)',
      '1 conflict',
      '5 changed only here, kept',
    ]);
    expect(summaryWords({ ...zero, added: 1, updated: 4, fieldsTaken: 1 })).toEqual([
      '1 record added',
      '4 updated (1 field)',
      '0 conflicts',
    ]);
    expect(summaryWords({ ...zero, keptMine: 1 })).toEqual(['0 conflicts', '1 changed only here, kept']);
  });
  it('says when the records do not differ, and mentions the audit trail events the file brings', () => {
    expect(summaryWords(zero)).toEqual(['No differences in the records']);
    expect(summaryWords(zero, 3)).toEqual([
      'No differences in the records',
      '3 new audit trail events to add',
    ]);
    expect(summaryWords(zero, 1)).toEqual([
      'No differences in the records',
      '1 new audit trail event to add',
    ]);
  });
});

describe('passphrases', () => {
  it('asks for at least 10 characters and the same text twice', () => {
    expect(passphraseProblem('short', 'short')).toBe('The passphrase needs at least 10 characters.');
    expect(passphraseProblem('orange lantern 17', 'orange lantern 71')).toBe(
      'The two passphrases are not the same.',
    );
    expect(passphraseProblem('orange lantern 17', 'orange lantern 17')).toBeNull();
  });

  it('rates long multi-word passphrases above short or repetitive ones', () => {
    expect(passphraseStrength('abc')).toBe('too-short');
    expect(passphraseStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('password12')).toBe('weak');
    expect(passphraseStrength('Tr0ub4dor&3x')).toBe('fair');
    expect(passphraseStrength('orange lantern seventeen')).toBe('strong');
  });
});

describe('the backup reminder', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('says "never backed up" only when engagements exist', () => {
    expect(backupReminder(undefined, 7, 0, now)).toBeNull();
    expect(backupReminder(undefined, 7, 2, now)).toEqual({ kind: 'never' });
  });
  it('reminds once the last backup is older than the chosen number of days', () => {
    expect(backupReminder('2026-11-20T12:00:00Z', 7, 1, now)).toBeNull();
    expect(backupReminder('2026-11-10T12:00:00Z', 7, 1, now)).toMatchObject({ kind: 'old', days: 13 });
    expect(backupReminder('2026-11-10T12:00:00Z', 30, 1, now)).toBeNull();
  });
  it('keeps the days within 1 to 90, and the schedule within its limits', () => {
    expect(reminderDaysOf(undefined)).toBe(7);
    expect(reminderDaysOf(120)).toBe(7);
    expect(reminderDaysOf(14)).toBe(14);
    expect(backupSettingsProblem(0, null)).toBe('Remind after 1 to 90 days.');
    expect(backupSettingsProblem(7, { everyDays: 1, keep: 0 })).toBe('Keep 1 to 100 backups.');
    expect(backupSettingsProblem(7, { everyDays: 1, keep: 10 })).toBeNull();
  });
  it('refuses fractions and empty fields instead of rounding them', () => {
    expect(backupSettingsProblem(2.5, null)).toBe('Remind after a whole number of days (1 to 90), not 2.5.');
    expect(backupSettingsProblem(Number.NaN, null)).toBe(
      'Remind after a whole number of days (1 to 90), not an empty field.',
    );
    expect(backupSettingsProblem(7, { everyDays: 1.5, keep: 10 })).toMatch(/^Back up every whole number/);
    expect(backupSettingsProblem(7, { everyDays: 1, keep: 3.2 })).toMatch(/^Keep a whole number of backups/);
  });
});

function never(): never {
  throw new Error('missing');
}
