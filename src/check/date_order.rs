//! `date-order`: ordering words between dated events that contradict the
//! dates (`In 2019, after his departure in 2021`), a span of time that
//! contradicts the dates it joins (`founded in 2015 … ten years later, in
//! 2022`), and `since` a date after the publication.
//!
//! The words are the rule file's (`after`, `before`, `later`, `earlier`,
//! `since`, per language). For `after`/`before`, the event the word
//! introduces is the first date after it in its clause; the main event is
//! the nearest other date of the sentence. For `later`/`earlier`, the dates
//! are the last one before the word (in the sentence or the one before)
//! and the first one after it in its sentence. Dates are intervals (`2019`
//! is all of 2019): only intervals that cannot be in the stated order are
//! reported, and a span of time may be off by one of its units (people
//! round `ten years later`).

use chrono::{Days, Months, NaiveDate};
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, LangWords, Reads};
use crate::date::{DateMention, Duration};
use crate::document::Document;
use crate::rules::Data;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Params {
    after: LangWords,
    before: LangWords,
    later: LangWords,
    earlier: LangWords,
    since: LangWords,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    After,
    Before,
    Later,
    Earlier,
    Since,
}

#[derive(Debug)]
pub(crate) struct DateOrder {
    words: Vec<(Order, LangWords)>,
}

impl Kind for DateOrder {
    const NAME: &'static str = "date-order";
    const PLACEHOLDERS: &'static [&'static str] =
        &["word", "other", "other_text", "expected", "published"];
    type Params = Params;
    fn build(p: Params, _: &Data) -> Result<Self, String> {
        Ok(DateOrder {
            words: vec![
                (Order::After, p.after),
                (Order::Before, p.before),
                (Order::Later, p.later),
                (Order::Earlier, p.earlier),
                (Order::Since, p.since),
            ],
        })
    }
}

/// `date` moved by `n` units (`y`, `m`, `w`, `d`); negative `n` goes back.
fn shift(date: NaiveDate, unit: char, n: i64) -> Option<NaiveDate> {
    let back = n < 0;
    let k = n.unsigned_abs();
    match unit {
        'y' | 'm' => {
            let months = Months::new(u32::try_from(if unit == 'y' { k * 12 } else { k }).ok()?);
            if back {
                date.checked_sub_months(months)
            } else {
                date.checked_add_months(months)
            }
        }
        _ => {
            let days = Days::new(if unit == 'w' { k * 7 } else { k });
            if back {
                date.checked_sub_days(days)
            } else {
                date.checked_add_days(days)
            }
        }
    }
}

fn meets(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

struct Found {
    order: Order,
    /// The word's view range.
    at: std::ops::Range<usize>,
    block: usize,
    sentence: std::ops::Range<usize>,
}

impl Found {
    /// The date the word introduces, read as `order`: for `since`, the date
    /// right after it; for `after` and `before`, the first date after it in
    /// its clause. `None` for the other orders.
    fn introduced<'d>(
        &self,
        doc: &'d Document<'_>,
        order: Order,
    ) -> Option<&'d crate::date::DateMention> {
        let mut dates = doc.dates_in(self.block, &self.sentence).iter().filter(|m| {
            m.block == self.block
                && self.sentence.start <= m.view.start
                && m.view.end <= self.sentence.end
                && m.view.start >= self.at.end
        });
        match order {
            Order::Since => dates.find(|m| m.view.start - self.at.end <= 2),
            Order::After | Order::Before => {
                let end = clause_end(doc, self.block, self.at.start).max(self.at.end + 1);
                dates.find(|m| m.view.start < end)
            }
            Order::Later | Order::Earlier => None,
        }
    }
}

