//! The forms of a gazetteer entity and their matching keys.
//!
//! `build.rs` includes this file (with the modules it names through
//! `super::super`, which have no other dependency): it computes the keys of
//! the embedded gazetteer with this very code and builds the automaton over
//! them at build time, so that a run decodes it instead of building it. A
//! run uses that automaton only when its own keys are exactly the keys it was
//! built over ([`Gazetteer::automaton`](super::Gazetteer::automaton)). It
//! also stores each embedded entity's forms with their keys
//! ([`prepare`]), so that a run computes none of them.

use serde::{Deserialize, Serialize};

use super::super::document::{is_arabic_letter, is_latin_letter};
use super::super::source::{NormalizeOptions, normalize_text_into, normalized_chars};
use super::spec::{EntitySpec, EntityType};

/// How a form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
    // ASCII without white space (most words of English and French text):
    // nothing folds but case.
    if s.is_ascii() && !s.bytes().any(|b| char::from(b).is_whitespace()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    key_into(&mut out, s);
    out
}

/// [`key`] of `s`, in `out` (cleared first): a caller that keeps keys
/// elsewhere reuses one buffer instead of a string a key.
pub(crate) fn key_into(out: &mut String, s: &str) {
    out.clear();
    normalize_text_into(out, s, key_options());
    // Most keys are one word: nothing to collapse or replace (one pass).
    let mut prev_space = true;
    let mut simple = true;
    for c in out.chars() {
        let space = c == ' ';
        if c == '’' || (space && prev_space) || (!space && c.is_whitespace()) {
            simple = false;
            break;
        }
        prev_space = space;
    }
    if simple && !prev_space {
        return;
    }
    let n = out.replace('’', "'");
    out.clear();
    for (k, w) in n.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// The last character of [`key`]`(s)`, without making the key: the
/// normalization is a character at a time, so the key ends with what the
/// last character that leaves something (neither a mark nor white space,
/// which the key drops or trims) normalizes to; a check that only needs
/// keys ending with some letters passes over the other words for the price
/// of one character. A property test compares it with the key's.
pub fn key_last_char(s: &str) -> Option<char> {
    let mut buf = [0u8; 4];
    s.chars().rev().find_map(|c| {
        normalized_chars(c.encode_utf8(&mut buf), key_options())
            .filter(|n| !n.is_whitespace())
            .last()
            .map(|n| if n == '’' { '\'' } else { n })
    })
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

/// The forms of one entity, in the order a gazetteer lists them: its
/// canonical forms (`name`, `ar`, `fr`), the accepted ones, for a person the
/// surname of each multi-word canonical or accepted form (when it can stand
/// alone, see [`is_not_a_surname`]), then the variants and misspellings.
/// A form can come more than once (a surname shared by two forms).
pub(crate) fn forms(spec: &EntitySpec) -> Vec<(&str, FormKind)> {
    let canon = [Some(&spec.name), spec.ar.as_ref(), spec.fr.as_ref()];
    let canon = canon.into_iter().flatten().map(String::as_str);
    let mut out: Vec<(&str, FormKind)> = canon.clone().map(|c| (c, FormKind::Canonical)).collect();
    out.extend(spec.accept.iter().map(|a| (a.as_str(), FormKind::Accepted)));
    if spec.kind == EntityType::Person {
        for c in canon.chain(spec.accept.iter().map(String::as_str)) {
            let words: Vec<&str> = c.split_whitespace().collect();
            if words.len() > 1
                && let Some(last) = words.last()
                && last.chars().count() >= 3
                && !is_not_a_surname(last)
            {
                out.push((last, FormKind::Short));
            }
        }
    }
    out.extend(
        spec.variants
            .iter()
            .map(|v| (v.as_str(), FormKind::Variant)),
    );
    out.extend(
        spec.misspellings
            .iter()
            .map(|m| (m.as_str(), FormKind::Misspelling)),
    );
    out
}

/// One form of an entity with what the gazetteer needs of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Prepared {
    pub(crate) text: String,
    pub(crate) kind: FormKind,
    /// Its matching key ([`key`]), never empty.
    pub(crate) key: String,
    /// Written in Arabic letters ([`is_arabic`]).
    pub(crate) arabic: bool,
    /// For the embedded gazetteer (set by `build.rs`): the place of `key`
    /// among the distinct keys of the automaton built with the binary.
    pub(crate) rank: Option<u32>,
}

/// The forms of one entity ([`forms`]) with their keys, without those whose
/// key is empty (nothing to match).
pub(crate) fn prepare(spec: &EntitySpec) -> Vec<Prepared> {
    forms(spec)
        .into_iter()
        .filter_map(|(text, kind)| {
            let key = key(text);
            (!key.is_empty()).then(|| Prepared {
                text: text.to_owned(),
                kind,
                key,
                arabic: is_arabic(text),
                rank: None,
            })
        })
        .collect()
}

/// A string of the embedded gazetteer: the byte range `.0...1` of the one
/// text `build.rs` writes beside [`Pooled`] (`gazetteer-text.txt`), which a
/// run borrows from the binary: no string to validate, allocate or copy.
pub(crate) type Range = (u32, u32);

/// The embedded gazetteer as a run reads it: the gazetteer files' entities
/// and their [`prepare`]d forms, as `build.rs` read them, every
/// string a [`Range`] of one text, the entities and forms in flat lists. The
/// text starts with the distinct keys (the automaton's patterns, in its
/// order), one a line.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Pooled {
    /// Each file's path (`rules/...`) and the end of its entities in
    /// `entities` (they follow the previous file's).
    pub(crate) files: Vec<(Range, u32)>,
    pub(crate) entities: Vec<PooledEntity>,
    pub(crate) forms: Vec<PooledForm>,
    /// The end of each distinct key in the text; a key starts one byte
    /// (the newline) after the previous key's end.
    pub(crate) key_ends: Vec<u32>,
}

