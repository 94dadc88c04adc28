use proptest::prelude::*;
use rapporteur_app::{parse_record, strategies, to_json};

use crate::support::{Cli, without_ids};

proptest! {
    // Each case runs the real binary twice; a handful of cases covers the path, the core tests cover the space.
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn generated_records_survive_import_then_show(record in strategies::record()) {
        let cli = Cli::new();
        let file = cli.dir.path().join("generated.json");
        std::fs::write(&file, to_json(&record)).unwrap();
        let id = cli.import(&file);
        let shown = cli.ok(&["show", &id, "--json"]);
        let back = parse_record("show output", shown.as_bytes()).unwrap();
        prop_assert_eq!(without_ids(&back), without_ids(&record));
    }
}
