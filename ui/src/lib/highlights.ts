// Comments and suggestions highlighted in the editor. The review anchors them to Markdown offsets while the
// editor shows rendered text, so each is found by its words, as a selection is placed the other way
// (`lib/clearance.ts`): the n-th occurrence of the quote in the Markdown is the n-th in the editor's text.
// Highlights are ProseMirror decorations: they change nothing in the document, so they are never saved, and
// they follow the text as it is typed until the next review replaces them.
import { Extension, type Editor } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { nth } from './clearance';

/** Words to highlight: the n-th occurrence of `quote`, as a comment's or a suggestion's range. */
export type Highlight = { quote: string; n: number; kind: 'comment' | 'suggestion' };

const key = new PluginKey<DecorationSet>('rapporteurHighlights');

/** The editor's text as a selection's `before` and `quote` are read (blocks separated by a line break). */
const textUpTo = (doc: Node, pos: number) => doc.textBetween(0, pos, '\n');

/** The first document position whose text before it is longer than `index` characters, less one when
 * `after`: the position just after (or at) the character at `index`. */
function positionOf(doc: Node, index: number, after: boolean): number {
  let lo = 0;
  let hi = doc.content.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (textUpTo(doc, mid).length <= index) lo = mid + 1;
    else hi = mid;
  }
  return after ? lo : lo - 1;
}

/** Where the n-th occurrence of `quote` lies in the document, or null. */
export function findQuote(doc: Node, quote: string, n: number): { from: number; to: number } | null {
  if (quote.trim() === '' || n < 0) return null;
  const at = nth(textUpTo(doc, doc.content.size), quote, n);
  if (at < 0) return null;
  return { from: positionOf(doc, at, false), to: positionOf(doc, at + quote.length - 1, true) };
}

function decorations(doc: Node, highlights: Highlight[]): DecorationSet {
  const found = highlights.flatMap((h) => {
    const range = findQuote(doc, h.quote, h.n);
    if (!range) return [];
    const attrs = { class: `review-mark review-mark-${h.kind}`, 'data-testid': `review-highlight-${h.kind}` };
    return [Decoration.inline(range.from, range.to, attrs)];
  });
  return DecorationSet.create(doc, found);
}

/** The editor extension that draws the highlights. */
export const ReviewHighlights = Extension.create({
  name: 'reviewHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => tr.getMeta(key) ?? set.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Replace the editor's highlights; no edit, so nothing is saved or undone. */
export function setHighlights(editor: Editor, highlights: Highlight[]) {
  const { state, view } = editor;
  const tr = state.tr.setMeta(key, decorations(state.doc, highlights)).setMeta('addToHistory', false);
  view.dispatch(tr);
}
