//! `untranslated`: function words of another language left in prose
//! (a French `et` or an English `for` between Arabic words; `avec` in
//! English prose; `the` in French prose).
//!
//! In a **non-Latin context** (Arabic prose), a Latin word from the lists is
//! looked at inside its *Latin run*: the words around it written in Latin
//! script with only spaces between them. `words` are flagged anywhere in a
//! short run (`8vc et Ari Emanuel`, `Musk for Twitter`); `standalone-words`
//! (which also occur inside names: `Bank of America`, `Banque de France`)
//! only when they stand alone between Arabic words. A long run is a quoted
//! title or sentence in that language and is left alone, as is a run in
//! quotation marks or one that is an organisation's name (a run with a word
//! from `name-heads` before the function word: `Institute for Fiscal
//! Studies`).
//!
//! In a **Latin context** (French or English prose), a word is flagged when
//! both of its neighbours are lower-case words of the prose with only spaces
//! between: capitalized neighbours mark a name or a title (`the Rolling
//! Stones`), and neighbours from `foreign-context` mark a phrase in the other
//! language, which is left alone. `allow` lists accepted phrases (`et al`).

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Quoted};
use crate::document::{Block, Document, Lang, Script, Word, is_arabic_letter, is_latin_letter};
use crate::rules::Data;

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Context {
    /// The prose is in a non-Latin script (Arabic).
    #[default]
    NonLatin,
    /// The prose is in Latin script (French, English).
    Latin,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// The language the words come from.
    foreign: Option<Lang>,
    context: Context,
    words: Vec<String>,
    #[serde(default)]
    standalone_words: Vec<String>,
    /// Words of the foreign language whose presence next to the word marks
    /// a foreign phrase (Latin context).
    #[serde(default)]
    foreign_context: Vec<String>,
    /// Words that start an organisation's name (non-Latin context).
    #[serde(default)]
    name_heads: Vec<String>,
    /// Accepted phrases, in lower case.
    #[serde(default)]
    allow: Vec<String>,
    /// A Latin run longer than this is a title or a quotation.
    #[serde(default = "default_max_run")]
    max_run: usize,
    /// Word → translation offered as the suggestion.
    #[serde(default)]
    suggestions: BTreeMap<String, String>,
}

fn default_max_run() -> usize {
    5
}

#[derive(Debug)]
pub(crate) struct Untranslated {
    foreign: Lang,
    context: Context,
    /// (Looked up for every lower-case word of a text: most are told apart
    /// by the map's filter without hashing.)
    words: crate::vocab::Map,
    standalone: HashSet<String>,
    foreign_context: HashSet<String>,
    name_heads: HashSet<String>,
    allow: Vec<String>,
    max_run: usize,
    suggestions: BTreeMap<String, String>,
}

fn lower_set(data: &Data, items: &[String]) -> Result<HashSet<String>, String> {
    Ok(data.expand_lower(items)?.into_iter().collect())
}

impl Kind for Untranslated {
    const NAME: &'static str = "untranslated";
    const PLACEHOLDERS: &'static [&'static str] = &["foreign", "suggestion"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        let foreign = p
            .foreign
            .ok_or("`foreign` (the language of the words) is missing")?;
        if p.words.is_empty() && p.standalone_words.is_empty() {
            return Err("`words` is empty".into());
        }
        Ok(Untranslated {
            foreign,
            context: p.context,
            words: crate::vocab::Map::set(lower_set(data, &p.words)?.iter()),
            standalone: lower_set(data, &p.standalone_words)?,
            foreign_context: lower_set(data, &p.foreign_context)?,
            name_heads: lower_set(data, &p.name_heads)?,
            allow: data.expand_lower(&p.allow)?,
            max_run: p.max_run,
            suggestions: p.suggestions,
        })
    }
}

/// A word written in Latin letters (digits allowed: `8vc`), no Arabic.
fn is_latinish(block: &Block, w: Word) -> bool {
    let t = &block.text[w.range()];
    matches!(w.script(), Script::Latin | Script::Mixed)
        && t.chars().any(is_latin_letter)
        && !t.chars().any(is_arabic_letter)
}

