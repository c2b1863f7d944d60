//! Languages and language detection.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Block;
use crate::rules::Data;

pub use super::letters::{is_arabic_letter, is_latin_letter};

/// A language factlint checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Ok(Lang::Ar),
            "fr" | "fra" | "fre" | "french" => Ok(Lang::Fr),
            "en" | "eng" | "english" => Ok(Lang::En),
            other => {
                // Accept region subtags such as `fr-FR`, `ar_EG`, `en-GB`.
                match other.split_once(['-', '_']) {
                    Some((base, region)) if !region.is_empty() && !base.is_empty() => {
                        base.parse().map_err(|_| unknown(s))
                    }
                    _ => Err(unknown(s)),
                }
            }
        }
    }
}

fn unknown(s: &str) -> String {
    format!("unknown language `{s}` (expected ar, fr or en)")
}

/// `char::is_alphabetic` with the common cases first: ASCII and Arabic
/// letters are answered by a range test, and only the rest goes to the
/// Unicode table (a search per character, which showed in profiles of
/// Arabic text).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_arabic_letter(c) || c.is_alphabetic()
    }
}

/// `char::is_alphanumeric` with the same fast paths as [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_arabic_letter(c) || c.is_alphanumeric()
    }
}

/// Letters that French writes and English does not (outside borrowings).
fn is_french_letter(c: char) -> bool {
    matches!(
        c,
        'é' | 'è'
            | 'ê'
            | 'ë'
            | 'à'
            | 'â'
            | 'ç'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ù'
            | 'û'
            | 'œ'
            | 'É'
            | 'È'
            | 'Ê'
            | 'À'
            | 'Ç'
            | 'Œ'
    )
}

/// The function words of the `fr.detect` and `en.detect` lists in one
/// table: a word of the text is looked up once, not once a list, and not
/// at all when it is longer than every function word. Function words are
/// short: those of 16 bytes or fewer are keyed by their bytes packed into
/// one integer, which hashes and compares in a few instructions.
#[derive(Debug, Default)]
pub(crate) struct FunctionWords {
    /// A word (in lower case, packed) and the lists it is in: (French,
    /// English).
    short: rustc_hash::FxHashMap<u128, (bool, bool)>,
    /// The words longer than 16 bytes (none in the embedded lists).
    long: rustc_hash::FxHashMap<String, (bool, bool)>,
    /// The length in bytes of the longest word.
    longest: usize,
    /// A filter in front of `short` for [`FunctionWords::get_ascii`]: the
    /// bit of each word's length and first and last bytes in lower case
    /// ([`FunctionWords::filter_bit`]). Most words of a text are no
    /// function word, and most of those are told so by one bit, without
    /// packing or hashing them.
    seen: crate::vocab::Filter,
}

/// `word` packed into an integer when it has 16 bytes or fewer (no word
/// holds a NUL, so the zeros after a shorter word keep words apart), each
/// byte mapped by `byte`.
#[inline]
fn pack(word: &[u8], byte: impl Fn(u8) -> u8) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut key = [0u8; 16];
    for (k, &b) in key.iter_mut().zip(word) {
        *k = byte(b);
    }
    Some(u128::from_le_bytes(key))
}

impl FunctionWords {
    /// The table of the detection lists of `data`.
    pub(crate) fn of(data: &Data) -> FunctionWords {
        let mut table = FunctionWords::default();
        for (name, french) in [("fr.detect", true), ("en.detect", false)] {
            for w in data.set(name).iter() {
                let entry = match pack(w.as_bytes(), |b| b) {
                    Some(key) => table.short.entry(key).or_default(),
                    None => table.long.entry(w.to_owned()).or_default(),
                };
                if french {
                    entry.0 = true;
                } else {
                    entry.1 = true;
                }
                table.longest = table.longest.max(w.len());
                table.seen.insert(FunctionWords::filter_bit(w.as_bytes()));
            }
        }
        table
    }

    /// A word's bit in [`FunctionWords::seen`] ([`crate::vocab::filter_bit`]):
    /// its length and its first and last bytes, in lower case for ASCII
    /// letters (setting bit 5 lower-cases a letter and leaves a digit or an
    /// apostrophe as it is).
    #[inline]
    fn filter_bit(word: &[u8]) -> usize {
        let (first, last) = match (word.first(), word.last()) {
            (Some(&f), Some(&l)) => (f | 0x20, l | 0x20),
            _ => (0, 0),
        };
        crate::vocab::filter_bit(word.len(), first, last)
    }

