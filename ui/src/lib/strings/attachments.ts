// Strings of a document's attachments list, merged into the dictionaries in i18n.svelte.ts.
// Typing `fr` by `en`'s keys makes the type check fail when a French string is missing.
export const en = {
  at_title: 'Attachments',
  at_none: 'No files attached.',
  at_attach: 'Attach file…',
  at_save: 'Save as…',
  at_remove: 'Remove',
  at_pending: 'not arrived yet',
  at_confirm_remove: 'Remove the attachment {name}? Colleagues lose it too at the next sync.',
  at_saved: 'Saved {name}.',
  at_pick: 'Choose a file to attach (up to 50 MB)',
  at_pending_one: '{n} attachment on its way',
  at_pending_many: '{n} attachments on their way',
  at_pending_files: 'Attachments not arrived yet (fetched again every round)',
  at_name: 'Attachment',
};

export const fr: Record<keyof typeof en, string> = {
  at_title: 'Pièces jointes',
  at_none: 'Aucun fichier joint.',
  at_attach: 'Joindre un fichier…',
  at_save: 'Enregistrer sous…',
  at_remove: 'Retirer',
  at_pending: 'pas encore arrivé',
  at_confirm_remove: 'Retirer la pièce jointe {name} ? Vos collègues la perdront aussi à la prochaine synchronisation.',
  at_saved: '{name} enregistré.',
  at_pick: 'Choisir un fichier à joindre (50 Mo au plus)',
  at_pending_one: '{n} pièce jointe en route',
  at_pending_many: '{n} pièces jointes en route',
  at_pending_files: 'Pièces jointes pas encore arrivées (recherchées à chaque synchronisation)',
  at_name: 'Pièce jointe',
};
