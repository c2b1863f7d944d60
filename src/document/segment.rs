//! Sentence and word segmentation (Unicode UAX #29, which knows the Arabic
//! question mark and keeps decimals such as `97.4` whole), and masks for
//! what is not prose.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::lang::{is_arabic_letter, is_latin_letter};

/// The writing system of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
    /// Digits only.
    Digits,
    /// Letters of several scripts, or letters and digits.
    Mixed,
    Other,
}

/// A word of a block's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// View byte range.
    pub range: Range<usize>,
    pub script: Script,
}

fn script_of(word: &str) -> Script {
    let (mut ar, mut la, mut dig, mut other) = (false, false, false, false);
    for c in word.chars() {
        if is_arabic_letter(c) {
            ar = true;
        } else if is_latin_letter(c) {
            la = true;
        } else if c.is_numeric() {
            dig = true;
        } else if c.is_alphabetic() {
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

/// Words: UAX #29 word segments that hold a letter or a digit.
pub(super) fn words(text: &str) -> Vec<Word> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| Word {
            range: i..i + w.len(),
            script: script_of(w),
        })
        .collect()
}

/// Sentences: UAX #29 sentence segments, trimmed of surrounding white space.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| i + lead..i + lead + trimmed.len())
        })
        .collect()
}

static NON_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:https?|ftp)://[^\s<>«»\x22]+            # URLs
        | \bwww\.[^\s<>«»\x22]+
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+              # e-mail addresses
        | (?:^|\B)[@\#][\w_]+                       # handles and hashtags
        | \b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|fr|uk|io|ai|gov|edu|info|news|ma|dz|tn|eg|sa|ae|qa|lb)\b(?:/[^\s]*)?
        ",
    )
    .expect("valid regex")
});

/// View ranges of URLs, e-mail addresses, domain names, handles and hashtags.
pub(super) fn mask_non_prose(text: &str) -> Vec<Range<usize>> {
    NON_PROSE.find_iter(text).map(|m| m.range()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            .map(|w| (&text[w.range], w.script))
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
    }
}
