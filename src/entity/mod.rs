//! Named entities: the gazetteer of known names and their mentions in a
//! document, shared by the `entity-*` check kinds.

mod extract;
mod forms;
mod fuzzy;
mod gazetteer;
mod local;
pub mod skeleton;
mod spec;

pub use extract::{LocalEntity, Mention, Mentions, Status, extract};
pub(crate) use extract::{OrdinaryWords, is_ordinary_word};
pub use forms::{FormKind, is_arabic, key, key_options};
pub(crate) use fuzzy::weighted_distance;
pub use gazetteer::{Entity, EntityType, Form, Gazetteer};

/// How many distinct words a table of `doc`'s words is sized for: half its
/// words, at most 4,096.
pub(crate) fn distinct_words_guess(doc: &crate::document::Document<'_>) -> usize {
    let words: usize = doc.blocks.iter().map(|b| b.words.len()).sum();
    (words / 2).min(4096)
}

/// The keys of the words of one document, each computed once: a word
/// comes back many times in an article, and its key (normalization, case,
/// Arabic letter forms) was a tenth of the time spent on Arabic text.
#[derive(Default)]
pub(crate) struct KeyCache<'t> {
    map: rustc_hash::FxHashMap<&'t str, std::rc::Rc<str>>,
    /// The capacity taken at the first key (see [`KeyCache::for_document`]).
    size: usize,
    /// Where a key is made before it is kept (one string for them all).
    buf: String,
}

impl<'t> KeyCache<'t> {
    /// A cache sized, at its first key, for the distinct words of `doc`: as
    /// many as half its words, up to a few thousand (a table grown from
    /// empty rehashed every key at each doubling, 2 % of a run over short
    /// Arabic articles; a long text's table grows past the bound as
    /// before, and a text whose words are never keyed takes nothing).
    pub(crate) fn for_document(doc: &crate::document::Document<'_>) -> Self {
        KeyCache {
            map: rustc_hash::FxHashMap::default(),
            size: distinct_words_guess(doc),
            buf: String::new(),
        }
    }

    /// The key of `word` (see [`key`]).
    pub(crate) fn key(&mut self, word: &'t str) -> std::rc::Rc<str> {
        if self.map.capacity() == 0 {
            self.map.reserve(self.size);
        }
        let buf = &mut self.buf;
        self.map
            .entry(word)
            .or_insert_with(|| {
                forms::key_into(buf, word);
                std::rc::Rc::from(buf.as_str())
            })
            .clone()
    }
}