/// Only spaces (and joiners of names) between two words.
fn tight_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{00A0}' || c == '-' || c == '&')
}

/// The word in lower case when it is a lower-case word
/// ([`is_lowercase_word`]): an ASCII word is read once, and handed back
/// as it is.
fn lowercase_word(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return (!s.bytes().any(|b| b.is_ascii_uppercase()))
            .then_some(std::borrow::Cow::Borrowed(s));
    }
    is_lowercase_word(s).then(|| crate::source::lowercase(s))
}

fn is_lowercase_word(s: &str) -> bool {
    // ASCII at a glance (an Arabic word goes to the characters at once).
    for b in s.bytes() {
        if !b.is_ascii() {
            return s
                .chars()
                .all(|c| !crate::document::is_letter(c) || c.is_lowercase());
        }
        if b.is_ascii_uppercase() {
            return false;
        }
    }
    true
}

impl Untranslated {
    fn allowed(&self, window: &str) -> bool {
        let w = window.to_lowercase();
        self.allow.iter().any(|a| w.contains(a.as_str()))
    }

    fn hit(&self, block: &Block, range: Range<usize>, word: &str, out: &mut dyn HitSink) {
        let mut hit = Hit::in_block(block, range).var("foreign", self.foreign.name());
        let suggestion = self.suggestions.get(word).map_or("", String::as_str);
        hit = hit.var("suggestion", suggestion);
        if !suggestion.is_empty() {
            hit = hit.suggest(suggestion);
        }
        out.push(hit);
    }

    fn non_latin(&self, block: &Block, quoted: &mut Quoted, out: &mut dyn HitSink) {
        let words = &block.words;
        for (i, w) in words.iter().enumerate() {
            // A word in Arabic letters is no candidate, as the segmenter
            // already told (most words of an Arabic text).
            if w.script() == Script::Arabic {
                continue;
            }
            let text = &block.text[w.range()];
            // First the test that needs no lower-case copy nor lookup: a
            // capitalized word, or one in Arabic letters, is no candidate.
            let Some(lower) = lowercase_word(text) else {
                continue;
            };
            let anywhere = self.words.contains(&lower);
            if !(anywhere || self.standalone.contains(&*lower)) {
                continue;
            }
            if quoted
                .get(block)
                .iter()
                .any(|q| q.start <= w.range().start && w.range().end <= q.end)
                || block.is_masked(&w.range())
            {
                continue;
            }
            // The Latin run around the word.
            let mut lo = i;
            while lo > 0
                && is_latinish(block, words[lo - 1])
                && tight_gap(&block.text[words[lo - 1].range().end..words[lo].range().start])
            {
                lo -= 1;
            }
            let mut hi = i;
            while hi + 1 < words.len()
                && is_latinish(block, words[hi + 1])
                && tight_gap(&block.text[words[hi].range().end..words[hi + 1].range().start])
            {
                hi += 1;
            }
            let run_len = hi - lo + 1;
            if run_len > self.max_run || (!anywhere && run_len > 1) {
                continue;
            }
            let run_text = &block.text[words[lo].range().start..words[hi].range().end];
            if self.allowed(run_text) {
                continue;
            }
            if words[lo..i].iter().any(|h| {
                self.name_heads
                    .contains(&block.text[h.range()].to_lowercase())
            }) {
                continue;
            }
            // A run made of function words only is a quoted phrase.
            if run_len > 1
                && words[lo..=hi]
                    .iter()
                    .all(|x| is_lowercase_word(&block.text[x.range()]))
            {
                continue;
            }
            self.hit(block, w.range(), &lower, out);
        }
    }

