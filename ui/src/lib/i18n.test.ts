// The message catalogue: every language defines exactly English's messages with English's variables, every
// message formats without a Fluent error, plurals follow each language's rules, and ids.ts matches en.ftl.
import { afterEach, describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { format, setLanguage, sources, UI_LANGUAGES } from './i18n.svelte';
import type { Key } from '../locales/ids';
import idsSource from '../locales/ids.ts?raw';

/** Each message id of a language's file, with the variables it uses. */
function messages(lang: keyof typeof sources): Map<string, string[]> {
  const text = sources[lang];
  const resource = new FluentResource(text);
  const found = new Map<string, string[]>();
  for (const entry of resource.body) found.set(entry.id, []);
  // The runtime parser drops a message it cannot read without a word: count the ids written in the file too.
  const written = [...text.matchAll(/^([a-zA-Z][\w-]*) *=/gm)].map((m) => m[1]);
  expect(written.length, `${lang}: messages the parser dropped`).toBe(found.size);
  let current = '';
  for (const line of text.split('\n')) {
    const id = /^([a-zA-Z][\w-]*) *=/.exec(line)?.[1];
    if (id) current = id;
    for (const m of line.matchAll(/\{\s*\$(\w+)/g))
      if (!found.get(current)!.includes(m[1])) found.get(current)!.push(m[1]);
  }
  for (const vars of found.values()) vars.sort();
  return found;
}

const english = messages('en');
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];

afterEach(() => setLanguage('en'));

describe('message catalogue', () => {
  it('has the six UN languages, each named in itself', () => {
    expect(UI_LANGUAGES.map((l) => `${l.code} ${l.name}`)).toEqual([
      'ar العربية',
      'zh 中文',
      'en English',
      'fr Français',
      'ru Русский',
      'es Español',
    ]);
    expect(english.size).toBeGreaterThan(300);
  });

  for (const { code } of UI_LANGUAGES) {
    it(`${code}: every English message, no other, with English's variables`, () => {
      const own = messages(code);
      expect(
        [...own.keys()].filter((id) => !english.has(id)),
        'extra ids',
      ).toEqual([]);
      expect(
        [...english.keys()].filter((id) => !own.has(id)),
        'missing ids',
      ).toEqual([]);
      for (const [id, vars] of english) expect(own.get(id), id).toEqual(vars);
    });

    it(`${code}: every message formats without errors, for every count`, () => {
      for (const [id, vars] of english) {
        for (const count of vars.includes('count') ? COUNTS : [1]) {
          const args = Object.fromEntries(vars.map((v) => [v, v === 'count' ? count : `«${v}»`]));
          const errors: Error[] = [];
          const text = format(code, id as Key, args, errors);
          expect(errors, `${code}.${id}`).toEqual([]);
          expect(text.trim(), `${code}.${id}`).not.toBe('');
          // Each language shows every value English shows (a value that only chooses a variant, such as
          // `$kind`, is not shown as it is).
          const shown = format('en', id as Key, args);
          for (const v of vars)
            if (v !== 'count' && shown.includes(`«${v}»`))
              expect(text, `${code}.${id} shows $${v}`).toContain(`«${v}»`);
        }
      }
    });
  }

  it('lists exactly the ids of en.ftl in ids.ts (npm run messages)', () => {
    const typed = [...idsSource.matchAll(/\| '([^']+)'/g)].map((m) => m[1]);
    expect(typed).toEqual([...english.keys()]);
  });
});

describe('plurals', () => {
  it('follow the Russian one/few/many forms', () => {
    const say = (n: number) => format('ru', 'sy_replicas', { count: n });
    expect([1, 2, 5, 21, 22, 11].map(say)).toEqual([
      '1 коллега',
      '2 коллеги',
      '5 коллег',
      '21 коллега',
      '22 коллеги',
      '11 коллег',
    ]);
    expect(format('ru', 'sy_skipped', { count: 3 })).toBe('3 файла пропущено');
  });

  it('follow the Arabic zero/one/two/few/many/other forms, with Latin digits', () => {
    const say = (n: number) => format('ar', 'sy_replicas', { count: n }).replace(/[\u2068\u2069]/g, '');
    expect([0, 1, 2, 3, 11, 100].map(say)).toEqual([
      'لا زملاء',
      'زميل واحد',
      'زميلان',
      '3 زملاء',
      '11 زميلاً',
      '100 زميل',
    ]);
  });

  it('keep English and French as they were: French singular for 0', () => {
    expect(format('en', 'sy_skipped', { count: 0 })).toBe('0 files skipped');
    expect(format('fr', 'sy_skipped', { count: 0 })).toBe('0 fichier ignoré');
    expect(format('en', 'at_pending_count', { count: 1 })).toBe('1 attachment on its way');
  });
});

describe('direction', () => {
  it('marks the document root with lang, and dir=rtl for Arabic only', () => {
    setLanguage('ar');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    setLanguage('zh');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['zh', 'ltr']);
  });

  it('isolates variables inside Arabic text so a Latin name keeps its direction', () => {
    expect(format('ar', 'at_saved', { name: 'speech.pdf' })).toBe('حُفظ \u2068speech.pdf\u2069.');
    expect(format('en', 'at_saved', { name: 'speech.pdf' })).toBe('Saved speech.pdf.');
  });
});
