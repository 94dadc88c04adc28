export type LetterheadEdit = { organisation?: string, unit?: string, remove_logo: boolean, };
