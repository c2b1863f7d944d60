//! The words of amount extraction, read from the data lists
//! `amount-<lang>.<list>` (`rules/data/amount-{ar,fr,en}.toml`).
//!
//! Every entry is normalized and tokenized like the text, so a phrase is
//! compared token by token. Lists of the document's language come first;
//! the other languages' lists fill in what it does not define (`billion`
//! is 10^12 in a French article, 10^9 elsewhere).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use arcstr::ArcStr;
use rust_decimal::Decimal;

use super::Hedge;
use super::number::parse_data_decimal;
use super::token::{Kind, key, tokenize};
use crate::document::Lang;
use crate::rules::Data;
use crate::source::NormalizeOptions;

/// A scale word's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scale {
    pub(crate) exp: u32,
    /// What the word means alone (1 for `مليار`, 2 for `ملياري`), if it
    /// can stand without a number.
    pub(crate) alone: Option<u8>,
    /// Only next to a currency (`m`, `k`).
    pub(crate) money_only: bool,
}

/// A word for a number (`نصف`, `half a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumberWord {
    pub(crate) value: Decimal,
    /// Counts only before a scale word.
    pub(crate) needs_scale: bool,
}

/// Phrases (token keys) with a value, found by their first token.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    /// All phrases, longest first (for matching backwards).
    pub(crate) all: Vec<(Vec<String>, V)>,
    /// Indices into `all` (in its order) by last token.
    by_last: HashMap<String, Vec<usize>>,
    /// This list's bit in [`Lexicon::vocab`].
    pub(crate) bit: u32,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::default(),
            all: Vec::new(),
            by_last: HashMap::default(),
            bit: 0,
        }
    }
}

impl<V: Clone> Phrases<V> {
    /// Adds a phrase (the first of equal phrases wins); [`Phrases::finish`]
    /// orders them once they are all in.
    fn add(&mut self, toks: Vec<String>, v: V) {
        if toks.is_empty() || self.all.iter().any(|(t, _)| *t == toks) {
            return;
        }
        let list = self.by_first.entry(toks[0].clone()).or_default();
        list.push((toks.clone(), v.clone()));
        self.all.push((toks, v));
    }

    /// Orders every list longest first (a stable sort: equal lengths stay
    /// in the order of the data lists) and indexes the phrases by last
    /// token.
    fn finish(&mut self) {
        #[allow(
            clippy::iter_over_hash_type,
            reason = "each list is sorted on its own: the order of the lists does not matter"
        )]
        for list in self.by_first.values_mut() {
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        self.all.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        self.by_last.clear();
        for (i, (t, _)) in self.all.iter().enumerate() {
            if let Some(last) = t.last() {
                self.by_last.entry(last.clone()).or_default().push(i);
            }
        }
    }

    /// The indices (into `all`, in its order) of the phrases whose last
    /// token is `last`.
    pub(crate) fn ending_with(&self, last: &str) -> &[usize] {
        self.by_last.get(last).map_or(&[], Vec::as_slice)
    }

    /// The phrases whose first token is `first`.
    pub(crate) fn starting(&self, first: &str) -> &[(Vec<String>, V)] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// Everything amount extraction knows about words, for one document
/// language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) scales: Phrases<Scale>,
    pub(crate) number_words: Phrases<NumberWord>,
    pub(crate) halves: Phrases<Decimal>,
    pub(crate) links: Phrases<()>,
    /// Between the parts of a figure written with several scale words
    /// (`تريليونان و883 ملياراً`, `2 milliards et 200 millions`).
    pub(crate) compound_links: Phrases<()>,
    /// ISO 4217 codes, shared by the figures that carry them.
    pub(crate) currencies: Phrases<ArcStr>,
    pub(crate) currency_symbols: Phrases<ArcStr>,
    pub(crate) percent: Phrases<()>,
    pub(crate) hedges: Phrases<Hedge>,
    pub(crate) hedges_after: Phrases<Hedge>,
    pub(crate) year_markers: HashSet<String>,
    pub(crate) year_suffixes: HashSet<String>,
    pub(crate) name_markers: HashSet<String>,
    pub(crate) ordinal_suffixes: HashSet<String>,
    pub(crate) months: HashSet<String>,
    pub(crate) connectors: HashSet<String>,
    /// Word → concept key, shared by the figures that carry it.
    pub(crate) cues: HashMap<String, ArcStr>,
    /// Arabic proclitics, longest first (`@ar.proclitics`).
    pub(crate) proclitics: crate::source::Prefixes,
    /// Letters that some news agencies write as the decimal mark between
    /// two digit runs (`@ar.decimal-letters`: `62ر31`).
    pub(crate) decimal_letters: HashSet<String>,
    /// The first word of every phrase above, with the bits of the lists
    /// it starts a phrase of: one lookup per token tells which lists can
    /// match there.
    pub(crate) vocab: crate::vocab::Map,
}

