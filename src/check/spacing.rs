//! `spacing`: white space around punctuation, by the conventions of each
//! language.
//!
//! Modes:
//! - `space-before`: no white space before these marks (Arabic and English
//!   `،` `,` `.` `؛` `؟`; French `,` `.`). The fix removes it.
//! - `missing-space-after`: a mark glued to the next word (`،اطرح`,
//!   `word,word`); the neighbours must be of the given classes so that
//!   `97.4`, `1,000`, `U.S.` and `e.g.` are left alone. The fix adds a space.
//! - `double-space`: two or more spaces between words. The fix keeps one.
//!   With `except = ["after-sentence-end"]`, two spaces after a full stop
//!   (the typewriter convention) are left alone.
//! - `missing-space-before`: marks that need a space before them (French
//!   `;` `:` `!` `?` `»`: a narrow no-break space). The fix inserts `insert`.
//! - `missing-space-after-opening`: marks that need a space after them
//!   (French `«`). The fix inserts `insert`.
//!
//! House styles differ (AFP writes `Somme: deux hommes`, Quebec papers
//! `«non»`), so with `except = ["house-style"]` the last two modes only flag
//! a mark that the same document also writes with the space: an
//! inconsistency, not a convention. With `"repeated"`, `missing-space-after`
//! leaves alone a glued form the document writes more than once (`One.Tel`):
//! a name, not a slip; with `"abbreviations"`, a mark between two one-letter
//! words (`ش.م.ع`, `ق.م`).

use std::borrow::Cow;

use serde::Deserialize;

use super::{CharSet, Check, Hit, HitSink, Kind};
use crate::document::{Block, Document, PLACEHOLDER, is_arabic_letter};
use crate::rules::Data;
use crate::source::is_format_control;

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Mode {
    #[default]
    SpaceBefore,
    MissingSpaceAfter,
    DoubleSpace,
    MissingSpaceBefore,
    MissingSpaceAfterOpening,
}

/// A class of characters, for the neighbours of a mark.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Class {
    Letter,
    ArabicLetter,
    LatinLetter,
    Lowercase,
    /// An upper-case letter followed by a lower-case one (`The`).
    Capitalized,
    Digit,
    /// A letter or a digit.
    Alphanumeric,
    /// White space, the end of the text, or closing punctuation.
    SpaceOrEnd,
}

impl Class {
    fn matches(self, text: &str, at: usize) -> bool {
        let mut it = text[at..].chars();
        let c = it.next();
        match self {
            Class::SpaceOrEnd => c.is_none_or(|c| {
                c.is_whitespace()
                    || matches!(c, '"' | '»' | '”' | '’' | '\'' | '.' | '…' | ',' | ';')
            }),
            _ => c.is_some_and(|c| self.matches_char(c, it.next())),
        }
    }

    fn matches_char(self, c: char, next: Option<char>) -> bool {
        match self {
            Class::Letter => crate::document::is_letter(c),
            Class::ArabicLetter => is_arabic_letter(c),
            Class::LatinLetter => crate::document::is_latin_letter(c),
            Class::Lowercase => c.is_lowercase(),
            Class::Capitalized => c.is_uppercase() && next.is_some_and(char::is_lowercase),
            Class::Digit => c.is_numeric(),
            Class::Alphanumeric => crate::document::is_letter_or_digit(c),
            Class::SpaceOrEnd => c.is_whitespace(),
        }
    }
}

