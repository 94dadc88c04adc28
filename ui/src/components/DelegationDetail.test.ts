// Editing who attended, against a mocked backend: a State's name for this meeting, a free entry's name and
// category (nothing saved while the name is blank), and the summary's title; each checked as the Edit sent.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import DelegationDetail from './DelegationDetail.svelte';
import SummaryTitle from './SummaryTitle.svelte';
import { briefing, closeMeeting, openMeeting } from '../test/meeting';
import type { AttendingDelegation } from '../bindings/AttendingDelegation';

const gbr: AttendingDelegation = { id: 'd1', delegation: 'GBR', present: true };
const network: AttendingDelegation = { id: 'd2', name: 'UN Netwrk', category: 'un_system', present: false };

function open() {
  const record = briefing({ attendance: { groups: [], delegations: [gbr, network] } });
  return openMeeting(
    record,
    () => record,
    (cmd) => {
      if (cmd === 'registry_list')
        return [{ code: 'GBR', name: 'United Kingdom of Great Britain and Northern Ireland', member: true }];
      return cmd === 'list_meetings' ? [] : null;
    },
  );
}

afterEach(closeMeeting);

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('delegation detail', () => {
  it("saves a State's name for this meeting, keeping the State", async () => {
    const edits = open();
    render(DelegationDetail, { props: { delegation: gbr } });
    expect(screen.queryByTestId('delegation-name')).toBeNull();
    await fireEvent.input(field('delegation-display-name'), { target: { value: 'UK' } });
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ op: 'update_delegation', id: 'd1', party: { delegation: 'GBR', display_name: 'UK' } });
  });

  it("corrects a free entry's name and category, saving nothing while the name is blank", async () => {
    const edits = open();
    render(DelegationDetail, { props: { delegation: network } });
    await fireEvent.input(field('delegation-name'), { target: { value: ' ' } });
    await fireEvent.input(field('delegation-name'), { target: { value: 'UN Network on Migration' } });
    await fireEvent.change(screen.getByTestId('delegation-category'), {
      target: { value: 'intergovernmental_organization' },
    });
    await waitFor(() => expect(edits.length).toBeGreaterThan(0));
    await waitFor(() =>
      expect(edits.at(-1)).toEqual({
        op: 'update_delegation',
        id: 'd2',
        party: { name: 'UN Network on Migration', category: 'intergovernmental_organization' },
      }),
    );
    expect(edits.every((e) => e.op === 'update_delegation' && e.party.name?.trim())).toBe(true);
  });
});

describe('summary title', () => {
  it('saves the title as typed, and clears it when emptied', async () => {
    const edits = open();
    render(SummaryTitle, { props: { title: undefined, placeholder: 'Briefing' } });
    expect(field('summary-title').placeholder).toBe('Briefing');
    await fireEvent.input(field('summary-title'), { target: { value: 'Summary of the briefing' } });
    await waitFor(() => expect(edits).toEqual([{ op: 'set_summary_title', title: 'Summary of the briefing' }]));
    await fireEvent.input(field('summary-title'), { target: { value: '' } });
    await waitFor(() => expect(edits.at(-1)).toEqual({ op: 'set_summary_title', title: null }));
  });
});
