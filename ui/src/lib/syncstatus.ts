// What the sync indicator says, worked out from a status snapshot: kept apart from the component so the
// wording for each state (off, running, failed, files skipped, fine) is unit-tested.
import type { SyncStatus } from '../bindings/SyncStatus';
import { locale } from './dates';
import { errorText } from './errortext';
import { i18n, t } from './i18n.svelte';

export type SyncTone = 'off' | 'running' | 'error' | 'warn' | 'ok';

export interface SyncLine {
  tone: SyncTone;
  text: string;
  /** Progress of a running round, 0..1, when it is known. */
  progress?: number;
}

/** "just now", "3 minutes ago", "2 hours ago", in the UI language. */
export function ago(then: number, now: number): string {
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return t('sy_just_now');
  const format = new Intl.RelativeTimeFormat(locale(i18n.lang), { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

export function describeSync(s: SyncStatus | null, now: number): SyncLine {
  if (!s || !s.folder) return { tone: 'off', text: t('sy_off') };
  if (s.running) {
    const p = s.progress;
    if (p && p.total > 0) {
      const key = p.phase === 'sending' ? 'sy_progress_sending' : 'sy_progress_receiving';
      return {
        tone: 'running',
        text: t(key, { done: p.done, total: p.total }),
        progress: Math.min(1, p.done / p.total),
      };
    }
    return { tone: 'running', text: t('sy_running') };
  }
  if (s.last_error) return { tone: 'error', text: t('sy_failed_because', { message: errorText(s.last_error) }) };
  const report = s.last_report;
  if (!report || s.last_ok_at == null) return { tone: 'off', text: t('sy_never') };
  const parts = [t('sy_ok', { ago: ago(s.last_ok_at, now) })];
  parts.push(t('sy_replicas', { count: report.replicas_seen.length }));
  const skipped = report.skipped.length;
  const partial = report.write_error ?? report.read_error;
  if (skipped > 0) parts.push(t('sy_skipped', { count: skipped }));
  // Attachments still on their way are normal (a colleague's copy is still arriving): told, not warned about.
  const pending = report.pending_blobs?.length ?? 0;
  if (pending > 0) parts.push(t('at_pending_count', { count: pending }));
  if (partial) return { tone: 'error', text: `${parts.join(' · ')} · ${partial}` };
  return { tone: skipped > 0 ? 'warn' : 'ok', text: parts.join(' · ') };
}