/// What a spacing rule leaves alone.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Except {
    /// `double-space`: two spaces after the end of a sentence.
    AfterSentenceEnd,
    /// `missing-space-before`/`-after-opening`: a mark that the document
    /// never writes with the space (its house style).
    HouseStyle,
    /// `missing-space-after`: a glued form that the document writes more
    /// than once (a name: `One.Tel`).
    Repeated,
    /// `missing-space-after`: a mark between two one-letter words, an
    /// abbreviation (`ش.م.ع`, `ق.م`, `ص.ب`).
    Abbreviations,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    mode: Mode,
    /// The punctuation marks the rule is about.
    #[serde(default)]
    chars: Vec<char>,
    /// Marks flagged by `space-before` only when white space or the end
    /// follows them (`.` but not `...` or `.NET`; `:` but not `:)`).
    #[serde(default)]
    only_before_space: Vec<char>,
    /// `missing-space-after`: what must precede and follow the mark.
    #[serde(default)]
    before: Vec<Class>,
    #[serde(default)]
    after: Vec<Class>,
    /// `missing-space-before`: the mark is flagged only when one of these
    /// follows it (`:` before a space, not in `10:30`).
    #[serde(default)]
    followed_by: Vec<Class>,
    /// The space the fix inserts (`missing-space-before`/`-after-opening`).
    #[serde(default)]
    insert: Option<String>,
    /// Places left alone (see [`Except`]).
    #[serde(default)]
    except: Vec<Except>,
}

#[derive(Debug)]
pub(crate) struct Spacing {
    p: Params,
    /// `p.chars`, to search.
    set: CharSet,
}

impl Kind for Spacing {
    const NAME: &'static str = "spacing";
    const PLACEHOLDERS: &'static [&'static str] = &["punct", "suggestion"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        if p.mode != Mode::DoubleSpace && p.chars.is_empty() {
            return Err("`chars` is empty".into());
        }
        if p.mode == Mode::MissingSpaceAfter && (p.before.is_empty() || p.after.is_empty()) {
            return Err("mode `missing-space-after` needs `before` and `after` classes".into());
        }
        let set = CharSet::new(&p.chars);
        Ok(Spacing { p, set })
    }
}

/// Horizontal white space (a line break inside a view is never flagged).
fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// True when the spaces starting at `start` follow the end of a sentence
/// (`said.  Mr`, `over."  The`).
fn after_sentence_end(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(['"', '”', '’', '»', ')', ']', '\'']);
    before.ends_with(['.', '?', '!', '…', '؟'])
}

/// Marks of `chars` that the document writes with white space before them
/// (`before`) or after them (not `before`).
fn spaced_marks(doc: &Document<'_>, chars: &CharSet, before: bool) -> Vec<char> {
    let mut found = Vec::new();
    for block in &doc.blocks {
        let t = &block.text;
        for (i, c) in chars.hits(t) {
            if found.contains(&c) {
                continue;
            }
            let neighbour = if before {
                t[..i].chars().next_back()
            } else {
                t[i + c.len_utf8()..].chars().next()
            };
            if neighbour.is_some_and(is_hspace) {
                found.push(c);
            }
        }
    }
    found
}

/// Start of the word that ends at `end` (letters, digits, marks).
fn word_start(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| crate::document::is_letter_or_digit(*c) || crate::source::is_mark(*c))
        .last()
        .map_or(end, |(i, _)| i)
}

/// End of the word that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !(crate::document::is_letter_or_digit(*c) || crate::source::is_mark(*c)))
        .map_or(text.len(), |(i, _)| start + i)
}

impl Spacing {
    fn except(&self, e: Except) -> bool {
        self.p.except.contains(&e)
    }

