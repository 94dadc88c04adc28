// A small keyboard for component tests: keystrokes go to whatever element has the focus *when the key is
// pressed*, as on a real keyboard, so a test can type through several fields without waiting and see where
// each character lands. Typing replaces the selection, like a real text field.
import { fireEvent } from '@testing-library/svelte';
import { tick } from 'svelte';

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (e: Element | null): e is Field => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement;

/** Types `text` one character at a time into the focused element, with no timers between keystrokes: only the
 *  pending microtasks run between two keys, as in a browser's event loop (a slow save does not land unless the
 *  test lets it). */
export async function type(text: string) {
  for (const ch of text) {
    const target = document.activeElement;
    if (!isField(target)) throw new Error(`typing "${ch}" with no text field focused (${target?.tagName})`);
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? target.value.length;
    target.value = target.value.slice(0, start) + ch + target.value.slice(end);
    target.selectionStart = target.selectionEnd = start + ch.length;
    target.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
    await tick();
  }
}

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab: the focus moves to the next focusable element in document order. */
export function tab() {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const next = all[all.indexOf(document.activeElement as HTMLElement) + 1];
  if (!next) throw new Error('Tab: nothing focusable after the focused element');
  next.focus();
  if (isField(next)) next.select();
}

/** Enter on the focused element; in a single-line field of a form it submits the form (implicit submission). */
export async function enter() {
  const target = document.activeElement as HTMLElement;
  const notCancelled = await fireEvent.keyDown(target, { key: 'Enter' });
  if (notCancelled && target instanceof HTMLInputElement && target.form) target.form.requestSubmit();
}