/// The normalization of text and data alike (the same as the other
/// figures' extractor: see `Document::amounts`).
pub(crate) fn options() -> NormalizeOptions {
    NormalizeOptions::FIGURES
}

/// An entry's token keys.
fn phrase(s: &str) -> Vec<String> {
    let n = crate::source::normalize_text(s.trim(), options());
    tokenize(&n, &|_| false)
        .iter()
        .filter(|t| !t.is_skipped(&n))
        .map(|t| key(&n, t).to_owned())
        .collect()
}

fn single(s: &str) -> String {
    phrase(s).concat()
}

fn split_pair(entry: &str) -> (&str, &str) {
    // The value follows the last `=` (a key may not hold one).
    entry.rsplit_once('=').unwrap_or((entry, ""))
}

/// Lexicons already built, by language and a hash of the lists they were
/// built from (a rule pack may change them).
type Cache = Vec<(Lang, u64, Arc<Lexicon>)>;
static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

impl Lexicon {
    /// The lexicon of `lang` for `data`, built once per process for each
    /// distinct set of lists.
    pub fn shared(data: &Data, lang: Lang) -> Arc<Lexicon> {
        let mut h = DefaultHasher::new();
        for name in data.names().filter(|n| {
            n.starts_with("amount-") || *n == "ar.proclitics" || *n == "ar.decimal-letters"
        }) {
            name.hash(&mut h);
            data.list(name).hash(&mut h);
        }
        let key = h.finish();
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, _, lx)) = cache.iter().find(|(l, k, _)| *l == lang && *k == key) {
            return Arc::clone(lx);
        }
        let lx = Arc::new(Lexicon::new(data, lang));
        if cache.len() >= 16 {
            cache.remove(0);
        }
        cache.push((lang, key, Arc::clone(&lx)));
        lx
    }

    /// The lexicon of a document in `lang`, from `data`.
    pub fn new(data: &Data, lang: Lang) -> Lexicon {
        let mut order = vec![lang];
        order.extend(
            [Lang::En, Lang::Fr, Lang::Ar]
                .into_iter()
                .filter(|&l| l != lang),
        );
        let mut lx = Lexicon::default();
        for l in order {
            let list = |name: &str| {
                data.list(&format!("amount-{}.{name}", l.code()))
                    .unwrap_or(&[])
                    .to_vec()
            };
            let money = list("scale-money");
            for e in list("scales").iter().chain(&money) {
                let money_only = money.contains(e);
                let (k, v) = split_pair(e);
                let mut parts = v.split_whitespace();
                let Some(exp) = parts.next().and_then(|x| x.parse().ok()) else {
                    continue;
                };
                let alone = match parts.next() {
                    Some("one") => Some(1),
                    Some("two") => Some(2),
                    _ => None,
                };
                lx.scales.add(
                    phrase(k),
                    Scale {
                        exp,
                        alone,
                        money_only,
                    },
                );
            }
            for e in list("number-words") {
                let (k, v) = split_pair(&e);
                let mut parts = v.split_whitespace();
                let Some(value) = parts.next().and_then(parse_data_decimal) else {
                    continue;
                };
                let needs_scale = parts.next() == Some("scale");
                lx.number_words
                    .add(phrase(k), NumberWord { value, needs_scale });
            }
            for e in list("halves") {
                let (k, v) = split_pair(&e);
                if let Some(d) = parse_data_decimal(v) {
                    lx.halves.add(phrase(k), d);
                }
            }
            for e in list("links") {
                lx.links.add(phrase(&e), ());
            }
            for e in list("compound-links") {
                lx.compound_links.add(phrase(&e), ());
            }
            for e in list("percent") {
                lx.percent.add(phrase(&e), ());
            }
            for (name, target) in [
                ("currencies", &mut lx.currencies),
                ("currency-symbols", &mut lx.currency_symbols),
            ] {
                for e in list(name) {
                    let (k, v) = split_pair(&e);
                    if !v.is_empty() {
                        target.add(phrase(k), ArcStr::from(v.trim().to_ascii_uppercase()));
                    }
                }
            }
            for (name, target) in [
                ("hedges", &mut lx.hedges),
                ("hedges-after", &mut lx.hedges_after),
            ] {
                for e in list(name) {
                    let (k, v) = split_pair(&e);
                    if let Some(h) = Hedge::parse(v) {
                        target.add(phrase(k), h);
                    }
                }
            }
            for (name, target) in [
                ("year-markers", &mut lx.year_markers),
                ("year-suffixes", &mut lx.year_suffixes),
                ("name-markers", &mut lx.name_markers),
                ("ordinal-suffixes", &mut lx.ordinal_suffixes),
                ("months", &mut lx.months),
                ("connectors", &mut lx.connectors),
            ] {
                target.extend(list(name).iter().map(|e| single(e)));
            }
            for e in list("cues") {
                let (k, v) = split_pair(&e);
                let concept = if v.is_empty() { k } else { v };
                lx.cues
                    .entry(single(k))
                    .or_insert_with(|| ArcStr::from(concept.trim()));
            }
        }
        let mut proclitics = data.keys_of("ar.proclitics", single);
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.proclitics = crate::source::Prefixes::new(proclitics);
        lx.decimal_letters = data
            .keys_of("ar.decimal-letters", single)
            .into_iter()
            .collect();
        lx.index();
        lx
    }

    /// Orders the lists of phrases, gives each its bit and fills
    /// [`Lexicon::vocab`].
    fn index(&mut self) {
        let mut vocab = crate::vocab::Vocab::default();
        let lx = self;
        macro_rules! phrases {
            ($($f:ident),*) => { $( lx.$f.finish(); lx.$f.bit = vocab.list(lx.$f.by_first.keys()); )* };
        }
        phrases!(
            scales,
            number_words,
            halves,
            links,
            compound_links,
            currencies,
            currency_symbols,
            percent,
            hedges,
            hedges_after
        );
        lx.vocab = vocab.finish();
    }

    /// The bits of the lists whose phrases can start with `word` (`exact`)
    /// or with `word` without a proclitic (`stripped`, for Arabic words).
    pub(crate) fn lists_of(&self, word: &str, arabic: bool) -> (u32, u32) {
        let exact = self.vocab.get(word).copied().unwrap_or(0);
        let stripped = if arabic {
            self.strip(word)
                .fold(0, |m, w| m | self.vocab.get(w).copied().unwrap_or(0))
        } else {
            0
        };
        (exact, stripped)
    }

    /// The forms of an Arabic word without a proclitic (`بمليار` →
    /// `مليار`; `والمليارات` → `المليارات`, `مليارات`); the remainder keeps
    /// at least two letters.
    pub(crate) fn strip<'w>(&'w self, word: &'w str) -> impl Iterator<Item = &'w str> + 'w {
        self.proclitics
            .of(word)
            .filter_map(|(_, rest)| (rest.chars().count() >= 2).then_some(rest))
    }

    /// True when `word` is a proclitic alone (`ب` of `بـ5`).
    pub(crate) fn is_proclitic(&self, word: &str) -> bool {
        self.proclitics.list().iter().any(|p| p == word)
    }

    /// True when `word` or a form of it without a proclitic is in `set`.
    pub(crate) fn in_set(&self, set: &HashSet<String>, word: &str, arabic: bool) -> bool {
        set.contains(word) || (arabic && self.strip(word).any(|w| set.contains(w)))
    }

    /// The cue concept of a word, if it is one.
    pub(crate) fn cue(&self, word: &str, kind: Kind) -> Option<&ArcStr> {
        if let Some(c) = self.cues.get(word) {
            return Some(c);
        }
        if kind == (Kind::Word { arabic: true }) {
            // Without a proclitic, and without the alef of the accusative
            // (`عجزاً`, whose mark the key has dropped: `عجزا`).
            fn bare(w: &str) -> Option<&str> {
                w.strip_suffix('ا').filter(|b| b.chars().nth(2).is_some())
            }
            return bare(word)
                .into_iter()
                .chain(
                    self.strip(word)
                        .flat_map(|w| std::iter::once(w).chain(bare(w))),
                )
                .find_map(|w| self.cues.get(w));
        }
        None
    }
}
