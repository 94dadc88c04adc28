// The UI's state, in one place: the meetings list, the open meeting's record, the current view, settings and
// messages. Screens read it and change things only through `edit` (the backend's one write path) or the few
// other calls in api.ts; the record that comes back replaces the local one, so the screen always shows what
// is stored.
import { api } from './api';
import type { Edit, MeetingRecord, MeetingSummary, Settings, SyncStatus } from './api';
import { flushAll, track } from './autosave';
import { toAppError, type AppError } from './errors';
import { errorText } from './errortext';
import { setLanguage, t } from './i18n.svelte';

export type View = 'overview' | 'attendance' | 'speakers' | 'actions' | 'notes' | 'documents' | 'export';
export const VIEWS: View[] = ['overview', 'attendance', 'speakers', 'actions', 'notes', 'documents', 'export'];
export type Panel = 'meeting' | 'tracker' | 'settings';

export interface Toast {
  id: number;
  kind: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

let toastSeq = 0;

class AppState {
  meetings = $state<MeetingSummary[]>([]);
  currentId = $state<string | null>(null);
  record = $state<MeetingRecord | null>(null);
  view = $state<View>('overview');
  panel = $state<Panel>('meeting');
  helpOpen = $state(false);
  settings = $state<Settings | null>(null);
  private settingsSaved: Promise<void> = Promise.resolve();
  /** The last change to a record sent to the backend: changes run one after another, in the order made. */
  private lastEdit: Promise<unknown> = Promise.resolve();
  dataDir = $state('');
  toasts = $state<Toast[]>([]);
  /** Bumped to ask the sidebar to focus its search box. */
  focusSearch = $state(0);
  /** The meeting just created: Overview selects its placeholder title for typing over. */
  justCreated = $state<string | null>(null);
  /** Set to ask the speakers view to give the floor to the next speaker; the view clears it when it does, so a
   * request made while another tab was showing is honoured once the view mounts. */
  nextSpeakerPending = $state(false);
  /** Speakers timer: who has the floor and since when (ms since epoch). */
  floor = $state<{ meetingId: string; interventionId: string; since: number } | null>(null);
  /** The background sync's last snapshot, and this machine's clock when it was taken (for "synced 2 min ago"). */
  syncStatus = $state<SyncStatus | null>(null);
  syncPolledAt = $state(Date.now());
  /** Bumped when a sync round changed the open meeting; `before` is the record as it was just before. */
  remoteChange = $state<{ seq: number; before: MeetingRecord | null }>({ seq: 0, before: null });

  async init() {
    await this.guard(async () => {
      const [settings, dataDir] = await Promise.all([api.settings(), api.dataDir()]);
      this.settings = settings;
      this.dataDir = dataDir;
      this.applySettings(settings);
      await this.refreshList();
    });
  }

