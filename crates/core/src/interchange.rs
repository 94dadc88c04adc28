//! Reading and writing the interchange format. Parsing goes through `serde_path_to_error` so that every
//! refusal names the field path as well as serde_json's line and column.

use crate::error::CoreError;
use crate::model::MeetingRecord;

/// Records larger than this are refused before parsing (documented in docs/FORMAT.md).
pub const MAX_RECORD_BYTES: u64 = 50 * 1024 * 1024;

/// Refuse a file by its size alone, before anything reads it into memory.
pub fn check_size(file: &str, size: u64) -> Result<(), CoreError> {
    if size > MAX_RECORD_BYTES {
        return Err(CoreError::TooLarge {
            file: file.to_owned(),
            size,
            limit: MAX_RECORD_BYTES,
        });
    }
    Ok(())
}

/// Parse and validate a record. `file` is only used to name the input in errors.
pub fn parse_record(file: &str, bytes: &[u8]) -> Result<MeetingRecord, CoreError> {
    check_size(file, bytes.len() as u64)?;
    // Some Windows editors start UTF-8 files with a byte-order mark; it carries no meaning here.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let record: MeetingRecord = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        CoreError::Invalid {
            file: file.to_owned(),
            path,
            message: crate::text::clip_quoted(&strip_location(&inner.to_string())).into_owned(),
            line: inner.line(),
            column: inner.column(),
        }
    })?;
    de.end().map_err(|e| CoreError::Invalid {
        file: file.to_owned(),
        path: ".".into(),
        message: strip_location(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    // What serde accepted is valid UTF-8; what it cannot see is which field a refused character is in.
    let text = std::str::from_utf8(bytes).ok();
    if let Some(found) = text.and_then(crate::jsonscan::first_refused) {
        let what = crate::text::Refused {
            ch: found.ch,
            line: found.line,
            column: found.column,
        };
        return Err(CoreError::Invalid {
            file: file.to_owned(),
            path: found.path,
            message: what.describe(),
            line: found.line,
            column: found.column,
        });
    }
    check_references(file, text.unwrap_or_default(), &record)?;
    Ok(record)
}

/// The rules that span members (an intervention's agenda item must be on the agenda), placed in the file by
/// the value that breaks them.
fn check_references(file: &str, text: &str, record: &MeetingRecord) -> Result<(), CoreError> {
    if let Err((i, message)) = crate::model::check_replies(record) {
        let id = record.remarks[i].in_reply_to.as_deref().unwrap_or_default();
        let found = crate::jsonscan::locate(text, "remarks", "in_reply_to", id);
        return Err(CoreError::Invalid {
            file: file.to_owned(),
            path: found
                .as_ref()
                .map_or_else(|| format!("remarks[{i}].in_reply_to"), |f| f.path.clone()),
            message,
            line: found.as_ref().map_or(0, |f| f.line),
            column: found.as_ref().map_or(0, |f| f.column),
        });
    }
    let Err((path, message)) = crate::model::check_agenda_refs(record) else {
        return Ok(());
    };
    let list = path.split('[').next().unwrap_or_default();
    let refs: Vec<&Option<String>> = match list {
        "interventions" => record
            .interventions
            .0
            .iter()
            .map(|i| &i.agenda_item)
            .collect(),
        "positions" => record.positions.iter().map(|a| &a.agenda_item).collect(),
        "remarks" => record.remarks.iter().map(|a| &a.agenda_item).collect(),
        "announcements" => record
            .announcements
            .iter()
            .map(|a| &a.agenda_item)
            .collect(),
        _ => record.action_items.iter().map(|a| &a.agenda_item).collect(),
    };
    let value = refs.into_iter().flatten().find(|n| {
        !record
            .meeting
            .agenda
            .iter()
            .any(|a| a.number.trim() == n.trim())
    });
    let found = value.and_then(|v| crate::jsonscan::locate(text, list, "agenda_item", v));
    Err(CoreError::Invalid {
        file: file.to_owned(),
        path: found.as_ref().map_or(path, |f| f.path.clone()),
        message,
        line: found.as_ref().map_or(0, |f| f.line),
        column: found.as_ref().map_or(0, |f| f.column),
    })
}

/// Pretty JSON in the interchange format.
pub fn to_json(record: &MeetingRecord) -> String {
    serde_json::to_string_pretty(record).expect("the model always serialises")
}

// serde_json appends " at line L column C" itself; we print location once, in our own format.
fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}
