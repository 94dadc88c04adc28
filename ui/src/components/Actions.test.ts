// The Action items view against a mocked, slow backend: adding says what is missing instead of doing nothing,
// a half-typed date cannot silently block the form, and typing on through several fields while a save is in
// flight puts every keystroke in the field the user is in.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { app } from '../lib/state.svelte';
import { flushAll } from '../lib/autosave';
import { enter, tab, type } from '../test/keyboard';
import type { ActionItem } from '../bindings/ActionItem';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

interface SlowBackend {
  edits: Edit[];
  answer(): void;
  release(): void;
  readonly inFlight: number;
}
let backend: SlowBackend | null = null;

/** A backend whose every `edit` waits until the test lets it answer (a slow disk), and applies the change. */
function slowBackend(items: ActionItem[] = []): SlowBackend {
  let record: MeetingRecord = {
    format: 'rapporteur/meeting-record@1',
    meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
    attendance: { groups: [], delegations: [] },
    interventions: [],
    action_items: items,
    related_meetings: [],
    documents: [],
  };
  const edits: Edit[] = [];
  const waiting: Array<() => void> = [];
  let released = false;
  let seq = items.length;
  mockWindows('main');
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'settings_get':
        return { sync_interval_secs: 60, ui_language: 'en', theme: 'light', letterhead: {} };
      case 'data_dir':
        return '/tmp/data';
      case 'list_meetings':
        return [
          {
            id: 'm1',
            title: 'Briefing',
            date: '2019-12-12',
            kind: 'briefing',
            status: 'draft',
            delegations_present: 0,
            interventions: 0,
            action_items: 0,
            open_action_items: 0,
            documents: 0,
          },
        ];
      case 'record':
        return record;
      case 'edit': {
        const edit = args.edit as Edit;
        edits.push(edit);
        const answer = deferred<MeetingRecord>();
        const apply = () => {
          if (edit.op === 'add_action')
            record = { ...record, action_items: [...record.action_items, { ...edit.item, id: `a${++seq}` }] };
          if (edit.op === 'update_action')
            record = { ...record, action_items: record.action_items.map((a) => (a.id === edit.id ? edit.item : a)) };
          answer.resolve(record);
        };
        if (released) apply();
        else waiting.push(apply);
        return answer.promise;
      }
      default:
        return null;
    }
  });
  return (backend = {
    edits,
    /** Answers the oldest pending save. */
    answer() {
      const next = waiting.shift();
      if (!next) throw new Error('no save is in flight');
      next();
    },
    /** From now on every save answers at once (for the clean-up after a test). */
    release() {
      released = true;
      for (const next of waiting.splice(0)) next();
    },
    get inFlight() {
      return waiting.length;
    },
  });
}

