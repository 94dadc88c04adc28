use rapporteur_app::App;

pub const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/network-briefing-2019-12-12.json"
);

pub async fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("data")).await.unwrap();
    (dir, app)
}

pub async fn example(app: &App) -> String {
    app.import_file(std::path::Path::new(EXAMPLE))
        .await
        .unwrap()
}
