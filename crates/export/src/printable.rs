//! Every writer is handed text it can print: a character no record may hold (see `rapporteur_core::text`) that
//! reached the record anyway (from an older version, through sync) is printed as U+FFFD. The doors refuse such
//! characters; this is what keeps DOCX valid XML, the PDF typesettable and ICS/CSV readable when one got past.

use std::borrow::Cow;

use rapporteur_core::MeetingRecord;
use rapporteur_core::text::{find_refused_in, printable};

use crate::{ExportError, ExportRequest};

/// `record`, with refused characters replaced in every string; borrowed when there are none.
pub(crate) fn record(record: &MeetingRecord) -> Result<Cow<'_, MeetingRecord>, ExportError> {
    let fail = |e: serde_json::Error| ExportError::Encode {
        format: "record",
        message: e.to_string(),
    };
    let mut value = serde_json::to_value(record).map_err(fail)?;
    if find_refused_in(&value).is_none() {
        return Ok(Cow::Borrowed(record));
    }
    replace_in(&mut value);
    Ok(Cow::Owned(serde_json::from_value(value).map_err(fail)?))
}

/// `req`, with refused characters replaced in the letterhead and the private notes.
pub(crate) fn request(req: &ExportRequest) -> ExportRequest {
    let mut req = req.clone();
    let clean = |s: &mut String| {
        if let Cow::Owned(p) = printable(s) {
            *s = p;
        }
    };
    clean(&mut req.letterhead.organisation);
    if let Some(unit) = &mut req.letterhead.unit {
        clean(unit);
    }
    if let Some(notes) = &mut req.private_notes {
        clean(&mut notes.meeting);
        notes.interventions.values_mut().for_each(clean);
    }
    req
}

fn replace_in(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            if let Cow::Owned(p) = printable(s) {
                *s = p;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(replace_in),
        serde_json::Value::Object(map) => map.values_mut().for_each(replace_in),
        _ => {}
    }
}