/** The backend's answer reaches the window between two keystrokes (one turn of the event loop). */
const letTheAnswerLand = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openActions() {
  render(App);
  await fireEvent.click(await screen.findByTestId('meeting-row'));
  await screen.findByTestId('meeting-title');
  await fireEvent.keyDown(window, { key: '4', altKey: true });
  await screen.findByTestId('action-form');
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const added = (edits: Edit[]) => edits.flatMap((e) => (e.op === 'add_action' ? [e.item] : []));

afterEach(async () => {
  backend?.release();
  await flushAll();
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
});

describe('adding an action item', () => {
  it('keeps every keystroke in its field when the user types on while the save is in flight', async () => {
    const saves = slowBackend();
    await openActions();
    field('new-action-from').focus();
    await type('Member States');
    tab();
    await type('OCHA');
    tab();
    await type('Report back on access');
    await enter();
    // The next item, typed straight on while the first is still being saved; the save lands mid-word.
    await type('UN Network');
    expect(saves.inFlight).toBe(1);
    saves.answer();
    await letTheAnswerLand();
    await type(' on Migration');
    tab();
    await type('Secretariat');
    tab();
    await type('Share the figures');
    await enter();
    saves.answer();
    await letTheAnswerLand();

    expect(added(saves.edits)).toEqual([
      { kind: 'request', from: 'Member States', to: 'OCHA', text: 'Report back on access', due: null, status: 'open' },
      {
        kind: 'request',
        from: 'UN Network on Migration',
        to: 'Secretariat',
        text: 'Share the figures',
        due: null,
        status: 'open',
      },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('action-row')).toHaveLength(2));
  });

  it('says what is missing instead of doing nothing', async () => {
    const saves = slowBackend();
    await openActions();
    field('new-action-from').focus();
    await type('Chair');
    await fireEvent.click(screen.getByTestId('add-action'));
    expect((await screen.findByTestId('action-form-error')).textContent).toBe('To add the item, fill in: To, Text.');
    expect(document.activeElement).toBe(field('new-action-to'));
    expect(field('new-action-to').getAttribute('aria-invalid')).toBe('true');
    expect(saves.edits).toEqual([]);
    // Filled in, the message goes and Enter adds the item.
    await type('OCHA');
    tab();
    await type('Report back');
    await waitFor(() => expect(screen.queryByTestId('action-form-error')).toBeNull());
    await enter();
    expect(added(saves.edits)).toHaveLength(1);
  });

  it('adds an item without a date after one with a date, and names a half-typed date rather than blocking silently', async () => {
    const saves = slowBackend();
    await openActions();
    const due = field('new-action-due');
    field('new-action-from').focus();
    await type('Chair');
    tab();
    await type('OCHA');
    tab();
    await type('Report back');
    due.value = '2026-04-30';
    await fireEvent.input(due);
    await fireEvent.click(screen.getByTestId('add-action'));
    saves.answer();
    await letTheAnswerLand();
    expect(due.value).toBe('');

    // The next item, with no date: Enter adds it.
    field('new-action-to').focus();
    await type('Secretariat');
    tab();
    await type('Circulate the draft');
    await enter();
    saves.answer();
    await letTheAnswerLand();
    expect(added(saves.edits).map((i) => i.due)).toEqual(['2026-04-30', null]);

    // A due date typed that is no date: the form says so, points at it, and keeps the item.
    field('new-action-to').focus();
    await type('UNHCR');
    tab();
    await type('Share the figures');
    due.value = '31/02/2026';
    await fireEvent.input(due);
    field('new-action-text').focus();
    await enter();
    expect((await screen.findByTestId('action-form-error')).textContent).toBe(
      'The due date is incomplete: finish it or clear it.',
    );
    expect(document.activeElement).toBe(due);
    expect(added(saves.edits)).toHaveLength(2);
    // Cleared, the item goes in.
    due.value = '';
    await fireEvent.input(due);
    await fireEvent.click(screen.getByTestId('add-action'));
    expect(added(saves.edits).map((i) => i.text)).toEqual(['Report back', 'Circulate the draft', 'Share the figures']);
    saves.answer();
  });
});

describe('an action item row', () => {
  it('keeps every keystroke in its field while its saves are in flight', async () => {
    const saves = slowBackend([
      { id: 'a1', kind: 'request', from: 'Chair', to: 'OCHA', text: 'Report back', due: null, status: 'open' },
    ]);
    await openActions();
    const from = await screen.findByTestId('action-from');
    (from as HTMLInputElement).focus();
    (from as HTMLInputElement).select();
    await type('Ghana');
    void flushAll(); // the first save starts and hangs
    tab(); // to
    await type('UNHCR');
    expect(saves.inFlight).toBe(1);
    saves.answer(); // it lands while the user is in the next field
    await letTheAnswerLand();
    tab();
    await type('Share the figures by region');
    void flushAll();
    await letTheAnswerLand();
    saves.answer();
    await letTheAnswerLand();

    expect(field('action-from').value).toBe('Ghana');
    expect(field('action-to').value).toBe('UNHCR');
    expect(field('action-text').value).toBe('Share the figures by region');
    const updates = saves.edits.flatMap((e) => (e.op === 'update_action' ? [e.item] : []));
    expect(updates.at(-1)).toMatchObject({ from: 'Ghana', to: 'UNHCR', text: 'Share the figures by region' });
  });
});
