/// <reference types="vite/client" />
// Real generated summaries (from `rapporteur draft`, see __fixtures__/README.md) loaded into the editor and
// written back without any user edit: every marker survives byte for byte, and each generated section's text
// is unchanged (up to the blank lines around it, which the section hash ignores), so "Refresh generated
// sections" does not take it for a hand edit.
import { describe, expect, it } from 'vitest';
import { createEditor, roundTrip } from './editor';
import en from './__fixtures__/network-briefing-summary.en.md?raw';
import fr from './__fixtures__/network-briefing-summary.fr.md?raw';
import es from './__fixtures__/network-briefing-summary.es.md?raw';
import tricky from './__fixtures__/tricky-summary.en.md?raw';
import trickyThroughEditor from './__fixtures__/tricky-summary.en.editor.md?raw';

const SECTION = /^<!-- rapporteur:begin (\S+) hash=\S+ -->\n([\s\S]*?)\n<!-- rapporteur:end \1 -->$/gm;

function sections(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(SECTION)].map((m) => [m[1], m[2].trim()]));
}

function markers(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('<!-- rapporteur:'));
}

describe.each([
  ['en', en],
  ['fr', fr],
  ['es', es],
])('a generated summary (%s) through the editor', (_, draft) => {
  const out = roundTrip(draft);

  it('keeps every marker byte for byte, in order', () => {
    expect(markers(draft).length).toBe(16);
    expect(markers(out)).toEqual(markers(draft));
  });

  it('keeps each generated section unchanged, its statement link included', () => {
    const before = sections(draft);
    const after = sections(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) expect(after.get(name), name).toBe(text);
    expect(after.get('statements')).toMatch(/\]\(#statement-[0-9a-f-]+\)/);
  });

  it('is stable: a second round trip changes nothing', () => {
    expect(roundTrip(out)).toBe(out);
  });
});

describe('a summary full of Markdown-significant characters', () => {
  it('is written back as the committed fixture the Rust tests read', () => {
    // When the editor's output changes, update tricky-summary.en.editor.md (see __fixtures__/README.md) and
    // check that crates/core's `normalise` tests still pass: they prove this rewrite is not a hand edit.
    expect(roundTrip(tricky)).toBe(trickyThroughEditor);
    expect(markers(trickyThroughEditor)).toEqual(markers(tricky));
  });
});

describe('links in the editor', () => {
  it('keep their Markdown but can only point inside the document, and a click never follows them', () => {
    const host = document.createElement('div');
    const editor = createEditor(
      host,
      'See [here](#statement-1), [out](https://example.org) and [bad](javascript:alert(1)).',
      () => {},
    );
    const hrefs = [...host.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['#statement-1', '', '']);
    expect(host.querySelector('a[target]')).toBeNull();
    expect(editor.getMarkdown()).toContain('[out](https://example.org)');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    host.querySelector('a')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    editor.destroy();
  });
});
