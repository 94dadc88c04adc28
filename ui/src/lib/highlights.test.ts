import { describe, expect, it } from 'vitest';
import { createEditor } from './editor';
import { findQuote, setHighlights } from './highlights';
import { occurrenceAt } from './clearance';

describe('occurrenceAt', () => {
  it('tells which occurrence of the quote a Markdown offset starts', () => {
    const md = 'the cat and the dog';
    expect(occurrenceAt(md, 0, 'the')).toBe(0);
    expect(occurrenceAt(md, 12, 'the')).toBe(1);
    expect(occurrenceAt(md, 4, 'the')).toBe(-1);
    expect(occurrenceAt(md, 3, '')).toBe(-1);
  });
  it('counts Unicode scalar values, as the store does', () => {
    expect(occurrenceAt('😀 the 😀 the', 8, 'the')).toBe(1);
  });
});

describe('highlights in the editor', () => {
  const md = '## Opening\n\nThe **Chair** opened it.\n\nThe Chair closed it.\n';

  it('finds the n-th occurrence of words across blocks and formatting', () => {
    const editor = createEditor(document.createElement('div'), md, () => {});
    const doc = editor.state.doc;
    const first = findQuote(doc, 'Chair', 0)!;
    const second = findQuote(doc, 'Chair', 1)!;
    expect(doc.textBetween(first.from, first.to)).toBe('Chair');
    expect(doc.textBetween(second.from, second.to)).toBe('Chair');
    expect(second.from).toBeGreaterThan(first.to);
    expect(doc.textBetween(findQuote(doc, 'Opening', 0)!.from, findQuote(doc, 'Opening', 0)!.to)).toBe('Opening');
    expect(findQuote(doc, 'Chair', 2)).toBeNull();
    editor.destroy();
  });

  it('marks the words without changing or saving the text', () => {
    const saved: string[] = [];
    const host = document.createElement('div');
    const editor = createEditor(host, md, (m) => saved.push(m));
    const before = editor.getMarkdown();
    setHighlights(editor, [
      { quote: 'Chair', n: 1, kind: 'comment' },
      { quote: 'opened it.', n: 0, kind: 'suggestion' },
    ]);
    const comment = host.querySelectorAll('[data-testid=review-highlight-comment]');
    expect([...comment].map((e) => e.textContent)).toEqual(['Chair']);
    expect(host.querySelector('[data-testid=review-highlight-suggestion]')?.textContent).toBe('opened it.');
    expect(editor.getMarkdown()).toBe(before);
    expect(saved).toEqual([]);
    setHighlights(editor, []);
    expect(host.querySelectorAll('.review-mark')).toHaveLength(0);
    editor.destroy();
  });
});
