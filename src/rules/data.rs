//! Shared language data: named word lists in `rules/data/<file>.toml`.
//!
//! A data file holds lists of strings; the list `x` of `rules/data/fr.toml`
//! is named `fr.x`. Rule parameters that take words accept such names with
//! an `@` (`words = ["@fr.function-words", "extra"]`), so the language facts
//! live in one place. A rule pack's `data/` files add lists and replace
//! lists of the same name. A plain `data/<name>.txt` file is one list,
//! `<name>`, with one entry per line (the word frequency lists
//! `lexicon-<lang>` that tell ordinary words from names).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::word_table::WordTable;
use crate::error::RuleFileError;

/// An entry of a list: borrowed from the binary for the embedded lists,
/// owned for a file read at run time.
pub type Word = Cow<'static, str>;

/// The embedded data files as `build.rs` stores them: for each (path under
/// `rules/data/`), its lists (name, entries), every string a byte range of
/// one text ([`EMBEDDED_DATA_TEXT`]), which a run borrows: no string to
/// check, allocate or copy.
pub(crate) type EmbeddedFiles = Vec<(Range, Vec<(Range, Vec<Range>)>)>;

type Range = (u32, u32);

static EMBEDDED_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.postcard"));
static EMBEDDED_DATA_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/data-text.txt"));

/// The embedded data files ([`EmbeddedFiles`]), decoded.
pub(crate) fn embedded_files() -> EmbeddedFiles {
    postcard::from_bytes(EMBEDDED_DATA).expect("build.rs wrote it with the same types")
}

/// The string at `range` of a text `build.rs` laid out (empty for a range
/// that is not one: `build.rs` wrote them, and tests read them all).
pub(crate) fn slice_of(text: &'static str, range: Range) -> &'static str {
    let (Ok(start), Ok(end)) = (usize::try_from(range.0), usize::try_from(range.1)) else {
        return "";
    };
    text.get(start..end).unwrap_or_default()
}

/// The string at `range` of the embedded data text.
pub(crate) fn embedded_str(range: Range) -> &'static str {
    slice_of(EMBEDDED_DATA_TEXT, range)
}

/// All named word lists.
///
/// The lists are found by name in hash tables: the checks ask for a few
/// lists by name on every document, and searching ordered maps of 185
/// names was 2-3 % of a run over one-sentence articles.
#[derive(Debug, Default, Clone)]
pub struct Data {
    lists: rustc_hash::FxHashMap<String, Vec<Word>>,
    /// The lists above as sets, each built on first use.
    sets: rustc_hash::FxHashMap<String, std::sync::OnceLock<WordSet>>,
    /// Plain word lists (`data/<name>.txt`), parsed on first use: the
    /// frequency lexicons are large and most runs need few of them.
    texts: rustc_hash::FxHashMap<String, LazyList>,
    /// Known entities, from `rules/gazetteer/*.toml`.
    pub gazetteer: std::sync::Arc<crate::entity::Gazetteer>,
    /// Known figures, from `rules/facts/*.toml` and `--facts FILE`.
    pub facts: std::sync::Arc<crate::fact::Facts>,
    /// What the extractors build from the lists, made on first use and
    /// dropped when a list changes.
    derived: Derived,
}

/// The amount lexicon of each language, the date lexicon, the function
/// words of language detection, the tables that key a sentence's words and
/// the keyed lists of the entity passes of a [`Data`]: every document reads
/// them, and finding the lexicons in
/// the process-wide cache (which hashes every list they are made of) cost
/// more than checking a short article.
#[derive(Debug, Clone, Default)]
struct Derived {
    amount: [std::sync::OnceLock<std::sync::Arc<crate::amount::Lexicon>>; 3],
    date: std::sync::OnceLock<std::sync::Arc<crate::date::lexicon::Lexicon>>,
    detect: std::sync::OnceLock<std::sync::Arc<crate::document::FunctionWords>>,
    sentences: std::sync::OnceLock<std::sync::Arc<crate::check::SentenceKeys>>,
    entity: std::sync::OnceLock<std::sync::Arc<crate::entity::Lists>>,
    /// Whether a word is one edit from an ordinary word (see
    /// [`Data::one_edit_from_ordinary`]), for the words asked about so far.
    slips: std::sync::Arc<crate::memo::WordMemo<bool>>,
}

