// The Export view's choices, remembered per meeting for the session: coming back to the tab (or to the
// meeting) finds the format, document, language, annex, notes and comments ticks, and the previewed page, as they
// were left. Nothing is written to disk: the next session starts from the defaults.
import type { ExportOptions, Language } from './api';
import type { Table } from '../bindings/Table';

export interface ExportChoices {
  format: ExportOptions['format'];
  /** -1 for the summary, else the statement's index. */
  doc: number;
  /** '' for the meeting's own language. */
  lang: Language | '';
  annex: boolean;
  notes: boolean;
  /** The open comments as footnotes. */
  comments: boolean;
  table: Table;
  /** The previewed page, from 1. */
  page: number;
}

export const DEFAULT_CHOICES: ExportChoices = {
  format: 'pdf',
  doc: -1,
  lang: '',
  annex: false,
  notes: false,
  comments: false,
  table: 'attendance',
  page: 1,
};

const remembered = new Map<string, ExportChoices>();

export function choicesFor(meetingId: string): ExportChoices {
  return { ...(remembered.get(meetingId) ?? DEFAULT_CHOICES) };
}

export function rememberChoices(meetingId: string, choices: ExportChoices) {
  remembered.set(meetingId, { ...choices });
}

/** Forget every meeting's choices (tests start each from the defaults). */
export function forgetChoices() {
  remembered.clear();
}
