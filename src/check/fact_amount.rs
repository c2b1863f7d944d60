//! `fact-amount`: a figure that contradicts a fact sheet
//! (`rules/facts/*.toml`, `--facts FILE`; see `crate::fact`).
//!
//! A sentence matches a fact's subject when it mentions every entity of the
//! fact, one of its words (when it has some for the document's language),
//! and one of its cues: a word, or an amount concept key (`offer`,
//! `valuation`) that a word of the sentence has in the data files' `cues`
//! lists. The figures of that sentence in the fact's currency (or with a
//! scale word and no currency: `9.74 مليار`), within `max-factor` of the
//! fact's value, are compared with it:
//!
//! - a figure as written stands for an interval: `97.4 billion` is anything
//!   that rounds to it (97.35–97.45 billion); a hedged one (`about 100
//!   billion`) is the value ± the fact's tolerance; `more than X` is X minus
//!   the tolerance and up; `up to X` is X plus the tolerance and down;
//! - the fact is its value, or an interval when it is hedged itself;
//! - they are consistent when the intervals meet.
//!
//! When one figure of the sentence is consistent with the fact, the others
//! are about something else; a figure consistent with another fact of the
//! sentence is not reported either. Otherwise the figure nearest to a cue
//! is reported, citing the fact's source and its place in the fact sheet.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::rc::Rc;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::amount::{AmountKind, AmountMention, Hedge, scale_exponent};
use crate::document::{Document, Lang};
use crate::entity::key;
use crate::fact::Fact;
use crate::rules::{Data, Severity};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Figures further than this factor from the fact's value are about
    /// something else (a price per share beside a takeover price).
    max_factor: u64,
    /// Also compare figures with a scale word but no currency
    /// (`9.74 مليار`), at `info` severity.
    without_currency: bool,
    /// Cue concepts that say nothing of the subject (`sum`: `مبلغ`,
    /// `montant`). A figure whose own cues (the words next to it) name
    /// other concepts than the fact's is about something else.
    neutral_cues: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_factor: 1000,
            without_currency: true,
            neutral_cues: vec!["sum".into()],
        }
    }
}

#[derive(Debug)]
pub(crate) struct FactAmount {
    max_factor: Decimal,
    without_currency: bool,
    neutral_cues: HashSet<String>,
}

/// What keys the words of a sentence for the fact-sheet and date checks
/// ([`SentenceKeys::words`]), made from the data lists once per rule set
/// ([`Data::sentence_keys`]), on first use.
#[derive(Debug)]
pub(crate) struct SentenceKeys {
    /// Cue concept of a word's key, per language (ar, fr, en).
    concepts: [HashMap<String, String>; 3],
    /// Arabic proclitics (keys), longest first.
    proclitics: crate::source::Prefixes,
}

impl SentenceKeys {
    pub(crate) fn new(data: &Data) -> SentenceKeys {
        let concepts = [Lang::Ar, Lang::Fr, Lang::En].map(|lang| {
            let mut map = HashMap::default();
            for e in data
                .list(&format!("amount-{}.cues", lang.code()))
                .unwrap_or(&[])
            {
                let (k, v) = e.rsplit_once('=').unwrap_or((e, e));
                map.entry(key(k)).or_insert_with(|| v.trim().to_owned());
            }
            map
        });
        let mut proclitics = data.keys_of("ar.proclitics", key);
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let proclitics = crate::source::Prefixes::new(proclitics);
        SentenceKeys {
            concepts,
            proclitics,
        }
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    }
}

impl Kind for FactAmount {
    const NAME: &'static str = "fact-amount";
    const PLACEHOLDERS: &'static [&'static str] = &[
        "value",
        "fact",
        "fact_value",
        "date",
        "source",
        "where",
        "id",
    ];
    type Params = Params;

    fn build(p: Params, _: &Data) -> Result<Self, String> {
        if p.max_factor < 2 {
            return Err("`max-factor` must be 2 or more".into());
        }
        Ok(FactAmount {
            max_factor: Decimal::from(p.max_factor),
            without_currency: p.without_currency,
            neutral_cues: p.neutral_cues.into_iter().collect(),
        })
    }
}

