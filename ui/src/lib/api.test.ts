import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { api } from './api';
import type { Commands } from '../bindings/commands';

// Checked by `npm run check` (each line must fail to type-check): commands, arguments and results are those of
// the Rust list (ui/src/bindings/commands.ts), and no command takes a path.
// @ts-expect-error: a command that is not in the list
export const unknownCommand: Commands['import_file'] = null as never;
// @ts-expect-error: no command takes a path
export const pathArgument: Commands['pick_and_import']['args'] = { title: 'Import', path: '/etc/passwd' };
// @ts-expect-error: an argument of the wrong type
export const wrongType: Commands['doc_get']['args'] = { id: 'm1', kind: 'summary', index: '0' };
// @ts-expect-error: a result of the wrong type
export const wrongResult: Commands['list_meetings']['result'] = 'm1';

afterEach(() => clearMocks());

describe('api (IPC mocked)', () => {
  it('sends each call to its command with camelCase arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'create_meeting') return 'm-1';
      if (cmd === 'notes_get') return 'private';
      if (cmd === 'registry_search') return [{ code: 'FRA', name: 'France', member: true }];
      return null;
    });
    expect(
      await api.createMeeting({ title: 'T', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' }),
    ).toBe('m-1');
    expect(await api.notesGet('m-1', 'i-2')).toBe('private');
    expect(await api.registrySearch('fra', 'fr', 5)).toEqual([{ code: 'FRA', name: 'France', member: true }]);
    await api.edit('m-1', { op: 'set_presence', id: 'd-1', present: false });
    await api.docSet({ id: 'm-1', kind: 'summary', index: 0 }, '# Hi');

    expect(calls.map(([c]) => c)).toEqual(['create_meeting', 'notes_get', 'registry_search', 'edit', 'doc_set']);
    expect(calls[1][1]).toMatchObject({ meetingId: 'm-1', interventionId: 'i-2' });
    expect(calls[2][1]).toMatchObject({ query: 'fra', lang: 'fr', limit: 5 });
    expect(calls[3][1]).toMatchObject({ id: 'm-1', edit: { op: 'set_presence', id: 'd-1', present: false } });
    expect(calls[4][1]).toMatchObject({ id: 'm-1', kind: 'summary', index: 0, body: '# Hi' });
  });

  it('rejects with the backend AppError as is', async () => {
    mockIPC(() => {
      throw { code: 'not_found', message: 'meeting m-9: not found' };
    });
    await expect(api.record('m-9')).rejects.toEqual({ code: 'not_found', message: 'meeting m-9: not found' });
  });

  it('turns any other failure into an internal AppError', async () => {
    mockIPC(() => {
      throw 'command record not allowed';
    });
    await expect(api.record('m-9')).rejects.toEqual({ code: 'internal', message: 'command record not allowed' });
  });
});
