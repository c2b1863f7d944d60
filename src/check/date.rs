//! Date checks that read one dated mention, or a pair written side by side
//! (see `crate::date` for the extraction):
//!
//! - `weekday-mismatch`: a weekday that is not the weekday of its date
//!   (`الثلاثاء 10 فبراير 2025`: a Monday);
//! - `impossible-date`: a date that does not exist (`31 April`, `29
//!   February 2023`, month 13);
//! - `hijri-mismatch`: a Hijri and a Gregorian date given as the same day
//!   that are not;
//! - `relative-conflict`: a relative date that contradicts the weekday or
//!   the explicit date written beside it (`yesterday, Friday` in an article
//!   published on a Monday; `last December (December 2023)` in 2025).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::date::{DateMention, Impossible, Precision, hijri};
use crate::document::Document;
use crate::rules::Data;

/// The English name of a weekday.
pub(super) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// `Monday 10 February 2025`.
pub(super) fn long_date(d: NaiveDate) -> String {
    format!("{} {}", weekday_name(d.weekday()), d.format("%-d %B %Y"))
}

/// The day with weekday `w` nearest to `d` (within three days).
fn nearest_weekday(d: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let diff = i64::from(w.num_days_from_monday()) - i64::from(d.weekday().num_days_from_monday());
    let diff = match diff {
        4..=6 => diff - 7,
        -6..=-4 => diff + 7,
        x => x,
    };
    d.checked_add_signed(chrono::Duration::days(diff))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct NoParams {}

// ---------------------------------------------------------------------------

#[derive(Debug)]
pub(crate) struct WeekdayMismatch;

impl Kind for WeekdayMismatch {
    const NAME: &'static str = "weekday-mismatch";
    const PLACEHOLDERS: &'static [&'static str] = &["weekday", "date", "actual", "implied"];
    type Params = NoParams;
    fn build(_: NoParams, _: &Data) -> Result<Self, String> {
        Ok(WeekdayMismatch)
    }
}

impl Check for WeekdayMismatch {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::DATES
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        for m in doc.dates() {
            // Relative dates with a weekday are `relative-conflict`'s; a
            // day and month without a year (`Monday, Nov. 23`) are checked
            // in the year nearest to publication.
            let Some(w) = m.weekday else { continue };
            if m.relative.is_some() && !m.year_guessed() {
                continue;
            }
            if m.precision != Precision::Day || m.impossible().is_some() {
                continue;
            }
            let Some(date) = m.interval().map(|(d, _)| d) else {
                continue;
            };
            if let Some((y, mo, d)) = m.hijri {
                // A Hijri date may be a day off either way.
                if hijri::plausible(y, mo, d).iter().any(|g| g.weekday() == w) {
                    continue;
                }
            } else if date.weekday() == w {
                continue;
            }
            let mut hit = Hit::new(m.span)
                .var("weekday", weekday_name(w))
                .var("date", date.format("%-d %B %Y").to_string())
                .var("actual", weekday_name(date.weekday()));
            hit = match nearest_weekday(date, w) {
                Some(n) => hit.var("implied", n.format("%-d %B").to_string()),
                None => hit.var("implied", "?"),
            };
            out.push(hit);
        }
    }
}

// ---------------------------------------------------------------------------

#[derive(Debug)]
pub(crate) struct ImpossibleDate;

impl Kind for ImpossibleDate {
    const NAME: &'static str = "impossible-date";
    const PLACEHOLDERS: &'static [&'static str] = &["reason"];
    type Params = NoParams;
    fn build(_: NoParams, _: &Data) -> Result<Self, String> {
        Ok(ImpossibleDate)
    }
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    m.checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

impl Check for ImpossibleDate {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::DATES
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        for m in doc.dates() {
            let Some(why) = m.impossible() else { continue };
            let reason = match why {
                Impossible::Month(n) => format!("there is no month {n}"),
                Impossible::Day { day, days } => format!(
                    "{} has {days} days, not {day}",
                    month_name(m.month.unwrap_or(0))
                ),
                Impossible::NotLeap(y) => {
                    format!("{y} is not a leap year: February had 28 days")
                }
            };
            out.push(Hit::new(m.span).var("reason", reason));
        }
    }
}

// ---------------------------------------------------------------------------

#[derive(Debug)]
pub(crate) struct HijriMismatch;

impl Kind for HijriMismatch {
    const NAME: &'static str = "hijri-mismatch";
    const PLACEHOLDERS: &'static [&'static str] =
        &["other_text", "hijri", "gregorian", "umm_al_qura", "tabular"];
    type Params = NoParams;
    fn build(_: NoParams, _: &Data) -> Result<Self, String> {
        Ok(HijriMismatch)
    }
}

