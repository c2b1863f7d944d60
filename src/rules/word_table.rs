//! A read-only hash set of words, laid out once by `build.rs` for each
//! embedded word list (`rules/data/*.txt`) and read in place from the
//! binary: no set is built at start-up and no string allocated per word.
//!
//! The layout, in little-endian integers: a header of three `u32`s (the
//! number of words `n`, the number of slots `m`, a power of two, and the
//! width of a slot in bytes), `n + 1` `u32` offsets of the words in the
//! text, then `m` slots, each 0 for none or else 1 + the index of a word,
//! placed by FNV-1a with linear probing. A slot is two bytes when every
//! word index fits (lists under 65,535 words, as all embedded ones are),
//! else four: the slots are most of a table, and every page of the table
//! that a document's lookups touch is memory the process holds (the three
//! lexicons were 2 MB, with four-byte slots).
//!
//! This file is compiled twice: in `build.rs` (which writes the tables)
//! and in the crate (which reads them).

use std::collections::BTreeSet;

/// Bytes of the header: `n`, `m`, the slot width.
const HEADER: usize = 12;

/// The slot width for `n` words: two bytes when `n + 1` fits in them.
// Used by build.rs and the tests: the crate only reads tables.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn slot_width(n: usize) -> usize {
    if n < usize::from(u16::MAX) { 2 } else { 4 }
}

/// The table of `words` (lower-cased already) as the index bytes and the
/// words' text.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn layout(words: &BTreeSet<String>) -> (Vec<u8>, String) {
    layout_with(words, slot_width(words.len()))
}

/// [`layout`] with slots of `width` bytes (2 or 4; 2 only for fewer than
/// 65,535 words).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn layout_with(words: &BTreeSet<String>, width: usize) -> (Vec<u8>, String) {
    let n = words.len();
    assert!(
        width == 4 || (width == 2 && n < usize::from(u16::MAX)),
        "slot width {width} for {n} words"
    );
    let m = (2 * n).max(2).next_power_of_two();
    let mut offsets = vec![0u32];
    let mut text = String::new();
    let mut slots = vec![0u32; m];
    for (i, w) in words.iter().enumerate() {
        text.push_str(w);
        offsets.push(u32::try_from(text.len()).expect("a word list under 4 GB"));
        #[allow(clippy::cast_possible_truncation)] // a hash, cut to the table
        let mut s = fnv1a(w.as_bytes()) as usize & (m - 1);
        while slots[s] != 0 {
            s = (s + 1) & (m - 1);
        }
        slots[s] = u32::try_from(i + 1).expect("fewer than 4 billion words");
    }
    let mut out = Vec::with_capacity(HEADER + 4 * offsets.len() + width * m);
    for v in [n, m, width] {
        out.extend(u32::try_from(v).expect("fits").to_le_bytes());
    }
    for v in &offsets {
        out.extend(v.to_le_bytes());
    }
    for &v in &slots {
        if width == 2 {
            out.extend(u16::try_from(v).expect("checked above").to_le_bytes());
        } else {
            out.extend(v.to_le_bytes());
        }
    }
    (out, text)
}

/// FNV-1a, 64 bits (the `fnv` crate), which places the words.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    use std::hash::Hasher as _;
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

/// A table made by [`layout`], read in place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordTable {
    bytes: &'static [u8],
    words: usize,
    slots: usize,
    width: usize,
    text: &'static str,
}

impl WordTable {
    pub(crate) fn new(bytes: &'static [u8], text: &'static str) -> WordTable {
        let u = |i: usize| u32_at(bytes, 4 * i);
        WordTable {
            bytes,
            words: u(0),
            slots: u(1),
            width: u(2),
            text,
        }
    }

    /// Word `i`.
    fn word(&self, i: usize) -> &'static str {
        let at = HEADER + 4 * i;
        &self.text[u32_at(self.bytes, at)..u32_at(self.bytes, at + 4)]
    }

    /// Slot `s`: 0, or 1 + a word's index.
    fn slot(&self, s: usize) -> usize {
        let at = HEADER + 4 * (self.words + 1) + self.width * s;
        if self.width == 2 {
            let b: [u8; 2] = self.bytes[at..at + 2].try_into().expect("two bytes");
            usize::from(u16::from_le_bytes(b))
        } else {
            u32_at(self.bytes, at)
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let mask = self.slots - 1;
        #[allow(clippy::cast_possible_truncation)] // a hash, cut to the table
        let mut s = fnv1a(word.as_bytes()) as usize & mask;
        loop {
            match self.slot(s) {
                0 => return false,
                i if self.word(i - 1) == word => return true,
                _ => s = (s + 1) & mask,
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.words
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.words).map(|i| self.word(i))
    }
}

fn u32_at(bytes: &[u8], at: usize) -> usize {
    let b: [u8; 4] = bytes[at..at + 4].try_into().expect("four bytes");
    u32::from_le_bytes(b) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `words` with slots of `width` bytes, leaked for the
    /// `'static` that the embedded tables have.
    fn table(words: &[&str], width: usize) -> WordTable {
        let set: BTreeSet<String> = words.iter().map(|w| (*w).to_owned()).collect();
        let (bytes, text) = layout_with(&set, width);
        WordTable::new(bytes.leak(), text.leak())
    }

    #[test]
    fn both_slot_widths_hold_every_word_and_nothing_else() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
        let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
        words.extend(["", "ماسك", "été"]);
        for width in [2, 4] {
            let t = table(&words, width);
            assert_eq!(t.len(), words.len());
            assert!(words.iter().all(|w| t.contains(w)), "width {width}");
            for absent in ["w3000", "w-1", "W1", "مسك", "ete", " "] {
                assert!(!t.contains(absent), "width {width}: {absent}");
            }
            let mut listed: Vec<&str> = t.iter().collect();
            listed.sort_unstable();
            let mut expected = words.clone();
            expected.sort_unstable();
            assert_eq!(listed, expected);
        }
    }

    #[test]
    fn two_byte_slots_are_taken_while_every_index_fits() {
        assert_eq!(slot_width(0), 2);
        assert_eq!(slot_width(65_534), 2);
        assert_eq!(slot_width(65_535), 4);
        let set: BTreeSet<String> = ["a", "b", "c"].iter().map(|w| (*w).to_owned()).collect();
        let (two, _) = layout(&set);
        let (four, _) = layout_with(&set, 4);
        // Header, 4 offsets, 8 slots.
        assert_eq!((two.len(), four.len()), (12 + 16 + 16, 12 + 16 + 32));
    }
}
