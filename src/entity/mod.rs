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
pub use forms::{FormKind, is_arabic, key, key_last_char, key_options};
pub(crate) use fuzzy::weighted_distance;
pub use gazetteer::{Entity, EntityType, Form, Gazetteer};

/// What the entity passes read of the data lists, as keys: made once per
/// rule set ([`crate::rules::Data::entity_lists`]), not for each document
/// (keying them again was a sixth of the instructions spent on an Arabic
/// file of one sentence).
#[derive(Debug)]
pub(crate) struct Lists {
    /// `ar.proclitics`, longest first.
    proclitics: Vec<String>,
    /// Those that carry no article: one of them may stand before a name,
    /// which takes no article.
    name_clitics: Vec<String>,
    inflections: local::Inflections,
}

impl Lists {
    pub(crate) fn new(data: &crate::rules::Data) -> Lists {
        let mut proclitics = data.keys_of("ar.proclitics", forms::key);
        proclitics.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        proclitics.dedup();
        let name_clitics = proclitics
            .iter()
            .filter(|p| !p.contains("ال") && *p != "لل")
            .cloned()
            .collect();
        Lists {
            proclitics,
            name_clitics,
            inflections: local::Inflections::of(data),
        }
    }
}

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
    /// Each word's key, and whether [`KeyCache::key_once`] gave it.
    map: rustc_hash::FxHashMap<&'t str, (std::rc::Rc<str>, bool)>,
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
        self.entry(word).0.clone()
    }

    /// The key of `word` the first time this is asked of it, `None` after
    /// (whatever [`KeyCache::key`] was asked): a pass that gathers the
    /// keys of a text's words takes each distinct word once, without
    /// looking the key up again for every time the word comes back.
    pub(crate) fn key_once(&mut self, word: &'t str) -> Option<std::rc::Rc<str>> {
        let (key, given) = self.entry(word);
        (!std::mem::replace(given, true)).then(|| key.clone())
    }

    fn entry(&mut self, word: &'t str) -> &mut (std::rc::Rc<str>, bool) {
        if self.map.capacity() == 0 {
            self.map.reserve(self.size);
        }
        let buf = &mut self.buf;
        self.map.entry(word).or_insert_with(|| {
            forms::key_into(buf, word);
            (std::rc::Rc::from(buf.as_str()), false)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_given_once_by_key_once_whatever_key_gave() {
        let mut keys = KeyCache::default();
        let (a, b) = ("أحمد".to_owned(), "أحمد".to_owned());
        assert_eq!(&*keys.key(&a), "احمد");
        assert_eq!(keys.key_once(&a).as_deref(), Some("احمد"));
        // The same word at another place is the same word.
        assert_eq!(keys.key_once(&b), None);
        assert_eq!(&*keys.key(&b), "احمد");
        assert_eq!(keys.key_once("Musk").as_deref(), Some("musk"));
        assert_eq!(keys.key_once("Musk"), None);
    }

    #[test]
    fn the_entity_lists_are_keyed_once_and_again_when_a_list_changes() {
        use std::borrow::Cow;
        let mut data = crate::rules::Data::default();
        let list = |words: &[&str]| {
            [(
                "proclitics",
                words.iter().map(|w| Cow::Owned((*w).to_owned())).collect(),
            )]
        };
        data.add_lists("ar", list(&["و", "وال", "لل", "وب", "و"]));
        let first: *const Lists = data.entity_lists();
        assert!(std::ptr::eq(first, data.entity_lists()));
        // Longest first, once each; a name takes no article.
        assert_eq!(data.entity_lists().proclitics, ["وال", "لل", "وب", "و"]);
        assert_eq!(data.entity_lists().name_clitics, ["وب", "و"]);
        data.add_lists("ar", list(&["فب"]));
        assert_eq!(data.entity_lists().proclitics, ["فب"]);
        assert_eq!(data.entity_lists().name_clitics, ["فب"]);
    }
}
