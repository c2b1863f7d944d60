//! `future-date`: an event dated after the publication date but reported
//! in the past tense (`the summit was held on 12 March` in an article of
//! February): a wrong year, a wrong month, or a story that went out before
//! its embargo. The past-tense cues of the event (not reporting verbs: `said
//! the vote will be in March` is fine) and the future cues that cancel them
//! are the rule file's lists, matched in the date's clause.

use serde::Deserialize;

use super::fact_amount::find_phrase;
use super::{Check, Hit, HitSink, Kind, LangWords, Reads};
use crate::document::Document;
use crate::rules::Data;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    past: LangWords,
    future: LangWords,
    /// How many words before or after the date a cue may be.
    window: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            past: LangWords::default(),
            future: LangWords::default(),
            window: 6,
        }
    }
}

#[derive(Debug)]
pub(crate) struct FutureDate {
    past: LangWords,
    future: LangWords,
    window: usize,
}

impl Kind for FutureDate {
    const NAME: &'static str = "future-date";
    const PLACEHOLDERS: &'static [&'static str] = &["date", "published", "cue"];
    type Params = Params;
    fn build(p: Params, _: &Data) -> Result<Self, String> {
        Ok(FutureDate {
            past: p.past,
            future: p.future,
            window: p.window,
        })
    }
}

impl Check for FutureDate {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::DATES.when(doc.published().is_some())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let Some(published) = doc.published() else {
            return;
        };
        let past = self.past.phrases(doc.lang);
        let future = self.future.phrases(doc.lang);
        let mut keys = super::fact_amount::WordKeys::for_document(doc);
        for m in doc.dates() {
            // Only dates that give their year: a relative date or a day
            // without a year is resolved by a guess about the publication.
            if m.relative.is_some() {
                continue;
            }
            let Some((start, _)) = m.interval().filter(|_| m.iso().is_some()) else {
                continue;
            };
            if start <= published {
                continue;
            }
            let block = &doc.blocks[m.block];
            let Some(clause) = block
                .clause_at(m.view.start)
                .map(|i| block.clauses[i].range())
            else {
                continue;
            };
            // The cue must be near the date (`was held on 12 March`), not
            // the verb of another event of the clause.
            let words = doc
                .data
                .sentence_keys()
                .words(doc, m.block, &clause, &mut keys, None);
            let first = words.partition_point(|w| w.end <= m.view.start);
            let last = words.partition_point(|w| w.at < m.view.end);
            let lo = first.saturating_sub(self.window);
            let hi = (last + self.window).min(words.len());
            let words = &words[lo..hi];
            let find = |phrases: &[Vec<String>]| {
                phrases
                    .iter()
                    .find_map(|p| find_phrase(words, p).into_iter().next())
            };
            if find(future).is_some() {
                continue;
            }
            let Some(cue) = find(past) else { continue };
            let cue_text = block.text.get(cue).unwrap_or_default().to_owned();
            out.push(
                Hit::new(m.span)
                    .var("date", m.iso().unwrap_or_default())
                    .var("published", published.to_string())
                    .var("cue", cue_text),
            );
        }
    }
}