/// A list's words in lower case, for lookups.
///
/// The embedded word lists are `'static` text: their set holds slices of
/// it, so that loading a 40,000-word lexicon allocates no string per word
/// (it was half of the start-up time).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    borrowed: HashSet<&'static str>,
    owned: HashSet<String>,
    /// An embedded word list's table, made by `build.rs`.
    fixed: Option<WordTable>,
}

// `EMBEDDED_SETS`: (list name, table) for each embedded `data/*.txt`.
include!(concat!(env!("OUT_DIR"), "/word_sets.rs"));

impl WordSet {
    fn with_capacity(n: usize) -> WordSet {
        WordSet {
            borrowed: HashSet::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher),
            ..WordSet::default()
        }
    }

    fn from_owned<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> WordSet {
        WordSet {
            owned: words
                .into_iter()
                .map(|w| w.as_ref().to_lowercase())
                .collect(),
            ..WordSet::default()
        }
    }

    /// Adds a word of `'static` text, lower-casing it only when it needs it.
    fn insert_static(&mut self, word: &'static str) {
        match crate::source::lowercase(word) {
            std::borrow::Cow::Borrowed(w) => self.borrowed.insert(w),
            std::borrow::Cow::Owned(w) => self.owned.insert(w),
        };
    }

    /// True when `word` (in lower case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.fixed.is_some_and(|f| f.contains(word))
            || self.borrowed.contains(word)
            || self.owned.contains(word)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.fixed.map_or(0, |f| f.len()) + self.borrowed.len() + self.owned.len()
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.fixed
            .iter()
            .flat_map(WordTable::iter)
            .chain(self.borrowed.iter().copied())
            .chain(self.owned.iter().map(String::as_str))
    }
}

static EMPTY: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(WordSet::default);

#[derive(Debug, Default, Clone)]
struct LazyList {
    text: std::borrow::Cow<'static, str>,
    words: std::sync::OnceLock<Vec<Word>>,
    set: std::sync::OnceLock<WordSet>,
}

impl LazyList {
    /// The entries: trimmed lines that are neither empty nor comments.
    fn lines(text: &str) -> impl Iterator<Item = &str> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    fn words(&self) -> &[Word] {
        self.words.get_or_init(|| match &self.text {
            Cow::Borrowed(text) => LazyList::lines(text).map(Cow::Borrowed).collect(),
            Cow::Owned(text) => LazyList::lines(text)
                .map(|w| Cow::Owned(w.to_owned()))
                .collect(),
        })
    }

    fn set(&self) -> &WordSet {
        self.set.get_or_init(|| match &self.text {
            std::borrow::Cow::Borrowed(text) => {
                let mut set = WordSet::with_capacity(text.len() / 8);
                for line in LazyList::lines(text) {
                    set.insert_static(line);
                }
                set
            }
            std::borrow::Cow::Owned(text) => WordSet::from_owned(LazyList::lines(text)),
        })
    }
}

impl Data {
    /// Adds the lists of one data file; `stem` is its name (`fr` for
    /// `data/fr.toml`).
    pub fn add_file(&mut self, path: &str, stem: &str, text: &str) -> Result<(), RuleFileError> {
        let lists: BTreeMap<String, DataValue> =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        self.add_lists(
            stem,
            lists.into_iter().map(|(name, DataValue(words))| {
                (name, words.into_iter().map(Cow::Owned).collect())
            }),
        );
        Ok(())
    }

    /// Adds the lists of the embedded data file `stem` ([`embedded_files`]),
    /// borrowed from the binary.
    pub(crate) fn add_embedded_lists(&mut self, stem: &str, lists: &[(Range, Vec<Range>)]) {
        self.add_lists(
            stem,
            lists.iter().map(|&(name, ref words)| {
                let words = words.iter().map(|&w| Cow::Borrowed(embedded_str(w)));
                (embedded_str(name), words.collect())
            }),
        );
    }

    /// Adds the lists of the data file `stem`, already read.
    pub(crate) fn add_lists(
        &mut self,
        stem: &str,
        lists: impl IntoIterator<Item = (impl std::fmt::Display, Vec<Word>)>,
    ) {
        self.derived = Derived::default();
        for (name, words) in lists {
            let key = format!("{stem}.{name}");
            self.texts.remove(&key);
            self.sets.insert(key.clone(), std::sync::OnceLock::new());
            self.lists.insert(key, words);
        }
    }

