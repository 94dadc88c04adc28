// The interface's messages, one Fluent file per UN language (src/locales/<lang>.ftl). `t(key, args)` formats a
// message in the current interface language, which is reactive state, so every label re-renders when the user
// switches language in Settings. The interface language is independent of a meeting's document language.
// Unit tests (i18n.test.ts) check that every language defines exactly English's ids and that each formats.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Language } from '../bindings/Language';
import type { Key } from '../locales/ids';
import { locale } from './dates';

export type { Key };
export type UiLanguage = Language;

/** The six languages in the order of the Settings list, each named in itself. */
export const UI_LANGUAGES: { code: Language; name: string }[] = [
  { code: 'ar', name: 'العربية' },
  { code: 'zh', name: '中文' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'ru', name: 'Русский' },
  { code: 'es', name: 'Español' },
];

const files = import.meta.glob('../locales/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The text of each language's message file. */
export const sources = Object.fromEntries(
  UI_LANGUAGES.map(({ code }) => [code, files[`../locales/${code}.ftl`] ?? '']),
) as Record<Language, string>;

/** A cache, not state: a bundle never changes once parsed. */
const bundles: Partial<Record<Language, FluentBundle>> = {};

/** The language's bundle, parsed on first use. Arabic wraps each variable in bidi isolation marks (FSI…PDI),
 * so a Latin name or a number inside Arabic text keeps its own direction; the other languages are left-to-right
 * throughout and leave variables bare. Numbers use the same locales as dates: Latin digits for Arabic. */
export function bundle(lang: Language): FluentBundle {
  let b = bundles[lang];
  if (!b) {
    b = new FluentBundle(locale(lang), { useIsolating: lang === 'ar' });
    const errors = b.addResource(new FluentResource(sources[lang]));
    if (errors.length) console.error(`messages ${lang}:`, errors);
    bundles[lang] = b;
  }
  return b;
}

export const i18n = $state<{ lang: Language }>({ lang: 'en' });

const RTL = new Set<Language>(['ar']);

/** Switches the interface language, and marks the document root with it: `lang` for fonts, hyphenation and
 * screen readers, `dir` so the layout (written in logical CSS properties) mirrors for Arabic. */
export function setLanguage(lang: Language) {
  i18n.lang = UI_LANGUAGES.some((l) => l.code === lang) ? lang : 'en';
  document.documentElement.lang = i18n.lang;
  document.documentElement.dir = RTL.has(i18n.lang) ? 'rtl' : 'ltr';
}

export type Args = Record<string, FluentVariable>;

/** Formats `key` in `lang`; falls back to English, then to the id, so a gap never blanks a label. Fluent
 * reports a missing variable into `errors` and shows its name in braces; without `errors` the report goes to
 * the console rather than throwing in the middle of a render. */
export function format(lang: Language, key: Key, args?: Args, errors?: Error[]): string {
  for (const b of [bundle(lang), bundle('en')]) {
    const message = b.getMessage(key);
    if (!message?.value) continue;
    const found: Error[] = errors ?? [];
    const text = b.formatPattern(message.value, args, found);
    if (!errors && found.length) console.error(`message ${lang}.${key}:`, found);
    return text;
  }
  return key;
}

/** Pseudo-localisation, for translators and for the end-to-end check that every visible string comes from
 * the catalogue: with `localStorage['rapporteur.pseudo-locale']` set to `1`, every message shows between ⟦ and
 * ⟧, so text without them on screen is text that bypassed `t`. Read once at start. */
const PSEUDO = globalThis.localStorage?.getItem('rapporteur.pseudo-locale') === '1';

export function t(key: Key, args?: Args): string {
  const text = format(i18n.lang, key, args);
  return PSEUDO ? `⟦${text}⟧` : text;
}

/** The message `key` when the catalogue has it, else `fallback`: for ids built from data, such as a generated
 * section's name, where a newer backend may name a section this interface does not know yet. */
export function tOr(key: string, fallback: string): string {
  return bundle(i18n.lang).hasMessage(key) || bundle('en').hasMessage(key) ? t(key as Key) : fallback;
}

/** A generated section's name ("speakers", "next_steps") in the interface language. */
export function sectionName(name: string): string {
  return tOr(`section_${name}`, name);
}

/** A message for text that goes into the record (a default title), without Arabic's bidi isolation marks. */
export function tPlain(key: Key, args?: Args): string {
  return t(key, args).replace(/[\u2068\u2069]/g, '');
}

/** "a, b, c" with the separators of the interface language (Chinese 、, Arabic ،). */
export function list(items: string[]): string {
  return new Intl.ListFormat(locale(i18n.lang), { type: 'unit', style: 'short' }).format(items);
}
