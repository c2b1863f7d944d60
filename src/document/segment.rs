//! Sentence and word segmentation (Unicode UAX #29, which knows the Arabic
//! question mark, keeps decimals such as `97.4` whole and keeps Arabic
//! words with their clitics and diacritics whole), and masks for what is not
//! prose.

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta;
use unicode_segmentation::UnicodeSegmentation;

use super::lang::{is_arabic_letter, is_latin_letter};
use crate::source::is_format_control;

/// The writing system of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic = 0,
    Latin = 1,
    /// Digits only.
    Digits = 2,
    /// Letters of several scripts, or letters and digits.
    Mixed = 3,
    Other = 4,
}

/// The longest word kept whole, in bytes (2¹³ − 1: a word's length shares
/// 16 bits with its script). A longer run of letters or digits, which no
/// prose holds (a blob of base64, a number of ten thousand digits), is cut
/// there.
pub(crate) const MAX_WORD_BYTES: usize = (1 << 13) - 1;

/// A range of a block's view (a sentence, a clause) in 8 bytes instead of
/// a `Range<usize>`'s 16: a long article has hundreds of thousands. View
/// offsets fit a `u32`, as the original offsets do (see [`crate::source::Span`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewRange {
    pub start: u32,
    pub end: u32,
}

impl ViewRange {
    pub(crate) fn new(range: Range<usize>) -> ViewRange {
        debug_assert!(u32::try_from(range.end).is_ok());
        ViewRange {
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The view byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A word of a block's view, in six bytes: a document keeps every word of
/// its text, and a 10 MB article has close to two million.
///
/// Packed to an alignment of two bytes rather than four, so that an array
/// of words has no padding (its `u32` is read unaligned, in one load).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(C, packed(2))]
pub struct Word {
    /// View byte offset (inputs are at most
    /// [`crate::source::MAX_INPUT_BYTES`], far below 4 GiB).
    start: u32,
    /// The length (the high 13 bits) and the script (the low 3).
    len_script: u16,
}

impl Word {
    /// A word over `range`, at most [`MAX_WORD_BYTES`] long (see
    /// `capped`).
    pub(crate) fn new(range: Range<usize>, script: Script) -> Word {
        debug_assert!(u32::try_from(range.start).is_ok());
        debug_assert!(range.len() <= MAX_WORD_BYTES);
        let len = range.len().min(MAX_WORD_BYTES) as u16;
        Word {
            start: range.start as u32,
            len_script: len << 3 | script as u16,
        }
    }

    /// View byte range.
    pub fn range(&self) -> Range<usize> {
        let (start, len) = (self.start as usize, self.len_script >> 3);
        start..start + usize::from(len)
    }

    /// The word's writing system.
    pub fn script(&self) -> Script {
        match self.len_script & 7 {
            0 => Script::Arabic,
            1 => Script::Latin,
            2 => Script::Digits,
            3 => Script::Mixed,
            _ => Script::Other,
        }
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Word")
            .field("range", &self.range())
            .field("script", &self.script())
            .finish()
    }
}

/// The word over `range` of `text` (at `offset` in the view), cut at the
/// last character boundary within [`MAX_WORD_BYTES`] when it is longer.
fn capped(text: &str, offset: usize, range: Range<usize>, script: Script) -> Word {
    let mut end = range.end;
    if range.len() > MAX_WORD_BYTES {
        end = range.start + MAX_WORD_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
    }
    Word::new(offset + range.start..offset + end, script)
}

fn script_of(word: &str) -> Script {
    let (mut ar, mut la, mut dig, mut other) = (false, false, false, false);
    for c in word.chars() {
        if crate::source::is_mark(c) {
            // Harakat, tatweel and combining accents belong to their letter
            // (they are `Alphabetic` in Unicode, but of no script here).
            continue;
        }
        if is_arabic_letter(c) {
            ar = true;
        } else if is_latin_letter(c) {
            la = true;
        } else if c.is_numeric() {
            dig = true;
        } else if crate::document::is_letter(c) {
            other = true;
        }
    }
    match (ar, la, dig, other) {
        (true, false, false, false) => Script::Arabic,
        (false, true, false, false) => Script::Latin,
        (false, false, true, false) => Script::Digits,
        (false, false, false, true) => Script::Other,
        (false, false, false, false) => Script::Other,
        _ => Script::Mixed,
    }
}

/// Words: UAX #29 word segments that hold a letter or a digit, without
/// the bidi and zero-width controls that UAX #29 attaches to their ends
/// (`the\u{200F}` is the word `the`); controls inside a word stay.
///
/// UAX #29 joins nothing to ASCII white space but the marks and format
/// characters after it (`WB4`) and other spaces (`WB3d`), and none of its rules
/// looks across white space, so the text is cut there (before a run that
/// starts with a letter or ASCII): each run between white space that is
/// printable ASCII goes through
/// [`ascii_words`] (the rules of UAX #29 restricted to ASCII, a byte at a
/// time), each that is one Arabic word is taken whole ([`arabic_word`]), and
/// only the other runs go through `unicode-segmentation` (its table lookups
/// per character were the most of a run's segmentation time). Property
/// tests compare the result with UAX #29 over the whole text.
pub(super) fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    // A word every five bytes or more (English words and the space after
    // them are five or six bytes, Arabic ones ten): sized once rather than
    // grown from nothing; the block gives back what is left.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // The pending region: a run, or runs joined with the white space
    // between them, and how it is cut into words.
    let mut region: Option<(usize, usize, Run)> = None;
    let flush = |region: Option<(usize, usize, Run)>, out: &mut Vec<Word>| match region {
        Some((start, end, Run::Ascii)) => ascii_words(bytes, start, end, out),
        Some((_, _, Run::Arabic(word))) if !word.is_empty() => {
            out.push(capped(text, 0, word, Script::Arabic));
        }
        Some((_, _, Run::Arabic(_))) | None => {}
        Some((start, end, Run::Other)) => unicode_words(&text[start..end], start, out),
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut printable = true;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            printable &= matches!(bytes[i], 0x21..=0x7E);
            i += 1;
        }
        // A run that starts with what UAX #29 may join to the white space
        // before it (a mark, a format character, another space) is
        // segmented together with that white space and the region before.
        let first = text[start..].chars().next().unwrap_or(' ');
        if first.is_ascii()
            || is_arabic_letter(first)
            || is_latin_letter(first)
            || OPENING.contains(&first)
        {
            flush(region.take(), &mut out);
            let run = if printable {
                Run::Ascii
            } else {
                arabic_word(bytes, start, i).map_or(Run::Other, Run::Arabic)
            };
            region = Some((start, i, run));
        } else {
            let from = region.map_or(0, |(s, _, _)| s);
            region = Some((from, i, Run::Other));
        }
    }
    flush(region, &mut out);
    out
}

/// Punctuation outside ASCII that UAX #29 does not join to the white space
/// before it (none is `Extend`, `Format`, `ZWJ` or `WSegSpace`, `WB3c` to
/// `WB4`), and that often opens or follows a word: a run that starts with
/// one starts a region of its own (a test checks each against
/// `unicode-segmentation`).
const OPENING: [char; 11] = ['«', '»', '،', '؛', '؟', '“', '”', '‘', '’', '—', '–'];

/// How a run between white space is cut into words.
#[derive(Debug, Clone)]
enum Run {
    /// Printable ASCII: [`ascii_words`].
    Ascii,
    /// One Arabic word, over these bytes, or none when they are empty
    /// (punctuation alone, [`arabic_word`]).
    Arabic(Range<usize>),
    /// Anything else: UAX #29 by `unicode-segmentation`.
    Other,
}

/// The word when `bytes[start..end]` is one Arabic word (an empty range
/// when it is punctuation alone, which holds none): maybe punctuation
/// (ASCII but `_`, and [`OPENING`]), letters of the basic Arabic block and
/// the tatweel (U+0620 to U+064A) and harakat (U+064B to U+065F) after a
/// first letter, then maybe punctuation again. UAX #29 keeps the letters
/// and marks together (`WB5`, `WB4`) and joins none of that punctuation to
/// a letter unless a letter or digit is on its other side, which none is
/// here (`_` alone joins a letter from either side, `WB13a`, `WB13b`). Most
/// Arabic words of a news text are such runs (`الولايات`, `العام،`,
/// `«الشركة»`), and reading them a byte at a time spares
/// `unicode-segmentation`'s table lookups.
fn arabic_word(bytes: &[u8], start: usize, end: usize) -> Option<Range<usize>> {
    // A letter first: not a mark, nor the tatweel (alone, `script_of` does
    // not take it for Arabic).
    let letter_at = |k: usize| {
        matches!(
            (bytes[k], bytes.get(k + 1).copied().unwrap_or(0)),
            (0xD8, 0xA0..=0xBF) | (0xD9, 0x81..=0x8A)
        )
    };
    // (Most words start with their first letter.)
    let start = if letter_at(start) {
        start
    } else {
        let start = start + punctuation(bytes, start, end)?;
        if start == end {
            // Punctuation alone: no word.
            return Some(end..end);
        }
        if !letter_at(start) {
            return None;
        }
        start
    };
    let mut i = start;
    while i + 1 < end {
        let (b0, b1) = (bytes[i], bytes[i + 1]);
        let letter = (b0 == 0xD8 && (0xA0..=0xBF).contains(&b1))
            || (b0 == 0xD9 && (0x80..=0x8A).contains(&b1));
        let mark = b0 == 0xD9 && (0x8B..=0x9F).contains(&b1);
        if !(letter || (mark && i > start)) {
            break;
        }
        i += 2;
    }
    if i == start {
        return None;
    }
    (i == end || punctuation(bytes, i, end)? == end - i).then_some(start..i)
}

/// How many bytes of punctuation `bytes[start..end]` starts with: ASCII
/// punctuation and [`OPENING`]; `None` at a `_`.
#[inline]
fn punctuation(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'_' => return None,
            b if b.is_ascii_punctuation() => i += 1,
            // `«` `»` (C2 AB, C2 BB)
            0xC2 if i + 1 < end && matches!(bytes[i + 1], 0xAB | 0xBB) => i += 2,
            // `،` `؛` `؟` (D8 8C, D8 9B, D8 9F)
            0xD8 if i + 1 < end && matches!(bytes[i + 1], 0x8C | 0x9B | 0x9F) => i += 2,
            // `“` `”` `‘` `’` `—` `–` (E2 80 9C, 9D, 98, 99, 94, 93)
            0xE2 if i + 2 < end
                && bytes[i + 1] == 0x80
                && matches!(bytes[i + 2], 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D) =>
            {
                i += 3;
            }
            _ => break,
        }
    }
    Some(i - start)
}

