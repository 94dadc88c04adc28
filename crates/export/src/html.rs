//! One self-contained HTML file: inline styles, the logo as a `data:` URL, a CSP that forbids scripts and
//! every remote load. Body HTML comes from the sanitised events, so user HTML shows as text.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rapporteur_core::Language;

use crate::i18n;
use crate::letterhead::logo_format;
use crate::md_read;
use crate::view::{Annex, Notes, View};

pub(crate) fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "body{font-family:'Libertinus Serif','Noto Naskh Arabic','Noto Sans CJK SC',serif;\
max-width:46em;margin:2em auto;padding:0 1.5em;line-height:1.45;color:#111}\
header.letterhead{display:flex;align-items:center;gap:1em;border-bottom:1px solid #333;padding-bottom:.5em;margin-bottom:2em}\
header.letterhead img{height:3.5em}header.letterhead .org{flex:1}header.letterhead .org b{font-size:1.15em}\
header.letterhead .symbol{font-weight:bold;align-self:flex-start}\
.titleblock{text-align:center;margin-bottom:2em}.titleblock h1{font-size:1.4em;margin:0 0 .3em}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #888;padding:.25em .5em;vertical-align:top}\
blockquote{margin-inline:1.5em;color:#333}section.annex,section.notes{break-before:page}a{color:#1a4f8b}\
@page{size:A4;margin:2.2cm 2.3cm}";

pub(crate) fn html(view: &View<'_>) -> String {
    let lang = view.lang;
    let dir = if lang == Language::Ar { "rtl" } else { "ltr" };
    let mut h = String::with_capacity(view.body.len() * 2 + 4096);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n\
<meta name=\"generator\" content=\"Rapporteur\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        code = lang.code(),
        title = escape(&view.title),
    );
    letterhead(&mut h, view);
    let _ = writeln!(
        h,
        "<div class=\"titleblock\"><h1>{}</h1><div class=\"date\">{}</div>{}</div>",
        escape(&view.title),
        escape(&view.date),
        view.byline
            .as_ref()
            .map(|b| format!("<div class=\"byline\"><em>{}</em></div>", escape(b)))
            .unwrap_or_default()
    );
    h.push_str("<main>\n");
    pulldown_cmark::html::push_html(&mut h, md_read::events(&view.body).into_iter());
    h.push_str("</main>\n");
    if let Some(annex) = &view.annex {
        annex_html(&mut h, annex, lang);
    }
    if let Some(notes) = &view.notes {
        notes_html(&mut h, notes, lang);
    }
    h.push_str("</body>\n</html>\n");
    h
}

fn letterhead(h: &mut String, view: &View<'_>) {
    let lh = view.letterhead;
    // A logo that does not decode is left out here; the PDF path reports it as an error.
    let logo = lh
        .logo
        .as_ref()
        .and_then(|b| logo_format(b).ok().map(|f| (f, b)));
    if lh.organisation.trim().is_empty() && logo.is_none() && view.symbol.is_none() {
        return;
    }
    h.push_str("<header class=\"letterhead\">");
    if let Some((format, bytes)) = logo {
        let _ = write!(
            h,
            "<img alt=\"\" src=\"data:{};base64,{}\">",
            format.mime(),
            STANDARD.encode(bytes)
        );
    }
    let _ = write!(h, "<div class=\"org\"><b>{}</b>", escape(&lh.organisation));
    if let Some(unit) = lh.unit.as_deref().filter(|u| !u.trim().is_empty()) {
        let _ = write!(h, "<br><small>{}</small>", escape(unit));
    }
    h.push_str("</div>");
    if let Some(symbol) = view.symbol {
        let _ = write!(h, "<div class=\"symbol\">{}</div>", escape(symbol));
    }
    h.push_str("</header>\n");
}

fn annex_html(h: &mut String, annex: &Annex, lang: Language) {
    let _ = writeln!(
        h,
        "<section class=\"annex\">\n<h2>{}</h2>",
        escape(i18n::words(lang).annex)
    );
    for grid in annex.grids(lang) {
        let _ = write!(h, "<h3>{}</h3>\n<table>\n<thead><tr>", escape(grid.title));
        for c in &grid.header {
            let _ = write!(h, "<th>{}</th>", escape(c));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &grid.rows {
            h.push_str("<tr>");
            for c in row {
                let _ = write!(h, "<td>{}</td>", escape(c));
            }
            h.push_str("</tr>\n");
        }
        if let Some(total) = &grid.total {
            h.push_str("<tr>");
            for c in total {
                let _ = write!(h, "<th>{}</th>", escape(c));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");
}

fn notes_html(h: &mut String, notes: &Notes, lang: Language) {
    let _ = writeln!(
        h,
        "<section class=\"notes\">\n<h2>{}</h2>",
        escape(i18n::words(lang).my_notes)
    );
    for p in &notes.meeting {
        let _ = writeln!(h, "<p>{}</p>", escape(p));
    }
    for note in &notes.interventions {
        let _ = writeln!(h, "<h3>{}</h3>", escape(&note.speaker));
        for p in &note.paragraphs {
            let _ = writeln!(h, "<p>{}</p>", escape(p));
        }
    }
    h.push_str("</section>\n");
}
