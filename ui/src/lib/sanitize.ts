// Every piece of user text that the UI shows as HTML goes through here (search snippets, previews). Svelte's
// `{text}` interpolation is already inert; this is for the few places that need `{@html}`. The allow-list is
// deliberately small: formatting and structure only, no attributes that can load anything or run anything.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'mark',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'div',
  'sup',
  'sub',
  'a',
];
const ALLOWED_ATTR = ['href', 'title', 'colspan', 'rowspan', 'lang', 'dir'];

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    // Links may only point inside a document; no javascript:, no remote fetches (the CSP would block them
    // anyway, this keeps the markup honest).
    ALLOWED_URI_REGEXP: /^#/,
    KEEP_CONTENT: true,
  });
}

/** Escapes text for the rare case where it must be concatenated into markup. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
