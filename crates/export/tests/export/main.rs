//! Integration tests of `rapporteur-export`, in one binary. Tests that need poppler-utils, qpdf or LibreOffice
//! fail (never skip) when the program is missing: CI installs them (see `support::tool`).

mod bidi;
mod data;
mod docx;
mod docx_access;
mod glyphs;
mod hostile;
mod hostile_chars;
mod limits;
mod masthead;
mod notes;
mod pdf;
mod review;
mod review_docx;
mod roll;
mod scripts;
mod support;
mod tagged;