/// `9.74 × 10⁹ USD`.
fn show(value: Decimal, currency: Option<&str>) -> String {
    crate::amount::show_value(value, crate::amount::display_exponent(value), currency)
}

/// The place of the last digit written: 10⁸ for `97.4 billion`, 10⁹ for
/// `100 billion`, 1 for `44,000,000,000`.
fn written_unit(m: &AmountMention) -> Decimal {
    let exp = m.scale.as_deref().and_then(scale_exponent).unwrap_or(0);
    let p = Decimal::from(10u64.pow(exp.min(18)));
    let written = (m.value / p).normalize();
    let mut unit = p;
    for _ in 0..written.scale() {
        unit /= Decimal::TEN;
    }
    unit
}

/// A closed interval; `None` is unbounded.
type Interval = (Option<Decimal>, Option<Decimal>);

fn meet(a: Interval, b: Interval) -> bool {
    let lo = match (a.0, b.0) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (lo, hi) {
        (Some(l), Some(h)) => l <= h,
        _ => true,
    }
}

/// True when the figure agrees with the fact.
fn consistent(m: &AmountMention, f: &Fact) -> bool {
    // Bounds saturate: a figure or a tolerance near the largest decimal is
    // no reason to panic.
    let tol = f.tolerance.saturating_mul(f.value);
    let v = m.value;
    let half = written_unit(m) / Decimal::TWO;
    let below = |x: Decimal, d: Decimal| Some(x.saturating_sub(d));
    let above = |x: Decimal, d: Decimal| Some(x.saturating_add(d));
    let wide = tol.saturating_add(half);
    let mention: Interval = match m.hedge {
        None => (below(v, half), above(v, half)),
        Some(Hedge::Approx) => (below(v, wide), above(v, wide)),
        Some(Hedge::Min) => (below(v, wide), None),
        Some(Hedge::Max) => (None, above(v, wide)),
    };
    let fact: Interval = match f.hedge {
        None => (Some(f.value), Some(f.value)),
        Some(Hedge::Approx) => (below(f.value, tol), above(f.value, tol)),
        Some(Hedge::Min) => (below(f.value, tol), None),
        Some(Hedge::Max) => (Some(Decimal::ZERO), above(f.value, tol)),
    };
    meet(mention, fact)
}

/// A word's keys: its key, its forms without an Arabic proclitic, and
/// what the sentence checks look up of them.
pub(super) struct Keyed<'c> {
    /// The word's key.
    key: String,
    /// Where its forms without a proclitic start in `key`.
    cuts: super::Cuts,
    /// The cue concepts of its forms, in the document's language (looked
    /// up once here, not once for each cue of each fact).
    concepts: Vec<&'c str>,
    /// The hash of the key, then of each form without a proclitic
    /// ([`form_hash`]).
    hash: u64,
    cut_hashes: Vec<u64>,
}

impl Keyed<'_> {
    /// The key, then what is left of it without each proclitic it starts
    /// with.
    fn forms(&self) -> impl Iterator<Item = &str> {
        super::word_forms(&self.key, &self.cuts)
    }

    /// The hashes of [`Keyed::forms`].
    fn hashes(&self) -> impl Iterator<Item = u64> {
        std::iter::once(self.hash).chain(self.cut_hashes.iter().copied())
    }
}

/// A word's keys, its own or kept in [`WordKeys`].
enum Key<'c> {
    Own(Keyed<'c>),
    Kept(Rc<Keyed<'c>>),
}

impl<'c> std::ops::Deref for Key<'c> {
    type Target = Keyed<'c>;

    fn deref(&self) -> &Keyed<'c> {
        match self {
            Key::Own(k) => k,
            Key::Kept(k) => k,
        }
    }
}

/// One word of a sentence: its keys and where it is.
pub(super) struct SentenceWord<'c> {
    /// `None` for a word the check showed cannot be one of its words
    /// (see [`SentenceKeys::words`]): it has no form.
    keyed: Option<Key<'c>>,
    /// The word's view range in its block.
    pub(super) at: usize,
    pub(super) end: usize,
}

