//! Languages and language detection.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::rules::Data;

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
                let base = other.split(['-', '_']).next().unwrap_or_default();
                if base == other {
                    Err(format!("unknown language `{s}` (expected ar, fr or en)"))
                } else {
                    base.parse()
                }
            }
        }
    }
}

/// True for letters of the Arabic script (base and presentation blocks).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// True for letters of the Latin script.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}'))
}

/// Detects the language of `text` from its script and function words.
///
/// Arabic wins when at least a quarter of the letters are Arabic (Arabic news
/// quotes many Latin names). Otherwise the language whose function words
/// (`<lang>.detect` lists in `rules/data/`) are more frequent wins; English
/// when nothing decides.
pub fn detect(text: &str, data: &Data) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if is_latin_letter(c) {
            latin += 1;
        }
    }
    if arabic > 0 && arabic * 4 >= arabic + latin {
        return Lang::Ar;
    }
    let fr_words = data.set("fr.detect");
    let en_words = data.set("en.detect");
    let (mut fr, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        let lower = word.to_lowercase();
        if fr_words.contains(lower.as_str()) {
            fr += 1;
        }
        if en_words.contains(lower.as_str()) {
            en += 1;
        }
    }
    if fr > en { Lang::Fr } else { Lang::En }
}
