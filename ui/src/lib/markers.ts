// The drafter's generated sections are delimited by HTML comments such as
// `<!-- rapporteur:begin speakers hash=… -->`. The WYSIWYG editor must keep them byte for byte, or regeneration
// could no longer find (or trust) a section. They become an atom node: shown as a small non-editable label,
// parsed by a block tokenizer that runs before Markdown's own HTML handling, and written back verbatim.
import { Node } from '@tiptap/core';
import { sectionName } from './i18n.svelte';

const MARKER = /^<!--\s*rapporteur:[^\n]*?-->[ \t]*(?:\n|$)/;

/** A short, human label for a marker, in the interface language: "begin speakers" → "▸ Speakers", "end
 * next_steps" → "◂ Next steps". */
export function markerLabel(raw: string): string {
  const inner = raw
    .replace(/^<!--\s*rapporteur:/, '')
    .replace(/-->\s*$/, '')
    .trim();
  const [verb, name] = inner.split(/\s+/);
  if (verb === 'begin') return `▸ ${sectionName(name ?? '')}`;
  if (verb === 'end') return `◂ ${sectionName(name ?? '')}`;
  return inner;
}

export const RapporteurMarker = Node.create({
  name: 'rapporteurMarker',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return { raw: { default: '' } };
  },

  parseHTML() {
    // Pasted HTML cannot forge a marker: only the Markdown tokenizer below creates this node.
    return [];
  },

  renderHTML({ node }) {
    const raw = String(node.attrs.raw ?? '');
    return ['div', { class: 'rapporteur-marker', contenteditable: 'false', 'data-marker': raw }, markerLabel(raw)];
  },

  markdownTokenizer: {
    name: 'rapporteurMarker',
    level: 'block',
    start: (src: string) => src.indexOf('<!-- rapporteur:'),
    tokenize: (src: string) => {
      const m = MARKER.exec(src);
      if (!m) return undefined;
      return { type: 'rapporteurMarker', raw: m[0], text: m[0].trim() };
    },
  },

  parseMarkdown: (token) => ({ type: 'rapporteurMarker', attrs: { raw: token.text ?? '' } }),

  renderMarkdown: (node) => String(node.attrs?.raw ?? ''),
});
