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
//! - `known-words`: an Arabic word that the lexicon does not know, even
//!   without its proclitics and endings, but that is two words it knows
//!   written as one (`يمكنقيمة`: `يمكن قيمة`). Only for words without the
//!   letter evidence above, which says more.
//! - `camel-case`: a lower-case Latin word followed by a capitalized one
//!   (`theCompany`); brand names (`iPhone`, `eBay`, `OpenAI`) do not start
//!   with two lower-case letters, and an allow list covers the rest. A name
//!   particle before a capital (`deGrasse`, `duPlessis`) is a surname when a
//!   capitalized word stands next to it (`Neil deGrasse Tyson`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind};
use crate::document::{Block, Document, Script, Word, is_arabic_letter, is_latin_letter};
use crate::rules::{Data, WordSet};

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Evidence {
    FinalFormInside,
    TripleLetter,
    ScriptChange,
    LettersDigits,
    KnownWords,
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
    /// `known-words`: the data list of the words of the language.
    #[serde(default)]
    lexicon: Option<String>,
    /// `known-words`: endings a known word may carry (inflections and
    /// pronouns, up to two of them: `ات` + `ها`).
    #[serde(default)]
    endings: Vec<String>,
    /// `known-words`: how compound names start that are written as one
    /// word (`عبدالله`, `أبوظبي`).
    #[serde(default)]
    name_heads: Vec<String>,
    /// `known-words`: report only in a text that drops spaces elsewhere, as
    /// a word with letter evidence shows (`ة` or `ى` inside a word, not
    /// before a pronoun suffix; three identical letters).
    #[serde(default)]
    only_where_spaces_drop: bool,
    /// `known-words`: the letters of the shortest word looked at.
    #[serde(default = "default_min_word_letters")]
    min_word_letters: usize,
    /// `known-words`: the letters of the shortest of the two words.
    #[serde(default = "default_min_part_letters")]
    min_part_letters: usize,
}

fn default_min_word_letters() -> usize {
    6
}