    fn space_before(&self, block: &Block, out: &mut dyn HitSink) {
        let t = &block.text;
        for (i, c) in self.set.hits(t) {
            let after = i + c.len_utf8();
            if self.p.only_before_space.contains(&c) && !Class::SpaceOrEnd.matches(t, after) {
                continue;
            }
            if c == '.' && t[after..].starts_with('.') {
                continue; // an ellipsis
            }
            // White space before the mark; invisible bidi controls among
            // it do not hide it, and the fix keeps them.
            let ws_start = t[..i]
                .char_indices()
                .rev()
                .take_while(|(_, ch)| is_hspace(*ch) || is_format_control(*ch))
                .last()
                .map_or(i, |(j, _)| j);
            if !t[ws_start..i].chars().any(is_hspace) {
                continue;
            }
            let kept: String = t[ws_start..i]
                .chars()
                .filter(|ch| is_format_control(*ch))
                .collect();
            let Some(before) = t[..ws_start].chars().next_back() else {
                continue;
            };
            if before.is_whitespace() || before == PLACEHOLDER || self.set.chars().contains(&before)
            {
                continue;
            }
            let range = ws_start..after;
            if block.is_masked(&range) {
                continue;
            }
            // The mark as written, borrowed (most hits keep no control).
            let mark = &t[i..after];
            let suggestion: Cow<'_, str> = if kept.is_empty() {
                mark.into()
            } else {
                format!("{kept}{c}").into()
            };
            out.push(
                Hit::in_block(block, range)
                    .var("punct", mark)
                    .var("suggestion", mark)
                    .suggest(suggestion),
            );
        }
    }

    /// `missing-space-after` over the whole document. With `repeated`, the
    /// glued forms are collected first and their occurrences counted in one
    /// pass over the document (a search of the document per form made long
    /// articles quadratic).
    fn missing_space_after_doc(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let mut found: Vec<(Hit, std::ops::Range<usize>, usize)> = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let mut hits = Vec::new();
            let mut tokens = Vec::new();
            self.missing_space_after(block, &mut hits, &mut tokens);
            found.extend(hits.into_iter().zip(tokens).map(|(h, t)| (h, t, bi)));
        }
        if found.is_empty() {
            return;
        }
        if !self.except(Except::Repeated) {
            out.extend(found.into_iter().map(|(h, _, _)| h));
            return;
        }
        let forms: Vec<&str> = {
            let mut v: Vec<&str> = found
                .iter()
                .map(|(_, r, bi)| &doc.blocks[*bi].text[r.clone()])
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let counts = occurrences(doc, &forms);
        for (hit, r, bi) in found {
            let form = &doc.blocks[bi].text[r];
            let i = forms.binary_search(&form).unwrap_or_default();
            if counts[i] <= 1 {
                out.push(hit);
            }
        }
    }

    /// The `missing-space-after` hits of a block, each with the view range
    /// of its glued form (`tokens`).
    fn missing_space_after(
        &self,
        block: &Block,
        out: &mut dyn HitSink,
        tokens: &mut Vec<std::ops::Range<usize>>,
    ) {
        let t = &block.text;
        for (i, c) in self.set.hits(t) {
            let after = i + c.len_utf8();
            let Some(prev) = t[..i].chars().next_back() else {
                continue;
            };
            let prev_at = i - prev.len_utf8();
            if !self.p.before.iter().any(|cl| cl.matches(t, prev_at)) {
                continue;
            }
            if !self.p.after.iter().any(|cl| cl.matches(t, after)) {
                continue;
            }
            let end = word_end(t, after);
            let range = i..end;
            let token = word_start(t, i)..end;
            if block.is_masked(&token) {
                continue;
            }
            let one_letter =
                |w: &str| w.chars().filter(|c| crate::document::is_letter(*c)).count() == 1;
            if self.except(Except::Abbreviations)
                && one_letter(&t[token.start..i])
                && one_letter(&t[after..end])
            {
                continue;
            }
            let suggestion = format!("{c} {}", &t[after..end]);
            out.push(
                Hit::in_block(block, range)
                    .var("punct", c.to_string())
                    .var("suggestion", suggestion.clone())
                    .suggest(suggestion),
            );
            tokens.push(token);
        }
    }

    fn double_space(&self, block: &Block, out: &mut dyn HitSink) {
        let t = &block.text;
        let b = t.as_bytes();
        let mut i = 0;
        // Two spaces are rare: found by a substring search, not byte by byte.
        let finder = memchr::memmem::Finder::new(b"  ");
        while let Some(at) = finder.find(&b[i..]) {
            let start = i + at;
            i = start;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            let range = start..i;
            let at_edge = start == 0 || i == b.len() || b[i] == b'\n' || b[start - 1] == b'\n';
            let convention = self.except(Except::AfterSentenceEnd) && after_sentence_end(t, start);
            if !at_edge && !convention && !block.is_masked(&range) {
                out.push(
                    Hit::in_block(block, range)
                        .var("punct", " ")
                        .var("suggestion", " ")
                        .suggest(" "),
                );
            }
        }
    }

    fn missing_space_before(&self, block: &Block, marks: &CharSet, out: &mut dyn HitSink) {
        let t = &block.text;
        let insert = self.p.insert.as_deref().unwrap_or("\u{202F}");
        for (i, c) in marks.hits(t) {
            let Some(prev) = t[..i].chars().next_back() else {
                continue;
            };
            if !(crate::document::is_letter_or_digit(prev) || crate::source::is_mark(prev)) {
                continue;
            }
            let after = i + c.len_utf8();
            if !self.p.followed_by.is_empty()
                && !self.p.followed_by.iter().any(|cl| cl.matches(t, after))
            {
                continue;
            }
            let start = word_start(t, i);
            let range = start..after;
            if block.is_masked(&range) {
                continue;
            }
            let suggestion = format!("{}{insert}{c}", &t[start..i]);
            out.push(
                Hit::in_block(block, range)
                    .var("punct", c.to_string())
                    .var("suggestion", suggestion.clone())
                    .suggest(suggestion),
            );
        }
    }

    fn missing_space_after_opening(&self, block: &Block, marks: &CharSet, out: &mut dyn HitSink) {
        let t = &block.text;
        let insert = self.p.insert.as_deref().unwrap_or("\u{202F}");
        for (i, c) in marks.hits(t) {
            let after = i + c.len_utf8();
            if !t[after..].starts_with(|n: char| crate::document::is_letter_or_digit(n)) {
                continue;
            }
            let end = word_end(t, after);
            let range = i..end;
            if block.is_masked(&range) {
                continue;
            }
            let suggestion = format!("{c}{insert}{}", &t[after..end]);
            out.push(
                Hit::in_block(block, range)
                    .var("punct", c.to_string())
                    .var("suggestion", suggestion.clone())
                    .suggest(suggestion),
            );
        }
    }
}

