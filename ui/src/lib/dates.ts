// Calendar dates as people type and read them. The record stores `YYYY-MM-DD`; the window shows a date in the
// interface language's long form (Intl.DateTimeFormat: "12 December 2019", "12 décembre 2019") and reads what
// is typed in that language's convention.
//
// What is typed, in every language:
// - numbers in DAY/MONTH/YEAR order, separated by "/", ".", "-" or spaces: "2/4/2020" is 2 April 2020. English
//   takes the same order: UN English follows British usage (day, month, year), as the long form it shows does,
//   so a date never reads one way in the field and another in the summary;
// - a four-digit year first means YEAR/MONTH/DAY, so ISO "2020-04-02" (and Chinese "2020/4/2", "2020年4月2日")
//   work everywhere;
// - a day, a month name (long or short, in the interface language or in English, accents optional) and a year,
//   in any order: "2 April 2020", "2 avr. 2020", "2 de abril de 2020", "April 2, 2020", which is how the field
//   reads back its own display.
// The year has four digits (1000 to 9999): "2/4/20" is refused rather than guessed. Impossible days
// (31/02/2020, 29/02/2019) are refused; 29/02/2020 is a date.
import type { Language } from '../bindings/Language';

export type DateLang = Language;

const LOCALES: Record<DateLang, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ru: 'ru-RU',
  // UN Arabic documents write dates with Western digits.
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
};

/** Words that the long forms put around the numbers ("12 de diciembre de 2019", "12 декабря 2019 г."). */
const FILLERS = new Set(['de', 'del', 'г', 'года', 'год', 'le', 'the', 'of', 'on']);

