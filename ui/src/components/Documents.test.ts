// The drafting screens against a mocked backend: the preview beside the editor (sanitised, redrafted when the
// record changes), the history (list, diff, view, restore), and marking a statement delivered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import Documents from './Documents.svelte';
import { app } from '../lib/state.svelte';
import type { MeetingRecord } from '../bindings/MeetingRecord';
import type { DocVersion } from '../bindings/DocVersion';
import type { Attachment } from '../bindings/Attachment';

type Call = { cmd: string; args: Record<string, unknown> };

const base: MeetingRecord = {
  format: 'rapporteur/meeting-record@1',
  meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
  attendance: { groups: [], delegations: [] },
  interventions: [],
  action_items: [],
  related_meetings: [],
  documents: [
    { id: 's0', kind: 'summary', body: 'Current summary text.' },
    { id: 'st1', kind: 'statement', title: 'Opening statement', speaker: 'The Chair', body: 'We welcome you.' },
  ],
};

const versions: DocVersion[] = [
  {
    version_id: '3@1',
    time: '2024-05-01T09:00:00+00:00',
    replica_name: 'Geneva laptop',
    op: 'regenerate',
    change: 'regenerate',
    synced: false,
  },
  {
    version_id: '9@1',
    time: '2024-05-01T09:05:00+00:00',
    replica_name: 'Geneva laptop',
    op: 'doc_restore',
    change: 'restore',
    synced: false,
  },
  {
    version_id: '4@2',
    time: '2024-05-01T10:00:00+00:00',
    replica_name: 'New York desk',
    op: 'set_document',
    change: 'edit',
    synced: true,
  },
];

const DIFF = ['--- 3@1', '+++ 4@2', '@@ -1,2 +1,2 @@', ' Kept line.', '-Old line.', '+New line.', ''].join('\n');

let record: MeetingRecord;
let draft: string;
let calls: Call[];
let attachments: Attachment[];
/** What `regenerate` reports as edited by hand, and the button the (mocked) native Yes/No dialog returns. */
let edited: string[];
let answer: 'Yes' | 'No';

function backend() {
  mockWindows('main');
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case 'draft':
        return draft;
      case 'record':
        return record;
      case 'doc_history':
        return versions;
      case 'doc_diff':
        return DIFF;
      case 'doc_at':
        return `Text of ${a.version as string}.`;
      case 'doc_restore':
        record = {
          ...record,
          documents: record.documents.map((d) => (d.kind === 'summary' ? { ...d, body: 'Restored summary text.' } : d)),
        };
        return null;
      case 'edit': {
        const e = a.edit as { op: string; index: number; title?: string; speaker?: string; delivered_on?: string };
        if (e.op === 'update_statement') {
          record = {
            ...record,
            documents: record.documents.map((d) =>
              d.kind === 'statement' ? { ...d, title: e.title, speaker: e.speaker, delivered_on: e.delivered_on } : d,
            ),
          };
        }
        return record;
      }
      case 'list_meetings':
        return [];
      case 'attachments':
        return attachments;
      case 'pick_and_attach': {
        const added: Attachment = {
          id: 'a3',
          doc_kind: 'statement',
          doc_id: 'st1',
          doc_index: 0,
          name: 'speech.pdf',
          media_type: 'application/pdf',
          size: 2048,
          sha256: 'c'.repeat(64),
          available: true,
        };
        attachments = [...attachments, added];
        return added;
      }
      case 'save_attachment':
        return { file: 'copy.pdf', warnings: [] };
      case 'regenerate': {
        const force = (a.force ?? []) as string[];
        return { markdown: '', edited_sections: edited.filter((e) => !force.includes(e)), overwritten_sections: force };
      }
      case 'plugin:dialog|message':
        return answer;
      default:
        return null;
    }
  });
}

const named = (cmd: string) => calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  calls = [];
  attachments = [
    {
      id: 'a1',
      doc_kind: 'statement',
      doc_id: 'st1',
      doc_index: 0,
      name: 'annex.pdf',
      media_type: 'application/pdf',
      size: 300000,
      sha256: 'a'.repeat(64),
      available: true,
    },
    {
      id: 'a2',
      doc_kind: 'statement',
      doc_id: 'st1',
      doc_index: 0,
      name: 'late.pdf',
      media_type: 'application/pdf',
      size: 10,
      sha256: 'b'.repeat(64),
      available: false,
    },
    {
      id: 'a0',
      doc_kind: 'summary',
      doc_id: 'summary',
      doc_index: 0,
      name: 'summary-only.pdf',
      media_type: 'application/pdf',
      size: 10,
      sha256: 'd'.repeat(64),
      available: true,
    },
  ];
  record = structuredClone(base);
  draft = 'Nothing.';
  edited = [];
  answer = 'No';
  backend();
  app.currentId = 'm1';
  app.record = record;
});

