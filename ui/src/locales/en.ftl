## Drafting: preview, history, statements

preview = Preview
preview_show = Show the draft generated from the record
preview_title = Generated from the record
preview_lang = Preview language
preview_meeting_lang = Meeting language
preview_empty = Nothing to draft yet.
preview_loading = Drafting…
history = History
history_show = Show the versions of this document
history_title = Versions
history_empty = No versions yet.
history_hint = Tick two versions to compare them, or one to compare it with the current text.
history_compare = Compare
history_view = View
history_restore = Restore this version
history_restored = Version restored.
history_no_diff = No differences.
history_current = current text
history_diff_title = Changes from { $from } to { $to }
history_version_title = Version of { $time }
history_by = by { $replica }
change_edit = edit
change_regenerate = generated sections refreshed
change_restore = restore
change_import = import
change_created = created
change_suggestion_accepted = suggestion accepted
change_suggestion = suggestion
change_comment = comment
change_status_change = clearance status
change_corrigendum = corrigendum
change_synced = received by sync
statement_drafted = Drafted
statement_delivered = Delivered on { $date }
statement_delivered_by = Delivered on { $date } by { $speaker }
delivered_on = Delivered on
mark_delivered = Mark delivered
mark_drafted = Back to draft

## Main screens

app_name = Rapporteur
search_placeholder = Search all meetings…
new_meeting = New meeting
import_json = Import JSON…
export_json = Export JSON…
delete_meeting = Delete meeting
confirm_delete = Delete this meeting from this machine? This cannot be undone.
meetings = Meetings
no_meetings = No meetings yet. Create one, or import a record.
open_example = Open the example meeting
no_results = No matches.
search_hits =
    { $count ->
        [one] { $count } match
       *[other] { $count } matches
    }
tracker = Action tracker
tracker_meeting = { $title } · { $date }
settings = Settings
help = Keyboard shortcuts
close = Close
untitled = Untitled meeting
select_meeting = Select a meeting in the sidebar, or create one with Ctrl+N.
tab_overview = Overview
tab_attendance = Attendance
tab_speakers = Speakers
tab_actions = Action items
tab_notes = My notes
tab_documents = Summary & statements
title = Title
kind = Kind
convened_by = Convened by
date = Date
end_date = End date
venue = Venue
language = Language
symbol = Symbol
chair = Chair
chair_name = Name
chair_title = Title
chair_role = Role
status = Status
saved = Saved
saving = Saving…
add_state = Add a State (type a name)…
add_other = Add another participant (UN entity, NGO…)
name = Name
category = Category
add = Add
remove = Remove
present = Present
absent = Absent
headcounts = Headcounts
derived = derived
typed = typed
count = Count
clear = Clear
delegations = Delegations
attendance_hint = Space or P toggles presence of the selected row; Delete removes it.
add_speaker = Add a speaker (type a delegation)…
give_floor = Give the floor
next_speaker = Next speaker
stop_timer = Stop
on_the_floor = On the floor
speaking_time = Speaking time
speaking_minutes = { $minutes ->
    [one] { $minutes } minute of speaking time
   *[other] { $minutes } minutes of speaking time
}
intervention_notes = What was said (autosaved)
person = Person
time = Time
agenda_item = Agenda item
speakers_hint = Alt+↑/↓ moves the selected speaker; Enter gives the floor; drag rows to reorder.
no_speakers = No speakers yet.
select_speaker = Select a speaker to write what was said.
add_action = Add action item
from = From
to = To
text = Text
due = Due
overdue = Overdue
open_only = Open only
owner = Owner
all_owners = All owners
meeting = Meeting
no_actions = No action items.
notes_meeting = Notes on this meeting
notes_intervention = Notes on an intervention
notes_private = Private: these notes stay on this machine. Sync never carries them.
summary = Summary
statements = Statements
statement = Statement
add_statement = Add statement
remove_statement = Remove statement
statement_title = Statement title
summary_title = Summary title
change_speaker = Another speaker… (a State or a name)
speaker = Speaker
regenerate = Refresh generated sections
regenerate_confirm = These generated sections were edited by hand and would be overwritten: { $sections }. Overwrite them? (The old text stays in history.)
undo = Undo
redo = Redo
bold = Bold
italic = Italic
heading = Heading
bullet_list = Bulleted list
ordered_list = Numbered list
formatting = Formatting
export = Export…
format = Format
restore = Restore
data_location = Data location
ui_language = Interface language
theme = Theme
theme_light = Light
theme_dark = Dark
theme_system = System
replica_name = This machine’s name (seen by colleagues)
sync_folder = Shared sync folder
choose_folder = Choose…
sync_now = Sync now
sync_done = Sync finished.
imported = Meeting imported.
exported = Exported.
error = Error
dismiss = Dismiss
shortcut = Shortcut
action = Action
sc_new = New meeting
sc_search = Focus search
sc_tabs = Switch between the meeting’s views
sc_next = Next speaker (gives the floor)
sc_import = Import a record (JSON)
sc_export = Export the meeting (JSON)
sc_tracker = Action tracker
sc_settings = Settings
sc_help = This help
sc_toggle = Attendance: toggle presence of the selected row
sc_move = Speakers: move the selected speaker
sc_floor = Speakers: give the floor to the selected speaker
sc_undo = Editor: undo / redo
sc_escape = Close a panel or a list of suggestions
kind_briefing = Briefing
kind_consultation = Consultation
kind_annual_meeting = Annual meeting
kind_plenary = Plenary
kind_working_group = Working group
kind_side_event = Side event
kind_other = Other
status_draft = Draft
status_final = Final
status_circulated = Circulated
cat_member_state = Member States
cat_observer_state = Observer States
cat_un_system = UN system
cat_intergovernmental_organization = Intergovernmental organizations
cat_civil_society = Civil society
cat_special_procedure = Special procedures
cat_other = Other
ik_statement = Statement
ik_question = Question
ik_right_of_reply = Right of reply
ak_request = Request
ak_commitment = Commitment
ak_invitation = Invitation
ak_decision = Decision
ak_next_step = Next step
as_open = Open
as_in_progress = In progress
as_done = Done
as_dropped = Dropped
hit_meeting = Meeting
hit_delegation = Delegation
hit_intervention = Intervention
hit_action = Action item
hit_document = Document

