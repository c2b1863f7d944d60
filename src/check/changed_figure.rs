//! `changed-figure`: one quantity of an article given two different values
//! (`the offer of $44bn` … `the $46bn offer`).
//!
//! Two figures are the same quantity when they are of the same kind (money,
//! plain number, percentage), have the same currency, share a subject cue
//! (a concept key: `offer`, `valuation`) and are of the same order of
//! magnitude (the larger below `max-ratio` times the smaller). Plain
//! numbers without a scale word (`2,500 employees`) are compared only with
//! `unscaled`: an article counts many things with the same cue. They are not
//! reported when:
//! - a hedge covers the difference: `about 100 billion` stands for
//!   100 ± `approx-percent`%, `more than 40` for 40 or more, `up to 50` for
//!   50 or less; two figures agree when their ranges meet;
//! - one is the other rounded (`$97bn` and `$97.4bn`);
//! - the sentence of either states a change or a comparison (`rose from … to
//!   …`, `ارتفع`, `en hausse`, `contre`: the `changes` words);
//! - both sentences name periods (years, months, two years joined by a
//!   dash: `2014 - 2015`) and none is common to them (`in 2023 …`, `in
//!   2024 …`);
//! - they are in the same sentence (a list, a range or a contrast);
//! - their digits are the same with the decimal point moved (decimal-shift
//!   reports those).
//!
//! The finding is on the later figure with the earlier one as a related
//! place, each pair of values once. Its severity is the rule's when the two
//! share a strong cue (one not in `weak-cues`) and neither is hedged, at most
//! `info` otherwise.

use rustc_hash::FxHashSet as HashSet;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::amount::{AmountKind, AmountMention, Hedge};
use crate::document::{Block, Document};
use crate::rules::{Data, Severity};
use crate::source::{NormalizeOptions, normalize_text};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Two figures are of the same order of magnitude when the larger is
    /// less than this many times the smaller.
    max_ratio: u64,
    /// The tolerance of an `approx` hedge, in percent of its value.
    approx_percent: u64,
    /// Kinds of figures compared: `money`, `number`, `percent`.
    kinds: Vec<String>,
    /// Whether plain numbers without a scale word (`2,500 employees`) are
    /// compared.
    unscaled: bool,
    /// Cue concepts too generic to make two figures the same quantity with
    /// confidence: a pair sharing only these is at most `info`.
    weak_cues: Vec<String>,
    /// Cue concepts that make a figure another quantity than one without
    /// them: the deficit of a budget is not the budget (`budget deficit`,
    /// `العجز في الموازنة`).
    distinct_cues: Vec<String>,
    /// Words and phrases that state a change or a comparison (`@lists`).
    changes: Vec<String>,
    /// Words that name a period besides years: month names (`@lists`).
    periods: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_ratio: 10,
            approx_percent: 10,
            kinds: vec!["money".into(), "number".into()],
            unscaled: false,
            weak_cues: Vec::new(),
            distinct_cues: Vec::new(),
            changes: Vec::new(),
            periods: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub(crate) struct ChangedFigure {
    max_ratio: Decimal,
    approx: Decimal,
    kinds: Vec<AmountKind>,
    unscaled: bool,
    weak_cues: HashSet<String>,
    distinct_cues: Vec<String>,
    /// Change phrases, as normalized words.
    changes: Vec<Vec<String>>,
    /// The change phrases (indices into `changes`) by their first word.
    change_starts: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// The first words of the change phrases ([`CHANGE_START`]) and the
    /// month names, four letters or more: `may` and `mar` are also words
    /// ([`PERIOD`]). One lookup a word form, most of them turned away
    /// without hashing.
    words: crate::vocab::Map,
    /// Arabic proclitics, longest first.
    proclitics: crate::source::Prefixes,
}

/// The bit of [`ChangedFigure::words`] of the words that start a change
/// phrase.
const CHANGE_START: u32 = 1;
/// The bit of [`ChangedFigure::words`] of the month names.
const PERIOD: u32 = 2;

fn options() -> NormalizeOptions {
    NormalizeOptions {
        lowercase: true,
        ..NormalizeOptions::default()
    }
}

/// The normalized words of a phrase; a word with an elided article
/// (`l'an`, `d’euros`) is the part after the apostrophe.
fn words_of(s: &str) -> Vec<String> {
    let text = normalize_text(s, options());
    word_ranges(&text).map(|r| text[r].to_owned()).collect()
}

/// Where the words of `words_of` are in `text`, already normalized.
fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    text.split(|c: char| {
        !(crate::document::is_letter_or_digit(c) || c == '\'' || c == '’' || c == '.')
    })
    .map(|w| w.trim_matches('.'))
    .map(|w| w.rsplit(['\'', '’']).next().unwrap_or(w))
    .filter(|w| !w.is_empty())
    // (Each word is a slice of `text`: its place is its offset.)
    .map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        start..start + w.len()
    })
}

