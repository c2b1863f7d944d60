//! Byte spans into the original text of a file.
//!
//! NOTE: every span in factlint is a half-open range of **bytes** into the
//! original text (after decoding, before any normalization). Columns are only
//! computed at output time by [`crate::source::LineIndex`].
//!
//! `build.rs` includes this file (to compute the gazetteer's keys): outside
//! its tests it may name nothing of the crate but through `super::`.

use std::ops::Range;

use serde::Serialize;

/// A half-open byte range `[start, end)` into a file's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Creates a span. `start` must not be greater than `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when both ends of the span fall on char boundaries of `text`.
    pub fn is_on_char_boundaries(self, text: &str) -> bool {
        self.end as usize <= text.len()
            && text.is_char_boundary(self.start as usize)
            && text.is_char_boundary(self.end as usize)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_overlaps_and_char_boundaries() {
        let a = Span::new(2, 6);
        assert!(a.contains(Span::new(2, 6)));
        assert!(a.contains(Span::new(3, 3)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9))); // half-open
        assert!(!a.overlaps(Span::new(0, 2)));
        assert_eq!(a.len(), 4);
        assert!(Span::new(3, 3).is_empty());
        assert_eq!(Span::from(1..4).range(), 1..4);
        // "ب" is two bytes.
        let text = "aب";
        assert!(Span::new(1, 3).is_on_char_boundaries(text));
        assert!(!Span::new(1, 2).is_on_char_boundaries(text));
        assert!(!Span::new(1, 4).is_on_char_boundaries(text));
    }
}
