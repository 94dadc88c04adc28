// No interface text may depend on a glyph the bundled fonts lack: an emoji or pictographic symbol shows as
// an empty box where no font carries it (the "Private" banner of My notes did). Icons are inline SVG
// (components/Icon.svelte). This checks every string of every interface language, and the text written into
// the components' markup and the stylesheet.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { sources } from './i18n.svelte';
import App from '../App.svelte';
import { app } from './state.svelte';
import type { MeetingRecord } from '../bindings/MeetingRecord';

/** Emoji and pictographs (🔒, ⚠, ✔…), and the emoji presentation selector that asks for a colour glyph. */
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\u{FE0F}]/gu;

const found = (text: string) =>
  [...text.matchAll(PICTOGRAPHIC)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).toUpperCase()} ${m[0]}`);

describe('interface text', () => {
  it('has no emoji or pictographic symbol in any message of any language', () => {
    const bad: string[] = [];
    for (const [lang, text] of Object.entries(sources)) {
      expect(text.split('\n').length).toBeGreaterThan(100);
      text.split('\n').forEach((line, i) => found(line).forEach((f) => bad.push(`${lang}.ftl:${i + 1}: ${f}`)));
    }
    expect(bad).toEqual([]);
  });

  it('has none written into the components or the stylesheet either', () => {
    const sources = import.meta.glob(['../components/*.svelte', '../App.svelte', '../app.css'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const bad = Object.entries(sources).flatMap(([file, text]) => found(text).map((f) => `${file}: ${f}`));
    expect(bad).toEqual([]);
  });

  it('catches the kind of symbol it is there for', () => {
    expect(found('🔒 Private')).toEqual(['U+1F512 🔒']);
    expect(found('⚠ error')).toEqual(['U+26A0 ⚠']);
    expect(found('Alt+↑/↓ moves; « guillemets » – “quotes” … ×')).toEqual([]);
  });
});

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

afterEach(() => {
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
});

it('My notes says they are private with a drawn lock, not a character', async () => {
  const record: MeetingRecord = {
    format: 'rapporteur/meeting-record@1',
    meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
    attendance: { groups: [], delegations: [] },
    interventions: [],
    action_items: [],
    related_meetings: [],
    documents: [],
  };
  mockWindows('main');
  mockIPC((cmd) => {
    switch (cmd) {
      case 'settings_get':
        return { sync_interval_secs: 60, ui_language: 'en', theme: 'light', letterhead: {} };
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
      case 'notes_get':
        return '';
      default:
        return null;
    }
  });
  render(App);
  await fireEvent.click(await screen.findByTestId('meeting-row'));
  await screen.findByTestId('meeting-title');
  await fireEvent.keyDown(window, { key: '5', altKey: true });
  const banner = await screen.findByTestId('notes-private');
  expect(banner.textContent?.trim()).toBe('Private: these notes stay on this machine. Sync never carries them.');
  expect(banner.querySelector('svg[data-icon=lock]')?.getAttribute('aria-hidden')).toBe('true');
});