/// The words of a sentence ([`words_of`]), each with where its forms
/// without an Arabic proclitic start in it: one normalized text, no
/// string per word or form.
struct SentenceForms {
    text: String,
    words: Vec<(std::ops::Range<usize>, super::Cuts)>,
}

impl SentenceForms {
    fn len(&self) -> usize {
        self.words.len()
    }

    /// The year that word `i` (`word`, a year) starts a range of with the
    /// next word: a dash or a slash between the two, and spaces.
    fn range_year(&self, i: usize, word: &str) -> Option<&str> {
        let ((this, _), (next, _)) = (&self.words[i], self.words.get(i + 1)?);
        let gap = self.text[this.end..next.start].trim();
        let year = &self.text[next.clone()];
        (is_year(word) && is_year(year) && matches!(gap, "-" | "–" | "—" | "/")).then_some(year)
    }

    /// The forms of word `i`: the word, then what is left of it without
    /// each proclitic it starts with.
    fn forms(&self, i: usize) -> impl Iterator<Item = &str> {
        let (range, cuts) = &self.words[i];
        super::word_forms(&self.text[range.clone()], cuts)
    }
}

impl Kind for ChangedFigure {
    const NAME: &'static str = "changed-figure";
    const PLACEHOLDERS: &'static [&'static str] = &["value", "other", "other_text", "cue"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        if p.max_ratio < 2 {
            return Err("`max-ratio` must be 2 or more".into());
        }
        if p.approx_percent >= 100 {
            return Err("`approx-percent` must be below 100".into());
        }
        let kinds = p
            .kinds
            .iter()
            .map(|k| match k.as_str() {
                "money" => Ok(AmountKind::Money),
                "number" => Ok(AmountKind::Number),
                "percent" => Ok(AmountKind::Percent),
                other => Err(format!(
                    "unknown kind `{other}` in `kinds` (money, number, percent)"
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let changes: Vec<Vec<String>> = data
            .expand(&p.changes)?
            .iter()
            .map(|c| words_of(c))
            .filter(|w| !w.is_empty())
            .collect();
        let mut change_starts = rustc_hash::FxHashMap::<String, Vec<usize>>::default();
        for (i, phrase) in changes.iter().enumerate() {
            change_starts.entry(phrase[0].clone()).or_default().push(i);
        }
        let periods: Vec<String> = data
            .expand(&p.periods)?
            .iter()
            .map(|c| words_of(c).concat())
            .filter(|w| w.chars().count() >= 4 && w != "may")
            .collect();
        let mut words = crate::vocab::Vocab::default();
        let change_bit = words.list(change_starts.keys());
        let period_bit = words.list(periods.iter());
        debug_assert_eq!((change_bit, period_bit), (CHANGE_START, PERIOD));
        let mut proclitics = data.keys_of("ar.proclitics", |c| words_of(c).concat());
        proclitics.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let proclitics = crate::source::Prefixes::new(proclitics);
        Ok(ChangedFigure {
            max_ratio: Decimal::from(p.max_ratio),
            approx: Decimal::from(p.approx_percent) / Decimal::from(100),
            kinds,
            unscaled: p.unscaled,
            weak_cues: p.weak_cues.into_iter().collect(),
            distinct_cues: p.distinct_cues,
            changes,
            change_starts,
            words: words.finish(),
            proclitics,
        })
    }
}

/// The range of values a figure stands for: `(low, high)`, `None` for no
/// bound.
type Range = (Option<Decimal>, Option<Decimal>);

/// What is known of one sentence: whether it states a change, and the
/// periods (years, months) it names.
#[derive(Debug, Default)]
struct Sentence {
    change: bool,
    periods: Vec<String>,
}

impl ChangedFigure {
    fn range(&self, m: &AmountMention) -> Range {
        let v = m.value;
        match m.hedge {
            None => (Some(v), Some(v)),
            Some(Hedge::Approx) => {
                let d = v.saturating_mul(self.approx).abs();
                (Some(v.saturating_sub(d)), Some(v.saturating_add(d)))
            }
            Some(Hedge::Min) => (Some(v), None),
            Some(Hedge::Max) => (None, Some(v)),
        }
    }

    /// True when the two figures (with their ranges, [`Self::range`]) can
    /// be the same value: their ranges meet, or one is the other rounded.
    fn consistent(
        (a, (alo, ahi)): (&AmountMention, Range),
        (b, (blo, bhi)): (&AmountMention, Range),
    ) -> bool {
        let below = |hi: Option<Decimal>, lo: Option<Decimal>| matches!((hi, lo), (Some(h), Some(l)) if h < l);
        if !below(ahi, blo) && !below(bhi, alo) {
            return true;
        }
        rounded(a, b) || rounded(b, a)
    }

    /// The words of `text`, each with its forms without an Arabic proclitic.
    fn forms(&self, text: &str) -> SentenceForms {
        let text = normalize_text(text, options());
        let words = word_ranges(&text)
            .map(|r| {
                let cuts = super::proclitic_cuts(&text[r.clone()], &self.proclitics);
                (r, cuts)
            })
            .collect();
        SentenceForms { text, words }
    }

    fn sentence(&self, block: &Block, range: std::ops::Range<usize>) -> Sentence {
        let text = &block.text[range];
        let words = self.forms(text);
        let bits = |f: &str| self.words.get(f).copied().unwrap_or(0);
        // A change phrase at some word: looked up by its first word, then
        // matched on the words that follow.
        let change = (0..words.len()).any(|i| {
            words.forms(i).any(|first| {
                bits(first) & CHANGE_START != 0
                    && self.change_starts.get(first).is_some_and(|phrases| {
                        phrases.iter().any(|&c| {
                            self.changes[c].iter().enumerate().skip(1).all(|(k, p)| {
                                i + k < words.len() && words.forms(i + k).any(|f| f == p)
                            })
                        })
                    })
            })
        });
        // The periods of a sentence that states a change are never read:
        // such a sentence is compared with none.
        if change {
            return Sentence {
                change,
                periods: Vec::new(),
            };
        }
        let mut periods: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let word = words.forms(i).next().unwrap_or_default();
            // Two years joined by a dash or a slash are one period, a
            // fiscal or a season year (`2014 - 2015`, `2015/2016`): not
            // the same period as the one that follows it.
            if let Some(next) = words.range_year(i, word) {
                periods.push(format!("{word}-{next}"));
                i += 2;
                continue;
            }
            // Years, also glued to a word (`آب2019`).
            if word.len() >= 4 && word.bytes().any(|b| b.is_ascii_digit()) {
                for run in word.split(|c: char| !c.is_ascii_digit()) {
                    if is_year(run) {
                        periods.push(run.to_owned());
                    }
                }
            }
            if let Some(month) = words.forms(i).find(|f| bits(f) & PERIOD != 0) {
                periods.push(month.to_owned());
            }
            i += 1;
        }
        Sentence { change, periods }
    }
}

/// A year between 1900 and 2099.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// True when `short`, written with fewer significant digits, is `long`
/// rounded to them (`97` or `100` for `97.4`).
fn rounded(short: &AmountMention, long: &AmountMention) -> bool {
    let digits = short.digits.len();
    if digits == 0 || digits >= long.digits.len() {
        return false;
    }
    u32::try_from(digits)
        .ok()
        .and_then(|d| long.value.abs().round_sf(d))
        .is_some_and(|r| r == short.value.abs())
}

/// How many earlier figures sharing a cue a figure is compared with, the
/// nearest first: far more than any article holds, and what keeps a huge
/// file linear.
const WINDOW: usize = 64;

fn sentence_index(block: &Block, m: &AmountMention) -> usize {
    block
        .sentences
        .partition_point(|s| s.end as usize <= m.view.start)
}

impl Check for ChangedFigure {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::AMOUNTS
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let amounts: Vec<&AmountMention> = doc
            .amounts()
            .iter()
            .filter(|m| {
                self.kinds.contains(&m.kind)
                    && !m.cues.is_empty()
                    && !m.value.is_zero()
                    && (self.unscaled || m.kind != AmountKind::Number || m.scale.is_some())
            })
            .collect();
        if amounts.len() < 2 {
            return;
        }
        // Each figure's sentence, read once for all the figures in it: the
        // figures are compared by the index of theirs in `sentences`.
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut slots: rustc_hash::FxHashMap<(usize, usize), usize> =
            rustc_hash::FxHashMap::default();
        let keys: Vec<usize> = amounts
            .iter()
            .map(|m| {
                let block = &doc.blocks[m.block];
                let i = sentence_index(block, m);
                *slots.entry((m.block, i)).or_insert_with(|| {
                    let r = block
                        .sentences
                        .get(i)
                        .map_or(0..block.text.len(), |s| s.range());
                    sentences.push(self.sentence(block, r));
                    sentences.len() - 1
                })
            })
            .collect();
        // Each figure is compared with up to `WINDOW` others: what the
        // comparisons read of it is worked out once (its range, its size
        // and the least size `max-ratio` times it, and which of the
        // distinct cues it has).
        let ranges: Vec<Range> = amounts.iter().map(|m| self.range(m)).collect();
        let sizes: Vec<(Decimal, Option<Decimal>)> = amounts
            .iter()
            .map(|m| {
                let size = m.value.abs();
                (size, size.checked_mul(self.max_ratio))
            })
            .collect();
        let has = |cues: &[arcstr::ArcStr], c: &str| cues.iter().any(|x| x == c);
        let distinct: Vec<bool> = amounts
            .iter()
            .flat_map(|m| self.distinct_cues.iter().map(|c| has(&m.cues, c)))
            .collect();
        let distinct_of = |k: usize| {
            let n = self.distinct_cues.len();
            &distinct[k * n..(k + 1) * n]
        };
        let mut reported: rustc_hash::FxHashSet<(Decimal, Decimal)> =
            rustc_hash::FxHashSet::default();
        // Earlier figures by kind, currency and cue: a figure is compared
        // only with those that share a cue with it (nearest first, at most
        // `WINDOW` of them), never with every figure before it.
        let mut by_cue: rustc_hash::FxHashMap<(AmountKind, Option<&str>, &str), Vec<usize>> =
            rustc_hash::FxHashMap::default();
        for (j, b) in amounts.iter().enumerate() {
            let mut earlier: Vec<usize> = b
                .cues
                .iter()
                .filter_map(|c| by_cue.get(&(b.kind, b.currency.as_deref(), c.as_str())))
                .flat_map(|list| list[list.len().saturating_sub(WINDOW)..].iter().copied())
                .collect();
            for c in &b.cues {
                by_cue
                    .entry((b.kind, b.currency.as_deref(), c.as_str()))
                    .or_default()
                    .push(j);
            }
            earlier.sort_unstable_by(|x, y| y.cmp(x));
            earlier.dedup();
            earlier.truncate(WINDOW);
            let sb = &sentences[keys[j]];
            if sb.change {
                continue;
            }
            // The earlier figure with the best evidence: shared strong cue,
            // unhedged, nearest (the nearest strong one, else the nearest).
            let mut best: Option<(bool, usize, &str)> = None;
            for i in earlier {
                let a = amounts[i];
                if a.value == b.value || keys[i] == keys[j] {
                    // Two values in one sentence are a list, a range or a
                    // contrast (`$999, $1,099 and $1,199`), not a change.
                    continue;
                }
                // The cues the two share, in `b`'s order: read again below
                // for the pairs that get that far, not collected for each.
                let shared = || {
                    b.cues
                        .iter()
                        .filter(|c| a.cues.contains(c))
                        .map(arcstr::ArcStr::as_str)
                };
                let Some(first_shared) = shared().next() else {
                    continue;
                };
                if distinct_of(i) != distinct_of(j) {
                    continue;
                }
                let (hi, (lo, lo_times)) = if sizes[i].0 >= sizes[j].0 {
                    (sizes[i].0, sizes[j])
                } else {
                    (sizes[j].0, sizes[i])
                };
                // (A product past the largest decimal is more than `hi`.)
                if lo.is_zero() || lo_times.is_some_and(|m| hi >= m) {
                    continue;
                }
                if a.digits == b.digits {
                    // A power of ten with the same digits: decimal-shift.
                    continue;
                }
                if Self::consistent((a, ranges[i]), (b, ranges[j])) {
                    continue;
                }
                let sa = &sentences[keys[i]];
                if sa.change {
                    continue;
                }
                if !sa.periods.is_empty()
                    && !sb.periods.is_empty()
                    && !sa.periods.iter().any(|y| sb.periods.contains(y))
                {
                    // Two periods: `in 2023 … $3.2bn`, `in 2024 … $4.1bn`.
                    continue;
                }
                let strong_cue = shared().find(|c| !self.weak_cues.contains(*c));
                let strong = strong_cue.is_some() && a.hedge.is_none() && b.hedge.is_none();
                let cue = strong_cue.unwrap_or(first_shared);
                // Nearest first: the first strong one wins outright.
                if best.is_none() || strong {
                    best = Some((strong, i, cue));
                }
                if strong {
                    break;
                }
            }
            let Some((strong, i, cue)) = best else {
                continue;
            };
            let a = amounts[i];
            let pair = if a.value <= b.value {
                (a.value, b.value)
            } else {
                (b.value, a.value)
            };
            if !reported.insert(pair) {
                continue;
            }
            let exp = crate::amount::display_exponent(a.value.abs().max(b.value.abs()));
            let other_text = doc.text()[a.span.range()].to_owned();
            let hit = Hit::new(b.span)
                .var("value", crate::amount::show(b, exp))
                .var("other", crate::amount::show(a, exp))
                .var("other_text", other_text)
                .var("cue", cue)
                .related(
                    a.span,
                    format!("the {cue} given as {}", crate::amount::show(a, exp)),
                );
            out.push(if strong {
                hit
            } else {
                hit.at_most(Severity::Info)
            });
        }
    }

    fn weight(&self) -> u8 {
        6
    }
}
