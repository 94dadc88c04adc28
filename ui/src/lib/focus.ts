// Keyboard focus in a modal dialog: Tab and Shift+Tab go round the dialog's own controls, and nothing behind it
// is reached while it is open.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), ' +
  '[tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The controls of `container` that Tab reaches, in document order. */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * Keeps Tab inside `container`: from its last control Tab goes to the first, from its first Shift+Tab goes to
 * the last. Returns whether it moved the focus (and so took the key).
 */
export function keepTabInside(e: KeyboardEvent, container: HTMLElement): boolean {
  if (e.key !== 'Tab') return false;
  const items = focusables(container);
  if (items.length === 0) return false;
  const first = items[0];
  const last = items[items.length - 1];
  const at = document.activeElement;
  const outside = !(at instanceof HTMLElement) || !container.contains(at) || at === container;
  let to: HTMLElement | null = null;
  if (e.shiftKey && (at === first || outside)) to = last;
  else if (!e.shiftKey && (at === last || outside)) to = first;
  if (to === null) return false;
  e.preventDefault();
  to.focus();
  return true;
}

/** The minutes a speaker has spoken, as announced: whole minutes only, so a screen reader hears one a minute. */
export function spokenMinutes(seconds: number): number {
  return Math.max(0, Math.floor(seconds / 60));
}
