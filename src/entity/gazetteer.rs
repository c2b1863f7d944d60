//! The gazetteer: known entities and their forms, from `rules/gazetteer/*.toml`.
//!
//! Every form (canonical, accepted, the surname of a person, known variants
//! and misspellings) is reduced to a matching key: lower case, Arabic letter
//! forms folded (alef with hamza or madda, alef maqsura, taa marbuta, hamza
//! seats), diacritics, tatweel and controls removed, spaces collapsed. One
//! Aho-Corasick automaton over all keys finds every mention in one pass.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::document::{is_arabic_letter, is_latin_letter};
use crate::error::RuleFileError;
use crate::source::NormalizeOptions;

use super::spec::EntityFile;
pub use super::spec::EntityType;

/// A known entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The canonical form in Latin script.
    pub name: String,
    pub kind: EntityType,
    /// The canonical form in Arabic text.
    pub ar: Option<String>,
    /// The canonical form in French text, when it differs from `name`.
    pub fr: Option<String>,
    pub case_sensitive: bool,
    /// The gazetteer file it comes from.
    pub origin: String,
}

/// How a form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FormKind {
    /// `name`, `ar` or `fr`.
    Canonical,
    /// A correct alternative (`accept`).
    Accepted,
    /// The surname of a person's canonical forms.
    Short,
    /// A known wrong form (`variants`).
    Variant,
    /// A known misspelling (`misspellings`).
    Misspelling,
}

impl FormKind {
    /// Correct forms.
    pub fn is_correct(self) -> bool {
        matches!(
            self,
            FormKind::Canonical | FormKind::Accepted | FormKind::Short
        )
    }
}

/// One form of an entity.
#[derive(Debug, Clone)]
pub struct Form {
    pub entity: usize,
    pub kind: FormKind,
    /// As written in the gazetteer.
    pub text: String,
    /// Its matching key.
    pub key: String,
    /// True when the form is written in Arabic script.
    pub arabic: bool,
    /// The French canonical form, where it differs from `name`.
    pub french: bool,
    /// An Arabic surname kept only if it is no ordinary Arabic word: decided
    /// in [`Gazetteer::build`], in one pass over the lexicon for all of them.
    unless_ordinary: bool,
}

/// The options of the matching key.
pub fn key_options() -> NormalizeOptions {
    NormalizeOptions {
        arabic_letters: true,
        taa_marbuta: true,
        hamza_seats: true,
        diacritics: true,
        digits: true,
        spaces_and_controls: true,
        lowercase: true,
    }
}