    /// Adds a plain word list (`data/<stem>.txt`: one entry per line, `#`
    /// starts a comment line), named `stem`.
    pub fn add_text_file(&mut self, stem: &str, text: std::borrow::Cow<'static, str>) {
        self.derived = Derived::default();
        self.lists.remove(stem);
        self.sets.remove(stem);
        self.texts.insert(
            stem.to_owned(),
            LazyList {
                text,
                ..LazyList::default()
            },
        );
    }

    /// [`Data::add_text_file`] for an embedded word list: its set is the one
    /// `build.rs` made of the same file.
    pub(crate) fn add_embedded_text_file(&mut self, stem: &str, text: &'static str) {
        self.add_text_file(stem, std::borrow::Cow::Borrowed(text));
        if let Some((_, index, words)) = EMBEDDED_SETS.iter().find(|(name, ..)| *name == stem)
            && let Some(list) = self.texts.get_mut(stem)
        {
            let set = WordSet {
                fixed: Some(WordTable::new(index, words)),
                ..WordSet::default()
            };
            list.set = std::sync::OnceLock::from(set);
        }
    }

    /// The amount lexicon of `lang` for these lists, built (or found in the
    /// process-wide cache) once.
    pub fn amount_lexicon(&self, lang: crate::Lang) -> std::sync::Arc<crate::amount::Lexicon> {
        let slot = match lang {
            crate::Lang::Ar => 0,
            crate::Lang::Fr => 1,
            crate::Lang::En => 2,
        };
        std::sync::Arc::clone(
            self.derived.amount[slot].get_or_init(|| crate::amount::Lexicon::shared(self, lang)),
        )
    }

    /// The date lexicon for these lists, built (or found in the
    /// process-wide cache) once.
    pub(crate) fn date_lexicon(&self) -> std::sync::Arc<crate::date::lexicon::Lexicon> {
        std::sync::Arc::clone(
            self.derived
                .date
                .get_or_init(|| crate::date::lexicon::Lexicon::shared(self)),
        )
    }

    /// The function words of the language detection lists (`fr.detect`,
    /// `en.detect`) in one table, made once.
    pub(crate) fn function_words(&self) -> &crate::document::FunctionWords {
        self.derived
            .detect
            .get_or_init(|| std::sync::Arc::new(crate::document::FunctionWords::of(self)))
    }

    /// The tables that key the words of a sentence for the fact-sheet and
    /// date checks (cue concepts, proclitics), made on first use: four
    /// checks read them, and a run that checks no sentence against a fact
    /// sheet or a span of time never needs them.
    pub(crate) fn sentence_keys(&self) -> &crate::check::SentenceKeys {
        self.derived
            .sentences
            .get_or_init(|| std::sync::Arc::new(crate::check::SentenceKeys::new(self)))
    }

    /// The lists the entity passes read, keyed, made on first use (see
    /// [`crate::entity::Lists`]).
    pub(crate) fn entity_lists(&self) -> &crate::entity::Lists {
        self.derived
            .entity
            .get_or_init(|| std::sync::Arc::new(crate::entity::Lists::new(self)))
    }

    /// True when one edit turns `lower` into a word of the English or
    /// French lexicon ([`crate::entity::OrdinaryWords::one_edit_away`]: a
    /// thousand lookups for a ten-letter word), kept for the rest of the run
    /// (an archive's articles misspell the same names), up to 4,096 words.
    pub(crate) fn one_edit_from_ordinary(&self, lower: &str) -> bool {
        self.derived.slips.get_or_insert(lower, || {
            crate::entity::OrdinaryWords::of(self).one_edit_away(lower)
        })
    }

    /// The list called `name`, if there is one.
    pub fn list(&self, name: &str) -> Option<&[Word]> {
        self.lists
            .get(name)
            .map(Vec::as_slice)
            .or_else(|| self.texts.get(name).map(LazyList::words))
    }

