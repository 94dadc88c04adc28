//! The subcommands whose work is more than one facade call and a print: regenerating with hand edits kept,
//! exporting, the letterhead, the replica's name and the document subcommands, with the small conversions
//! they share.

use std::path::Path;

use rapporteur_app::{App, AppError, ErrorCode, Language, LetterheadChange, Replace};

use crate::{DocCommand, ExportArgs, ExportFormat, Kind, TableArg, output};

/// Hand-edited sections kept are named on stderr, with the way to replace them.
pub(crate) async fn regenerate(
    app: &App,
    id: &str,
    lang: Option<Language>,
    force: &[String],
) -> Result<(), AppError> {
    let r = app.regenerate(id, lang, force).await?;
    for section in &r.edited_sections {
        let section = output::safe(section);
        eprintln!(
            "rapporteur: kept the hand-edited section {section}; --force {section} replaces it"
        );
    }
    Ok(())
}

/// Warnings (characters no font has, tables printed as lines) go to stderr.
pub(crate) async fn export(app: &App, args: ExportArgs) -> Result<(), AppError> {
    let request = rapporteur_app::ExportOptions {
        format: export_format(args.format),
        kind: args.doc.into(),
        index: args.index,
        lang: args.lang,
        annex: args.annex,
        table: Some(match args.table {
            TableArg::Attendance => rapporteur_app::Table::Attendance,
            TableArg::Actions => rapporteur_app::Table::Actions,
            TableArg::Participants => rapporteur_app::Table::Participants,
        }),
        include_notes: args.notes,
        masthead: args.masthead,
        with_comments: args.with_comments,
    };
    let warnings = app
        .export_to_file(&args.id, &request, &args.out, replace(args.force))
        .await
        .map_err(force_hint)?;
    for warning in warnings {
        eprintln!("rapporteur: warning: {}", output::safe(&warning));
    }
    Ok(())
}

/// No change asked for: show the letterhead as it is.
pub(crate) async fn letterhead(app: &App, change: LetterheadChange) -> Result<(), AppError> {
    let settings = if change == LetterheadChange::default() {
        app.settings().await?
    } else {
        app.change_letterhead(change).await?
    };
    output::letterhead(&settings.letterhead);
    Ok(())
}

pub(crate) async fn replica(app: &App, name: Option<String>) -> Result<(), AppError> {
    if let Some(name) = name {
        app.set_replica_name(&name).await?;
    }
    output::replica(&app.replica().await?);
    Ok(())
}

pub(crate) async fn doc(app: &App, command: DocCommand) -> Result<(), AppError> {
    match command {
        DocCommand::Get { id, kind, index } => {
            print!("{}", app.doc_get(&id, kind.into(), index).await?)
        }
        DocCommand::Set {
            id,
            kind,
            index,
            file,
        } => doc_set(app, &id, kind, index, file.as_deref()).await?,
        DocCommand::Diff {
            id,
            kind,
            index,
            from,
            to,
        } => print!(
            "{}",
            app.doc_diff(&id, kind.into(), index, &from, &to).await?
        ),
        DocCommand::Restore {
            id,
            kind,
            index,
            version,
        } => app.doc_restore(&id, kind.into(), index, &version).await?,
        DocCommand::History {
            id,
            kind,
            index,
            json,
        } => output::history(&app.doc_history(&id, kind.into(), index).await?, json),
    }
    Ok(())
}

/// The text comes from `file`, else stdin.
async fn doc_set(
    app: &App,
    id: &str,
    kind: Kind,
    index: u32,
    file: Option<&Path>,
) -> Result<(), AppError> {
    let body = read_text(app, file)?;
    app.doc_set(id, kind.into(), index, &body).await
}

/// A document's text from `file`, else stdin, within the document size limit.
pub(crate) fn read_text(app: &App, file: Option<&Path>) -> Result<String, AppError> {
    match file {
        Some(path) => {
            let name = path.display().to_string();
            let file = std::fs::File::open(path)
                .map_err(|e| AppError::new(ErrorCode::Io, format!("{name}: {e}")))?;
            app.read_document(&name, file)
        }
        None => app.read_document("stdin", std::io::stdin().lock()),
    }
}

pub(crate) fn replace(force: bool) -> Replace {
    if force {
        Replace::RegularFile
    } else {
        Replace::Never
    }
}

/// The facade says a file is in the way; on the command line, the way past it is --force.
pub(crate) fn force_hint(e: AppError) -> AppError {
    match e.code {
        ErrorCode::Conflict => {
            AppError::new(e.code, format!("{}; pass --force to replace it", e.message))
        }
        _ => e,
    }
}

fn export_format(f: ExportFormat) -> rapporteur_app::Format {
    use rapporteur_app::Format;
    match f {
        ExportFormat::Pdf => Format::Pdf,
        ExportFormat::Docx => Format::Docx,
        ExportFormat::Md => Format::Md,
        ExportFormat::Html => Format::Html,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Ics => Format::Ics,
    }
}
