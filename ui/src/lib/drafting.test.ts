import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './diff';
import { deliveryDate, formatDay, statementStatus, today } from './drafting';
import { renderMarkdown, withoutMarkers } from './markdown';
import { format } from './i18n.svelte';

const t = (
  key: 'statement_drafted' | 'statement_delivered' | 'statement_delivered_by',
  params: Record<string, string> = {},
) => format('en', key, params);

describe('unified diff', () => {
  it('separates added, removed and kept lines, and skips the header', () => {
    const lines = parseUnifiedDiff(
      [
        '--- a',
        '+++ b',
        '@@ -1,3 +1,3 @@',
        ' same',
        '-- old bullet',
        '+- new bullet',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    expect(lines).toEqual([
      { kind: 'hunk', text: '@@ -1,3 +1,3 @@' },
      { kind: 'ctx', text: 'same' },
      { kind: 'del', text: '- old bullet' },
      { kind: 'add', text: '- new bullet' },
      { kind: 'note', text: 'No newline at end of file' },
    ]);
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});

describe('statement status', () => {
  it('reads drafted, or delivered on a UN-style date by its speaker', () => {
    expect(statementStatus({}, 'en', t)).toBe('Drafted');
    expect(statementStatus({ delivered_on: '2019-12-01' }, 'en', t)).toBe('Delivered on 1 December 2019');
    expect(statementStatus({ delivered_on: '2019-12-12', speaker: ' Ghana ' }, 'en', t)).toBe(
      'Delivered on 12 December 2019 by Ghana',
    );
    expect(formatDay('2019-12-12', 'fr')).toBe('12 décembre 2019');
    expect(formatDay('not a date', 'en')).toBe('not a date');
  });
  it("stamps a delivery with the meeting's date, or today while a meeting over several days is on", () => {
    expect(deliveryDate({ date: '2019-12-12' }, '2026-12-02')).toBe('2019-12-12');
    expect(deliveryDate({ date: '2019-12-12', end_date: null }, '2019-12-12')).toBe('2019-12-12');
    expect(deliveryDate({ date: '2020-03-02', end_date: '2020-03-04' }, '2020-03-03')).toBe('2020-03-03');
    expect(deliveryDate({ date: '2020-03-02', end_date: '2020-03-04' }, '2020-03-04')).toBe('2020-03-04');
    expect(deliveryDate({ date: '2020-03-02', end_date: '2020-03-04' }, '2020-03-05')).toBe('2020-03-02');
    expect(deliveryDate({ date: '2020-03-02', end_date: '2020-03-04' }, '2020-03-01')).toBe('2020-03-02');
  });
  it('gives today as the local calendar day', () => {
    expect(today(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
});

describe('markdown preview', () => {
  it('drops marker lines only', () => {
    expect(withoutMarkers('a\n<!-- rapporteur:begin x hash=1 -->\nb\n<!-- rapporteur:end x -->\n<!-- other -->')).toBe(
      'a\nb\n<!-- other -->',
    );
  });
  it('keeps structure, and shows raw HTML as text', () => {
    const html = renderMarkdown('- one\n- **two**\n\n<iframe src="https://x"></iframe><p onclick="x()">p</p>');
    expect(html).toContain('<li><strong>two</strong></li>');
    const el = document.createElement('div');
    el.innerHTML = html;
    expect(el.querySelector('iframe, [onclick]')).toBeNull();
    expect(el.textContent).toContain('<iframe src="https://x"></iframe>');
  });
});
