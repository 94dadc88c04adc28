// Settings against a mocked backend: the letterhead's fields go through `change_letterhead` and the logo and
// the sync folder through commands that ask for the file themselves (the page sends no path); each answer
// replaces the settings shown, and the sync details show what the last round saw.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import type { Settings } from '../bindings/Settings';
import type { SyncStatus } from '../bindings/SyncStatus';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';

function backend(status: SyncStatus, saveTakes = 0) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  let keyFile: string | null = null;
  let settings: Settings = {
    sync_interval_secs: 60,
    ui_language: 'en',
    theme: 'light',
    letterhead: { organisation: '' },
  };
  mockWindows('main');
  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'settings_get':
        return settings;
      case 'data_dir':
        return '/tmp/data';
      case 'list_meetings':
        return [];
      case 'replica':
        return { id: 'r1', name: 'Laptop', peer: '1' };
      case 'sync_status':
        return status;
      case 'pick_letterhead_logo':
        settings = { ...settings, letterhead: { ...settings.letterhead, logo: PNG } };
        return settings;
      case 'pick_sync_folder':
        settings = { ...settings, sync_folder: '/media/shared' };
        return settings;
      case 'set_sync_url':
        settings = { ...settings, sync_url: args.url as string, sync_folder: undefined };
        return settings;
      case 'pick_sync_key_file':
        keyFile = 'id_ed25519';
        return 'file';
      case 'forget_sync_key_file':
        keyFile = null;
        return null;
      case 'sync_key_file':
        return keyFile;
      case 'settings_set':
        if (saveTakes) await new Promise((done) => setTimeout(done, saveTakes));
        settings = args.settings as Settings;
        return null;
      case 'encrypt_sync_location':
        if ((args.passphrase as string).length < 12) throw { code: 'invalid_input', message: 'too short' };
        return 'file';
      case 'change_sync_passphrase':
        if (args.old !== 'a long team passphrase') throw { code: 'sync_team', message: 'the team passphrase is wrong' };
        return 'file';
      case 'change_letterhead': {
        const change = args.change as { organisation?: string; remove_logo: boolean };
        const head = { ...settings.letterhead };
        if (change.organisation !== undefined) head.organisation = change.organisation;
        if (change.remove_logo) delete head.logo;
        settings = { ...settings, letterhead: head };
        return settings;
      }
      default:
        return null;
    }
  });
  return Object.assign(calls, { stored: () => settings });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

// Absent values may also arrive as null (serde's default for None): both mean "never".
const quiet = {
  interval_secs: 60,
  running: false,
  changes_applied: 0,
  last_finished_at: null,
  last_report: null,
} as unknown as SyncStatus;

