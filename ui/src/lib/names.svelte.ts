// Names of States in the UI language, looked up in the backend's built-in registry and cached. A party shows
// as its meeting-specific `display_name`, else the registry name of its `delegation`, else its free `name`.
import { api, type Language, type StateEntry } from './api';
import type { Party } from '../bindings/Party';
import type { Category } from '../bindings/Category';
import { i18n } from './i18n.svelte';

const cache = $state<Record<string, StateEntry>>({});
/** Each language's request for its whole list, loading or done: one call per language, however many names a
 *  view shows. Bookkeeping only, so a plain record rather than state: no view depends on it. */
const requests: Partial<Record<string, Promise<void>>> = {};

const keyOf = (lang: string, code: string) => `${lang}:${code}`;

/** Makes sure the names of `codes` in the UI language are (being) loaded. */
export function ensureNames(codes: Iterable<string>) {
  const lang = i18n.lang as Language;
  if (requests[lang]) return;
  for (const code of codes) {
    if (cache[keyOf(lang, code)]) continue;
    requests[lang] = api
      .registryList(lang)
      .then((list) => remember(list, lang))
      .catch(() => {
        delete requests[lang];
      });
    return;
  }
}

/** Remember entries that a search already returned. */
export function remember(entries: StateEntry[], lang: string = i18n.lang) {
  for (const e of entries) cache[keyOf(lang, e.code)] = e;
}

export function stateEntry(code: string): StateEntry | undefined {
  return cache[keyOf(i18n.lang, code)];
}

export function partyName(p: Party): string {
  if (p.display_name) return p.display_name;
  if (p.delegation) return stateEntry(p.delegation)?.name ?? p.delegation;
  return p.name ?? '';
}

export function partyCategory(p: Party): Category {
  if (p.delegation) return stateEntry(p.delegation)?.member === false ? 'observer_state' : 'member_state';
  return p.category ?? 'other';
}

/** A stable identity for "the same speaker" (used to rank attendance first in suggestions). */
export function partyKey(p: Party): string {
  return p.delegation ? `state:${p.delegation}` : `name:${(p.name ?? '').toLowerCase()}`;
}
