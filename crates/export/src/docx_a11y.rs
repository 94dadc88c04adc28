//! What docx-rs does not write and an accessible DOCX needs, added to the built `word/document.xml`: each table's
//! first row marked as its header row (`w:tblHeader`: read as the column headers by screen readers, repeated on
//! each page), and the logo's alternative text (`descr` on its `wp:docPr`). Every table this crate writes starts
//! with its header row (the annex grids and Markdown tables alike); the logo is the only picture.

/// The document part with header rows and the logo's alternative text `logo_alt`.
pub(crate) fn accessible_document(xml: &[u8], logo_alt: &str) -> Vec<u8> {
    // docx-rs writes UTF-8: the lossy reading changes nothing.
    let xml = String::from_utf8_lossy(xml);
    describe_pictures(&mark_header_rows(&xml), logo_alt).into_bytes()
}

/// Marks the first row of every table as a header row.
fn mark_header_rows(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        let Some(row) = table.find("<w:tr>") else {
            out.push_str(table);
            return out;
        };
        let (head, row_on) = table.split_at(row + "<w:tr>".len());
        out.push_str(head);
        rest = if let Some(r) = row_on.strip_prefix("<w:trPr />") {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            r
        } else if let Some(r) = row_on.strip_prefix("<w:trPr>") {
            out.push_str("<w:trPr><w:tblHeader />");
            r
        } else {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            row_on
        };
    }
    out.push_str(rest);
    out
}

/// Gives every picture the alternative text `alt`.
fn describe_pictures(xml: &str, alt: &str) -> String {
    xml.replace(
        "<wp:docPr id=\"1\" name=\"Figure\" />",
        &format!(
            "<wp:docPr id=\"1\" name=\"Logo\" descr=\"{}\" />",
            attribute(alt)
        ),
    )
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_row_of_each_table_is_its_header() {
        let xml = "<w:tbl><w:tblPr /><w:tr><w:trPr /><w:tc /></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        assert_eq!(
            mark_header_rows(xml),
            "<w:tbl><w:tblPr /><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc /></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
             <w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr></w:tbl>"
        );
    }

    #[test]
    fn alternative_text_is_an_escaped_attribute() {
        let xml = "<wp:docPr id=\"1\" name=\"Figure\" />";
        assert_eq!(
            describe_pictures(xml, "Logo of \"A&B\" <UN>"),
            "<wp:docPr id=\"1\" name=\"Logo\" descr=\"Logo of &quot;A&amp;B&quot; &lt;UN&gt;\" />"
        );
    }
}
