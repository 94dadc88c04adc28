// The Markdown WYSIWYG editor (TipTap/ProseMirror). Its stored form is Markdown: it is read with `contentType:
// 'markdown'` and written with `getMarkdown()`. Links are off (a click must never navigate the app's web view),
// TipTap's CSS injection is off (the CSP allows no inline <style>), and the drafter's section markers are kept
// as atom nodes.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { RapporteurMarker } from './markers';

export function createEditor(element: HTMLElement, markdown: string, onChange: (markdown: string) => void): Editor {
  return new Editor({
    element,
    injectCSS: false,
    extensions: [StarterKit.configure({ link: false, codeBlock: false }), Markdown, RapporteurMarker],
    content: markdown,
    contentType: 'markdown',
    editorProps: { attributes: { class: 'prose', spellcheck: 'true', 'data-testid': 'editor' } },
    onUpdate: ({ editor }) => onChange(editor.getMarkdown()),
  });
}

/** Parse then serialise, as the editor would: used by tests to prove markers survive a round trip. */
export function roundTrip(markdown: string): string {
  const host = document.createElement('div');
  const editor = createEditor(host, markdown, () => {});
  const out = editor.getMarkdown();
  editor.destroy();
  return out;
}
