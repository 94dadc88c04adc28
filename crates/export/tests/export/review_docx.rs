//! The DOCX for review and the way back: what `review_docx` writes reads back (through `read_reviewed_docx`)
//! as the same changes and comments on the same characters, and text changed with tracking off comes back as
//! changes by "untracked change".

use rapporteur_export::{
    ReviewChange, ReviewNote, UNTRACKED_AUTHOR, read_reviewed_docx, review_docx, reviewed_changes,
};

const TEXT: &str = "# Summary\n\nThe Chair opened the meeting.\n\nÉtats took the floor.\n";

fn chars(part: &str) -> (usize, usize) {
    let byte = TEXT.find(part).unwrap();
    let start = TEXT[..byte].chars().count();
    (start, start + part.chars().count())
}

#[test]
fn tracked_changes_and_comments_come_back_on_the_same_characters() {
    let (ds, de) = chars("opened");
    let (is, _) = chars("floor");
    let (cs, ce) = chars("États took");
    let changes = vec![
        ReviewChange {
            start: ds,
            end: de,
            insert: "declared open".into(),
            author: "Ana".into(),
            date: Some("2026-12-06T10:00:00Z".into()),
        },
        ReviewChange {
            start: is,
            end: is,
            insert: "open ".into(),
            author: "Ben".into(),
            date: Some("2026-12-06T10:01:00Z".into()),
        },
    ];
    let notes = vec![ReviewNote {
        start: cs,
        end: ce,
        text: "Which States?".into(),
        author: "Chloé".into(),
        date: Some("2026-12-06T10:02:00Z".into()),
    }];
    let bytes = review_docx(TEXT, &changes, &notes).unwrap();
    let reviewed = read_reviewed_docx(&bytes, "review.docx").unwrap();
    let before: Vec<String> = reviewed.paragraphs.iter().map(|p| p.original()).collect();
    assert_eq!(before.join("\n"), TEXT);
    let (back, back_notes) = reviewed_changes(&reviewed, TEXT);
    assert_eq!(back, changes);
    assert_eq!(back_notes, notes);
}

#[test]
fn untracked_differences_become_changes_against_the_current_text() {
    let bytes = review_docx(TEXT, &[], &[]).unwrap();
    let reviewed = read_reviewed_docx(&bytes, "review.docx").unwrap();
    // The text here moved on since the export: the reviewed copy lacks "Then ", which reads as a change to
    // offer back (the rapporteur rejects it), and every position still maps onto the current text.
    let current = TEXT.replace("The Chair", "Then the Chair");
    let (changes, notes) = reviewed_changes(&reviewed, &current);
    assert!(notes.is_empty());
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| c.author == UNTRACKED_AUTHOR));
    let mut applied: Vec<char> = current.chars().collect();
    for c in changes.iter().rev() {
        applied.splice(c.start..c.end, c.insert.chars());
    }
    assert_eq!(applied.into_iter().collect::<String>(), TEXT);
}