statement_numbered = Statement { $n }
count_invalid = Count: { $value } is not a whole number
count_derived = { $count } (derived)
count_of = Count: { $category }
group_label_of = Label in the summary: { $category }
group_label_singular_of = Label in the summary (singular): { $category }
group_label_plural_of = Label in the summary (plural): { $category }

## Export

tab_export = Export
ex_options = Export options
ex_fmt_pdf = PDF, for circulation
ex_fmt_docx = Word (DOCX)
ex_fmt_md = Markdown
ex_fmt_html = Web page (HTML)
ex_fmt_csv = Table (CSV)
ex_fmt_ics = Deadlines (ICS calendar)
ex_document = Document
ex_table = Table
ex_table_attendance = Attendance
ex_table_actions = Action items
ex_lang_meeting = Meeting language ({ $lang })
ex_annex = Annex: attendance and list of speakers
ex_notes = Include my notes
ex_comments = Include the open comments (as footnotes)
ex_notes_private = My notes are private and stay on this machine: an export includes them only when you ask.
ex_go = Export { $format }…
ex_save_title = Export the document
ex_exporting = Exporting… { $s } s
ex_done = Exported to { $file }.
ex_preview = Preview
ex_preview_alt = Page { $page } of { $pages } of the PDF
ex_page_of = Page { $page } of { $pages }
ex_prev_page = Previous page
ex_next_page = Next page
ex_previewing = Updating the preview… { $s } s
ex_preview_other = The { $format } file carries the same text and structure; this is the PDF layout.
ex_preview_csv = A CSV file is a table for spreadsheets: there is no page to preview.
ex_preview_ics = An ICS file puts the action items’ deadlines in a calendar: there is no page to preview.
ex_preview_failed = No preview: { $message }
ex_no_summary = No summary written yet: this is the draft generated from the record, and the export will be the same.

## Sync and letterhead

sy_off = Sync off
sy_running = Syncing…
sy_progress_sending = Sending { $done } of { $total }
sy_progress_receiving = Receiving { $done } of { $total }
sy_failed = Sync failed
sy_failed_because = Sync failed: { $message }
sy_ok = Synced { $ago }
sy_never = Not synced yet
sy_replicas =
    { $count ->
        [one] { $count } colleague
       *[other] { $count } colleagues
    }
sy_skipped =
    { $count ->
        [one] { $count } file skipped
       *[other] { $count } files skipped
    }
