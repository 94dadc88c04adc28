import { afterEach, describe, expect, it } from 'vitest';
import { focusables, keepTabInside, spokenMinutes } from './focus';

function dialog(): HTMLElement {
  const d = document.createElement('div');
  d.tabIndex = -1;
  d.innerHTML = '<button id="a">A</button><button disabled>no</button><input id="b" /><button id="c">C</button>';
  document.body.append(d);
  return d;
}

const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });

afterEach(() => document.body.replaceChildren());

describe('keepTabInside', () => {
  it('lists the enabled controls in order', () => {
    expect(focusables(dialog()).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('goes from the last control to the first, and back with Shift+Tab', () => {
    const d = dialog();
    d.querySelector<HTMLElement>('#c')!.focus();
    const e = tab();
    expect(keepTabInside(e, d)).toBe(true);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('a');
    expect(keepTabInside(tab(true), d)).toBe(true);
    expect(document.activeElement?.id).toBe('c');
  });

  it('leaves Tab between inner controls to the browser', () => {
    const d = dialog();
    d.querySelector<HTMLElement>('#a')!.focus();
    const e = tab();
    expect(keepTabInside(e, d)).toBe(false);
    expect(e.defaultPrevented).toBe(false);
  });

  it('brings the focus in from the dialog itself', () => {
    const d = dialog();
    d.focus();
    expect(keepTabInside(tab(), d)).toBe(true);
    expect(document.activeElement?.id).toBe('a');
  });

  it('ignores other keys', () => {
    expect(keepTabInside(new KeyboardEvent('keydown', { key: 'Enter' }), dialog())).toBe(false);
  });
});

describe('spokenMinutes', () => {
  it('counts whole minutes only', () => {
    expect([0, 59, 60, 119, 120, 3599].map(spokenMinutes)).toEqual([0, 0, 1, 1, 2, 59]);
  });
});