impl SentenceWord<'_> {
    /// The key, then what is left of it without each proclitic it starts
    /// with.
    pub(super) fn forms(&self) -> impl Iterator<Item = &str> {
        self.keyed.iter().flat_map(|k| k.forms())
    }

    fn has_form(&self, form: &str) -> bool {
        self.forms().any(|f| f == form)
    }
}

/// The keys of the words a check has read in a document, by the word as
/// written: a word comes back in many sentences (the same names, cues and
/// function words), and keying it (normalization, proclitics, concepts)
/// was most of the sentence checks' time on Arabic news about a fact
/// sheet's subject. Only the words of a long document ([`WordKeys::FROM`]
/// bytes or more) are kept: an article's sentences with a date or a fact's
/// names share few words (a tenth of the words of 80 real Arabic articles
/// came back), and keeping them cost more than keying them again. Only
/// words outside ASCII (an ASCII word's key is its lower case, made faster
/// than it is looked up), [`WordKeys::MOST`] of them at most; the others
/// are keyed each time.
pub(super) struct WordKeys<'t, 'c> {
    map: HashMap<&'t str, Rc<Keyed<'c>>>,
    keep: bool,
}

impl WordKeys<'_, '_> {
    const MOST: usize = 8192;
    const FROM: usize = 64 * 1024;

    /// The cache for the sentences of `doc`.
    pub(super) fn for_document(doc: &Document<'_>) -> Self {
        WordKeys {
            map: HashMap::default(),
            keep: doc.source.text.len() >= Self::FROM,
        }
    }
}

/// The entities mentioned in a sentence (a view range of block `bi`).
pub(super) fn sentence_entities(
    doc: &Document<'_>,
    bi: usize,
    sentence: &Range<usize>,
) -> HashSet<usize> {
    doc.entities_in(bi, sentence)
        .iter()
        .map(crate::entity::Mention::entity)
        .collect()
}

/// The view ranges where `phrase` (word keys) occurs in `words`.
pub(super) fn find_phrase(words: &[SentenceWord], phrase: &[String]) -> Vec<Range<usize>> {
    let n = phrase.len();
    if n == 0 || n > words.len() {
        return Vec::new();
    }
    (0..=words.len() - n)
        .filter(|&i| phrase_at(words, i, phrase))
        .map(|i| words[i].at..words[i + n - 1].end)
        .collect()
}

/// True when `phrase` (word keys) occurs in `words` from word `i` on.
fn phrase_at(words: &[SentenceWord], i: usize, phrase: &[String]) -> bool {
    i + phrase.len() <= words.len() && phrase.iter().zip(&words[i..]).all(|(p, w)| w.has_form(p))
}

/// The words of a sentence ([`SentenceKeys::words`]), indexed by their
/// forms: a fact's cues and the date orders' phrases are looked up, not
/// compared with every word (that comparison was 5 % of a run over Arabic
/// news about a fact sheet's subject). Derefs to the words.
pub(super) struct SentenceWords<'c> {
    words: Vec<SentenceWord<'c>>,
    /// (hash of a form, index of a word that has it), sorted: the words of
    /// a form, in text order, are a run of it (a hash shared by two forms
    /// is told apart by comparing them).
    forms: Vec<(u64, u32)>,
    /// The words that have a cue concept, in text order.
    with_concepts: Vec<u32>,
}

