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
pub mod hijri;
pub(crate) mod lexicon;

use std::ops::Range;

pub use extract::{Duration, Pass, extract, extract_all};

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
    /// Original span of the sentence it is in.
    pub sentence: Span,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<chrono::Weekday>,
    /// For a relative expression, what it says, unresolved: `day-1`
    /// (yesterday), `week+1`, `month-1`, `year+0`, `month=12 last`,
    /// `weekday=2 next`.
    pub relative: Option<String>,
    pub precision: Precision,
    /// A Hijri date as written (year, month, day); the Gregorian fields
    /// then hold its Umm al-Qura equivalent.
    pub hijri: Option<(i32, u32, u32)>,
    /// The index (in the document's dates) of a date given as the same day
    /// (`10 شعبان 1446 هـ الموافق 9 فبراير 2025`, `9 February (10 Shaban)`).
    pub pair: Option<usize>,
}

impl DateMention {
    /// The date in ISO 8601 at its precision (`2019`, `2024-12`,
    /// `2025-02-10`; a week as its Monday, `2025-W06`), or `None` when the
    /// year is unknown (an unresolved relative date, a day and month alone).
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        if self.impossible().is_some() {
            return None;
        }
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

impl DateMention {
    /// The first and last day the mention may stand for (a year is its 1
    /// January to 31 December), or `None` without a year or for a date that
    /// does not exist.
    pub fn interval(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        use chrono::NaiveDate;
        let y = self.year?;
        match self.precision {
            Precision::Year => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            Precision::Month => {
                let first = NaiveDate::from_ymd_opt(y, self.month?, 1)?;
                let next = first.checked_add_months(chrono::Months::new(1))?;
                Some((first, next.pred_opt()?))
            }
            Precision::Week => {
                let monday = NaiveDate::from_ymd_opt(y, self.month?, self.day?)?;
                Some((monday, monday.checked_add_days(chrono::Days::new(6))?))
            }
            Precision::Day => {
                let d = NaiveDate::from_ymd_opt(y, self.month?, self.day?)?;
                Some((d, d))
            }
        }
    }

    /// True for a day and month written without a year, whose year was
    /// inferred from the publication date.
    pub fn year_guessed(&self) -> bool {
        self.relative.as_deref() == Some("no year")
    }

    /// Why the date cannot exist (`31 April`, `29 February 2023`, month
    /// 13), or `None`.
    pub fn impossible(&self) -> Option<Impossible> {
        if self.hijri.is_some() || self.precision != Precision::Day {
            return None;
        }
        let (m, d) = (self.month?, self.day?);
        if !(1..=12).contains(&m) {
            return Some(Impossible::Month(m));
        }
        // Without a year, 29 February may be a leap day.
        let y = self.year.unwrap_or(2000);
        let days = days_in_month(y, m)?;
        if d > days {
            return Some(if m == 2 && d == 29 {
                Impossible::NotLeap(y)
            } else {
                Impossible::Day { day: d, days }
            });
        }
        None
    }
}

/// How a date is impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impossible {
    Month(u32),
    /// The month has only `days` days.
    Day {
        day: u32,
        days: u32,
    },
    /// 29 February of a year that is not a leap year.
    NotLeap(i32),
}

/// The number of days of month `m` of year `y`.
pub fn days_in_month(y: i32, m: u32) -> Option<u32> {
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    u32::try_from((next - first).num_days()).ok()
}

/// The mentions of a timeline, in chronological order: dated ones by their
/// first day (a coarser mention before a finer one that starts the same
/// day: `2025` before `2025-02`), then undated ones (unresolved relative
/// dates) in text order. Impossible dates are left out.
pub fn timeline(dates: &[DateMention]) -> Vec<&DateMention> {
    let mut dated: Vec<(chrono::NaiveDate, Precision, u32, &DateMention)> = Vec::new();
    let mut undated = Vec::new();
    for d in dates {
        if d.impossible().is_some() {
            continue;
        }
        match d.interval() {
            Some((start, _)) if d.iso().is_some() => {
                dated.push((start, d.precision, d.span.start, d));
            }
            _ => undated.push(d),
        }
    }
    dated.sort_by_key(|(start, p, pos, _)| (*start, *p, *pos));
    dated
        .into_iter()
        .map(|(_, _, _, d)| d)
        .chain(undated)
        .collect()
}
