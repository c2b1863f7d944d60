//! Normalization for matching, with an offset map back to the original.
//!
//! Folds what differs in spelling but not in meaning: Arabic letter forms
//! (hamza on alef, alef maqsura, Persian letters), diacritics and tatweel,
//! bidi and zero-width controls, Eastern Arabic and Persian digits, the Arabic
//! decimal and thousands separators, no-break and thin spaces, and optionally
//! letter case. See `../shared/reference/formats.md` §1 and §10.
//!
//! `build.rs` includes this file (to compute the gazetteer's keys): outside
//! its tests it may name nothing of the crate but through `super::`.

use super::{OffsetMap, Span};

/// What [`normalize`] folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct NormalizeOptions {
    /// أ إ آ ٱ → ا, ى → ي, ی → ي, ک → ك, ۀ ہ → ه.
    pub arabic_letters: bool,
    /// ة → ه (off by default: it merges feminine and masculine forms).
    pub taa_marbuta: bool,
    /// Hamza seats ؤ → و, ئ → ي (off by default; on for matching names).
    pub hamza_seats: bool,
    /// Remove harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
    /// and tatweel.
    pub diacritics: bool,
    /// ٠–٩ and ۰–۹ → 0–9, ٫ → `.`, ٬ removed.
    pub digits: bool,
    /// Remove bidi and zero-width controls; no-break, narrow no-break, thin and
    /// other fixed-width spaces → space.
    pub spaces_and_controls: bool,
    /// Lower-case letters (full Unicode lower case).
    pub lowercase: bool,
}

impl NormalizeOptions {
    /// The defaults, for constants.
    pub const DEFAULT: NormalizeOptions = NormalizeOptions {
        arabic_letters: true,
        taa_marbuta: false,
        hamza_seats: false,
        diacritics: true,
        digits: true,
        spaces_and_controls: true,
        lowercase: false,
    };

