//! Maps byte offsets of a derived text (a prose view, a normalized copy)
//! back to byte offsets of the original text.
//!
//! NOTE: a derived text is built piece by piece; every piece records where
//! it came from. A match found in the derived text is turned into an original
//! span through this map — never by searching for the matched string again
//! (the bug behind vale-cli/vale#8).
//!
//! `build.rs` includes this file (to compute the gazetteer's keys): outside
//! its tests it may name nothing of the crate but through `super::`.

use super::Span;

#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Byte range in the derived text.
    from: u32,
    to: u32,
    /// Byte range in the original text.
    orig_start: u32,
    orig_end: u32,
    /// Identity pieces map byte for byte; atomic pieces (a placeholder, a
    /// character folded to one of another length) map as a whole.
    identity: bool,
    /// An identity piece whose derived text is its original, byte for byte
    /// (not one with a letter folded to another of the same length).
    verbatim: bool,
}

/// An offset map from a derived text to the original.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    pub fn new() -> Self {
        OffsetMap::default()
    }

    /// Records that derived bytes `from..from+len` are original bytes
    /// `orig..orig+len`, byte for byte.
    pub fn push_identity(&mut self, from: usize, orig: usize, len: usize) {
        self.push_byte_for_byte(from, orig, len, true);
    }

    /// Records that derived bytes `from..from+len` stand for original bytes
    /// `orig..orig+len` byte for byte, but read otherwise: a letter folded
    /// to another of the same length (`أ` → `ا`). Offsets map as through
    /// [`Self::push_identity`]; [`Self::is_verbatim`] says no.
    pub fn push_same_length(&mut self, from: usize, orig: usize, len: usize) {
        self.push_byte_for_byte(from, orig, len, false);
    }

    /// An identity piece, merged with the last one when they meet (the
    /// merged piece is verbatim when both are).
    fn push_byte_for_byte(&mut self, from: usize, orig: usize, len: usize, verbatim: bool) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.identity
            && last.to as usize == from
            && last.orig_end as usize == orig
        {
            last.to += len as u32;
            last.orig_end += len as u32;
            last.verbatim &= verbatim;
            return;
        }
        self.pieces.push(Piece {
            from: from as u32,
            to: (from + len) as u32,
            orig_start: orig as u32,
            orig_end: (orig + len) as u32,
            identity: true,
            verbatim,
        });
    }

    /// Records that derived bytes `from..to` stand for original `orig` as a
    /// whole (neither end can fall inside it).
    pub fn push_atomic(&mut self, from: usize, to: usize, orig: Span) {
        self.pieces.push(Piece {
            from: from as u32,
            to: to as u32,
            orig_start: orig.start,
            orig_end: orig.end,
            identity: false,
            verbatim: false,
        });
    }

    /// Frees the room left from building the map (a map kept for a whole
    /// check: a one-line paragraph's map is one piece, not four).
    pub fn shrink_to_fit(&mut self) {
        self.pieces.shrink_to_fit();
    }

    /// The map of derived bytes `start..end` as a text of their own
    /// (derived offset `start` becomes 0): a long view cut into blocks. A
    /// piece across an end is clipped (an atomic one keeps its whole
    /// original span).
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> OffsetMap {
        let (s, e) = (start as u32, end as u32);
        let first = self.pieces.partition_point(|p| p.to <= s && p.from < s);
        let mut out = OffsetMap::new();
        for p in self.pieces[first..].iter().take_while(|p| p.from < e) {
            let (from, to) = (p.from.max(s), p.to.min(e));
            if from > to || (from == to && p.from != p.to) {
                continue;
            }
            let (orig_start, orig_end) = if p.identity {
                (p.orig_start + (from - p.from), p.orig_end - (p.to - to))
            } else {
                (p.orig_start, p.orig_end)
            };
            out.pieces.push(Piece {
                from: from - s,
                to: to - s,
                orig_start,
                orig_end,
                ..*p
            });
        }
        out
    }

    /// The original offset of a start position in the derived text.
    pub fn start_to_orig(&self, pos: usize) -> usize {
        let pos = pos as u32;
        let i = self.pieces.partition_point(|p| p.to <= pos);
        match self.pieces.get(i) {
            Some(p) if p.from <= pos => {
                if p.identity {
                    (p.orig_start + (pos - p.from)) as usize
                } else {
                    p.orig_start as usize
                }
            }
            Some(p) => p.orig_start as usize,
            None => self.pieces.last().map_or(0, |p| p.orig_end as usize),
        }
    }

    /// The original offset of an end position in the derived text.
    pub fn end_to_orig(&self, pos: usize) -> usize {
        let pos = pos as u32;
        // The piece that holds the byte just before `pos`.
        let i = self.pieces.partition_point(|p| p.to < pos);
        match self.pieces.get(i) {
            Some(p) if p.from < pos => {
                if p.identity {
                    (p.orig_start + (pos - p.from)) as usize
                } else {
                    p.orig_end as usize
                }
            }
            _ if i > 0 => self.pieces[i - 1].orig_end as usize,
            Some(p) => p.orig_start as usize,
            None => 0,
        }
    }

    /// True when the derived range `start..end` lies inside one verbatim
    /// identity piece: its original text is the derived text, byte for
    /// byte. (A range next to a letter folded to one of the same length,
    /// in the same piece, is not said to be verbatim.)
    pub fn is_verbatim(&self, start: usize, end: usize) -> bool {
        let (s, e) = (start as u32, end as u32);
        let i = self.pieces.partition_point(|p| p.to <= s);
        self.pieces
            .get(i)
            .is_some_and(|p| p.identity && p.verbatim && p.from <= s && e <= p.to)
    }

    /// The original span of a derived byte range.
    pub fn to_orig(&self, start: usize, end: usize) -> Span {
        if start == end {
            let s = self.start_to_orig(start);
            return Span::new(s, s);
        }
        let s = self.start_to_orig(start);
        let e = self.end_to_orig(end).max(s);
        Span::new(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_identity_and_atomic_pieces() {
        // original: "ab**cd**e`x`f" ; derived: "abcde\u{fffc}f"
        let mut m = OffsetMap::new();
        m.push_identity(0, 0, 2); // ab
        m.push_identity(2, 4, 2); // cd
        m.push_identity(4, 8, 1); // e
        m.push_atomic(5, 8, Span::new(9, 12)); // `x`
        m.push_identity(8, 12, 1); // f
        assert_eq!(m.to_orig(0, 2), Span::new(0, 2));
        assert_eq!(m.to_orig(1, 3), Span::new(1, 5));
        assert_eq!(m.to_orig(2, 4), Span::new(4, 6));
        assert_eq!(m.to_orig(5, 8), Span::new(9, 12));
        assert_eq!(m.to_orig(4, 9), Span::new(8, 13));
    }

    #[test]
    fn identity_pieces_merge_and_report_verbatim_ranges() {
        let mut m = OffsetMap::new();
        m.push_identity(0, 10, 3);
        m.push_identity(3, 13, 2); // contiguous: merged with the first
        m.push_atomic(5, 6, Span::new(15, 18));
        m.push_identity(6, 18, 4);
        assert!(m.is_verbatim(0, 5));
        assert!(m.is_verbatim(1, 4));
        assert!(!m.is_verbatim(4, 6)); // crosses into the atomic piece
        assert!(!m.is_verbatim(5, 6));
        assert!(m.is_verbatim(6, 10));
        assert!(!m.is_verbatim(6, 11)); // past the end
        assert_eq!(m.to_orig(0, 5), Span::new(10, 15));
        assert_eq!(m.to_orig(6, 10), Span::new(18, 22));
    }

    #[test]
    fn same_length_pieces_map_byte_for_byte_but_are_not_verbatim() {
        // original "أحمد ساره" (the first letter folded in the derived text)
        let mut m = OffsetMap::new();
        m.push_same_length(0, 0, 2);
        m.push_identity(2, 2, 6);
        m.push_identity(8, 8, 9);
        assert_eq!(m.pieces.len(), 1, "contiguous pieces merge");
        assert_eq!(m.to_orig(2, 8), Span::new(2, 8));
        assert_eq!(m.to_orig(0, 2), Span::new(0, 2));
        assert_eq!(m.start_to_orig(4), 4);
        assert!(
            !m.is_verbatim(2, 8),
            "a merged piece is verbatim only if all of it is"
        );
        let mut v = OffsetMap::new();
        v.push_identity(0, 0, 8);
        v.push_same_length(8, 8, 2);
        assert!(!v.is_verbatim(0, 8));
        assert_eq!(v.to_orig(4, 10), Span::new(4, 10));
    }

    #[test]
    fn empty_ranges_and_ends_at_piece_boundaries() {
        // derived "ab cd" from original "ab\r\ncd": the space stands for CRLF.
        let mut m = OffsetMap::new();
        m.push_identity(0, 0, 2);
        m.push_atomic(2, 3, Span::new(2, 4));
        m.push_identity(3, 4, 2);
        // An empty range maps to an empty span at the start position.
        assert_eq!(m.to_orig(3, 3), Span::new(4, 4));
        assert_eq!(m.to_orig(2, 2), Span::new(2, 2));
        // A range that ends where a piece ends does not take the next piece.
        assert_eq!(m.to_orig(0, 2), Span::new(0, 2));
        assert_eq!(m.to_orig(2, 3), Span::new(2, 4));
        assert_eq!(m.to_orig(1, 4), Span::new(1, 5));
        // Past the end: the end of the original.
        assert_eq!(m.start_to_orig(9), 6);
        assert_eq!(OffsetMap::new().to_orig(0, 0), Span::new(0, 0));
    }

    #[test]
    fn gaps_in_the_original_are_not_covered_by_ranges_that_avoid_them() {
        // original "a**b**" → derived "ab": the markup is a gap.
        let mut m = OffsetMap::new();
        m.push_identity(0, 0, 1);
        m.push_identity(1, 3, 1);
        assert_eq!(m.to_orig(0, 1), Span::new(0, 1));
        assert_eq!(m.to_orig(1, 2), Span::new(3, 4));
        assert_eq!(m.to_orig(0, 2), Span::new(0, 4));
        assert!(!m.is_verbatim(0, 2));
    }
    /// A slice maps every range inside it as the whole map does: pieces of
    /// every kind (identity, same length, atomic, empty), cut anywhere.
    #[test]
    fn a_slice_maps_as_the_whole_map() {
        let mut m = OffsetMap::new();
        m.push_identity(0, 0, 4); // abcd
        m.push_atomic(4, 7, Span::new(4, 10)); // a placeholder
        m.push_same_length(7, 10, 2); // a folded letter
        m.push_atomic(9, 9, Span::new(12, 15)); // removed markup
        m.push_identity(9, 15, 6);
        m.push_atomic(15, 16, Span::new(21, 24)); // a line break as a space
        m.push_identity(16, 24, 5);
        let len = 21;
        for a in 0..=len {
            for b in a..=len {
                let s = m.slice(a, b);
                for x in a..b {
                    for y in x + 1..=b {
                        assert_eq!(
                            s.to_orig(x - a, y - a),
                            m.to_orig(x, y),
                            "slice {a}..{b}, range {x}..{y}"
                        );
                        assert_eq!(s.is_verbatim(x - a, y - a), m.is_verbatim(x, y));
                    }
                }
            }
        }
    }
}