impl<'c> std::ops::Deref for SentenceWords<'c> {
    type Target = [SentenceWord<'c>];

    fn deref(&self) -> &Self::Target {
        &self.words
    }
}

impl<'c> SentenceWords<'c> {
    fn new(words: Vec<SentenceWord<'c>>) -> SentenceWords<'c> {
        let mut forms = Vec::with_capacity(words.len() + words.len() / 2);
        let mut with_concepts = Vec::new();
        for (i, w) in (0u32..).zip(&words) {
            let Some(k) = &w.keyed else { continue };
            forms.extend(k.hashes().map(|h| (h, i)));
            if !k.concepts.is_empty() {
                with_concepts.push(i);
            }
        }
        forms.sort_unstable();
        forms.dedup();
        SentenceWords {
            words,
            forms,
            with_concepts,
        }
    }

    /// The words that have `form`, in text order.
    fn with_form<'s>(&'s self, form: &'s str) -> impl Iterator<Item = usize> + 's {
        let h = form_hash(form);
        let from = self.forms.partition_point(|&(k, _)| k < h);
        self.forms[from..]
            .iter()
            .take_while(move |&&(k, _)| k == h)
            .map(|&(_, i)| i as usize)
            .filter(move |&i| self.words[i].has_form(form))
    }

    /// [`find_phrase`] over the whole sentence, by the index.
    pub(super) fn find_phrase(&self, phrase: &[String]) -> Vec<Range<usize>> {
        let Some(first) = phrase.first() else {
            return Vec::new();
        };
        self.with_form(first)
            .filter(|&i| phrase_at(&self.words, i, phrase))
            .map(|i| self.words[i].at..self.words[i + phrase.len() - 1].end)
            .collect()
    }

    /// Where a phrase (or, for a one-word cue, a concept key) occurs in the
    /// sentence: the start of each word it starts at, in text order.
    pub(super) fn find(&self, phrase: &[String], concept: bool) -> Vec<usize> {
        let Some(first) = phrase.first() else {
            return Vec::new();
        };
        let mut at: Vec<usize> = self
            .with_form(first)
            .filter(|&i| phrase_at(&self.words, i, phrase))
            .collect();
        if concept && phrase.len() == 1 {
            let before = at.len();
            at.extend(self.with_concepts.iter().map(|&i| i as usize).filter(|&i| {
                (self.words[i].keyed.as_ref()).is_some_and(|k| k.concepts.contains(&first.as_str()))
            }));
            if before > 0 && at.len() > before {
                at.sort_unstable();
                at.dedup();
            }
        }
        at.into_iter().map(|i| self.words[i].at).collect()
    }
}

/// The hash a form is indexed by in [`SentenceWords`].
fn form_hash(form: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(form)
}

impl SentenceKeys {
    /// The keys of `word`, a word of a text in `lang`.
    fn keyed(&self, word: &str, lang: Lang) -> Keyed<'_> {
        // The key, then what is left of it without each proclitic it
        // starts with (two letters at least).
        let key = key(word);
        let mut cuts = super::proclitic_cuts(&key, &self.proclitics);
        if !cuts.is_empty() && !crate::entity::is_arabic(&key) {
            cuts.clear();
        }
        let table = &self.concepts[lang_index(lang)];
        let concepts = super::word_forms(&key, &cuts)
            .filter_map(|f| table.get(f).map(String::as_str))
            .collect();
        Keyed {
            hash: form_hash(&key),
            cut_hashes: cuts.iter().map(|&c| form_hash(&key[c..])).collect(),
            key,
            cuts,
            concepts,
        }
    }

    /// The words of a sentence (a view range of block `block`), keyed;
    /// `keys` keeps the keys of the words already read. With `lasts`, a
    /// word whose key ends with none of those characters is not keyed (it
    /// has no form): the check looks for no word it could be.
    pub(super) fn words<'c, 't>(
        &'c self,
        doc: &'t Document<'_>,
        block: usize,
        sentence: &Range<usize>,
        keys: &mut WordKeys<'t, 'c>,
        lasts: Option<&HashSet<char>>,
    ) -> SentenceWords<'c> {
        let b = &doc.blocks[block];
        let words = b
            .words_in(sentence)
            .iter()
            .map(|w| {
                let text = &b.text[w.range()];
                let keyed = if lasts.is_some_and(|l| {
                    crate::entity::key_last_char(text).is_none_or(|c| !l.contains(&c))
                }) {
                    None
                } else if !keys.keep || text.is_ascii() {
                    Some(Key::Own(self.keyed(text, doc.lang)))
                } else if let Some(k) = keys.map.get(text) {
                    Some(Key::Kept(Rc::clone(k)))
                } else if keys.map.len() < WordKeys::MOST {
                    let k = Rc::new(self.keyed(text, doc.lang));
                    keys.map.insert(text, Rc::clone(&k));
                    Some(Key::Kept(k))
                } else {
                    Some(Key::Own(self.keyed(text, doc.lang)))
                };
                SentenceWord {
                    keyed,
                    at: w.range().start,
                    end: w.range().end,
                }
            })
            .collect();
        SentenceWords::new(words)
    }
}

