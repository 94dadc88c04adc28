//! `rapporteur`: the desktop app's jobs without a window, for scripts and for people who live in a terminal.
//!
//! Every subcommand parses its arguments, calls one method of the `rapporteur_app::App` facade, and prints the
//! result; the work itself lives in the facade so the CLI and the desktop shell cannot drift apart.
//! Exit status: 0 on success, 2 for a usage error (clap), 1 for anything else, with one line on stderr.
//! Output to a pipe whose reader has gone (`rapporteur list --json | grep -q …`) ends the process quietly by
//! SIGPIPE, as it does every Unix filter: Rust ignores the signal by default, which turns every `println!`
//! into a panic there. Nothing is half-done by it: results are printed after the work is committed.

mod jobs;
mod output;
mod review;
mod sync_cmd;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jobs::{doc, export, force_hint, letterhead, regenerate, replace, replica};
use rapporteur_app::sync_to::{PASSPHRASE_VAR, env_secret};
use rapporteur_app::{App, AppError, DocumentKind, ErrorCode, Language, LetterheadChange};
use sync_cmd::{
    forget, forget_to, no_sync_target, save_sync_credentials, sync, sync_passphrase, sync_to,
};

#[derive(Parser)]
#[command(
    name = "rapporteur",
    version,
    about = "Write up intergovernmental meetings."
)]
struct Cli {
    /// Where the database lives [default: $RAPPORTEUR_DATA_DIR, else the OS data directory].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Log what happens to stderr: -v for sync rounds and what they skipped, -vv for more.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import meeting records (rapporteur/meeting-record@2 JSON, or @1), one file each; prints each new
    /// meeting's id. Files are imported in order, each whole or not at all; the first bad one stops the rest.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import the built-in example meeting (a briefing of 12 December 2019) as a new meeting; prints its id.
    Example,
    /// List meetings, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one meeting; --json gives it in the interchange format.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over every meeting.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// The cross-meeting action tracker.
    Actions {
        /// Only items still open or in progress.
        #[arg(long)]
        open: bool,
        /// Only items whose from or to is this party, ignoring case.
        #[arg(long)]
        owner: Option<String>,
        /// Only items taken under this agenda item (its number, as in the record: "3").
        #[arg(long)]
        agenda_item: Option<String>,
        /// Only items of meetings of this session ("first part of the 2020 session"), ignoring case.
        #[arg(long)]
        session: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Read, write or trace the history of a summary or statement.
    Doc {
        #[command(subcommand)]
        command: DocCommand,
    },
    /// Print the summary generated from the record.
    Draft {
        id: String,
        /// Output language [default: the meeting's language].
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
    },
    /// Refresh the summary's generated sections from the record, keeping hand-written text; a generated
    /// section edited by hand is kept unless named with --force.
    Regenerate {
        id: String,
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
        /// Overwrite this hand-edited section (its text stays in history); repeatable.
        #[arg(long, value_name = "SECTION")]
        force: Vec<String>,
    },
    /// Export a document to a file.
    Export(ExportArgs),
    /// Clearance of the summary or a statement: comments, suggestions, the status, the Word round trip.
    Review {
        #[command(subcommand)]
        command: review::ReviewCommand,
    },
    /// Run one sync round with a shared folder, a WebDAV server, an S3-compatible bucket or an SFTP server.
    ///
    /// Credentials for a remote location are read from the environment only and never written anywhere:
    /// RAPPORTEUR_SYNC_USER (WebDAV/SFTP user, S3 access key id), RAPPORTEUR_SYNC_PASSWORD (WebDAV password,
    /// S3 secret key), RAPPORTEUR_SYNC_SSH_KEY (SFTP private key file; else ssh's config and agent). A
    /// password inside the URL is refused.
    ///
    /// An encrypted location needs its team passphrase in RAPPORTEUR_SYNC_PASSPHRASE (never an argument).
    Sync {
        /// A shared folder.
        #[arg(
            long,
            value_name = "DIR",
            required_unless_present = "to",
            conflicts_with = "to"
        )]
        folder: Option<PathBuf>,
        /// A folder or a URL: https://host/dav/path (WebDAV), s3://bucket/prefix?endpoint=URL&region=R
        /// (path-style; add virtual_host=true for virtual-hosted), sftp://user@host:port/path.
        #[arg(long, value_name = "URL|DIR")]
        to: Option<String>,
        /// Encrypt a new location with the team passphrase in RAPPORTEUR_SYNC_PASSPHRASE (at least 12
        /// characters): creates its key file on first use. Later rounds need only the passphrase.
        #[arg(long, requires = "to", conflicts_with = "forget")]
        encrypt: bool,
        /// Save the credentials and passphrase now in the environment for this location (in the OS secret
        /// store, else in a file only you can read; says which), so later rounds need no variables.
        #[arg(long, requires = "to", conflicts_with = "forget")]
        save_credentials: bool,
        /// Instead of a round: forget the credentials saved for this location.
        #[arg(long, requires = "to", conflicts_with_all = ["forget", "encrypt", "save_credentials"])]
        forget_credentials: bool,
        #[arg(long)]
        json: bool,
        /// Instead of a round: stop keeping this replica's own old files in the folder for REPLICA, a colleague
        /// who will never sync again (if it does, it catches up from a snapshot).
        #[arg(long, value_name = "REPLICA")]
        forget: Option<String>,
    },
    /// Change the team passphrase of an encrypted sync location: the current one from
    /// RAPPORTEUR_SYNC_PASSPHRASE, the new one from RAPPORTEUR_SYNC_NEW_PASSPHRASE. Only the location's key
    /// file is rewritten; every colleague then syncs with the new passphrase.
    SyncPassphrase {
        /// The encrypted location: a folder or a URL, as for `sync --to`.
        #[arg(long, value_name = "URL|DIR")]
        to: String,
    },
    /// Attach a file (up to 50 MB) to the summary or a statement; prints the attachment's id. The file's bytes
    /// travel to colleagues with the next sync rounds.
    Attach {
        id: String,
        file: PathBuf,
        #[arg(long, value_enum, default_value = "summary")]
        doc: Kind,
        /// Which statement (from 0); 0 for the summary.
        #[arg(long, default_value_t = 0)]
        index: u32,
    },
    /// List a meeting's attachments: id, document, name, size, and whether the bytes are here yet.
    Attachments {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Save a copy of an attachment to a file.
    AttachmentSave {
        id: String,
        attachment_id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file at --out if there is one (a regular file only).
        #[arg(long)]
        force: bool,
    },
    /// Remove an attachment from its document.
    Detach { id: String, attachment_id: String },
    /// Show the letterhead that exports print, or change it.
    Letterhead {
        /// The issuing organisation's name (an empty string removes the letterhead line).
        #[arg(long)]
        organisation: Option<String>,
        /// A second line under it (an empty string removes it).
        #[arg(long)]
        unit: Option<String>,
        /// A PNG, JPEG, GIF, WebP or SVG image to print beside it.
        #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        /// Remove the logo.
        #[arg(long)]
        no_logo: bool,
    },
    /// Show this installation's replica, or set its human name.
    Replica {
        #[arg(long)]
        name: Option<String>,
    },
}