impl Check for HijriMismatch {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::DATES
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let dates = doc.dates();
        for (index, first) in dates.iter().enumerate() {
            let Some(other) = first.pair.filter(|&other| other > index) else {
                continue;
            };
            let second = &dates[other];
            let (hijri_date, greg) = match (first.hijri.is_some(), second.hijri.is_some()) {
                (true, false) => (first, second),
                (false, true) => (second, first),
                _ => continue,
            };
            let Some((y, mo, d)) = hijri_date.hijri else {
                continue;
            };
            let Some((gd, _)) = greg.interval().filter(|_| greg.precision == Precision::Day) else {
                continue;
            };
            let plausible = hijri::plausible(y, mo, d);
            if plausible.is_empty() || plausible.contains(&gd) {
                continue;
            }
            let show = |r| hijri::to_gregorian(y, mo, d, r).map_or_else(|| "?".into(), long_date);
            let text = |m: &DateMention| {
                doc.text()
                    .get(m.span.range())
                    .unwrap_or_default()
                    .to_owned()
            };
            out.push(
                Hit::new(second.span)
                    .var("other_text", text(first))
                    .var("hijri", format!("{d} {} {y} AH", hijri_month_name(mo)))
                    .var("gregorian", long_date(gd))
                    .var("umm_al_qura", show(hijri::Reckoning::UmmAlQura))
                    .var("tabular", show(hijri::Reckoning::Tabular))
                    .related(first.span, "given as the same day"),
            );
        }
    }
}

fn hijri_month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Muharram",
        "Safar",
        "Rabi al-Awwal",
        "Rabi al-Thani",
        "Jumada al-Ula",
        "Jumada al-Akhirah",
        "Rajab",
        "Shaban",
        "Ramadan",
        "Shawwal",
        "Dhu al-Qadah",
        "Dhu al-Hijjah",
    ];
    m.checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RelativeParams {
    /// The most characters between a relative date and an explicit one for
    /// them to be one date written twice (`last December (December 2023)`).
    max_gap: usize,
    /// Words that may stand between them besides punctuation (`in`, `في`).
    links: Vec<String>,
}

impl Default for RelativeParams {
    fn default() -> Self {
        RelativeParams {
            max_gap: 12,
            links: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub(crate) struct RelativeConflict {
    max_gap: usize,
    links: Vec<String>,
}

impl Kind for RelativeConflict {
    const NAME: &'static str = "relative-conflict";
    const PLACEHOLDERS: &'static [&'static str] = &["resolved", "published", "other", "other_text"];
    type Params = RelativeParams;
    fn build(p: RelativeParams, _: &Data) -> Result<Self, String> {
        Ok(RelativeConflict {
            max_gap: p.max_gap,
            links: p
                .links
                .iter()
                .map(|l| crate::entity::key(l))
                .filter(|l| !l.is_empty())
                .collect(),
        })
    }
}

fn show_interval(m: &DateMention) -> String {
    match (m.iso(), m.interval()) {
        (Some(_), Some((a, _))) if m.precision == Precision::Day => long_date(a),
        (Some(_), Some((a, _))) if m.precision == Precision::Month => a.format("%B %Y").to_string(),
        (Some(iso), _) => iso,
        _ => "?".into(),
    }
}

impl RelativeConflict {
    /// True when only punctuation, white space and link words separate two
    /// mentions.
    fn adjacent(&self, text: &str, a: &DateMention, b: &DateMention) -> bool {
        let (first, second) = if a.span.start <= b.span.start {
            (a, b)
        } else {
            (b, a)
        };
        if first.span.end > second.span.start || first.block != second.block {
            return false;
        }
        let Some(gap) = text.get(first.span.end as usize..second.span.start as usize) else {
            return false;
        };
        if gap.chars().count() > self.max_gap || gap.contains('\n') {
            return false;
        }
        gap.split(|c: char| c.is_whitespace() || ",،()[]–—-:".contains(c))
            .filter(|w| !w.is_empty())
            .all(|w| self.links.contains(&crate::entity::key(w)))
    }
}

impl Check for RelativeConflict {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::DATES.when(doc.published().is_some())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let Some(published) = doc.published() else {
            return;
        };
        let dates = doc.dates();
        let text = doc.text();
        for (i, m) in dates.iter().enumerate() {
            if m.relative.is_none() {
                continue;
            }
            let Some((start, end)) = m.interval() else {
                continue;
            };
            // `yesterday, Friday`.
            if let Some(w) = m.weekday
                && m.precision == Precision::Day
                && start.weekday() != w
            {
                out.push(
                    Hit::new(m.span)
                        .var("resolved", long_date(start))
                        .var("published", long_date(published))
                        .var("other", weekday_name(w))
                        .var("other_text", weekday_name(w)),
                );
                continue;
            }
            // An explicit date written beside it (in the same block).
            for j in crate::document::placed_range(dates, m.block, &(0..usize::MAX)) {
                let e = &dates[j];
                if j == i || e.relative.is_some() || e.hijri.is_some() {
                    continue;
                }
                let Some((es, ee)) = e.interval() else {
                    continue;
                };
                if !self.adjacent(text, m, e) || (es <= end && start <= ee) {
                    continue;
                }
                out.push(
                    Hit::new(m.span)
                        .var("resolved", show_interval(m))
                        .var("published", long_date(published))
                        .var("other", show_interval(e))
                        .var(
                            "other_text",
                            text.get(e.span.range()).unwrap_or_default().to_owned(),
                        )
                        .related(e.span, "the date written beside it"),
                );
                break;
            }
        }
    }
}