impl FactAmount {
    /// Where the fact's cues are in the sentence, if its subject matches.
    pub(super) fn subject(
        lang: Lang,
        f: &Fact,
        words: &SentenceWords<'_>,
        entities: &HashSet<usize>,
    ) -> Option<Vec<usize>> {
        if !f.entities.iter().all(|e| entities.contains(e)) {
            return None;
        }
        let mut own = f.words.for_lang(lang).peekable();
        if own.peek().is_some() && !own.any(|p| !words.find(p, false).is_empty()) {
            return None;
        }
        let cues: Vec<usize> = f
            .cues
            .for_lang(lang)
            .flat_map(|p| words.find(p, true))
            .collect();
        (!cues.is_empty()).then_some(cues)
    }

    fn eligible(&self, lang: Lang, m: &AmountMention, f: &Fact) -> bool {
        // The nearest cue of the figure (the cues run from the figure
        // backwards, then forwards) says what it is.
        if let Some(own) = m
            .cues
            .iter()
            .find(|c| !self.neutral_cues.contains(c.as_str()))
            && !f.cues.for_lang(lang).any(|p| p.len() == 1 && p[0] == *own)
        {
            return false;
        }
        let currency_ok = match &m.currency {
            Some(c) => *c == f.currency,
            None => self.without_currency && m.kind == AmountKind::Number && m.scale.is_some(),
        };
        if !currency_ok || m.kind == AmountKind::Percent || m.value <= Decimal::ZERO {
            return false;
        }
        let (hi, lo) = if m.value >= f.value {
            (m.value, f.value)
        } else {
            (f.value, m.value)
        };
        lo.checked_mul(self.max_factor).is_none_or(|m| hi <= m)
    }
}

