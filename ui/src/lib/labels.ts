// An attendance group's label as docs/FORMAT.md stores it: "singular|plural" gives both forms, a plain label is
// the plural (spaces around "|" are ignored), none means the built-in category name.

export interface LabelForms {
  singular: string;
  plural: string;
}

export function splitLabel(stored: string | null | undefined): LabelForms {
  if (!stored) return { singular: '', plural: '' };
  const bar = stored.indexOf('|');
  if (bar < 0) return { singular: '', plural: stored.trim() };
  return { singular: stored.slice(0, bar).trim(), plural: stored.slice(bar + 1).trim() };
}

/** The stored form of what was typed; undefined for no label. A singular alone cannot be stored (null). */
export function joinLabel(forms: LabelForms): string | undefined | null {
  const singular = forms.singular.trim();
  const plural = forms.plural.trim();
  if (plural === '') return singular === '' ? undefined : null;
  return singular === '' ? plural : `${singular}|${plural}`;
}
