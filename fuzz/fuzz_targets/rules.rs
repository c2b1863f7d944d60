//! Arbitrary text as a rule file and as a fact sheet, through the loader:
//! it must load or return errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

use std::cell::RefCell;

use factlint::RuleSet;
use factlint::fact::Facts;
use factlint::lint::Linter;

#[path = "common.rs"]
mod common;

/// The project's data files that rules name lists of (not the lexicons).
const DATA: [(&str, &str); 9] = [
    ("data/ar.toml", include_str!("../../rules/data/ar.toml")),
    ("data/en.toml", include_str!("../../rules/data/en.toml")),
    ("data/fr.toml", include_str!("../../rules/data/fr.toml")),
    ("data/amount-ar.toml", include_str!("../../rules/data/amount-ar.toml")),
    ("data/amount-en.toml", include_str!("../../rules/data/amount-en.toml")),
    ("data/amount-fr.toml", include_str!("../../rules/data/amount-fr.toml")),
    ("data/date-ar.toml", include_str!("../../rules/data/date-ar.toml")),
    ("data/date-en.toml", include_str!("../../rules/data/date-en.toml")),
    ("data/date-fr.toml", include_str!("../../rules/data/date-fr.toml")),
];

thread_local! {
    /// The default rule set, for the inputs that run every default rule.
    static DEFAULTS: RefCell<Linter> =
        RefCell::new(Linter::new(RuleSet::embedded().expect("the embedded rules load"), None));
}

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // As a fact sheet, against the default gazetteer.
    let mut facts = Facts::default();
    let _ = facts.add_file("facts/fuzz.toml", text, &common::rules().data().gazetteer);
    // With every default rule, data file and gazetteer entry when the option
    // byte is 0xFF: the input as one more fact sheet (what `--facts` does),
    // added to a default rule set loaded once per process and taken off
    // again. Until the twelfth session the defaults were loaded again for
    // each such input, a whole start-up (the lexicons are a megabyte): a
    // third of the corpus had that byte, and the target ran 200-400 inputs
    // a second.
    if options == 0xFF {
        DEFAULTS.with(|cell| {
            let mut linter = cell.borrow_mut();
            let before = std::sync::Arc::clone(&linter.rules.data().facts);
            if linter.rules.add_fact_texts(&[("facts/fuzz.toml", text)]).is_ok() {
                let report = linter.check_text("a.txt", text, factlint::source::Format::Text);
                linter.rules.set_facts(before);
                common::assert_no_internal_error(&report);
            }
        });
        return;
    }
    // As a rule file, as a data file and as a gazetteer file. With the
    // project's data files (word lists, `data/*.toml`) when three bits of
    // the option byte are set, so that a rule may name their lists.
    let rel = match options & 3 {
        0 => "fuzz/rule.toml",
        1 => "data/fuzz.toml",
        2 => "gazetteer/fuzz.toml",
        _ => "facts/fuzz.toml",
    };
    let mut files: Vec<(&str, &str)> = Vec::new();
    if options & 0b1_1100 == 0b1_1100 {
        files.extend_from_slice(&DATA);
    }
    files.push((rel, text));
    if let Ok(set) = RuleSet::load_texts(&files, false) {
        // A rule that loads must be able to run over its own text.
        let linter = factlint::lint::Linter::new(set, None);
        let report = linter.check_text("a.txt", text, factlint::source::Format::Text);
        common::assert_no_internal_error(&report);
    }
});
