// The cross-meeting tracker against a mocked backend: each item names its meeting with the meeting's date in
// the interface language, and its due date is a date field that saves on its own meeting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import Tracker from './Tracker.svelte';
import { setLanguage } from '../lib/i18n.svelte';
import type { TrackedAction } from '../bindings/TrackedAction';

let calls: { cmd: string; args: Record<string, unknown> }[];
const tracked: TrackedAction[] = [
  {
    meeting_id: 'm7',
    meeting_title: 'Network Briefing',
    meeting_date: '2019-12-12',
    overdue: false,
    item: {
      id: 'a1',
      kind: 'invitation',
      from: 'the Network',
      to: 'Member States',
      text: 'Contribute to the Fund.',
      due: '2020-04-02',
      status: 'open',
    },
  },
];

beforeEach(() => {
  calls = [];
  mockWindows('main');
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === 'actions') return tracked;
    if (cmd === 'edit') return null;
    return null;
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage('en');
});

describe('tracker', () => {
  it("shows each item's meeting date in the interface language, and edits the due date on that meeting", async () => {
    setLanguage('fr');
    render(Tracker);
    await waitFor(() =>
      expect(screen.getByText(/Network Briefing ·/).textContent).toBe('Network Briefing · 12 décembre 2019'),
    );
    const due = screen.getByTestId('action-due') as HTMLInputElement;
    expect(due.value).toBe('2 avr. 2020');
    await fireEvent.input(due, { target: { value: '30/04/2020' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'edit')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'edit')!.args).toEqual({
      id: 'm7',
      edit: { op: 'update_action', id: 'a1', item: { ...tracked[0].item, due: '2020-04-30' } },
    });
  });

  it('filters by agenda item and by session, offering the values of the items listed', async () => {
    const plenary = (id: string, agenda_item: string | undefined, session: string | undefined): TrackedAction => ({
      meeting_id: 'm8',
      meeting_title: 'Plenary',
      meeting_date: '2020-02-25',
      meeting_session: session,
      overdue: false,
      item: { ...tracked[0].item, id, agenda_item },
    });
    tracked.push(plenary('p1', '3', 'first part of the 2020 session'), plenary('p2', '10', undefined));
    try {
      render(Tracker);
      const agenda = (await screen.findByTestId('tracker-agenda-item')) as HTMLSelectElement;
      const session = screen.getByTestId('tracker-session') as HTMLSelectElement;
      await waitFor(() => expect([...agenda.options].map((o) => o.value)).toEqual(['', '3', '10']));
      expect([...session.options].map((o) => o.value)).toEqual(['', 'first part of the 2020 session']);
      await fireEvent.change(agenda, { target: { value: '3' } });
      await fireEvent.change(session, { target: { value: 'first part of the 2020 session' } });
      await waitFor(() =>
        expect(calls.filter((c) => c.cmd === 'actions').at(-1)!.args).toEqual({
          filter: { open_only: true, agenda_item: '3', session: 'first part of the 2020 session' },
        }),
      );
      // The choices stay while their own filter is set.
      expect(agenda.options).toHaveLength(3);
    } finally {
      tracked.splice(1);
    }
  });
});
