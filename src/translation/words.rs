//! The words of a translation, read once for the name checks: each Arabic
//! or Latin word with its matching keys (without a proclitic too), their
//! consonant skeletons (see [`crate::entity::skeleton`]) and whether they are
//! ordinary words, found by key or by skeleton without a scan.

use std::collections::BTreeMap;

use crate::document::{Document, Script};
use crate::entity::{is_ordinary_word, key, skeleton};
use crate::source::Span;

/// A word of the translation that renders a name.
#[derive(Debug, Clone)]
pub(crate) struct Rendering {
    pub(crate) span: Span,
    /// The matching key of the word without its proclitic.
    pub(crate) key: String,
    pub(crate) arabic: bool,
}

/// A word of the translation, read once per check.
pub(crate) struct Word {
    pub(crate) block: usize,
    pub(crate) start: usize,
    pub(crate) span: Span,
    pub(crate) arabic: bool,
    pub(crate) capital: bool,
    /// Its matching keys: the word's, then (Arabic) without a proclitic.
    pub(crate) keys: Vec<String>,
    /// The consonant skeleton of each key (Arabic only).
    pub(crate) skeletons: Vec<String>,
    /// Whether each key is an ordinary word of the lexicons.
    pub(crate) ordinary: Vec<bool>,
}

/// The Arabic and Latin words of the translation, with their keys and
/// skeletons computed once, and found by key or skeleton without a scan.
pub(crate) struct Words {
    pub(crate) list: Vec<Word>,
    /// The index of the first word of each block (one more than blocks).
    pub(crate) first: Vec<usize>,
    pub(crate) by_key: BTreeMap<String, Vec<usize>>,
    pub(crate) by_skeleton: BTreeMap<String, Vec<usize>>,
}

impl Words {
    pub(crate) fn new(doc: &Document<'_>) -> Words {
        let lexicon = doc.data.set("lexicon-ar");
        let proclitics: Vec<String> = doc
            .data
            .list("ar.proclitics")
            .unwrap_or_default()
            .iter()
            .map(|p| key(p))
            .filter(|p| !p.contains("ال"))
            .collect();
        let mut words = Words {
            list: Vec::new(),
            first: Vec::with_capacity(doc.blocks.len() + 1),
            by_key: BTreeMap::new(),
            by_skeleton: BTreeMap::new(),
        };
        for (bi, block) in doc.blocks.iter().enumerate() {
            words.first.push(words.list.len());
            for w in &block.words {
                let text = &block.text[w.range()];
                let arabic = match w.script() {
                    Script::Arabic => true,
                    Script::Latin => false,
                    _ => continue,
                };
                let k = key(text);
                let mut keys = vec![k.clone()];
                if arabic {
                    keys.extend(
                        proclitics
                            .iter()
                            .filter_map(|p| crate::source::strip_short_prefix(&k, p))
                            .filter(|rest| rest.chars().count() >= 3)
                            .map(str::to_owned),
                    );
                }
                let skeletons: Vec<String> = if arabic {
                    keys.iter().map(|k| skeleton::arabic(k)).collect()
                } else {
                    Vec::new()
                };
                let ordinary = keys
                    .iter()
                    .map(|k| {
                        if arabic {
                            lexicon.contains(k) || lexicon.contains(text)
                        } else {
                            is_ordinary_word(doc.data, k)
                        }
                    })
                    .collect();
                let i = words.list.len();
                for k in &keys {
                    words.by_key.entry(k.clone()).or_default().push(i);
                }
                for sk in &skeletons {
                    words.by_skeleton.entry(sk.clone()).or_default().push(i);
                }
                words.list.push(Word {
                    block: bi,
                    start: w.range().start,
                    span: block.span_of(w.range()),
                    arabic,
                    capital: text.chars().next().is_some_and(char::is_uppercase),
                    keys,
                    skeletons,
                    ordinary,
                });
            }
        }
        words.first.push(words.list.len());
        words
    }

    /// The rendering that word `i` gives with its key `k`.
    pub(crate) fn rendering(&self, i: usize, k: usize) -> Rendering {
        let w = &self.list[i];
        Rendering {
            span: w.span,
            key: w.keys[k].clone(),
            arabic: w.arabic,
        }
    }

    /// The first word anywhere that the key links to `name` (its skeleton
    /// in Arabic script, the word itself in Latin script).
    pub(crate) fn linked(&self, name: &str) -> Option<Rendering> {
        let sk = skeleton::latin(name);
        let arabic = self.by_skeleton.get(&sk).and_then(|l| l.first()).map(|&i| {
            let k = self.list[i]
                .skeletons
                .iter()
                .position(|s| *s == sk)
                .unwrap_or(0);
            self.rendering(i, k)
        });
        let latin = || {
            self.by_key
                .get(&key(name))?
                .iter()
                .find(|&&i| !self.list[i].arabic)
                .map(|&i| self.rendering(i, 0))
        };
        match (arabic, latin()) {
            (Some(a), Some(l)) => Some(if a.span.start < l.span.start { a } else { l }),
            (a, l) => a.or(l),
        }
    }
}
