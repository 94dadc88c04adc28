// The documented keyboard shortcuts, in one table that both the key handler and the help panel read, so the
// help cannot list a shortcut that does not exist.
import type { Key } from './i18n.svelte';

export interface Shortcut {
  keys: string;
  label: Key;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+N', label: 'sc_new' },
  { keys: 'Ctrl+K', label: 'sc_search' },
  { keys: 'Alt+1 … Alt+7', label: 'sc_tabs' },
  { keys: 'Ctrl+J', label: 'sc_next' },
  { keys: 'Ctrl+O', label: 'sc_import' },
  { keys: 'Ctrl+Shift+E', label: 'sc_export' },
  { keys: 'Ctrl+Shift+A', label: 'sc_tracker' },
  { keys: 'Ctrl+,', label: 'sc_settings' },
  { keys: 'F1', label: 'sc_help' },
  { keys: 'Space / P', label: 'sc_toggle' },
  { keys: 'Alt+↑ / Alt+↓', label: 'sc_move' },
  { keys: 'Enter', label: 'sc_floor' },
  { keys: 'Ctrl+Z / Ctrl+Shift+Z', label: 'sc_undo' },
  { keys: 'Escape', label: 'sc_escape' },
];

export type Command =
  'new' | 'search' | 'next' | 'import' | 'export' | 'tracker' | 'settings' | 'help' | 'escape' | { tab: number };

/** Maps a key event to a global command, or null. Pure, so it is unit-tested. */
export function commandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.key === 'F1') return 'help';
  if (e.key === 'Escape') return 'escape';
  if (e.altKey && !mod && /^[1-7]$/.test(e.key)) return { tab: Number(e.key) - 1 };
  if (!mod || e.altKey) return null;
  if (e.shiftKey) {
    if (key === 'e') return 'export';
    if (key === 'a') return 'tracker';
    return null;
  }
  switch (key) {
    case 'n':
      return 'new';
    case 'k':
      return 'search';
    case 'j':
      return 'next';
    case 'o':
      return 'import';
    case ',':
      return 'settings';
    default:
      return null;
  }
}