// The export subcommand's arguments, a struct of their own so that one function takes them (its help is the
// `Export` variant's doc comment).
#[derive(Args)]
struct ExportArgs {
    id: String,
    #[arg(long, value_enum)]
    format: ExportFormat,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "summary")]
    doc: Kind,
    #[arg(long, default_value_t = 0)]
    index: u32,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Language>,
    /// Append the attendance list and the list of speakers.
    #[arg(long)]
    annex: bool,
    /// Append my private notes (on the meeting and on each intervention) as a closing "My notes" section.
    /// Without it no export contains them. PDF, DOCX, Markdown and HTML only.
    #[arg(long)]
    notes: bool,
    /// Add the document's open comments as footnotes at their words, with their authors and replies.
    /// Without it the export is the clean text. PDF, DOCX, Markdown and HTML only.
    #[arg(long)]
    with_comments: bool,
    /// For CSV: which table.
    #[arg(long, value_enum, default_value = "attendance")]
    table: TableArg,
    /// Print the UN masthead under the symbol ("Distr.: General", the date, "Original: English") and the
    /// symbol in every page's header. PDF and DOCX only; the meeting needs a symbol.
    #[arg(long)]
    masthead: bool,
    /// Replace the file at --out if there is one (a regular file only: FIFOs, devices and links never are).
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum DocCommand {
    /// Print a document's Markdown.
    Get {
        id: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long, default_value_t = 0)]
        index: u32,
    },
    /// Replace a document's Markdown (from --file, else stdin). Only the difference is recorded.
    Set {
        id: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long, default_value_t = 0)]
        index: u32,
        #[arg(long, value_name = "F")]
        file: Option<PathBuf>,
    },
    /// The difference between two versions (from `doc history`; "current" is the text now), unified.
    Diff {
        id: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long, default_value_t = 0)]
        index: u32,
        from: String,
        #[arg(default_value = "current")]
        to: String,
    },
    /// Bring back an old version (from `doc history`) as a new change.
    Restore {
        id: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long, default_value_t = 0)]
        index: u32,
        version: String,
    },
    /// List a document's versions: id, time, replica, and what made each (edit, regenerate, restore,
    /// import, created; "via sync" when it came from another replica).
    History {
        id: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long, default_value_t = 0)]
        index: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Summary,
    Statement,
}

impl From<Kind> for DocumentKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Summary => DocumentKind::Summary,
            Kind::Statement => DocumentKind::Statement,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TableArg {
    Attendance,
    Actions,
    Participants,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Pdf,
    Docx,
    Md,
    Html,
    Csv,
    Ics,
}

fn parse_lang(s: &str) -> Result<Language, String> {
    Language::parse(s)
        .ok_or_else(|| format!("unknown language {s:?}: use ar, zh, en, fr, ru or es"))
}

