//! Languages and language detection.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

/// Detects the language of `text` from its script and function words.
///
/// Arabic news quotes many names in Latin script, so Latin words that start
/// with a capital letter or hold a digit (names, brands, acronyms) do not
/// count against Arabic: the text is Arabic when its Arabic words are at
/// least as many as its other Latin words, or its Arabic letters at least as
/// many as its Latin letters. Otherwise the language whose function words (`<lang>.detect`
/// lists in `rules/data/`) are more frequent wins; on a tie, letters that
/// only French writes (`é`, `ç`, `œ`, …) decide; English when nothing does
/// (an empty or very short text).
pub fn detect(text: &str, data: &Data) -> Lang {
    let fr_words = data.set("fr.detect");
    let en_words = data.set("en.detect");
    let (mut arabic_letters, mut latin_letters) = (0usize, 0usize);
    let (mut arabic_words, mut latin_words) = (0usize, 0usize);
    let (mut fr, mut en, mut fr_letters) = (0usize, 0usize, 0usize);
    // Every article is detected unless its language is given: one pass over
    // each word's characters, and one buffer for the lower-cased words.
    let mut lower = String::new();
    let mut seen = 0;
    for word in
        text.split(|c: char| !(crate::document::is_letter_or_digit(c) || is_mark_or_apostrophe(c)))
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
        lower.clear();
        if word.is_ascii() {
            lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // `str::to_lowercase` but for a final sigma, which no French or
            // English function word holds.
            for c in word.chars() {
                lower.extend(if c == '’' { '\'' } else { c }.to_lowercase());
            }
        }
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

fn is_mark_or_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || crate::source::is_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

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
