// Attendance groups against a mocked backend that applies the edits: labels with a singular and a plural,
// counts that keep the label, and removing a group, each checked as the Edit sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import Attendance from './Attendance.svelte';
import { briefing, closeMeeting, openMeeting } from '../test/meeting';
import { joinLabel, splitLabel } from '../lib/labels';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

let record: MeetingRecord;
let edits: Edit[];

function apply(edit: Edit) {
  const groups = [...record.attendance.groups];
  if (edit.op === 'set_group') {
    const at = groups.findIndex((g) => g.category === edit.category);
    const group = { category: edit.category, label: edit.label, count: edit.count };
    if (at < 0) groups.push(group);
    else groups[at] = group;
  } else if (edit.op === 'remove_group') {
    groups.splice(
      groups.findIndex((g) => g.category === edit.category),
      1,
    );
  }
  record = { ...record, attendance: { ...record.attendance, groups } };
}

beforeEach(() => {
  record = briefing({
    attendance: {
      groups: [
        { category: 'member_state', label: 'Member States', count: 60 },
        { category: 'un_system', count: 22 },
        { category: 'civil_society', label: 'colleague from civil society|colleagues from civil society', count: 19 },
      ],
      delegations: [],
    },
  });
  edits = openMeeting(
    record,
    (edit) => {
      apply(edit);
      return record;
    },
    (cmd) => (cmd === 'registry_list' || cmd === 'registry_search' || cmd === 'list_meetings' ? [] : null),
  );
});

afterEach(closeMeeting);

const labelInput = (category: string, form: 'singular' | 'plural') =>
  document.querySelector(
    `[data-testid=group-labels-${category}] [data-testid=group-label-${form}]`,
  ) as HTMLInputElement;

describe('group labels', () => {
  it('reads "singular|plural" and a plain plural', () => {
    expect(splitLabel('UN Network representative | UN Network representatives')).toEqual({
      singular: 'UN Network representative',
      plural: 'UN Network representatives',
    });
    expect(splitLabel('Member States')).toEqual({ singular: '', plural: 'Member States' });
    expect(splitLabel(undefined)).toEqual({ singular: '', plural: '' });
    expect(joinLabel({ singular: ' a ', plural: ' b ' })).toBe('a|b');
    expect(joinLabel({ singular: '', plural: 'b' })).toBe('b');
    expect(joinLabel({ singular: '', plural: ' ' })).toBeUndefined();
    expect(joinLabel({ singular: 'a', plural: '' })).toBeNull();
  });

  it('shows each group with its label forms', () => {
    render(Attendance);
    expect(labelInput('member_state', 'plural').value).toBe('Member States');
    expect(labelInput('member_state', 'singular').value).toBe('');
    expect(labelInput('civil_society', 'singular').value).toBe('colleague from civil society');
    expect(labelInput('civil_society', 'plural').value).toBe('colleagues from civil society');
    expect(labelInput('un_system', 'plural').value).toBe('');
  });

  it('saves a typed plural, then both forms, keeping the count', async () => {
    render(Attendance);
    await fireEvent.input(labelInput('un_system', 'plural'), { target: { value: 'UN Network representatives' } });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      op: 'set_group',
      category: 'un_system',
      label: 'UN Network representatives',
      count: 22,
    });
    await fireEvent.input(labelInput('un_system', 'singular'), { target: { value: 'UN Network representative' } });
    await waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toEqual({
      op: 'set_group',
      category: 'un_system',
      label: 'UN Network representative|UN Network representatives',
      count: 22,
    });
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
  });

  it('saves nothing for a singular alone, and says the plural is needed', async () => {
    render(Attendance);
    await fireEvent.input(labelInput('un_system', 'singular'), { target: { value: 'UN Network representative' } });
    expect(screen.getByTestId('group-label-error').textContent).toContain('plural');
    await new Promise((r) => setTimeout(r, 500));
    expect(edits).toEqual([]);
  });

  it('clears a label, back to the built-in name', async () => {
    render(Attendance);
    await fireEvent.input(labelInput('member_state', 'plural'), { target: { value: '' } });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ op: 'set_group', category: 'member_state', label: undefined, count: 60 });
  });

  it('keeps a label just typed when the count changes at once', async () => {
    render(Attendance);
    await fireEvent.input(labelInput('un_system', 'plural'), { target: { value: 'UN Network representatives' } });
    const count = document.querySelector('[data-testid=count-un_system] input') as HTMLInputElement;
    await fireEvent.change(count, { target: { value: '23' } });
    await waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toEqual({
      op: 'set_group',
      category: 'un_system',
      label: 'UN Network representatives',
      count: 23,
    });
    // No write in between dropped the label (the label is saved before the count, which then carries it).
    expect(edits[0]).toEqual({
      op: 'set_group',
      category: 'un_system',
      label: 'UN Network representatives',
      count: 22,
    });
    expect(record.attendance.groups.find((g) => g.category === 'un_system')).toEqual({
      category: 'un_system',
      label: 'UN Network representatives',
      count: 23,
    });
  });

  it('keeps the label when a group is given a count through the add form', async () => {
    render(Attendance);
    (screen.getByTestId('group-category') as HTMLSelectElement).value = 'member_state';
    await fireEvent.input(screen.getByTestId('group-count'), { target: { value: '61' } });
    await fireEvent.click(screen.getByTestId('group-add'));
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ op: 'set_group', category: 'member_state', label: 'Member States', count: 61 });
  });

  it('removes a group', async () => {
    render(Attendance);
    const remove = document.querySelector(
      '[data-testid=group-labels-civil_society] [data-testid=group-remove]',
    ) as HTMLButtonElement;
    await fireEvent.click(remove);
    await waitFor(() => expect(edits).toEqual([{ op: 'remove_group', category: 'civil_society' }]));
    await waitFor(() => expect(document.querySelector('[data-testid=count-civil_society]')).toBeNull());
  });
});