/// How many times each of `forms` occurs in the document as a whole word
/// (not inside a longer word), in one pass of an automaton.
fn occurrences(doc: &Document<'_>, forms: &[&str]) -> Vec<usize> {
    let mut counts = vec![0; forms.len()];
    let Ok(ac) = aho_corasick::AhoCorasick::new(forms) else {
        return counts;
    };
    let is_word = |c: Option<char>| c.is_some_and(crate::document::is_letter_or_digit);
    for b in &doc.blocks {
        for m in ac.find_overlapping_iter(&*b.text) {
            if !is_word(b.text[..m.start()].chars().next_back())
                && !is_word(b.text[m.end()..].chars().next())
            {
                counts[m.pattern().as_usize()] += 1;
            }
        }
    }
    counts
}

impl Check for Spacing {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        // The marks to check: with `house-style`, only those that the
        // document also writes with the space.
        let house_style = match self.p.mode {
            Mode::MissingSpaceBefore if self.except(Except::HouseStyle) => {
                Some(CharSet::new(&spaced_marks(doc, &self.set, true)))
            }
            Mode::MissingSpaceAfterOpening if self.except(Except::HouseStyle) => {
                Some(CharSet::new(&spaced_marks(doc, &self.set, false)))
            }
            _ => None,
        };
        let marks = house_style.as_ref().unwrap_or(&self.set);
        if self.p.mode == Mode::MissingSpaceAfter {
            self.missing_space_after_doc(doc, out);
            return;
        }
        for block in &doc.blocks {
            match self.p.mode {
                Mode::SpaceBefore => self.space_before(block, out),
                // Done above, over the whole document.
                Mode::MissingSpaceAfter => {}
                Mode::DoubleSpace => self.double_space(block, out),
                Mode::MissingSpaceBefore => self.missing_space_before(block, marks, out),
                Mode::MissingSpaceAfterOpening => {
                    self.missing_space_after_opening(block, marks, out);
                }
            }
        }
    }

    fn weight(&self) -> u8 {
        2
    }
}
