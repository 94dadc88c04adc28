// Rows of two fields kept in a meeting (the agenda: number and title; the documents before it: symbol and
// title), edited by PairRows.svelte. What the store can take is decided here, apart from the component.

export interface Pair {
  key: string;
  text: string;
}

/** The rows the store can take, trimmed: a blank key, a key repeating an earlier one, or (when `textRequired`)
 * a blank text leaves its row out. */
export function validPairs(list: Pair[], textRequired: boolean): Pair[] {
  const seen = new Set<string>();
  const out: Pair[] = [];
  for (const r of list) {
    const key = r.key.trim();
    const text = r.text.trim();
    if (key === '' || seen.has(key) || (textRequired && text === '')) continue;
    seen.add(key);
    out.push({ key, text });
  }
  return out;
}
