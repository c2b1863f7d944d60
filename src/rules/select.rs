//! `--select` and `--ignore`: rule ids, id prefixes (whole path segments)
//! and categories.

use super::Category;

/// Which rules are selected.
#[derive(Debug, Clone, Default)]
pub struct Selector {
    select: Vec<String>,
    ignore: Vec<String>,
}

/// Whether `pattern` (a rule id, an id prefix of whole path segments, a
/// category, or `all`) takes in rule `id` of `category`.
pub(crate) fn matches(pattern: &str, id: &str, category: Category) -> bool {
    let pattern = pattern.trim_end_matches('/');
    pattern == "all"
        || pattern == category.as_str()
        || id == pattern
        || id
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Selector {
    /// `select` empty means every rule.
    pub fn new(select: Vec<String>, ignore: Vec<String>) -> Selector {
        Selector { select, ignore }
    }

    pub fn selects(&self, id: &str, category: Category) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| matches(p, id, category)))
            && !self.ignore.iter().any(|p| matches(p, id, category))
    }

    /// Patterns that match none of `rules`: most likely typos.
    pub fn unknown<'a>(&'a self, rules: &[(&str, Category)]) -> Vec<&'a str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|p| !rules.iter().any(|(id, c)| matches(p, id, *c)))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_by_id_prefix_and_category() {
        let s = Selector::new(
            vec!["typography/spacing".into(), "language".into()],
            vec!["language/x".into()],
        );
        assert!(s.selects("typography/spacing/before", Category::Typography));
        assert!(s.selects("typography/spacing", Category::Typography));
        assert!(!s.selects("typography/spacings", Category::Typography));
        assert!(s.selects("language/untranslated", Category::Language));
        assert!(!s.selects("language/x", Category::Language));
        assert!(!s.selects("typography/quotes", Category::Typography));
    }
}
