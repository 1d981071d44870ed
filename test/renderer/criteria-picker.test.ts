import { describe, expect, it } from 'vitest';
import { idsInText, unknownInText } from '../../renderer/components/CriteriaPicker';

describe('criteria typed or pasted into the picker', () => {
  it('finds criterion IDs however they are written, and names what is not one', () => {
    const pasted = 'CC6.4, cc 6.1; CC9.9 / PI1.1\nfoo';
    expect(idsInText(pasted)).toEqual(['CC6.4', 'CC6.1', 'PI1.1']);
    expect(unknownInText(pasted)).toEqual(['CC9.9', 'foo']);
    expect(idsInText('A1.2.')).toEqual(['A1.2']);
    expect(unknownInText('CC6.1, CC6.2')).toEqual([]);
  });
});
