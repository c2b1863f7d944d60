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
//! - `missing-space-before`: marks that need a space before them (French
//!   `;` `:` `!` `?` `»`: a narrow no-break space). The fix inserts `insert`.
//! - `missing-space-after-opening`: marks that need a space after them
//!   (French `«`). The fix inserts `insert`.

use serde::Deserialize;

use super::{Check, Hit, Kind};
use crate::document::{Block, Document, PLACEHOLDER, is_arabic_letter};
use crate::rules::Data;

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
            Class::Letter => c.is_alphabetic(),
            Class::ArabicLetter => is_arabic_letter(c),
            Class::LatinLetter => crate::document::is_latin_letter(c),
            Class::Lowercase => c.is_lowercase(),
            Class::Capitalized => c.is_uppercase() && next.is_some_and(char::is_lowercase),
            Class::Digit => c.is_numeric(),
            Class::Alphanumeric => c.is_alphanumeric(),
            Class::SpaceOrEnd => c.is_whitespace(),
        }
    }
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
}

#[derive(Debug)]
pub(crate) struct Spacing {
    p: Params,
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
        Ok(Spacing { p })
    }
}

/// Horizontal white space (a line break inside a view is never flagged).
fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// Start of the word that ends at `end` (letters, digits, marks).
fn word_start(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || crate::source::is_mark(*c))
        .last()
        .map_or(end, |(i, _)| i)
}

/// End of the word that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || crate::source::is_mark(*c)))
        .map_or(text.len(), |(i, _)| start + i)
}

impl Spacing {
    fn space_before(&self, block: &Block, out: &mut Vec<Hit>) {
        let t = &block.text;
        for (i, c) in t.char_indices() {
            if !self.p.chars.contains(&c) {
                continue;
            }
            let after = i + c.len_utf8();
            if self.p.only_before_space.contains(&c) && !Class::SpaceOrEnd.matches(t, after) {
                continue;
            }
            if c == '.' && t[after..].starts_with('.') {
                continue; // an ellipsis
            }
            let ws_start = t[..i]
                .char_indices()
                .rev()
                .take_while(|(_, ch)| is_hspace(*ch))
                .last()
                .map_or(i, |(j, _)| j);
            if ws_start == i {
                continue;
            }
            let Some(before) = t[..ws_start].chars().next_back() else {
                continue;
            };
            if before.is_whitespace() || before == PLACEHOLDER || self.p.chars.contains(&before) {
                continue;
            }
            let range = ws_start..after;
            if block.is_masked(&range) {
                continue;
            }
            out.push(
                Hit::in_block(block, range)
                    .var("punct", c.to_string())
                    .var("suggestion", c.to_string())
                    .suggest(c.to_string()),
            );
        }
    }

    fn missing_space_after(&self, block: &Block, out: &mut Vec<Hit>) {
        let t = &block.text;
        for (i, c) in t.char_indices() {
            if !self.p.chars.contains(&c) {
                continue;
            }
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
            if block.is_masked(&(word_start(t, i)..end)) {
                continue;
            }
            let suggestion = format!("{c} {}", &t[after..end]);
            out.push(
                Hit::in_block(block, range)
                    .var("punct", c.to_string())
                    .var("suggestion", suggestion.clone())
                    .suggest(suggestion),
            );
        }
    }

    fn double_space(block: &Block, out: &mut Vec<Hit>) {
        let t = &block.text;
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b' ' && b.get(i + 1) == Some(&b' ') {
                let start = i;
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
                let range = start..i;
                let at_edge = start == 0 || i == b.len() || b[i] == b'\n' || b[start - 1] == b'\n';
                if !at_edge && !block.is_masked(&range) {
                    out.push(
                        Hit::in_block(block, range)
                            .var("punct", " ")
                            .var("suggestion", " ")
                            .suggest(" "),
                    );
                }
            } else {
                i += 1;
            }
        }
    }

    fn missing_space_before(&self, block: &Block, out: &mut Vec<Hit>) {
        let t = &block.text;
        let insert = self.p.insert.as_deref().unwrap_or("\u{202F}");
        for (i, c) in t.char_indices() {
            if !self.p.chars.contains(&c) {
                continue;
            }
            let Some(prev) = t[..i].chars().next_back() else {
                continue;
            };
            if !(prev.is_alphanumeric() || crate::source::is_mark(prev)) {
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

    fn missing_space_after_opening(&self, block: &Block, out: &mut Vec<Hit>) {
        let t = &block.text;
        let insert = self.p.insert.as_deref().unwrap_or("\u{202F}");
        for (i, c) in t.char_indices() {
            if !self.p.chars.contains(&c) {
                continue;
            }
            let after = i + c.len_utf8();
            if !t[after..].starts_with(|n: char| n.is_alphanumeric()) {
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

impl Check for Spacing {
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Hit>) {
        for block in &doc.blocks {
            match self.p.mode {
                Mode::SpaceBefore => self.space_before(block, out),
                Mode::MissingSpaceAfter => self.missing_space_after(block, out),
                Mode::DoubleSpace => Spacing::double_space(block, out),
                Mode::MissingSpaceBefore => self.missing_space_before(block, out),
                Mode::MissingSpaceAfterOpening => self.missing_space_after_opening(block, out),
            }
        }
    }
}
