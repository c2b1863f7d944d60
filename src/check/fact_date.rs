//! `fact-date`: a date that contradicts a dated event of a fact sheet
//! (`rules/facts/*.toml`, `--facts FILE`; see `crate::fact`): a fact
//! without a value is an event (`OpenAI founded`, December 2015), and a
//! sentence about it (its entities, words and cues, as for `fact-amount`)
//! that dates it otherwise is reported.
//!
//! Only the dates of a clause that holds one of the fact's cues count (in
//! `OpenAI was founded by Musk and Altman, who left in 2018`, 2018 dates
//! another event); when one of them agrees with the fact, the others are
//! about something else. Dates are intervals: `2015` agrees with December
//! 2015, `2016` does not.

use rustc_hash::FxHashSet as HashSet;

use chrono::NaiveDate;

use super::fact_amount::{FactAmount, sentence_entities};
use super::{Check, Hit, HitSink, Kind, Reads};
use crate::date::DateMention;
use crate::document::Document;
use crate::fact::Fact;
use crate::rules::Data;

#[derive(Debug)]
pub(crate) struct FactDate;

impl Kind for FactDate {
    const NAME: &'static str = "fact-date";
    const PLACEHOLDERS: &'static [&'static str] =
        &["date", "fact", "fact_date", "source", "where", "id"];
    type Params = super::date::NoParams;
    fn build(_: Self::Params, _: &Data) -> Result<Self, String> {
        Ok(FactDate)
    }
}

/// The interval of a fact's date (`2015`, `2015-12`, `2015-12-11`).
fn fact_interval(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let (m1, m2) = match parts.get(1) {
        Some(m) => {
            let m: u32 = m.parse().ok()?;
            (m, m)
        }
        None => (1, 12),
    };
    let start = NaiveDate::from_ymd_opt(y, m1, 1)?;
    let end_first = NaiveDate::from_ymd_opt(y, m2, 1)?;
    let end = end_first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    match parts.get(2) {
        Some(d) => {
            let d = NaiveDate::from_ymd_opt(y, m1, d.parse().ok()?)?;
            Some((d, d))
        }
        None => Some((start, end)),
    }
}

impl Check for FactDate {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        let events = doc.data.facts.list.iter().any(|f| f.is_event);
        Reads::DATES.and(Reads::ENTITIES).when(events)
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let facts = &doc.data.facts;
        if !facts.list.iter().any(|f| f.is_event) {
            return;
        }
        let dates = doc.dates();
        if dates.is_empty() {
            return;
        }
        let mut reported = HashSet::default();
        let mut keys = super::fact_amount::WordKeys::for_document(doc);
        for (bi, block) in doc.blocks.iter().enumerate() {
            for sentence in &block.sentences {
                let sentence = &sentence.range();
                let inside: Vec<&DateMention> = doc
                    .dates_in(bi, sentence)
                    .iter()
                    .filter(|m| {
                        m.view.end <= sentence.end && m.iso().is_some() && !m.year_guessed()
                    })
                    .collect();
                if inside.is_empty() {
                    continue;
                }
                let entities = sentence_entities(doc, bi, sentence);
                // The sentence's words are keyed only when an event's
                // entities are all named there (most sentences name none).
                let named = |f: &crate::fact::Fact| f.entities.iter().all(|e| entities.contains(e));
                if !facts.list.iter().any(|f| f.is_event && named(f)) {
                    continue;
                }
                let words = doc
                    .data
                    .sentence_keys()
                    .words(doc, bi, sentence, &mut keys, None);
                for f in facts.list.iter().filter(|f| f.is_event) {
                    let Some(cues) = FactAmount::subject(doc.lang, f, &words, &entities) else {
                        continue;
                    };
                    let Some(fi) = f.date.as_deref().and_then(fact_interval) else {
                        continue;
                    };
                    let clause_of = |pos: usize| block.clause_at(pos);
                    let cue_clauses: HashSet<Option<usize>> =
                        cues.iter().map(|&c| clause_of(c)).collect();
                    let near: Vec<&&DateMention> = inside
                        .iter()
                        .filter(|m| cue_clauses.contains(&clause_of(m.view.start)))
                        .collect();
                    let agrees =
                        |m: &DateMention| m.interval().is_some_and(|(a, b)| a <= fi.1 && fi.0 <= b);
                    if near.is_empty() || near.iter().any(|m| agrees(m)) {
                        continue;
                    }
                    let Some(m) = near.iter().min_by_key(|m| {
                        cues.iter()
                            .map(|&c| c.abs_diff(m.view.start))
                            .min()
                            .unwrap_or(0)
                    }) else {
                        continue;
                    };
                    if !reported.insert(m.span) {
                        continue;
                    }
                    out.push(event_hit(m, f));
                }
            }
        }
    }
}

fn event_hit<'f>(m: &DateMention, f: &'f Fact) -> Hit<'f> {
    Hit::new(m.span)
        .var("date", m.iso().unwrap_or_default())
        .var("fact", f.description.clone())
        .var("fact_date", f.date.clone().unwrap_or_default())
        .var("source", f.source.clone())
        .var("where", format!("{}:{}", f.origin, f.line))
        .var("id", f.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_intervals() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            fact_interval("2015"),
            Some((d(2015, 1, 1), d(2015, 12, 31)))
        );
        assert_eq!(
            fact_interval("2024-02"),
            Some((d(2024, 2, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            fact_interval("2015-12-11"),
            Some((d(2015, 12, 11), d(2015, 12, 11)))
        );
        assert_eq!(fact_interval("2015-13"), None);
    }
}