    /// The lists `lower` (in lower case) is in: (French, English).
    fn get(&self, lower: &str) -> (bool, bool) {
        if lower.len() > self.longest {
            return (false, false);
        }
        match pack(lower.as_bytes(), |b| b) {
            Some(key) => self.short.get(&key),
            None => self.long.get(lower),
        }
        .copied()
        .unwrap_or_default()
    }

    /// [`FunctionWords::get`] for a word of ASCII letters, digits and
    /// apostrophes, in any case.
    #[inline]
    fn get_ascii(&self, word: &str) -> (bool, bool) {
        let bytes = word.as_bytes();
        debug_assert!(
            bytes
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'\'')
        );
        if bytes.len() > self.longest {
            return (false, false);
        }
        if !self.seen.may_contain(FunctionWords::filter_bit(bytes)) {
            return (false, false);
        }
        if bytes.len() <= 8 {
            // Setting bit 5 of each byte lower-cases a letter and leaves a
            // digit or an apostrophe as it is: the word is packed and
            // lower-cased in a few instructions (as `pack` would do it).
            let mut le = [0u8; 8];
            le[..bytes.len()].copy_from_slice(bytes);
            let case = 0x2020_2020_2020_2020u64
                .checked_shr(8 * (8 - bytes.len() as u32))
                .unwrap_or(0);
            let key = u128::from(u64::from_le_bytes(le) | case);
            return self.short.get(&key).copied().unwrap_or_default();
        }
        match pack(bytes, |b| b.to_ascii_lowercase()) {
            Some(key) => self.short.get(&key).copied().unwrap_or_default(),
            None => self.get(&word.to_ascii_lowercase()),
        }
    }
}

/// What [`detect`] counts in a text.
#[derive(Debug, Default)]
struct Tally {
    arabic_letters: usize,
    latin_letters: usize,
    arabic_words: usize,
    latin_words: usize,
    fr: usize,
    en: usize,
    fr_letters: usize,
    seen: usize,
}

/// What [`detect`] counts in one word: its Arabic, Latin and French
/// letters, whether it has a letter, whether it reads as a name (it starts
/// with a capital or holds a digit), and (for a word of ASCII) whether it
/// holds only letters, digits and apostrophes.
#[derive(Debug, Clone, Copy, Default)]
struct WordTally {
    ar: usize,
    la: usize,
    fl: usize,
    letter: bool,
    name: bool,
    plain: bool,
}

impl WordTally {
    fn of(word: &str) -> WordTally {
        let bytes = word.as_bytes();
        let mut w = WordTally::default();
        if bytes.is_ascii() {
            // Most words of an English or French text: a byte at a time,
            // no character decoded.
            w.name = bytes.first().is_some_and(u8::is_ascii_uppercase);
            w.plain = true;
            for &b in bytes {
                if b.is_ascii_alphabetic() {
                    w.la += 1;
                } else if b.is_ascii_digit() {
                    w.name = true;
                } else if b != b'\'' {
                    w.plain = false;
                }
            }
            w.letter = w.la > 0;
            return w;
        }
        w.name = word.chars().next().is_some_and(char::is_uppercase);
        for c in word.chars() {
            if is_arabic_letter(c) {
                w.ar += 1;
                w.letter = true;
                continue;
            }
            if is_latin_letter(c) {
                w.la += 1;
                w.fl += usize::from(is_french_letter(c));
            }
            w.letter = w.letter || crate::document::is_letter(c);
            w.name = w.name || c.is_numeric();
        }
        w
    }
}

impl Tally {
    /// Counts `word`; false when the text has had enough words (5,000)
    /// to decide.
    fn word(&mut self, word: &str, words: &FunctionWords, lower: &mut String) -> bool {
        let w = WordTally::of(word);
        if !w.letter {
            return true;
        }
        self.seen += 1;
        if self.seen > 5000 {
            return false;
        }
        self.arabic_letters += w.ar;
        self.latin_letters += w.la;
        self.fr_letters += w.fl;
        if w.ar > 0 {
            self.arabic_words += 1;
            return true;
        }
        if w.la == 0 {
            return true;
        }
        let (is_fr, is_en) = if w.plain {
            words.get_ascii(word)
        } else {
            // `str::to_lowercase` but for a final sigma, which no French or
            // English function word holds.
            lower.clear();
            for c in word.chars() {
                lower.extend(if c == '’' { '\'' } else { c }.to_lowercase());
            }
            words.get(lower)
        };
        if !w.name || is_fr || is_en {
            self.latin_words += 1;
        }
        self.fr += usize::from(is_fr);
        self.en += usize::from(is_en);
        true
    }

