use rapporteur_app::Edit;
use rapporteur_core::{
    ActionItem, ActionKind, ActionStatus, Category, DelegationCode, DocumentKind, Party,
    parse_record,
};

use crate::support::{EXAMPLE, app, example};

#[tokio::test]
async fn import_then_record_keeps_the_meaning() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let original = parse_record("example", &std::fs::read(EXAMPLE).unwrap()).unwrap();
    let mut back = app.record(&id).await.unwrap();
    assert!(back.interventions.0.iter().all(|i| i.id.is_some()));
    back.interventions.0.iter_mut().for_each(|i| i.id = None);
    back.action_items.iter_mut().for_each(|a| a.id = None);
    back.documents.iter_mut().for_each(|d| d.id = None);
    assert_eq!(back, original);
}

#[tokio::test]
async fn edits_go_through_the_one_write_path_and_show_everywhere() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let r = app
        .edit(
            &id,
            Edit::AddDelegation {
                party: Party::state(DelegationCode::parse("CIV").unwrap()),
                present: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(r.attendance.delegations.len(), 1);
    app.edit(
        &id,
        Edit::AddAction {
            item: ActionItem {
                id: None,
                kind: ActionKind::Commitment,
                from: "Côte d'Ivoire".into(),
                to: "Network".into(),
                text: "Host the regional review in Abidjan".into(),
                due: Some(chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()),
                status: ActionStatus::Open,
            },
        },
    )
    .await
    .unwrap();
    let hits = app.search("abidjan").await.unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(app.actions(true).await.unwrap().len(), 8);
    let r = app
        .edit(
            &id,
            Edit::AddDelegation {
                party: Party::named("UNHCR", Category::UnSystem),
                present: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(r.attendance.delegations.len(), 2);
    app.doc_set(&id, DocumentKind::Summary, 0, "Hand-written.\n")
        .await
        .unwrap();
    assert_eq!(
        app.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        "Hand-written.\n"
    );
}

#[tokio::test]
async fn the_registry_list_holds_every_state_once_in_the_languages_un_order() {
    let (_dir, app) = app().await;
    let fr = app.registry_list(rapporteur_app::Language::Fr);
    assert_eq!(fr.len(), 195);
    assert_eq!(fr.iter().filter(|s| !s.member).count(), 2);
    let codes: std::collections::BTreeSet<_> = fr.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes.len(), 195);
    // French UN order: "Afrique du Sud" comes before "Albanie", which English would put the other way round.
    let pos = |code: &str| fr.iter().position(|s| s.code == code).unwrap();
    assert!(pos("ZAF") < pos("ALB"));
    assert_eq!(fr[pos("CIV")].name, "Côte d'Ivoire");
    let en = app.registry_list(rapporteur_app::Language::En);
    assert!(en.iter().position(|s| s.code == "ALB") < en.iter().position(|s| s.code == "ZAF"));
    // Every search hit is an entry of the list.
    for hit in app.registry_search("ivoire", rapporteur_app::Language::Fr, 5) {
        assert!(fr.contains(&hit));
    }
}