export function locale(lang: DateLang): string {
  return LOCALES[lang] ?? LOCALES.en;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The ISO form of a real calendar date, or null. */
export function toIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a stored date (`YYYY-MM-DD`, a real day). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  return !!m && toIso(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and style: lists show many dates, and building a formatter is the slow part. */
function formatter(lang: DateLang, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: style, year: 'numeric', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** UN Arabic names each month in both calendars' names, as the drafts do (crates/core/src/draft/lang.rs):
 *  "12 كانون الأول/ديسمبر 2019". Intl has no such form. */
const UN_ARABIC_MONTHS = [
  'كانون الثاني/يناير',
  'شباط/فبراير',
  'آذار/مارس',
  'نيسان/أبريل',
  'أيار/مايو',
  'حزيران/يونيه',
  'تموز/يوليه',
  'آب/أغسطس',
  'أيلول/سبتمبر',
  'تشرين الأول/أكتوبر',
  'تشرين الثاني/نوفمبر',
  'كانون الأول/ديسمبر',
];
const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "12 December 2019" / "12 décembre 2019" / "2019年12月12日" / "12 كانون الأول/ديسمبر 2019" for a stored date
 *  ("12 Dec 2019" in the short style, for narrow fields); '' for ''; other text unchanged. */
export function formatDate(iso: string, lang: DateLang, style: 'long' | 'short' = 'long'): string {
  const m = ISO.exec(iso);
  if (!m || !isIsoDate(iso)) return iso;
  if (lang === 'ar' && style === 'long') return `${Number(m[3])} ${UN_ARABIC_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter(lang, style)
    .format(day)
    .replace(/[\u200e\u200f\u061c]/g, '');
}

/** Lower case, no accents, no bidi marks, Western digits, no trailing dots: how typed words are compared. */
function fold(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

const monthCache = new Map<string, Map<string, number>>();

/** Every name of every month that Intl gives for `lang` (long, short, standalone and in a date), folded. */
function monthNames(lang: DateLang): Map<string, number> {
  const cached = monthCache.get(lang);
  if (cached) return cached;
  const names = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { day: 'numeric', month: 'long' },
    { day: 'numeric', month: 'short' },
  ];
  for (const loc of new Set([locale(lang), locale('en')])) {
    for (const style of styles) {
      const format = new Intl.DateTimeFormat(loc, { ...style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) {
        const part = format.formatToParts(new Date(Date.UTC(2019, month - 1, 12))).find((p) => p.type === 'month');
        const name = part ? fold(part.value).replace(/\.$/, '') : '';
        // Numeric "months" (Chinese "12月") are read as numbers instead.
        if (name && !/\d/.test(name) && !names.has(name)) names.set(name, month);
      }
    }
  }
  monthCache.set(lang, names);
  return names;
}

/** The month a typed word names: a full or short name, or an unambiguous start of one (three letters or more). */
function monthOf(word: string, lang: DateLang): number | null {
  const names = monthNames(lang);
  const exact = names.get(word);
  if (exact) return exact;
  if ([...word].length < 3) return null;
  const found = new Set([...names].filter(([name]) => name.startsWith(word)).map(([, m]) => m));
  return found.size === 1 ? [...found][0] : null;
}

export type Parsed = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

/** Arabic month names of several words ("كانون الأول/ديسمبر", "تشرين الأول"), folded, each with the English
 *  name that stands for it while a typed date is read; the longest first, so a UN name is taken whole. */
const ARABIC_MONTH_PHRASES: [string, string][] = UN_ARABIC_MONTHS.flatMap((name, i): [string, string][] => [
  [fold(name), ENGLISH_MONTHS[i]],
  [fold(name.split('/')[0]), ENGLISH_MONTHS[i]],
]).sort((a, b) => b[0].length - a[0].length);

const ARABIC_MONTH_PATTERNS = ARABIC_MONTH_PHRASES.map(([phrase, english]): [RegExp, string] => [
  new RegExp(`(?<!\\p{L})${phrase}(?!\\p{L})`, 'gu'),
  ` ${english} `,
]);

/** `text` (folded) with each Arabic month name of the UN form or the Levantine one, as a whole word, replaced
 *  by its English name; the Egyptian names ("ديسمبر") are Intl's and are read as they are. */
function englishMonthNames(text: string): string {
  let out = text;
  for (const [pattern, english] of ARABIC_MONTH_PATTERNS) out = out.replace(pattern, english);
  return out.trim();
}

/** Reads a typed date in `lang`'s convention (see the top of this file). */
export function parseDate(text: string, lang: DateLang): Parsed {
  const folded = englishMonthNames(fold(text))
    // Chinese: 2020年4月2日
    .replace(/[年月]/g, '/')
    .replace(/日/g, '');
  if (folded === '') return { kind: 'empty' };
  const invalid: Parsed = { kind: 'invalid' };

  const numeric = /^(\d{1,4})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,4})\.?(?:\s*г\.?)?$/.exec(folded);
  if (numeric) {
    const [, a, b, c] = numeric;
    let iso: string | null = null;
    if (a.length === 4 && c.length <= 2) iso = toIso(Number(a), Number(b), Number(c));
    else if (c.length === 4 && a.length <= 2) iso = toIso(Number(c), Number(b), Number(a));
    return iso ? { kind: 'date', iso } : invalid;
  }

  // A day, a month name and a year, in any order, with the long forms' small words and punctuation around.
  const words = folded.split(/[\s,./\-،]+/).filter((w) => w !== '' && !FILLERS.has(w));
  const numbers: string[] = [];
  const months: number[] = [];
  for (const word of words) {
    if (/^\d+$/.test(word)) numbers.push(word);
    else {
      const month = monthOf(word, lang);
      if (month === null) return invalid;
      months.push(month);
    }
  }
  if (months.length !== 1 || numbers.length !== 2) return invalid;
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (!year || !day) return invalid;
  const iso = toIso(Number(year), months[0], Number(day));
  return iso ? { kind: 'date', iso } : invalid;
}

/** A typed time of day as the record stores it (`HH:MM`, 00:00 to 23:59): "9:05", "09.05", "9h05" and "0905"
 *  are read; '' for an empty field; null for anything else. */
export function parseTime(text: string): string | null {
  const s = fold(text);
  if (s === '') return '';
  const m = /^(\d{1,2})\s*[:h.]\s*(\d{2})$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
