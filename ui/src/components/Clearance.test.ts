// Clearance on the drafting screen against a mocked backend: the status and its next step above the editor,
// a final text read-only until reopened, the comments panel's suggestions accepted (the text is read again)
// and a comment refused without a selection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import Documents from './Documents.svelte';
import { app } from '../lib/state.svelte';
import type { MeetingRecord } from '../bindings/MeetingRecord';
import type { Review } from '../bindings/Review';
import type { ReviewAction } from '../bindings/ReviewAction';

const record: MeetingRecord = {
  format: 'rapporteur/meeting-record@1',
  meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
  attendance: { groups: [], delegations: [] },
  interventions: [],
  action_items: [],
  related_meetings: [],
  documents: [{ id: 's0', kind: 'summary', body: 'The Chair opened the sitting.' }],
};

const AT = '2024-05-01T09:00:00+00:00';
const empty: Review = { status: 'draft', corrigendum: 0, comments: [], suggestions: [], events: [], circulated: [] };

let review: Review;
let applied: ReviewAction[][];
let recordReads: number;

beforeEach(() => {
  review = structuredClone(empty);
  applied = [];
  recordReads = 0;
  mockWindows('main');
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'review':
        return review;
      case 'review_apply': {
        const actions = a.actions as ReviewAction[];
        applied.push(actions);
        for (const act of actions) {
          if (act.op === 'reopen') review = { ...review, status: 'draft' };
          if (act.op === 'set_status') review = { ...review, status: act.status };
          if (act.op === 'accept') review = { ...review, suggestions: [] };
        }
        return review;
      }
      case 'record':
        recordReads++;
        return record;
      case 'edit':
        return record;
      case 'attachments':
        return [];
      case 'draft':
        return '';
      default:
        return null;
    }
  });
  app.currentId = 'm1';
  app.record = structuredClone(record);
});

afterEach(() => {
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
});

describe('clearance', () => {
  it('moves a draft on one step, naming the next status', async () => {
    render(Documents);
    const next = await screen.findByTestId('review-next');
    expect(next.textContent).toContain('For clearance');
    await fireEvent.click(next);
    await waitFor(() => expect(screen.getByTestId('review-status').dataset.status).toBe('for_clearance'));
    expect(applied).toEqual([[{ op: 'set_status', status: 'for_clearance' }]]);
  });

  it('shows a final text read-only, with who moved it, until it is reopened', async () => {
    review = {
      ...empty,
      status: 'final',
      events: [{ kind: 'status_change', by: 'Geneva laptop', at: AT, detail: 'final' }],
    };
    render(Documents);
    await screen.findByTestId('review-locked');
    expect(screen.getByTestId('review-last').textContent).toContain('Geneva laptop');
    const editor = screen.getByTestId('editor');
    await waitFor(() => expect(editor.getAttribute('contenteditable')).toBe('false'));
    expect(editor.getAttribute('aria-readonly')).toBe('true');
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveProperty('disabled', true);

    await fireEvent.click(screen.getByTestId('review-reopen'));
    await waitFor(() => expect(screen.queryByTestId('review-locked')).toBeNull());
    expect(applied).toEqual([[{ op: 'reopen' }]]);
    await waitFor(() => expect(editor.getAttribute('contenteditable')).toBe('true'));
  });

  it('offers a corrigendum, not reopening, for a circulated text', async () => {
    review = { ...empty, status: 'circulated' };
    render(Documents);
    await screen.findByTestId('review-corrigendum');
    expect(screen.queryByTestId('review-reopen')).toBeNull();
    expect(screen.queryByTestId('review-next')).toBeNull();
    expect(screen.getByTestId('review-locked').textContent).toContain('corrigendum');
  });

  it('accepts a suggestion from the panel and reads the text again', async () => {
    review = {
      ...empty,
      suggestions: [
        { id: 'g1', start: 21, end: 28, deleted: 'sitting', insert: 'meeting', author: 'Ana', at: AT, state: 'open' },
      ],
      comments: [
        {
          id: 'c1',
          start: 4,
          end: 9,
          quote: 'Chair',
          text: 'Name her.',
          author: 'Bo',
          at: AT,
          resolved: false,
          replies: [],
        },
      ],
    };
    render(Documents);
    await fireEvent.click(await screen.findByTestId('toggle-review'));
    const suggestion = await screen.findByTestId('review-suggestion');
    expect(suggestion.textContent).toContain('“sitting” → “meeting”');
    expect(screen.getByTestId('review-comment').textContent).toContain('Name her.');
    const reads = recordReads;
    await fireEvent.click(screen.getByTestId('review-accept'));
    await waitFor(() => expect(screen.queryByTestId('review-suggestion')).toBeNull());
    expect(applied).toEqual([[{ op: 'accept', which: { one: 'g1' } }]]);
    await waitFor(() => expect(recordReads).toBe(reads + 1));
  });

  it('asks for a selection before commenting', async () => {
    render(Documents);
    await fireEvent.click(await screen.findByTestId('toggle-review'));
    await fireEvent.input(await screen.findByTestId('review-comment-text'), { target: { value: 'Why?' } });
    await fireEvent.click(screen.getByTestId('review-comment-add'));
    await waitFor(() => expect(app.toasts.some((t) => t.message.includes('Select the words'))).toBe(true));
    expect(applied).toEqual([]);
  });
});
