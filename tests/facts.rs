//! Fact sheets (`rules/facts/*.toml`, `--facts FILE`) and the `fact/amount`
//! rule.

mod common;
use common::{factlint, stderr};

use std::path::Path;

use factlint::source::Format;
use factlint::{FileReport, Lang, Linter, RuleSet};
use serde_json::Value;
use tempfile::TempDir;

/// The `fact` findings on `text`, as (flagged text, message).
fn fact_findings(text: &str, lang: Lang) -> Vec<(String, String)> {
    let linter = Linter::new(RuleSet::embedded().unwrap(), Some(lang));
    let FileReport::Checked {
        findings, source, ..
    } = linter.check_text("article.txt", text, Format::Text)
    else {
        panic!("the text is checked");
    };
    findings
        .iter()
        .filter(|f| f.rule().starts_with("fact/"))
        .map(|f| (f.text(&source.text).to_owned(), f.message.to_string()))
        .collect()
}

#[test]
fn the_default_fact_sheet_loads() {
    let set = RuleSet::embedded().unwrap();
    let facts = &set.data().facts.list;
    for id in [
        "musk-openai-offer",
        "openai-softbank-valuation",
        "stargate-investment",
        "musk-twitter-acquisition",
    ] {
        let fact = facts
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no fact `{id}`"));
        assert_eq!(fact.currency, "USD");
        assert!(fact.origin.starts_with("rules/facts/"), "{}", fact.origin);
        assert!(fact.line > 1);
        assert!(!fact.source.is_empty());
    }
    let offer = facts.iter().find(|f| f.id == "musk-openai-offer").unwrap();
    assert_eq!(offer.value.to_string(), "97400000000");
    assert!(set.get("fact/amount").is_some());
}

#[test]
fn a_contradiction_cites_the_source_and_line() {
    let found = fact_findings(
        "Elon Musk paid $4.4 billion for Twitter in October 2022.",
        Lang::En,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "$4.4 billion");
    assert!(found[0].1.contains("44 × 10⁹ USD"), "{}", found[0].1);
    assert!(
        found[0].1.contains("rules/facts/openai-musk-2025.toml:"),
        "{}",
        found[0].1
    );
}

#[test]
fn consistent_and_unrelated_figures_are_not_reported() {
    for (text, lang) in [
        // Hedged, within the tolerance of the 97.4 billion offer.
        (
            "Elon Musk offered about $100 billion for control of OpenAI.",
            Lang::En,
        ),
        (
            "يريد Elon Musk استئناف OpenAI ويقدم ما يقرب من 100 مليار دولار لإعادة المنظمة إلى مسار أكثر انفتاحًا.",
            Lang::Ar,
        ),
        (
            "Elon Musk a proposé près de 100 milliards de dollars pour reprendre OpenAI.",
            Lang::Fr,
        ),
        // Rounded to the written precision.
        ("Elon Musk offered $97 billion for OpenAI.", Lang::En),
        // Another subject with the same currency.
        (
            "Elon Musk bought Twitter in 2022, and its revenue was $3.4 billion last year.",
            Lang::En,
        ),
        (
            "SoftBank and OpenAI expect Stargate to spend $100 billion this year.",
            Lang::En,
        ),
        // Another fact's figure in the same sentence.
        (
            "Musk, who paid $44 billion for Twitter, offered $97.4 billion for OpenAI.",
            Lang::En,
        ),
        // No entity of any fact.
        ("The city offered $9.74 billion for the port.", Lang::En),
    ] {
        assert_eq!(fact_findings(text, lang), Vec::new(), "{text}");
    }
}

#[test]
fn the_seed_figures_of_the_offer_valuation_and_stargate_are_consistent() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_1da055f338dfc321.txt"),
    );
    let Ok(text) = text else {
        return; // the seed is not in every checkout
    };
    for (flagged, _) in fact_findings(&text, Lang::Ar) {
        assert!(
            !flagged.contains("100") && !flagged.contains("300") && !flagged.contains("500"),
            "{flagged}"
        );
    }
}