sy_just_now = just now
sy_section = Sync
sy_folder_hint = Any folder your colleagues also reach: a network drive, a Dropbox or OneDrive folder, a USB stick.
sy_interval = Sync every (seconds)
sy_no_folder = No folder chosen
sy_stop = Stop syncing
sy_url = Or a WebDAV, S3 or SFTP address
sy_url_hint = For example https://dav.example.org/team. Never put a password in the address: enter it below.
sy_url_placeholder = https://dav.example.org/team
sy_use_url = Use this URL
sy_user = User name
sy_password = Password
sy_passphrase = Team passphrase (encrypted location)
sy_save_credentials = Save credentials
sy_encryption = Team encryption
sy_encryption_hint = To encrypt a new folder, type the team passphrase (at least 12 characters) here before you choose the folder. To join an encrypted location, type it and choose Encrypt or join. To change it, type the current one and a new one. It is saved like the credentials.
sy_encrypt = Encrypt or join
sy_new_passphrase = New team passphrase
sy_change_passphrase = Change passphrase
sy_encrypted = The location is encrypted with this passphrase, and the passphrase is saved.
sy_passphrase_changed = The team passphrase is changed and saved. Give your colleagues the new one.
sy_forget_credentials = Forget credentials
sy_key_file = Private key file
sy_choose_key = Choose key file…
sy_remove_key = Remove key file
sy_no_key = None: the SSH agent and the keys in ~/.ssh are used.
sy_key_dialog = Private key of the SFTP server
sy_test_connection = Test connection
sy_testing = Testing…
sy_connection_ok = Connected to { $location }.
sy_kept_keyring = Credentials are saved in the system’s secret store.
sy_kept_file = Credentials are saved in a file only you can read (no secret store on this system).
sy_kept_none = No credentials saved for this location.
sy_last_round = Last round
sy_sent_received = { $sent } sent, { $received } received
sy_replicas_seen = Colleagues’ machines seen in the folder
sy_none_seen = No other machine has synced with this folder yet.
sy_replica = Machine
sy_applied = Changes applied
sy_caught_up = up to date
sy_behind = { $applied } of { $last }
sy_skipped_files = Files skipped (retried every round)
sy_file = File
sy_reason = Reason
sy_write_error = Could not write to the folder: { $message }
sy_read_error = Could not read the folder: { $message }
sy_unnamed = (unnamed)
sy_identity_renewed = This installation now syncs under a new id ({ $former } before): its data folder is a copy of another installation’s, so everything here is sent again under the new id. Nothing is lost.
sy_healed = Files of this machine missing or damaged in the folder, covered by a new snapshot
sy_waiting_for_me = Colleagues’ machines waiting for a file from this one
lh_section = Letterhead
lh_hint = Printed at the top of page 1 of every PDF, DOCX and HTML export made on this machine.
lh_organisation = Organisation
lh_unit = Second line (unit, secretariat or address)
lh_logo = Logo
lh_choose_logo = Choose image…
lh_remove_logo = Remove logo
lh_no_logo = No logo

## Attachments

at_title = Attachments
at_none = No files attached.
at_attach = Attach file…
at_save = Save as…
at_remove = Remove
at_pending = not arrived yet
at_confirm_remove = Remove the attachment { $name }? Colleagues lose it too at the next sync.
at_saved = Saved { $name }.
at_pick = Choose a file to attach (up to 50 MB)
at_pending_count =
    { $count ->
        [one] { $count } attachment on its way
       *[other] { $count } attachments on their way
    }
at_pending_files = Attachments not arrived yet (fetched again every round)
at_name = Attachment

## Record

date_invalid = { $field }: { $value } is not a date (use { $pattern })
date_required = { $field }: a date is needed (use { $pattern })
date_before = { $field }: { $value } is before { $other } ({ $limit })
date_after = { $field }: { $value } is after { $other } ({ $limit })
date_hint = Type the date as { $pattern }, or as in 12 December 2019
date_pattern = DD/MM/YYYY

# The drafter's generated sections, as the editor labels them and the refresh question names them.
section_heading = Heading
section_opening = Opening
section_before = Documents before the meeting
section_related = Related meetings
section_statements = Statements
section_speakers = Speakers
section_requests = Requests
section_commitments = Commitments
section_invitations = Invitations
section_decisions = Decisions
section_next_steps = Next steps

