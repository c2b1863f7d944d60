//! `glued-words`: two words written without the space between them, found
//! from orthographic evidence inside one word:
//!
//! - `final-form-inside`: Arabic taa marbuta `ة` or alef maqsura `ى`, which
//!   only end a word, followed by a letter (`السيطرةمنظمة`). When what follows
//!   is a pronoun suffix (`قشرةها`), the suggestion is the suffixed form
//!   (`قشرتها`), not a split.
//! - `triple-letter`: the same letter three times in a row (`ستارغيتتتطلب`).
//! - `script-change`: Arabic letters directly against Latin letters
//!   (`وراءهاchatgpt`), except a proclitic (`وChatGPT`, `لـCNN`).
//! - `letters-digits`: Arabic letters directly against digits (`من100`),
//!   except proclitics before (`ب5`) and era letters after (`2025م`).
//!
//!   A word that alone fills a quotation or a bracket (`“عربي21”`) is a name
//!   (a site, a channel, a product) and is not split by these two.
//! - `camel-case`: a lower-case Latin word followed by a capitalized one
//!   (`theCompany`); brand names (`iPhone`, `eBay`, `OpenAI`) do not start
//!   with two lower-case letters, and an allow list covers the rest. A name
//!   particle before a capital (`deGrasse`, `duPlessis`) is a surname when a
//!   capitalized word stands next to it (`Neil deGrasse Tyson`).

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind};
use crate::document::{Block, Document, Script, Word, is_arabic_letter, is_latin_letter};
use crate::rules::Data;

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Evidence {
    FinalFormInside,
    TripleLetter,
    ScriptChange,
    LettersDigits,
    CamelCase,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    evidence: Vec<Evidence>,
    /// Words that are never glued (brand names); `@list` references allowed.
    #[serde(default)]
    allow: Vec<String>,
    /// Arabic proclitics that may be glued to a Latin word or a number.
    #[serde(default)]
    proclitics: Vec<String>,
    /// Arabic letters that may follow a number (`2025م`, `1446هـ`).
    #[serde(default)]
    number_suffixes: Vec<String>,
    /// Letters written as the decimal mark between digits (`9ر0`, `24ر80`).
    #[serde(default)]
    decimal_letters: Vec<String>,
    /// Pronoun suffixes before which `ة` is written `ت` (and `ى` `ي`).
    #[serde(default)]
    pronoun_suffixes: Vec<String>,
    /// Lower-case particles of surnames (`de`, `du`, `van`): glued to a
    /// capital next to another capitalized word they are a name.
    #[serde(default)]
    name_particles: Vec<String>,
}

#[derive(Debug)]
pub(crate) struct GluedWords {
    evidence: Vec<Evidence>,
    allow: HashSet<String>,
    proclitics: HashSet<String>,
    number_suffixes: HashSet<String>,
    decimal_letters: Vec<String>,
    pronoun_suffixes: HashSet<String>,
    name_particles: HashSet<String>,
}

fn set(data: &Data, items: &[String]) -> Result<HashSet<String>, String> {
    Ok(data.expand_lower(items)?.into_iter().collect())
}

impl Kind for GluedWords {
    const NAME: &'static str = "glued-words";
    const PLACEHOLDERS: &'static [&'static str] = &["reason", "suggestion"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        if p.evidence.is_empty() {
            return Err("`evidence` is empty".into());
        }
        Ok(GluedWords {
            evidence: p.evidence,
            allow: set(data, &p.allow)?,
            proclitics: set(data, &p.proclitics)?,
            number_suffixes: set(data, &p.number_suffixes)?,
            decimal_letters: data.expand_lower(&p.decimal_letters)?,
            pronoun_suffixes: set(data, &p.pronoun_suffixes)?,
            name_particles: set(data, &p.name_particles)?,
        })
    }
}

/// A place to split a word: the byte offset (in the word) and the
/// suggestion for the whole word.
struct Split {
    reason: &'static str,
    suggestion: String,
}

fn split_at(word: &str, at: usize) -> String {
    format!("{} {}", &word[..at], &word[at..])
}

/// Letters of the word with their byte offsets, skipping combining marks.
fn letters(word: &str) -> Vec<(usize, char)> {
    word.char_indices()
        .filter(|(_, c)| !crate::source::is_mark(*c))
        .collect()
}

