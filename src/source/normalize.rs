//! Normalization for matching, with an offset map back to the original.
//!
//! Folds what differs in spelling but not in meaning: Arabic letter forms
//! (hamza on alef, alef maqsura, Persian letters), diacritics and tatweel,
//! bidi and zero-width controls, Eastern Arabic and Persian digits, the Arabic
//! decimal and thousands separators, no-break and thin spaces, and optionally
//! letter case. See `../shared/reference/formats.md` §1 and §10.

use super::{OffsetMap, Span};

/// What [`normalize`] folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct NormalizeOptions {
    /// أ إ آ ٱ → ا, ى → ي, ی → ي, ک → ك, ۀ ہ → ه.
    pub arabic_letters: bool,
    /// ة → ه (off by default: it merges feminine and masculine forms).
    pub taa_marbuta: bool,
    /// Remove harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
    /// and tatweel.
    pub diacritics: bool,
    /// ٠–٩ and ۰–۹ → 0–9, ٫ → `.`, ٬ removed.
    pub digits: bool,
    /// Remove bidi and zero-width controls; NBSP, narrow NBSP and thin space → space.
    pub spaces_and_controls: bool,
    /// Lower-case letters (full Unicode lower case).
    pub lowercase: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            arabic_letters: true,
            taa_marbuta: false,
            diacritics: true,
            digits: true,
            spaces_and_controls: true,
            lowercase: false,
        }
    }
}

/// A normalized copy of a text and the map back to the original's offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

impl Normalized {
    /// The original span of a byte range of the normalized text.
    pub fn to_orig(&self, start: usize, end: usize) -> Span {
        self.map.to_orig(start, end)
    }
}

/// Removed entirely by `diacritics`.
pub(crate) fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0640}')
}

/// Bidi controls and zero-width characters.
pub(crate) fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn fold(c: char, o: NormalizeOptions) -> Option<char> {
    if o.diacritics && is_arabic_mark(c) {
        return None;
    }
    if o.spaces_and_controls {
        if is_format_control(c) {
            return None;
        }
        if matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}') {
            return Some(' ');
        }
    }
    if o.arabic_letters {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => return Some('ا'),
            'ى' | 'ی' | 'ے' => return Some('ي'),
            'ک' => return Some('ك'),
            'ۀ' | 'ہ' | 'ە' => return Some('ه'),
            _ => {}
        }
    }
    if o.taa_marbuta && c == 'ة' {
        return Some('ه');
    }
    if o.digits {
        match c {
            '٠'..='٩' => return char::from_u32(c as u32 - 0x0660 + u32::from(b'0')),
            '۰'..='۹' => return char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')),
            '٫' => return Some('.'),
            '٬' => return None,
            _ => {}
        }
    }
    Some(c)
}

/// Normalizes `text`, whose first byte is at `base` in the original.
pub fn normalize(text: &str, base: usize, options: NormalizeOptions) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    for (i, c) in text.char_indices() {
        let orig = base + i;
        let Some(f) = fold(c, options) else { continue };
        let from = out.len();
        if options.lowercase && f.is_uppercase() {
            out.extend(f.to_lowercase());
        } else {
            out.push(f);
        }
        let len = out.len() - from;
        if f == c && len == c.len_utf8() {
            map.push_identity(from, orig, len);
        } else {
            map.push_atomic(from, out.len(), Span::new(orig, orig + c.len_utf8()));
        }
    }
    Normalized { text: out, map }
}

/// True for combining marks that belong to the letter before them (Arabic
/// harakat and tatweel, Latin combining diacritics).
pub fn is_mark(c: char) -> bool {
    is_arabic_mark(c)
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_forms_and_digits_with_offsets() {
        let text = "إيلـون ٩٧٫٤";
        let n = normalize(text, 10, NormalizeOptions::default());
        assert_eq!(n.text, "ايلون 97.4");
        // "97.4" in the normalized text maps back to "٩٧٫٤" in the original.
        let start = n.text.find('9').unwrap();
        let span = n.to_orig(start, n.text.len());
        assert_eq!(
            &text[span.start as usize - 10..span.end as usize - 10],
            "٩٧٫٤"
        );
    }

    #[test]
    fn lowercases_and_drops_controls() {
        let o = NormalizeOptions {
            lowercase: true,
            ..NormalizeOptions::default()
        };
        let n = normalize("Open\u{200F}AI", 0, o);
        assert_eq!(n.text, "openai");
        assert_eq!(n.to_orig(0, n.text.len()), Span::new(0, 9));
    }
}
