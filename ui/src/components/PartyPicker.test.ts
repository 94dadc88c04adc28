// The party picker against a mocked backend: Enter takes the best suggestion for what is typed (waiting for
// the registry's answer if it is still coming), previously used free names are suggestions with their
// category, and the typed text becomes a new name only when the user chooses "Add … as" explicitly.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import PartyPicker from './PartyPicker.svelte';
import type { FreeName } from '../bindings/FreeName';
import type { Party } from '../bindings/Party';
import type { StateEntry } from '../bindings/StateEntry';

const GHANA: StateEntry = { code: 'GHA', name: 'Ghana', member: true };
const STATES: StateEntry[] = [
  { code: 'GAB', name: 'Gabon', member: true },
  { code: 'GMB', name: 'Gambia', member: true },
  { code: 'DEU', name: 'Germany', member: true },
  GHANA,
];
const RAPPORTEUR: FreeName = {
  name: 'Special Rapporteur on the human rights of migrants',
  category: 'special_procedure',
};

interface Search {
  query: string;
  answer: (entries: StateEntry[]) => void;
}

/** A registry that answers each search when the test says, and the free names used before. */
function backend(freeNames: FreeName[] = []) {
  const searches: Search[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    if (cmd === 'free_names') return freeNames;
    if (cmd === 'registry_search')
      return new Promise((answer) => searches.push({ query: args.query as string, answer }));
    return null;
  });
  return searches;
}

/** A registry that answers at once: the States whose name contains the query. */
function quickRegistry(freeNames: FreeName[] = []) {
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    if (cmd === 'free_names') return freeNames;
    if (cmd === 'registry_search')
      return STATES.filter((s) => s.name.toLowerCase().includes(String(args.query).toLowerCase()));
    return null;
  });
}

function picker() {
  const picked: Party[] = [];
  render(PartyPicker, {
    props: {
      placeholder: 'Add a speaker',
      onpick: (p: Party) => picked.push(p),
      allowFree: true,
      testid: 'add-speaker',
    },
  });
  const input = screen.getByTestId('add-speaker') as HTMLInputElement;
  return { picked, input };
}

async function typeQuery(input: HTMLInputElement, text: string) {
  await fireEvent.focus(input);
  await fireEvent.input(input, { target: { value: text } });
}

const key = (input: HTMLInputElement, k: string) => fireEvent.keyDown(input, { key: k });
const suggestionButtons = () =>
  [...document.querySelectorAll('[data-testid=add-speaker-options] button')].map((b) => b.textContent);

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('PartyPicker', () => {
  it('never adds a partial name with Enter alone: the free entry is a separate, explicit choice', async () => {
    quickRegistry();
    const { picked, input } = picker();
    await typeQuery(input, 'Special Rapp');
    const free = await screen.findByTestId('add-speaker-free');
    expect(free.textContent).toContain('Add “Special Rapp” as a new name, filed under:');
    // No suggestion for it: Enter adds nothing, and the free choices are not among the suggestions.
    expect(suggestionButtons()).toEqual([]);
    await key(input, 'Enter');
    expect(picked).toEqual([]);
    // ↓ chooses the first "Add as" (Other, the picker's default category), and then Enter adds it.
    await key(input, 'ArrowDown');
    expect(free.querySelector('button.active')?.getAttribute('aria-label')).toBe(
      'Add “Special Rapp” as a new name, filed under Other',
    );
    await key(input, 'Enter');
    expect(picked).toEqual([{ name: 'Special Rapp', category: 'other' }]);
  });

  it('adds the typed name under the category clicked', async () => {
    quickRegistry();
    const { picked, input } = picker();
    await typeQuery(input, 'IOM');
    await screen.findByTestId('add-speaker-free');
    await fireEvent.click(document.querySelector('[data-testid=add-speaker-free] button[data-category=un_system]')!);
    expect(picked).toEqual([{ name: 'IOM', category: 'un_system' }]);
  });

  it('suggests names used before with their category, and Enter takes one', async () => {
    quickRegistry([RAPPORTEUR, { name: 'UNHCR', category: 'un_system' }]);
    const { picked, input } = picker();
    await typeQuery(input, 'Special Rapp');
    await waitFor(() => expect(suggestionButtons()).toEqual([`${RAPPORTEUR.name}Special procedures`]));
    await key(input, 'Enter');
    expect(picked).toEqual([{ name: RAPPORTEUR.name, category: 'special_procedure' }]);
  });

  it('Enter takes the best registry match first, even before free names and the free entry', async () => {
    quickRegistry([{ name: 'Ghana Red Cross', category: 'civil_society' }]);
    const { picked, input } = picker();
    await typeQuery(input, 'Ghan');
    await waitFor(() => expect(suggestionButtons()).toEqual(['GhanaMember States', 'Ghana Red CrossCivil society']));
    await key(input, 'Enter');
    expect(picked).toEqual([{ delegation: 'GHA' }]);
  });

  it('Enter pressed while the registry is still answering takes the answer for what is typed, not a stale list', async () => {
    const searches = backend();
    const { picked, input } = picker();
    await typeQuery(input, 'G');
    await waitFor(() => expect(searches.map((s) => s.query)).toEqual(['G']));
    searches[0].answer(STATES);
    await waitFor(() => expect(suggestionButtons()[0]).toBe('GabonMember States'));
    await fireEvent.input(input, { target: { value: 'Ghan' } });
    await waitFor(() => expect(searches.map((s) => s.query)).toEqual(['G', 'Ghan']));
    // The list still shows the answer for "G" (Gabon first) when Enter is pressed.
    await key(input, 'Enter');
    expect(picked).toEqual([]);
    searches[1].answer([GHANA]);
    await waitFor(() => expect(picked).toEqual([{ delegation: 'GHA' }]));
  });
});