    /// The normalization of the figures' extractors (amounts and dates,
    /// text and lexicons alike): the defaults, in lower case. Being the
    /// same, one normalization of a block serves both.
    pub const FIGURES: NormalizeOptions = NormalizeOptions {
        lowercase: true,
        ..NormalizeOptions::DEFAULT
    };
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions::DEFAULT
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

/// Bidi controls and zero-width characters (removed by `spaces_and_controls`).
pub fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn fold(c: char, o: NormalizeOptions) -> Option<char> {
    // Most characters fold to themselves whatever the options: all below
    // U+0610 but the no-break space, and the Arabic letters but the alef
    // and hamza forms, taa marbuta, tatweel and alef maqsura.
    let u = u32::from(c);
    if (u < 0x0610 && u != 0x00A0)
        || ((0x0621..=0x064A).contains(&u)
            && !matches!(u, 0x0622..=0x0626 | 0x0629 | 0x0640 | 0x0649))
    {
        return Some(c);
    }
    fold_slow(c, o)
}

/// [`fold`] without its fast path (the test compares the two).
fn fold_slow(c: char, o: NormalizeOptions) -> Option<char> {
    if o.diacritics && is_arabic_mark(c) {
        return None;
    }
    if o.spaces_and_controls {
        if is_format_control(c) {
            return None;
        }
        if matches!(
            c,
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
        ) {
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
    if o.hamza_seats {
        match c {
            'ؤ' => return Some('و'),
            'ئ' => return Some('ي'),
            _ => {}
        }
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
///
/// Every character of the result maps back to the original character it
/// came from. A diacritic or tatweel that is removed belongs to the letter
/// before it: that letter's original span takes it in, so that a match that
/// ends with the letter ends after its diacritics in the original (`محمدٌ`,
/// not `محمد` and a stray tanwin). Removed controls belong to nothing.
pub fn normalize(text: &str, base: usize, options: NormalizeOptions) -> Normalized {
    normalize_with(text, base, options, true)
}

/// The two-byte characters that [`copy_run`] takes into a run under
/// some options: bit `b & 0x3F` of the mask of lead byte `l` (at `l &
/// 0x3F`: the two-byte leads are the first 32, the longer ones have no
/// mask) is set when the character of second byte `b` comes out of the
/// one-character path as it went in (folded to itself, its own lower
/// case). Only the leads 0xC2, 0xC3 (Latin-1), 0xD8 and 0xD9 (Arabic) have
/// a mask: Latin-1 punctuation and signs but the no-break space, the
/// accented Latin letters (in lower case only, under `lowercase`), the
/// Arabic punctuation, the Arabic letters that fold to themselves under
/// these options (taa marbuta and the hamza seats unless they are folded),
/// the marks when they are kept. (Computing the masks of every two-byte
/// lead cost start-up 4 % more instructions, for scripts the rules do not
/// read.)
///
/// The same leads have a second mask, of the characters that come out as
/// one other character of two bytes (`أ` → `ا`, `ة` → `ه` under
/// `taa_marbuta`): a run takes them too, folded as it is copied, and maps
/// byte for byte all the same.
struct Simple {
    masks: [u64; 64],
    folds: [u64; 64],
    /// What each character of `folds` comes out as, by lead and second
    /// byte (`[lead & 0x3F][next & 0x3F]`).
    folded: Box<[[char; 64]; 32]>,
}

impl Simple {
    /// The masks of `o`, computed once a process for each of the 128
    /// combinations of options.
    fn of(o: NormalizeOptions) -> &'static Simple {
        static MASKS: [std::sync::OnceLock<Simple>; 128] =
            [const { std::sync::OnceLock::new() }; 128];
        let bits = [
            o.arabic_letters,
            o.taa_marbuta,
            o.hamza_seats,
            o.diacritics,
            o.digits,
            o.spaces_and_controls,
            o.lowercase,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (k, &on)| bits | usize::from(on) << k);
        MASKS[bits].get_or_init(|| {
            let mut simple = Simple {
                masks: [0; 64],
                folds: [0; 64],
                folded: Box::new([['\0'; 64]; 32]),
            };
            for lead in [0xC2, 0xC3, 0xD8, 0xD9] {
                let at = usize::from(lead & 0x3F);
                simple.masks[at] = Simple::mask(lead, o);
                for next in 0x80u8..0xC0 {
                    if let Some(g) = Simple::same_length_fold(lead, next, o) {
                        simple.folds[at] |= 1 << (next & 0x3F);
                        simple.folded[at][usize::from(next & 0x3F)] = g;
                    }
                }
            }
            simple
        })
    }

    /// What the two-byte character `lead`, `next` comes out of the
    /// one-character path as, when that is one other two-byte character.
    fn same_length_fold(lead: u8, next: u8, o: NormalizeOptions) -> Option<char> {
        let c = std::str::from_utf8(&[lead, next]).ok()?.chars().next()?;
        let f = fold(c, o)?;
        // `push_lowercase` is `char::to_lowercase` with fast paths.
        let mut lower = f.to_lowercase();
        let g = if o.lowercase { lower.next()? } else { f };
        let one = !o.lowercase || lower.next().is_none();
        (one && g != c && g.len_utf8() == 2).then_some(g)
    }

    fn mask(lead: u8, o: NormalizeOptions) -> u64 {
        (0x80u8..0xC0)
            .filter(|&b| {
                let pair = [lead, b];
                let Some(c) = std::str::from_utf8(&pair)
                    .ok()
                    .and_then(|s| s.chars().next())
                else {
                    return false;
                };
                let mut lower = c.to_lowercase();
                let own_lower = lower.next() == Some(c) && lower.next().is_none();
                fold(c, o) == Some(c) && (!o.lowercase || own_lower)
            })
            .fold(0, |mask, b| mask | 1 << (b & 0x3F))
    }

    /// Whether the two bytes `lead`, `next` are a character of a run;
    /// `lead` starts a character that is not ASCII.
    #[inline]
    fn takes(&self, lead: u8, next: u8) -> bool {
        debug_assert!(lead >= 0xC0, "a lead byte");
        self.masks[usize::from(lead & 0x3F)] >> (next & 0x3F) & 1 != 0
    }

    /// What the two bytes `lead`, `next` fold to, when they are a
    /// character of the `folds` mask (`lead` as for [`Simple::takes`]).
    #[inline]
    fn fold_of(&self, lead: u8, next: u8) -> Option<char> {
        let at = usize::from(lead & 0x3F);
        (self.folds[at] >> (next & 0x3F) & 1 != 0)
            .then(|| self.folded[at & 0x1F][usize::from(next & 0x3F)])
    }
}

/// Appends the run of "simple" characters at `start` to `out` and says
/// where it ends: ASCII, and the two-byte characters of `simple`, either
/// kept or folded to another two bytes as they are copied (nothing in such
/// a run is removed or changes length: the copy maps byte for byte).
/// Returns the end (`start` itself when the character there is not
/// simple) and how many characters were folded. Lower case is left to the
/// caller (it changes only ASCII bytes).
#[inline]
fn copy_run(out: &mut String, text: &str, start: usize, simple: &Simple) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut i, mut copied, mut folds) = (start, start, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            continue;
        }
        let Some(&next) = bytes.get(i + 1) else {
            break;
        };
        if simple.takes(b, next) {
            i += 2;
        } else if let Some(g) = simple.fold_of(b, next) {
            out.push_str(&text[copied..i]);
            out.push(g);
            i += 2;
            copied = i;
            folds += 1;
        } else {
            break;
        }
    }
    out.push_str(&text[copied..i]);
    (i, folds)
}

/// [`normalize`], with or without its fast paths (`fast`): runs of simple
/// characters (see [`copy_run`]) are copied as one piece, and a kept
/// character is known to be unchanged without comparing it with the
/// original. The property test compares the two.
fn normalize_with(text: &str, base: usize, options: NormalizeOptions, fast: bool) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    // The last kept character: its derived range, original span and
    // whether it was kept unchanged, not yet recorded because removed
    // marks may still extend it.
    let mut pending: Option<(usize, usize, Span, bool)> = None;
    let flush = |map: &mut OffsetMap, out: &str, pending: Option<(usize, usize, Span, bool)>| {
        if let Some((from, to, orig, unchanged)) = pending {
            let same = if fast {
                unchanged && orig.len() == to - from
            } else {
                orig.len() == to - from
                    && out[from..to] == text[orig.range().start - base..orig.range().end - base]
            };
            if same {
                map.push_identity(from, orig.range().start, to - from);
            } else if orig.len() == to - from {
                map.push_same_length(from, orig.range().start, to - from);
            } else {
                map.push_atomic(from, to, orig);
            }
        }
    };
    let bytes = text.as_bytes();
    let simple = Simple::of(options);
    let mut i = 0;
    while i < bytes.len() {
        // A run of simple characters: nothing in it is removed or changes
        // length, so it is copied at once (its letters folded to others of
        // the same length), as one identity piece (lower case keeps ASCII
        // lengths), but for its last character when a mark that is removed
        // follows: that one stays pending, as the mark belongs to it.
        if fast {
            let from = out.len();
            let (end, folds) = copy_run(&mut out, text, i, simple);
            if end > i {
                let mark_follows = text[end..]
                    .chars()
                    .next()
                    .is_some_and(|c| is_arabic_mark(c) && fold(c, options).is_none());
                let upto = match (mark_follows, bytes[end - 1].is_ascii()) {
                    (false, _) => end,
                    (true, true) => end - 1,
                    (true, false) => end - 2, // two-byte characters only
                };
                // The last character, taken back, goes the slow way (the
                // copy is as long as the run, byte for byte); it was the
                // last one folded when nothing was copied after it.
                let last_folded = folds > 0
                    && !bytes[end - 1].is_ascii()
                    && out.as_bytes()[out.len() - 2..] != bytes[end - 2..end];
                out.truncate(from + (upto - i));
                let folded = folds > usize::from(upto < end && last_folded);
                if upto > i {
                    // The pending character's piece goes first (`flush`
                    // reads only what was pushed before `from`).
                    flush(&mut map, &out[..from], pending.take());
                    if options.lowercase {
                        out[from..].make_ascii_lowercase();
                    }
                    if folded {
                        map.push_same_length(from, base + i, upto - i);
                    } else {
                        map.push_identity(from, base + i, upto - i);
                    }
                    i = upto;
                    if i == end {
                        continue;
                    }
                }
            }
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let orig = base + i;
        i += c.len_utf8();
        let Some(f) = fold(c, options) else {
            if is_arabic_mark(c)
                && let Some((_, _, span, _)) = pending.as_mut()
                && span.end as usize == orig
            {
                *span = Span::new(span.start as usize, orig + c.len_utf8());
            }
            continue;
        };
        flush(&mut map, &out, pending.take());
        let from = out.len();
        if options.lowercase {
            push_lowercase(&mut out, f);
        } else {
            out.push(f);
        }
        // Unchanged: the one character pushed is `c` itself.
        let unchanged = f == c && out.len() - from == c.len_utf8() && out[from..].starts_with(c);
        pending = Some((
            from,
            out.len(),
            Span::new(orig, orig + c.len_utf8()),
            unchanged,
        ));
    }
    flush(&mut map, &out, pending.take());
    Normalized { text: out, map }
}

/// Appends `c` in lower case. ASCII and the Arabic blocks (no case) are
/// answered without Unicode's case tables, which cost a search per
/// character.
#[inline]
fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_caseless_arabic(c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends `s` lower-cased character by character
/// (`s.chars().flat_map(char::to_lowercase)`: no final sigma), a word of
/// ASCII at once.
pub(crate) fn push_lowercase_str(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            push_lowercase(out, c);
        }
    }
}