afterEach(() => {
  cleanup();
  clearMocks();
  app.currentId = null;
  app.record = null;
});

describe('preview', () => {
  it('renders the generated draft as sanitised HTML, without markers', async () => {
    draft = [
      '# Summary of the briefing',
      '',
      '<!-- rapporteur:begin speakers hash=0123456789abcdef -->',
      'Delegates of **France** and Ghana took the floor. <script>window.pwned = 1</script>',
      '<img src=x onerror="window.pwned = 2"> <a href="javascript:alert(1)">bad</a> [here](#statement-1)',
      '<!-- rapporteur:end speakers -->',
      '',
    ].join('\n');
    render(Documents);
    const body = await screen.findByTestId('preview-body');
    expect(body.querySelector('h1')?.textContent).toBe('Summary of the briefing');
    expect(body.querySelector('strong')?.textContent).toBe('France');
    expect(body.textContent).toContain('Ghana took the floor.');
    expect(body.innerHTML).not.toContain('rapporteur:');
    expect(body.querySelector('script, img, [onerror], [href^=javascript]')).toBeNull();
    // Raw HTML reads as the text it was written with, as in the editor.
    expect(body.textContent).toContain('<script>window.pwned = 1</script>');
    expect(body.textContent).toContain('<img src=x onerror="window.pwned = 2">');
    expect(body.querySelector('a[href="#statement-1"]')).not.toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(named('draft')[0].args).toEqual({ id: 'm1', lang: null });
    // The draft and the editor are marked with the meeting's language, for screen readers (WCAG 3.1.2).
    expect(body.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('editor').closest('[lang]')?.getAttribute('lang')).toBe('en');
  });

  it('is redrafted when the record changes, and hides with its toggle', async () => {
    draft = 'Delegates of France took the floor.';
    render(Documents);
    await waitFor(() => expect(screen.getByTestId('preview-body').textContent).toContain('France'));
    const before = named('draft').length;
    draft = 'Delegates of France and Ghana took the floor.';
    app.record = { ...record, interventions: [], meeting: { ...record.meeting, title: 'Briefing (updated)' } };
    await waitFor(() => expect(screen.getByTestId('preview-body').textContent).toContain('Ghana'));
    expect(named('draft').length).toBe(before + 1);

    // Typing in the summary changes only the document body: no redraft.
    app.record = {
      ...app.record!,
      documents: app.record!.documents.map((d) => (d.kind === 'summary' ? { ...d, body: 'typed' } : d)),
    };
    await new Promise((r) => setTimeout(r, 300));
    expect(named('draft').length).toBe(before + 1);

    await fireEvent.click(screen.getByTestId('toggle-preview'));
    expect(screen.queryByTestId('preview')).toBeNull();
    await fireEvent.click(screen.getByTestId('toggle-preview'));
    await screen.findByTestId('preview');
  });
});

describe('refreshing generated sections', () => {
  it('saves what was just typed first, so the refreshed summary is not overwritten by it', async () => {
    render(Documents);
    const el = (await screen.findByTestId('editor')) as HTMLElement & {
      editor: { commands: { insertContent: (s: string) => void } };
    };
    el.editor.commands.insertContent(' Just typed.');
    await fireEvent.click(screen.getByTestId('regenerate'));
    await waitFor(() => expect(named('regenerate')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('regenerate').dataset.busy).toBe('false'));
    const order = calls.map((c) => c.cmd).filter((c) => c === 'edit' || c === 'regenerate');
    expect(order).toEqual(['edit', 'regenerate']);
    expect(named('edit')[0].args.edit).toMatchObject({ op: 'set_document', kind: 'summary', index: 0 });
    expect(String((named('edit')[0].args.edit as { body: string }).body)).toContain('Just typed.');
  });
});