/// [`ASCII_CLASS`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII digit.
const DIGIT: u8 = 2;
/// [`ASCII_CLASS`] of `_`.
const CONNECTOR: u8 = 4;
/// What each byte is to [`ascii_words`]: a letter, a digit, `_` (the bytes
/// a word is made of), or 0.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            CONNECTOR
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The words of `text[start..end]`, printable ASCII, by the rules of UAX #29
/// for these characters: letters, digits and `_` hold together (`WB5`,
/// `WB8` to `WB10`, `WB13a` and `WB13b`); `:` (`MidLetter`) and `.` `'`
/// (`MidNumLet`, `Single_Quote`) join two letters (`WB6`, `WB7`); `,` `;`
/// (`MidNum`) and `.` `'` join two digits (`WB11`, `WB12`); everything else
/// stands alone.
fn ascii_words(bytes: &[u8], start: usize, end: usize, out: &mut Vec<Word>) {
    let mut i = start;
    while i < end {
        if ASCII_CLASS[usize::from(bytes[i])] == 0 {
            i += 1;
            continue;
        }
        let w = i;
        // The classes of the word's bytes, or-ed: one table lookup a byte.
        let mut seen = 0;
        loop {
            while i < end {
                let class = ASCII_CLASS[usize::from(bytes[i])];
                if class == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            if i + 1 < end {
                let (before, mid, after) = (bytes[i - 1], bytes[i], bytes[i + 1]);
                let joins = match mid {
                    b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
                    b'.' | b'\'' => {
                        (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
                            || (before.is_ascii_digit() && after.is_ascii_digit())
                    }
                    b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
                    _ => false,
                };
                if joins {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        let script = match (seen & LETTER != 0, seen & DIGIT != 0) {
            (false, false) => continue, // `_` alone
            (true, false) => Script::Latin,
            (false, true) => Script::Digits,
            (true, true) => Script::Mixed,
        };
        // ASCII: any byte is a character boundary.
        out.push(Word::new(w..i.min(w + MAX_WORD_BYTES), script));
    }
}

/// The words of `text` (at `offset` in the view) by `unicode-segmentation`.
fn unicode_words(text: &str, offset: usize, out: &mut Vec<Word>) {
    out.extend(text.split_word_bound_indices().filter_map(|(i, w)| {
        let i = offset + i;
        if w.is_ascii() {
            // No control or mark to trim, and the script at a glance.
            let letters = w.bytes().any(|b| b.is_ascii_alphabetic());
            let digits = w.bytes().any(|b| b.is_ascii_digit());
            let script = match (letters, digits) {
                (false, false) => return None,
                (true, false) => Script::Latin,
                (false, true) => Script::Digits,
                (true, true) => Script::Mixed,
            };
            return Some(capped(w, i, 0..w.len(), script));
        }
        if !w.chars().any(crate::document::is_letter_or_digit) {
            return None;
        }
        let trimmed = w.trim_end_matches(is_format_control);
        let lead = trimmed.len() - trimmed.trim_start_matches(is_format_control).len();
        let word = &trimmed[lead..];
        Some(capped(word, i + lead, 0..word.len(), script_of(word)))
    }));
}

/// Abbreviations after which a full stop does not end the sentence when a
/// capitalized word follows: titles before a name (English and French) and
/// Latin abbreviations. Matched case-sensitively, so that `me.` (English)
/// ends a sentence but `Me.` (French *Maître*) does not.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Pr", "Mgr", "Ste", "vs", "cf", "e.g",
    "i.e",
];

/// Abbreviations that do not end a sentence when a number follows them
/// (`No. 5`, `p. 12`, `Nov. 23`, `sept. 2020`).
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "no", "Nos", "nos", "p", "pp", "art", "Art", "fig", "Fig", "vol", "Vol", "n", "N", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv", "févr",
    "avr", "juil", "sept", "oct", "nov", "déc",
];

/// True when the sentence segment `s` ends with an abbreviation or an
/// initial (`J.`) and a full stop, and `next` (the following segment) goes
/// on with the same sentence.
fn continues_after_abbreviation(s: &str, next: &str) -> bool {
    let Some(body) = s.trim_end().strip_suffix('.') else {
        return false;
    };
    let word_start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| !(crate::document::is_letter(c) || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &body[word_start..];
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial
        || ABBREVIATIONS.contains(&word)
        || (NUMBER_ABBREVIATIONS.contains(&word)
            && next.trim_start().starts_with(|c: char| c.is_numeric()))
}

/// Clauses: each sentence cut after `،` `؛` `,` `;`, trimmed. A comma with
/// a digit on both sides (`1,000`, `97,4`) does not cut.
pub(super) fn clauses(text: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut push = |r: Range<usize>| {
        let piece = &text[r.clone()];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(r.start + lead..r.start + lead + trimmed.len());
        }
    };
    for sentence in sentences {
        let mut start = sentence.start;
        for (at, c) in clause_marks(text.as_bytes(), sentence.clone()) {
            let before = text[..at].chars().next_back();
            let after = text[at + c.len_utf8()..].chars().next();
            if c == ','
                && before.is_some_and(char::is_numeric)
                && after.is_some_and(char::is_numeric)
            {
                continue;
            }
            push(start..at + c.len_utf8());
            start = at + c.len_utf8();
        }
        push(start..sentence.end);
    }
    out
}

/// The places of `,` `;` `،` (U+060C) and `؛` (U+061B) in `bytes[range]`,
/// found in the bytes: the Arabic marks are 0xD8 0x8C and 0xD8 0x9B in
/// UTF-8, looked for by their second byte (rare in Arabic text, where
/// 0xD8 starts every other letter); no character is decoded.
///
/// The bytes are searched with `memchr` (vectorized): `,` `;` and 0x8C
/// together, 0x9B on its own, its next place kept until passed (most texts
/// have none: one search over the range).
fn clause_marks(bytes: &[u8], range: Range<usize>) -> impl Iterator<Item = (usize, char)> + '_ {
    let hay = bytes.get(..range.end).unwrap_or_default();
    let (mut at, end) = (range.start, hay.len());
    // The next 0x9B at or after `at` (`end` when there is none), once
    // searched for.
    let mut next_9b: Option<usize> = None;
    std::iter::from_fn(move || {
        loop {
            if at >= end {
                return None;
            }
            let n9 = match next_9b {
                Some(n) if n >= at => n,
                _ => *next_9b.insert(memchr::memchr(0x9B, &hay[at..]).map_or(end, |k| at + k)),
            };
            let other = memchr::memchr3(b',', b';', 0x8C, &hay[at..n9]).map(|k| at + k);
            let i = other.unwrap_or(n9);
            if i >= end {
                return None;
            }
            at = i + 1;
            match bytes[i] {
                b',' => return Some((i, ',')),
                b';' => return Some((i, ';')),
                second if i > range.start && bytes[i - 1] == 0xD8 => {
                    return Some((i - 1, if second == 0x8C { '،' } else { '؛' }));
                }
                _ => {}
            }
        }
    })
}

/// Sentences: UAX #29 sentence segments (which end at `.` `!` `?` and the
/// Arabic `؟`, not at `،` or `؛`, and keep decimals such as `97.4` whole),
/// joined again after an abbreviation or an initial (`Mr. Smith`,
/// `J. Smith`, `No. 5`), trimmed of surrounding white space.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let segments = sentence_bounds(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut join = false;
    for (k, &(i, s)) in segments.iter().enumerate() {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = i + lead..i + lead + trimmed.len();
        match out.last_mut() {
            Some(prev) if join => prev.end = range.end,
            _ => out.push(range),
        }
        // A paragraph separator (a hard line break) always ends a sentence.
        let next = segments.get(k + 1).map_or("", |&(_, n)| n);
        join = !s.ends_with(['\n', '\r', '\u{2029}'])
            && !next.is_empty()
            && continues_after_abbreviation(trimmed, next);
    }
    out
}

/// `text.split_sentence_bound_indices()`, with UAX #29 run only where a
/// sentence can end. Sentences end only after `.` `!` `?`, a line break or
/// a character outside ASCII that is not an Arabic letter (`؟`, `。`, and
/// the marks and format characters the rules look through); elsewhere
/// nothing breaks. Each such character is taken with its surroundings,
/// from and to a point between two letters (ASCII or Arabic): no
/// rule looks past a letter (SB7 looks one letter back, SB8 ahead to the
/// first letter; digits do not stop it) and none breaks after one, so the
/// algorithm decides the same inside that window as in the whole text.
/// English prose is mostly such stretches; a property test compares the
/// two.
fn sentence_bounds(text: &str) -> Vec<(usize, &str)> {
    // ASCII letters and the Arabic letters (OLetter) are what stops the
    // rules; [`find_hot`] finds everything else outside ASCII and the
    // terminators.
    let letter = |c: char| c.is_ascii_alphabetic() || matches!(c, 'ء'..='غ' | 'ف'..='ي');
    let cut = |p: usize| {
        p == 0
            || p == text.len()
            || (text[..p].chars().next_back().is_some_and(letter)
                && text[p..].chars().next().is_some_and(letter))
    };
    let mut starts = vec![0];
    let mut from = 0;
    let mut hot = Hot::new(text.as_bytes());
    while let Some(h) = hot.at_or_after(from) {
        // `from` is a cut: the window starts at it or after.
        let mut start = h;
        while !cut(start) {
            start = text[..start]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
        }
        let mut end = h + text[h..].chars().next().map_or(1, char::len_utf8);
        while !cut(end) {
            end += text[end..].chars().next().map_or(1, char::len_utf8);
        }
        match plain_window(&text[start..end]) {
            Some(Plain::Whole) => {}
            Some(Plain::BreakAt(i)) => starts.push(start + i),
            None => starts.extend(
                text[start..end]
                    .split_sentence_bound_indices()
                    .map(|(i, _)| start + i)
                    .filter(|&i| i > start),
            ),
        }
        from = end;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        if s < e {
            out.push((s, &text[s..e]));
        }
    }
    out
}

/// Where UAX #29 breaks the window of [`sentence_bounds`], told without
/// it for the commonest windows ([`Plain`]); `None` for any other window,
/// which UAX #29 reads.
///
/// The windows told are made of characters that cannot end a sentence
/// ([`quiet`]: letters, digits, spaces, commas, quotes, marks, bidi
/// controls), with at most one of these:
/// - a line feed: the break is after it (`SB4`), spaces and a full stop,
///   `!` or `?` before it included (`SB9`, `SB10`);
/// - a full stop, `!` or `?`, then spaces and an ASCII capital or an
///   Arabic letter (the next sentence's first word): the break is before
///   that letter (`SB11`; `SB8` would keep the sentence going only for a
///   lower-case letter, `SB7` only with no space between).
///
/// A full stop before a digit or an ASCII lower-case letter (`97.4`,
/// `example.com`: `SB6`, `SB8`), or between two ASCII letters (`U.S`:
/// `SB7`), does not end a sentence and is passed over.
fn plain_window(window: &str) -> Option<Plain> {
    let b = window.as_bytes();
    let mut cut = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' | b'!' | b'?' => {
                let next = b.get(i + 1).copied().unwrap_or(0);
                if b[i] == b'.'
                    && (next.is_ascii_digit()
                        || next.is_ascii_lowercase()
                        || (next.is_ascii_uppercase() && i > 0 && b[i - 1].is_ascii_alphabetic()))
                {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while b.get(j) == Some(&b' ') {
                    j += 1;
                }
                let at = match b.get(j) {
                    Some(b'\n') => j + 1,
                    Some(c) if j > i + 1 && (c.is_ascii_uppercase() || arabic_letter(b, j)) => j,
                    _ => return None,
                };
                if cut.replace(at).is_some() {
                    return None;
                }
                i = at;
            }
            b'\n' => {
                if cut.replace(i + 1).is_some() {
                    return None;
                }
                i += 1;
            }
            b'\r' => return None,
            0..=0x7F => i += 1,
            _ => {
                let c = window[i..].chars().next()?;
                if !quiet(c) {
                    return None;
                }
                i += c.len_utf8();
            }
        }
    }
    Some(cut.map_or(Plain::Whole, Plain::BreakAt))
}

