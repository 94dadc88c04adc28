// The date field as a user meets it: typed digits in the interface language's order, the long form shown
// back, an empty field that shows only a hint, and a message naming the field for anything that is not a date.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import DateField from './DateField.svelte';
import { setLanguage } from '../lib/i18n.svelte';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

function field(
  props: Partial<{
    value: string;
    label: string;
    required: boolean;
    min: string;
    minLabel: string;
    max: string;
    maxLabel: string;
    compact: boolean;
  }> = {},
) {
  const onchange = vi.fn();
  const view = render(DateField, { props: { value: '', label: 'End date', testid: 'd', onchange, ...props } });
  const input = screen.getByTestId('d') as HTMLInputElement;
  return { onchange, input, view };
}

/** Types `text` as keystrokes would leave it, one character at a time (each an input event). */
async function typeText(input: HTMLInputElement, text: string) {
  for (let i = 1; i <= text.length; i++) await fireEvent.input(input, { target: { value: text.slice(0, i) } });
}

const error = () => screen.queryByTestId('d-error')?.textContent ?? null;

describe('DateField', () => {
  it('shows a stored date in the long form, and an empty one as an empty field with a pattern hint', () => {
    const { input } = field({ value: '2019-12-12' });
    expect(input.type).toBe('text');
    expect(input.value).toBe('12 December 2019');
    expect(input.dataset.iso).toBe('2019-12-12');
    cleanup();
    const empty = field().input;
    expect(empty.value).toBe('');
    expect(empty.placeholder).toBe('DD/MM/YYYY');
  });

  it('takes typed digits day first and saves once the date is complete, then shows the long form', async () => {
    const { input, onchange } = field();
    await typeText(input, '2/4/202');
    expect(onchange).not.toHaveBeenCalled();
    await typeText(input, '2/4/2020');
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(onchange).toHaveBeenCalledWith('2020-04-02');
    await fireEvent.change(input);
    expect(input.value).toBe('2 April 2020');
    expect(error()).toBeNull();
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('accepts ISO dates', async () => {
    const { input, onchange } = field();
    await fireEvent.input(input, { target: { value: '2026-03-02' } });
    await fireEvent.change(input);
    expect(onchange).toHaveBeenCalledWith('2026-03-02');
    expect(input.value).toBe('2 March 2026');
  });

  it('names the field and the pattern for an impossible date, and saves nothing', async () => {
    const { input, onchange } = field({ value: '2020-02-01' });
    await fireEvent.input(input, { target: { value: '31/02/2020' } });
    expect(error()).toBeNull(); // not while typing
    await fireEvent.change(input);
    expect(error()).toBe('End date: 31/02/2020 is not a date (use DD/MM/YYYY)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('31/02/2020');
    expect(onchange).not.toHaveBeenCalled();
    // Corrected: the message goes and the date saves.
    await fireEvent.input(input, { target: { value: '29/02/2020' } });
    expect(error()).toBeNull();
    expect(onchange).toHaveBeenCalledWith('2020-02-29');
  });

  it('refuses a date before its minimum, naming both', async () => {
    const { input, onchange } = field({ min: '2020-03-02', minLabel: 'the start date' });
    await fireEvent.input(input, { target: { value: '01/03/2020' } });
    expect(error()).toBe('End date: 1 March 2020 is before the start date (2 March 2020)');
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.input(input, { target: { value: '02/03/2020' } });
    expect(error()).toBeNull();
    expect(onchange).toHaveBeenCalledWith('2020-03-02');
  });

  it('refuses a date after its maximum', async () => {
    const { input, onchange } = field({ label: 'Date', max: '2020-03-02', maxLabel: 'the end date' });
    await fireEvent.input(input, { target: { value: '3/3/2020' } });
    expect(error()).toBe('Date: 3 March 2020 is after the end date (2 March 2020)');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('clears an optional date, and asks for a required one', async () => {
    const optional = field({ value: '2020-04-02' });
    await fireEvent.input(optional.input, { target: { value: '' } });
    expect(optional.onchange).toHaveBeenCalledWith('');
    cleanup();
    const required = field({ value: '2020-04-02', label: 'Date', required: true });
    await fireEvent.input(required.input, { target: { value: '' } });
    await fireEvent.change(required.input);
    expect(required.onchange).not.toHaveBeenCalled();
    expect(error()).toBe('Date: a date is needed (use DD/MM/YYYY)');
  });

  it('reads and shows dates the French way', async () => {
    setLanguage('fr');
    const { input, onchange } = field({ value: '2019-12-12', label: 'Date de fin' });
    expect(input.value).toBe('12 décembre 2019');
    expect(input.placeholder).toBe('JJ/MM/AAAA');
    await fireEvent.input(input, { target: { value: '02/04/2020' } });
    await fireEvent.change(input);
    expect(onchange).toHaveBeenCalledWith('2020-04-02');
    expect(input.value).toBe('2 avril 2020');
    await fireEvent.input(input, { target: { value: '12/13/2020' } });
    await fireEvent.change(input);
    expect(error()).toBe('Date de fin : 12/13/2020 n’est pas une date (écrire JJ/MM/AAAA)');
  });

  it('follows a new stored value from outside, and Escape puts the stored one back', async () => {
    const { input, view } = field({ value: '2019-12-12' });
    await view.rerender({ value: '2020-01-05' });
    expect(input.value).toBe('5 January 2020');
    await fireEvent.input(input, { target: { value: '7/1/20' } });
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('5 January 2020');
  });

  it('keeps its own input events from the form around it', async () => {
    const onFormInput = vi.fn();
    const form = document.createElement('form');
    form.addEventListener('input', onFormInput);
    form.addEventListener('change', onFormInput);
    document.body.appendChild(form);
    const onchange = vi.fn();
    render(DateField, { target: form, props: { value: '', label: 'Date', testid: 'd', onchange } });
    const input = screen.getByTestId('d') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '1/1/2' } });
    await fireEvent.change(input);
    expect(onFormInput).not.toHaveBeenCalled();
    expect(onchange).not.toHaveBeenCalled();
    form.remove();
  });

  it('shows the short form in a compact row, and reads it back', async () => {
    const { input, onchange } = field({ value: '2020-09-30', compact: true });
    expect(input.value).toBe('30 Sept 2020');
    await fireEvent.input(input, { target: { value: '1 Oct 2020' } });
    await fireEvent.change(input);
    expect(onchange).toHaveBeenCalledWith('2020-10-01');
    expect(input.value).toBe('1 Oct 2020');
  });
});
