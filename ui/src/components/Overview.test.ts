// The Overview's dates against a mocked backend: typed dates save as `set_meeting`, and a bad or
// out-of-order date saves nothing and says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import Overview from './Overview.svelte';
import { briefing, closeMeeting, openMeeting } from '../test/meeting';
import type { Edit } from '../bindings/Edit';
import type { MeetingRecord } from '../bindings/MeetingRecord';

let record: MeetingRecord;
let edits: Edit[];

beforeEach(() => {
  record = briefing();
  edits = openMeeting(record, (edit) => {
    if (edit.op === 'set_meeting') record = { ...record, meeting: edit.meeting };
    return record;
  });
});

afterEach(closeMeeting);

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const pause = (ms = 500) => new Promise((r) => setTimeout(r, ms));

describe('Overview dates', () => {
  it('saves a typed end date, shown back in the long form', async () => {
    render(Overview);
    expect(input('overview-date').value).toBe('12 December 2019');
    expect(input('overview-end-date').value).toBe('');
    await fireEvent.input(input('overview-end-date'), { target: { value: '13/12/2019' } });
    await fireEvent.change(input('overview-end-date'));
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toMatchObject({
      op: 'set_meeting',
      meeting: { date: '2019-12-12', end_date: '2019-12-13', title: 'Briefing' },
    });
    expect(input('overview-end-date').value).toBe('13 December 2019');
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
  });

  it('saves nothing for an impossible date or an end before the start, and says so', async () => {
    render(Overview);
    await fireEvent.input(input('overview-end-date'), { target: { value: '31/02/2020' } });
    await fireEvent.change(input('overview-end-date'));
    expect(screen.getByTestId('overview-end-date-error').textContent).toBe(
      'End date: 31/02/2020 is not a date (use DD/MM/YYYY)',
    );
    await fireEvent.input(input('overview-end-date'), { target: { value: '11/12/2019' } });
    expect(screen.getByTestId('overview-end-date-error').textContent).toBe(
      'End date: 11 December 2019 is before the start date (12 December 2019)',
    );
    await fireEvent.input(input('overview-date'), { target: { value: '' } });
    await fireEvent.change(input('overview-date'));
    expect(screen.getByTestId('overview-date-error').textContent).toBe('Date: a date is needed (use DD/MM/YYYY)');
    await pause();
    expect(edits).toEqual([]);
    expect(screen.getByTestId('save-state').dataset.state).toBe('idle');
  });

  it('moves the start date with a typed ISO date', async () => {
    render(Overview);
    await fireEvent.input(input('overview-date'), { target: { value: '2020-04-02' } });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toMatchObject({ op: 'set_meeting', meeting: { date: '2020-04-02' } });
  });
});
