import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDate, isIsoDate, isLeapYear, parseDate, parseTime, toIso, type DateLang } from './dates';
import { format } from './i18n.svelte';

const LANGS: DateLang[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];
const date = (iso: string) => ({ kind: 'date', iso });
const invalid = { kind: 'invalid' };

describe('formatDate', () => {
  it('writes the long form of each language, with Western digits', () => {
    expect(formatDate('2019-12-12', 'en')).toBe('12 December 2019');
    expect(formatDate('2020-04-02', 'en')).toBe('2 April 2020');
    expect(formatDate('2020-04-02', 'fr')).toBe('2 avril 2020');
    expect(formatDate('2020-04-02', 'es')).toBe('2 de abril de 2020');
    expect(formatDate('2020-04-02', 'ru')).toMatch(/^2 апреля 2020/);
    expect(formatDate('2020-04-02', 'zh')).toBe('2020年4月2日');
    expect(formatDate('2020-04-02', 'ar')).toMatch(/^2 .+ 2020$/);
    expect(formatDate('2020-09-30', 'en', 'short')).toBe('30 Sept 2020');
    expect(formatDate('2020-04-02', 'fr', 'short')).toBe('2 avr. 2020');
  });

  it('leaves empty and non-dates as they are', () => {
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('2019-02-30', 'fr')).toBe('2019-02-30');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('parseDate', () => {
  it('reads day/month/year in every language, never month first', () => {
    for (const lang of LANGS) {
      expect(parseDate('2/4/2020', lang), lang).toEqual(date('2020-04-02'));
      expect(parseDate('02/04/2020', lang), lang).toEqual(date('2020-04-02'));
      expect(parseDate('12/12/2019', lang), lang).toEqual(date('2019-12-12'));
      expect(parseDate('2.4.2020', lang), lang).toEqual(date('2020-04-02'));
      expect(parseDate('2-4-2020', lang), lang).toEqual(date('2020-04-02'));
      expect(parseDate(' 2 4 2020 ', lang), lang).toEqual(date('2020-04-02'));
      // Month 13 is not a month: 12/13/2019 is not read as 13 December.
      expect(parseDate('12/13/2019', lang), lang).toEqual(invalid);
    }
  });

  it('reads ISO and year-first dates in every language', () => {
    for (const lang of LANGS) {
      expect(parseDate('2020-04-02', lang), lang).toEqual(date('2020-04-02'));
      expect(parseDate('2020/4/2', lang), lang).toEqual(date('2020-04-02'));
    }
    expect(parseDate('2020年4月2日', 'zh')).toEqual(date('2020-04-02'));
    expect(parseDate('02.04.2020 г.', 'ru')).toEqual(date('2020-04-02'));
  });

  it('reads back what it displays, for every language and month', () => {
    for (const lang of LANGS) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = toIso(2021, month, day)!;
          expect(parseDate(formatDate(iso, lang), lang), `${lang} ${iso} ${formatDate(iso, lang)}`).toEqual(date(iso));
          expect(
            parseDate(formatDate(iso, lang, 'short'), lang),
            `${lang} ${iso} ${formatDate(iso, lang, 'short')}`,
          ).toEqual(date(iso));
        }
      }
    }
  });

  it('reads month names typed by hand: short, unaccented, any case, English anywhere', () => {
    expect(parseDate('12 dec 2019', 'en')).toEqual(date('2019-12-12'));
    expect(parseDate('December 12, 2019', 'en')).toEqual(date('2019-12-12'));
    expect(parseDate('12 decembre 2019', 'fr')).toEqual(date('2019-12-12'));
    expect(parseDate('12 DÉC. 2019', 'fr')).toEqual(date('2019-12-12'));
    expect(parseDate('1er', 'fr')).toEqual(invalid);
    expect(parseDate('2 févr 2020', 'fr')).toEqual(date('2020-02-02'));
    expect(parseDate('2 April 2020', 'fr')).toEqual(date('2020-04-02'));
    expect(parseDate('12 de diciembre de 2019', 'es')).toEqual(date('2019-12-12'));
    expect(parseDate('12 dic 2019', 'es')).toEqual(date('2019-12-12'));
    expect(parseDate('12 декабря 2019 г.', 'ru')).toEqual(date('2019-12-12'));
    expect(parseDate('12 декабрь 2019', 'ru')).toEqual(date('2019-12-12'));
    // Arabic-Indic digits are read as digits.
    expect(parseDate('١٢ ديسمبر ٢٠١٩', 'ar')).toEqual(date('2019-12-12'));
    // "jui" could be juin or juillet.
    expect(parseDate('3 jui 2020', 'fr')).toEqual(invalid);
  });

  it('knows leap years', () => {
    for (const lang of LANGS) {
      expect(parseDate('29/02/2020', lang), lang).toEqual(date('2020-02-29'));
      expect(parseDate('29/02/2000', lang), lang).toEqual(date('2000-02-29'));
      expect(parseDate('29/02/2019', lang), lang).toEqual(invalid);
      expect(parseDate('29/02/1900', lang), lang).toEqual(invalid);
      expect(parseDate('2100-02-29', lang), lang).toEqual(invalid);
    }
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
  });

  it('refuses impossible days, short or huge years, and anything else', () => {
    const bad = [
      '31/02/2020',
      '31/04/2020',
      '0/1/2020',
      '1/0/2020',
      '32/01/2020',
      '1/1/20',
      '1/1/020',
      '01/01/0001',
      '1/1/275755',
      '2020-13-01',
      '2020-00-10',
      '2020-02-30',
      '12/12',
      '2019',
      'tomorrow',
      '12 smarch 2019',
      '12 December',
      '12 13 December 2019',
      'December 2019',
      '12/12/2019/1',
      '1//2020',
      '12 December 2019 December',
    ];
    for (const lang of LANGS) for (const text of bad) expect(parseDate(text, lang), `${lang} ${text}`).toEqual(invalid);
  });

  it('tells an empty field from a bad one', () => {
    expect(parseDate('', 'en')).toEqual({ kind: 'empty' });
    expect(parseDate('   ', 'fr')).toEqual({ kind: 'empty' });
  });
});