/// The matching key of a name: normalized, spaces collapsed.
pub fn key(s: &str) -> String {
    let n = crate::source::normalize_text(s, key_options());
    // Most keys are one word: nothing to collapse or replace (one pass).
    let mut prev_space = true;
    let mut simple = true;
    for c in n.chars() {
        let space = c == ' ';
        if c == '’' || (space && prev_space) || (!space && c.is_whitespace()) {
            simple = false;
            break;
        }
        prev_space = space;
    }
    if simple && !prev_space {
        return n;
    }
    let n = n.replace('’', "'");
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for a last word that is no surname to match alone: a regnal number
/// (`III`, `الثالث`), `Jr.`, an Arabic word with the article (`الأسد`,
/// `الصباح`), or an ordinary Arabic word that is not a rendering of the
/// Latin surname (every lion is not al-Assad; `ماسك` is Musk).
fn is_not_a_surname(word: &str) -> bool {
    const ORDINALS: [&str; 11] = [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "عشر",
    ];
    let w = word.trim_end_matches('.');
    w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        || matches!(w, "Jr" | "Sr")
        || ORDINALS.contains(&word)
        || (is_arabic(word) && word.starts_with("ال"))
}

/// True for an Arabic surname that could be an ordinary word (`الأسد` is
/// not al-Assad): unless it renders the Latin surname (`ماسك` is Musk), it
/// is a surname only if the Arabic lexicon does not have it, which
/// [`Gazetteer::build`] checks.
fn may_be_ordinary(word: &str, latin_surname: &str) -> bool {
    is_arabic(word) && super::skeleton::arabic(&key(word)) != super::skeleton::latin(latin_surname)
}

/// True when the text is written in Arabic letters.
pub fn is_arabic(s: &str) -> bool {
    // One pass, which stops at the first Latin letter.
    let mut arabic = false;
    for c in s.chars() {
        if is_latin_letter(c) {
            return false;
        }
        arabic = arabic || is_arabic_letter(c);
    }
    arabic
}

/// The letter counts of an ASCII word: a lower bound of its
/// Damerau-Levenshtein distance to another word, far cheaper than the
/// distance. An insertion or a deletion changes the counts by one, a
/// substitution by two and a transposition not at all, so `d` edits
/// change them by at most `2d`.
struct Counts([i16; 128]);

impl Counts {
    /// `None` for a word that is not ASCII (no bound then).
    fn of(word: &str) -> Option<Counts> {
        if !word.is_ascii() || word.len() > usize::from(u8::MAX) {
            return None;
        }
        let mut c = [0i16; 128];
        for b in word.bytes() {
            c[usize::from(b)] += 1;
        }
        Some(Counts(c))
    }

    /// A lower bound of the distance between this word and `other` (0 when
    /// `other` is not ASCII).
    fn distance_at_least(&self, other: &str) -> usize {
        if !other.is_ascii() || other.len() > usize::from(u8::MAX) {
            return 0;
        }
        let mut c = self.0;
        for b in other.bytes() {
            c[usize::from(b)] -= 1;
        }
        let l1: usize = c.iter().map(|v| usize::from(v.unsigned_abs())).sum();
        l1.div_ceil(2)
    }
}

/// All known entities and the automaton over their forms.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    pub forms: Vec<Form>,
    /// Distinct keys, the automaton's patterns.
    keys: Vec<String>,
    /// Forms of each key.
    key_forms: Vec<Vec<usize>>,
    automaton: std::sync::OnceLock<Option<AhoCorasick>>,
    /// Forms dropped as ordinary words (see [`Gazetteer::is_rejected`]).
    rejected: std::sync::OnceLock<rustc_hash::FxHashSet<usize>>,
    /// Correct one-word Latin forms by length in chars, for fuzzy lookup.
    /// One-word correct Latin forms by (first letter, length in chars).
    latin_by_len: BTreeMap<(char, usize), Vec<usize>>,
    /// Index of each entity by name.
    by_name: rustc_hash::FxHashMap<String, usize>,
}

impl Gazetteer {
    /// Adds the entities of one gazetteer file. A later file's entity with
    /// the same `name` replaces the earlier one (a newsroom's own forms).
    pub fn add_file(&mut self, path: &str, text: &str) -> Result<(), RuleFileError> {
        let file: EntityFile =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        self.add_parsed(path, file)
    }

    /// Adds the embedded gazetteer files (`rules/gazetteer/*.toml`), which
    /// `build.rs` has already read and checked against the schema.
    pub(crate) fn add_embedded(&mut self) -> Result<(), RuleFileError> {
        static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.postcard"));
        let files: super::spec::Embedded =
            postcard::from_bytes(BYTES).expect("build.rs wrote it with the same types");
        for (rel, file) in files {
            self.add_parsed(&format!("rules/{rel}"), file)?;
        }
        Ok(())
    }

