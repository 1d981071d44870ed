import { describe, expect, it } from 'vitest';
import { frequencyAmbiguity, parseFrequency } from '../../../shared/import';

describe('parseFrequency', () => {
  it.each([
    ['Annually', 'annual'],
    ['Annual', 'annual'],
    ['Yearly', 'annual'],
    ['At least annually', 'annual'],
    ['Once a year', 'annual'],
    ['Semi-annually', 'semi-annual'],
    ['Semiannual', 'semi-annual'],
    ['Twice a year', 'semi-annual'],
    ['Bi-annually', 'semi-annual'],
    ['Every 6 months', 'semi-annual'],
    ['Quarterly', 'quarterly'],
    ['QUARTERLY ', 'quarterly'],
    ['Quarterly review', 'quarterly'],
    ['Monthly', 'monthly'],
    ['On a monthly basis', 'monthly'],
    ['Month-end', 'monthly'],
    ['Semi-monthly', 'semi-monthly'],
    ['Twice a month', 'semi-monthly'],
    ['Fortnightly', 'semi-monthly'],
    ['Every two weeks', 'semi-monthly'],
    ['Weekly', 'weekly'],
    ['Daily', 'daily'],
    ['Every day', 'daily'],
    ['Nightly', 'daily'],
    ['Daily (automated job)', 'daily'],
    ['Multiple times per day', 'multiple-daily'],
    ['Several times a day', 'multiple-daily'],
    ['Hourly', 'multiple-daily'],
    ['Twice daily', 'multiple-daily'],
    ['Per event', 'event-driven'],
    ['As needed', 'event-driven'],
    ['Ad hoc', 'event-driven'],
    ['Ad-hoc', 'event-driven'],
    ['Event driven', 'event-driven'],
    ['Event-driven', 'event-driven'],
    ['Upon occurrence', 'event-driven'],
    ['Upon hire', 'event-driven'],
    ['On demand', 'event-driven'],
    ['As required', 'event-driven'],
    ['Continuous', 'continuous'],
    ['Continuously', 'continuous'],
    ['Automated/continuous', 'continuous'],
    ['Real-time', 'continuous'],
    ['Automated', 'continuous'],
  ])('reads %j as %s', (raw, frequency) => {
    expect(parseFrequency(raw)).toBe(frequency);
  });

  it.each(['', 'Every blue moon', 'Seasonal', 'N/A'])('knows no frequency in %j', (raw) => {
    expect(parseFrequency(raw)).toBeNull();
    expect(frequencyAmbiguity(raw)).toBeNull();
  });

  it('leaves ambiguous words blank and says why', () => {
    expect(parseFrequency('Bi-weekly')).toBeNull();
    expect(frequencyAmbiguity('Bi-weekly')).toBe('can mean every two weeks or twice a week');
    expect(parseFrequency('Biweekly')).toBeNull();
    expect(parseFrequency('Bi-monthly')).toBeNull();
    expect(frequencyAmbiguity('bimonthly')).toMatch(/every two months or twice a month/);
  });

  it('leaves a cell naming two frequencies blank', () => {
    expect(parseFrequency('Monthly or quarterly')).toBeNull();
    expect(frequencyAmbiguity('Monthly or quarterly')).toBe('names more than one frequency');
    expect(parseFrequency('Annually and upon change')).toBeNull();
  });
});
