//! Dates: the dated mentions of an article (full dates, months, years,
//! weekdays, relative expressions), mapped to byte spans of the original
//! text and resolved against the publication date when there is one.
//!
//! [`extract`] reads each prose block once: it normalizes the block (digits
//! of every script to ASCII, Arabic letter forms, lower case), cuts it into
//! tokens and reads dates at each token. The words it knows come from the
//! data files `rules/data/date-{ar,fr,en}.toml` (see `lexicon.rs`); all
//! three languages' words are known in every document (a French article
//! may quote an English date), only the order of numeric dates depends on
//! the document's language.

mod extract;
mod lexicon;

use std::ops::Range;

pub use extract::extract;

use crate::source::Span;

/// How much of a date the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    /// A week (`last week`): the date fields hold its Monday.
    Week,
    Day,
}

/// One dated mention of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Original byte span of the whole expression (`الثلاثاء 10 فبراير 2025`,
    /// `ديسمبر الماضي`, `2019` after `عام`).
    pub span: Span,
    /// The block, and the view range there.
    pub block: usize,
    pub view: Range<usize>,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<chrono::Weekday>,
    /// For a relative expression, what it says, unresolved: `day-1`
    /// (yesterday), `week+1`, `month-1`, `year+0`, `month=12 last`,
    /// `weekday=2 next`.
    pub relative: Option<String>,
    pub precision: Precision,
}

impl DateMention {
    /// The date in ISO 8601 at its precision (`2019`, `2024-12`,
    /// `2025-02-10`; a week as its Monday, `2025-W06`), or `None` when the
    /// year is unknown (an unresolved relative date, a day and month alone).
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(match self.precision {
            Precision::Year => format!("{y:04}"),
            Precision::Month => format!("{y:04}-{:02}", self.month?),
            Precision::Day => format!("{y:04}-{:02}-{:02}", self.month?, self.day?),
            Precision::Week => {
                let d = chrono::NaiveDate::from_ymd_opt(y, self.month?, self.day?)?;
                let w = chrono::Datelike::iso_week(&d);
                format!("{:04}-W{:02}", w.year(), w.week())
            }
        })
    }
}