/// Where the two kinds of evidence read letter by letter are first seen in
/// an Arabic word, found in one pass over its letters (combining marks
/// skipped): a final form `ة`/`ى` at byte `i` followed by an Arabic letter
/// at byte `j`, and the second of three identical Arabic letters.
#[derive(Default)]
struct Letters {
    final_form: Option<(usize, char, usize)>,
    triple: Option<usize>,
}

impl Letters {
    fn of(word: &str) -> Letters {
        let mut found = Letters::default();
        // The two letters before each letter.
        let (mut first, mut second): (Option<char>, Option<(usize, char)>) = (None, None);
        for (j, n) in word
            .char_indices()
            .filter(|(_, c)| !crate::source::is_mark(*c))
        {
            if let Some((i, c)) = second {
                if found.final_form.is_none() && matches!(c, 'ة' | 'ى') && is_arabic_letter(n) {
                    found.final_form = Some((i, c, j));
                }
                if found.triple.is_none() && first == Some(c) && n == c && is_arabic_letter(c) {
                    found.triple = Some(i);
                }
                if found.final_form.is_some() && found.triple.is_some() {
                    break;
                }
            }
            first = second.map(|(_, b)| b);
            second = Some((j, n));
        }
        found
    }
}

impl GluedWords {
    fn final_form_inside(&self, word: &str, (i, c, j): (usize, char, usize)) -> Split {
        let rest = &word[j..];
        let suggestion = if self.pronoun_suffixes.contains(rest) {
            let stem = if c == 'ة' { 'ت' } else { 'ي' };
            format!("{}{stem}{rest}", &word[..i])
        } else {
            split_at(word, j)
        };
        let reason = if c == 'ة' {
            "taa marbuta «ة» inside a word"
        } else {
            "alef maqsura «ى» inside a word"
        };
        Split { reason, suggestion }
    }

    fn triple_letter(word: &str, i: usize) -> Split {
        Split {
            reason: "the same letter three times in a row",
            suggestion: split_at(word, i),
        }
    }

    fn script_change(&self, word: &str) -> Option<Split> {
        let ls = letters(word);
        let mut run_start = 0usize;
        for k in 1..ls.len() {
            let (j, n) = ls[k];
            let c = ls[k - 1].1;
            let ar_la = is_arabic_letter(c) && is_latin_letter(n);
            let la_ar = is_latin_letter(c) && is_arabic_letter(n);
            if ar_la {
                // A tatweel may stretch the proclitic: `لـCNN`, `الـChatGPT`.
                let arabic: String = word[ls[run_start].0..j]
                    .chars()
                    .filter(|c| *c != 'ـ')
                    .collect();
                if !self.proclitics.contains(&arabic) {
                    return Some(Split {
                        reason: "Arabic letters glued to Latin letters",
                        suggestion: split_at(word, j),
                    });
                }
            } else if la_ar {
                return Some(Split {
                    reason: "Latin letters glued to Arabic letters",
                    suggestion: split_at(word, j),
                });
            }
            if is_arabic_letter(c) != is_arabic_letter(n) {
                run_start = k;
            }
        }
        None
    }