    /// The entries of the list called `name` as matching keys (by `key`),
    /// the empty ones left out; empty when the list is missing.
    pub fn keys_of(&self, name: &str, key: impl Fn(&str) -> String) -> Vec<String> {
        self.list(name)
            .unwrap_or(&[])
            .iter()
            .map(|w| key(w))
            .filter(|k| !k.is_empty())
            .collect()
    }

    /// The list called `name`, lower-cased, as a set (empty when missing).
    pub fn set(&self, name: &str) -> &WordSet {
        match self.sets.get(name) {
            Some(set) => set.get_or_init(|| WordSet::from_owned(&self.lists[name])),
            None => self.texts.get(name).map_or(&EMPTY, LazyList::set),
        }
    }

    /// True when a list called `name` exists (a word list read from a
    /// text file is not decoded to tell).
    pub fn has_list(&self, name: &str) -> bool {
        self.lists.contains_key(name) || self.texts.contains_key(name)
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
        self.expand_with(items, str::to_owned)
    }

    /// [`Data::expand`] in lower case (`str::to_lowercase`), each item
    /// copied once.
    pub fn expand_lower(&self, items: &[String]) -> Result<Vec<String>, String> {
        self.expand_with(items, |w| {
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase()
            }
        })
    }

    /// [`Data::expand`], each item copied by `copy`.
    fn expand_with(
        &self,
        items: &[String],
        copy: impl Fn(&str) -> String,
    ) -> Result<Vec<String>, String> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(name) = item.strip_prefix('@') {
                let list = self.list(name).ok_or_else(|| {
                    format!("no data list named `{name}` (rules/data/<file>.toml)")
                })?;
                out.extend(list.iter().map(|w| copy(w)));
            } else {
                out.push(copy(item));
            }
        }
        Ok(out)
    }
}

