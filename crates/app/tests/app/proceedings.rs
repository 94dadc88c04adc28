//! Format @2 through the facade: the CD plenary imports, reads back, drafts with its agenda and groups, and
//! the window's group picker finds groups by the forms people type.

use rapporteur_app::{Language, Replace};
use rapporteur_core::parse_record;

use crate::support::app;

const PLENARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/cd-plenary-2020-02-25.json"
);

#[tokio::test]
async fn the_plenary_imports_reads_back_and_drafts() {
    let (dir, app) = app().await;
    let id = app
        .import_file(std::path::Path::new(PLENARY))
        .await
        .unwrap();
    let mut original = parse_record("plenary", &std::fs::read(PLENARY).unwrap()).unwrap();
    let mut back = app.record(&id).await.unwrap();
    // The id an answer refers to is kept; the store gives the others theirs.
    assert_eq!(back.interventions.0[1].id.as_deref(), Some("aut-eu"));
    for r in [&mut back, &mut original] {
        r.interventions.0.iter_mut().for_each(|i| i.id = None);
        r.action_items.iter_mut().for_each(|a| a.id = None);
        r.attendance
            .delegations
            .iter_mut()
            .for_each(|d| d.id = None);
    }
    assert_eq!(back, original);
    let out = dir.path().join("plenary.json");
    app.export_record_json(&id, &out, Replace::Never)
        .await
        .unwrap();
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.contains("rapporteur/meeting-record@2"));
    assert_eq!(
        parse_record("again", json.as_bytes()).unwrap(),
        app.record(&id).await.unwrap()
    );
    let draft = app.draft(&id, Some(Language::Fr)).await.unwrap();
    assert!(
        draft.contains("Équateur (au nom du Groupe des 77 et de la Chine)"),
        "{draft}"
    );
    assert!(draft.contains("## Point 1 de l'ordre du jour"), "{draft}");
}

#[tokio::test]
async fn the_group_picker_finds_groups_like_states() {
    let (_dir, app) = app().await;
    let hits = app.group_search("G77", Language::En, 5);
    assert_eq!(hits[0].code, "g77-china");
    assert_eq!(hits[0].name, "Group of 77 and China");
    let hits = app.group_search("UE", Language::Fr, 5);
    assert_eq!(hits[0].name, "Union européenne");
    let all = app.group_list(Language::Es);
    assert_eq!(all.len(), 16);
    assert_eq!(all.iter().filter(|g| g.regional).count(), 5);
}
