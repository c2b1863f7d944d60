//! Arbitrary text as a rule file and as a fact sheet, through the loader:
//! it must load or return errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

use factlint::RuleSet;
use factlint::fact::Facts;

#[path = "common.rs"]
mod common;

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
    // As a rule file, as a data file and as a gazetteer file; with the
    // default data files and rules for one option value in eight (three
    // bits set), so that a rule may name their lists. Loading the defaults
    // is a whole start-up (a few milliseconds against tens of microseconds
    // for the input alone): with them on every other input, as before, the
    // target ran 200-440 inputs a second; this way it reaches the loader
    // of the input several times as often, and still tests the merge.
    let rel = match options & 3 {
        0 => "fuzz/rule.toml",
        1 => "data/fuzz.toml",
        2 => "gazetteer/fuzz.toml",
        _ => "facts/fuzz.toml",
    };
    if let Ok(set) = RuleSet::load_texts(&[(rel, text)], options & 0b1_1100 == 0b1_1100) {
        // A rule that loads must be able to run over its own text.
        let linter = factlint::lint::Linter::new(set, None);
        let _ = linter.check_text("a.txt", text, factlint::source::Format::Text);
    }
});
