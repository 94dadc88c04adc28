// Strings of the data-entry screens (action items, speakers, the party picker), merged into the dictionaries in
// i18n.svelte.ts. Typing `fr` by `en`'s keys makes the type check fail when a French string is missing.
export const en = {
  act_missing: 'To add the item, fill in: {fields}.',
  act_bad_due: 'The due date is incomplete: finish it or clear it.',
  pick_add_as: 'Add “{name}” as a new name, filed under:',
  pick_add_as_category: 'Add “{name}” as a new name, filed under {category}',
};

export const fr: Record<keyof typeof en, string> = {
  act_missing: 'Pour ajouter la suite à donner, remplissez : {fields}.',
  act_bad_due: 'La date d’échéance est incomplète : complétez-la ou effacez-la.',
  pick_add_as: 'Ajouter « {name} » comme nouveau nom, dans la catégorie :',
  pick_add_as_category: 'Ajouter « {name} » comme nouveau nom, dans la catégorie {category}',
};