describe('Settings', () => {
  it('keeps both of two changes made while the first is still being saved', async () => {
    const calls = backend(quiet, 30);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const language = (await screen.findByTestId('ui-language')) as HTMLSelectElement;
    language.value = 'fr';
    await fireEvent.change(language);
    await fireEvent.click(screen.getByTestId('theme-dark'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'settings_set')).toHaveLength(2));
    const last = calls.filter((c) => c.cmd === 'settings_set').at(-1)?.args.settings as Settings;
    expect([last.ui_language, last.theme]).toEqual(['fr', 'dark']);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(document.documentElement.lang).toBe('fr');
  });

  it('keeps the interval typed just before a folder is picked in the dialog', async () => {
    const calls = backend(quiet, 30);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const interval = (await screen.findByTestId('sync-interval')) as HTMLInputElement;
    interval.value = '5';
    await fireEvent.change(interval);
    await fireEvent.click(screen.getByTestId('choose-folder'));
    // The backend holds both, and so does the page.
    await waitFor(() => expect(calls.stored()).toMatchObject({ sync_interval_secs: 5, sync_folder: '/media/shared' }));
    const field = (await screen.findByTestId('sync-folder')) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('/media/shared'));
    expect(interval.value).toBe('5');
  });

  it('encrypts the location and changes its passphrase, saying how each went beside the fields', async () => {
    const calls = backend(quiet);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    await fireEvent.click(screen.getByTestId('choose-folder'));
    const phrase = (await screen.findByTestId('sync-passphrase')) as HTMLInputElement;
    const encrypt = screen.getByTestId('encrypt-location') as HTMLButtonElement;
    expect(encrypt.disabled).toBe(true);
    await fireEvent.input(phrase, { target: { value: 'a long team passphrase' } });
    await fireEvent.click(encrypt);
    const result = screen.getByTestId('encryption-result');
    await waitFor(() => expect(result.textContent).toContain('encrypted with this passphrase'));
    expect(calls.find((c) => c.cmd === 'encrypt_sync_location')?.args).toEqual({
      passphrase: 'a long team passphrase',
    });
    expect(phrase.value).toBe('');

    // A wrong current passphrase: the backend's error, in the form; the fields are kept to correct.
    const next = screen.getByTestId('new-passphrase') as HTMLInputElement;
    await fireEvent.input(phrase, { target: { value: 'not the passphrase' } });
    await fireEvent.input(next, { target: { value: 'a newer team passphrase' } });
    await fireEvent.click(screen.getByTestId('change-passphrase'));
    await waitFor(() => expect(result.className).toContain('error-text'));
    expect(next.value).toBe('a newer team passphrase');
    await fireEvent.input(phrase, { target: { value: 'a long team passphrase' } });
    await fireEvent.click(screen.getByTestId('change-passphrase'));
    await waitFor(() => expect(result.textContent).toContain('is changed and saved'));
    expect(calls.filter((c) => c.cmd === 'change_sync_passphrase').at(-1)?.args).toEqual({
      old: 'a long team passphrase',
      new: 'a newer team passphrase',
    });
  });

  it('changes the letterhead through change_letterhead and shows the logo it returns', async () => {
    const calls = backend(quiet);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const organisation = (await screen.findByTestId('letterhead-organisation')) as HTMLInputElement;
    organisation.value = 'United Nations Network on Migration';
    await fireEvent.change(organisation);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'change_letterhead')).toBe(true));
    expect(calls.find((c) => c.cmd === 'change_letterhead')?.args.change).toEqual({
      remove_logo: false,
      organisation: 'United Nations Network on Migration',
    });

    await fireEvent.click(screen.getByText('Choose image…'));
    const logo = (await screen.findByTestId('letterhead-logo')) as HTMLImageElement;
    expect(logo.src).toBe(`data:image/png;base64,${PNG}`);
    expect(calls.find((c) => c.cmd === 'pick_letterhead_logo')?.args).toEqual({ title: 'Logo' });

    await fireEvent.click(screen.getByText('Remove logo'));
    await waitFor(() => expect(screen.queryByTestId('letterhead-logo')).toBeNull());
    expect(screen.queryByTestId('sync-last')).toBeNull();
    expect(screen.getByTestId('sync-indicator').textContent).toContain('Sync off');
  });

  it("sets the sync folder through the backend's dialog, shows it, and clears it to stop syncing", async () => {
    const calls = backend(quiet);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const field = (await screen.findByTestId('sync-folder')) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(screen.queryByTestId('stop-sync')).toBeNull();

    await fireEvent.click(screen.getByTestId('choose-folder'));
    await waitFor(() => expect(field.value).toBe('/media/shared'));
    expect(calls.find((c) => c.cmd === 'pick_sync_folder')?.args).toEqual({
      title: 'Shared sync folder',
      passphrase: null,
    });

    await fireEvent.click(await screen.findByTestId('stop-sync'));
    await waitFor(() => expect(field.value).toBe(''));
    const saved = calls.find((c) => c.cmd === 'settings_set')?.args.settings as Settings;
    expect(saved.sync_folder).toBeUndefined();
  });

  it("takes a key file, not a password, for an SFTP URL, through the backend's dialog", async () => {
    const calls = backend(quiet);
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const url = (await screen.findByTestId('sync-url')) as HTMLInputElement;
    await fireEvent.input(url, { target: { value: 'https://dav.example.org/team' } });
    await fireEvent.click(screen.getByTestId('use-url'));
    await screen.findByTestId('sync-password');
    expect(screen.queryByTestId('sync-key')).toBeNull();

    await fireEvent.input(url, { target: { value: 'sftp://alice@files.example.org/srv/team' } });
    await fireEvent.click(screen.getByTestId('use-url'));
    await screen.findByTestId('sync-key');
    expect(screen.queryByTestId('sync-password')).toBeNull();
    expect(screen.getByTestId('sync-key-name').textContent).toContain('SSH agent');
    expect(screen.queryByTestId('remove-key')).toBeNull();

    await fireEvent.click(screen.getByTestId('choose-key'));
    await waitFor(() => expect(screen.getByTestId('sync-key-name').textContent).toBe('id_ed25519'));
    expect(calls.find((c) => c.cmd === 'pick_sync_key_file')?.args).toEqual({
      title: 'Private key of the SFTP server',
    });
    await fireEvent.click(screen.getByTestId('remove-key'));
    await waitFor(() => expect(screen.getByTestId('sync-key-name').textContent).toContain('SSH agent'));
  });

  it('lists the machines seen, the files skipped and the attachments pending in the last round', async () => {
    backend({
      ...quiet,
      folder: '/shared',
      last_finished_at: Date.now(),
      last_ok_at: Date.now(),
      last_report: {
        replica_id: 'r1',
        replica_name: 'Laptop',
        sent: [],
        received: [],
        sent_blobs: [],
        received_blobs: [],
        ignored: [],
        meetings_changed: [],
        healed: [],
        waiting_for_me: [],
        pending_blobs: [
          {
            file: 'blobs/' + 'e'.repeat(64),
            name: 'speech.pdf',
            code: 'blob_damaged',
            reason: 'speech.pdf is in the sync folder but not whole',
          },
        ],
        skipped: [{ file: 'replicas/abc/7.upd', code: 'checksum', reason: 'the checksum does not match' }],
        replicas_seen: [{ id: 'abcdef0123456789', name: 'Geneva laptop', last_seq: 9, applied_seq: 6 }],
        full_scan: true,
        duration_ms: 3,
      },
    });
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    const replicas = await screen.findByTestId('sync-replicas');
    expect(replicas.textContent).toContain('Geneva laptop');
    expect(replicas.textContent).toContain('6 of 9');
    expect((await screen.findByTestId('sync-skipped')).textContent).toContain('replicas/abc/7.upd');
    expect(screen.getByTestId('sync-pending-blobs').textContent).toContain('speech.pdf');
    expect(screen.getByTestId('sync-indicator').dataset.tone).toBe('warn');
  });

  it('says when this installation took a new id, which of its files were healed and who waits for one', async () => {
    backend({
      ...quiet,
      folder: '/shared',
      last_finished_at: Date.now(),
      last_ok_at: Date.now(),
      last_report: {
        replica_id: 'newid0123456789',
        replica_name: 'Laptop',
        sent: [],
        received: [],
        sent_blobs: [],
        received_blobs: [],
        ignored: [],
        meetings_changed: [],
        pending_blobs: [],
        skipped: [],
        replicas_seen: [],
        identity_renewed: 'oldid0123456789',
        healed: ['replicas/newid0123456789/2.upd'],
        waiting_for_me: [{ replica_id: 'colleague012345', file: 'replicas/newid0123456789/2.upd' }],
        full_scan: false,
        duration_ms: 3,
      },
    });
    render(App);
    await fireEvent.click(await screen.findByTestId('open-settings'));
    expect((await screen.findByTestId('sync-identity-renewed')).textContent).toContain('oldid012…');
    expect(screen.getByTestId('sync-healed').textContent).toContain('replicas/newid0123456789/2.upd');
    expect(screen.getByTestId('sync-waiting').textContent).toContain('colleagu…');
  });
});