/// Whether a process started as `argv0` is the `rapporteur` command. The Linux packages ship one binary, the
/// desktop app's, and start it under that name for the command (`exec -a rapporteur`), so the fonts and the
/// engine are on disk once; the desktop app then runs [`main`] instead of opening a window.
pub fn invoked_as_cli(argv0: Option<&OsStr>) -> bool {
    argv0
        .map(Path::new)
        .and_then(Path::file_stem)
        .is_some_and(|name| name == "rapporteur")
}

/// Runs the command with the process's arguments, and gives the exit status (see the crate's docs).
pub fn main() -> ExitCode {
    sigpipe::reset();
    let cli = Cli::parse();
    rapporteur_app::logging::log_to_stderr(cli.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&AppError::new(ErrorCode::Internal, e.to_string())),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(e: &AppError) -> ExitCode {
    eprintln!("rapporteur: {}", output::safe(&e.message));
    ExitCode::from(1)
}

async fn run(cli: Cli) -> Result<(), AppError> {
    let app = App::open(&rapporteur_app::resolve_data_dir(cli.data_dir)).await?;
    match cli.command {
        Command::Import { files } => {
            for file in files {
                println!("{}", app.import_file(&file).await?);
            }
        }
        Command::Example => println!("{}", app.open_example().await?),
        Command::List { json } => output::meetings(&app.list_meetings().await?, json),
        Command::Show { id, json } => output::record(&app.record(&id).await?, json),
        Command::Search { query, json } => output::hits(&app.search(&query).await?, json),
        Command::Actions {
            open,
            owner,
            agenda_item,
            session,
            json,
        } => {
            let filter = rapporteur_app::ActionFilter {
                open_only: open,
                owner,
                agenda_item,
                session,
            };
            output::actions(&app.actions_filtered(filter).await?, json)
        }
        Command::Doc { command } => doc(&app, command).await?,
        Command::Draft { id, lang } => print!("{}", app.draft(&id, lang).await?),
        Command::Regenerate { id, lang, force } => regenerate(&app, &id, lang, &force).await?,
        Command::Export(args) => export(&app, args).await?,
        Command::Review { command } => review::run(&app, command).await?,
        Command::Attach {
            id,
            file,
            doc,
            index,
        } => println!(
            "{}",
            app.attach_file(&id, doc.into(), index, &file).await?.id
        ),
        Command::Attachments { id, json } => {
            output::attachments(&app.attachments(&id).await?, json)
        }
        Command::AttachmentSave {
            id,
            attachment_id,
            out,
            force,
        } => drop(
            app.save_attachment(&id, &attachment_id, &out, replace(force))
                .await
                .map_err(force_hint)?,
        ),
        Command::SyncPassphrase { to } => sync_passphrase(&app, &to).await?,
        Command::Detach { id, attachment_id } => app.remove_attachment(&id, &attachment_id).await?,
        Command::Sync {
            folder,
            to,
            forget: Some(replica),
            ..
        } => match (folder, to) {
            (Some(folder), _) => forget(&app, &folder, &replica).await?,
            (None, Some(to)) => forget_to(&app, &to, &replica).await?,
            (None, None) => return Err(no_sync_target()),
        },
        Command::Sync {
            to: Some(to),
            forget_credentials: true,
            ..
        } => {
            app.forget_credentials(&to).await?;
            println!("forgot the credentials saved for {to}");
        }
        Command::Sync {
            folder,
            to,
            json,
            encrypt,
            save_credentials,
            ..
        } => match (folder, to) {
            // An encrypted folder: the same round as `--to DIR` with the passphrase.
            (Some(folder), _)
                if env_secret(PASSPHRASE_VAR).is_some() && folder.to_str().is_some() =>
            {
                sync_to(&app, folder.to_str().unwrap_or_default(), false, json).await?
            }
            (Some(folder), _) => sync(&app, &folder, json).await?,
            (None, Some(to)) => {
                if save_credentials {
                    save_sync_credentials(&app, &to).await?;
                }
                sync_to(&app, &to, encrypt, json).await?
            }
            (None, None) => return Err(no_sync_target()),
        },
        Command::Letterhead {
            organisation,
            unit,
            logo,
            no_logo,
        } => {
            let change = LetterheadChange {
                organisation,
                unit,
                logo_file: logo,
                remove_logo: no_logo,
            };
            letterhead(&app, change).await?
        }
        Command::Replica { name } => replica(&app, name).await?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::invoked_as_cli;

    #[test]
    fn the_command_is_known_by_its_name_wherever_it_lies() {
        for name in [
            "rapporteur",
            "/usr/bin/rapporteur",
            "rapporteur.exe",
            "./bin/rapporteur",
        ] {
            assert!(invoked_as_cli(Some(OsStr::new(name))), "{name}");
        }
        for name in [
            "rapporteur-desktop",
            "/usr/bin/rapporteur-desktop",
            "",
            "/usr/bin/",
        ] {
            assert!(!invoked_as_cli(Some(OsStr::new(name))), "{name}");
        }
        assert!(!invoked_as_cli(None));
    }
}
