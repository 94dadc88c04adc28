// Writes of the record from the page: changes run one after another in the order made (a slow answer is never
// overtaken by a later, faster one), the page's root says while any is unwritten, and switching tabs writes
// what was typed before the new tab reads the record.
import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { app } from './state.svelte';
import { createSaver, shownAfter } from './autosave';
import { briefing } from '../test/meeting';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A backend whose answer to the `n`th edit takes `takes[n]` ms; the record it answers has the edit's title. */
function backend(takes: number[]) {
  const log: string[] = [];
  mockWindows('main');
  mockIPC(async (cmd, args) => {
    if (cmd === 'list_meetings') return [];
    if (cmd !== 'edit') return null;
    const edit = (args as { edit: Edit & { op: 'set_meeting' } }).edit;
    const n = log.filter((l) => l.startsWith('start')).length;
    log.push(`start ${edit.meeting.title}`);
    await wait(takes[n] ?? 0);
    log.push(`end ${edit.meeting.title}`);
    return briefing({ meeting: edit.meeting });
  });
  app.currentId = 'm1';
  app.record = briefing();
  return log;
}

const retitle = (title: string): Edit => ({ op: 'set_meeting', meeting: { ...briefing().meeting, title } });

afterEach(() => {
  clearMocks();
  app.currentId = null;
  app.record = null;
  app.view = 'overview';
});

describe('writes of the record', () => {
  it('run in the order made, so a slow answer never replaces a newer record', async () => {
    const log = backend([60, 0]);
    const first = app.edit(retitle('First'));
    const second = app.edit(retitle('Second'));
    expect(document.documentElement.dataset.saves).toBe('pending');
    await Promise.all([first, second]);
    expect(log).toEqual(['start First', 'end First', 'start Second', 'end Second']);
    expect(app.record?.meeting.title).toBe('Second');
    expect(document.documentElement.dataset.saves).toBe('idle');
  });

  it('a change that fails does not hold back the next', async () => {
    backend([]);
    mockIPC(async (cmd, args) => {
      if (cmd !== 'edit') return [];
      const edit = (args as { edit: Edit & { op: 'set_meeting' } }).edit;
      if (edit.meeting.title === 'Bad') throw { code: 'invalid_input', message: 'meeting.title: bad' };
      return briefing({ meeting: edit.meeting });
    });
    const bad = app.edit(retitle('Bad'));
    const good = app.edit(retitle('Good'));
    expect(await bad).toBeNull();
    expect((await good)?.meeting.title).toBe('Good');
    expect(app.record?.meeting.title).toBe('Good');
  });

  it('switching tabs writes what was typed first', async () => {
    const log = backend([40]);
    const saver = createSaver<string>(async (title) => void (await app.edit(retitle(title))));
    saver.schedule('Typed');
    expect(document.documentElement.dataset.saves).toBe('pending');
    const shown = app.showView('actions');
    expect(app.view).toBe('overview');
    await shown;
    expect(app.view).toBe('actions');
    expect(log).toEqual(['start Typed', 'end Typed']);
    expect((app.record as MeetingRecord).meeting.title).toBe('Typed');
    await saver.dispose();
    expect(document.documentElement.dataset.saves).toBe('idle');
  });
});

describe('the save indicator', () => {
  it('says "Saved" only when no newer value waits', async () => {
    backend([]);
    let shown = '';
    const saver = createSaver<string>(async (title) => {
      const ok = await app.edit(retitle(title));
      // A newer value typed while this write was on its way.
      if (title === 'First') saver.schedule('Second');
      shown = shownAfter(ok, saver);
    });
    saver.schedule('First');
    await saver.flush();
    expect(shown).toBe('saving');
    await saver.flush();
    expect(shown).toBe('saved');
    expect(shownAfter(null, saver)).toBe('idle');
    await saver.dispose();
  });
});

describe('a value queued behind a slow write', () => {
  it('keeps "Saving…" and data-saves=pending until it is written too', async () => {
    // The backend answers each edit only when the test lets it.
    const held: (() => void)[] = [];
    mockWindows('main');
    mockIPC(async (cmd, args) => {
      if (cmd !== 'edit') return [];
      const edit = (args as { edit: Edit & { op: 'set_meeting' } }).edit;
      await new Promise<void>((go) => held.push(go));
      return briefing({ meeting: edit.meeting });
    });
    app.currentId = 'm1';
    app.record = briefing();
    const shown: string[] = [];
    const saver = createSaver<string>(async (title) => {
      const ok = await app.edit(retitle(title));
      shown.push(`${title}: ${shownAfter(ok, saver)}`);
    });
    const until = async (check: () => boolean) => {
      while (!check()) await wait(1);
    };
    saver.schedule('First');
    const first = saver.flush();
    await until(() => held.length === 1);
    // Typed while the first write is on its way, and taken at once: it waits behind it.
    saver.schedule('Second');
    const second = saver.flush();
    expect(saver.pending).toBe(true);
    held.shift()!();
    await first;
    expect(shown).toEqual(['First: saving']);
    expect(document.documentElement.dataset.saves).toBe('pending');
    await until(() => held.length === 1);
    held.shift()!();
    await second;
    expect(shown).toEqual(['First: saving', 'Second: saved']);
    expect(document.documentElement.dataset.saves).toBe('idle');
    await saver.dispose();
  });
});
