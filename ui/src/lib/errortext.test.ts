// Backend errors in the interface language: the sentence the backend names is formatted through the catalogue
// in every language, counts as numbers (Russian plurals), and an error without a sentence shows as sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageId } from '../bindings/MessageId';
import { errorText } from './errortext';
import { format, setLanguage, UI_LANGUAGES, type Key } from './i18n.svelte';

// Exhaustive by construction: a sentence Rust adds fails the type check here until it is listed.
const IDS = Object.keys({
  record_invalid: 1,
  record_invalid_at: 1,
  record_too_large: 1,
  value_refused: 1,
  template_failed: 1,
  file_unreadable: 1,
  not_found: 1,
  not_found_in_meeting: 1,
  field_invalid: 1,
  stored_unreadable: 1,
  merge_failed: 1,
  unknown_version: 1,
  database_unavailable: 1,
  database_failed: 1,
  setting_invalid: 1,
  attachment_too_large: 1,
  attachment_missing: 1,
  attachment_damaged: 1,
  sync_folder_unavailable: 1,
  sync_location_unavailable: 1,
  sync_location_refused: 1,
  sync_busy: 1,
  sync_failed: 1,
  sync_url_refused: 1,
  sync_url_not_url: 1,
  key_file_invalid: 1,
  passphrase_wrong: 1,
  passphrase_short: 1,
  file_sealed: 1,
  export_too_large: 1,
  logo_unusable: 1,
  document_not_found: 1,
  masthead_refused: 1,
  format_unknown: 1,
  typesetting_failed: 1,
  encoding_failed: 1,
  not_replaceable: 1,
  review_unreadable: 1,
  file_exists: 1,
  write_failed: 1,
  file_too_large: 1,
  file_is_folder: 1,
  file_not_regular: 1,
  file_not_utf8: 1,
  sync_location_missing: 1,
  sync_interval_short: 1,
} satisfies Record<MessageId, 1>) as MessageId[];

const VALUES = {
  file: 'minutes.json',
  field: 'meeting.date',
  detail: 'expected a string',
  line: 3,
  column: 7,
  size: 1048577,
  limit: 1048576,
  kind: 'meeting',
  id: 'm-17',
  meeting: 'm-17',
  version: 'v9',
  key: 'theme',
  name: 'annex.pdf',
  location: 'https://dav.example.org/team',
  min: 12,
  format: 'DOCX',
  url: 'ftp://example.org',
  byte: 17,
};

afterEach(() => setLanguage('en'));

describe('backend errors in the interface language', () => {
  it('every sentence formats in every language without a Fluent error', () => {
    for (const { code } of UI_LANGUAGES)
      for (const id of IDS) {
        const errors: Error[] = [];
        const text = format(code, `error_${id}` as Key, VALUES, errors);
        expect(errors, `${code} ${id}`).toEqual([]);
        expect(text, `${code} ${id}`).not.toBe(`error_${id}`);
      }
  });

  it('shows the named sentence in the interface language, with its values', () => {
    const e = {
      code: 'invalid_input' as const,
      message: 'minutes.json: meeting.date: expected a string at line 3 column 7',
      local: {
        id: 'record_invalid_at' as const,
        args: { file: 'minutes.json', field: 'meeting.date', detail: 'expected a string', line: '3', column: '7' },
      },
    };
    expect(errorText(e)).toBe('minutes.json, line 3, column 7: field meeting.date was refused: expected a string');
    setLanguage('fr');
    expect(errorText(e)).toBe('minutes.json, ligne 3, colonne 7 : champ meeting.date refusé : expected a string');
    setLanguage('zh');
    expect(errorText(e)).toBe('minutes.json，第 3 行第 7 列：字段 meeting.date 被拒绝：expected a string');
    setLanguage('ar');
    // Arabic isolates each value (FSI … PDI) so a Latin file name keeps its direction.
    expect(errorText(e).replace(/[\u2068\u2069]/g, '')).toBe(
      'minutes.json، السطر 3، العمود 7: رُفض الحقل meeting.date: expected a string',
    );
  });

  it('chooses plural forms from the counts', () => {
    const short = (min: string) => ({
      code: 'invalid_input' as const,
      message: 'too short',
      local: { id: 'passphrase_short' as const, args: { min } },
    });
    setLanguage('ru');
    expect(errorText(short('12'))).toContain('не менее 12 символов');
    expect(errorText(short('21'))).toContain('не менее 21 символа');
    setLanguage('ar');
    expect(errorText(short('12')).replace(/[\u2068\u2069]/g, '')).toContain('12 حرفاً');
    expect(errorText(short('5')).replace(/[\u2068\u2069]/g, '')).toContain('5 أحرف');
  });

  it('names the kind of a missing item in the language', () => {
    const e = {
      code: 'not_found' as const,
      message: 'attachment a1 not found in meeting m1',
      local: { id: 'not_found_in_meeting' as const, args: { kind: 'attachment', id: 'a1', meeting: 'm1' } },
    };
    setLanguage('es');
    expect(errorText(e)).toBe('No se encontró el archivo adjunto a1 en la reunión m1');
  });

  it('shows an error without a sentence as the backend wrote it', () => {
    setLanguage('fr');
    expect(errorText({ code: 'internal', message: 'file dialog: no display' })).toBe('file dialog: no display');
  });
});
