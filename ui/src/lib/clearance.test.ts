import { describe, expect, it } from 'vitest';
import { locked, nextStatus, placeSelection } from './clearance';

describe('nextStatus', () => {
  it('walks the lifecycle one step at a time and stops at circulated', () => {
    expect(nextStatus('draft')).toBe('for_clearance');
    expect(nextStatus('for_clearance')).toBe('cleared');
    expect(nextStatus('cleared')).toBe('final');
    expect(nextStatus('final')).toBe('circulated');
    expect(nextStatus('circulated')).toBeNull();
  });
  it('locks final and circulated texts only', () => {
    expect(locked('final')).toBe(true);
    expect(locked('circulated')).toBe(true);
    expect(locked('cleared')).toBe(false);
    expect(locked('draft')).toBe(false);
  });
});

describe('placeSelection', () => {
  it('finds the words in the Markdown past its markup', () => {
    expect(placeSelection('## Opening\n\nThe **Chair** opened it.', 'OpeningThe ', 'Chair')).toEqual({
      start: 18,
      end: 23,
    });
  });
  it('takes the occurrence the selection is at', () => {
    const md = 'the cat and the dog';
    expect(placeSelection(md, '', 'the')).toEqual({ start: 0, end: 3 });
    expect(placeSelection(md, 'the cat and ', 'the')).toEqual({ start: 12, end: 15 });
  });
  it('counts Unicode scalar values, as the store does', () => {
    // '😀' is two UTF-16 units but one scalar value.
    expect(placeSelection('😀 café ok', '😀 café ', 'ok')).toEqual({ start: 7, end: 9 });
  });
  it('says why a selection cannot be placed', () => {
    expect(placeSelection('text', '', '  ')).toEqual({ error: 'empty' });
    expect(placeSelection('a **b** c', '', 'a b')).toEqual({ error: 'missing' });
    expect(placeSelection('one one', 'one one ', 'one')).toEqual({ error: 'missing' });
  });
});
