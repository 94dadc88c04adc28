//! `rapporteur review`: clearance of the summary or a statement from the terminal. Each subcommand turns its
//! arguments into one call of the facade (`App::review_apply` and friends) and prints the result.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use rapporteur_app::{
    App, AppError, DocumentKind, ProposedText, ReviewAction, ReviewStatus, Which,
};

use crate::{Kind, output};

/// Which document, and who acts.
#[derive(Args)]
pub struct Target {
    /// The meeting.
    id: String,
    /// The summary or a statement.
    #[arg(long, value_enum, default_value = "summary")]
    doc: Kind,
    /// Which statement (from 0); 0 for the summary.
    #[arg(long, default_value_t = 0)]
    index: u32,
    /// Who does it [default: this replica's name].
    #[arg(long)]
    author: Option<String>,
    /// Print the document's clearance as JSON afterwards.
    #[arg(long)]
    json: bool,
}

/// Where a comment or suggestion goes: a phrase that occurs once, or offsets.
#[derive(Args)]
#[group(multiple = false)]
pub struct Place {
    /// The text it is about; it must occur exactly once in the document.
    #[arg(long)]
    quote: Option<String>,
    /// Unicode character offsets START..END into the document's Markdown (END exclusive; START..START for a
    /// point).
    #[arg(long, value_name = "START..END", value_parser = parse_range)]
    range: Option<(u32, u32)>,
}

/// Which suggestion an accept or reject is about.
#[derive(Args)]
pub struct Decision {
    #[command(flatten)]
    target: Target,
    /// The suggestion's id (from `review list`).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    suggestion: Option<String>,
    /// Every open suggestion.
    #[arg(long)]
    all: bool,
}

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// The document's status, comments (with replies), suggestions and clearance history.
    List(Target),
    /// Comment on a range; or, with --reply-to / --resolve / --reopen, act on an existing comment.
    Comment {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        place: Place,
        /// Reply to this comment instead.
        #[arg(long, value_name = "COMMENT", conflicts_with_all = ["resolve", "reopen"])]
        reply_to: Option<String>,
        /// Resolve this comment.
        #[arg(long, value_name = "COMMENT", conflicts_with = "reopen")]
        resolve: Option<String>,
        /// Reopen this resolved comment.
        #[arg(long, value_name = "COMMENT")]
        reopen: Option<String>,
        /// The comment's or the reply's text.
        text: Option<String>,
    },
    /// Suggest a change without making it: the range (or --quote) replaced by --insert (nothing: a deletion).
    Suggest {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        place: Place,
        /// What to put in its place.
        #[arg(long, default_value = "")]
        insert: String,
    },
    /// Suggestion mode: the text in --from-file (else stdin) is the document as you want it; each
    /// difference from the stored text becomes a suggestion by --author, and the text is unchanged.
    SuggestText {
        #[command(flatten)]
        target: Target,
        #[arg(long, value_name = "FILE")]
        from_file: Option<PathBuf>,
    },
    /// Accept a suggestion (or --all open ones): its change is made to the text.
    Accept(Decision),
    /// Reject a suggestion (or --all open ones).
    Reject(Decision),
    /// Move the text on (draft → for-clearance → cleared → final → circulated); --reopen makes a final text a
    /// draft again; --corrigendum reopens a circulated one as its next corrigendum. Without any: print it.
    Status {
        #[command(flatten)]
        target: Target,
        #[arg(value_enum, conflicts_with_all = ["reopen", "corrigendum"])]
        status: Option<StatusArg>,
        #[arg(long, conflicts_with = "corrigendum")]
        reopen: bool,
        #[arg(long)]
        corrigendum: bool,
    },
    /// Write the document as a DOCX for colleagues to review in Word: open suggestions as tracked changes,
    /// comments as Word comments.
    ExportDocx {
        #[command(flatten)]
        target: Target,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file at --out if there is one (a regular file only).
        #[arg(long)]
        force: bool,
    },
    /// Read back a DOCX a colleague reviewed: tracked changes and untracked differences become suggestions,
    /// comments become comments. Nothing is applied until accepted.
    ImportDocx {
        #[command(flatten)]
        target: Target,
        file: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Draft,
    ForClearance,
    Cleared,
    Final,
    Circulated,
}

impl From<StatusArg> for ReviewStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Draft => ReviewStatus::Draft,
            StatusArg::ForClearance => ReviewStatus::ForClearance,
            StatusArg::Cleared => ReviewStatus::Cleared,
            StatusArg::Final => ReviewStatus::Final,
            StatusArg::Circulated => ReviewStatus::Circulated,
        }
    }
}

fn parse_range(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("{s:?} is not a range: write START..END, e.g. 10..24");
    let (a, b) = s.split_once("..").ok_or_else(bad)?;
    Ok((
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    ))
}

fn which(suggestion: Option<String>) -> Which {
    suggestion.map_or(Which::All, Which::One)
}

fn usage(message: &str) -> AppError {
    AppError::new(rapporteur_app::ErrorCode::InvalidInput, message)
}

