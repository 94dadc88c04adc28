// The persons of a delegation for the list of participants, edited by PersonRows.svelte. What the store can
// take is decided here, apart from the component: a name, each name once, at most one head.

import type { Person } from '../bindings/Person';

export interface PersonRow {
  name: string;
  function: string;
  head: boolean;
}

export const personRow = (p?: Person): PersonRow => ({
  name: p?.name ?? '',
  function: p?.function ?? '',
  head: p?.head ?? false,
});

const nameKey = (s: string) => s.trim().toLocaleLowerCase();

/** Why row `i` is left out of what is saved: its name is blank, or repeats an earlier row's (ignoring case). */
export function personProblem(rows: PersonRow[], i: number): 'blank' | 'duplicate' | null {
  const key = nameKey(rows[i].name);
  if (key === '') return 'blank';
  return rows.slice(0, i).some((r) => nameKey(r.name) === key) ? 'duplicate' : null;
}

/** The persons the store can take, trimmed: rows with a problem are left out, and only the first head kept. */
export function validPersons(rows: PersonRow[]): Person[] {
  const out: Person[] = [];
  let headSeen = false;
  rows.forEach((r, i) => {
    if (personProblem(rows, i)) return;
    const p: Person = { name: r.name.trim() };
    const fn = r.function.trim();
    if (fn) p.function = fn;
    if (r.head && !headSeen) {
      p.head = true;
      headSeen = true;
    }
    out.push(p);
  });
  return out;
}