    /// Adds the entities of a gazetteer file read from `path`.
    fn add_parsed(&mut self, path: &str, file: EntityFile) -> Result<(), RuleFileError> {
        for spec in file.entity {
            if spec.name.trim().is_empty() {
                return Err(RuleFileError::whole(path, "an entity has an empty `name`"));
            }
            let entity = Entity {
                name: spec.name.clone(),
                kind: spec.kind,
                ar: spec.ar.clone(),
                fr: spec.fr.clone(),
                case_sensitive: spec.case_sensitive,
                origin: path.to_owned(),
            };
            // A later entity with the same name replaces the earlier one.
            let index = if let Some(&i) = self.by_name.get(&spec.name) {
                self.forms.retain(|f| f.entity != i);
                self.entities[i] = entity;
                i
            } else {
                self.by_name.insert(spec.name.clone(), self.entities.len());
                self.entities.push(entity);
                self.entities.len() - 1
            };
            let latin_surname = spec.name.split_whitespace().last().unwrap_or_default();
            let mut add = |text: &str, kind: FormKind| {
                let k = key(text);
                if k.is_empty() {
                    return;
                }
                self.forms.push(Form {
                    entity: index,
                    kind,
                    french: spec.fr.as_deref() == Some(text) && text != spec.name,
                    text: text.to_owned(),
                    key: k,
                    arabic: is_arabic(text),
                    unless_ordinary: kind == FormKind::Short
                        && may_be_ordinary(text, latin_surname),
                });
            };
            let canon: Vec<&String> = [Some(&spec.name), spec.ar.as_ref(), spec.fr.as_ref()]
                .into_iter()
                .flatten()
                .collect();
            for c in &canon {
                add(c, FormKind::Canonical);
            }
            for a in &spec.accept {
                add(a, FormKind::Accepted);
            }
            if spec.kind == EntityType::Person {
                for c in canon
                    .iter()
                    .chain(spec.accept.iter().collect::<Vec<_>>().iter())
                {
                    let words: Vec<&str> = c.split_whitespace().collect();
                    if words.len() > 1
                        && let Some(last) = words.last()
                        && last.chars().count() >= 3
                        && !is_not_a_surname(last)
                    {
                        add(last, FormKind::Short);
                    }
                }
            }
            for v in &spec.variants {
                add(v, FormKind::Variant);
            }
            for m in &spec.misspellings {
                add(m, FormKind::Misspelling);
            }
        }
        Ok(())
    }

    /// The index of the entity named `name`.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Indexes the forms; call after the last file. The automaton is
    /// built on first use, and so is the list of surnames that are ordinary
    /// Arabic words ([`Gazetteer::is_rejected`]).
    pub fn build(&mut self) {
        // The forms in key order (a stable sort keeps each key's forms in
        // their order), then one group per distinct key.
        let mut order: Vec<usize> = (0..self.forms.len()).collect();
        order.sort_by(|&a, &b| self.forms[a].key.cmp(&self.forms[b].key));
        self.keys.clear();
        self.key_forms.clear();
        for i in order {
            let k = &self.forms[i].key;
            if self.keys.last() == Some(k) {
                self.key_forms.last_mut().expect("one per key").push(i);
            } else {
                self.keys.push(k.clone());
                self.key_forms.push(vec![i]);
            }
        }
        self.latin_by_len.clear();
        for (i, f) in self.forms.iter().enumerate() {
            if f.kind.is_correct() && !f.arabic && !f.key.contains(' ') {
                let len = f.key.chars().count();
                if len >= 4 {
                    let first = f.key.chars().next().unwrap_or_default();
                    self.latin_by_len.entry((first, len)).or_default().push(i);
                }
            }
        }
        self.automaton = std::sync::OnceLock::new();
        self.rejected = std::sync::OnceLock::new();
    }

    /// True for a surname form that is an ordinary Arabic word of the
    /// lexicon `lexicon-ar` (`الأسد` is not al-Assad): not a mention. Decided
    /// on first use, in one pass over the lexicon for every such surname.
    pub fn is_rejected(&self, form: usize, data: &crate::rules::Data) -> bool {
        if !self.forms[form].unless_ordinary {
            return false;
        }
        self.rejected
            .get_or_init(|| {
                let doubtful: rustc_hash::FxHashSet<&str> = self
                    .forms
                    .iter()
                    .filter(|f| f.unless_ordinary)
                    .flat_map(|f| [f.text.as_str(), f.key.as_str()])
                    .collect();
                let ordinary: rustc_hash::FxHashSet<String> = data
                    .find_in("lexicon-ar", |w| doubtful.contains(w))
                    .into_iter()
                    .collect();
                (0..self.forms.len())
                    .filter(|&i| {
                        let f = &self.forms[i];
                        f.unless_ordinary
                            && (ordinary.contains(f.text.as_str())
                                || ordinary.contains(f.key.as_str()))
                    })
                    .collect()
            })
            .contains(&form)
    }

