//! Snapshot tests of the seed articles in `seeds/`: the human and the JSON
//! report of each, and the generated rule reference. Snapshots live in the
//! top-level `snapshots/` folder; review changes with `cargo insta review`.

use std::path::Path;

use factlint::lint::{FileReport, Linter};
use factlint::render;
use factlint::rules::RuleSet;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// The seed articles' publication date (seeds/EXPECTED.md: 11 February
/// 2025, the day after the Musk-led bid).
const PUBLISHED: &str = "2025-02-11";

fn check(path: &Path) -> Vec<FileReport> {
    let mut linter = Linter::new(RuleSet::embedded().expect("default rules load"), None);
    linter.published = Some(PUBLISHED.parse().expect("a date"));
    vec![linter.check_path(path)]
}

#[test]
fn seed_reports() {
    let mut seeds: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seed articles in seeds/");
    for seed in seeds {
        let name = seed.file_stem().unwrap().to_string_lossy().into_owned();
        let reports = check(&seed);
        settings().bind(|| {
            insta::assert_snapshot!(
                format!("seed_{name}_human"),
                render::human::render(&reports, false)
            );
            insta::assert_snapshot!(
                format!("seed_{name}_timeline"),
                render::human::render_timeline(&reports)
            );
            insta::assert_snapshot!(format!("seed_{name}_json"), render::json::render(&reports));
        });
    }
}

#[test]
fn rule_reference() {
    let set = RuleSet::embedded().expect("default rules load");
    let mut doc = factlint::rules::docs::list(&set);
    for rule in set.rules() {
        doc.push('\n');
        doc.push_str(&factlint::rules::docs::explain(rule));
    }
    settings().bind(|| insta::assert_snapshot!("rule_reference", doc));
}
