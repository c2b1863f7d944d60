//! Named entities: the gazetteer of known names and their mentions in a
//! document, shared by the `entity-*` check kinds.

mod extract;
mod forms;
mod fuzzy;
mod gazetteer;
mod local;
pub mod skeleton;
mod spec;

pub(crate) use extract::is_ordinary_word;
pub use extract::{LocalEntity, Mention, Mentions, Status, extract};
pub use forms::{FormKind, is_arabic, key, key_options};
pub(crate) use fuzzy::weighted_distance;
pub use gazetteer::{Entity, EntityType, Form, Gazetteer};

/// The keys of the words of one document, each computed once: a word
/// comes back many times in an article, and its key (normalization, case,
/// Arabic letter forms) was a tenth of the time spent on Arabic text.
#[derive(Default)]
pub(crate) struct KeyCache<'t> {
    map: rustc_hash::FxHashMap<&'t str, std::rc::Rc<str>>,
}

impl<'t> KeyCache<'t> {
    /// The key of `word` (see [`key`]).
    pub(crate) fn key(&mut self, word: &'t str) -> std::rc::Rc<str> {
        self.map
            .entry(word)
            .or_insert_with(|| key(word).into())
            .clone()
    }
}
