/** The app lock's plain-word helpers: progress, time left, the preselected profile, the shortcut. */
import { describe, expect, it } from 'vitest';
import {
  isLockShortcut,
  lockScreenProfiles,
  preselectProfile,
  progressWords,
  secondsLeft,
  timeLeftWords,
  autoLockProblem,
} from '../../../renderer/features/lock/words';

describe('migration progress in words', () => {
  it('says what is done of the total, records or evidence files, in both directions', () => {
    expect(progressWords({ direction: 'seal', done: 1200, total: 5000, table: 'controls' })).toEqual({
      text: 'Encrypting records: 1,200 of 5,000 done',
      fraction: 0.24,
    });
    expect(progressWords({ direction: 'open', done: 4990, total: 5000, table: 'blobs' }).text).toBe(
      'Decrypting evidence files: 4,990 of 5,000 done',
    );
  });

  it('never shows more done than the total (records added during the run), nor divides by zero', () => {
    const grown = progressWords({ direction: 'seal', done: 120, total: 100, table: null });
    expect(grown.text).toBe('Encrypting records: 120 of 120 done');
    expect(grown.fraction).toBe(1);
    expect(progressWords({ direction: 'seal', done: 0, total: 0, table: null }).fraction).toBe(1);
  });

  it('estimates the time left from this run’s pace, only once it means something', () => {
    const base = { startedAt: 0, startDone: 1000, total: 5000 };
    expect(secondsLeft({ ...base, now: 2000, done: 1500 })).toBeNull(); // under 3 s
    expect(secondsLeft({ ...base, now: 10_000, done: 1000 })).toBeNull(); // no progress yet
    // 1,000 records in 10 s; 3,000 left → 30 s (what was done before a resume does not count).
    expect(secondsLeft({ ...base, now: 10_000, done: 2000 })).toBe(30);
    expect(timeLeftWords(30)).toBe('less than a minute left');
    expect(timeLeftWords(61)).toBe('about 1 minute left');
    expect(timeLeftWords(600)).toBe('about 10 minutes left');
    expect(timeLeftWords(3 * 3600)).toBe('about 3 hours left');
    expect(timeLeftWords(null)).toBe('');
  });
});

describe('the lock screen’s profile', () => {
  const profiles = [{ id: 'ana' }, { id: 'ben' }, { id: 'cy' }];

  it('starts on the last signed-in profile when it has a passphrase', () => {
    expect(preselectProfile(profiles, ['ana', 'ben'], 'ben')).toBe('ben');
  });

  it('otherwise on the first profile with a passphrase', () => {
    expect(preselectProfile(profiles, ['cy'], 'ben')).toBe('cy');
    expect(preselectProfile(profiles, ['ben'], 'gone')).toBe('ben');
  });

  it('when no profile has one (recovery key only), on the last signed in, or the first', () => {
    expect(preselectProfile(profiles, [], 'cy')).toBe('cy');
    expect(preselectProfile(profiles, [], null)).toBe('ana');
    expect(preselectProfile([], [], 'cy')).toBeNull();
  });

  it('lists profiles as the profile menu does: deleted ones left out, by name', () => {
    const listed = lockScreenProfiles([
      { fullName: 'Ben Okafor' },
      { fullName: 'Ana López' },
      { fullName: 'Old Account', deleted: true },
    ]);
    expect(listed.map((p) => p.fullName)).toEqual(['Ana López', 'Ben Okafor']);
  });
});

describe('the lock shortcut', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('is Ctrl+L, or Cmd+L on macOS', () => {
    expect(isLockShortcut(key('l', { ctrlKey: true }))).toBe(true);
    expect(isLockShortcut(key('L', { metaKey: true }))).toBe(true);
  });

  it('is not L alone, nor with Alt or Shift, nor another letter', () => {
    expect(isLockShortcut(key('l', {}))).toBe(false);
    expect(isLockShortcut(key('l', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isLockShortcut(key('L', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isLockShortcut(key('k', { ctrlKey: true }))).toBe(false);
  });
});

describe('the automatic lock settings', () => {
  it('accepts whole minutes 1–240 and whole hours 0–72', () => {
    expect(autoLockProblem(1, 0)).toBeNull();
    expect(autoLockProblem(240, 72)).toBeNull();
    expect(autoLockProblem(15, null)).toBeNull(); // no keychain: hours not asked
  });

  it('refuses fractions, empty fields and values out of range, saying the range', () => {
    expect(autoLockProblem(0, 0)).toMatch(/1 to 240/);
    expect(autoLockProblem(2.5, 0)).toMatch(/whole number of minutes/);
    expect(autoLockProblem(Number.NaN, 0)).toMatch(/minutes/);
    expect(autoLockProblem(15, 73)).toMatch(/0 to 72/);
    expect(autoLockProblem(15, 1.5)).toMatch(/whole number of hours/);
  });
});