    fn letters_digits(&self, word: &str) -> Option<Split> {
        // A number with a letter for its decimal mark (`9ر0`).
        let digits = |s: &str| !s.is_empty() && s.chars().all(char::is_numeric);
        if self.decimal_letters.iter().any(|d| {
            word.split_once(d.as_str())
                .is_some_and(|(a, b)| digits(a) && digits(b))
        }) {
            return None;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for k in 1..chars.len() {
            let (j, n) = chars[k];
            let c = chars[k - 1].1;
            if is_arabic_letter(c) && n.is_numeric() {
                let run_start = chars[..k]
                    .iter()
                    .rev()
                    .take_while(|(_, ch)| is_arabic_letter(*ch) || crate::source::is_mark(*ch))
                    .last()
                    .map_or(j, |(i, _)| *i);
                let arabic: String = word[run_start..j].chars().filter(|c| *c != 'ـ').collect();
                if !self.proclitics.contains(&arabic) {
                    return Some(Split {
                        reason: "Arabic letters glued to a number",
                        suggestion: split_at(word, j),
                    });
                }
            } else if c.is_numeric() && is_arabic_letter(n) {
                let rest = &word[j..];
                if !self.number_suffixes.contains(rest) {
                    return Some(Split {
                        reason: "a number glued to Arabic letters",
                        suggestion: split_at(word, j),
                    });
                }
            }
        }
        None
    }

    fn camel_case(&self, word: &str, beside_capitalized: impl FnOnce() -> bool) -> Option<Split> {
        let j = camel_shape(word)?;
        if self.allow.contains(&*crate::source::lowercase(word))
            || !word.chars().all(is_latin_letter)
        {
            return None;
        }
        if beside_capitalized() && self.name_particles.contains(&word[..j]) {
            return None; // a surname: `Neil deGrasse Tyson`
        }
        Some(Split {
            reason: "a lower-case word glued to a capitalized one",
            suggestion: split_at(word, j),
        })
    }

    fn check_word(&self, block: &Block, k: usize, out: &mut dyn HitSink) {
        let (range, script) = (block.words[k].range(), block.words[k].script());
        let word = &block.text[range.clone()];
        // A Latin word can only be camel case: most are not, at a glance.
        if script == Script::Latin && camel_shape(word).is_none() {
            return;
        }
        // The evidence is read first and the allow list and masks only for a
        // word that has some: most words have none, and the lookups cost
        // more than the reading.
        let enclosed = script == Script::Mixed && is_enclosed(&block.text, &range);
        let letters = if script == Script::Latin {
            Letters::default()
        } else {
            Letters::of(word)
        };
        for ev in &self.evidence {
            let split = match ev {
                Evidence::FinalFormInside => letters
                    .final_form
                    .map(|at| self.final_form_inside(word, at)),
                Evidence::TripleLetter => {
                    letters.triple.map(|i| GluedWords::triple_letter(word, i))
                }
                Evidence::ScriptChange if script == Script::Mixed && !enclosed => {
                    self.script_change(word)
                }
                Evidence::LettersDigits if script == Script::Mixed && !enclosed => {
                    self.letters_digits(word)
                }
                Evidence::CamelCase if script == Script::Latin => {
                    self.camel_case(word, || beside_capitalized(block, k))
                }
                _ => None,
            };
            if let Some(s) = split {
                if self.allow.contains(&*crate::source::lowercase(word)) || block.is_masked(&range)
                {
                    return;
                }
                out.push(
                    Hit::in_block(block, range)
                        .var("reason", s.reason)
                        .var("suggestion", s.suggestion.clone())
                        .suggest(s.suggestion),
                );
                return;
            }
        }
    }
}

/// Where the capital of a camel-case word is: two lower-case letters or
/// more, then an upper-case one followed by a lower-case one (`theGuardian`
/// at 3); `None` for any other shape.
fn camel_shape(word: &str) -> Option<usize> {
    let mut chars = word.char_indices();
    let mut lower_prefix = 0;
    let (j, c) = loop {
        match chars.next()? {
            (_, c) if c.is_lowercase() => lower_prefix += 1,
            other => break other,
        }
    };
    let next = chars.next()?.1;
    (lower_prefix >= 2 && c.is_uppercase() && next.is_lowercase()).then_some(j)
}

/// True when the word alone fills a quotation or a bracket (`“عربي21”`,
/// `(MBC4)`): the name of a site, a channel or a product.
fn is_enclosed(text: &str, range: &std::ops::Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    before.is_some_and(|c| matches!(c, '"' | '«' | '“' | '”' | '„' | '‹' | '‘' | '(' | '['))
        && after.is_some_and(|c| matches!(c, '"' | '»' | '”' | '“' | '›' | '’' | ')' | ']'))
}

/// True when the word before or after word `k` (one space between) is a
/// capitalized Latin word.
fn beside_capitalized(block: &Block, k: usize) -> bool {
    let words = &block.words;
    let capitalized = |w: &Word| {
        w.script() == Script::Latin
            && block.text[w.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let one_space = |a: &Word, b: &Word| {
        matches!(
            &block.text[a.range().end..b.range().start],
            " " | "\u{00A0}"
        )
    };
    let prev = k
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|p| capitalized(p) && one_space(p, &words[k]));
    let next = words
        .get(k + 1)
        .is_some_and(|n| capitalized(n) && one_space(&words[k], n));
    prev || next
}

impl Check for GluedWords {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        for block in &doc.blocks {
            for k in 0..block.words.len() {
                self.check_word(block, k, out);
            }
        }
    }

    fn weight(&self) -> u8 {
        4
    }
}
