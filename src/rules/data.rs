//! Shared language data: named word lists in `rules/data/<file>.toml`.
//!
//! A data file holds lists of strings; the list `x` of `rules/data/fr.toml`
//! is named `fr.x`. Rule parameters that take words accept such names with
//! an `@` (`words = ["@fr.function-words", "extra"]`), so the language facts
//! live in one place. A rule pack's `data/` files add lists and replace
//! lists of the same name. A plain `data/<name>.txt` file is one list,
//! `<name>`, with one entry per line (the word frequency lists
//! `lexicon-<lang>` that tell ordinary words from names).

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use crate::error::RuleFileError;

/// All named word lists.
#[derive(Debug, Default, Clone)]
pub struct Data {
    lists: BTreeMap<String, Vec<String>>,
    sets: BTreeMap<String, HashSet<String>>,
    /// Plain word lists (`data/<name>.txt`), parsed on first use: the
    /// frequency lexicons are large and most runs need few of them.
    texts: BTreeMap<String, LazyList>,
    /// Known entities, from `rules/gazetteer/*.toml`.
    pub gazetteer: std::sync::Arc<crate::entity::Gazetteer>,
    /// Known figures, from `rules/facts/*.toml` and `--facts FILE`.
    pub facts: std::sync::Arc<crate::fact::Facts>,
}

static EMPTY: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(HashSet::default);

#[derive(Debug, Default, Clone)]
struct LazyList {
    text: String,
    words: std::sync::OnceLock<Vec<String>>,
    set: std::sync::OnceLock<HashSet<String>>,
}

impl LazyList {
    fn words(&self) -> &[String] {
        self.words.get_or_init(|| {
            self.text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        })
    }

    fn set(&self) -> &HashSet<String> {
        self.set
            .get_or_init(|| self.words().iter().map(|w| w.to_lowercase()).collect())
    }
}

impl Data {
    /// Adds the lists of one data file; `stem` is its name (`fr` for
    /// `data/fr.toml`).
    pub fn add_file(&mut self, path: &str, stem: &str, text: &str) -> Result<(), RuleFileError> {
        let lists: BTreeMap<String, DataValue> =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        for (name, DataValue(words)) in lists {
            let key = format!("{stem}.{name}");
            self.texts.remove(&key);
            self.sets.insert(
                key.clone(),
                words.iter().map(|w| w.to_lowercase()).collect(),
            );
            self.lists.insert(key, words);
        }
        Ok(())
    }

    /// Adds a plain word list (`data/<stem>.txt`: one entry per line, `#`
    /// starts a comment line), named `stem`.
    pub fn add_text_file(&mut self, stem: &str, text: &str) {
        self.lists.remove(stem);
        self.sets.remove(stem);
        self.texts.insert(
            stem.to_owned(),
            LazyList {
                text: text.to_owned(),
                ..LazyList::default()
            },
        );
    }

    /// The list called `name`, if there is one.
    pub fn list(&self, name: &str) -> Option<&[String]> {
        self.lists
            .get(name)
            .map(Vec::as_slice)
            .or_else(|| self.texts.get(name).map(LazyList::words))
    }

    /// The list called `name`, lower-cased, as a set (empty when missing).
    pub fn set(&self, name: &str) -> &HashSet<String> {
        self.sets
            .get(name)
            .or_else(|| self.texts.get(name).map(LazyList::set))
            .unwrap_or(&EMPTY)
    }

    /// Names of all lists, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let mut names: Vec<&str> = self
            .lists
            .keys()
            .chain(self.texts.keys())
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.into_iter()
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
