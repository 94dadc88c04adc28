export type Saved = { file: string, warnings: Array<string>, };
