// The one typed module through which the UI talks to the backend. Every call is `invoke` of one Tauri command,
// and each command is one method of the Rust facade (`rapporteur_app::App`). The command names, their arguments
// and their results come from ui/src/bindings/commands.ts, generated from the Rust list of commands
// (src-tauri/src/command_list.rs), and the types from ui/src/bindings (ts-rs): a command renamed or retyped on
// one side fails the type check here. Every rejection is turned into an AppError (`{code, message}`).
// No call sends a path: commands that read or write a file ask the user in a native dialog opened by Rust.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { Commands } from '../bindings/commands';
import type { ActionFilter } from '../bindings/ActionFilter';
import type { Attachment } from '../bindings/Attachment';
import type { DocVersion } from '../bindings/DocVersion';
import type { DocumentKind } from '../bindings/DocumentKind';
import type { Edit } from '../bindings/Edit';
import type { ExportOptions } from '../bindings/ExportOptions';
import type { FreeName } from '../bindings/FreeName';
import type { Language } from '../bindings/Language';
import type { LetterheadEdit } from '../bindings/LetterheadEdit';
import type { Meeting } from '../bindings/Meeting';
import type { MeetingRecord } from '../bindings/MeetingRecord';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { PreviewPage } from '../bindings/PreviewPage';
import type { Regeneration } from '../bindings/Regeneration';
import type { ReplicaInfo } from '../bindings/ReplicaInfo';
import type { ProposedText } from '../bindings/ProposedText';
import type { Review } from '../bindings/Review';
import type { ReviewAction } from '../bindings/ReviewAction';
import type { RoundReport } from '../bindings/RoundReport';
import type { Saved } from '../bindings/Saved';
import type { SyncSecrets } from '../bindings/SyncSecrets';
import type { SearchHit } from '../bindings/SearchHit';
import type { Settings } from '../bindings/Settings';
import type { StateEntry } from '../bindings/StateEntry';
import type { SyncStatus } from '../bindings/SyncStatus';
import type { TrackedAction } from '../bindings/TrackedAction';
import { toAppError } from './errors';

export type {
  ActionFilter,
  Attachment,
  DocVersion,
  DocumentKind,
  Edit,
  ExportOptions,
  FreeName,
  Language,
  LetterheadEdit,
  Meeting,
  MeetingRecord,
  MeetingSummary,
  PreviewPage,
  Regeneration,
  ReplicaInfo,
  ProposedText,
  Review,
  ReviewAction,
  RoundReport,
  Saved,
  SearchHit,
  Settings,
  StateEntry,
  SyncStatus,
  TrackedAction,
};

type Command = keyof Commands;
type Args<C extends Command> = Commands[C]['args'];

/** Calls a command with exactly the arguments the Rust list gives it; a rejection always carries an AppError. */
async function call<C extends Command>(
  command: C,
  ...args: keyof Args<C> extends never ? [] : [Args<C>]
): Promise<Commands[C]['result']> {
  try {
    return await invoke<Commands[C]['result']>(command, args[0] as InvokeArgs | undefined);
  } catch (thrown) {
    throw toAppError(thrown);
  }
}

/** A document of a meeting: the summary (index 0) or statement `index`. */
export interface DocRef {
  id: string;
  kind: DocumentKind;
  index: number;
}