  /** Polls the sync status: twice a second while a round runs (for its progress), else every two seconds.
   *  Returns the function that stops it. */
  startSyncPolling(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      await this.pollSync();
      if (!stopped) timer = setTimeout(tick, this.syncStatus?.running ? 500 : 2000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async pollSync() {
    let next: SyncStatus;
    try {
      next = await api.syncStatus();
      if (!next) return;
    } catch {
      return; // the indicator keeps its last state; a broken status call must not flood the screen with toasts
    }
    const before = this.syncStatus?.changes_applied ?? 0;
    this.syncStatus = next;
    this.syncPolledAt = Date.now();
    if (next.changes_applied > before) await this.reloadAfterSync();
  }

  /** Another machine's changes arrived: show them, after writing what is being typed here. */
  async reloadAfterSync() {
    await flushAll();
    await this.guard(() => this.refreshList());
    const id = this.currentId;
    if (!id) return;
    try {
      const record = await api.record(id);
      if (this.currentId === id) {
        const before = this.record;
        this.record = record;
        this.remoteChange = { seq: this.remoteChange.seq + 1, before };
      }
    } catch {
      // Deleted on another machine: close it rather than show what no longer exists.
      if (this.currentId === id) {
        this.currentId = null;
        this.record = null;
      }
    }
  }

  /** One sync round now, with the folder in the settings. */
  async syncNow() {
    const report = await this.guard(() => api.syncNow());
    await this.pollSync();
    if (report) this.info(t('sync_done'));
  }

  applySettings(s: Settings) {
    setLanguage(s.ui_language);
    document.documentElement.dataset.theme = s.theme;
  }

  /** Runs one change of the settings: `change` gets the settings as last saved and returns them as the
   * backend now holds them (null when it refused or the user cancelled). Changes are run one after another, so
   * a quick second change (the theme just after the language, a folder picked just after the interval) never
   * writes back a value the first is still saving. */
  changeSettings(change: (current: Settings) => Promise<Settings | null>): Promise<boolean> {
    const run = this.settingsSaved.then(async () => {
      const current = this.settings;
      if (!current) return false;
      const next = await this.guard(() => change(current));
      if (!next) return false;
      this.settings = next;
      this.applySettings(next);
      return true;
    });
    this.settingsSaved = run.then(() => undefined);
    return run;
  }

  /** Saves `patch` on top of the settings as last saved. */
  updateSettings(patch: Partial<Settings>): Promise<boolean> {
    return this.changeSettings(async (current) => {
      const next = { ...current, ...patch };
      await api.setSettings(next);
      return next;
    });
  }

  async refreshList() {
    this.meetings = await api.listMeetings();
  }

  /**
   * Show another tab of the open meeting once what was typed in this one is written: the new tab's rows are
   * made from the record as it then is, so a change typed just before the switch shows there.
   */
  async showView(view: View) {
    await flushAll();
    this.panel = 'meeting';
    this.view = view;
  }

  async open(id: string, view?: View) {
    await flushAll();
    await this.guard(async () => {
      this.record = await api.record(id);
      this.currentId = id;
      this.panel = 'meeting';
      if (view) this.view = view;
    });
  }

  async createMeeting() {
    await flushAll();
    await this.guard(async () => {
      const today = new Date();
      const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const id = await api.createMeeting({
        title: t('untitled'),
        kind: 'briefing',
        date,
        // A new meeting is written in the interface's language, any of the six; the Overview changes it.
        language: this.settings?.ui_language ?? 'en',
        status: 'draft',
      });
      await this.refreshList();
      this.justCreated = id;
      await this.open(id, 'overview');
    });
  }

  async deleteCurrent() {
    const id = this.currentId;
    if (!id) return;
    await this.guard(async () => {
      await api.deleteMeeting(id);
      this.currentId = null;
      this.record = null;
      await this.refreshList();
    });
  }

  /** Apply one change to the open meeting; returns the new record, or null when it failed (and was shown). */
  async edit(change: Edit): Promise<MeetingRecord | null> {
    const id = this.currentId;
    if (!id) return null;
    const next = await this.editMeeting(id, change);
    if (next) void this.refreshList().catch((e) => this.error(e));
    return next;
  }

  /**
   * Apply one change to meeting `id` (open or not, as the tracker's rows are), after every change made
   * before it has returned: two quick changes never overtake each other, so an older record never replaces
   * a newer one on screen. Returns the new record, or null when it failed (and was shown).
   */
  editMeeting(id: string, change: Edit): Promise<MeetingRecord | null> {
    const run = this.lastEdit.then(() =>
      this.guard(async () => {
        const next = await api.edit(id, change);
        if (this.currentId === id) this.record = next;
        return next;
      }),
    );
    this.lastEdit = run;
    return track(run);
  }

  /** Runs `work`; any failure is shown as a readable message and yields null. */
  async guard<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (thrown) {
      this.error(thrown);
      return null;
    }
  }

  error(thrown: unknown) {
    const e: AppError = toAppError(thrown);
    this.toast({ kind: 'error', message: errorText(e), code: e.code });
  }

  info(message: string) {
    this.toast({ kind: 'info', message });
  }

  /** Something the user should know that did not stop the work (stays until dismissed). */
  warn(message: string) {
    this.toast({ kind: 'warning', message });
  }

  private toast(t: Omit<Toast, 'id'>) {
    const id = ++toastSeq;
    this.toasts = [...this.toasts.slice(-3), { id, ...t }];
    if (t.kind === 'info') setTimeout(() => this.dismiss(id), 3500);
  }

  dismiss(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

export const app = new AppState();
