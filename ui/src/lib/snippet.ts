// Search snippets mark matched terms between U+27E6 and U+27E7. They are split into plain segments here and
// rendered as text nodes, so a snippet can never inject markup, whatever the stored text holds.
export interface Segment {
  text: string;
  hit: boolean;
}

export function splitSnippet(snippet: string): Segment[] {
  const out: Segment[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf('\u27E6');
    if (start < 0) {
      out.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf('\u27E7', start + 1);
    if (end < 0) {
      out.push({ text: rest.slice(start + 1), hit: true });
      break;
    }
    out.push({ text: rest.slice(start + 1, end), hit: true });
    rest = rest.slice(end + 1);
  }
  return out.filter((s) => s.text.length > 0);
}
