import { describe, expect, it } from 'vitest';
import { validPairs } from './pairs';

describe('validPairs', () => {
  it('trims, and leaves out blank keys, repeated keys and (when required) blank texts', () => {
    const rows = [
      { key: ' 1 ', text: ' Adoption of the agenda ' },
      { key: '', text: 'no number' },
      { key: '1', text: 'a second item 1' },
      { key: '2', text: '  ' },
      { key: '3', text: 'General debate' },
    ];
    expect(validPairs(rows, true)).toEqual([
      { key: '1', text: 'Adoption of the agenda' },
      { key: '3', text: 'General debate' },
    ]);
    expect(validPairs(rows, false).map((r) => r.key)).toEqual(['1', '2', '3']);
  });
});