time_invalid = { $field }: { $value } is not a time (use HH:MM)
the_start_date = the start date
the_end_date = the end date
the_meeting_date = the meeting date
related_meetings = Related meetings
related_title = Title of the related meeting
related_date = Date of the related meeting
related_outcome = Outcome
related_outcome_hint = What it produced
related_new = Title of a related meeting…
related_add = Add related meeting
related_none = No related meetings.
related_remove = Remove related meeting
related_title_missing = A related meeting needs a title.
display_name = Name in this meeting
display_name_hint = As the record should call this delegation here (e.g. UK); empty for { $name }
group_label = Label in the summary
group_label_singular = Singular
group_label_plural = Plural
group_label_hint = How the summary names each group, e.g. "UN Network representative" / "UN Network representatives"; empty for the built-in name.
group_remove = Remove this headcount
group_singular_needs_plural = Give the plural too: the singular is used only for a count of 1.

## Data entry

act_missing = To add the item, fill in: { $fields }.
act_bad_due = The due date is incomplete: finish it or clear it.
pick_add_as = Add “{ $name }” as a new name, filed under:
pick_add_as_category = Add “{ $name }” as a new name, filed under { $category }

# Record @2: the meeting's session, agenda and documents; decisions; speaking on behalf of others.
chair_state = Chair’s State
session = Session
summary_code = Summary code
status_line = Status line
agenda = Agenda
agenda_number = Item
agenda_title = Item title
agenda_add = Add an agenda item
documents_before = Documents before the meeting
document_symbol = Symbol
document_title = Title
documents_before_add = Add a document
not_set = —
due_month = Due month (YYYY-MM)
act_bad_due_month = The due month is not a month: write it as 2020-04, or clear it.
adoption = Adoption
adoption_without_vote = Without a vote
adoption_vote = By a vote
adoption_recorded_vote = By a recorded vote
votes_yes = In favour
votes_no = Against
votes_abstentions = Abstentions
on_behalf_of = On behalf of
on_behalf_of_name = Use “{ $name }” as the group’s name
also_on_behalf_of = Also on behalf of
## Record @2 in the window: a speaker's role, a delegation's persons, what was said besides the speakers list
speaker_role = Role at this meeting
speaker_role_hint = panellist
persons = Persons of the delegation
person_name = Name
person_function = Function
person_head = Head of delegation
person_add = Add a person
person_duplicate = This name is already listed: it is not saved twice.
floor_section = Said besides the speakers list
floor_positions = Positions of grouped speakers
floor_position_add = Add a position
floor_holders = Who
holders_one_delegation = One delegation
holders_some_delegations = Some delegations
holders_several_delegations = Several delegations
holders_many_delegations = Many delegations
holders_speakers = Speakers
holders_several_speakers = Several speakers
floor_position_text = What they said (“welcomed the progress made…”)
floor_remarks = Podium remarks
floor_remark_add = Add a podium remark
remark_kind = Kind of remark
remark_opening = Opening remarks
remark_answer = Answer
remark_closing = Closing remarks
remark_other = Other remarks
remark_by = By (office: “the President”)
remark_in_reply_to = In reply to
remark_summary = What was said
floor_announcements = Announcements
floor_announcement_add = Add an announcement
announcement_by = Announced by
announcement_text = What was announced (“the plan would be released…”)
move_up = Move up
move_down = Move down
all_agenda_items = All agenda items
all_sessions = All sessions
## Clearance: status, comments and suggestions of a document
review_status = Clearance
review_status_draft = Draft
review_status_for_clearance = For clearance
review_status_cleared = Cleared
review_status_final = Final
review_status_circulated = Circulated
review_move_to = Move to “{ $status }”
review_reopen = Reopen
review_corrigendum = Corrigendum
review_corrigendum_number = Corr.{ $n }
review_last_change = { $by }, { $time }
review_locked = This text is final and cannot be edited. Reopen it to change it.
review_locked_circulated = This text is circulated and cannot be edited. Open a corrigendum to change it.
review_panel = Comments
review_panel_show = Show the comments and suggestions on this document
review_comment_label = Comment on the selected text
review_comment_add = Comment
review_suggest_label = Replace the selected text with
review_suggest_add = Suggest
review_suggesting = Suggesting
review_suggesting_show = Suggestion mode: record what you type as suggestions instead of changing the text
review_suggesting_note = Suggestion mode: what you type is recorded as your suggestions, listed under Comments; the saved text changes only when they are accepted.
review_select_first = Select the words in the text first.
review_selection_missing = The selected words could not be found in the saved text: select words within one paragraph, without formatting across them.
review_comments = Comments
review_no_comments = No comments yet.
review_reply_label = Reply
review_reply_add = Reply
review_resolve = Resolve
review_reopen_comment = Reopen
review_resolved = Resolved
review_suggestions = Suggestions
review_no_suggestions = No open suggestions.
review_suggestion_change = “{ $old }” → “{ $new }”
review_accept = Accept
review_reject = Reject
review_accept_all = Accept all
review_reject_all = Reject all
review_by = by { $author }

