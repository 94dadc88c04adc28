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
});
