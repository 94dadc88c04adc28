// The app shell against a mocked backend: the sidebar lists meetings, opening one shows its views, a failing
// command is shown as a readable message, and typed markup in a title stays text.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import type { MeetingRecord } from './bindings/MeetingRecord';

const record: MeetingRecord = {
  format: 'rapporteur/meeting-record@1',
  meeting: {
    title: '<img src=x onerror=alert(1)> Briefing',
    kind: 'briefing',
    date: '2019-12-12',
    language: 'en',
    status: 'draft',
  },
  attendance: { groups: [], delegations: [{ id: 'd1', present: true, delegation: 'FRA' }] },
  interventions: [],
  action_items: [],
  related_meetings: [],
  documents: [],
};

/** `empty`: the list stays empty until the example meeting is opened, which then becomes meeting m1. */
function backend(calls: string[], empty = false) {
  let listed = !empty;
  mockWindows('main');
  mockIPC((cmd, args) => {
    calls.push(cmd);
    switch (cmd) {
      case 'settings_get':
        return { sync_interval_secs: 60, ui_language: 'en', theme: 'system', letterhead: {} };
      case 'data_dir':
        return '/tmp/data';
      case 'open_example':
        listed = true;
        return 'm1';
      case 'list_meetings':
        if (!listed) return [];
        return [
          {
            id: 'm1',
            title: record.meeting.title,
            date: '2019-12-12',
            kind: 'briefing',
            status: 'draft',
            delegations_present: 1,
            interventions: 0,
            action_items: 0,
            open_action_items: 0,
            documents: 0,
          },
        ];
      case 'record':
        if ((args as { id: string }).id !== 'm1') throw { code: 'not_found', message: 'meeting m2: not found' };
        return record;
      case 'actions':
        return [];
      case 'notes_get':
        return '';
      case 'replica':
        return { id: 'r1', name: 'Laptop', peer: '1' };
      case 'registry_search':
      case 'registry_list':
        return [{ code: 'FRA', name: 'France', member: true }];
      case 'sync_status':
        return { interval_secs: 60, running: false, changes_applied: 0 };
      default:
        return null;
    }
  });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('App', () => {
  it('lists meetings and opens one, showing markup in a title as text', async () => {
    const calls: string[] = [];
    backend(calls);
    render(App);
    const row = await screen.findByTestId('meeting-row');
    expect(row.textContent).toContain('<img src=x onerror=alert(1)> Briefing');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await fireEvent.click(row);
    await waitFor(() => expect(screen.getByTestId('meeting-title').textContent).toBe(record.meeting.title));
    await fireEvent.click(screen.getByTestId('tab-attendance'));
    await waitFor(() => expect(screen.getAllByTestId('delegation-row')[0].textContent).toContain('France'));
    expect(calls).toContain('record');
  });

  it('renders every view of a meeting', async () => {
    backend([]);
    render(App);
    await fireEvent.click(await screen.findByTestId('meeting-row'));
    for (const view of ['overview', 'attendance', 'speakers', 'actions', 'notes', 'documents']) {
      await fireEvent.click(await screen.findByTestId(`tab-${view}`));
      await screen.findByTestId(`view-${view}`);
    }
    await waitFor(() => expect(screen.getByTestId('editor')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('open-tracker'));
    await screen.findByTestId('tracker-list');
    await fireEvent.click(screen.getByTestId('open-settings'));
    expect(((await screen.findByTestId('data-dir')) as HTMLInputElement).value).toBe('/tmp/data');
  });

  it('offers the example meeting when there is none, and opens it', async () => {
    const calls: string[] = [];
    backend(calls, true);
    render(App);
    const button = await screen.findByTestId('open-example');
    expect(screen.queryByTestId('meeting-row')).toBeNull();
    await fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('meeting-title').textContent).toBe(record.meeting.title));
    expect(screen.getByTestId('meeting-row')).toBeTruthy();
    expect(screen.queryByTestId('open-example')).toBeNull();
    expect(calls.filter((c) => c === 'open_example')).toHaveLength(1);
  });

  it('shows a failing command as a readable message', async () => {
    const calls: string[] = [];
    backend(calls);
    const { app } = await import('./lib/state.svelte');
    render(App);
    await screen.findByTestId('meeting-row');
    await app.open('m2');
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('meeting m2: not found');
  });

  it('opens the shortcuts help with F1', async () => {
    backend([]);
    render(App);
    await fireEvent.keyDown(window, { key: 'F1' });
    const help = await screen.findByTestId('help');
    expect(help.textContent).toContain('Ctrl+N');
  });
});
