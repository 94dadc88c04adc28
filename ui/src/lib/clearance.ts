// Clearance in the window, the parts worth testing alone: which step comes next for a text, and where in the
// stored Markdown the words selected in the WYSIWYG editor lie. The editor shows rendered text, the review
// works on Markdown offsets (Unicode scalar values, as the store counts them), so the selection is found by
// its words: the n-th occurrence in the editor is taken to be the n-th occurrence in the Markdown.
import type { ReviewStatus } from '../bindings/ReviewStatus';

/** The lifecycle, one step at a time. */
export const STATUSES: readonly ReviewStatus[] = ['draft', 'for_clearance', 'cleared', 'final', 'circulated'];

/** The status a text moves to next, or null once circulated (a corrigendum reopens it instead). */
export function nextStatus(status: ReviewStatus): ReviewStatus | null {
  const i = STATUSES.indexOf(status);
  return i >= 0 && i < STATUSES.length - 1 ? STATUSES[i + 1] : null;
}

/** A final or circulated text refuses edits. */
export const locked = (status: ReviewStatus): boolean => status === 'final' || status === 'circulated';

/** Where a selection lies in the Markdown, or why it cannot be placed. */
export type Placed = { start: number; end: number } | { error: 'empty' | 'missing' };

/** Unicode scalar values in `s` (what Loro and the store count), not UTF-16 code units. */
const scalars = (s: string): number => [...s].length;

/** Byte-free index of the n-th (0-based) occurrence of `needle` in `hay`, in UTF-16 units, or -1. */
export function nth(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** Occurrences of `needle` in `hay`, overlapping ones included (as `nth` counts them). */
function count(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * The range of the Markdown that a selection covers: `quote` is the selected text and `before` the editor's
 * text before the selection, which tells which occurrence was meant.
 */
export function placeSelection(markdown: string, before: string, quote: string): Placed {
  if (quote.trim() === '') return { error: 'empty' };
  const at = nth(markdown, quote, count(before, quote));
  if (at < 0) return { error: 'missing' };
  const start = scalars(markdown.slice(0, at));
  return { start, end: start + scalars(quote) };
}

/**
 * The other way round, for highlighting: which occurrence (0-based, overlapping ones counted, as
 * `placeSelection` counts) of `quote` starts at the scalar offset `start` of the Markdown; -1 when the quote is
 * not there. The editor then marks the same occurrence of the words in its rendered text.
 */
export function occurrenceAt(markdown: string, start: number, quote: string): number {
  if (quote === '') return -1;
  const at = [...markdown].slice(0, start).join('').length;
  if (!markdown.startsWith(quote, at)) return -1;
  return count(markdown.slice(0, at + quote.length - 1), quote);
}