## Errors from the backend, by sentence (the `MessageId`s of crates/app/src/local.rs). `$detail` is quoted as
## the lower layer wrote it (the operating system, a parser, a server).
error_record_invalid = { $file }: field { $field } was refused: { $detail }
error_record_invalid_at = { $file }, line { $line }, column { $column }: field { $field } was refused: { $detail }
error_record_too_large = { $file } is { $size } bytes, over the { $limit }-byte limit for a meeting record
error_value_refused = This value was refused: { $detail }
error_template_failed = The summary template failed: { $detail }
error_file_unreadable = { $file } could not be used: { $detail }
error_not_found = { $kind ->
    [meeting] Meeting
    [statement] Statement
    [attachment] Attachment
    [intervention] Intervention
   *[other] Item
  } { $id } was not found
error_not_found_in_meeting = { $kind ->
    [meeting] Meeting
    [statement] Statement
    [attachment] Attachment
    [intervention] Intervention
   *[other] Item
  } { $id } was not found in meeting { $meeting }
error_field_invalid = Meeting { $meeting }: field { $field } was refused: { $detail }
error_stored_unreadable = Meeting { $meeting }: the stored document cannot be read at { $field }: { $detail }
error_merge_failed = Meeting { $meeting }: the changes could not be merged: { $detail }
error_unknown_version = Meeting { $meeting }: there is no version { $version }
error_database_unavailable = The database { $file } could not be opened: { $detail }
error_database_failed = The database failed: { $detail }
error_setting_invalid = The setting { $key } could not be read: { $detail }
error_attachment_too_large = { $name } is { $size } bytes, over the { $limit }-byte limit for attachments
error_attachment_missing = Attachment { $name } has not arrived yet; sync again once a colleague’s copy reaches the shared location
error_attachment_damaged = The local copy of attachment { $name } was damaged and has been dropped; sync again to fetch it
error_sync_folder_unavailable = The sync folder { $location } is not available: { $detail }
error_sync_location_unavailable = The sync location { $location } is not available: { $detail }
error_sync_location_refused = The sync location { $location } refused the round: { $detail }
error_sync_busy = Another sync round is already running; try again when it ends
error_sync_failed = Sync failed: { $detail }
error_sync_url_refused = This sync address was refused: { $detail }
error_sync_url_not_url = { $url } is not an address (https://, webdav://, s3://, sftp://); for a folder, use “Choose…”
error_key_file_invalid = The team key file { $file } is not usable: { $detail }
error_passphrase_wrong = The team passphrase is wrong, or the team key file { $file } was altered
error_passphrase_short = The team passphrase is too short: use at least { $min } characters
error_file_sealed = An encrypted file cannot be opened: it is damaged, altered or misplaced, or was written with another team key
error_export_too_large = The document is too large to export: { $size } bytes of text, over the { $limit }-byte limit
error_logo_unusable = The letterhead logo is not a usable image: { $detail }
error_document_not_found = The document to export was not found ({ $detail })
error_masthead_refused = The UN masthead cannot be printed: { $detail }
error_format_unknown = Unknown export format { $format }: expected PDF, DOCX, Markdown, HTML, CSV or ICS
error_typesetting_failed = Typesetting failed: { $detail }
error_encoding_failed = The { $format } file could not be built: { $detail }
error_not_replaceable = An export cannot replace { $file }: { $detail }
error_review_unreadable = The reviewed document { $file } cannot be read: { $detail }
error_file_exists = { $file } already exists
error_write_failed = { $file } could not be written: { $detail }
error_file_too_large = { $file } is over the { $limit }-byte limit
error_file_is_folder = { $file } is a folder, not a file
error_file_not_regular = { $file } is not a regular file, so it is not read
error_file_not_utf8 = { $file } is not UTF-8 text (at byte { $byte })
error_sync_location_missing = Choose a sync folder or enter an address first
error_sync_interval_short = The sync interval must be at least { $min } seconds
