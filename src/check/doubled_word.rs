//! `doubled-word`: the same word twice in a row (`the the`, `من من`),
//! separated by white space only. Repetitions that the language allows
//! (`had had`, `nous nous`) are listed in the rule file; two capitalized
//! words are a name (`Bora Bora`, `Sirhan Sirhan`) and are left alone, as
//! is a capitalized word after a lower-case one (`de De Wever`), and
//! so is a word that ends or starts a hyphenated compound (`line-up up to`,
//! `run-in in May`), and a word of a title (a short quotation, as the
//! quotation check pairs its marks: `“عالم عيال عيال”`).

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Quoted};
use crate::document::{Document, Script};
use crate::rules::Data;
use crate::source::{NormalizeOptions, is_format_control};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Words that may be repeated; `@list` references allowed.
    #[serde(default)]
    allow: Vec<String>,
    /// A quotation of at most this many words, with no sentence mark in
    /// it, is a title (`“عالم عيال عيال”`, "New York, New York"), whose
    /// words are not checked (0: every quotation is checked).
    #[serde(default)]
    title_words: usize,
}

#[derive(Debug)]
pub(crate) struct DoubledWord {
    allow: HashSet<String>,
    title_words: usize,
}

impl Kind for DoubledWord {
    const NAME: &'static str = "doubled-word";
    const PLACEHOLDERS: &'static [&'static str] = &["word"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        Ok(DoubledWord {
            allow: data.expand_lower(&p.allow)?.into_iter().collect(),
            title_words: p.title_words,
        })
    }
}

const FOLD: NormalizeOptions = NormalizeOptions {
    lowercase: true,
    ..NormalizeOptions::DEFAULT
};

fn fold(w: &str) -> String {
    crate::source::normalize_text(w, FOLD)
}

/// The characters of [`fold`]`(w)`.
fn folded(w: &str) -> impl Iterator<Item = char> + '_ {
    crate::source::normalized_chars(w, FOLD)
}

/// The first character of [`folded`]`(w)` when it is sure at a glance
/// ([`sure`]); `None` for a word that starts otherwise.
#[inline]
fn first_folded(w: &str) -> Option<char> {
    sure(w.chars().next()?)
}

/// The last character of [`folded`]`(w)` when it is sure at a glance
/// ([`sure`]; a word that ends with a mark, which folding removes, has
/// none). Arabic words that start alike (`ال`) mostly end otherwise.
#[inline]
fn last_folded(w: &str) -> Option<char> {
    sure(w.chars().next_back()?)
}

/// What `c` folds to when that is sure at a glance: an ASCII letter or
/// digit, in lower case, or an Arabic letter that folds to itself (and is
/// never removed).
#[inline]
fn sure(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    (('\u{0621}'..='\u{064A}').contains(&c)
        && !matches!(c, '\u{0622}'..='\u{0626}' | 'ة' | 'ـ' | 'ى'))
    .then_some(c)
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Joiners of compounds (`line-up`, `run-in`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True when `quotation` (with its marks) is a title: `most` words at
/// most, and no sentence mark.
fn is_title(quotation: &str, most: usize) -> bool {
    !quotation.contains(['.', '!', '?', '؟'])
        && quotation
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            <= most
}

impl Check for DoubledWord {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        for block in &doc.blocks {
            let mut quoted = Quoted::default();
            for pair in block.words.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if matches!(a.script(), Script::Digits | Script::Other) {
                    continue;
                }
                let (ra, rb) = (a.range(), b.range());
                // Most pairs of words differ from their first letter: told
                // apart before anything else is read, from the first bytes
                // alone when both are ASCII letters or digits (most words
                // of English and French text).
                let bytes = block.text.as_bytes();
                if let (Some(&fa), Some(&fb)) = (bytes.get(ra.start), bytes.get(rb.start))
                    && fa.is_ascii_alphanumeric()
                    && fb.is_ascii_alphanumeric()
                    && !fa.eq_ignore_ascii_case(&fb)
                {
                    continue;
                }
                let (wa, wb) = (&block.text[ra], &block.text[rb]);
                if let (Some(fa), Some(fb)) = (first_folded(wa), first_folded(wb))
                    && fa != fb
                {
                    continue;
                }
                if let (Some(la), Some(lb)) = (last_folded(wa), last_folded(wb))
                    && la != lb
                {
                    continue;
                }
                let between = &block.text[a.range().end..b.range().start];
                // Only spaces between the words (bidi controls are invisible
                // and do not separate them).
                if !between
                    .chars()
                    .any(|c| c == ' ' || c == '\u{00A0}' || c == '\t')
                    || !between
                        .chars()
                        .all(|c| c == ' ' || c == '\u{00A0}' || c == '\t' || is_format_control(c))
                {
                    continue;
                }
                // Compared without case, diacritics, tatweel or bidi controls
                // (`من مِن` is the same word twice).
                // ASCII words fold to their lower case: compared without a copy.
                // Other words are compared character by character as they
                // fold, without a copy either.
                let same = if wa.is_ascii() && wb.is_ascii() {
                    wa.eq_ignore_ascii_case(wb)
                } else {
                    folded(wa).eq(folded(wb))
                };
                // Two capitalized words are a name (`Bora Bora`), and so is
                // a capitalized word after a lower-case one: the particle of
                // a surname (`l'offre de De Wever`).
                if !same || capitalized(wb) || self.allow.contains(&fold(wa)) {
                    continue;
                }
                let in_compound = block.text[..a.range().start]
                    .chars()
                    .next_back()
                    .is_some_and(is_joiner)
                    || block.text[b.range().end..]
                        .chars()
                        .next()
                        .is_some_and(is_joiner);
                if in_compound {
                    continue;
                }
                let range = a.range().start..b.range().end;
                if block.is_masked(&range)
                    || (self.title_words > 0
                        && quoted.get(block).iter().any(|q| {
                            q.start <= range.start
                                && range.end <= q.end
                                && is_title(&block.text[q.clone()], self.title_words)
                        }))
                {
                    continue;
                }
                out.push(Hit::in_block(block, range).var("word", wa).suggest(wa));
            }
        }
    }

    fn weight(&self) -> u8 {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::{first_folded, folded, is_title, last_folded};

    proptest::proptest! {
        /// The first letter told at a glance is the folded word's first.
        #[test]
        fn the_first_folded_letter_is_the_folded_words_first(
            w in "[aZ9éÉİ\u{00A0}\u{200F}ءأإآابةتـىيكی\u{064B}\u{0650}٣]{0,4}"
        ) {
            if let Some(c) = first_folded(&w) {
                proptest::prop_assert_eq!(Some(c), folded(&w).next());
            }
        }

        /// The last letter told at a glance is the folded word's last.
        #[test]
        fn the_last_folded_letter_is_the_folded_words_last(
            w in "[aZ9éÉİ\u{00A0}\u{200F}ءأإآابةتـىيكی\u{064B}\u{0650}٣]{0,4}"
        ) {
            if let Some(c) = last_folded(&w) {
                proptest::prop_assert_eq!(Some(c), folded(&w).last());
            }
        }
    }

    #[test]
    fn a_title_is_a_short_quotation_without_a_sentence_mark() {
        assert!(is_title("“عالم عيال عيال”", 5));
        assert!(is_title("\"New York , New York\"", 5));
        assert!(!is_title("\"we will will win. Go\"", 5));
        assert!(!is_title("«هل هل تعرف؟»", 5));
        assert!(!is_title("\"one two three four five six\"", 5));
    }
}
