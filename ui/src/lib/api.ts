// The one typed module through which the UI talks to the backend. Every call is `invoke` of one Tauri command,
// and each command is one method of the Rust facade (`rapporteur_app::App`). Argument and result types come
// from ui/src/bindings (generated from the Rust types by ts-rs), so a change on one side that the other does not
// follow fails the type check. Every rejection is turned into an AppError (`{code, message}`).
import { invoke } from '@tauri-apps/api/core';
import type { ActionFilter } from '../bindings/ActionFilter';
import type { Attachment } from '../bindings/Attachment';
import type { DocVersion } from '../bindings/DocVersion';
import type { DocumentKind } from '../bindings/DocumentKind';
import type { Edit } from '../bindings/Edit';
import type { ExportOptions } from '../bindings/ExportOptions';
import type { FreeName } from '../bindings/FreeName';
import type { Language } from '../bindings/Language';
import type { LetterheadChange } from '../bindings/LetterheadChange';
import type { Meeting } from '../bindings/Meeting';
import type { MeetingRecord } from '../bindings/MeetingRecord';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { PreviewPage } from '../bindings/PreviewPage';
import type { Regeneration } from '../bindings/Regeneration';
import type { ReplicaInfo } from '../bindings/ReplicaInfo';
import type { RoundReport } from '../bindings/RoundReport';
import type { SearchHit } from '../bindings/SearchHit';
import type { Settings } from '../bindings/Settings';
import type { StateEntry } from '../bindings/StateEntry';
import type { SyncStatus } from '../bindings/SyncStatus';
import type { TrackedAction } from '../bindings/TrackedAction';
import { toAppError } from './errors';

export type {
  ActionFilter, Attachment, DocVersion, DocumentKind, Edit, ExportOptions, FreeName, Language, LetterheadChange, Meeting, MeetingRecord,
  MeetingSummary, PreviewPage, Regeneration, ReplicaInfo, RoundReport, SearchHit, Settings, StateEntry, SyncStatus,
  TrackedAction,
};

/** Calls a command; a rejection always carries an AppError. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
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
  dataDir: () => call<string>('data_dir'),

  listMeetings: () => call<MeetingSummary[]>('list_meetings'),
  createMeeting: (meeting: Meeting) => call<string>('create_meeting', { meeting }),
  deleteMeeting: (id: string) => call<void>('delete_meeting', { id }),
  record: (id: string) => call<MeetingRecord>('record', { id }),
  /** The one write path for every change to a meeting; returns the meeting as it now stands. */
  edit: (id: string, edit: Edit) => call<MeetingRecord>('edit', { id, edit }),

  search: (query: string) => call<SearchHit[]>('search', { query }),
  actions: (filter: ActionFilter) => call<TrackedAction[]>('actions', { filter }),

  importFile: (path: string) => call<string>('import_file', { path }),
  /** Import the built-in example meeting as a new meeting; returns its id. */
  openExample: () => call<string>('open_example'),
  exportRecordJson: (id: string, path: string) => call<void>('export_record_json', { id, path }),

  /** Attach the file at `path` (picked in a dialog) to a document; its bytes sync with the meeting. */
  attachFile: (d: DocRef, path: string) => call<Attachment>('attach_file', { ...d, path }),
  attachments: (id: string) => call<Attachment[]>('attachments', { id }),
  /** Write a copy to `path`; fails with `not_found` while the bytes have not arrived through sync. */
  saveAttachment: (id: string, attachmentId: string, path: string) =>
    call<Attachment>('save_attachment', { id, attachmentId, path }),
  removeAttachment: (id: string, attachmentId: string) => call<void>('remove_attachment', { id, attachmentId }),
  docGet: (d: DocRef) => call<string>('doc_get', { ...d }),
  docSet: (d: DocRef, body: string) => call<void>('doc_set', { ...d, body }),
  docHistory: (d: DocRef) => call<DocVersion[]>('doc_history', { ...d }),
  docAt: (d: DocRef, version: string) => call<string>('doc_at', { ...d, version }),
  docDiff: (d: DocRef, from: string, to: string) => call<string>('doc_diff', { ...d, from, to }),
  docRestore: (d: DocRef, version: string) => call<void>('doc_restore', { ...d, version }),

  draft: (id: string, lang: Language | null = null) => call<string>('draft', { id, lang }),
  regenerate: (id: string, lang: Language | null = null, force: string[] = []) =>
    call<Regeneration>('regenerate', { id, lang, force }),

  exportToFile: (id: string, options: ExportOptions, path: string) =>
    call<string[]>('export_to_file', { id, options, path }),
  /** One page of the PDF as SVG (`page` from 1; past the end, the last page), with the page count. */
  preview: (id: string, options: ExportOptions, page = 1) => call<PreviewPage>('preview', { id, options, page }),

  syncRound: (folder: string) => call<RoundReport>('sync_round', { folder }),
  /** One round now with the folder in the settings (waits for a background round that is running). */
  syncNow: () => call<RoundReport>('sync_now'),
  /** What the background sync is doing and what its last round saw; cheap, polled by the indicator. */
  syncStatus: () => call<SyncStatus>('sync_status'),
  replica: () => call<ReplicaInfo>('replica'),
  setReplicaName: (name: string) => call<void>('set_replica_name', { name }),

  /** Private notes, per meeting (`interventionId` null) or per intervention. They never leave this machine. */
  notesGet: (meetingId: string, interventionId: string | null = null) =>
    call<string>('notes_get', { meetingId, interventionId }),
  notesSet: (meetingId: string, interventionId: string | null, text: string) =>
    call<void>('notes_set', { meetingId, interventionId, text }),

  settings: () => call<Settings>('settings_get'),
  setSettings: (settings: Settings) => call<void>('settings_set', { settings }),
  /** Change the letterhead (a logo is read from the picked file and checked); returns the settings now. */
  changeLetterhead: (change: LetterheadChange) => call<Settings>('change_letterhead', { change }),

  registrySearch: (query: string, lang: Language, limit = 12) =>
    call<StateEntry[]>('registry_search', { query, lang, limit }),
  /** Every built-in State in `lang`, in that language's UN order. */
  registryList: (lang: Language) => call<StateEntry[]>('registry_list', { lang }),
  /** Names typed as free entries in any meeting (UN entities, mandate holders…), with their category. */
  freeNames: () => call<FreeName[]>('free_names'),
};

export type Api = typeof api;