/// `word.to_lowercase()`, borrowed when lower-casing changes nothing (most
/// words of a text): no allocation per word in the checks that look words
/// up in lower case.
pub(crate) fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    let changes = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else if is_caseless_arabic(c) {
            false
        } else {
            let mut l = c.to_lowercase();
            !(l.next() == Some(c) && l.next().is_none())
        }
    };
    if word.chars().any(changes) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// True for characters of the Arabic blocks, which have no case: lower
/// casing is answered for them without Unicode's case tables.
pub(crate) fn is_caseless_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FEFF}')
}

/// `word` without the prefix `p` (`str::strip_prefix`), compared byte by
/// byte inline: the prefixes looked for on every word (Arabic proclitics)
/// are a few bytes long and mostly differ at the second byte, where a call
/// to `memcmp` costs more than the comparison.
#[inline]
pub(crate) fn strip_short_prefix<'w>(word: &'w str, p: &str) -> Option<&'w str> {
    let (w, b) = (word.as_bytes(), p.as_bytes());
    if b.len() > w.len() || w.iter().zip(b).any(|(x, y)| x != y) {
        return None;
    }
    // `p` is a whole string, so the rest starts on a character boundary.
    word.get(b.len()..)
}

/// The text of [`normalize`] without its offset map, for keys that are
/// never mapped back (gazetteer forms, word lists, a word to look up).
pub fn normalize_text(text: &str, options: NormalizeOptions) -> String {
    // ASCII folds to itself whatever the options ([`fold`]): most words of
    // English and French, and of the word lists a run loads.
    if text.is_ascii() {
        return if options.lowercase {
            text.to_ascii_lowercase()
        } else {
            text.to_owned()
        };
    }
    let mut out = String::with_capacity(text.len());
    normalize_text_into(&mut out, text, options);
    out
}

