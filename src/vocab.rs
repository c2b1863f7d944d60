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
    pub(crate) fn finish(self) -> Map {
        // Setting bits is the same in any order.
        let seen = self.words.keys().fold(Filter::default(), |mut seen, w| {
            seen.insert(filter_key(w));
            seen
        });
        Map {
            words: self.words,
            seen,
        }
    }
}

/// How many 64-bit words a [`Filter`] takes: 4,096 bits.
const FILTER_WORDS: usize = 64;

/// A filter in front of a table of words: the bits ([`filter_bit`]) of
/// the words of the table. A word whose bit is not set is in no list,
/// told in a few instructions where hashing it takes several dozen.
#[derive(Debug, Clone)]
pub(crate) struct Filter([u64; FILTER_WORDS]);

impl Default for Filter {
    fn default() -> Filter {
        Filter([0; FILTER_WORDS])
    }
}

impl Filter {
    /// Sets `bit` (a [`filter_bit`]).
    pub(crate) fn insert(&mut self, bit: usize) {
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False when `bit` (a [`filter_bit`]) was never set: no word of the
    /// table has it.
    #[inline]
    pub(crate) fn may_contain(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A word's bit in [`Map::seen`]: its length, first and last bytes mixed
/// ([`filter_bit`]).
#[inline]
fn filter_key(w: &str) -> usize {
    let b = w.as_bytes();
    filter_bit(
        b.len(),
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    )
}

/// The bit in a [`Filter`] of a word of `len` bytes that starts with
/// `first` and ends with `last`.
#[inline]
pub(crate) fn filter_bit(len: usize, first: u8, last: u8) -> usize {
    let (first, last) = (usize::from(first), usize::from(last));
    (len.wrapping_mul(0x9E37) ^ first.wrapping_mul(0x2F) ^ last.wrapping_mul(0x1F3))
        % (FILTER_WORDS * 64)
}

/// The words of the lists with their bits, and a filter in front: most
/// tokens of a text are in no list, and most of those are told so by one
/// bit of [`Map::seen`] (set for the length, first and last byte of some
/// word of the lists) without hashing them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Map {
    words: FxHashMap<String, u32>,
    seen: Filter,
}

impl Map {
    /// The bits of the lists `word` is in.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&u32> {
        if !self.may_contain(word) {
            return None;
        }
        self.words.get(word)
    }

    /// False when the filter tells at once that `word` is in no list
    /// (true: it may be).
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        self.seen.may_contain(filter_key(word))
    }

    /// True when `word` is in one of the lists.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// A map of one list: a set of words with the filter in front.
    pub(crate) fn set<'a>(words: impl Iterator<Item = &'a String>) -> Map {
        let mut v = Vocab::default();
        v.list(words);
        v.finish()
    }

    /// Every word of the lists, in no order.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
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
        assert_eq!(map.get("x"), Some(&ba));
        assert_eq!(map.get("y"), Some(&(ba | bb)));
        assert_eq!(map.get("z"), None);
    }

    proptest::proptest! {
        /// The filter in front of the map never turns a word of the lists
        /// away: the map answers as the plain map does.
        #[test]
        fn the_filtered_map_answers_as_the_map(
            lists in proptest::collection::vec(proptest::collection::vec("[a-cé٣م ]{0,6}", 0..20), 0..5),
            probes in proptest::collection::vec("[a-cé٣م ]{0,6}", 0..40),
        ) {
            let mut v = Vocab::default();
            let mut plain: FxHashMap<String, u32> = FxHashMap::default();
            for list in &lists {
                let bit = v.list(list.iter());
                for w in list {
                    *plain.entry(w.clone()).or_default() |= bit;
                }
            }
            let map = v.finish();
            for w in probes.iter().chain(lists.iter().flatten()) {
                proptest::prop_assert_eq!(map.get(w), plain.get(w));
            }
        }
    }
}
