//! Tokens of a normalized block: digit runs (with their separators),
//! words (cut where the script changes: `من100`, `وراءهاchatgpt`), white
//! space and single symbols.

use std::ops::Range;

use crate::document::is_arabic_letter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Num,
    Word { arabic: bool },
    Space,
    Sym,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) range: Range<usize>,
    pub(crate) kind: Kind,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word { .. })
    }

    pub(crate) fn is_latin_word(&self) -> bool {
        matches!(self.kind, Kind::Word { arabic: false })
    }

    pub(crate) fn is_arabic_word(&self) -> bool {
        matches!(self.kind, Kind::Word { arabic: true })
    }

    /// True for tokens that phrase matching skips: white space and hyphens
    /// (`demi-milliard`).
    pub(crate) fn is_skipped(&self, text: &str) -> bool {
        self.kind == Kind::Space || (self.kind == Kind::Sym && &text[self.range.clone()] == "-")
    }
}

/// The matching key of a token: its text, with `’` as `'`.
pub(crate) fn key<'t>(text: &'t str, tok: &Tok) -> &'t str {
    let s = &text[tok.range.clone()];
    if s == "’" { "'" } else { s }
}

#[inline]
fn is_word_char(c: char) -> bool {
    // No ASCII character is a combining mark.
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        crate::document::is_letter(c) || crate::source::is_mark(c)
    }
}

/// Cuts `text` (normalized: ASCII digits) into tokens. `space_groups(pos)`
/// tells whether the white space at `pos` may group thousands
/// (`1 250 000`).
pub(crate) fn tokenize(text: &str, space_groups: &dyn Fn(usize) -> bool) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // News text has a token (a word, the space after it, a sign) every
    // 2.8 bytes in English and French, 5 in Arabic (measured on real
    // articles): the list is sized for the former once rather than grown
    // and copied again and again (counting the ASCII bytes first to size
    // it closer cost more than it saved).
    let mut toks = Vec::with_capacity(text.len() * 2 / 5 + 4);
    let mut i = 0;
    while i < text.len() {
        // An ASCII byte is its character: only the others are decoded.
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => text[i..].chars().next().expect("in bounds"),
        };
        let start = i;
        if c.is_ascii_digit() {
            i = scan_number(text, i, space_groups);
            toks.push(Tok {
                range: start..i,
                kind: Kind::Num,
            });
        } else if is_word_char(c) {
            let arabic = is_arabic_letter(c);
            i += c.len_utf8();
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    // ASCII: only a letter goes on, and only a Latin word.
                    if b.is_ascii_alphabetic() && !arabic {
                        i += 1;
                        continue;
                    }
                    break;
                }
                let d = text[i..].chars().next().expect("in bounds");
                if !is_word_char(d) || (is_arabic_letter(d) != arabic && !crate::source::is_mark(d))
                {
                    break;
                }
                i += d.len_utf8();
            }
            toks.push(Tok {
                range: start..i,
                kind: Kind::Word { arabic },
            });
        } else if c.is_whitespace() {
            i += c.len_utf8();
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    // `char::is_whitespace` on ASCII.
                    if matches!(b, b'\t'..=b'\r' | b' ') {
                        i += 1;
                        continue;
                    }
                    break;
                }
                match text[i..].chars().next().filter(|d| d.is_whitespace()) {
                    Some(d) => i += d.len_utf8(),
                    None => break,
                }
            }
            toks.push(Tok {
                range: start..i,
                kind: Kind::Space,
            });
        } else {
            i += c.len_utf8();
            toks.push(Tok {
                range: start..i,
                kind: Kind::Sym,
            });
        }
        debug_assert!(i <= bytes.len());
    }
    toks
}

