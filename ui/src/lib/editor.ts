// The Markdown WYSIWYG editor (TipTap/ProseMirror). Its stored form is Markdown: it is read with `contentType:
// 'markdown'` and written with `getMarkdown()`. Links are kept, since a generated summary links its statements
// (`[here](#statement-…)`) and dropping one would change a section the user never touched, but they are inert:
// the page only ever gets in-document `#` targets (any other target is kept in the Markdown, rendered without
// an href), nothing is linked automatically or on paste, and a click never follows a link. TipTap's CSS
// injection is off (the CSP allows no inline <style>), and the drafter's section markers are kept as atom nodes.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { RapporteurMarker } from './markers';
import { ReviewHighlights } from './highlights';

const LINKS = {
  openOnClick: false,
  enableClickSelection: false,
  autolink: false,
  linkOnPaste: false,
  HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
  isAllowedUri: (url: string) => url.startsWith('#'),
};

/** An editor in `element`; `label` names it for assistive technology (it is a multi-line text box). */
export function createEditor(
  element: HTMLElement,
  markdown: string,
  onChange: (markdown: string) => void,
  label = '',
): Editor {
  return new Editor({
    element,
    injectCSS: false,
    extensions: [StarterKit.configure({ link: LINKS, codeBlock: false }), Markdown, RapporteurMarker, ReviewHighlights],
    content: markdown,
    contentType: 'markdown',
    editorProps: {
      attributes: {
        class: 'prose',
        spellcheck: 'true',
        'data-testid': 'editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
      },
      handleDOMEvents: {
        click: (_view, event) => {
          if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
          return false;
        },
      },
    },
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
