import { describe, expect, it } from 'vitest';
import { roundTrip } from './editor';
import { markerLabel } from './markers';

const drafted = [
  '# Summary',
  '',
  '<!-- rapporteur:begin speakers hash=0123456789abcdef -->',
  'Delegates representing the following countries took the floor: France and Ghana.',
  '<!-- rapporteur:end speakers -->',
  '',
  'Hand-written conclusion.',
].join('\n');

describe('Markdown editor round trip', () => {
  it('keeps rapporteur markers byte for byte', () => {
    const out = roundTrip(drafted);
    expect(out).toContain('<!-- rapporteur:begin speakers hash=0123456789abcdef -->');
    expect(out).toContain('<!-- rapporteur:end speakers -->');
    expect(out).toContain('Delegates representing the following countries took the floor: France and Ghana.');
    expect(out).toContain('Hand-written conclusion.');
    expect(roundTrip(out)).toBe(out);
  });

  it('keeps typed HTML as text, never as markup', () => {
    const out = roundTrip('A paragraph with &lt;img src=x onerror=alert(1)&gt; in it.');
    expect(out).toContain('&lt;img');
    expect(roundTrip(out)).toBe(out);
  });

  it('labels markers for people', () => {
    expect(markerLabel('<!-- rapporteur:begin speakers hash=1 -->')).toBe('▸ speakers');
    expect(markerLabel('<!-- rapporteur:end speakers -->')).toBe('◂ speakers');
  });
});
