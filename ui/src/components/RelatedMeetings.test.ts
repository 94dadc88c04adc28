// The related meetings editor against a mocked backend that applies the edits: add, edit each field, remove,
// and the exact Edit each step sends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import RelatedMeetings from './RelatedMeetings.svelte';
import Overview from './Overview.svelte';
import { briefing, closeMeeting, openMeeting } from '../test/meeting';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

let record: MeetingRecord;
let edits: Edit[];

function apply(edit: Edit) {
  const list = [...record.related_meetings];
  if (edit.op === 'add_related') list.push(edit.item);
  else if (edit.op === 'update_related') list[edit.index] = edit.item;
  else if (edit.op === 'remove_related') list.splice(edit.index, 1);
  record = { ...record, related_meetings: list };
}

beforeEach(() => {
  record = briefing({
    related_meetings: [
      { title: 'First meeting of the Steering Committee', date: '2019-12-10', outcome: 'Adopted its rules.' },
      { title: 'Meeting of UN regional experts', date: null, outcome: null },
    ],
  });
  edits = openMeeting(record, (edit) => {
    apply(edit);
    return record;
  });
});

afterEach(closeMeeting);

const rows = () => screen.getAllByTestId('related-row');
const inRow = (i: number, id: string) => rows()[i].querySelector(`[data-testid=${id}]`) as HTMLInputElement;

describe('related meetings', () => {
  it('shows each stored meeting with its title, date and outcome', () => {
    render(RelatedMeetings, { props: { onstate: () => {} } });
    expect(rows()).toHaveLength(2);
    expect(inRow(0, 'related-title').value).toBe('First meeting of the Steering Committee');
    expect(inRow(0, 'related-date').value).toBe('10 December 2019');
    expect(inRow(0, 'related-outcome').value).toBe('Adopted its rules.');
    expect(inRow(1, 'related-date').value).toBe('');
  });

  it('adds one from its title with Enter, then moves to its date', async () => {
    const onstate = vi.fn();
    render(RelatedMeetings, { props: { onstate } });
    const title = screen.getByTestId('related-new-title') as HTMLInputElement;
    await fireEvent.input(title, { target: { value: '  Inaugural Annual Meeting of the Network ' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(edits).toEqual([
      { op: 'add_related', item: { title: 'Inaugural Annual Meeting of the Network', date: null, outcome: null } },
    ]);
    await waitFor(() => expect(title.value).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(inRow(2, 'related-date')));
    expect(onstate).toHaveBeenLastCalledWith('saved');
  });

  it('adds one with the button, and not a blank one', async () => {
    render(RelatedMeetings, { props: { onstate: () => {} } });
    const add = screen.getByTestId('related-add') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('related-new-title'), { target: { value: '   ' } });
    await fireEvent.keyDown(screen.getByTestId('related-new-title'), { key: 'Enter' });
    expect(edits).toEqual([]);
    await fireEvent.input(screen.getByTestId('related-new-title'), { target: { value: 'Regional review' } });
    await fireEvent.click(add);
    await waitFor(() =>
      expect(edits).toEqual([{ op: 'add_related', item: { title: 'Regional review', date: null, outcome: null } }]),
    );
  });

  it('saves a row as one update_related with its position and all three fields', async () => {
    render(RelatedMeetings, { props: { onstate: () => {} } });
    await fireEvent.input(inRow(1, 'related-date'), { target: { value: '10/12/2019' } });
    await fireEvent.input(inRow(1, 'related-outcome'), { target: { value: 'Prepared the regional reviews.' } });
    await waitFor(() => expect(edits.length).toBeGreaterThan(0));
    await waitFor(() =>
      expect(edits.at(-1)).toEqual({
        op: 'update_related',
        index: 1,
        item: {
          title: 'Meeting of UN regional experts',
          date: '2019-12-10',
          outcome: 'Prepared the regional reviews.',
        },
      }),
    );
    await fireEvent.input(inRow(0, 'related-title'), {
      target: { value: 'First meeting of the MPTF Steering Committee' },
    });
    await waitFor(() =>
      expect(edits.at(-1)).toEqual({
        op: 'update_related',
        index: 0,
        item: {
          title: 'First meeting of the MPTF Steering Committee',
          date: '2019-12-10',
          outcome: 'Adopted its rules.',
        },
      }),
    );
  });

  it('saves nothing while the title is blank or the date is not a date', async () => {
    render(RelatedMeetings, { props: { onstate: () => {} } });
    await fireEvent.input(inRow(0, 'related-title'), { target: { value: '  ' } });
    expect(screen.getByTestId('related-title-error').textContent).toBe('A related meeting needs a title.');
    await fireEvent.input(inRow(1, 'related-date'), { target: { value: '30/02/2019' } });
    await fireEvent.change(inRow(1, 'related-date'));
    expect(screen.getByTestId('related-date-error').textContent).toBe(
      'Date of the related meeting: 30/02/2019 is not a date (use DD/MM/YYYY)',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(edits).toEqual([]);
  });

  it('removes a row by its position, after saving what was typed, and the rest keep their own fields', async () => {
    render(RelatedMeetings, { props: { onstate: () => {} } });
    await fireEvent.input(inRow(1, 'related-outcome'), { target: { value: 'Typed just before.' } });
    await fireEvent.click(rows()[0].querySelector('[data-testid=related-remove]') as HTMLButtonElement);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(edits).toEqual([
      {
        op: 'update_related',
        index: 1,
        item: { title: 'Meeting of UN regional experts', date: null, outcome: 'Typed just before.' },
      },
      { op: 'remove_related', index: 0 },
    ]);
    expect(inRow(0, 'related-title').value).toBe('Meeting of UN regional experts');
    expect(inRow(0, 'related-outcome').value).toBe('Typed just before.');
    // The remaining row now edits position 0.
    await fireEvent.input(inRow(0, 'related-outcome'), { target: { value: 'Edited after.' } });
    await waitFor(() =>
      expect(edits.at(-1)).toMatchObject({ op: 'update_related', index: 0, item: { outcome: 'Edited after.' } }),
    );
  });

  it('sits in the Overview, whose indicator shows its saves', async () => {
    render(Overview);
    await fireEvent.input(screen.getByTestId('related-new-title'), { target: { value: 'Another one' } });
    await fireEvent.click(screen.getByTestId('related-add'));
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
    expect(edits).toEqual([{ op: 'add_related', item: { title: 'Another one', date: null, outcome: null } }]);
  });
});
