import { describe, expect, it, vi } from 'vitest';
import { commandFor, SHORTCUTS } from './shortcuts';
import { uniqueBy } from './unique';
import { splitSnippet } from './snippet';
import { sanitizeHtml } from './sanitize';
import { createSaver, flushAll } from './autosave';
import { bundle, UI_LANGUAGES } from './i18n.svelte';
import { fileStem } from './dialogs';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps the documented keys', () => {
    expect(commandFor(key('n', { ctrlKey: true }))).toBe('new');
    expect(commandFor(key('K', { ctrlKey: true }))).toBe('search');
    expect(commandFor(key('j', { ctrlKey: true }))).toBe('next');
    expect(commandFor(key('E', { ctrlKey: true, shiftKey: true }))).toBe('export');
    expect(commandFor(key('3', { altKey: true }))).toEqual({ tab: 2 });
    expect(commandFor(key('7', { altKey: true }))).toEqual({ tab: 6 });
    expect(commandFor(key('8', { altKey: true }))).toBeNull();
    expect(commandFor(key('F1'))).toBe('help');
    expect(commandFor(key('n'))).toBeNull();
    expect(commandFor(key('z', { ctrlKey: true }))).toBeNull();
  });
  it('every shortcut has a label in every language', () => {
    for (const s of SHORTCUTS)
      for (const { code } of UI_LANGUAGES) expect(bundle(code).hasMessage(s.label), `${code} ${s.label}`).toBe(true);
  });
});

describe('search snippets', () => {
  it('splits hits into text segments, never markup', () => {
    expect(splitSnippet('a \u27E6b\u27E7 c')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c', hit: false },
    ]);
    expect(splitSnippet('<img src=x onerror=alert(1)> \u27E6x\u27E7')[0]).toEqual({
      text: '<img src=x onerror=alert(1)> ',
      hit: false,
    });
    expect(splitSnippet('\u27E6open')).toEqual([{ text: 'open', hit: true }]);
  });
});

describe('sanitizeHtml', () => {
  it('removes scripts, handlers and remote loads', () => {
    const out = sanitizeHtml(
      '<p onclick="x()">hi<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">l</a><iframe src="https://e.example"></iframe></p>',
    );
    expect(out).not.toMatch(/onerror|onclick|script|javascript:|iframe|<img/i);
    expect(out).toContain('hi');
  });
});

describe('autosave', () => {
  it('writes the latest value once after a pause, and flushes on demand', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const s = createSaver<string>(
      async (v) => {
        writes.push(v);
      },
      { delay: 100, maxWait: 1000 },
    );
    s.schedule('a');
    s.schedule('ab');
    vi.advanceTimersByTime(50);
    s.schedule('abc');
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(100);
    await vi.runAllTimersAsync();
    expect(writes).toEqual(['abc']);
    s.schedule('abcd');
    await flushAll();
    expect(writes).toEqual(['abc', 'abcd']);
    expect(s.busy).toBe(false);
    vi.useRealTimers();
  });

  it('writes at least every maxWait while typing goes on', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const s = createSaver<string>(
      async (v) => {
        writes.push(v);
      },
      { delay: 100, maxWait: 250 },
    );
    for (let i = 0; i < 10; i++) {
      s.schedule(`v${i}`);
      vi.advanceTimersByTime(60);
    }
    await vi.runAllTimersAsync();
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.at(-1)).toBe('v9');
    vi.useRealTimers();
  });

  it('reports failures and keeps going', async () => {
    const errors: unknown[] = [];
    const s = createSaver<string>(
      async () => {
        throw { code: 'io', message: 'disk full' };
      },
      { onError: (e) => errors.push(e) },
    );
    s.schedule('x');
    await s.flush();
    expect(errors).toEqual([{ code: 'io', message: 'disk full' }]);
    expect(s.busy).toBe(false);
  });
});

describe('file names', () => {
  it('makes a safe stem from a title', () => {
    expect(fileStem('Côte d’Ivoire: briefing / 2', '2019-12-12')).toBe('cote-d-ivoire-briefing-2-2019-12-12');
    expect(fileStem('', '2020-01-01')).toBe('meeting-2020-01-01');
  });
});

describe('uniqueBy', () => {
  it('keeps the first item of each key, in order', () => {
    const items = [
      { k: 'GHA', from: 'preferred' },
      { k: 'KEN', from: 'search' },
      { k: 'GHA', from: 'search' },
    ];
    expect(uniqueBy(items, (i) => i.k)).toEqual([
      { k: 'GHA', from: 'preferred' },
      { k: 'KEN', from: 'search' },
    ]);
    expect(uniqueBy([], (i: string) => i)).toEqual([]);
  });
});
