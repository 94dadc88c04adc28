// An intervention's details against a mocked backend: a delegation's name for this meeting ("UK"), a free
// entry's name and category, and the other fields, each sent as the `update_intervention` the store expects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import InterventionDetail from './InterventionDetail.svelte';
import { app } from '../lib/state.svelte';
import { briefing, closeMeeting, openMeeting } from '../test/meeting';
import type { Edit } from '../bindings/Edit';
import type { Intervention } from '../bindings/Intervention';
import type { MeetingRecord } from '../bindings/MeetingRecord';

let record: MeetingRecord;
let edits: Edit[];

const uk: Intervention = { id: 'i9', order: 9, speaker: { delegation: 'GBR' }, summary: '', kind: 'statement' };
const rapporteur: Intervention = {
  id: 'i10',
  order: 10,
  speaker: { name: 'Special Rapporteur on migrants', category: 'special_procedure' },
  summary: '',
  kind: 'statement',
};

beforeEach(() => {
  record = briefing({ interventions: [uk, rapporteur] });
  edits = openMeeting(
    record,
    (edit) => {
      if (edit.op === 'update_intervention') {
        record = {
          ...record,
          interventions: record.interventions.map((i) =>
            i.id === edit.id
              ? {
                  ...i,
                  speaker: edit.speaker,
                  person: edit.person,
                  time: edit.time,
                  agenda_item: edit.agenda_item,
                  kind: edit.kind,
                }
              : i,
          ),
        };
      }
      return record;
    },
    (cmd) => {
      const gbr = { code: 'GBR', name: 'United Kingdom of Great Britain and Northern Ireland', member: true };
      if (cmd === 'registry_list' || cmd === 'registry_search') return [gbr];
      if (cmd === 'free_names') return [];
      return cmd === 'list_meetings' ? [] : null;
    },
  );
});

afterEach(closeMeeting);

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('intervention detail', () => {
  it("sets a delegation's name for this meeting, and shows it in place of the registry name", async () => {
    const view = render(InterventionDetail, { props: { intervention: uk } });
    await waitFor(() =>
      expect(field('display-name').placeholder).toBe('United Kingdom of Great Britain and Northern Ireland'),
    );
    expect(screen.queryByTestId('speaker-name')).toBeNull();
    await fireEvent.input(field('display-name'), { target: { value: 'UK' } });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      op: 'update_intervention',
      id: 'i9',
      speaker: { delegation: 'GBR', display_name: 'UK' },
      person: undefined,
      time: undefined,
      agenda_item: undefined,
      kind: 'statement',
    });
    await waitFor(() => expect(app.record!.interventions[0].speaker.display_name).toBe('UK'));
    await view.rerender({ intervention: app.record!.interventions[0] });
    expect(screen.getByRole('heading').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '9. UK (United Kingdom of Great Britain and Northern Ireland)',
    );
    // Emptied: the registry name again.
    await fireEvent.input(field('display-name'), { target: { value: ' ' } });
    await waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toMatchObject({ op: 'update_intervention', id: 'i9', speaker: { delegation: 'GBR' } });
    expect((edits[1] as { speaker: object }).speaker).not.toHaveProperty('display_name');
  });

  it("edits a free entry's name and category, never saving a blank name", async () => {
    render(InterventionDetail, { props: { intervention: rapporteur } });
    expect(screen.queryByTestId('display-name')).toBeNull();
    await fireEvent.input(field('speaker-name'), { target: { value: '' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(edits).toEqual([]);
    expect(field('speaker-name').getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(field('speaker-name'), {
      target: { value: 'Special Rapporteur on the human rights of migrants' },
    });
    const category = screen.getByTestId('speaker-category') as HTMLSelectElement;
    category.value = 'un_system';
    await fireEvent.change(category);
    await waitFor(() => expect(edits.length).toBeGreaterThan(0));
    await waitFor(() =>
      expect(edits.at(-1)).toMatchObject({
        op: 'update_intervention',
        id: 'i10',
        speaker: { name: 'Special Rapporteur on the human rights of migrants', category: 'un_system' },
      }),
    );
  });

  it('saves person, agenda item and kind with the speaker unchanged', async () => {
    render(InterventionDetail, { props: { intervention: uk } });
    await fireEvent.input(field('intervention-person'), { target: { value: 'Ms. Jane Doe' } });
    await fireEvent.input(field('intervention-agenda-item'), { target: { value: 'Item 3' } });
    const kind = screen.getByTestId('intervention-kind') as HTMLSelectElement;
    kind.value = 'question';
    await fireEvent.change(kind);
    await waitFor(() =>
      expect(edits.at(-1)).toEqual({
        op: 'update_intervention',
        id: 'i9',
        speaker: { delegation: 'GBR' },
        person: 'Ms. Jane Doe',
        time: undefined,
        agenda_item: 'Item 3',
        kind: 'question',
      }),
    );
  });

  it('takes a typed time as HH:MM, and saves nothing for one that is not a time', async () => {
    render(InterventionDetail, { props: { intervention: uk } });
    const time = field('intervention-time');
    expect(time.type).toBe('text');
    await fireEvent.input(time, { target: { value: '25:10' } });
    await fireEvent.change(time);
    expect(screen.getByTestId('intervention-time-error').textContent).toBe('Time: 25:10 is not a time (use HH:MM)');
    await new Promise((r) => setTimeout(r, 500));
    expect(edits).toEqual([]);
    await fireEvent.input(time, { target: { value: '9:05' } });
    await fireEvent.change(time);
    expect(time.value).toBe('09:05');
    expect(screen.queryByTestId('intervention-time-error')).toBeNull();
    await waitFor(() => expect(edits.at(-1)).toMatchObject({ op: 'update_intervention', id: 'i9', time: '09:05' }));
  });
});

describe('changing the speaker', () => {
  it('replaces a mistaken speaker with a State, keeping the other fields', async () => {
    render(InterventionDetail, { props: { intervention: { ...rapporteur, person: 'Ms. A', kind: 'question' } } });
    const picker = screen.getByTestId('change-speaker') as HTMLInputElement;
    await fireEvent.focus(picker);
    await fireEvent.input(picker, { target: { value: 'United' } });
    await waitFor(() => expect(screen.getByTestId('change-speaker-options').textContent).toContain('United Kingdom'));
    await fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      op: 'update_intervention',
      id: 'i10',
      speaker: { delegation: 'GBR' },
      person: 'Ms. A',
      time: undefined,
      agenda_item: undefined,
      kind: 'question',
    });
  });
});
