// The Export view against a mocked backend: the preview follows the options (debounced) and drops stale
// answers, the export is one `export_to` call (the backend asks where to save; the page sends a suggested name,
// never a path), and a failure shows as a readable message.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { app } from '../lib/state.svelte';
import { forgetChoices } from '../lib/exportchoices';
import type { MeetingRecord } from '../bindings/MeetingRecord';
import type { ExportOptions } from '../bindings/ExportOptions';

const record: MeetingRecord = {
  format: 'rapporteur/meeting-record@1',
  meeting: { title: 'Briefing', kind: 'briefing', date: '2019-12-12', language: 'en', status: 'draft' },
  attendance: { groups: [], delegations: [] },
  interventions: [],
  action_items: [],
  related_meetings: [],
  documents: [
    { kind: 'summary', body: 'The Chair opened the meeting.' },
    { kind: 'statement', title: 'Opening remarks', body: 'Thank you.' },
  ],
};

const DEFAULTS: ExportOptions = {
  format: 'pdf',
  kind: 'summary',
  index: 0,
  lang: null,
  annex: false,
  table: null,
  include_notes: false,
  with_comments: false,
};

interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

/** A backend whose `preview` and `export_to` answers the test chooses. */
function backend(handlers: Partial<Record<string, (args: Record<string, unknown>) => unknown>>) {
  const calls: Call[] = [];
  mockWindows('main');
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    // A preview answer given as bare SVG is a one-page document.
    if (handler && cmd === 'preview')
      return Promise.resolve(handler(args)).then((r) => (typeof r === 'string' ? { svg: r, page: 1, pages: 1 } : r));
    if (handler) return handler(args);
    switch (cmd) {
      case 'settings_get':
        return { sync_interval_secs: 60, ui_language: 'en', theme: 'light', letterhead: {} };
      case 'data_dir':
        return '/tmp/data';
      case 'list_meetings':
        return [
          {
            id: 'm1',
            title: 'Briefing',
            date: '2019-12-12',
            kind: 'briefing',
            status: 'draft',
            delegations_present: 0,
            interventions: 0,
            action_items: 0,
            open_action_items: 0,
            documents: 2,
          },
        ];
      case 'record':
        return record;
      case 'preview':
        return { svg: svg(JSON.stringify(args.options)), page: 1, pages: 1 };
      default:
        return null;
    }
  });
  return calls;
}

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="595pt" height="842pt"><text>${text}</text></svg>`;
const previews = (calls: Call[]) =>
  calls.filter((c) => c.cmd === 'preview').map((c) => c.args.options as ExportOptions);
const previewText = () => decodeURIComponent((screen.getByTestId('export-preview') as HTMLImageElement).src);

/** Opens the meeting and its Export view with Alt+7. */
async function openExport() {
  render(App);
  await fireEvent.click(await screen.findByTestId('meeting-row'));
  await screen.findByTestId('meeting-title');
  await fireEvent.keyDown(window, { key: '7', altKey: true });
  await screen.findByTestId('view-export');
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  cleanup();
  clearMocks();
  // Messages live in the app's state, which outlives a test; so do the remembered export choices.
  app.toasts = [];
  forgetChoices();
});

describe('Export view', () => {
  it('previews page 1 with the chosen options, once per pause, as an image', async () => {
    const calls = backend({});
    await openExport();
    await waitFor(() => expect(previews(calls)).toEqual([{ ...DEFAULTS, lang: null }]));
    await waitFor(() => expect(previewText()).toContain('data:image/svg+xml'));
    expect(previewText()).toContain('"kind":"summary"');
    // Shown as an image, never as markup in the page.
    expect(document.querySelector('[data-testid=view-export] svg')).toBeNull();

    // Two quick changes make one new preview with both.
    await fireEvent.click(screen.getByTestId('export-annex'));
    await fireEvent.change(screen.getByTestId('export-lang'), { target: { value: 'fr' } });
    await waitFor(() => expect(previews(calls)).toHaveLength(2));
    expect(previews(calls)[1]).toEqual({ ...DEFAULTS, annex: true, lang: 'fr' });
    await waitFor(() => expect(previewText()).toContain('"lang":"fr"'));

    await fireEvent.change(screen.getByTestId('export-doc'), { target: { value: '0' } });
    await waitFor(() => expect(previews(calls)).toHaveLength(3));
    expect(previews(calls)[2]).toEqual({ ...DEFAULTS, annex: true, lang: 'fr', kind: 'statement', index: 0 });

    // Another format with pages keeps the PDF page, with a caption; CSV has no page at all.
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'docx' } });
    expect((await screen.findByTestId('preview-caption')).textContent).toContain('DOCX');
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    await screen.findByTestId('preview-none');
    await new Promise((r) => setTimeout(r, 450));
    expect(previews(calls)).toHaveLength(3);
  });

  it('drops a preview that arrives after a newer one', async () => {
    const first = deferred<string>();
    let n = 0;
    const calls = backend({
      preview: (args) => (++n === 1 ? first.promise : svg(`newer ${JSON.stringify(args.options)}`)),
    });
    await openExport();
    await waitFor(() => expect(previews(calls)).toHaveLength(1));
    expect(screen.getByTestId('preview-busy')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('export-annex'));
    await waitFor(() => expect(previewText()).toContain('newer'));
    first.resolve(svg('stale'));
    await new Promise((r) => setTimeout(r, 50));
    expect(previewText()).toContain('newer');
    expect(previewText()).not.toContain('stale');
    expect(screen.queryByTestId('preview-busy')).toBeNull();
  });

  it("exports where the backend's save dialog says, showing progress, then names the file", async () => {
    const writing = deferred<{ file: string; warnings: string[] }>();
    const calls = backend({ export_to: () => writing.promise });
    await openExport();
    await fireEvent.click(screen.getByTestId('export-annex'));
    await fireEvent.click(screen.getByTestId('export-go'));
    await screen.findByTestId('export-busy');
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(true);

    const exported = calls.find((c) => c.cmd === 'export_to');
    expect(exported?.args).toEqual({
      id: 'm1',
      options: { ...DEFAULTS, annex: true },
      title: 'Export the document',
      fileName: 'briefing-2019-12-12.pdf',
    });

    writing.resolve({ file: 'briefing-2019-12-12.pdf', warnings: [] });
    const toast = await screen.findByTestId('toast-info');
    expect(toast.textContent).toContain('briefing-2019-12-12.pdf');
    expect(screen.queryByTestId('export-busy')).toBeNull();
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(false);
  });

  it('adds the open comments only when the box is ticked, and only for formats with pages', async () => {
    const calls = backend({ export_to: () => ({ file: 'briefing.docx', warnings: [] }) });
    await openExport();
    const box = screen.getByTestId('export-comments') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'docx' } });
    await fireEvent.click(box);
    await waitFor(() => expect(previews(calls).at(-1)).toEqual({ ...DEFAULTS, with_comments: true }));
    await fireEvent.click(screen.getByTestId('export-go'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'export_to')).toBe(true));
    const exported = calls.find((c) => c.cmd === 'export_to');
    expect(exported?.args.options).toEqual({ ...DEFAULTS, format: 'docx', with_comments: true });
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    expect(screen.queryByTestId('export-comments')).toBeNull();
  });

  it('includes my notes only when the box is ticked, and only for formats with pages', async () => {
    const calls = backend({ export_to: () => ({ file: 'briefing.md', warnings: [] }) });
    await openExport();
    const box = screen.getByTestId('export-notes') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText(/private and stay on this machine/)).toBeTruthy();
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'md' } });
    await fireEvent.click(box);
    await waitFor(() => expect(previews(calls).at(-1)).toEqual({ ...DEFAULTS, include_notes: true }));
    await fireEvent.click(screen.getByTestId('export-go'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'export_to')).toBe(true));
    const exported = calls.find((c) => c.cmd === 'export_to');
    expect(exported?.args.options).toEqual({ ...DEFAULTS, format: 'md', include_notes: true });

    // CSV has nowhere to put notes: no box, and the option is off whatever was ticked.
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    expect(screen.queryByTestId('export-notes')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-go'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'export_to')).toHaveLength(2));
    const csv = calls.filter((c) => c.cmd === 'export_to')[1];
    expect((csv.args.options as ExportOptions).include_notes).toBe(false);
  });

  it('shows what the export had to change, and keeps it on screen', async () => {
    const warning = 'printed as □ because no bundled font has them: U+1F642';
    backend({ export_to: () => ({ file: 'briefing.pdf', warnings: [warning] }) });
    await openExport();
    await fireEvent.click(screen.getByTestId('export-go'));
    expect((await screen.findByTestId('toast-warning')).textContent).toContain(warning);
    expect(screen.getByTestId('toast-info').textContent).toContain('briefing.pdf');
    await new Promise((r) => setTimeout(r, 4000));
    expect(screen.queryByTestId('toast-info')).toBeNull();
    expect(screen.getByTestId('toast-warning').textContent).toContain(warning);
  }, 10_000);

  it('says nothing when the save dialog is cancelled', async () => {
    const calls = backend({ export_to: () => null });
    await openExport();
    await fireEvent.click(screen.getByTestId('export-go'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'export_to')).toBe(true));
    await waitFor(() => expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('toast-info')).toBeNull();
    expect(screen.queryByTestId('toast-error')).toBeNull();
  });

  it('shows a failed export as a readable message', async () => {
    backend({
      export_to: () =>
        Promise.reject({ code: 'io', message: 'cannot write /read-only/briefing.csv: permission denied' }),
    });
    await openExport();
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    await fireEvent.click(screen.getByTestId('export-go'));
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('cannot write /read-only/briefing.csv: permission denied');
    expect(screen.queryByTestId('export-busy')).toBeNull();
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(false);
  });

  it('previews and exports the drafted summary when none is written, and says so', async () => {
    const calls = backend({ record: () => ({ ...record, documents: record.documents.slice(1) }) });
    await openExport();
    expect((await screen.findByTestId('preview-drafted')).textContent).toContain('No summary written yet');
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(previews(calls)).toEqual([DEFAULTS]));
    await fireEvent.change(screen.getByTestId('export-doc'), { target: { value: '0' } });
    await waitFor(() => expect(previews(calls)).toEqual([DEFAULTS, { ...DEFAULTS, kind: 'statement', index: 0 }]));
    expect(screen.queryByTestId('preview-drafted')).toBeNull();
  });

  it('shows a failed preview in place', async () => {
    backend({ preview: () => Promise.reject({ code: 'export', message: 'document too large' }) });
    await openExport();
    expect((await screen.findByTestId('preview-error')).textContent).toContain('document too large');
  });

  it('keeps the choices of each meeting when the user comes back to the tab', async () => {
    const calls = backend({
      list_meetings: () => [
        {
          id: 'm1',
          title: 'Briefing',
          date: '2019-12-12',
          kind: 'briefing',
          status: 'draft',
          delegations_present: 0,
          interventions: 0,
          action_items: 0,
          open_action_items: 0,
          documents: 2,
        },
        {
          id: 'm2',
          title: 'Consultation',
          date: '2019-11-01',
          kind: 'briefing',
          status: 'draft',
          delegations_present: 0,
          interventions: 0,
          action_items: 0,
          open_action_items: 0,
          documents: 2,
        },
      ],
    });
    await openExport();
    await fireEvent.click(screen.getByTestId('export-annex'));
    await fireEvent.change(screen.getByTestId('export-lang'), { target: { value: 'fr' } });
    await waitFor(() => expect(previews(calls).at(-1)).toEqual({ ...DEFAULTS, annex: true, lang: 'fr' }));

    // Overview and back: the ticks are as they were left, and the preview shows them.
    await fireEvent.keyDown(window, { key: '1', altKey: true });
    await screen.findByTestId('view-overview');
    const before = previews(calls).length;
    await fireEvent.keyDown(window, { key: '7', altKey: true });
    await screen.findByTestId('view-export');
    expect((screen.getByTestId('export-annex') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('export-lang') as HTMLSelectElement).value).toBe('fr');
    await waitFor(() => expect(previews(calls)).toHaveLength(before + 1));
    expect(previews(calls).at(-1)).toEqual({ ...DEFAULTS, annex: true, lang: 'fr' });

    // Another meeting has its own choices, from the defaults; the first one's are still there after.
    await fireEvent.click(screen.getAllByTestId('meeting-row')[1]);
    await waitFor(() => expect(app.currentId).toBe('m2'));
    await screen.findByTestId('view-export');
    expect((screen.getByTestId('export-annex') as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(screen.getAllByTestId('meeting-row')[0]);
    await waitFor(() => expect(app.currentId).toBe('m1'));
    await screen.findByTestId('view-export');
    expect((screen.getByTestId('export-annex') as HTMLInputElement).checked).toBe(true);
  });

  it('pages through the preview, and stays on the last page when the document gets shorter', async () => {
    let pages = 3;
    const calls = backend({
      preview: (args) => {
        const page = Math.min(Math.max(Number(args.page), 1), pages);
        return { svg: svg(`page ${page}`), page, pages };
      },
    });
    await openExport();
    const label = async (text: string) =>
      waitFor(() => expect(screen.getByTestId('preview-page').textContent).toBe(text));
    await label('Page 1 of 3');
    expect(previewText()).toContain('page 1');
    expect((screen.getByTestId('preview-prev') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('export-preview') as HTMLImageElement).alt).toBe('Page 1 of 3 of the PDF');

    await fireEvent.click(screen.getByTestId('preview-next'));
    await label('Page 2 of 3');
    expect(previewText()).toContain('page 2');
    await fireEvent.click(screen.getByTestId('preview-next'));
    await label('Page 3 of 3');
    expect((screen.getByTestId('preview-next') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.cmd === 'preview').map((c) => c.args.page)).toEqual([1, 2, 3]);

    // Back on the tab later, the same page; the document now has two pages: the last one is shown.
    await fireEvent.keyDown(window, { key: '1', altKey: true });
    await screen.findByTestId('view-overview');
    pages = 2;
    await fireEvent.keyDown(window, { key: '7', altKey: true });
    await label('Page 2 of 2');
    expect(calls.filter((c) => c.cmd === 'preview').at(-1)?.args.page).toBe(3);
    await fireEvent.click(screen.getByTestId('preview-prev'));
    await label('Page 1 of 2');
  });
});