/// A list of strings (data files hold nothing else).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct DataValue(Vec<String>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_a_list_leave_out_the_empty_ones_and_a_missing_list_has_none() {
        let mut data = Data::default();
        let words = ["Wa", "-", "Fa"].map(|w| Cow::Owned(w.to_owned())).to_vec();
        data.add_lists("x", [("letters", words)]);
        let key = |w: &str| w.replace('-', "").to_lowercase();
        assert_eq!(data.keys_of("x.letters", key), ["wa", "fa"]);
        assert!(data.keys_of("x.missing", key).is_empty());
        assert!(data.has_list("x.letters") && !data.has_list("x.missing"));
    }

    #[test]
    fn slips_for_ordinary_words_are_kept_until_a_list_changes() {
        let mut data = Data::default();
        data.add_text_file("lexicon-en", "crowd\n".to_owned().into());
        for _ in 0..2 {
            assert!(data.one_edit_from_ordinary("crow"));
            assert!(!data.one_edit_from_ordinary("zebr"));
        }
        assert_eq!(data.derived.slips.len(), 2);
        // Another lexicon: the answers kept for the first are dropped.
        data.add_text_file("lexicon-en", "zebra\n".to_owned().into());
        assert!(!data.one_edit_from_ordinary("crow"));
        assert!(data.one_edit_from_ordinary("zebr"));
        // A French list counts too.
        data.add_text_file("lexicon-fr", "école\n".to_owned().into());
        assert!(data.one_edit_from_ordinary("ecole"));
    }

    #[test]
    fn lexicons_are_built_once_and_again_when_a_list_changes() {
        use crate::Lang;
        use std::sync::Arc;
        let mut data = Data::default();
        let list = |w: &str| [("year-markers", vec![Cow::Owned(w.to_owned())])];
        data.add_lists("amount-en", list("anno"));
        let first = data.amount_lexicon(Lang::En);
        assert!(Arc::ptr_eq(&first, &data.amount_lexicon(Lang::En)));
        assert!(first.year_markers.contains("anno"));
        let date = data.date_lexicon();
        assert!(Arc::ptr_eq(&date, &data.date_lexicon()));
        // A copy of the lists shares what was built from them.
        let copy = data.clone();
        assert!(Arc::ptr_eq(&first, &copy.amount_lexicon(Lang::En)));
        data.add_lists("amount-en", list("fy"));
        let second = data.amount_lexicon(Lang::En);
        assert!(second.year_markers.contains("fy") && !second.year_markers.contains("anno"));
        data.add_lists("date-en", list("anno"));
        assert!(!Arc::ptr_eq(&date, &data.date_lexicon()));
        let date = data.date_lexicon();
        data.add_text_file("date-en.months", std::borrow::Cow::Borrowed("Brumaire=2\n"));
        assert!(!Arc::ptr_eq(&date, &data.date_lexicon()));
        // Each language has its own.
        assert!(!Arc::ptr_eq(
            &data.amount_lexicon(Lang::Fr),
            &data.amount_lexicon(Lang::Ar)
        ));
    }

    #[test]
    fn expanded_items_in_lower_case_are_those_of_expand_lowered() {
        let mut data = Data::default();
        let words = ["OpenAI", "ÉTAT", "İz", "ماسك", "ΣΑΣ"].map(|w| Cow::Owned(w.to_owned()));
        data.add_lists("t", [("words", words.to_vec())]);
        let items = [
            "@t.words".to_owned(),
            "McKinsey".to_owned(),
            "Ünal".to_owned(),
        ];
        let lowered: Vec<String> = data
            .expand(&items)
            .unwrap()
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        assert_eq!(data.expand_lower(&items).unwrap(), lowered);
        assert_eq!(lowered[0], "openai");
        assert!(data.expand_lower(&["@t.none".to_owned()]).is_err());
    }

    #[test]
    fn the_embedded_data_lists_are_those_of_their_toml_files() {
        // build.rs stores each data file's lists as ranges of one text; a
        // run that reads the same TOML gets the same lists.
        let files = embedded_files();
        let mut checked = 0;
        for (rel, text) in crate::rules::EMBEDDED_RULES {
            let Some(file) = rel
                .strip_prefix("data/")
                .filter(|r| crate::rules::is_toml(r))
            else {
                continue;
            };
            let stem = file.trim_end_matches(".toml");
            let mut read = Data::default();
            read.add_file(rel, stem, text).expect("a data file");
            let (_, lists) = files
                .iter()
                .find(|(r, _)| embedded_str(*r) == file)
                .unwrap_or_else(|| panic!("{file} is not stored"));
            let mut embedded = Data::default();
            embedded.add_embedded_lists(stem, lists);
            assert!(!read.lists.is_empty(), "{file}");
            assert!(read.lists == embedded.lists, "{file} differs");
            checked += 1;
        }
        assert_eq!(checked, files.len());
        assert!(checked >= 9, "{checked}");
    }

    #[test]
    fn the_embedded_word_tables_hold_what_the_lists_would() {
        for (rel, text) in crate::rules::EMBEDDED_RULES {
            let Some(stem) = rel
                .strip_prefix("data/")
                .and_then(|r| r.strip_suffix(".txt"))
            else {
                continue;
            };
            let mut built = Data::default();
            built.add_text_file(stem, std::borrow::Cow::Owned((*text).to_owned()));
            let mut embedded = Data::default();
            embedded.add_embedded_text_file(stem, text);
            let (built, embedded) = (built.set(stem), embedded.set(stem));
            assert!(embedded.fixed.is_some(), "{stem}");
            assert_eq!(built.len(), embedded.len(), "{stem}");
            assert!(built.iter().all(|w| embedded.contains(w)), "{stem}");
            let mut words: Vec<&str> = embedded.iter().collect();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), embedded.len(), "{stem}");
            for absent in ["", "xyzzy-not-a-word", "ٱلكلمة-غير"] {
                assert!(!embedded.contains(absent) || built.contains(absent));
            }
        }
    }

    #[test]
    fn word_lists_are_looked_up_in_lower_case_borrowed_or_owned() {
        let mut data = Data::default();
        data.add_text_file(
            "embedded",
            std::borrow::Cow::Borrowed("# a comment\nle\n  Paris \nÉté\nماسك\n\n"),
        );
        data.add_text_file("pack", std::borrow::Cow::Owned("Berlin\nla\n".to_owned()));
        let set = data.set("embedded");
        assert_eq!(set.len(), 4);
        for w in ["le", "paris", "été", "ماسك"] {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("Paris") && !set.contains("# a comment"));
        assert!(data.set("pack").contains("berlin") && data.set("pack").contains("la"));
        assert!(data.set("missing").is_empty());
        assert_eq!(data.list("embedded").map(<[Word]>::len), Some(4));
    }
}