impl Check for FactAmount {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::AMOUNTS
            .and(Reads::ENTITIES)
            .when(!doc.data.facts.is_empty())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let facts = &doc.data.facts;
        if facts.is_empty() {
            return;
        }
        let amounts = doc.amounts();
        if amounts.is_empty() {
            return;
        }
        let mut reported: HashSet<usize> = HashSet::default();
        let mut keys = WordKeys::for_document(doc);
        for (bi, block) in doc.blocks.iter().enumerate() {
            for sentence in &block.sentences {
                let sentence = &sentence.range();
                let inside: Vec<usize> = crate::document::placed_range(amounts, bi, sentence)
                    .filter(|&i| amounts[i].view.end <= sentence.end)
                    .collect();
                if inside.is_empty() {
                    continue;
                }
                let entities = sentence_entities(doc, bi, sentence);
                // The sentence's words are keyed only when a fact's
                // entities are all named there (most sentences name none).
                let named = |f: &&Fact| f.entities.iter().all(|e| entities.contains(e));
                if !facts.list.iter().any(|f| !f.is_event && named(&f)) {
                    continue;
                }
                let words = doc
                    .data
                    .sentence_keys()
                    .words(doc, bi, sentence, &mut keys, None);
                let matched: Vec<(&Fact, Vec<usize>)> = facts
                    .list
                    .iter()
                    .filter(|f| !f.is_event)
                    .filter_map(|f| {
                        Self::subject(doc.lang, f, &words, &entities).map(|cues| (f, cues))
                    })
                    .collect();
                for (f, cues) in &matched {
                    let candidates: Vec<usize> = inside
                        .iter()
                        .copied()
                        .filter(|&i| self.eligible(doc.lang, &amounts[i], f))
                        .collect();
                    if candidates.iter().any(|&i| consistent(&amounts[i], f)) {
                        continue;
                    }
                    let odd = candidates
                        .iter()
                        .copied()
                        .filter(|&i| {
                            !matched.iter().any(|(g, _)| {
                                g.id != f.id
                                    && self.eligible(doc.lang, &amounts[i], g)
                                    && consistent(&amounts[i], g)
                            })
                        })
                        .min_by_key(|&i| {
                            let at = amounts[i].view.start;
                            cues.iter().map(|&c| c.abs_diff(at)).min().unwrap_or(0)
                        });
                    let Some(i) = odd else {
                        continue;
                    };
                    if !reported.insert(i) {
                        continue;
                    }
                    let m = &amounts[i];
                    let mut hit = Hit::new(m.span)
                        .var("value", show(m.value, m.currency.as_deref()))
                        .var("fact", f.description.clone())
                        .var("fact_value", show(f.value, Some(&f.currency)))
                        .var("date", f.date.clone().unwrap_or_else(|| "undated".into()))
                        .var("source", f.source.clone())
                        .var("where", format!("{}:{}", f.origin, f.line))
                        .var("id", f.id.clone());
                    if m.currency.is_none() {
                        hit = hit.at_most(Severity::Info);
                    }
                    out.push(hit);
                }
            }
        }
    }

    fn weight(&self) -> u8 {
        8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_keys_are_made_once_and_again_when_a_list_changes() {
        use std::borrow::Cow;
        let mut data = Data::default();
        let list = |w: &str| [("proclitics", vec![Cow::Owned(w.to_owned())])];
        data.add_lists("ar", list("وب"));
        let first: *const SentenceKeys = data.sentence_keys();
        assert!(std::ptr::eq(first, data.sentence_keys()));
        assert_eq!(data.sentence_keys().proclitics.list(), ["وب"]);
        data.add_lists("ar", list("فب"));
        assert_eq!(data.sentence_keys().proclitics.list(), ["فب"]);
    }

    /// The lookups as first written: every word compared with the phrase.
    fn find_by_scan(words: &[SentenceWord], phrase: &[String], concept: bool) -> Vec<usize> {
        let mut out = Vec::new();
        if phrase.is_empty() {
            return out;
        }
        for i in 0..words.len() {
            if phrase.len() > 1 && i + phrase.len() > words.len() {
                continue;
            }
            let hit = phrase
                .iter()
                .enumerate()
                .all(|(j, p)| words.get(i + j).is_some_and(|w| w.has_form(p)))
                || (concept
                    && phrase.len() == 1
                    && (words[i].keyed.as_ref())
                        .is_some_and(|k| k.concepts.iter().any(|c| *c == phrase[0])));
            if hit {
                out.push(words[i].at);
            }
        }
        out
    }

    /// Words from a few keys, some of them with a proclitic cut (`وعرض` is
    /// also `عرض`) and some with cue concepts, so that phrases and
    /// concepts recur, overlap and sit at both ends.
    fn sentence_words(picks: &[(usize, bool, usize)]) -> SentenceWords<'static> {
        const KEYS: [&str; 6] = ["عرض", "وعرض", "offer", "bid", "openai", "x"];
        const CONCEPTS: [&str; 3] = ["offer", "deal", "bid"];
        let words = picks
            .iter()
            .enumerate()
            .map(|(k, &(key, cut, concept))| {
                let key = KEYS[key % KEYS.len()].to_owned();
                let cuts = if cut && key.starts_with('و') {
                    super::super::Cuts::from_slice(&['و'.len_utf8()])
                } else {
                    super::super::Cuts::new()
                };
                let concepts = CONCEPTS[..concept % (CONCEPTS.len() + 1)].to_vec();
                SentenceWord {
                    keyed: Some(Key::Own(Keyed {
                        hash: form_hash(&key),
                        cut_hashes: cuts.iter().map(|&c| form_hash(&key[c..])).collect(),
                        key,
                        cuts,
                        concepts,
                    })),
                    at: 10 * k,
                    end: 10 * k + 5,
                }
            })
            .collect();
        SentenceWords::new(words)
    }

    proptest::proptest! {
        /// The index finds what comparing every word finds, in the same
        /// order: phrases of one to three words, with and without
        /// concepts, and the date orders' phrases.
        #[test]
        fn indexed_lookups_find_what_a_scan_finds(
            picks in proptest::collection::vec((0usize..6, proptest::bool::ANY, 0usize..4), 0..12),
            phrase in proptest::collection::vec(0usize..8, 0..4),
            concept in proptest::bool::ANY,
        ) {
            const PHRASE: [&str; 8] = ["عرض", "وعرض", "offer", "bid", "openai", "x", "deal", ""];
            let words = sentence_words(&picks);
            let phrase: Vec<String> = phrase.iter().map(|&p| PHRASE[p].to_owned()).collect();
            proptest::prop_assert_eq!(
                words.find(&phrase, concept),
                find_by_scan(&words, &phrase, concept)
            );
            proptest::prop_assert_eq!(words.find_phrase(&phrase), find_phrase(&words, &phrase));
        }
    }

    #[test]
    fn a_cue_is_found_as_a_word_form_and_as_a_concept_once() {
        // «وعرض» is «عرض» without its proclitic; its concept «offer» and
        // the word «offer» after it are found where they are, once each.
        let words = sentence_words(&[(1, true, 1), (2, false, 0), (4, false, 2)]);
        let phrase = |p: &[&str]| p.iter().map(|&w| w.to_owned()).collect::<Vec<_>>();
        assert_eq!(words.find(&phrase(&["عرض"]), false), [0]);
        assert_eq!(words.find(&phrase(&["offer"]), true), [0, 10, 20]);
        assert_eq!(words.find(&phrase(&["offer"]), false), [10]);
        assert_eq!(words.find(&phrase(&["deal"]), true), [20]);
        assert_eq!(words.find_phrase(&phrase(&["عرض", "offer"])), vec![(0..15)]);
        assert!(words.find_phrase(&phrase(&["offer", "عرض"])).is_empty());
    }

    /// What a test reads of a keyed word: (key, forms, concepts, at, end).
    fn read<'w>(w: &'w SentenceWord) -> (&'w str, Vec<&'w str>, Vec<&'w str>, usize, usize) {
        let k = w.keyed.as_ref().expect("keyed");
        (&k.key, w.forms().collect(), k.concepts.clone(), w.at, w.end)
    }

    #[test]
    fn words_are_keyed_alike_whether_kept_or_not() {
        use crate::source::{Format, SourceFile};
        let rules = crate::rules::RuleSet::embedded().expect("default rules");
        let data = rules.data();
        let text = "وقدم ماسك عرضا بقيمة 97.4 مليار دولار. وعرض ماسك والعرض قائم.\n";
        let source = SourceFile::from_text("a.txt", text.into(), Format::Text);
        let doc = Document::parse(&source, Some(Lang::Ar), data);
        let sk = data.sentence_keys();
        let sentences: Vec<Range<usize>> =
            doc.blocks[0].sentences.iter().map(|s| s.range()).collect();
        assert_eq!(sentences.len(), 2);
        // Each sentence keyed afresh, then both with one cache (the second
        // finds «ماسك» kept), then with a cache already full.
        let fresh: Vec<SentenceWords> = sentences
            .iter()
            .map(|r| sk.words(&doc, 0, r, &mut WordKeys::keeping(), None))
            .collect();
        // A short document's words are not kept.
        let mut short = WordKeys::for_document(&doc);
        let unkept: Vec<SentenceWords> = sentences
            .iter()
            .map(|r| sk.words(&doc, 0, r, &mut short, None))
            .collect();
        assert!(short.map.is_empty());
        let mut kept = WordKeys::keeping();
        let shared: Vec<SentenceWords> = sentences
            .iter()
            .map(|r| sk.words(&doc, 0, r, &mut kept, None))
            .collect();
        assert!(kept.map.contains_key("ماسك"));
        let mut full = WordKeys::keeping();
        let fillers: Vec<String> = (0..WordKeys::MOST).map(|i| i.to_string()).collect();
        for f in &fillers {
            full.map.insert(f, Rc::new(sk.keyed(f, Lang::Ar)));
        }
        let past: Vec<SentenceWords> = sentences
            .iter()
            .map(|r| sk.words(&doc, 0, r, &mut full, None))
            .collect();
        assert_eq!(full.map.len(), WordKeys::MOST, "a full cache keeps no more");
        for (((a, b), c), d) in fresh.iter().zip(&shared).zip(&past).zip(&unkept) {
            let a: Vec<_> = a.iter().map(read).collect();
            assert_eq!(a, b.iter().map(read).collect::<Vec<_>>());
            assert_eq!(a, c.iter().map(read).collect::<Vec<_>>());
            assert_eq!(a, d.iter().map(read).collect::<Vec<_>>());
        }
        // The keys are what they were: «وعرض» is also «عرض», whose concept
        // is an offer; «والعرض» is also «عرض» and «العرض» (the longest
        // proclitic cut first).
        let second: Vec<_> = fresh[1].iter().map(read).collect();
        assert_eq!(second[0].1, ["وعرض", "عرض"]);
        assert!(second[0].2.contains(&"offer"), "{:?}", second[0]);
        assert_eq!(second[2].1, ["والعرض", "عرض", "العرض"]);
        assert_eq!(
            fresh[1].find(&["عرض".to_owned()], false),
            [second[0].3, second[2].3]
        );
    }

    impl WordKeys<'_, '_> {
        /// A cache that keeps words whatever the document's length.
        fn keeping() -> Self {
            WordKeys {
                map: HashMap::default(),
                keep: true,
            }
        }
    }

    fn mention(value: &str, scale: Option<&str>, hedge: Option<Hedge>) -> AmountMention {
        AmountMention {
            span: crate::source::Span::new(0, 1),
            block: 0,
            view: 0..1,
            value: value.parse().unwrap(),
            kind: AmountKind::Money,
            currency: Some("USD".into()),
            scale: scale.map(arcstr::ArcStr::from),
            hedge,
            digits: Box::default(),
            cues: Box::default(),
            linked: false,
        }
    }

    fn fact(value: &str, hedge: Option<Hedge>) -> Fact {
        Fact {
            id: "x".into(),
            description: "x".into(),
            entities: Vec::new(),
            entity_names: Vec::new(),
            words: crate::fact::PerLang::default(),
            cues: crate::fact::PerLang::default(),
            value: value.parse().unwrap(),
            is_event: false,
            currency: "USD".into(),
            date: None,
            tolerance: Decimal::new(1, 1),
            hedge,
            source: "s".into(),
            origin: "f".into(),
            line: 1,
        }
    }

    #[test]
    fn intervals() {
        let offer = fact("97400000000", None);
        // Exact, and rounded to the written precision.
        assert!(consistent(
            &mention("97400000000", Some("billion"), None),
            &offer
        ));
        assert!(consistent(
            &mention("97000000000", Some("billion"), None),
            &offer
        ));
        // Hedged within the tolerance.
        assert!(consistent(
            &mention("100000000000", Some("billion"), Some(Hedge::Approx)),
            &offer
        ));
        assert!(!consistent(
            &mention("100000000000", Some("billion"), None),
            &offer
        ));
        assert!(!consistent(
            &mention("9740000000", Some("billion"), None),
            &offer
        ));
        assert!(!consistent(
            &mention("9740000000", Some("billion"), Some(Hedge::Approx)),
            &offer
        ));
        // An upper bound as the fact: smaller figures agree.
        let stargate = fact("500000000000", Some(Hedge::Max));
        assert!(consistent(
            &mention("100000000000", Some("billion"), None),
            &stargate
        ));
        assert!(!consistent(
            &mention("5000000000000", Some("trillion"), None),
            &stargate
        ));
    }

    #[test]
    fn shows_values() {
        assert_eq!(
            show(Decimal::from(44_000_000_000_u64), Some("USD")),
            "44 × 10⁹ USD"
        );
        assert_eq!(show(Decimal::from(9_740_000_000_u64), None), "9.74 × 10⁹");
    }
}
