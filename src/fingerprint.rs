//! Fingerprints of findings that survive edits elsewhere in a file: the
//! rule id, the flagged text and up to 40 characters of context on each
//! side within the finding's line (whitespace runs folded), hashed with
//! FNV-1a (64 bits). No line or column goes into it, so inserting or
//! editing a paragraph elsewhere does not change it. SARIF's
//! `partialFingerprints["factlint/v1"]` and the baseline (`--baseline`)
//! both use it.

use crate::source::Span;

/// Characters of context on each side of the flagged text.
const CONTEXT_CHARS: usize = 40;

/// Hands `take` up to `CONTEXT_CHARS` characters of `chars` on the same
/// line (it stops at a line break), whitespace runs folded to one space.
fn context(chars: impl Iterator<Item = char>, mut take: impl FnMut(char)) {
    let mut n = 0;
    let mut space = false;
    for c in chars {
        if n == CONTEXT_CHARS || c == '\n' || c == '\r' {
            break;
        }
        if c.is_whitespace() {
            if space {
                continue;
            }
            space = true;
            take(' ');
        } else {
            space = false;
            take(c);
        }
        n += 1;
    }
}

fn write_char(h: &mut impl std::hash::Hasher, c: char) {
    h.write(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// The hash of a finding's rule, text and context (FNV-1a, 64 bits: a fixed
/// algorithm, unlike std's `DefaultHasher`). Nothing is allocated: a
/// report computes it for every finding.
pub fn hash(text: &str, rule: &str, span: Span) -> u64 {
    use std::hash::Hasher as _;
    let r = span.range();
    let flagged = text.get(r.clone()).unwrap_or_default();
    let mut h = fnv::FnvHasher::default();
    for part in [rule, flagged] {
        h.write(part.as_bytes());
        h.write(&[0]);
    }
    // The context before is read backwards from the finding, and hashed
    // in text order: gathered first (one line's few characters).
    let (mut before, mut n) = (['\0'; CONTEXT_CHARS], 0);
    context(text.get(..r.start).unwrap_or_default().chars().rev(), |c| {
        before[n] = c;
        n += 1;
    });
    for &c in before[..n].iter().rev() {
        write_char(&mut h, c);
    }
    h.write(&[0]);
    context(text.get(r.end..).unwrap_or_default().chars(), |c| {
        write_char(&mut h, c);
    });
    h.write(&[0]);
    h.finish()
}

/// [`hash`] in hex, as SARIF and baselines write it.
pub fn fingerprint(text: &str, rule: &str, span: Span) -> String {
    format!("{:016x}", hash(text, rule, span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher as _;

    /// The context as a string, as the fingerprint was first computed.
    fn context_reference(chars: impl Iterator<Item = char>) -> String {
        let mut out = String::new();
        let mut n = 0;
        let mut space = false;
        for c in chars {
            if n == CONTEXT_CHARS || c == '\n' || c == '\r' {
                break;
            }
            if c.is_whitespace() {
                if space {
                    continue;
                }
                space = true;
                out.push(' ');
            } else {
                space = false;
                out.push(c);
            }
            n += 1;
        }
        out
    }

    /// The fingerprint as it was first computed, from strings: baselines
    /// written then must still match.
    fn fingerprint_reference(text: &str, rule: &str, span: Span) -> String {
        let r = span.range();
        let flagged = text.get(r.clone()).unwrap_or_default();
        let before: String =
            context_reference(text.get(..r.start).unwrap_or_default().chars().rev())
                .chars()
                .rev()
                .collect();
        let after = context_reference(text.get(r.end..).unwrap_or_default().chars());
        let mut h = fnv::FnvHasher::default();
        for part in [rule, flagged, &before, &after] {
            h.write(part.as_bytes());
            h.write(&[0]);
        }
        format!("{:016x}", h.finish())
    }

    proptest::proptest! {
        /// Every finding keeps the fingerprint it had: over texts of
        /// Arabic, Latin and white space of every kind, line breaks
        /// among them, and spans anywhere in them.
        #[test]
        fn fingerprints_are_those_of_the_first_computation(
            text in "[a-z \u{00A0}\t\r\n\u{2029}é٫ءمرحبا«»\u{200F}]{0,120}",
            rule in "[a-z/-]{0,20}",
            a in 0usize..130,
            b in 0usize..130,
        ) {
            let (a, b) = (a.min(text.len()), b.min(text.len()));
            let (a, b) = (a.min(b), a.max(b));
            let back = |mut i: usize| { while !text.is_char_boundary(i) { i -= 1; } i };
            let span = Span::new(back(a), back(b));
            proptest::prop_assert_eq!(fingerprint(&text, &rule, span), fingerprint_reference(&text, &rule, span));
        }
    }

    #[test]
    fn the_hash_is_fnv1a_64() {
        // Published test vectors of FNV-1a, 64 bits: the fingerprints must
        // never change with a Rust or crate version.
        let hash = |s: &str| {
            let mut h = fnv::FnvHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprints_ignore_edits_away_from_the_finding() {
        let rule = "typography/space-before-comma";
        let at = |text: &str| {
            let i = text.find(" ,").unwrap();
            fingerprint(text, rule, Span::new(i, i + 2))
        };
        let pad = "x".repeat(60);
        let a = format!("First line.\n{pad} The offer , was  rejected. {pad}\nLast.");
        let b = format!("Another first line\n\ny{pad} The offer ,  was rejected. {pad}z\r\nEnd.");
        assert_eq!(at(&a), at(&b));
        // Context stops at the line's end.
        assert_eq!(at("The offer , was"), at("Other.\nThe offer , was\nMore."));
        let c = format!("{pad} The bid , was rejected. {pad}");
        assert_ne!(at(&a), at(&c));
    }
}