impl DateOrder {
    fn found(&self, doc: &Document<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        // The first word of every phrase: a sentence none of whose words
        // can be one of them is passed over without keying its words.
        let firsts: Vec<&str> = self
            .words
            .iter()
            .flat_map(|(_, list)| list.phrases(doc.lang))
            .filter_map(|p| p.first().map(String::as_str))
            .collect();
        // The last characters of the phrases' words: a word whose key ends
        // with none of them is none of those words, and is not keyed (an
        // empty word, which every key ends with, turns this off).
        let lasts: Option<rustc_hash::FxHashSet<char>> = self
            .words
            .iter()
            .flat_map(|(_, list)| list.phrases(doc.lang))
            .flatten()
            .map(|w| w.chars().last())
            .collect();
        let mut keys = super::fact_amount::WordKeys::for_document(doc);
        for (bi, block) in doc.blocks.iter().enumerate() {
            for sentence in &block.sentences {
                let sentence = &sentence.range();
                // Every order the check reads has a date in the sentence.
                if doc.dates_in(bi, sentence).is_empty() {
                    continue;
                }
                // The key of an ASCII word is its lower case (see
                // `entity::key`); other words may be anything.
                let may_match = block.words_in(sentence).iter().any(|w| {
                    let t = &block.text[w.range()];
                    !t.is_ascii() || firsts.iter().any(|f| f.eq_ignore_ascii_case(t))
                });
                if !may_match {
                    continue;
                }
                let words =
                    doc.data
                        .sentence_keys()
                        .words(doc, bi, sentence, &mut keys, lasts.as_ref());
                for (order, list) in &self.words {
                    for phrase in list.phrases(doc.lang) {
                        for at in words.find_phrase(phrase) {
                            out.push(Found {
                                order: *order,
                                at,
                                block: bi,
                                sentence: sentence.clone(),
                            });
                        }
                    }
                }
            }
        }
        out.sort_by_key(|f| (f.block, f.at.start));
        out
    }
}

/// The clause boundaries of a block around `pos`.
fn clause_end(doc: &Document<'_>, block: usize, pos: usize) -> usize {
    let b = &doc.blocks[block];
    b.clause_at(pos).map_or(pos, |i| b.clauses[i].end as usize)
}