/// How UAX #29 breaks a window that [`plain_window`] tells.
#[derive(Debug, PartialEq)]
enum Plain {
    /// Not at all.
    Whole,
    /// Once, before this byte of the window.
    BreakAt(usize),
}

/// Whether an Arabic letter (`ء`–`غ`, `ف`–`ي`, UAX #29's `OLetter`)
/// starts at byte `i` of `b` ([`find_hot`] and [`plain_window`] read it).
fn arabic_letter(b: &[u8], i: usize) -> bool {
    match (b[i], b.get(i + 1)) {
        (0xD8, Some(&next)) => (0xA1..=0xBA).contains(&next),
        (0xD9, Some(&next)) => (0x81..=0x8A).contains(&next),
        _ => false,
    }
}

/// Characters outside ASCII that UAX #29 never ends a sentence at or
/// after (none is `STerm`, `ATerm` or `Sep`): the Latin-1 supplement and
/// the Latin extensions, the combining marks, the Arabic blocks but for
/// their four sentence marks (`؝` `؞` `؟` `۔`), and general punctuation
/// (spaces, dashes, quotes, bidi controls) but for its dot leader, its
/// line and paragraph separators and its `‼` `‽` `⁇` `⁈` `⁉`. A test
/// checks every one of them against `unicode-segmentation`.
fn quiet(c: char) -> bool {
    matches!(c,
        '\u{00A0}'..='\u{036F}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
        || (('\u{0600}'..='\u{06FF}').contains(&c)
            && !matches!(c, '\u{061D}' | '\u{061E}' | '\u{061F}' | '\u{06D4}'))
        || (('\u{2000}'..='\u{206F}').contains(&c)
            && !matches!(
                c,
                '\u{2024}' | '\u{2028}' | '\u{2029}' | '\u{203C}' | '\u{203D}' | '\u{2047}'
                    ..='\u{2049}'
            ))
}

/// The places where a sentence can end, in text order ([`find_hot`]). In
/// a text of ASCII they are the bytes `.` `!` `?` `\n` `\r`, found with
/// `memchr` (a vector search, where `find_hot` reads every byte); in any
/// other text, with `find_hot`.
enum Hot<'t> {
    Ascii {
        stops: std::iter::Peekable<memchr::Memchr3<'t>>,
        breaks: std::iter::Peekable<memchr::Memchr2<'t>>,
    },
    Other(&'t [u8]),
}

impl<'t> Hot<'t> {
    fn new(bytes: &'t [u8]) -> Hot<'t> {
        if bytes.is_ascii() {
            Hot::Ascii {
                stops: memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable(),
                breaks: memchr::memchr2_iter(b'\n', b'\r', bytes).peekable(),
            }
        } else {
            Hot::Other(bytes)
        }
    }

    /// `find_hot(bytes, from)`; `from` never goes back from one call to the
    /// next.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        match self {
            Hot::Ascii { stops, breaks } => {
                while stops.next_if(|&p| p < from).is_some() {}
                while breaks.next_if(|&p| p < from).is_some() {}
                match (stops.peek(), breaks.peek()) {
                    (Some(&a), Some(&b)) => Some(a.min(b)),
                    (a, b) => a.or(b).copied(),
                }
            }
            Hot::Other(bytes) => find_hot(bytes, from),
        }
    }
}