    fn lang(&self) -> Lang {
        if self.arabic_words > 0
            && (self.arabic_words >= self.latin_words || self.arabic_letters >= self.latin_letters)
        {
            return Lang::Ar;
        }
        match self.fr.cmp(&self.en) {
            std::cmp::Ordering::Greater => Lang::Fr,
            std::cmp::Ordering::Less => Lang::En,
            std::cmp::Ordering::Equal if self.fr_letters > 0 => Lang::Fr,
            std::cmp::Ordering::Equal => Lang::En,
        }
    }
}

/// Detects the language of `text` from its script and function words.
///
/// Arabic news quotes many names in Latin script, so Latin words that start
/// with a capital letter or hold a digit (names, brands, acronyms) do not
/// count against Arabic: the text is Arabic when its Arabic words are at
/// least as many as its other Latin words, or its Arabic letters at least as
/// many as its Latin letters. Otherwise the language whose function words (`<lang>.detect`
/// lists in `rules/data/`) are more frequent wins; on a tie, letters that
/// only French writes (`é`, `ç`, `œ`, …) decide; English when nothing does
/// (an empty or very short text). The first 5,000 words with a letter
/// decide.
///
/// The words are those the document model cuts (UAX #29 words, see
/// [`Block::words`]), so that a document is detected from the words its
/// blocks already hold (`detect_blocks`) rather than read a second time
/// (for a short article that second reading was a twelfth of the whole
/// check).
pub fn detect(text: &str, data: &Data) -> Lang {
    let words = data.function_words();
    let mut tally = Tally::default();
    let mut lower = String::new();
    for w in super::segment::words(text) {
        if !tally.word(&text[w.range()], words, &mut lower) {
            break;
        }
    }
    tally.lang()
}

