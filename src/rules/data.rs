//! Shared language data: named word lists in `rules/data/<file>.toml`.
//!
//! A data file holds lists of strings; the list `x` of `rules/data/fr.toml`
//! is named `fr.x`. Rule parameters that take words accept such names with
//! an `@` (`words = ["@fr.function-words", "extra"]`), so the language facts
//! live in one place. A rule pack's `data/` files add lists and replace
//! lists of the same name.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::error::RuleFileError;

/// All named word lists.
#[derive(Debug, Default, Clone)]
pub struct Data {
    lists: BTreeMap<String, Vec<String>>,
    sets: BTreeMap<String, HashSet<String>>,
}

static EMPTY: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(HashSet::new);

impl Data {
    /// Adds the lists of one data file; `stem` is its name (`fr` for
    /// `data/fr.toml`).
    pub fn add_file(&mut self, path: &str, stem: &str, text: &str) -> Result<(), RuleFileError> {
        let lists: BTreeMap<String, DataValue> =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        for (name, DataValue(words)) in lists {
            let key = format!("{stem}.{name}");
            self.sets.insert(
                key.clone(),
                words.iter().map(|w| w.to_lowercase()).collect(),
            );
            self.lists.insert(key, words);
        }
        Ok(())
    }

    /// The list called `name`, if there is one.
    pub fn list(&self, name: &str) -> Option<&[String]> {
        self.lists.get(name).map(Vec::as_slice)
    }

    /// The list called `name`, lower-cased, as a set (empty when missing).
    pub fn set(&self, name: &str) -> &HashSet<String> {
        self.sets.get(name).unwrap_or(&EMPTY)
    }

    /// Names of all lists, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.lists.keys().map(String::as_str)
    }

    /// Expands `@name` references in `items` into the lists they name.
    pub fn expand(&self, items: &[String]) -> Result<Vec<String>, String> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(name) = item.strip_prefix('@') {
                let list = self.list(name).ok_or_else(|| {
                    format!("no data list named `{name}` (rules/data/<file>.toml)")
                })?;
                out.extend(list.iter().cloned());
            } else {
                out.push(item.clone());
            }
        }
        Ok(out)
    }
}

/// A list of strings (data files hold nothing else).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct DataValue(Vec<String>);
