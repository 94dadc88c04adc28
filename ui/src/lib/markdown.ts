// Markdown → HTML for read-only panes (the generated draft beside the editor, old versions in the history).
// The drafter's section markers are dropped first. Raw HTML in the Markdown is shown as the text it is, as the
// editor shows it (a title typed as `<b>` reads `<b>`), and the result still goes through sanitizeHtml before
// it reaches `{@html}`.
import { Marked } from 'marked';
import { escapeHtml, sanitizeHtml } from './sanitize';

const MARKER_LINE = /^[ \t]*<!--\s*rapporteur:[^\n]*?-->[ \t]*$/;
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
  },
});

/** The document without the drafter's begin/end marker lines. */
export function withoutMarkers(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !MARKER_LINE.test(line))
    .join('\n');
}

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(withoutMarkers(markdown), { async: false });
  return sanitizeHtml(html);
}