describe('regenerating over hand edits', () => {
  async function regenerate() {
    render(Documents);
    await fireEvent.click(await screen.findByTestId('regenerate'));
    await waitFor(() => expect(named('plugin:dialog|message')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('regenerate').dataset.busy).toBe('false'));
  }

  it('asks, naming the edited sections, and overwrites them only when the user says yes', async () => {
    edited = ['speakers', 'actions'];
    answer = 'Yes';
    await regenerate();
    const asked = named('plugin:dialog|message')[0].args;
    expect(asked).toMatchObject({ kind: 'warning', buttons: 'YesNo' });
    expect(String(asked.message)).toContain('Speakers, actions');
    expect(named('regenerate').map((c) => c.args.force)).toEqual([[], ['speakers', 'actions']]);
    // The refreshed text is read back either way.
    expect(named('record').length).toBeGreaterThan(0);
  });

  it('leaves the edited sections alone when the user says no', async () => {
    edited = ['speakers'];
    answer = 'No';
    await regenerate();
    expect(named('regenerate').map((c) => c.args.force)).toEqual([[]]);
    expect(named('record').length).toBeGreaterThan(0);
  });

  it('does not ask when nothing was edited by hand', async () => {
    render(Documents);
    await fireEvent.click(await screen.findByTestId('regenerate'));
    await waitFor(() => expect(named('regenerate')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('regenerate').dataset.busy).toBe('false'));
    expect(named('plugin:dialog|message')).toHaveLength(0);
  });
});

describe('history', () => {
  it('lists versions, diffs two, shows one and restores it', async () => {
    render(Documents);
    await fireEvent.click(screen.getByTestId('toggle-history'));
    await waitFor(() => expect(screen.getAllByTestId('history-version')).toHaveLength(3));
    const rows = screen.getAllByTestId('history-version');
    expect(rows.map((r) => r.dataset.version)).toEqual(['4@2', '9@1', '3@1']);
    expect(rows[0].textContent).toContain('New York desk');
    expect(rows[2].textContent).toContain('Geneva laptop');
    // Each says what made it: a colleague's edit by sync, a restore, a refresh of the generated sections.
    expect(screen.getAllByTestId('history-change').map((c) => c.textContent)).toEqual([
      'edit · received by sync',
      'restore',
      'generated sections refreshed',
    ]);
    expect(named('doc_history')[0].args).toEqual({ id: 'm1', kind: 'summary', index: 0 });

    // Tick the newest, then the oldest: the diff runs oldest → newest whatever the order of ticking.
    const picks = screen.getAllByTestId('history-pick') as HTMLInputElement[];
    await fireEvent.click(picks[0]);
    await fireEvent.click(picks[2]);
    await fireEvent.click(screen.getByTestId('history-compare'));
    const diff = await screen.findByTestId('history-diff');
    expect(named('doc_diff')[0].args).toEqual({ id: 'm1', kind: 'summary', index: 0, from: '3@1', to: '4@2' });
    expect(diff.querySelector('[data-kind=add]')?.textContent).toContain('New line.');
    expect(diff.querySelector('[data-kind=del]')?.textContent).toContain('Old line.');
    expect(diff.querySelector('[data-kind=ctx]')?.textContent).toContain('Kept line.');
    expect(diff.textContent).not.toContain('+++');

    // One ticked: compared with the current text.
    await fireEvent.click(picks[2]);
    await fireEvent.click(screen.getByTestId('history-compare'));
    await waitFor(() => expect(named('doc_diff')).toHaveLength(2));
    expect(named('doc_diff')[1].args).toMatchObject({ from: '4@2', to: 'current' });

    // View the middle version, then restore it: the editor shows the restored body.
    await fireEvent.click(screen.getAllByTestId('history-view')[1]);
    expect((await screen.findByTestId('history-text')).textContent).toContain('Text of 9@1.');
    expect(named('doc_at')[0].args).toEqual({ id: 'm1', kind: 'summary', index: 0, version: '9@1' });
    await fireEvent.click(screen.getByTestId('history-restore'));
    await waitFor(() => expect(named('doc_restore')).toHaveLength(1));
    expect(named('doc_restore')[0].args).toEqual({ id: 'm1', kind: 'summary', index: 0, version: '9@1' });
    await waitFor(() => expect(screen.getByTestId('editor').textContent).toContain('Restored summary text.'));
    // The list is read again after the restore.
    await waitFor(() => expect(named('doc_history').length).toBeGreaterThan(1));
  });
});