/// The ranges of the number tokens of `text`, which [`tokenize`] would
/// give, without the other tokens.
pub(crate) fn numbers<'a>(
    text: &'a str,
    space_groups: &'a dyn Fn(usize) -> bool,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // A digit never continues a word or a symbol token, and UTF-8
        // continuation bytes are never ASCII digits.
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        (i < b.len()).then(|| {
            let start = i;
            i = scan_number(text, i, space_groups);
            start..i
        })
    })
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The end of the digit run at `i`: digits, and `.` `,` between digits,
/// and a single space before a group of exactly three digits while the run
/// is still a grouped integer (`1 250 000`, not `2019 100`).
fn scan_number(text: &str, mut i: usize, space_groups: &dyn Fn(usize) -> bool) -> usize {
    let b = text.as_bytes();
    let first = digits_at(b, i);
    i += first;
    let mut grouped_ok = first <= 3;
    let mut marks = false;
    loop {
        match b.get(i) {
            Some(b'.' | b',') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                marks = true;
                i += 1;
                i += digits_at(b, i);
            }
            Some(b' ')
                if grouped_ok
                    && !marks
                    && space_groups(i)
                    && digits_at(b, i + 1) == 3
                    && !b.get(i + 4).is_some_and(u8::is_ascii_alphanumeric) =>
            {
                i += 4;
                grouped_ok = true;
            }
            _ => return i,
        }
        grouped_ok = grouped_ok && !marks;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, groups: bool) -> Vec<String> {
        tokenize(text, &|_| groups)
            .iter()
            .filter(|t| t.kind != Kind::Space)
            .map(|t| key(text, t).to_owned())
            .collect()
    }

    /// [`tokenize`] a character at a time, as it was before its ASCII
    /// fast paths.
    fn tokenize_by_char(text: &str, space_groups: &dyn Fn(usize) -> bool) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().expect("in bounds");
            let start = i;
            let kind = if c.is_ascii_digit() {
                i = scan_number(text, i, space_groups);
                Kind::Num
            } else if is_word_char(c) {
                let arabic = is_arabic_letter(c);
                i += c.len_utf8();
                while let Some(d) = text[i..].chars().next() {
                    if !is_word_char(d)
                        || (is_arabic_letter(d) != arabic && !crate::source::is_mark(d))
                    {
                        break;
                    }
                    i += d.len_utf8();
                }
                Kind::Word { arabic }
            } else if c.is_whitespace() {
                i += c.len_utf8();
                while let Some(d) = text[i..].chars().next().filter(|d| d.is_whitespace()) {
                    i += d.len_utf8();
                }
                Kind::Space
            } else {
                i += c.len_utf8();
                Kind::Sym
            };
            toks.push(Tok {
                range: start..i,
                kind,
            });
        }
        toks
    }

    proptest::proptest! {
        #[test]
        fn the_fast_paths_of_tokenize_change_nothing(
            text in "[a-zA-Zé ٠٫0-9.,\u{00A0}\u{2003}\t\n$%-ماسكًـ\u{0301}]{0,24}",
            groups in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(
                tokenize(&text, &|_| groups),
                tokenize_by_char(&text, &|_| groups)
            );
        }

        #[test]
        fn numbers_are_the_number_tokens(
            text in "[a-zé ٠٫0-9.,\u{00A0}$%-]{0,16}",
            groups in proptest::bool::ANY,
        ) {
            let from_tokens: Vec<Range<usize>> = tokenize(&text, &|_| groups)
                .into_iter()
                .filter(|t| t.kind == Kind::Num)
                .map(|t| t.range)
                .collect();
            let scanned: Vec<Range<usize>> = numbers(&text, &|_| groups).collect();
            proptest::prop_assert_eq!(scanned, from_tokens);
        }
    }

    #[test]
    fn numbers_words_and_symbols() {
        assert_eq!(keys("من100 مليار", false), ["من", "100", "مليار"]);
        assert_eq!(keys("$97.4bn", false), ["$", "97.4", "bn"]);
        assert_eq!(keys("1 250 000,5 €", true), ["1 250 000,5", "€"]);
        assert_eq!(keys("1 250 000", false), ["1", "250", "000"]);
        assert_eq!(keys("2019 100", true), ["2019", "100"]);
        assert_eq!(keys("d’euros 5.", false), ["d", "'", "euros", "5", "."]);
        assert_eq!(keys("وراءهاchatgpt", false), ["وراءها", "chatgpt"]);
    }
}
