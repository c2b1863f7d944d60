//! What a word gave, kept for the rest of a run: an archive's articles name
//! (and misspell) the same people, places and firms again and again, and
//! some answers about a word cost a thousand lookups.

/// Answers by word, shared by the threads of a run. At most
/// [`WordMemo::WORDS`] words (then it starts over), so that it stays small
/// beside the documents.
#[derive(Debug)]
pub(crate) struct WordMemo<V>(std::sync::Mutex<rustc_hash::FxHashMap<Box<str>, V>>);

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo(std::sync::Mutex::default())
    }
}

impl<V: Clone> WordMemo<V> {
    pub(crate) const WORDS: usize = 4096;

    fn lock(&self) -> std::sync::MutexGuard<'_, rustc_hash::FxHashMap<Box<str>, V>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The answer kept for `word`, or `find`'s, then kept.
    pub(crate) fn get_or_insert(&self, word: &str, find: impl FnOnce() -> V) -> V {
        if let Some(found) = self.lock().get(word) {
            return found.clone();
        }
        // Found without the lock held: another thread may be looking too.
        let found = find();
        let mut memo = self.lock();
        if memo.len() >= Self::WORDS {
            memo.clear();
        }
        memo.insert(word.into(), found.clone());
        found
    }

    pub(crate) fn clear(&mut self) {
        self.0
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }

    /// How many words are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }
}