/// The first place at or after `from` (a character boundary) where a
/// sentence can end ([`sentence_bounds`]): `.` `!` `?` `\n` `\r`, or a
/// character outside ASCII that is not an Arabic letter (`ء`–`غ`, `ف`–`ي`:
/// 0xD8 0xA1–0xBA and 0xD9 0x81–0x8A in UTF-8). Read byte by byte: a
/// letter is passed over without decoding it.
fn find_hot(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r') {
                return Some(i);
            }
            i += 1;
            continue;
        }
        if arabic_letter(bytes, i) {
            i += 2;
            continue;
        }
        return Some(i);
    }
    None
}

/// URLs, e-mail addresses, handles and hashtags, and domain names.
///
/// Written without `(?i)`: the letters it would fold are spelled out, with
/// the two that Unicode's simple case folding adds (`ſ`, long s, folds to
/// `s`; `K`, the Kelvin sign, to `k`). The classes with `\w` are the same
/// either way. Case-insensitive Unicode classes made the compiled program
/// three times as big, and compiling it was a fifth of a run on one
/// article. A test compares it with the case-insensitive pattern.
const NON_PROSE_PATTERN: &str = r"(?x)
    \b(?:[hH][tT][tT][pP][sSſ]?|[fF][tT][pP])://[^\s<>«»\x22]+    # URLs
    | \b[wW][wW][wW]\.[^\s<>«»\x22]+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                  # e-mail addresses
    | (?:^|\B)[@\#][\w_]+                                           # handles and hashtags
    | \b[a-zA-Zſ\x{212A}0-9-]+(?:\.[a-zA-Zſ\x{212A}0-9-]+)*
      \.(?:com|org|net|fr|uk|io|ai|gov|edu|info|news|ma|dz|tn|eg|sa|ae|qa|lb)\b(?:/[^\s]*)?
    ";

/// [`NON_PROSE_PATTERN`] for the NFA engines only (the bounded
/// backtracker and the Pike VM): it runs on a few short tokens per article
/// (see [`mask_non_prose`]), where the lazy DFA, which needs a reverse
/// program compiled as well, would not pay for itself. Compiled only for a
/// token outside ASCII ([`NON_PROSE_ASCII`] takes the others).
static NON_PROSE: LazyLock<meta::Regex> = LazyLock::new(|| non_prose(NON_PROSE_PATTERN));

/// [`NON_PROSE`] for a token that is all ASCII, where Unicode's `\w` and
/// `\b` are ASCII's: compiled with ASCII's, in a quarter of the time. Its four
/// Unicode `\w` classes made the compilation of `NON_PROSE` a seventh of a
/// run on one short article (about 1 ms), and the tokens of real articles
/// that hold a hint (links, handles, domain names) are nearly all ASCII.
static NON_PROSE_ASCII: LazyLock<meta::Regex> =
    LazyLock::new(|| non_prose(&ascii_pattern(NON_PROSE_PATTERN)));

/// (Nor a prefilter: a token is searched once, and its literals' automaton
/// took a fifth of the compilation.)
fn non_prose(pattern: &str) -> meta::Regex {
    let config = meta::Config::new()
        .hybrid(false)
        .dfa(false)
        .onepass(false)
        .auto_prefilter(false);
    meta::Regex::builder()
        .configure(config)
        .build(pattern)
        .expect("valid regex")
}

/// `pattern` with Unicode's word characters and word boundaries made
/// ASCII's: the same matches on ASCII text.
fn ascii_pattern(pattern: &str) -> String {
    pattern
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\B", r"(?-u:\B)")
}

/// Trims what ends a sentence or a clause after a URL (`.` `,` `)` `»` `،`
/// …) from a match; a closing parenthesis stays when the URL opened one.
fn trim_trailing_punctuation(m: &str) -> usize {
    let mut end = m.len();
    while let Some(c) = m[..end].chars().next_back() {
        let trailing = matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '”' | '،' | '؛' | '؟' | '…'
        ) || (c == ')'
            && m[..end].matches('(').count() < m[..end].matches(')').count())
            || (c == ']' && m[..end].matches('[').count() < m[..end].matches(']').count());
        if !trailing {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// The top-level domains `NON_PROSE` knows.
const TLDS: [&[u8]; 19] = [
    b"com", b"org", b"net", b"fr", b"uk", b"io", b"ai", b"gov", b"edu", b"info", b"news", b"ma",
    b"dz", b"tn", b"eg", b"sa", b"ae", b"qa", b"lb",
];

/// Where `bytes` holds what every match of `NON_PROSE` holds: `@`, `#`,
/// `://`, `www.` or a dot before a top-level domain (ASCII letters in
/// either case: a superset of what the pattern asks), in text order. The
/// four bytes these start or end with are found with `memchr` (a dot ends
/// most sentences, and is rejected at once when no letter follows it).
fn non_prose_hints(bytes: &[u8]) -> Vec<usize> {
    let dot = |i: usize| {
        let after = &bytes[i + 1..];
        (i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www"))
            || (after.first().is_some_and(u8::is_ascii_alphabetic)
                && TLDS.iter().any(|t| {
                    after
                        .get(..t.len())
                        .is_some_and(|a| a.eq_ignore_ascii_case(t))
                }))
    };
    let mut hints: Vec<usize> = memchr::memchr3_iter(b'.', b'@', b'#', bytes)
        .filter(|&i| bytes[i] != b'.' || dot(i))
        .collect();
    let colons = memchr::memchr_iter(b':', bytes).filter(|&i| bytes[i + 1..].starts_with(b"//"));
    let before = hints.len();
    hints.extend(colons);
    if hints.len() > before {
        hints.sort_unstable();
    }
    hints
}

/// View ranges of URLs, e-mail addresses, domain names, handles and hashtags.
///
/// No match holds white space, so `NON_PROSE` (whose Unicode word
/// boundaries need the slower regex engine) runs only on the white-space
/// delimited tokens around a hint, not on the whole block: a boundary at a
/// token's edge sees white space or the end of the text either way.
pub(super) fn mask_non_prose(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut done = 0; // end of the last token searched
    for hint in non_prose_hints(text.as_bytes()) {
        if hint < done {
            continue;
        }
        // (A hint holds no white space: the token around its first byte
        // is the token around it.)
        let start = text[..hint]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[hint..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| hint + i);
        done = end;
        let token = &text[start..end];
        // Every match holds two characters or more (`@a`).
        if token.len() < 2 {
            continue;
        }
        let non_prose = if token.is_ascii() {
            &*NON_PROSE_ASCII
        } else {
            &*NON_PROSE
        };
        out.extend(
            non_prose
                .find_iter(token)
                .map(|m| {
                    start + m.start()
                        ..start + m.start() + trim_trailing_punctuation(&token[m.range()])
                })
                .filter(|r| !r.is_empty()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn a_word_takes_six_bytes_and_keeps_its_range_and_script() {
        // A document keeps every word: 24 bytes a word (a `Range<usize>`)
        // was 40 % of the heap on English text, 12 (with its script) a
        // third of it on a long English article, 8 a quarter of the peak
        // memory on the English 10 MB benchmark file.
        assert_eq!(std::mem::size_of::<Word>(), 6);
        // Six bytes in an array too: no padding to four.
        assert_eq!(std::mem::align_of::<Word>(), 2);
        for script in [
            Script::Arabic,
            Script::Latin,
            Script::Digits,
            Script::Mixed,
            Script::Other,
        ] {
            let w = Word::new(3_000_000_000..3_000_000_000 + MAX_WORD_BYTES, script);
            assert_eq!(w.range(), 3_000_000_000..3_000_000_000 + MAX_WORD_BYTES);
            assert_eq!(w.script(), script);
            let w = Word::new(7..7, script);
            assert_eq!((w.range(), w.script()), (7..7, script));
            let w = Word::new(0x0001_FFFF..0x0002_0003, script);
            assert_eq!((w.range(), w.script()), (0x0001_FFFF..0x0002_0003, script));
        }
    }

    #[test]
    fn a_word_longer_than_the_limit_is_cut_at_a_character_boundary() {
        // `ب` is two bytes: the limit (odd) falls inside one.
        let text = "ب".repeat(MAX_WORD_BYTES / 2 + 2);
        let w = capped(&text, 5, 0..text.len(), Script::Arabic);
        assert_eq!(w.range(), 5..5 + MAX_WORD_BYTES - 1);
        assert!(text.is_char_boundary(w.range().end - 5));
        let w = capped(&text, 5, 2..8, Script::Arabic);
        assert_eq!(w.range(), 7..13);
    }

    #[test]
    fn arabic_question_mark_ends_a_sentence_but_decimals_do_not() {
        let text = "هل يصبح 97.4 مليار؟ نعم. Yes.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, ["هل يصبح 97.4 مليار؟", "نعم.", "Yes."]);
    }

    #[test]
    fn words_keep_glued_arabic_latin_and_digits_together() {
        let text = "وراءهاchatgpt من100 ، Openai";
        let w: Vec<(&str, Script)> = words(text)
            .into_iter()
            .map(|w| (&text[w.range()], w.script()))
            .collect();
        assert_eq!(
            w,
            [
                ("وراءهاchatgpt", Script::Mixed),
                ("من100", Script::Mixed),
                ("Openai", Script::Latin)
            ]
        );
    }

    #[test]
    fn masks_urls_and_domains() {
        let text = "see https://example.com/a?b and i-nfo.fr or @user";
        let m: Vec<&str> = mask_non_prose(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(m, ["https://example.com/a?b", "i-nfo.fr", "@user"]);
        // What case-insensitive matching takes: upper case, the long s and
        // the Kelvin sign.
        let text = "HTTPſ://a.b FtP://c WWW.d.e \u{212A}ſ.com x.COM";
        let m: Vec<&str> = mask_non_prose(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(m, ["HTTPſ://a.b", "FtP://c", "WWW.d.e", "\u{212A}ſ.com"]);
        assert_eq!(mask_non_prose(text), mask_reference(text));
    }

    /// The pattern `NON_PROSE_PATTERN` stands for, as first written: with
    /// `(?i)`, in the default engine.
    static NON_PROSE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)
            \b(?:https?|ftp)://[^\s<>«»\x22]+
            | \bwww\.[^\s<>«»\x22]+
            | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
            | (?:^|\B)[@\#][\w_]+
            | \b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?-i:com|org|net|fr|uk|io|ai|gov|edu|info|news|ma|dz|tn|eg|sa|ae|qa|lb)\b(?:/[^\s]*)?
            ",
        )
        .expect("valid regex")
    });

    /// The letters `NON_PROSE_PATTERN` spells out are exactly those that
    /// case-insensitive matching takes, for every character.
    #[test]
    fn the_spelled_out_letters_are_the_case_insensitive_ones() {
        let pairs = [
            (r"(?i)^[a-z0-9-]$", r"^[a-zA-Zſ\x{212A}0-9-]$"),
            (r"(?i)^h$", r"^[hH]$"),
            (r"(?i)^t$", r"^[tT]$"),
            (r"(?i)^p$", r"^[pP]$"),
            (r"(?i)^s$", r"^[sSſ]$"),
            (r"(?i)^f$", r"^[fF]$"),
            (r"(?i)^w$", r"^[wW]$"),
            (r"(?i)^[\w.+-]$", r"^[\w.+-]$"),
            (r"(?i)^[\w_]$", r"^[\w_]$"),
            (r"(?i)^[^\s<>«»\x22]$", r"^[^\s<>«»\x22]$"),
        ];
        for (folded, spelled) in pairs {
            let (f, p) = (Regex::new(folded).unwrap(), Regex::new(spelled).unwrap());
            let mut buf = [0u8; 4];
            for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
                let c = c.encode_utf8(&mut buf);
                assert_eq!(
                    f.is_match(c),
                    p.is_match(c),
                    "{folded} and {spelled} differ on {c:?}"
                );
            }
        }
    }

    #[test]
    fn the_ascii_pattern_keeps_no_unicode_class() {
        let ascii = ascii_pattern(NON_PROSE_PATTERN);
        let rest = ascii.replace(r"(?-u:\b)", "").replace(r"(?-u:\B)", "");
        for unicode in [r"\w", r"\b", r"\B"] {
            assert!(!rest.contains(unicode), "{unicode} left in {ascii}");
        }
        let text = "mail a.b@c.fr, see x.com/y (or #tag) and @user_1.";
        let found = |re: &meta::Regex| -> Vec<String> {
            re.find_iter(text)
                .map(|m| text[m.range()].to_owned())
                .collect()
        };
        assert_eq!(
            found(&NON_PROSE_ASCII),
            ["a.b@c.fr", "x.com/y", "#tag", "@user_1"]
        );
        assert_eq!(found(&NON_PROSE_ASCII), found(&NON_PROSE));
    }

    /// The hints' top-level domains are the pattern's: one missing from
    /// `TLDS` would leave its domains unmasked.
    #[test]
    fn the_hints_know_the_domains_the_pattern_knows() {
        let alternation = NON_PROSE_PATTERN
            .split(r"\.(?:")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .expect("the pattern lists its domains");
        let listed: Vec<&[u8]> = alternation.split('|').map(str::as_bytes).collect();
        assert_eq!(listed, TLDS);
    }

    /// The whole-text search that `mask_non_prose` stands for.
    fn mask_reference(text: &str) -> Vec<Range<usize>> {
        NON_PROSE_REFERENCE
            .find_iter(text)
            .map(|m| m.start()..m.start() + trim_trailing_punctuation(m.as_str()))
            .filter(|r| !r.is_empty())
            .collect()
    }

    /// Every string of up to three printable ASCII characters, tabs and
    /// line breaks has the words UAX #29 gives it.
    #[test]
    fn ascii_words_follow_uax29_on_every_short_string() {
        let alphabet: Vec<char> = (0x20u8..0x7F)
            .chain([b'\n', b'\t'])
            .map(char::from)
            .collect();
        let mut text = String::new();
        for a in &alphabet {
            for b in &alphabet {
                for c in &alphabet {
                    for len in 1..=3 {
                        text.clear();
                        text.extend([*a, *b, *c].iter().take(len));
                        assert_eq!(words(&text), words_reference(&text), "{text:?}");
                    }
                }
            }
        }
    }

    /// Every character of the Arabic block and every printable ASCII
    /// character, before, after and between Arabic letters and marks, gives
    /// the words UAX #29 gives.
    #[test]
    fn arabic_words_follow_uax29_next_to_every_arabic_and_ascii_character() {
        let others = ('\u{600}'..='\u{6FF}')
            .chain((0x21u8..0x7F).map(char::from))
            .chain(OPENING);
        let mut text = String::new();
        for c in others {
            for shape in [
                "بc",
                "cب",
                "بcب",
                "ب\u{64E}c",
                "بب c",
                "بcc",
                "ب،c",
                "ب.c",
                "cبب",
                "c«ب»",
                "«cب",
                "c",
                "cc",
                "c«",
                "ب c",
                "c ب",
                "(c)",
            ] {
                text.clear();
                text.push_str(&shape.replace('c', c.encode_utf8(&mut [0; 4])));
                assert_eq!(words(&text), words_reference(&text), "{text:?}");
            }
        }
        // A mark opens no word (`words` sends such a run elsewhere).
        let t = "\u{64E}ب";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), None);
        let t = "بَب،";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), Some(0..6));
        // Punctuation before the letters is passed over; alone, it holds
        // no word.
        let t = "«(بَب)»،";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), Some(3..9));
        let t = "«،";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), Some(4..4));
        let t = "،";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), Some(2..2));
        let t = "،ب";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), Some(2..4));
        let t = "_ب";
        assert_eq!(arabic_word(t.as_bytes(), 0, t.len()), None);
    }

    /// [`words`] without its fast paths.
    fn words_reference(text: &str) -> Vec<Word> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(crate::document::is_letter_or_digit))
            .map(|(i, w)| {
                let trimmed = w.trim_end_matches(is_format_control);
                let lead = trimmed.len() - trimmed.trim_start_matches(is_format_control).len();
                let word = &trimmed[lead..];
                Word::new(i + lead..i + lead + word.len(), script_of(word))
            })
            .collect()
    }

    proptest::proptest! {
        /// The marks that cut clauses, found byte by byte, are those found
        /// decoding every character (the Arabic marks share their first
        /// byte with Arabic letters, `ب` is 0xD8 0xA8, and their second byte
        /// with other characters, `ٌ` is 0xD9 0x8C), in any range.
        #[test]
        fn clause_marks_equal_a_scan_of_every_character(
            text in "[a1٣ ,;،؛.؟بـ\u{64B}\u{64C}\u{65B}Ìƛ\n]{0,40}",
            cut in 0usize..40,
            skip in 0usize..40,
        ) {
            let boundary = |mut k: usize| {
                k = k.min(text.len());
                while !text.is_char_boundary(k) {
                    k -= 1;
                }
                k
            };
            let end = boundary(cut);
            let start = boundary(skip).min(end);
            let expected: Vec<(usize, char)> = text[start..end]
                .char_indices()
                .filter(|(_, c)| matches!(c, '،' | '؛' | ',' | ';'))
                .map(|(i, c)| (start + i, c))
                .collect();
            let found: Vec<(usize, char)> = clause_marks(text.as_bytes(), start..end).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Found with `memchr` in a text of ASCII, the places where a
        /// sentence can end are those `find_hot` finds, from any sequence of
        /// starting points that never goes back.
        #[test]
        fn hot_places_of_ascii_text_are_those_read_byte_by_byte(
            text in "[a .!?\n\r,x\t]{0,40}",
            steps in proptest::collection::vec(0usize..6, 0..12),
        ) {
            let bytes = text.as_bytes();
            let mut hot = Hot::new(bytes);
            let ascii = matches!(hot, Hot::Ascii { .. });
            proptest::prop_assert!(ascii);
            let mut from = 0;
            for step in steps {
                from = (from + step).min(bytes.len());
                proptest::prop_assert_eq!(hot.at_or_after(from), find_hot(bytes, from), "{}", from);
            }
        }

        /// Read byte by byte, the places where a sentence can end are those
        /// the characters say.
        #[test]
        fn hot_places_are_found_by_their_characters(
            text in "[a .!?\n\rءغـفيؠػؿ٠؟،ۀ\u{64e}\u{200f}éΣ中]{0,24}",
            skip in 0usize..24,
        ) {
            let letter = |c: char| c.is_ascii_alphabetic() || matches!(c, 'ء'..='غ' | 'ف'..='ي');
            let hot = |c: char| matches!(c, '.' | '!' | '?' | '\n' | '\r') || (!c.is_ascii() && !letter(c));
            let from = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
            let expected = text[from..].find(hot).map(|k| from + k);
            proptest::prop_assert_eq!(find_hot(text.as_bytes(), from), expected);
        }
    }

    #[test]
    fn no_quiet_character_ends_a_sentence() {
        // Every character `quiet` takes, after a letter and before a space
        // and a letter (a sentence mark would end the sentence there), or
        // after a space and before a letter.
        let mut told = 0;
        for c in (0..=0x0010_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| quiet(c))
        {
            for text in [format!("ا{c} ب"), format!("ا {c}ب"), format!("a{c} b")] {
                let whole: Vec<&str> = text.split_sentence_bounds().collect();
                assert_eq!(
                    whole.len(),
                    1,
                    "U+{:04X} in {text:?}: {whole:?}",
                    u32::from(c)
                );
            }
            told += 1;
        }
        // The ranges, less the sentence marks among them.
        assert_eq!(
            told,
            0x2D0 + 0x100 - 4 + 0x30 + 0x60 + 0x2B0 + 0x90 + 0x70 - 8
        );
    }

    #[test]
    fn the_commonest_window_breaks_where_uax29_does() {
        // The windows `plain_window` tells are read without UAX #29; the
        // others are not.
        for text in [
            "ذهب. ثم عاد",
            "ذهب.\nثم عاد",
            "ذهب! ثم عاد",
            "ذهب؟ ثم عاد",
            "ذهب. Then",
            "قال «ذهب». ثم",
            "في 2023. ثم",
            "بلغ 97.4 مليار، ثم",
            "موقع example.com، ثم",
            "موقع Example.Com، ثم",
            "عاد.\n- ثم",
            "عاد.\r\nثم",
            "عاد. \n\nثم",
            "عاد .ثم",
            "عاد.ثم",
            "عاد. ثم. بعد",
            "l'été, à Paris. Puis",
            "l'été.Puis",
            "عاد.Then",
            "Paris\u{200F}.Puis",
            "ذهب\u{064E}. ثم",
            "ذهب. \u{064E}ثم",
            "il a dit « non ». Puis",
            "He said \u{201C}no.\u{201D} Then",
            "He said \u{201C}no\u{201D}. Then",
            "the end \u{2014} and so on. Then",
            "The end. The next",
            "the end. and so on",
            "the end? and so on",
            "the end! Then",
            "the end.  Two spaces",
            "the end.\tA tab",
            "the end. I went",
            "the U.S. Army",
            "Mr. Smith came",
            "He paid 97.4 billion. The rest",
            "one. Two. three. Four",
        ] {
            let whole: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(sentence_bounds(text), whole, "{text:?}");
        }
    }

    #[test]
    fn uax29_joins_no_opening_punctuation_to_the_space_before_it() {
        for c in OPENING {
            for before in [" ", "\u{3000}", "a ", "ب ", "a\u{200F} "] {
                let text = format!("{before}{c}ب");
                let starts: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
                assert!(starts.contains(&before.len()), "{text:?}: {starts:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Running UAX #29 only around the places where a sentence can end
        /// finds the boundaries it finds on the whole text.
        #[test]
        fn sentence_windows_change_nothing(
            text in texts(
                &[
                    "word", "and", "x", "Mr", "U.S", "Smith", "A", "IT", " ", " ", "  ", ".",
                    ".", "!", "?", "...", "\n", "\r\n", "\r", "\"", "'", "(", ")", "[", "»", "«",
                    ",", ";", ":", "-", "97", "4", "؟", "نعم", "ماسك", "و", "ـ", "\u{064E}",
                    "،", "۔", "é", "中", "\u{200B}",
                    "\u{2029}", "\u{0301}", "\u{00AD}", "\t", "\u{85}", "\u{2024}", "؛",
                    "ب", "\u{061E}", "\u{2019}", "\u{2014}", "\u{00A0}", "E", "com", "\u{203C}",
                ],
                40,
            )
        ) {
            let whole: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            proptest::prop_assert_eq!(sentence_bounds(&text), whole);
        }

        /// Cutting at white space and taking printable ASCII a byte at a
        /// time finds the words UAX #29 finds in the whole text.
        #[test]
        fn words_run_by_run_equal_uax29_on_the_whole_text(
            text in texts(
                &[
                    "a", "Z", "x", "7", "0", "_", ".", ",", ":", ";", "'", "\"", "-", "(", "@",
                    " ", "  ", "\n", "\r\n", "\r", "\t", "\u{b}", "\u{c}", "\u{a0}",
                    "\u{3000}", "\u{1680}", "’", "\u{301}", "\u{64E}", "\u{200F}", "\u{200D}",
                    "\u{AD}", "ماسك", "و", "é", "中", "ア", "ש", "🇫", "🇷", "👍", "٣", "۰",
                    "\u{2024}", "\u{FE52}", "U.S", "97.4", "1,000", "don't", "e.g", "a:b",
                ],
                30,
            )
        ) {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }

        /// Arabic words read a byte at a time ([`arabic_word`]) are those
        /// of UAX #29, next to the letters, marks, digits and punctuation
        /// that may or may not join them.
        #[test]
        fn the_arabic_path_of_words_changes_nothing(
            text in texts(
                &[
                    "ماسك", "و", "ب", "ة", "ى", "ئ", "\u{64E}", "\u{651}", "\u{670}", "ـ",
                    "ﻻ", "ۀ", "ک", "٣", "1", "a", ".", ",", "،", "؛", "؟", "_", ":", "'", "\"",
                    "(", "»", " ", " ", "\n", "\u{200F}", "\u{200D}", "\u{A0}", "\u{301}",
                    "«", "“", "”", "‘", "’", "—", "–", "\u{3000}", "\u{2019}s", "«ماسك»", "،",
                ],
                30,
            )
        ) {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }

        #[test]
        fn the_ascii_path_of_words_changes_nothing(
            text in "[a-zA-Z0-9 .,'_:\u{2019}\u{200F}é٥ماسك-]{0,30}"
        ) {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }

        /// The hints are found in every token that holds one of their
        /// literals (as a case-insensitive literal search finds them), and
        /// in no other.
        #[test]
        fn the_hints_are_in_the_tokens_that_hold_a_literal(
            text in texts(
                &[
                    "@", "#", "www", "WwW", ".", ".", "com", "CoM", "s", "a", "ai", "nfo",
                    ":", "//", "/", " ", "\n", "\u{A0}", "é", "ſ", "x",
                ],
                24,
            )
        ) {
            let mut literals: Vec<Vec<u8>> = ["@", "#", "://", "www."]
                .iter()
                .map(|l| l.as_bytes().to_vec())
                .collect();
            literals.extend(TLDS.iter().map(|t| [b".", *t].concat()));
            let literals = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(literals)
                .expect("literals");
            let token = |i: usize| {
                text[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(j, c)| j + c.len_utf8())
            };
            let mut expected: Vec<usize> = literals
                .find_overlapping_iter(&text)
                .map(|m| token(m.start()))
                .collect();
            expected.dedup();
            let mut found: Vec<usize> = non_prose_hints(text.as_bytes()).into_iter().map(token).collect();
            found.dedup();
            proptest::prop_assert_eq!(found, expected);
        }

        /// On ASCII text, the pattern with ASCII's `\w` and `\b` finds
        /// what the Unicode one finds.
        #[test]
        fn the_ascii_pattern_matches_as_the_unicode_one_on_ascii(
            text in texts(
                &[
                    "http", "HTTPS", "ftp", "://", "www.", "WwW.", ".com", ".fr", ".News", ".io",
                    "@", "#", "a", "Z", "9", "_", "-", ".", "+", "/", "(", ")", "<", "\"", "'",
                    "!", ",", ":", "?", "=", "&", "%", "~", "\x7f", "\x01",
                ],
                24,
            )
        ) {
            let ranges = |re: &meta::Regex| -> Vec<Range<usize>> {
                re.find_iter(&text).map(|m| m.range()).collect()
            };
            proptest::prop_assert_eq!(ranges(&NON_PROSE_ASCII), ranges(&NON_PROSE));
        }

        #[test]
        fn masking_token_by_token_equals_the_whole_text_search(
            text in texts(
                &[
                    "@", "#", "www.", ".com", ".fr", "://", "http", " ", "\n", "a", "Z",
                    "_", "-", ".", "(", ")", "،", "ماسك", "و", "1", "é", "\u{a0}", "x@y",
                    "HTTPS", "WwW.", ".COM", ".News", "ſ", "\u{212A}", ".u\u{212A}", "ftp", "S",
                    "ﬀ", "İ",
                ],
                24,
            )
        ) {
            proptest::prop_assert_eq!(mask_non_prose(&text), mask_reference(&text));
        }
    }

    /// Texts made of fewer than `max` of `pieces`.
    fn texts(
        pieces: &[&'static str],
        max: usize,
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy as _;
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..max)
            .prop_map(|parts| parts.concat())
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    fn word_texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| &text[w.range()]).collect()
    }

    #[test]
    fn arabic_comma_and_semicolon_do_not_end_a_sentence() {
        let text = "قال ماسك، وهو غاضب؛ لن أبيع. ثم غادر؟ نعم";
        assert_eq!(
            sentence_texts(text),
            ["قال ماسك، وهو غاضب؛ لن أبيع.", "ثم غادر؟", "نعم"]
        );
    }

    #[test]
    fn decimals_in_latin_and_arabic_digits_stay_in_their_sentence() {
        let text = "Growth was 97.4 percent. النمو ٩٧٫٤ بالمئة. Le taux est de 2,5 %.";
        assert_eq!(
            sentence_texts(text),
            [
                "Growth was 97.4 percent.",
                "النمو ٩٧٫٤ بالمئة.",
                "Le taux est de 2,5 %."
            ]
        );
    }

    #[test]
    fn titles_initials_and_numbered_abbreviations_do_not_end_a_sentence() {
        let text = "Mr. Smith met Dr. Jones and J. K. Rowling. See No. 5 today. M. Macron et Mme Borne sont là. Tell me. Then go.";
        assert_eq!(
            sentence_texts(text),
            [
                "Mr. Smith met Dr. Jones and J. K. Rowling.",
                "See No. 5 today.",
                "M. Macron et Mme Borne sont là.",
                "Tell me.",
                "Then go."
            ]
        );
        // `e.g.` before a lower-case word was never split; `No.` before a
        // capitalized word ends the sentence.
        assert_eq!(
            sentence_texts("Use tools, e.g. a hammer. The answer is No. The end."),
            ["Use tools, e.g. a hammer.", "The answer is No.", "The end."]
        );
    }

    #[test]
    fn a_hard_line_break_ends_a_sentence_even_after_an_abbreviation() {
        assert_eq!(sentence_texts("Mr.\nSmith"), ["Mr.", "Smith"]);
        assert_eq!(sentence_texts("  \n "), Vec::<&str>::new());
    }

    #[test]
    fn arabic_words_keep_clitics_diacritics_and_tatweel() {
        let text = "والمليار وبالشركة سيُعلنُ لـ2025 إيلـون، ماسك؟";
        assert_eq!(
            word_texts(text),
            ["والمليار", "وبالشركة", "سيُعلنُ", "لـ2025", "إيلـون", "ماسك"]
        );
        let scripts: Vec<Script> = words(text).into_iter().map(|w| w.script()).collect();
        assert_eq!(
            scripts,
            [
                Script::Arabic,
                Script::Arabic,
                Script::Arabic,
                Script::Mixed,
                Script::Arabic,
                Script::Arabic
            ]
        );
    }

    #[test]
    fn digits_apostrophes_and_hyphens() {
        let text = "٢٠٢٥ 97.4 ١٬٢٣٤ 1,000 l’homme McDonald's porte-parole";
        assert_eq!(
            word_texts(text),
            [
                "٢٠٢٥",
                "97.4",
                "١٬٢٣٤",
                "1,000",
                "l’homme",
                "McDonald's",
                "porte",
                "parole"
            ]
        );
        let scripts: Vec<Script> = words(text).into_iter().map(|w| w.script()).collect();
        assert_eq!(&scripts[..4], [Script::Digits; 4]);
        assert_eq!(scripts[4], Script::Latin);
    }

    #[test]
    fn bidi_controls_at_word_ends_are_not_part_of_the_word() {
        let text = "the\u{200F} end \u{2067}ماسك\u{2069} Open\u{200D}AI";
        assert_eq!(word_texts(text), ["the", "end", "ماسك", "Open\u{200D}AI"]);
    }

    #[test]
    fn placeholders_and_arabic_comma_separate_words() {
        let text = "a\u{FFFC}b ماسك،اطرح";
        assert_eq!(word_texts(text), ["a", "b", "ماسك", "اطرح"]);
    }

    #[test]
    fn masks_leave_out_punctuation_after_a_url() {
        let text =
            "(see https://en.wikipedia.org/wiki/X_(y)), www.a.fr/b. or https://x.com، ثم a@b.co.";
        let m: Vec<&str> = mask_non_prose(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            m,
            [
                "https://en.wikipedia.org/wiki/X_(y)",
                "www.a.fr/b",
                "https://x.com",
                "a@b.co"
            ]
        );
    }

    #[test]
    fn a_capitalized_word_after_a_full_stop_is_not_a_domain() {
        // French `Sa`, `Ma` and English `Ai` are not the TLDs `.sa` `.ma` `.ai`.
        let text = "Il a refusé.Sa position est claire.Ma foi. Voir le site gouv.fr et #هاشتاغ";
        let m: Vec<&str> = mask_non_prose(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(m, ["gouv.fr", "#هاشتاغ"]);
    }

    #[test]
    fn clauses_cut_at_arabic_and_latin_commas_but_not_inside_numbers() {
        let text = "قال ماسك، في عام 2019؛ إن العرض 1,000 دولار, لا أكثر. Fin";
        let s = sentences(text);
        let c: Vec<&str> = clauses(text, &s).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            c,
            [
                "قال ماسك،",
                "في عام 2019؛",
                "إن العرض 1,000 دولار,",
                "لا أكثر.",
                "Fin"
            ]
        );
    }
}
