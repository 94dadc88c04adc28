use rapporteur_app::{Edit, FreeName};
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
                adoption: None,
                agenda_item: None,
                due_month: None,
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

#[tokio::test]
async fn free_names_lists_each_free_entry_once_with_its_most_used_category() {
    let (_dir, app) = app().await;
    assert_eq!(app.free_names().await.unwrap(), vec![]);
    // The example's speakers: States (one with a display name) and one mandate holder typed as a free entry.
    let example_id = example(&app).await;
    let names = |list: Vec<FreeName>| -> Vec<(String, Category)> {
        list.into_iter().map(|f| (f.name, f.category)).collect()
    };
    let rapporteur = (
        "Special Rapporteur on the human rights of migrants".to_owned(),
        Category::SpecialProcedure,
    );
    assert_eq!(
        names(app.free_names().await.unwrap()),
        vec![rapporteur.clone()]
    );

    // Another meeting: IOM once as "other" in attendance, then twice as a UN entity among the speakers;
    // UNHCR once; a State is never a free name.
    let other = app
        .create_meeting(app.record(&example_id).await.unwrap().meeting)
        .await
        .unwrap();
    let add = |edit: Edit| {
        let app = app.clone();
        let other = other.clone();
        async move { app.edit(&other, edit).await.unwrap() }
    };
    add(Edit::AddDelegation {
        party: Party::named("IOM", Category::Other),
        present: true,
    })
    .await;
    for party in [
        Party::named("IOM", Category::UnSystem),
        Party::named("IOM", Category::UnSystem),
        Party::named("UNHCR", Category::UnSystem),
        Party::state(DelegationCode::parse("GHA").unwrap()),
    ] {
        add(Edit::AddIntervention {
            speaker: party,
            at: None,
        })
        .await;
    }
    assert_eq!(
        names(app.free_names().await.unwrap()),
        vec![
            ("IOM".to_owned(), Category::UnSystem),
            rapporteur.clone(),
            ("UNHCR".to_owned(), Category::UnSystem),
        ]
    );

    // A deleted meeting's names are no longer offered.
    app.delete_meeting(&other).await.unwrap();
    assert_eq!(names(app.free_names().await.unwrap()), vec![rapporteur]);
}
