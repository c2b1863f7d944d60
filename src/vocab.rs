//! Word lists as bits: one map from each word to the bits of the lists it
//! is in, so that an extractor looks a token up once and then knows which
//! of its lists can match there (instead of one lookup per list).

use rustc_hash::FxHashMap;

/// Builds the map, one list at a time.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    words: FxHashMap<String, u32>,
    lists: u32,
}

impl Vocab {
    /// Adds a list of words; returns its bit.
    pub(crate) fn list<'a>(&mut self, words: impl Iterator<Item = &'a String>) -> u32 {
        assert!(self.lists < u32::BITS, "more word lists than bits in a u32");
        let bit = 1u32 << self.lists;
        self.lists += 1;
        for w in words {
            *self.words.entry(w.clone()).or_default() |= bit;
        }
        bit
    }

    /// Each word with the bits of its lists.
    pub(crate) fn finish(self) -> FxHashMap<String, u32> {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_carries_the_bits_of_every_list_it_is_in() {
        let (a, b) = (vec!["x".to_owned(), "y".to_owned()], vec!["y".to_owned()]);
        let mut v = Vocab::default();
        let (ba, bb) = (v.list(a.iter()), v.list(b.iter()));
        assert_ne!(ba, bb);
        let map = v.finish();
        assert_eq!(map["x"], ba);
        assert_eq!(map["y"], ba | bb);
        assert!(!map.contains_key("z"));
    }
}