const SHEET: &str = r#"
[[fact]]
id = "lyon-budget-2025"
description = "the 2025 budget of the city of Lyon"
value = "1.2e9"
currency = "EUR"
date = "2024-12"
tolerance = "5%"
source = "Lyon city council, vote on the 2025 budget"

[fact.words]
en = ["Lyon"]
fr = ["Lyon"]

[fact.cues]
all = ["budget"]
"#;

#[test]
fn facts_file_adds_a_fact_sheet() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("lyon.toml"), SHEET).unwrap();
    std::fs::write(
        dir.path().join("article.txt"),
        "The city of Lyon adopted a budget of €12 billion for 2025.\n",
    )
    .unwrap();
    let run = |facts: bool| {
        let mut cmd = factlint(dir.path());
        cmd.args([
            "check",
            "--select",
            "fact",
            "--format",
            "json",
            "--lang",
            "en",
            "--fail-on",
            "never",
        ]);
        if facts {
            cmd.args(["--facts", "lyon.toml"]);
        }
        let out = cmd.arg("article.txt").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["files"][0]["findings"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    assert!(run(false).is_empty());
    let findings = run(true);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(message.contains("1.2 × 10⁹ EUR"), "{message}");
    assert!(message.contains("lyon.toml:3"), "{message}");
    assert_eq!(findings[0]["rule"], "fact/amount");
}

#[test]
fn a_broken_fact_sheet_is_an_error_with_its_place_and_key() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("article.txt"), "Nothing here.\n").unwrap();
    for (name, sheet, at, key) in [
        (
            "unknown.toml",
            SHEET.replace("tolerance = ", "tolerence = "),
            "unknown.toml:8:1",
            "tolerence",
        ),
        (
            "currency.toml",
            SHEET.replace("\"EUR\"", "\"euros\""),
            "currency.toml:6:12",
            "currency",
        ),
        (
            "value.toml",
            SHEET.replace("\"1.2e9\"", "\"1.2 billion\""),
            "value.toml:5:9",
            "value",
        ),
    ] {
        std::fs::write(dir.path().join(name), sheet).unwrap();
        let out = factlint(dir.path())
            .args(["check", "--facts", name, "article.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(at), "{err}");
        assert!(err.contains(&format!("(key `{key}`)")), "{err}");
    }
    let out = factlint(dir.path())
        .args(["check", "--facts", "missing.toml", "article.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn fact_sheets_given_as_texts_are_added_all_or_none_and_can_be_taken_back() {
    let lyon = "The city of Lyon adopted a budget of €12 billion for 2025.";
    let findings = |set: RuleSet| {
        let linter = Linter::new(set, Some(Lang::En));
        let FileReport::Checked { findings, .. } =
            linter.check_text("article.txt", lyon, Format::Text)
        else {
            panic!("the text is checked");
        };
        findings
            .iter()
            .filter(|f| f.rule().starts_with("fact/"))
            .map(|f| f.message.to_string())
            .collect::<Vec<_>>()
    };
    let mut set = RuleSet::embedded().unwrap();
    let defaults = std::sync::Arc::clone(&set.data().facts);
    let broken = SHEET.replace("\"EUR\"", "\"euros\"");
    // One broken sheet among good ones: an error for it alone, and no sheet
    // added.
    let errors = set
        .add_fact_texts(&[("house/lyon.toml", SHEET), ("house/broken.toml", &broken)])
        .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(message.contains("house/broken.toml:6:12"), "{message}");
    assert!(message.contains("currency"), "{message}");
    assert_eq!(set.data().facts.list.len(), defaults.list.len());
    // Good sheets are added, reported under the path given.
    set.add_fact_texts(&[("house/lyon.toml", SHEET)]).unwrap();
    assert_eq!(set.data().facts.list.len(), defaults.list.len() + 1);
    let mut again = RuleSet::embedded().unwrap();
    again.add_fact_texts(&[("house/lyon.toml", SHEET)]).unwrap();
    let found = findings(again);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("house/lyon.toml:3"), "{}", found[0]);
    // And taken back.
    set.set_facts(defaults);
    assert!(findings(set).is_empty());
}
