import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../bindings/SyncStatus';
import type { RoundReport } from '../bindings/RoundReport';
import { ago, describeSync } from './syncstatus';
import { setLanguage } from './i18n.svelte';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function report(patch: Partial<RoundReport> = {}): RoundReport {
  return {
    replica_id: 'r-me',
    replica_name: 'Here',
    sent: [],
    received: [],
    pending_blobs: [],
    sent_blobs: [],
    received_blobs: [],
    skipped: [],
    ignored: [],
    healed: [],
    waiting_for_me: [],
    replicas_seen: [{ id: 'r-other', name: 'Geneva laptop', last_seq: 4, applied_seq: 4 }],
    full_scan: true,
    duration_ms: 12,
    ...patch,
  } as RoundReport;
}

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return { folder: '/shared', interval_secs: 60, running: false, changes_applied: 0, ...patch };
}

afterEach(() => setLanguage('en'));

describe('describeSync', () => {
  it('is off without a folder, and says so before the first round', () => {
    expect(describeSync(null, NOW)).toEqual({ tone: 'off', text: 'Sync off' });
    expect(describeSync(status({ folder: undefined }), NOW).text).toBe('Sync off');
    expect(describeSync(status(), NOW)).toEqual({ tone: 'off', text: 'Not synced yet' });
  });

  it('shows the progress of a running round', () => {
    const line = describeSync(status({ running: true, progress: { phase: 'receiving', done: 30, total: 120 } }), NOW);
    expect(line).toEqual({ tone: 'running', text: 'Receiving 30 of 120', progress: 0.25 });
    expect(describeSync(status({ running: true }), NOW)).toEqual({ tone: 'running', text: 'Syncing…' });
  });

  it('names the failure', () => {
    const line = describeSync(
      status({
        last_error: { code: 'sync', message: '/media/usb: folder not found' },
        last_ok_at: NOW - 1000,
        last_report: report(),
      }),
      NOW,
    );
    expect(line.tone).toBe('error');
    expect(line.text).toContain('/media/usb: folder not found');
  });

  it('counts colleagues and skipped files, singular and plural', () => {
    const ok = describeSync(status({ last_ok_at: NOW - 5_000, last_report: report() }), NOW);
    expect(ok).toEqual({ tone: 'ok', text: 'Synced just now · 1 colleague' });
    const skipped = report({
      skipped: [
        { file: 'replicas/x/1.upd', code: 'truncated', reason: 'the file is cut short' },
        { file: 'replicas/x/2.upd', code: 'checksum', reason: 'the checksum does not match' },
      ],
      replicas_seen: [],
    });
    const warn = describeSync(status({ last_ok_at: NOW - 3 * 60_000, last_report: skipped }), NOW);
    expect(warn).toEqual({ tone: 'warn', text: 'Synced 3 minutes ago · 0 colleagues · 2 files skipped' });
  });

  it('tells of attachments on their way without warning', () => {
    const blob = (n: number) => ({
      file: `blobs/${n}`,
      name: `s${n}.pdf`,
      code: 'blob_missing',
      reason: 'not there yet',
    });
    const one = describeSync(status({ last_ok_at: NOW, last_report: report({ pending_blobs: [blob(1)] }) }), NOW);
    expect(one).toEqual({ tone: 'ok', text: 'Synced just now · 1 colleague · 1 attachment on its way' });
    const two = describeSync(
      status({ last_ok_at: NOW, last_report: report({ pending_blobs: [blob(1), blob(2)] }) }),
      NOW,
    );
    expect(two.text).toBe('Synced just now · 1 colleague · 2 attachments on their way');
  });

  it('reports a folder it could not write to as an error even though the round completed', () => {
    const line = describeSync(
      status({ last_ok_at: NOW, last_report: report({ write_error: 'read-only file system' }) }),
      NOW,
    );
    expect(line.tone).toBe('error');
    expect(line.text).toContain('read-only file system');
  });

  it('speaks French', () => {
    setLanguage('fr');
    expect(describeSync(status({ last_ok_at: NOW - 2 * 3600_000, last_report: report() }), NOW).text).toBe(
      'Synchronisé il y a 2 heures · 1 collègue',
    );
    expect(ago(NOW - 10_000, NOW)).toBe('à l’instant');
    const none = report({ replicas_seen: [] });
    expect(describeSync(status({ last_ok_at: NOW, last_report: none }), NOW).text).toBe(
      'Synchronisé à l’instant · 0 collègue',
    );
  });
});