    /// The correct one-word Latin forms near `lower` (a lower-case word):
    /// same first letter, length within 2, Damerau-Levenshtein distance 1 or
    /// 2, and not a word that only extends a name (`Macronie`, `Musks`).
    /// Returns (form, distance) pairs; the lookup goes through length
    /// buckets, never through every name.
    pub fn near_latin(&self, lower: &str) -> Vec<(usize, usize)> {
        let len = lower.chars().count();
        let Some(first) = lower.chars().next() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let counts = Counts::of(lower);
        for l in len.saturating_sub(2)..=len + 2 {
            for &i in self.latin_by_len.get(&(first, l)).into_iter().flatten() {
                let k = &self.forms[i].key;
                if lower.starts_with(k.as_str()) || k.starts_with(lower) {
                    continue;
                }
                if counts.as_ref().is_some_and(|c| c.distance_at_least(k) > 2) {
                    continue; // too many letters differ for two edits
                }
                let d = strsim::damerau_levenshtein(lower, k);
                if (1..=2).contains(&d) {
                    out.push((i, d));
                }
            }
        }
        out
    }

    /// True for a French canonical form that differs from the entity's name
    /// (`Allemagne`): not a target for words of English text.
    pub fn is_french_only(&self, form: usize) -> bool {
        self.forms[form].french
    }

    /// The automaton over every form's key, built on first use: a run
    /// that checks no text (or no text at all) never pays for it.
    pub fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                if self.keys.is_empty() {
                    return None;
                }
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.keys)
                    .ok()
            })
            .as_ref()
    }

    /// The indices (in `forms`) of the forms whose key is pattern `pattern`
    /// of the automaton.
    pub fn pattern_forms(&self, pattern: usize) -> &[usize] {
        &self.key_forms[pattern]
    }

    /// The forms of one entity.
    pub fn forms_of(&self, entity: usize) -> impl Iterator<Item = &Form> {
        self.forms.iter().filter(move |f| f.entity == entity)
    }

    /// The canonical form of `entity` for a mention in `arabic` script in a
    /// document in `lang`.
    pub fn canonical(&self, entity: usize, arabic: bool, lang: crate::Lang) -> &str {
        let e = &self.entities[entity];
        if arabic {
            if let Some(ar) = &e.ar {
                return ar;
            }
        }
        if lang == crate::Lang::Fr
            && let Some(fr) = &e.fr
        {
            return fr;
        }
        &e.name
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    /// What `key` computes, written plainly.
    fn reference(s: &str) -> String {
        let n = crate::source::normalize_text(s, key_options()).replace('’', "'");
        n.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keys_fold_case_letters_and_spaces() {
        assert_eq!(key("OpenAI"), "openai");
        assert_eq!(key("  Sam \u{a0} Altman\t"), "sam altman");
        assert_eq!(key("إيلون ماسك"), "ايلون ماسك");
        assert_eq!(key("O’Brien"), "o'brien");
        assert_eq!(key(""), "");
        assert_eq!(key(" \n "), "");
    }

    proptest::proptest! {
        #[test]
        fn keys_equal_the_plain_definition(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "B", " ", "  ", "\t", "\n", "\u{a0}", "\u{2009}", "’", "'", "é",
                    "إ", "ة", "ى", "\u{064b}", "ـ", "\u{200f}", "٣", "İ",
                ]),
                0..12,
            )
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(key(&s), reference(&s));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The letter counts never say more than the distance.
        #[test]
        fn letter_counts_bound_the_distance(a in "[a-f]{0,9}", b in "[a-f]{0,9}") {
            let bound = Counts::of(&a).expect("ASCII").distance_at_least(&b);
            prop_assert!(bound <= strsim::damerau_levenshtein(&a, &b));
        }
    }
}