fn default_min_part_letters() -> usize {
    3
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
    lexicon: Option<String>,
    endings: Vec<String>,
    name_heads: Vec<String>,
    only_where_spaces_drop: bool,
    min_word_letters: usize,
    min_part_letters: usize,
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
        if p.lexicon.is_some() && !p.evidence.contains(&Evidence::KnownWords) {
            return Err("a `lexicon` is only read by `known-words`".into());
        }
        if p.evidence.contains(&Evidence::KnownWords) {
            if p.evidence.len() > 1 {
                return Err("`known-words` is evidence of a rule of its own".into());
            }
            match &p.lexicon {
                None => return Err("`known-words` needs a `lexicon`".into()),
                // Not `list`: that decodes a lexicon of 40,000 words at
                // start-up.
                Some(name) if !data.has_list(name) => {
                    return Err(format!("no data list `{name}` for `lexicon`"));
                }
                Some(_) => {}
            }
            if p.min_part_letters < 2 || p.min_word_letters < 2 * p.min_part_letters {
                return Err(
                    "`min-part-letters` must be 2 or more, and `min-word-letters` twice it or more"
                        .into(),
                );
            }
        }
        Ok(GluedWords {
            evidence: p.evidence,
            allow: set(data, &p.allow)?,
            proclitics: set(data, &p.proclitics)?,
            number_suffixes: set(data, &p.number_suffixes)?,
            decimal_letters: data.expand_lower(&p.decimal_letters)?,
            pronoun_suffixes: set(data, &p.pronoun_suffixes)?,
            name_particles: set(data, &p.name_particles)?,
            lexicon: p.lexicon,
            endings: data.expand_lower(&p.endings)?,
            name_heads: data.expand_lower(&p.name_heads)?,
            only_where_spaces_drop: p.only_where_spaces_drop,
            min_word_letters: p.min_word_letters,
            min_part_letters: p.min_part_letters,
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
#[derive(Debug, Default, PartialEq)]
struct Letters {
    final_form: Option<(usize, char, usize)>,
    triple: Option<usize>,
}

/// True for the two bytes of a basic Arabic letter, `ء` to `غ` and `ف` to
/// `ي` (U+0621 to U+063A, U+0641 to U+064A): no combining mark, and no
/// tatweel.
#[inline]
fn is_basic_arabic_letter(pair: &[u8]) -> bool {
    matches!(pair, [0xD8, 0xA1..=0xBA] | [0xD9, 0x81..=0x8A])
}

impl Letters {
    /// [`Letters`] of `word`. Most Arabic words of news text are basic
    /// letters alone (no harakat): they are read two bytes at a time, the
    /// others character by character ([`Letters::of_chars`]).
    #[inline]
    fn of(word: &str) -> Letters {
        let b = word.as_bytes();
        if b.len() % 2 != 0 {
            return Letters::of_chars(word);
        }
        let n = b.len() / 2;
        let mut found = Letters::default();
        // One pass over the pairs, with the two before each.
        let (mut last, mut before) = ([0u8; 2], [0u8; 2]);
        for (k, pair) in b.chunks_exact(2).enumerate() {
            if !is_basic_arabic_letter(pair) {
                return Letters::of_chars(word);
            }
            let pair = [pair[0], pair[1]];
            // `ة` U+0629 and `ى` U+0649 before another letter.
            if found.final_form.is_none()
                && k + 1 < n
                && matches!(pair, [0xD8, 0xA9] | [0xD9, 0x89])
            {
                let c = if pair[0] == 0xD8 { 'ة' } else { 'ى' };
                found.final_form = Some((2 * k, c, 2 * k + 2));
            }
            // The middle one of three identical letters.
            if found.triple.is_none() && k >= 2 && pair == last && last == before {
                found.triple = Some(2 * k - 2);
            }
            (before, last) = (last, pair);
        }
        found
    }

    /// [`Letters::of`], decoding every character.
    fn of_chars(word: &str) -> Letters {
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

    /// True when `key` (letters only) is a word of `lexicon`, or one
    /// without up to two prefixes (the `proclitics`), up to two endings, or
    /// both. What is left may be a word of the lexicon ending in `ة` written
    /// `ت` before an ending (`قيمتها`), or one the lexicon has with another
    /// of the endings (`مشير`, in `مشيرا`, for `مشيرين`).
    #[inline(never)]
    fn is_known(&self, lexicon: &WordSet, key: &str) -> bool {
        let mut buf = String::new();
        let mut known = |stem: &str| {
            if stem.chars().nth(1).is_none() {
                return false;
            }
            if lexicon.contains(stem)
                || stem
                    .strip_suffix('ت')
                    .is_some_and(|s| lexicon.contains(&format!("{s}ة")))
            {
                return true;
            }
            // A stem of three letters or more that the lexicon has with
            // another ending (`مشير` in `مشيرا` for `مشيرين`).
            stem.chars().nth(2).is_some()
                && self.endings.iter().any(|e| {
                    buf.clear();
                    buf.push_str(stem);
                    buf.push_str(e);
                    lexicon.contains(&buf)
                })
        };
        let endings = || {
            std::iter::once("").chain(
                self.endings
                    .iter()
                    .map(String::as_str)
                    .filter(|e| !e.is_empty()),
            )
        };
        let prefixes = |s: &str| -> Vec<usize> {
            self.proclitics
                .iter()
                .filter(|p| !p.is_empty() && s.starts_with(p.as_str()))
                .map(String::len)
                .collect()
        };
        // Without up to two prefixes (`و` + `سي`).
        let mut starts = vec![0];
        for p1 in prefixes(key) {
            starts.push(p1);
            starts.extend(prefixes(&key[p1..]).into_iter().map(|p2| p1 + p2));
        }
        for start in starts {
            let rest = &key[start..];
            for e1 in endings() {
                let Some(r1) = rest.strip_suffix(e1) else {
                    continue;
                };
                if known(r1) {
                    return true;
                }
                if e1.is_empty() {
                    continue;
                }
                for e2 in endings().filter(|e| !e.is_empty()) {
                    if r1.strip_suffix(e2).is_some_and(&mut known) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// An Arabic word that `lexicon` does not know (see
    /// [`GluedWords::is_known`]) but that two of its words written as one
    /// make, each of `min_part_letters` or more; of several such cuts, the
    /// one whose shorter word is longest: the byte where the second starts.
    #[inline(never)]
    fn known_words(&self, lexicon: &WordSet, word: &str) -> Option<usize> {
        // Most words are short (an Arabic letter is two bytes) or known as
        // they are written: nothing to copy or cut.
        if word.len() < 2 * self.min_word_letters || lexicon.contains(word) {
            return None;
        }
        // The letters (marks and tatweel left out), and where each is in
        // the word.
        let mut key = String::with_capacity(word.len());
        let mut at: Vec<(usize, usize)> = Vec::new(); // (in word, in key)
        for (i, c) in word.char_indices() {
            if crate::source::is_mark(c) || c == 'ـ' {
                continue;
            }
            if !is_arabic_letter(c) {
                return None;
            }
            at.push((i, key.len()));
            key.push(c);
        }
        let n = at.len();
        if n < self.min_word_letters || self.name_heads.iter().any(|h| key.starts_with(h.as_str()))
        {
            return None;
        }
        let min = self.min_part_letters;
        // (the byte where the second starts in the word, the letters of the shorter)
        let mut best: Option<(usize, usize)> = None;
        for (k, &(in_word, in_key)) in at.iter().enumerate().take(n - min + 1).skip(min) {
            let (a, b) = key.split_at(in_key);
            // The first word is one of `min` letters or more without its
            // proclitics (`الم` is no word before `ذاع`).
            let bare = self
                .proclitics
                .iter()
                .filter(|p| a.starts_with(p.as_str()))
                .map(|p| a[p.len()..].chars().count())
                .min()
                .unwrap_or(k);
            if bare >= min && lexicon.contains(a) && lexicon.contains(b) {
                let shorter = k.min(n - k);
                if best.is_none_or(|(_, s)| shorter > s) {
                    best = Some((in_word, shorter));
                }
            }
        }
        // Whether the lexicon knows the word itself is asked only of a word
        // that two of its words make: the costlier question, and most
        // unknown words have no such cut.
        best?;
        if self.is_known(lexicon, &key) {
            return None;
        }
        // Final `ى` for `ي` is a house style (`المالى`).
        if let Some(stem) = key.strip_suffix('ى')
            && self.is_known(lexicon, &format!("{stem}ي"))
        {
            return None;
        }
        best.map(|(in_word, _)| in_word)
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

    /// True when a word of `doc` shows by its letters that a space was
    /// dropped (a final form before a pronoun suffix is a misspelling of
    /// the suffixed word instead).
    fn drops_spaces(&self, doc: &Document<'_>) -> bool {
        doc.blocks.iter().any(|block| {
            block
                .words
                .iter()
                .filter(|w| w.script() != Script::Latin)
                .any(|w| {
                    let word = &block.text[w.range()];
                    let letters = Letters::of(word);
                    letters.triple.is_some()
                        || letters
                            .final_form
                            .is_some_and(|(_, _, j)| !self.pronoun_suffixes.contains(&word[j..]))
                })
        })
    }

    /// The `known-words` pass: Arabic words cut by the lexicon.
    fn check_known_words(&self, doc: &Document<'_>, lexicon: &WordSet, out: &mut dyn HitSink) {
        // Most texts drop no space: their words are not looked up at all.
        if self.only_where_spaces_drop && !self.drops_spaces(doc) {
            return;
        }
        // Where each distinct word is cut (an article repeats its words).
        let mut memo: HashMap<&str, Option<usize>> = HashMap::default();
        let mut found = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            for w in &block.words {
                let (range, word) = (w.range(), &block.text[w.range()]);
                // Too short to be two words (an Arabic letter is two bytes).
                if w.script() != Script::Arabic || word.len() < 2 * self.min_word_letters {
                    continue;
                }
                let Some(at) = *memo
                    .entry(word)
                    .or_insert_with(|| self.known_words(lexicon, word))
                else {
                    continue;
                };
                // Letter evidence says more (typography/glued-words').
                let letters = Letters::of(word);
                if letters.final_form.is_some()
                    || letters.triple.is_some()
                    || is_known_name(doc.data, &self.proclitics, word)
                    || block.is_masked(&range)
                    || self.allow.contains(word)
                {
                    continue;
                }
                found.push((bi, range, at));
            }
        }
        for (bi, range, at) in found {
            let block = &doc.blocks[bi];
            let suggestion = split_at(&block.text[range.clone()], at);
            out.push(
                Hit::in_block(block, range)
                    .var("reason", "two words run together")
                    .var("suggestion", suggestion.clone())
                    .suggest(suggestion),
            );
        }
    }
}

/// Where the capital of a camel-case word is: two lower-case letters or
/// more, then an upper-case one followed by a lower-case one (`theGuardian`
/// at 3); `None` for any other shape.
#[inline(always)] // 3 M instructions of the English 1 MB file when it is not
#[allow(clippy::inline_always)]
fn camel_shape(word: &str) -> Option<usize> {
    // Byte by byte while the letters are ASCII (most words): the
    // lower-case letters it starts with, then the capital and the
    // lower-case letter after them.
    let b = word.as_bytes();
    let lower = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
    match (b.get(lower), b.get(lower + 1)) {
        (None, _) => None,
        (Some(_), None) => None, // the last byte: ASCII
        (Some(c), Some(n)) if c.is_ascii() && n.is_ascii() => {
            (lower >= 2 && c.is_ascii_uppercase() && n.is_ascii_lowercase()).then_some(lower)
        }
        _ => camel_shape_of_chars(word),
    }
}

/// [`camel_shape`], char by char.
fn camel_shape_of_chars(word: &str) -> Option<usize> {
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

/// True when `word` is a name of the gazetteer, alone or after a proclitic
/// of `proclitics` (`ماكرون` is not `ماك رون`). Read from the gazetteer,
/// not from the document's mentions, which the rule would then have to
/// extract for every article.
fn is_known_name(data: &Data, proclitics: &HashSet<String>, word: &str) -> bool {
    let Some(automaton) = data.gazetteer.automaton() else {
        return false;
    };
    let key = crate::entity::key(word);
    automaton
        .leftmost_find_iter(&key)
        .any(|m| m.end() == key.len() && (m.start() == 0 || proclitics.contains(&key[..m.start()])))
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
        if let Some(name) = &self.lexicon {
            // `known-words` is a rule of its own (see `build`).
            self.check_known_words(doc, doc.data.set(name), out);
            return;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn build(params: &str) -> Result<GluedWords, String> {
        let p: Params = toml::from_str(params).map_err(|e| e.to_string())?;
        let rules = crate::rules::RuleSet::embedded().expect("the default rules load");
        GluedWords::build(p, rules.data())
    }

    proptest::proptest! {
        /// Read byte by byte while it is ASCII, a word has the shape it
        /// has char by char.
        #[test]
        fn a_word_has_its_camel_shape_byte_by_byte(word in "[a-cA-CéÉ1'-]{0,8}") {
            proptest::prop_assert_eq!(camel_shape(&word), camel_shape_of_chars(&word));
        }

        /// Read two bytes at a time, a word of basic Arabic letters has the
        /// letter evidence it has character by character; words with
        /// marks, a tatweel or other letters take the character path.
        #[test]
        fn letters_two_bytes_at_a_time_equal_letters_char_by_char(
            word in "[بةىيءغفـ\u{64E}\u{651}\u{670}ۀکa1]{0,9}"
        ) {
            proptest::prop_assert_eq!(Letters::of(&word), Letters::of_chars(&word));
        }
    }

    #[test]
    fn the_two_byte_letters_are_arabic_letters_and_no_marks() {
        let mut buf = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            if is_basic_arabic_letter(b) {
                assert!(is_arabic_letter(c) && !crate::source::is_mark(c), "{c:?}");
                assert!(b.len() == 2, "{c:?}");
            }
        }
        let word = "ببب";
        assert_eq!(Letters::of(word).triple, Some(2));
        assert_eq!(Letters::of("مدرسةالعلوم").final_form, Some((8, 'ة', 10)));
    }

    #[test]
    fn known_words_needs_a_lexicon_that_exists_and_parts_that_fit_the_word() {
        let err = |params: &str| build(params).err().unwrap_or_default();
        assert!(err(r#"evidence = ["known-words"]"#).contains("needs a `lexicon`"));
        assert!(
            err(r#"evidence = ["known-words"]
lexicon = "lexicon-xx""#)
            .contains("no data list `lexicon-xx`")
        );
        assert!(
            err(r#"evidence = ["known-words"]
lexicon = "lexicon-ar"
min-part-letters = 4
min-word-letters = 7"#)
            .contains("twice it or more")
        );
        assert!(
            build(
                r#"evidence = ["known-words"]
lexicon = "lexicon-ar""#
            )
            .is_ok()
        );
        // Without known-words, no lexicon is needed, nor read.
        assert!(build(r#"evidence = ["triple-letter"]"#).is_ok());
        assert!(
            err(r#"evidence = ["triple-letter"]
lexicon = "lexicon-ar""#)
            .contains("only read by `known-words`")
        );
        assert!(
            err(r#"evidence = ["known-words", "triple-letter"]
lexicon = "lexicon-ar""#)
            .contains("a rule of its own")
        );
    }
}
