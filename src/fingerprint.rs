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

/// Up to `CONTEXT_CHARS` characters of `chars` on the same line (it stops
/// at a line break), whitespace runs folded to one space.
fn context(chars: impl Iterator<Item = char>) -> String {
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

/// The hash of a finding's rule, text and context (FNV-1a, 64 bits: a fixed
/// algorithm, unlike std's `DefaultHasher`), in hex.
pub fn fingerprint(text: &str, rule: &str, span: Span) -> String {
    use std::hash::Hasher as _;
    let r = span.range();
    let flagged = text.get(r.clone()).unwrap_or_default();
    let before: String = context(text.get(..r.start).unwrap_or_default().chars().rev())
        .chars()
        .rev()
        .collect();
    let after = context(text.get(r.end..).unwrap_or_default().chars());
    let mut h = fnv::FnvHasher::default();
    for part in [rule, flagged, &before, &after] {
        h.write(part.as_bytes());
        h.write(&[0]);
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher as _;

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