describe('statements', () => {
  it("marks a statement delivered on the meeting's date, with its speaker, and shows the status", async () => {
    render(Documents);
    const row = await screen.findByTestId('doc-statement');
    expect(screen.getByTestId('doc-statement-status').textContent).toBe('Drafted');
    await fireEvent.click(row);
    // A new speaker, then "Mark delivered" straight away: the second edit does not undo the first.
    const speaker = (await screen.findByTestId('statement-speaker')) as HTMLInputElement;
    await fireEvent.input(speaker, { target: { value: 'Ambassador of Ghana' } });
    void fireEvent.change(speaker);
    await fireEvent.click(screen.getByTestId('mark-delivered'));
    await waitFor(() => expect(named('edit')).toHaveLength(2));
    expect(named('edit')[0].args.edit).toMatchObject({ speaker: 'Ambassador of Ghana', delivered_on: undefined });
    expect(named('edit')[1].args).toEqual({
      id: 'm1',
      edit: {
        op: 'update_statement',
        index: 0,
        title: 'Opening statement',
        speaker: 'Ambassador of Ghana',
        delivered_on: '2019-12-12',
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('doc-statement-status').textContent).toBe(
        'Delivered on 12 December 2019 by Ambassador of Ghana',
      ),
    );
    expect(screen.getByTestId('statement-status').textContent).toContain('by Ambassador of Ghana');

    // The date stays editable; "Back to draft" clears it.
    const date = screen.getByTestId('statement-delivered-on') as HTMLInputElement;
    expect(date.dataset.iso).toBe('2019-12-12');
    expect(date.value).toBe('12 December 2019');
    await fireEvent.input(date, { target: { value: '13/12/2019' } });
    await fireEvent.change(date);
    await waitFor(() => expect(named('edit')).toHaveLength(3));
    expect(named('edit')[2].args.edit).toMatchObject({ delivered_on: '2019-12-13', speaker: 'Ambassador of Ghana' });
    await waitFor(() =>
      expect(screen.getByTestId('doc-statement-status').textContent).toBe(
        'Delivered on 13 December 2019 by Ambassador of Ghana',
      ),
    );

    await fireEvent.click(screen.getByTestId('mark-drafted'));
    await waitFor(() => expect(named('edit')).toHaveLength(4));
    expect(named('edit')[3].args.edit).toEqual({
      op: 'update_statement',
      index: 0,
      title: 'Opening statement',
      speaker: 'Ambassador of Ghana',
      delivered_on: undefined,
    });
    await waitFor(() => expect(screen.getByTestId('doc-statement-status').textContent).toBe('Drafted'));
  });
});

describe('attachments', () => {
  it("lists a statement's files, attaches one and saves a copy; one not arrived cannot be saved", async () => {
    render(Documents);
    await fireEvent.click(await screen.findByTestId('doc-statement'));
    await waitFor(() => expect(screen.getAllByTestId('attachment')).toHaveLength(2));
    const [annex, late] = screen.getAllByTestId('attachment');
    expect(annex.textContent).toContain('annex.pdf');
    expect(late.textContent).toContain('not arrived yet');
    expect((late.querySelector('button') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(screen.getByTestId('attach-file'));
    await waitFor(() => expect(named('pick_and_attach')).toHaveLength(1));
    expect(named('pick_and_attach')[0].args).toEqual({
      id: 'm1',
      kind: 'statement',
      index: 0,
      title: 'Choose a file to attach (up to 50 MB)',
    });
    await waitFor(() => expect(screen.getAllByTestId('attachment')).toHaveLength(3));

    await fireEvent.click(annex.querySelector('button') as HTMLButtonElement);
    await waitFor(() => expect(named('save_attachment')).toHaveLength(1));
    expect(named('save_attachment')[0].args).toEqual({ id: 'm1', attachmentId: 'a1', title: 'Save as…' });
  });

  it("lists the summary's own files above the summary, and only those", async () => {
    render(Documents);
    await waitFor(() => expect(screen.getAllByTestId('attachment')).toHaveLength(1));
    expect(screen.getByTestId('attachment').textContent).toContain('summary-only.pdf');
    await fireEvent.click(screen.getByTestId('attach-file'));
    await waitFor(() => expect(named('pick_and_attach')).toHaveLength(1));
    expect(named('pick_and_attach')[0].args).toEqual({
      id: 'm1',
      kind: 'summary',
      index: 0,
      title: 'Choose a file to attach (up to 50 MB)',
    });
  });
});