describe('helpers', () => {
  it('recognises stored dates', () => {
    expect(isIsoDate('2019-12-12')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-2-9')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('names the pattern in each language, from the message catalogue', () => {
    expect(format('en', 'date_pattern')).toBe('DD/MM/YYYY');
    expect(format('fr', 'date_pattern')).toBe('JJ/MM/AAAA');
    expect(format('es', 'date_pattern')).toBe('DD/MM/AAAA');
    expect(format('ru', 'date_pattern')).toBe('ДД.ММ.ГГГГ');
    for (const lang of LANGS) expect(format(lang, 'date_pattern')).toMatch(/\S/);
  });
});

describe('parseTime', () => {
  it('reads hours and minutes typed several ways, as HH:MM', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('09:05')).toBe('09:05');
    expect(parseTime('9h05')).toBe('09:05');
    expect(parseTime('9.05')).toBe('09:05');
    expect(parseTime('0905')).toBe('09:05');
    expect(parseTime(' 23:59 ')).toBe('23:59');
    expect(parseTime('00:00')).toBe('00:00');
    expect(parseTime('')).toBe('');
  });
  it('refuses what is not a time of day', () => {
    for (const bad of ['24:00', '12:60', '9', '905', '9:5', 'noon', '12:00:00', '-1:00'])
      expect(parseTime(bad), bad).toBeNull();
  });
});

describe('UN Arabic dates', () => {
  it('name the month in both calendars, as the drafts do', () => {
    expect(formatDate('2019-12-12', 'ar')).toBe('12 كانون الأول/ديسمبر 2019');
    expect(formatDate('2020-04-02', 'ar')).toBe('2 نيسان/أبريل 2020');
    expect(formatDate('2020-08-01', 'ar')).toBe('1 آب/أغسطس 2020');
  });

  it('read back the UN form, either name alone, and the Egyptian names', () => {
    const date = (iso: string) => ({ kind: 'date', iso });
    expect(parseDate('12 كانون الأول/ديسمبر 2019', 'ar')).toEqual(date('2019-12-12'));
    expect(parseDate('12 كانون الأول 2019', 'ar')).toEqual(date('2019-12-12'));
    expect(parseDate('2 تشرين الثاني 2020', 'ar')).toEqual(date('2020-11-02'));
    expect(parseDate('2 أبريل 2020', 'ar')).toEqual(date('2020-04-02'));
    expect(parseDate('1 آب 2020', 'ar')).toEqual(date('2020-08-01'));
    expect(parseDate('١ آب ٢٠٢٠', 'ar')).toEqual(date('2020-08-01'));
    expect(parseDate('12 كانون 2019', 'ar')).toEqual({ kind: 'invalid' });
  });
});
