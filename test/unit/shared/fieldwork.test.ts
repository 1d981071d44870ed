import { describe, expect, it } from 'vitest';
import { tallySample, tickmarkLegend, type Tickmark } from '../../../shared/domain/fieldwork';

const mark = (id: string, outcome: Tickmark['outcome'], deleted: boolean): Tickmark => ({
  id,
  engagementId: '01a20594-0224-7000-84f4-0a0195a623ce',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  updatedBy: 'p',
  rev: 1,
  clock: 'c',
  deleted,
  symbol: 'L',
  meaning: 'Late',
  outcome,
});

describe('the tickmark legend', () => {
  it('keeps a removed firm mark, flagged, so cells marked with it still count as they did', () => {
    const late = mark('late', 'exception', true);
    const legend = tickmarkLegend([late, mark('traced', 'pass', false)]);
    expect(legend.find((t) => t.id === 'late')).toMatchObject({ removed: true, outcome: 'exception' });
    expect(legend.filter((t) => !t.removed).map((t) => t.id)).toEqual(['pass', 'exception', 'na', 'traced']);
    const tally = tallySample(
      [
        { marks: { a: 'late', b: 'pass' }, deleted: false },
        { marks: { a: 'traced', b: 'pass' }, deleted: false },
      ],
      ['a', 'b'],
      legend,
    );
    expect(tally).toMatchObject({ size: 2, deviations: 1, complete: 2, blankCells: 0 });
  });
});