impl Target {
    fn kind(&self) -> DocumentKind {
        self.doc.into()
    }

    async fn range(&self, app: &App, place: &Place) -> Result<(u32, u32), AppError> {
        match (&place.quote, place.range) {
            (Some(q), _) => app.review_find(&self.id, self.kind(), self.index, q).await,
            (None, Some(r)) => Ok(r),
            (None, None) => Err(usage("give --quote TEXT or --range START..END")),
        }
    }

    async fn apply(&self, app: &App, action: ReviewAction) -> Result<(), AppError> {
        let review = app
            .review_apply(&self.id, self.kind(), self.index, &[action])
            .await?;
        if self.json {
            output::review(&review, true);
        }
        Ok(())
    }
}

pub async fn run(app: &App, command: ReviewCommand) -> Result<(), AppError> {
    match command {
        ReviewCommand::List(t) => {
            output::review(&app.review(&t.id, t.kind(), t.index).await?, t.json)
        }
        ReviewCommand::Comment {
            target,
            place,
            reply_to,
            resolve,
            reopen,
            text,
        } => {
            comment(
                app,
                target,
                place,
                reply_to,
                resolve.or(reopen.clone()),
                reopen.is_none(),
                text,
            )
            .await?
        }
        ReviewCommand::Suggest {
            target,
            place,
            insert,
        } => {
            let (start, end) = target.range(app, &place).await?;
            let author = target.author.clone();
            target
                .apply(
                    app,
                    ReviewAction::Suggest {
                        start,
                        end,
                        insert,
                        author,
                    },
                )
                .await?
        }
        ReviewCommand::SuggestText { target, from_file } => {
            let proposed = ProposedText {
                base: None,
                text: crate::jobs::read_text(app, from_file.as_deref())?,
                replaces: Vec::new(),
                author: target.author.clone(),
            };
            let made = app
                .review_suggest_text(&target.id, target.kind(), target.index, &proposed)
                .await?;
            output::review(&made.review, target.json)
        }
        ReviewCommand::Accept(d) => decide(app, d, true).await?,
        ReviewCommand::Reject(d) => decide(app, d, false).await?,
        ReviewCommand::Status {
            target,
            status,
            reopen,
            corrigendum,
        } => status_command(app, target, status, reopen, corrigendum).await?,
        ReviewCommand::ExportDocx { target, out, force } => app
            .review_export_docx(
                &target.id,
                target.kind(),
                target.index,
                &out,
                crate::jobs::replace(force),
            )
            .await
            .map_err(crate::jobs::force_hint)?,
        ReviewCommand::ImportDocx { target, file } => {
            let review = app
                .review_import_docx(&target.id, target.kind(), target.index, &file)
                .await?;
            output::review(&review, target.json)
        }
    }
    Ok(())
}

/// Accept or reject one suggestion, or every open one.
async fn decide(app: &App, d: Decision, accept: bool) -> Result<(), AppError> {
    let (target, which) = (d.target, which(d.suggestion));
    let author = target.author.clone();
    let action = if accept {
        ReviewAction::Accept { which, author }
    } else {
        ReviewAction::Reject { which, author }
    };
    target.apply(app, action).await
}

/// A new comment, or a reply to, resolution or reopening of an existing one.
async fn comment(
    app: &App,
    target: Target,
    place: Place,
    reply_to: Option<String>,
    resolve: Option<String>,
    resolved: bool,
    text: Option<String>,
) -> Result<(), AppError> {
    let author = target.author.clone();
    let placed = place.quote.is_some() || place.range.is_some();
    let action = match (reply_to, resolve, placed, text) {
        (Some(comment), None, false, Some(text)) => ReviewAction::Reply {
            comment,
            text,
            author,
        },
        (None, Some(comment), false, None) => ReviewAction::Resolve {
            comment,
            resolved,
            author,
        },
        (None, None, true, Some(text)) => {
            let (start, end) = target.range(app, &place).await?;
            ReviewAction::Comment {
                start,
                end,
                text,
                author,
            }
        }
        _ => {
            return Err(usage(
                "review comment needs --quote/--range and TEXT, --reply-to COMMENT and TEXT, or --resolve/--reopen COMMENT alone",
            ));
        }
    };
    target.apply(app, action).await
}

async fn status_command(
    app: &App,
    target: Target,
    status: Option<StatusArg>,
    reopen: bool,
    corrigendum: bool,
) -> Result<(), AppError> {
    let author = target.author.clone();
    let action = match (status, reopen, corrigendum) {
        (Some(s), _, _) => ReviewAction::SetStatus {
            status: s.into(),
            author,
        },
        (None, true, _) => ReviewAction::Reopen { author },
        (None, false, true) => ReviewAction::Corrigendum { author },
        (None, false, false) => {
            let review = app.review(&target.id, target.kind(), target.index).await?;
            output::review_status(&review, target.json);
            return Ok(());
        }
    };
    target.apply(app, action).await
}