/// [`normalize_text`], written at the end of `out` (a caller that keeps
/// the result elsewhere reuses one buffer instead of a string a call).
pub fn normalize_text_into(out: &mut String, text: &str, options: NormalizeOptions) {
    // Runs of simple characters (see [`copy_run`]: most of an Arabic
    // word, and all of an ASCII one) are copied as one piece; the rest goes
    // a character at a time.
    let (bytes, simple) = (text.as_bytes(), Simple::of(options));
    let mut i = 0;
    while i < bytes.len() {
        let from = out.len();
        let (end, _) = copy_run(out, text, i, simple);
        if end > i {
            if options.lowercase {
                out[from..].make_ascii_lowercase();
            }
            i = end;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if let Some(f) = fold(c, options) {
            if options.lowercase {
                push_lowercase(out, f);
            } else {
                out.push(f);
            }
        }
    }
}

/// The characters of [`normalize_text`], one by one: comparing two words
/// needs no copy of either.
pub fn normalized_chars(text: &str, options: NormalizeOptions) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter_map(move |c| fold(c, options))
        .flat_map(move |f| {
            // `push_lowercase` is `char::to_lowercase` with fast paths.
            let lower = options.lowercase.then(|| f.to_lowercase());
            lower
                .into_iter()
                .flatten()
                .chain((!options.lowercase).then_some(f))
        })
}