/// [`detect`] on the text of `blocks` up to the block that takes it past
/// 20,000 bytes, from the words the blocks hold.
pub(super) fn detect_blocks(blocks: &[Block<'_>], data: &Data) -> Lang {
    let words = data.function_words();
    let mut tally = Tally::default();
    let mut lower = String::new();
    let mut read = 0;
    for b in blocks {
        for w in &b.words {
            if !tally.word(&b.text[w.range()], words, &mut lower) {
                return tally.lang();
            }
        }
        read += b.text.len() + 1;
        if read > 20_000 {
            break;
        }
    }
    tally.lang()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rules() -> &'static crate::rules::RuleSet {
        static RULES: std::sync::LazyLock<crate::rules::RuleSet> =
            std::sync::LazyLock::new(|| crate::rules::RuleSet::embedded().expect("default rules"));
        &RULES
    }

    /// The detection written plainly (UAX #29 word segments that hold a
    /// letter or a digit, by `unicode-segmentation`, without the format
    /// controls at their ends; then a pass over each word's characters and
    /// two lookups): [`detect`] must decide as it does.
    fn detect_by_words(text: &str, data: &Data) -> Lang {
        use crate::source::is_format_control;
        use unicode_segmentation::UnicodeSegmentation;
        let fr_words = data.set("fr.detect");
        let en_words = data.set("en.detect");
        let (mut arabic_letters, mut latin_letters) = (0usize, 0usize);
        let (mut arabic_words, mut latin_words) = (0usize, 0usize);
        let (mut fr, mut en, mut fr_letters) = (0usize, 0usize, 0usize);
        let mut seen = 0;
        for word in text
            .split_word_bounds()
            .filter(|w| w.chars().any(crate::document::is_letter_or_digit))
            .map(|w| w.trim_matches(is_format_control))
        {
            let (mut ar, mut la, mut fl, mut letter, mut numeric) = (0, 0, 0, false, false);
            for c in word.chars() {
                if is_arabic_letter(c) {
                    ar += 1;
                    letter = true;
                    continue;
                }
                if is_latin_letter(c) {
                    la += 1;
                    fl += usize::from(is_french_letter(c));
                }
                letter = letter || crate::document::is_letter(c);
                numeric = numeric || c.is_numeric();
            }
            if !letter {
                continue;
            }
            seen += 1;
            if seen > 5000 {
                break;
            }
            arabic_letters += ar;
            latin_letters += la;
            fr_letters += fl;
            if ar > 0 {
                arabic_words += 1;
                continue;
            }
            if la == 0 {
                continue;
            }
            let name = numeric || word.starts_with(char::is_uppercase);
            let lower: String = word
                .chars()
                .flat_map(|c| if c == '’' { '\'' } else { c }.to_lowercase())
                .collect();
            let (is_fr, is_en) = (fr_words.contains(&lower), en_words.contains(&lower));
            if !name || is_fr || is_en {
                latin_words += 1;
            }
            fr += usize::from(is_fr);
            en += usize::from(is_en);
        }
        if arabic_words > 0 && (arabic_words >= latin_words || arabic_letters >= latin_letters) {
            return Lang::Ar;
        }
        match fr.cmp(&en) {
            std::cmp::Ordering::Greater => Lang::Fr,
            std::cmp::Ordering::Less => Lang::En,
            std::cmp::Ordering::Equal if fr_letters > 0 => Lang::Fr,
            std::cmp::Ordering::Equal => Lang::En,
        }
    }

    /// Texts of words drawn from every kind of character detection tells
    /// apart: function words of both lists in any case, names, Arabic words
    /// with proclitics and marks, digits, apostrophes (`’` too), French
    /// letters, letters whose lower case is longer (`İ`), separators.
    fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "the",
            "The",
            "THE",
            "and",
            "of",
            "le",
            "Le",
            "les",
            "et",
            "est",
            "été",
            "Été",
            "d'un",
            "d’un",
            "D’une",
            "qu'il",
            "c'est",
            "l'an",
            "après",
            "très",
            "which",
            "said",
            "Said",
            "Musk",
            "OpenAI",
            "GPT4",
            "İstanbul",
            "İN",
            "naïve",
            "œuvre",
            "garçon",
            "ماسك",
            "والشركة",
            "بِسْمِ",
            "٢٠٢٤",
            "2024",
            "x1",
            "’",
            "'",
            "-",
            " ",
            "  ",
            "\n",
            ",",
            ".",
            "«",
            "»",
            "\u{0301}",
            "e\u{0301}",
            "ß",
            "Σ",
            "ς",
            "ﻻ",
            "ـ",
            "\u{200F}",
            "42%",
            "3,5",
            "long-function-words",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    /// Every function word of ASCII letters and apostrophes is found in
    /// any case past the filter in front of the table, in the lists it is
    /// in; other words are found in none.
    #[test]
    fn the_filter_lets_every_function_word_through_in_any_case() {
        let data = rules().data();
        let table = FunctionWords::of(data);
        let (fr, en) = (data.set("fr.detect"), data.set("en.detect"));
        let mut n = 0;
        for w in fr.iter().chain(en.iter()) {
            if !w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'\'') {
                continue;
            }
            let lists = (fr.contains(w), en.contains(w));
            for form in [w.to_owned(), w.to_ascii_uppercase(), capitalized(w)] {
                assert_eq!(table.get_ascii(&form), lists, "{form}");
            }
            n += 1;
        }
        assert!(n > 50, "{n} words");
        for w in ["zebra", "Xylophone", "qqq", "a1b2", "o'clock"] {
            assert_eq!(table.get_ascii(w), (fr.contains(w), en.contains(w)), "{w}");
        }
    }

    fn capitalized(w: &str) -> String {
        let mut c = w.to_owned();
        c[..1].make_ascii_uppercase();
        c
    }

    proptest! {
        #[test]
        fn one_pass_detection_decides_as_the_word_split_did(text in mixed_text()) {
            let data = rules().data();
            prop_assert_eq!(detect(&text, data), detect_by_words(&text, data), "{:?}", text);
        }

        #[test]
        fn one_pass_detection_decides_as_the_word_split_did_on_any_text(text in "\\PC{0,80}") {
            let data = rules().data();
            prop_assert_eq!(detect(&text, data), detect_by_words(&text, data), "{:?}", text);
        }
    }

    /// A document is detected from its blocks' words: as [`detect`]
    /// decides on the text of the blocks that it reads, joined.
    fn detected_from_blocks(text: &str, format: crate::source::Format) -> (Lang, Lang) {
        let data = rules().data();
        let source = crate::source::SourceFile::from_text("t", text.to_owned(), format);
        let doc = crate::document::Document::parse(&source, None, data);
        let mut sample = String::new();
        for b in &doc.blocks {
            sample.push_str(&b.text);
            sample.push('\n');
            if sample.len() > 20_000 {
                break;
            }
        }
        (doc.lang, detect(&sample, data))
    }

    proptest! {
        #[test]
        fn a_document_is_detected_from_its_blocks_as_from_their_text(
            paragraphs in prop::collection::vec(mixed_text(), 0..8),
            markdown: bool,
        ) {
            let format = if markdown {
                crate::source::Format::Markdown
            } else {
                crate::source::Format::Text
            };
            let (from_blocks, from_text) = detected_from_blocks(&paragraphs.join("\n\n"), format);
            prop_assert_eq!(from_blocks, from_text);
        }
    }

    #[test]
    fn only_the_blocks_up_to_twenty_thousand_bytes_are_read() {
        // Blocks of 4,500 to 5,000 bytes (numbers, which are no words to
        // detection, and a few function words), English ones then French
        // ones: the fifth block takes the text past 20,000 bytes and is
        // read whole (its 200 French words outweigh the 120 English of four
        // blocks), the sixth is not (the 150 English words of five blocks
        // decide).
        let numbers = "1234567890 ".repeat(400);
        let english = format!("{}{numbers}", "the and of ".repeat(10));
        let french = format!("{}{numbers}", "le la les et de ".repeat(40));
        for (english_blocks, lang) in [(5, Lang::En), (4, Lang::Fr)] {
            let mut blocks = vec![english.as_str(); english_blocks];
            blocks.extend([french.as_str(); 6]);
            let text = blocks.join("\n\n");
            let (from_blocks, from_text) = detected_from_blocks(&text, crate::source::Format::Text);
            assert_eq!((from_blocks, from_text), (lang, lang), "{english_blocks}");
        }
    }

    #[test]
    fn straight_apostrophes_used_as_quotes_leave_the_word_inside_them() {
        // UAX #29 keeps an apostrophe only between letters (`d'un`,
        // `l'an`): `'le'` is the word `le`.
        let data = rules().data();
        assert_eq!(detect("'le' 'chat' 'et' 'la' 'souris'", data), Lang::Fr);
        assert_eq!(detect("d'un l'an qu'il c'est", data), Lang::Fr);
    }

    #[test]
    fn detection_stops_after_five_thousand_words_as_before() {
        let data = rules().data();
        // 2,600 English function words, then 3,600 French ones: only the
        // first 2,400 French words are read (English); 1,000 then 3,600:
        // French.
        for (n, lang) in [(2600, Lang::En), (1000, Lang::Fr)] {
            let text = format!("{}{}", "the ".repeat(n), "le la les de des et ".repeat(600));
            assert_eq!(detect(&text, data), lang, "{n}");
            assert_eq!(detect_by_words(&text, data), lang, "{n}");
        }
    }

    #[test]
    fn parses_codes_names_and_region_subtags() {
        for (s, l) in [
            ("ar", Lang::Ar),
            ("AR", Lang::Ar),
            (" arabic ", Lang::Ar),
            ("ar_EG", Lang::Ar),
            ("fr-FR", Lang::Fr),
            ("fra", Lang::Fr),
            ("en-GB", Lang::En),
            ("English", Lang::En),
        ] {
            assert_eq!(s.parse::<Lang>(), Ok(l), "{s}");
        }
        for s in ["de", "", "xx-ar", "en-"] {
            assert!(s.parse::<Lang>().is_err(), "{s}");
        }
        assert_eq!(Lang::Fr.to_string(), "fr");
        assert_eq!(Lang::Ar.name(), "Arabic");
    }

    #[test]
    fn script_predicates() {
        assert!(is_arabic_letter('ب') && is_arabic_letter('ی') && is_arabic_letter('ﻻ'));
        // Tatweel, harakat, Arabic digits and punctuation are not letters.
        for c in ['ـ', '\u{064E}', '٣', '،', '؟'] {
            assert!(!is_arabic_letter(c), "{c}");
        }
        assert!(is_latin_letter('a') && is_latin_letter('É') && is_latin_letter('œ'));
        for c in ['Ω', 'ب', '1', '\u{0301}'] {
            assert!(!is_latin_letter(c), "{c}");
        }
    }
}
