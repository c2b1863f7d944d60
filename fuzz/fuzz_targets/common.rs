//! Shared by the fuzz targets: the embedded rule set, loaded once, and the
//! options a target reads from the input's first byte.

use std::sync::OnceLock;

use factlint::lint::Linter;
use factlint::{Lang, RuleSet};

#[allow(dead_code)]
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("the embedded rules load"))
}

/// The embedded rule set with only the `translation` rules, loaded once.
#[allow(dead_code)]
pub fn translation_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = RuleSet::embedded().expect("the embedded rules load");
        rules.retain(&factlint::rules::Selector::new(
            vec!["translation".to_owned()],
            vec![],
        ));
        rules
    })
}

/// One linter per language option (none, ar, fr, en) and publication date
/// option (none, 2025-02-11), built once.
#[allow(dead_code)]
pub fn linter(options: u8) -> &'static Linter {
    static LINTERS: OnceLock<Vec<Linter>> = OnceLock::new();
    let all = LINTERS.get_or_init(|| {
        (0..8u8)
            .map(|i| {
                let mut l = Linter::new(
                    RuleSet::embedded().expect("the embedded rules load"),
                    lang(i),
                );
                l.published = published(i >> 2);
                l
            })
            .collect()
    });
    &all[usize::from(options & 7)]
}

#[allow(dead_code)]
/// A language or none (detect), from two bits.
pub fn lang(bits: u8) -> Option<Lang> {
    match bits & 3 {
        0 => None,
        1 => Some(Lang::Ar),
        2 => Some(Lang::Fr),
        _ => Some(Lang::En),
    }
}

#[allow(dead_code)]
/// A publication date or none.
pub fn published(bit: u8) -> Option<chrono::NaiveDate> {
    (bit & 1 == 1).then(|| chrono::NaiveDate::from_ymd_opt(2025, 2, 11).unwrap())
}

#[allow(dead_code)]
/// Panics unless `start..end` is a range of `text` on char boundaries.
pub fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

/// A panic of a check is caught by the linter and reported as an error of
/// the file (`InputError::Internal`): here it is a crash again.
#[allow(dead_code)]
pub fn assert_no_internal_error(report: &factlint::lint::FileReport) {
    if let factlint::lint::FileReport::Error(e @ factlint::error::InputError::Internal { .. }) =
        report
    {
        panic!("{e}");
    }
}