export const api = {
  dataDir: () => call('data_dir'),

  listMeetings: () => call('list_meetings'),
  createMeeting: (meeting: Meeting) => call('create_meeting', { meeting }),
  deleteMeeting: (id: string) => call('delete_meeting', { id }),
  record: (id: string) => call('record', { id }),
  /** The one write path for every change to a meeting; returns the meeting as it now stands. */
  edit: (id: string, edit: Edit) => call('edit', { id, edit }),

  search: (query: string) => call('search', { query }),
  actions: (filter: ActionFilter) => call('actions', { filter }),

  /** Asks for a meeting record (JSON) in a native dialog and imports it: the new meeting's id, null if cancelled. */
  pickAndImport: (title: string) => call('pick_and_import', { title }),
  /** Import the built-in example meeting as a new meeting; returns its id. */
  openExample: () => call('open_example'),
  /** Asks where to save the interchange JSON (suggesting `fileName`); null if cancelled. */
  exportRecordJson: (id: string, title: string, fileName: string) =>
    call('export_record_json', { id, title, fileName }),

  /** Asks for a file and attaches it to a document; its bytes sync with the meeting. Null if cancelled. */
  pickAndAttach: (d: DocRef, title: string) => call('pick_and_attach', { ...d, title }),
  attachments: (id: string) => call('attachments', { id }),
  /** Asks where to save a copy; fails with `not_found` while the bytes have not arrived through sync. */
  saveAttachment: (id: string, attachmentId: string, title: string) =>
    call('save_attachment', { id, attachmentId, title }),
  removeAttachment: (id: string, attachmentId: string) => call('remove_attachment', { id, attachmentId }),
  docGet: (d: DocRef) => call('doc_get', { ...d }),
  docSet: (d: DocRef, body: string) => call('doc_set', { ...d, body }),
  docHistory: (d: DocRef) => call('doc_history', { ...d }),
  docAt: (d: DocRef, version: string) => call('doc_at', { ...d, version }),
  docDiff: (d: DocRef, from: string, to: string) => call('doc_diff', { ...d, from, to }),
  docRestore: (d: DocRef, version: string) => call('doc_restore', { ...d, version }),
  /** A document's clearance: status, comments, suggestions and what happened. */
  review: (d: DocRef) => call('review', { ...d }),
  /** Clearance steps, all or none; the clearance as it now stands. */
  reviewApply: (d: DocRef, actions: ReviewAction[]) => call('review_apply', { ...d, actions }),
  /** Suggestion mode: the difference between `proposed.base` and `proposed.text` becomes suggestions. */
  reviewSuggestText: (d: DocRef, proposed: ProposedText) => call('review_suggest_text', { ...d, proposed }),

  draft: (id: string, lang: Language | null = null) => call('draft', { id, lang }),
  regenerate: (id: string, lang: Language | null = null, force: string[] = []) =>
    call('regenerate', { id, lang, force }),

  /** Asks where to save the export (suggesting `fileName`) and writes it; null if cancelled. */
  exportTo: (id: string, options: ExportOptions, title: string, fileName: string) =>
    call('export_to', { id, options, title, fileName }),
  /** One page of the PDF as SVG (`page` from 1; past the end, the last page), with the page count. */
  preview: (id: string, options: ExportOptions, page = 1) => call('preview', { id, options, page }),

  /** One round now with the location in the settings (waits for a background round that is running). */
  syncNow: () => call('sync_now'),
  /** What the background sync is doing and what its last round saw; cheap, polled by the indicator. */
  syncStatus: () => call('sync_status'),
  replica: () => call('replica'),
  setReplicaName: (name: string) => call('set_replica_name', { name }),

  /** Private notes, per meeting (`interventionId` null) or per intervention. They never leave this machine. */
  notesGet: (meetingId: string, interventionId: string | null = null) =>
    call('notes_get', { meetingId, interventionId }),
  notesSet: (meetingId: string, interventionId: string | null, text: string) =>
    call('notes_set', { meetingId, interventionId, text }),

  settings: () => call('settings_get'),
  /** Saves the settings; the sync folder can only be kept or cleared here (`pickSyncFolder` sets it). */
  setSettings: (settings: Settings) => call('settings_set', { settings }),
  /** Asks for the shared sync folder in a native dialog; the settings now, null if cancelled. With a team
   * passphrase, the folder is encrypted (or joined) with it before its first round. */
  pickSyncFolder: (title: string, passphrase: string | null = null) => call('pick_sync_folder', { title, passphrase }),
  /** Makes the typed URL the sync location (checked by the backend; '' turns it off); the settings now. */
  setSyncUrl: (url: string) => call('set_sync_url', { url }),
  /** Saves the sync location's credentials apart from the settings; says where they are kept. */
  saveSyncCredentials: (credentials: SyncSecrets) => call('save_sync_credentials', { credentials }),
  /** Where the sync location's credentials are kept; null when none are saved. */
  syncCredentialsStore: () => call('sync_credentials_store'),
  forgetSyncCredentials: () => call('forget_sync_credentials'),
  pickSyncKeyFile: (title: string) => call('pick_sync_key_file', { title }),
  forgetSyncKeyFile: () => call('forget_sync_key_file'),
  syncKeyFile: () => call('sync_key_file'),
  /** One request to the sync location with its saved credentials; the location as shown when it answers. */
  testSyncConnection: () => call('test_sync_connection'),
  /** Encrypts the sync location with a team passphrase (or joins an encrypted one); the passphrase is saved. */
  encryptSyncLocation: (passphrase: string) => call('encrypt_sync_location', { passphrase }),
  /** Changes the sync location's team passphrase and saves the new one; says where it is kept. */
  changeSyncPassphrase: (old: string, next: string) => call('change_sync_passphrase', { old, new: next }),
  /** Change the letterhead's text or remove its logo; returns the settings now. */
  changeLetterhead: (change: LetterheadEdit) => call('change_letterhead', { change }),
  /** Asks for a logo image (read and checked by the backend); the settings now, null if cancelled. */
  pickLetterheadLogo: (title: string) => call('pick_letterhead_logo', { title }),

  registrySearch: (query: string, lang: Language, limit = 12) => call('registry_search', { query, lang, limit }),
  /** Every built-in State in `lang`, in that language's UN order. */
  registryList: (lang: Language) => call('registry_list', { lang }),
  /** Names typed as free entries in any meeting (UN entities, mandate holders…), with their category. */
  freeNames: () => call('free_names'),
  /** Built-in groups ("Group of 77 and China", regional groups) matching `query`, named in `lang`. */
  groupSearch: (query: string, lang: Language, limit = 12) => call('group_search', { query, lang, limit }),
  /** Every built-in group in `lang`, regional groups first. */
  groupList: (lang: Language) => call('group_list', { lang }),
};

export type Api = typeof api;
