// Small pure helpers of the drafting screens: dates as people read them, a statement's status line, and
// today's date in the form the record stores (`YYYY-MM-DD`, local calendar day).
import type { Document } from '../bindings/Document';
import type { Language } from '../bindings/Language';
import { locale } from './dates';

type Lang = Language;
type Translate = (
  key: 'statement_drafted' | 'statement_delivered' | 'statement_delivered_by',
  params?: Record<string, string>,
) => string;

/** "12 December 2019" / "12 décembre 2019" for a record date; the input unchanged if it is not one. */
export function formatDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(day);
}

/** A version's time (RFC 3339) in local time, to the second: saves a few seconds apart stay distinct. */
export function formatTime(rfc3339: string, lang: Lang): string {
  const time = new Date(rfc3339);
  if (!rfc3339 || Number.isNaN(time.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'medium' }).format(time);
}

export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day "Mark delivered" stamps: the meeting's date, or today while a meeting over several days is on.
 *  (Statements are usually marked after the meeting, when today is the wrong day.) */
export function deliveryDate(meeting: { date: string; end_date?: string | null }, now: string = today()): string {
  if (meeting.end_date && meeting.date <= now && now <= meeting.end_date) return now;
  return meeting.date;
}

/** "Drafted", "Delivered on 12 December 2019" or "Delivered on 12 December 2019 by the Chair". */
export function statementStatus(doc: Pick<Document, 'speaker' | 'delivered_on'>, lang: Lang, t: Translate): string {
  if (!doc.delivered_on) return t('statement_drafted');
  const date = formatDay(doc.delivered_on, lang);
  const speaker = doc.speaker?.trim();
  return speaker ? t('statement_delivered_by', { date, speaker }) : t('statement_delivered', { date });
}