    fn latin(&self, block: &Block, quoted: &mut Quoted, out: &mut dyn HitSink) {
        let words = &block.words;
        for i in 1..words.len().saturating_sub(1) {
            let (p, w, n) = (&words[i - 1], &words[i], &words[i + 1]);
            let text = &block.text[w.range()];
            // An ASCII word is its own lower case or no candidate: the
            // filter of the list tells most apart before any copy or test.
            if !self.words.may_contain(text) && text.is_ascii() {
                continue;
            }
            let Some(lower) = lowercase_word(text) else {
                continue;
            };
            if !self.words.contains(&lower) {
                continue;
            }
            if quoted
                .get(block)
                .iter()
                .any(|q| q.start <= w.range().start && w.range().end <= q.end)
                || block.is_masked(&w.range())
            {
                continue;
            }
            let (pt, nt) = (&block.text[p.range()], &block.text[n.range()]);
            let plain = |s: &str, x: &Word| {
                x.script() == Script::Latin
                    && lowercase_word(s).is_some_and(|lower| {
                        !self.foreign_context.contains(&*lower) && !self.words.contains(&lower)
                    })
            };
            if !plain(pt, p) || !plain(nt, n) {
                continue;
            }
            let gap_ok = |g: &str| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{00A0}');
            if !gap_ok(&block.text[p.range().end..w.range().start])
                || !gap_ok(&block.text[w.range().end..n.range().start])
            {
                continue;
            }
            if self.allowed(&block.text[p.range().start..n.range().end]) {
                continue;
            }
            self.hit(block, w.range(), &lower, out);
        }
    }
}

impl Check for Untranslated {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        if doc.lang == self.foreign {
            return;
        }
        for block in &doc.blocks {
            let mut quoted = Quoted::default();
            match self.context {
                Context::NonLatin => self.non_latin(block, &mut quoted, out),
                Context::Latin => self.latin(block, &mut quoted, out),
            }
        }
    }

    fn weight(&self) -> u8 {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-wise test answers as the character-wise definition.
        #[test]
        fn a_lower_case_word_is_one_without_a_capital_letter(s in "[a-zA-Z0-9'éÉßİﬀΣσ٣مـ-]{0,12}") {
            let by_char = s.chars().all(|c| !crate::document::is_letter(c) || c.is_lowercase());
            proptest::prop_assert_eq!(is_lowercase_word(&s), by_char);
            let expected = by_char.then(|| s.to_lowercase());
            proptest::prop_assert_eq!(lowercase_word(&s).map(std::borrow::Cow::into_owned), expected);
        }
    }

    proptest::proptest! {
        /// An ASCII word that the list's filter turns away is one that the
        /// full test (lower case, then the list) turns away too.
        #[test]
        fn an_ascii_word_the_filter_turns_away_is_no_candidate(
            w in "(et|avec|dans|mais|Et|ET|été|[a-zA-Z']{1,8})",
        ) {
            let list = ["et", "avec", "dans", "mais", "été"].map(str::to_owned);
            let set = crate::vocab::Map::set(list.iter());
            if !set.may_contain(&w) && w.is_ascii() {
                proptest::prop_assert!(lowercase_word(&w).is_none_or(|l| !set.contains(&l)));
            }
            if set.contains(&w) {
                proptest::prop_assert!(set.may_contain(&w));
            }
        }
    }

    /// A word of Arabic script is never a lower-case word: the check
    /// skips such words on their script alone.
    #[test]
    fn no_arabic_letter_is_a_lower_case_letter() {
        let arabic = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| crate::document::is_arabic_letter(c) && !crate::source::is_mark(c));
        let mut n = 0;
        for c in arabic {
            assert!(!is_lowercase_word(&format!("a{c}\u{064E}")), "{c:?}");
            n += 1;
        }
        assert!(n > 100, "{n} Arabic letters");
    }

    #[test]
    fn a_word_list_is_a_set_with_a_filter() {
        let words = ["et".to_owned(), "avec".to_owned(), "été".to_owned()];
        let set = crate::vocab::Map::set(words.iter());
        for w in &words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["the", "avez", "ete", ""] {
            assert!(!set.contains(w), "{w}");
        }
    }
}
