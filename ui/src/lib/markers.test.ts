import { describe, expect, it } from 'vitest';
import { roundTrip } from './editor';
import { markerLabel } from './markers';
import { format, setLanguage, UI_LANGUAGES, type Key } from './i18n.svelte';

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

  it('labels markers for people, in the interface language', () => {
    expect(markerLabel('<!-- rapporteur:begin speakers hash=1 -->')).toBe('▸ Speakers');
    expect(markerLabel('<!-- rapporteur:end next_steps -->')).toBe('◂ Next steps');
    setLanguage('ru');
    expect(markerLabel('<!-- rapporteur:begin speakers hash=1 -->')).toBe('▸ Выступающие');
    setLanguage('en');
    // A section this interface does not know yet keeps its own name.
    expect(markerLabel('<!-- rapporteur:begin agenda_items hash=2 -->')).toBe('▸ agenda_items');
  });

  it('names every section the drafter writes (crates/core/src/draft/templates.rs SECTIONS), in six languages', () => {
    const sections = ['heading', 'opening', 'before', 'related', 'statements', 'speakers', 'requests', 'commitments'];
    sections.push('invitations', 'decisions', 'next_steps');
    for (const { code } of UI_LANGUAGES)
      for (const s of sections) expect(format(code, `section_${s}` as Key), `${code} ${s}`).not.toBe(`section_${s}`);
  });
});