impl Check for DateOrder {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::DATES
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let dates = doc.dates();
        if dates.is_empty() {
            return;
        }
        let durations = doc.durations();
        let text = doc.text();
        let dated = |m: &DateMention| m.interval().filter(|_| m.iso().is_some());
        let mut reported = rustc_hash::FxHashSet::default();
        let found = self.found(doc);
        // The dates that an ordering word introduces (`since 1985`, `after
        // … in 2021`): each belongs to its own word, and is no other word's
        // main event (`5.5 % (after 1.6 % in 2021), a pace unseen since
        // 1985` orders nothing between 2021 and 1985).
        let introduced: rustc_hash::FxHashSet<crate::source::Span> = found
            .iter()
            .filter_map(|f| f.introduced(doc, f.order))
            .map(|m| m.span)
            .collect();
        for f in found {
            // A word inside a date (`قبل ثلاثة أيام`, `بعد غد`) is not an
            // ordering word.
            let sentence_dates = doc.dates_in(f.block, &f.sentence);
            if sentence_dates
                .iter()
                .any(|m| m.view.start <= f.at.start && f.at.end <= m.view.end)
            {
                continue;
            }
            // The spans of time of the sentence.
            let lo = durations
                .partition_point(|d| (d.block, d.view.start) < (f.block, f.sentence.start));
            let hi =
                durations.partition_point(|d| (d.block, d.view.start) < (f.block, f.sentence.end));
            let durations = &durations[lo..hi.max(lo)];
            let in_sentence = |m: &&DateMention| {
                m.block == f.block
                    && f.sentence.start <= m.view.start
                    && m.view.end <= f.sentence.end
            };
            let word = text
                .get(doc.blocks[f.block].span_of(f.at.clone()).range())
                .unwrap_or_default()
                .to_owned();
            // A span of time just before the word: `two years after`,
            // `ten years later`.
            let duration: Option<&Duration> = durations.iter().find(|d| {
                d.block == f.block && d.view.end <= f.at.start && f.at.start - d.view.end <= 2
            });
            // `بعد عشر سنوات`, `après dix ans`: a span of time after the
            // word makes it `later` (`earlier` for `before`).
            let after_word: Option<&Duration> = durations.iter().find(|d| {
                d.block == f.block && d.view.start >= f.at.end && d.view.start - f.at.end <= 2
            });
            let (order, duration) = match (f.order, duration, after_word) {
                (Order::After, None, Some(d)) => (Order::Later, Some(d)),
                (Order::Before, None, Some(d)) => (Order::Earlier, Some(d)),
                (o, d, _) => (o, d),
            };
            match order {
                Order::Since => {
                    let Some(published) = doc.published() else {
                        continue;
                    };
                    let Some(m) = f.introduced(doc, order) else {
                        continue;
                    };
                    let Some((start, _)) = dated(m) else { continue };
                    if start > published && reported.insert(m.span) {
                        out.push(
                            Hit::new(m.span)
                                .var("word", word)
                                .var("published", published.to_string())
                                .var("other", published.to_string())
                                .var("other_text", format!("published {published}"))
                                .var("expected", format!("a date before {published}")),
                        );
                    }
                }
                Order::After | Order::Before => {
                    let end = clause_end(doc, f.block, f.at.start);
                    let Some(sub) = f.introduced(doc, order) else {
                        continue;
                    };
                    // The main event: the nearest other date of the
                    // sentence, before the word or after the introduced one.
                    let main = sentence_dates
                        .iter()
                        .filter(in_sentence)
                        .filter(|m| m.view.end <= f.at.start || m.view.start >= sub.view.end)
                        .filter(|m| m.view.start >= end || m.view.end <= f.at.start)
                        .filter(|m| !introduced.contains(&m.span))
                        .min_by_key(|m| {
                            if m.view.end <= f.at.start {
                                f.at.start - m.view.end
                            } else {
                                m.view.start - sub.view.end
                            }
                        });
                    let Some(main) = main else { continue };
                    let (Some(s), Some(mi)) = (dated(sub), dated(main)) else {
                        continue;
                    };
                    let after = order == Order::After;
                    let (bad, expected) = match duration {
                        Some(d) => {
                            let n = i64::from(d.count) * if after { 1 } else { -1 };
                            let (Some(lo), Some(hi)) = (
                                shift(s.0, d.unit, n).and_then(|x| shift(x, d.unit, -1)),
                                shift(s.1, d.unit, n).and_then(|x| shift(x, d.unit, 1)),
                            ) else {
                                continue;
                            };
                            (!meets(mi, (lo, hi)), show_range(s, d.unit, n))
                        }
                        None if after => (mi.1 < s.0, format!("after {}", show(sub))),
                        None => (mi.0 > s.1, format!("before {}", show(sub))),
                    };
                    if bad && reported.insert(main.span) {
                        out.push(
                            Hit::new(main.span)
                                .var("word", word)
                                .var("other", show(sub))
                                .var(
                                    "other_text",
                                    text.get(sub.span.range()).unwrap_or_default().to_owned(),
                                )
                                .var("expected", expected)
                                .var("published", String::new())
                                .related(sub.span, "the date the ordering word refers to"),
                        );
                    }
                }
                Order::Later | Order::Earlier => {
                    let Some(d) = duration else { continue };
                    // The date after the word, in its sentence.
                    let Some(next) = sentence_dates
                        .iter()
                        .filter(in_sentence)
                        .find(|m| m.view.start >= f.at.end.max(d.view.end))
                    else {
                        continue;
                    };
                    // The last date before the span of time: in the
                    // sentence, else in the previous sentence of the block.
                    let block = &doc.blocks[f.block];
                    let prev_sentence = block
                        .sentences
                        .iter()
                        .rev()
                        .find(|s| s.end as usize <= f.sentence.start)
                        .map(|s| s.range());
                    let anchor = d.view.start.min(f.at.start);
                    let from = prev_sentence.map_or(f.sentence.start, |p| p.start);
                    let prev = doc
                        .dates_in(f.block, &(from..anchor))
                        .iter()
                        .rev()
                        .find(|m| m.view.end <= anchor);
                    let Some(prev) = prev else { continue };
                    let (Some(p), Some(nx)) = (dated(prev), dated(next)) else {
                        continue;
                    };
                    let n = i64::from(d.count) * if order == Order::Later { 1 } else { -1 };
                    let (Some(lo), Some(hi)) = (
                        shift(p.0, d.unit, n).and_then(|x| shift(x, d.unit, -1)),
                        shift(p.1, d.unit, n).and_then(|x| shift(x, d.unit, 1)),
                    ) else {
                        continue;
                    };
                    if !meets(nx, (lo, hi)) && reported.insert(next.span) {
                        out.push(
                            Hit::new(next.span)
                                .var("word", word)
                                .var("other", show(prev))
                                .var(
                                    "other_text",
                                    text.get(prev.span.range()).unwrap_or_default().to_owned(),
                                )
                                .var("expected", show_range(p, d.unit, n))
                                .var("published", String::new())
                                .related(prev.span, "the date the span of time counts from"),
                        );
                    }
                }
            }
        }
    }

    fn weight(&self) -> u8 {
        3
    }
}

fn show(m: &DateMention) -> String {
    m.iso().unwrap_or_else(|| "?".into())
}

/// What `n` units from an interval gives, at the unit's precision:
/// `about 2025`, `about 2025-03`.
fn show_range(from: (NaiveDate, NaiveDate), unit: char, n: i64) -> String {
    let Some(d) = shift(from.0, unit, n) else {
        return "?".into();
    };
    match unit {
        'y' => format!("about {}", d.format("%Y")),
        'm' => format!("about {}", d.format("%Y-%m")),
        _ => format!("about {}", d.format("%Y-%m-%d")),
    }
}
