// The speakers list keeps every row, and the floor bar above it, one line high whatever the names: a long
// name is cut with an ellipsis and shown whole in its title, so the rows never move under the pointer (a
// click aimed at one speaker selects that speaker, and Alt+↑ moves that one). jsdom does no layout, so the
// test loads the real stylesheet and checks the styles that hold the height, on the rendered elements.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import css from '../app.css?raw';
import App from '../App.svelte';
import { app } from '../lib/state.svelte';
import type { Edit } from '../bindings/Edit';
import type { Intervention } from '../bindings/Intervention';
import type { MeetingRecord } from '../bindings/MeetingRecord';

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

const LONG =
  'Special Rapporteur on the human rights of migrants and on the rights of all members of their families, speaking also for the Working Group';
const NAMES = ['Haiti', LONG, 'Thailand', 'Ghana'];

function backend() {
  let record: MeetingRecord = {
    format: 'rapporteur/meeting-record@1',
    meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
    attendance: { groups: [], delegations: [] },
    interventions: NAMES.map((name, i): Intervention => ({
      id: `i${i + 1}`,
      order: i + 1,
      speaker: { name, category: 'other' },
      summary: '',
      kind: 'statement',
    })),
    action_items: [],
    related_meetings: [],
    documents: [],
  };
  const edits: Edit[] = [];
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
            interventions: 4,
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
        if (edit.op === 'update_intervention')
          record = {
            ...record,
            interventions: record.interventions.map((i) => (i.id === edit.id ? { ...i, time: edit.time } : i)),
          };
        return record;
      }
      default:
        return null;
    }
  });
  return edits;
}

beforeAll(() => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
});

afterEach(() => {
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
  app.floor = null;
});

async function openSpeakers() {
  render(App);
  await fireEvent.click(await screen.findByTestId('meeting-row'));
  await screen.findByTestId('meeting-title');
  await fireEvent.keyDown(window, { key: '3', altKey: true });
  await waitFor(() => expect(screen.getAllByTestId('speaker-row')).toHaveLength(NAMES.length));
}

/** The styles that keep an element to one line of its fixed height. */
function oneLine(el: Element) {
  const s = getComputedStyle(el);
  return { whiteSpace: s.whiteSpace, overflow: s.overflow };
}

describe('the speakers list', () => {
  it('keeps each row one line high, a long name cut with an ellipsis and whole in its title', async () => {
    backend();
    await openSpeakers();
    const rows = screen.getAllByTestId('speaker-row');
    rows.forEach((row, i) => {
      expect(oneLine(row)).toEqual({ whiteSpace: 'nowrap', overflow: 'hidden' });
      // The row's slot in the list is fixed: row i sits at i × 44 px, 44 px high.
      const slot = row.parentElement as HTMLElement;
      expect([slot.style.height, slot.style.transform]).toEqual(['44px', `translateY(${i * 44}px)`]);
      const name = row.querySelector('.row-name')!;
      expect(name.textContent).toBe(NAMES[i]);
      expect(name.getAttribute('title')).toBe(NAMES[i]);
      expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
      expect(oneLine(name)).toEqual({ whiteSpace: 'nowrap', overflow: 'hidden' });
      // Only the name gives way when the row is narrow; the time, kind and buttons keep their one line.
      for (const other of [...row.children].filter((c) => c !== name))
        expect(getComputedStyle(other).flexShrink).toBe('0');
    });
  });

  it('keeps the floor bar above the list the same height when a long name has the floor', async () => {
    const edits = backend();
    await openSpeakers();
    const bar = screen.getByTestId('floor');
    const before = getComputedStyle(bar).height;
    expect(before).toBe('48px');
    expect(oneLine(bar)).toEqual({ whiteSpace: 'nowrap', overflow: 'hidden' });

    await fireEvent.click(screen.getAllByTestId('give-floor')[1]);
    const speaker = await screen.findByTestId('floor-speaker');
    expect(speaker.textContent).toBe(LONG);
    expect(speaker.getAttribute('title')).toBe(LONG);
    expect(getComputedStyle(speaker).textOverflow).toBe('ellipsis');
    expect(getComputedStyle(speaker).overflow).toBe('hidden');
    expect(getComputedStyle(bar).height).toBe(before);
    expect(edits.map((e) => e.op)).toEqual(['update_intervention']);

    // The rows did not move: a click on the third row selects Thailand, and Alt+↑ moves Thailand.
    const third = screen.getAllByTestId('speaker-row')[2];
    expect((third.parentElement as HTMLElement).style.transform).toBe('translateY(88px)');
    await fireEvent.click(third);
    await fireEvent.keyDown(screen.getByTestId('speakers-list'), { key: 'ArrowUp', altKey: true });
    expect(edits.at(-1)).toEqual({ op: 'move_intervention', id: 'i3', to: 2 });
  });

  it('announces the speaking time once a minute, not every second', async () => {
    backend();
    await openSpeakers();
    const timer = screen.getByTestId('floor').querySelector('[role=timer]');
    expect(timer).toBeNull();
    await fireEvent.click(screen.getAllByTestId('give-floor')[0]);
    await screen.findByTestId('floor-speaker');
    // The ticking clock is a timer, which is not read out; the live region stays empty in the first minute.
    expect(screen.getByTestId('timer').getAttribute('role')).toBe('timer');
    const announce = screen.getByTestId('timer-announce');
    expect(announce.getAttribute('aria-live')).toBe('polite');
    expect(announce.textContent?.trim()).toBe('');
    // Two minutes and some seconds in: the region says the whole minutes only.
    app.floor = { ...app.floor!, since: Date.now() - 125_000 };
    await waitFor(() => expect(announce.textContent?.trim()).toBe('2 minutes of speaking time'));
    app.floor = { ...app.floor!, since: Date.now() - 61_000 };
    await waitFor(() => expect(announce.textContent?.trim()).toBe('1 minute of speaking time'));
  });

  it('gives the focus to the chosen tab when its shortcut leaves it nowhere', async () => {
    backend();
    await openSpeakers();
    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(window, { key: '4', altKey: true });
    await waitFor(() => expect(document.activeElement?.id).toBe('tab-actions'));
  });
});