/// An entity of [`Pooled`]: what a run keeps of its [`EntitySpec`].
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PooledEntity {
    pub(crate) name: Range,
    pub(crate) kind: EntityType,
    pub(crate) ar: Option<Range>,
    pub(crate) fr: Option<Range>,
    pub(crate) case_sensitive: bool,
    /// The end of its forms in [`Pooled::forms`] (they follow the previous
    /// entity's).
    pub(crate) forms_end: u32,
}

/// A form of [`Pooled`]: a [`Prepared`] form with the two facts the
/// gazetteer derives from it and its entity, worked out by `build.rs`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PooledForm {
    pub(crate) text: Range,
    pub(crate) key: Range,
    pub(crate) kind: FormKind,
    pub(crate) arabic: bool,
    pub(crate) rank: Option<u32>,
    /// The entity's French canonical form where it differs from its name.
    pub(crate) french: bool,
    /// An Arabic surname that renders no Latin surname ([`unless_ordinary`]).
    pub(crate) unless_ordinary: bool,
}

/// True for a form of an entity named `name` (its Latin canonical form)
/// that is its French canonical form `fr` and differs from the name.
pub(crate) fn is_french(text: &str, name: &str, fr: Option<&str>) -> bool {
    fr == Some(text) && text != name
}

/// An Arabic surname that could be an ordinary word (`الأسد` is not
/// al-Assad): unless it renders the Latin surname of `name` (`ماسك` is Musk),
/// it is a surname only if the Arabic lexicon does not have it, which
/// `Gazetteer::is_rejected` checks.
pub(crate) fn unless_ordinary(form: &Prepared, name: &str) -> bool {
    let latin_surname = name.split_whitespace().last().unwrap_or_default();
    form.kind == FormKind::Short
        && form.arabic
        && super::skeleton::arabic(&form.key) != super::skeleton::latin(latin_surname)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The last character of a key, had without the key, is the key's:
        /// Arabic letters, marks and tatweel, Latin letters in both cases
        /// (with `İ`, whose lower case is two characters), apostrophes,
        /// digits, presentation forms and ligatures (`ﻻ`, `ﷲ`), spaces and
        /// controls.
        #[test]
        fn the_last_character_of_a_key_is_had_without_the_key(
            s in "[ابتةىأإآؤئءلمنكدذ\u{064B}-\u{0652}\u{0640}a-zA-ZÉéİıß’'0-9٠-٩ﻻﷲﺔ \t\u{00A0}\u{200C}\u{200F}]{0,8}"
        ) {
            proptest::prop_assert_eq!(key_last_char(&s), key(&s).chars().last());
        }

        /// The same over any printable text (presentation forms and
        /// ligatures, other scripts, symbols).
        #[test]
        fn the_last_character_of_any_key_is_had_without_the_key(s in "\\PC{0,6}") {
            proptest::prop_assert_eq!(key_last_char(&s), key(&s).chars().last());
        }
    }

    /// What `key` computes, written plainly.
    fn reference(s: &str) -> String {
        let n = crate::source::normalize_text(s, key_options()).replace('’', "'");
        n.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn spec(name: &str, kind: EntityType, ar: Option<&str>, accept: &[&str]) -> EntitySpec {
        EntitySpec {
            name: name.to_owned(),
            kind,
            ar: ar.map(str::to_owned),
            fr: None,
            accept: accept.iter().map(|s| (*s).to_owned()).collect(),
            variants: vec!["Varient".to_owned()],
            misspellings: vec!["Mispeled".to_owned()],
            case_sensitive: true,
        }
    }

    #[test]
    fn a_person_is_also_found_by_a_surname_that_can_stand_alone() {
        use FormKind::*;
        let musk = spec(
            "Elon Musk",
            EntityType::Person,
            Some("إيلون ماسك"),
            &["E. Musk"],
        );
        assert_eq!(
            forms(&musk),
            [
                ("Elon Musk", Canonical),
                ("إيلون ماسك", Canonical),
                ("E. Musk", Accepted),
                ("Musk", Short),
                ("ماسك", Short),
                ("Musk", Short),
                ("Varient", Variant),
                ("Mispeled", Misspelling),
            ]
        );
        // No regnal number, no Arabic word with the article, no surname of
        // two letters, and none for what is not a person.
        let charles = spec(
            "Charles III",
            EntityType::Person,
            Some("بشار الأسد"),
            &["Xi Li"],
        );
        let short: Vec<&str> = forms(&charles)
            .into_iter()
            .filter(|f| f.1 == Short)
            .map(|f| f.0)
            .collect();
        assert!(short.is_empty(), "{short:?}");
        let org = spec("Open Society", EntityType::Organisation, None, &[]);
        assert!(forms(&org).iter().all(|f| f.1 != Short));
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
                    "إ", "ة", "ى", "\u{064b}", "ـ", "\u{200f}", "٣", "İ", "\u{b}", "\u{1c}", "\u{0}", "Z9", ".",
                ]),
                0..12,
            )
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(key(&s), reference(&s));
        }
    }
}
