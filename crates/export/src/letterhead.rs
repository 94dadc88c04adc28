//! The letterhead printed at the top of page 1. The store keeps one per workspace; export only reads it.
//! This module only knows the letterhead's data and the logo's format; whether Typst can draw the logo is
//! `pdf::check_logo`'s question, so that the PDF code depends on this module and not the other way round.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rapporteur_core::Language;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::error::ExportError;

/// A logo larger than this is refused: a letterhead mark needs far less, and the PDF carries it on page 1.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// The letterhead: an organisation, a second line and a logo, printed at the top of page 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Letterhead {
    /// Issuing organisation, e.g. "United Nations Network on Migration". Empty: no letterhead line.
    #[serde(default)]
    pub organisation: String,
    /// A second line under it: a unit, secretariat or address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
    /// PNG, JPEG, GIF, WebP or SVG bytes. On the wire (JSON, IPC) a base64 string, so the UI can show it as a
    /// `data:` URL.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "base64_bytes"
    )]
    #[ts(optional, type = "string")]
    pub logo: Option<Vec<u8>>,
}

/// The image formats a logo may have, found from its bytes (never from a file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LogoFormat {
    Png,
    Jpg,
    Gif,
    Webp,
    Svg,
}

impl LogoFormat {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpg => "jpg",
            LogoFormat::Gif => "gif",
            LogoFormat::Webp => "webp",
            LogoFormat::Svg => "svg",
        }
    }

    pub(crate) fn mime(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpg => "image/jpeg",
            LogoFormat::Gif => "image/gif",
            LogoFormat::Webp => "image/webp",
            LogoFormat::Svg => "image/svg+xml",
        }
    }
}

pub(crate) fn logo_format(bytes: &[u8]) -> Result<LogoFormat, ExportError> {
    use typst::foundations::Bytes;
    use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};

    if bytes.len() > MAX_LOGO_BYTES {
        return Err(ExportError::BadImage(format!(
            "{} bytes, over the {MAX_LOGO_BYTES}-byte limit",
            bytes.len()
        )));
    }
    let data = Bytes::new(bytes.to_vec());
    if let Some(format) = ExchangeFormat::detect(bytes) {
        RasterImage::plain(data, format)
            .map_err(|e| ExportError::BadImage(format!("cannot decode it ({e})")))?;
        return Ok(match format {
            ExchangeFormat::Png => LogoFormat::Png,
            ExchangeFormat::Jpg => LogoFormat::Jpg,
            ExchangeFormat::Gif => LogoFormat::Gif,
            ExchangeFormat::Webp => LogoFormat::Webp,
        });
    }
    if looks_like_svg(bytes) {
        SvgImage::new(data).map_err(|_| ExportError::BadImage("cannot read it as SVG".into()))?;
        return Ok(LogoFormat::Svg);
    }
    Err(ExportError::BadImage(
        "not a PNG, JPEG, GIF, WebP or SVG file".into(),
    ))
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    String::from_utf8_lossy(head).contains("<svg")
}

mod base64_bytes {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(bytes) => s.serialize_str(&STANDARD.encode(bytes)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => STANDARD
                .decode(text.trim())
                .map(Some)
                .map_err(|e| serde::de::Error::custom(format!("`logo` is not base64: {e}"))),
            None => Ok(None),
        }
    }
}

/// The logo's alternative text: "Logo of" the organisation, or the word alone when none is named.
pub(crate) fn logo_alt(organisation: &str, lang: Language) -> String {
    let [before, after, alone] = crate::i18n::words(lang).logo_of;
    let name = rapporteur_core::text::clip(organisation.trim());
    if name.is_empty() {
        alone.to_owned()
    } else {
        format!("{before}{name}{after}")
    }
}