/// True for combining marks that belong to the letter before them (Arabic
/// harakat and tatweel, Latin combining diacritics).
pub fn is_mark(c: char) -> bool {
    // Latin and the Arabic letters at a glance: most characters are those.
    if matches!(c, '\0'..='\u{02FF}' | '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}') {
        return false;
    }
    is_mark_by_ranges(c)
}

/// [`is_mark`] without its fast path (the test compares the two).
fn is_mark_by_ranges(c: char) -> bool {
    is_arabic_mark(c)
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One combination of the seven options per value of `bits` (0..128).
    fn options_from_bits(bits: u8) -> NormalizeOptions {
        NormalizeOptions {
            arabic_letters: bits & 1 != 0,
            taa_marbuta: bits & 2 != 0,
            hamza_seats: bits & 4 != 0,
            diacritics: bits & 8 != 0,
            digits: bits & 16 != 0,
            spaces_and_controls: bits & 32 != 0,
            lowercase: bits & 64 != 0,
        }
    }

    proptest::proptest! {
        /// The characters one by one are the text built at once.
        #[test]
        fn normalized_chars_are_the_normalized_text(
            text in "[aZ 1.,\u{64b}\u{650}\u{640}إأآؤئةى٣۴\u{200f}\u{a0}éİΣبتيكمنءؠػؿی\u{66e}کłŠжЖא\u{301}ſςǅ]{0,16}",
            bits in 0u8..128,
        ) {
            let o = options_from_bits(bits);
            let chars: String = normalized_chars(&text, o).collect();
            proptest::prop_assert_eq!(chars, normalize_text(&text, o));
        }

        /// The text alone is the text of the normalization with its map
        /// (ASCII text, which takes a shortcut, and text with the
        /// characters that fold).
        #[test]
        fn the_text_alone_is_the_text_of_the_mapped_normalization(
            text in proptest::prop_oneof![
                "[aZ 1.,\u{64b}\u{650}\u{640}إأآؤئةى٣۴\u{200f}\u{a0}éİΣبتيكمنءؠػؿی\u{66e}کłŠжЖא\u{301}ſςǅ«»،\u{610}\u{61c}\u{85}µÀ٫٬']{0,16}",
                "[ -~\t\n]{0,24}",
            ],
            bits in 0u8..128,
        ) {
            let o = options_from_bits(bits);
            proptest::prop_assert_eq!(normalize_text(&text, o), normalize(&text, 0, o).text);
        }

        /// The fast paths change nothing: the same text, and every range
        /// of it maps to the same original span.
        #[test]
        fn normalizing_in_runs_equals_one_character_at_a_time(
            text in "[aZ 1.,\u{64b}\u{650}\u{640}إأآؤئةى٣۴\u{200f}\u{a0}éİłŠжЖא\u{301}ſςǅبتيكمنءؠػؿی\u{66e}ک«»،؛؟\u{610}\u{61c}\u{85}µÀ٫٬]{0,16}",
            bits in 0u8..128,
            base in 0usize..5,
        ) {
            let o = options_from_bits(bits);
            let fast = normalize_with(&text, base, o, true);
            let slow = normalize_with(&text, base, o, false);
            proptest::prop_assert_eq!(&fast.text, &slow.text);
            let cuts: Vec<usize> = (0..=fast.text.len()).filter(|&k| fast.text.is_char_boundary(k)).collect();
            for (x, &a) in cuts.iter().enumerate() {
                for &b in &cuts[x..] {
                    proptest::prop_assert_eq!(fast.to_orig(a, b), slow.to_orig(a, b), "{}..{}", a, b);
                    // (Lower-cased ASCII is copied as verbatim by the fast
                    // path: the same length, the same offsets.)
                    if !o.lowercase {
                        proptest::prop_assert_eq!(
                            fast.map.is_verbatim(a, b),
                            slow.map.is_verbatim(a, b),
                            "verbatim {}..{}", a, b
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn lowercase_is_to_lowercase(word in "[a-zA-ZéÉΣσςǅǆİẞßماسك ]{0,8}") {
            let expected = word.to_lowercase();
            proptest::prop_assert_eq!(&*lowercase(&word), expected.as_str());
        }

        #[test]
        fn pushed_lowercase_is_lowercase_of_each_character(
            before in "[a-zA-Zé]{0,3}",
            word in "[a-zA-Z0-9éÉΣσςǅǆİẞßماسك ]{0,8}",
        ) {
            let mut out = before.clone();
            push_lowercase_str(&mut out, &word);
            let expected: String = word.chars().flat_map(char::to_lowercase).collect();
            proptest::prop_assert_eq!(out, format!("{before}{expected}"));
        }
    }

    #[test]
    fn the_fast_path_of_fold_changes_nothing() {
        let chars = (0..0x3100u32)
            .chain(0xFB50..0xFF00)
            .filter_map(char::from_u32);
        for c in chars {
            for bits in 0..128u8 {
                let o = options_from_bits(bits);
                assert_eq!(fold(c, o), fold_slow(c, o), "U+{:04X} {o:?}", u32::from(c));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn strip_short_prefix_is_strip_prefix(word in "[وبالفكa-zé]{0,6}", p in "[وبالفكa-zé]{0,3}") {
            proptest::prop_assert_eq!(strip_short_prefix(&word, &p), word.strip_prefix(p.as_str()));
        }
    }

    #[test]
    fn the_fast_path_of_is_mark_changes_nothing() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), is_mark_by_ranges(c), "U+{:04X}", u32::from(c));
        }
    }

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

    /// The original text of a normalized byte range.
    fn orig<'t>(text: &'t str, n: &Normalized, start: usize, end: usize) -> &'t str {
        &text[n.to_orig(start, end).range()]
    }

    #[test]
    fn letters_folded_in_a_run_map_byte_for_byte_and_are_not_verbatim() {
        let o = NormalizeOptions::default();
        // «قال أحمد» : the run takes `أ` folded; all of it maps byte for
        // byte, and only what holds no folded letter is verbatim.
        let n = normalize("قال أحمد", 0, o);
        assert_eq!(n.text, "قال احمد");
        assert_eq!(n.to_orig(7, 15), Span::new(7, 15));
        assert_eq!(n.to_orig(9, 11), Span::new(9, 11));
        assert!(!n.map.is_verbatim(0, 6), "one piece with the folded letter");
        // A folded letter with a mark after it ends the run: the mark
        // belongs to it, and what came before is verbatim.
        let n = normalize("بأَ ب", 0, o);
        assert_eq!(n.text, "با ب");
        assert!(n.map.is_verbatim(0, 2), "{:?}", n.map);
        assert_eq!(
            n.to_orig(2, 4),
            Span::new(2, 6),
            "the mark goes with its letter"
        );
        // Under `taa_marbuta` and `hamza_seats` (the names' keys), `ة`, `ؤ`
        // and `ئ` are folded in the run as well.
        let keys = NormalizeOptions {
            taa_marbuta: true,
            hamza_seats: true,
            lowercase: true,
            ..o
        };
        let n = normalize("مدينة رؤية Paris", 0, keys);
        assert_eq!(n.text, "مدينه رويه paris");
        assert_eq!(n.to_orig(11, 19), Span::new(11, 19));
    }

    #[test]
    fn folds_hamza_alef_maqsura_and_persian_letters_but_not_taa_marbuta() {
        let text = "أحمد إلى آخر ٱلكتاب مدرسة یک ۀ";
        let n = normalize(text, 0, NormalizeOptions::default());
        assert_eq!(n.text, "احمد الي اخر الكتاب مدرسة يك ه");
        let o = NormalizeOptions {
            taa_marbuta: true,
            ..NormalizeOptions::default()
        };
        assert_eq!(normalize("مدرسة", 0, o).text, "مدرسه");
        let off = NormalizeOptions {
            arabic_letters: false,
            ..NormalizeOptions::default()
        };
        assert_eq!(normalize("أحمد إلى", 0, off).text, "أحمد إلى");
    }

    #[test]
    fn removed_diacritics_and_tatweel_belong_to_the_letter_before_them() {
        let text = "قال مُحَمَّدٌ: إيلـــون";
        let n = normalize(text, 0, NormalizeOptions::default());
        assert_eq!(n.text, "قال محمد: ايلون");
        // "محمد" ends with its tanwin in the original.
        let name = n.text.find("محمد").unwrap();
        assert_eq!(orig(text, &n, name, name + "محمد".len()), "مُحَمَّدٌ");
        // A range that starts at a letter starts at the letter, not at the
        // diacritic before it.
        let tail = n.text.find("حمد").unwrap();
        assert_eq!(orig(text, &n, tail, tail + "حمد".len()), "حَمَّدٌ");
        // Tatweel goes with the letter before it.
        let first_lam = n.text.find('ل').unwrap();
        let lam = n.text.rfind('ل').unwrap();
        assert_ne!(first_lam, lam);
        assert_eq!(orig(text, &n, lam, lam + 2), "لـــ");
        let word = n.text.find("ايلون").unwrap();
        assert_eq!(orig(text, &n, word, n.text.len()), "إيلـــون");
        let keep = NormalizeOptions {
            diacritics: false,
            ..NormalizeOptions::default()
        };
        assert_eq!(normalize("مُحمد", 0, keep).text, "مُحمد");
    }

    #[test]
    fn folds_eastern_arabic_and_persian_digits_and_separators() {
        let text = "نما ٩٧٫٤٪ و۱۲۳ و١٬٢٣٤";
        let n = normalize(text, 100, NormalizeOptions::default());
        assert_eq!(n.text, "نما 97.4٪ و123 و1234");
        let s = n.text.find("1234").unwrap();
        let span = n.to_orig(s, s + 4);
        assert_eq!(
            &text[span.start as usize - 100..span.end as usize - 100],
            "١٬٢٣٤"
        );
        let p = n.text.find("123 ").unwrap();
        let span = n.to_orig(p, p + 3);
        assert_eq!(
            &text[span.start as usize - 100..span.end as usize - 100],
            "۱۲۳"
        );
        let off = NormalizeOptions {
            digits: false,
            ..NormalizeOptions::default()
        };
        assert_eq!(normalize("٩٧٫٤", 0, off).text, "٩٧٫٤");
    }

    #[test]
    fn drops_bidi_controls_and_folds_no_break_spaces() {
        let text =
            "\u{202B}ماسك\u{202C} و\u{200F}Musk a\u{00A0}dit\u{202F}: «\u{2009}x\u{2007}y\u{3000}z";
        let n = normalize(text, 0, NormalizeOptions::default());
        assert_eq!(n.text, "ماسك وMusk a dit : « x y z");
        let m = n.text.find("Musk").unwrap();
        assert_eq!(orig(text, &n, m, m + 4), "Musk");
        let d = n.text.find("dit :").unwrap();
        assert_eq!(orig(text, &n, d, d + 5), "dit\u{202F}:");
        // The narrow no-break space alone maps to its three bytes.
        assert_eq!(orig(text, &n, d + 3, d + 4), "\u{202F}");
        let off = NormalizeOptions {
            spaces_and_controls: false,
            ..NormalizeOptions::default()
        };
        assert_eq!(
            normalize("a\u{00A0}b\u{200F}", 0, off).text,
            "a\u{00A0}b\u{200F}"
        );
    }

    #[test]
    fn every_normalized_range_maps_to_an_original_span_on_char_boundaries() {
        let text = "\u{FEFF}أَهلًا İstanbul ١٢٫٥ ـ\u{200E}«Ωmega» ﻻ";
        for o in [
            NormalizeOptions::default(),
            NormalizeOptions {
                lowercase: true,
                taa_marbuta: true,
                ..NormalizeOptions::default()
            },
        ] {
            let n = normalize(text, 0, o);
            let bounds: Vec<usize> = n
                .text
                .char_indices()
                .map(|(i, _)| i)
                .chain([n.text.len()])
                .collect();
            let mut last_start = 0;
            for (a, &i) in bounds.iter().enumerate() {
                let s0 = n.to_orig(i, i).start;
                assert!(s0 >= last_start, "starts are monotonic");
                last_start = s0;
                for &j in &bounds[a..] {
                    let span = n.to_orig(i, j);
                    assert!(span.is_on_char_boundaries(text), "{i}..{j} → {span:?}");
                    if n.map.is_verbatim(i, j) {
                        assert_eq!(&text[span.range()], &n.text[i..j]);
                    }
                }
            }
        }
    }
}
