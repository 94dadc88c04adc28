// Writes src/locales/ids.ts, the TypeScript union of the message ids of en.ftl, so that svelte-check refuses a
// `t('…')` whose id English does not define. Run `npm run messages` after adding or removing a message; a unit
// test (src/lib/i18n.test.ts) fails while ids.ts and en.ftl disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const ftl = readFileSync(new URL('../src/locales/en.ftl', import.meta.url), 'utf8');
const ids = [...ftl.matchAll(/^([a-zA-Z][\w-]*) *=/gm)].map((m) => m[1]);
const body = ids.map((id) => `  | '${id}'`).join('\n');
writeFileSync(
  new URL('../src/locales/ids.ts', import.meta.url),
  `// Generated from en.ftl by scripts/message-ids.mjs (npm run messages). Do not edit.\nexport type Key =\n${body};\n`,
);
