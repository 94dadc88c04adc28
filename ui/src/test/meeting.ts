// One meeting open in the app's state over a mocked backend, for component tests: the record they start from,
// the `edit` command handed to the test's own model of the store, and the state put back afterwards.
import { cleanup } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { app } from '../lib/state.svelte';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

/** A briefing of 12 December 2019 with nothing recorded yet, and whatever `over` sets. */
export function briefing(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    format: 'rapporteur/meeting-record@1',
    meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
    attendance: { groups: [], delegations: [] },
    interventions: [],
    action_items: [],
    related_meetings: [],
    documents: [],
    ...over,
  };
}

/** Opens `record` as meeting `m1`. Each `edit` is kept (in the array returned) and handed to `onEdit`, whose
 *  answer is the record after it; `other` answers any other command (by default, lists are empty). */
export function openMeeting(
  record: MeetingRecord,
  onEdit: (edit: Edit) => MeetingRecord,
  other: (cmd: string) => unknown = (cmd) => (cmd === 'list_meetings' ? [] : null),
): Edit[] {
  const edits: Edit[] = [];
  mockWindows('main');
  mockIPC((cmd, args) => {
    if (cmd !== 'edit') return other(cmd);
    const edit = (args as { edit: Edit }).edit;
    edits.push(edit);
    return onEdit(edit);
  });
  app.currentId = 'm1';
  app.record = record;
  return edits;
}

/** Unmounts what was rendered and closes the meeting. */
export function closeMeeting() {
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
}
