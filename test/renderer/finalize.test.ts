/**
 * The Release & lock screen's wording and routing: the steps of the engagement's life, the deadline
 * ("N days left" / "overdue by N days"), blockers grouped by what fixes them and linked to where, the
 * release-date check the screen makes before the repository does, and the dates a release would set.
 */
import { describe, expect, it } from 'vitest';
import type { ReleaseBlocker } from '../../shared/domain/review';
import {
  blockerRoute,
  deadlineText,
  groupBlockers,
  projectedDates,
  releaseDateProblem,
  releaseProblem,
  stepState,
} from '../../renderer/features/finalize/finalizeView';

describe('Release & lock view', () => {
  it('marks the steps before, at and after the current phase', () => {
    expect(stepState('released', 'planning')).toBe('done');
    expect(stepState('released', 'reporting')).toBe('done');
    expect(stepState('released', 'released')).toBe('current');
    expect(stepState('released', 'completed')).toBe('todo');
    expect(stepState('completed', 'completed')).toBe('current');
  });

  it('words the documentation completion deadline with the status tone', () => {
    expect(deadlineText('2027-03-26', '2027-01-25')).toEqual({ text: '60 days left', tone: 'info' });
    expect(deadlineText('2027-03-26', '2027-03-25')).toEqual({ text: '1 day left', tone: 'warn' });
    expect(deadlineText('2027-03-26', '2027-03-26')).toEqual({ text: 'due today', tone: 'warn' });
    expect(deadlineText('2027-03-26', '2027-03-27')).toEqual({ text: 'overdue by 1 day', tone: 'bad' });
    expect(deadlineText('2027-03-26', '2027-04-05')).toEqual({ text: 'overdue by 10 days', tone: 'bad' });
  });

  it('groups blockers by kind in a fixed order and routes each to where it is fixed', () => {
    const blockers: ReleaseBlocker[] = [
      { kind: 'criterion', message: 'CC1.1 not tested', location: { area: 'coverage', item: 'CC1.1' } },
      { kind: 'sign-off', message: 'CM: no reviewer', location: { area: 'controls' } },
      { kind: 'notes', message: 'RN-2 open', location: { area: 'notes', item: 'n2' } },
      { kind: 'stale', message: 'T-01 changed', location: { area: 'tests', item: 't1' } },
      { kind: 'sign-off', message: 'RPT: no preparer', location: { area: 'finalize' } },
    ];
    const groups = groupBlockers(blockers);
    expect(groups.map((g) => [g.kind, g.blockers.length])).toEqual([
      ['notes', 1],
      ['sign-off', 2],
      ['stale', 1],
      ['criterion', 1],
    ]);
    expect(groups[0]?.title).toBe('Review notes not cleared');
    expect(blockerRoute('e1', blockers[0] as ReleaseBlocker)).toEqual({
      name: 'engagement',
      id: 'e1',
      area: 'coverage',
      item: 'CC1.1',
    });
    expect(blockerRoute('e1', blockers[1] as ReleaseBlocker)).toEqual({
      name: 'engagement',
      id: 'e1',
      area: 'controls',
    });
    expect(
      blockerRoute('e1', { kind: 'notes', message: '', location: { area: 'notes', filter: 'open' } }),
    ).toEqual({ name: 'engagement', id: 'e1', area: 'notes', filter: 'open' });
    expect(groupBlockers([])).toEqual([]);
  });

  it('checks the release date against the report date before the repository does', () => {
    expect(releaseDateProblem(null, '2027-01-25', '2027-02-01')).toMatch(/report date on the Overview/);
    expect(releaseDateProblem('2027-01-20', '', '2027-02-01')).toBe('Enter the release date.');
    expect(releaseDateProblem('2027-01-20', '2027-01-19', '2027-02-01')).toBe(
      'The release date cannot be before the report date (20 Jan 2027).',
    );
    expect(releaseDateProblem('2027-01-20', '2027-01-20', '2027-02-01')).toBeNull();
    expect(releaseDateProblem('2027-01-20', '2027-01-25', '2027-01-21')).toMatch(/cannot be in the future/);
    expect(releaseProblem({ archived: false }, 0)).toBeNull();
    expect(releaseProblem({ archived: false }, 1)).toBe('1 item blocks the release');
    expect(releaseProblem({ archived: false }, 51)).toBe('51 items block the release');
    expect(releaseProblem({ archived: true }, 0)).toMatch(/archived/);
  });

  it('projects the documentation completion and retention dates under the firm policy', () => {
    expect(projectedDates('2027-01-25', { assemblyDays: 60, retentionYears: 7 })).toEqual({
      documentationCompletionDate: '2027-03-26',
      retentionUntil: '2034-01-25',
    });
    expect(projectedDates('2028-02-29', { assemblyDays: 45, retentionYears: 5 })).toEqual({
      documentationCompletionDate: '2028-04-14',
      retentionUntil: '2033-02-28',
    });
  });
});
