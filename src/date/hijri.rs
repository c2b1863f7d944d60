//! Hijri dates converted to the Gregorian calendar with ICU4X
//! (`icu_calendar`): the Umm al-Qura calendar of Saudi Arabia (KACST's
//! computations, the reference of most Arabic news sites), and the
//! arithmetical (tabular) Islamic calendar, which many other sources use.
//! Countries that follow the sighting of the new moon may be one day off
//! either; the `date/hijri-mismatch` check allows that day.

use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::cal::Hijri;
use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};

/// How the Hijri months are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reckoning {
    /// Umm al-Qura (Saudi Arabia's official calendar).
    UmmAlQura,
    /// The tabular calendar (type II leap years, Friday epoch).
    Tabular,
}

/// The Gregorian date of Hijri `year`-`month`-`day`, or `None` when the
/// Hijri date does not exist (day 30 of a 29-day month, month 13).
pub fn to_gregorian(year: i32, month: u32, day: u32, reckoning: Reckoning) -> Option<NaiveDate> {
    let m = u8::try_from(month).ok()?;
    let d = u8::try_from(day).ok()?;
    let iso = match reckoning {
        Reckoning::UmmAlQura => {
            Date::try_new_hijri_with_calendar(year, m, d, Hijri::new_umm_al_qura())
                .ok()?
                .to_iso()
        }
        Reckoning::Tabular => Date::try_new_hijri_with_calendar(
            year,
            m,
            d,
            Hijri::new_tabular(
                TabularAlgorithmLeapYears::TypeII,
                TabularAlgorithmEpoch::Friday,
            ),
        )
        .ok()?
        .to_iso(),
    };
    NaiveDate::from_ymd_opt(
        iso.extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

/// The Gregorian dates a Hijri date may stand for: its Umm al-Qura and
/// tabular equivalents, and one day either side of them (sighting-based
/// calendars).
pub fn plausible(year: i32, month: u32, day: u32) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for r in [Reckoning::UmmAlQura, Reckoning::Tabular] {
        if let Some(g) = to_gregorian(year, month, day, r) {
            out.extend(g.pred_opt());
            out.push(g);
            out.extend(g.succ_opt());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn known_dates() {
        // 1 Ramadan 1446 was Saturday 1 March 2025 (Umm al-Qura).
        assert_eq!(
            to_gregorian(1446, 9, 1, Reckoning::UmmAlQura),
            Some(ymd(2025, 3, 1))
        );
        // 1 Muharram 1446 was 7 July 2024 (Umm al-Qura).
        assert_eq!(
            to_gregorian(1446, 1, 1, Reckoning::UmmAlQura),
            Some(ymd(2024, 7, 7))
        );
        // 10 Shaban 1446 = 9 February 2025.
        assert_eq!(
            to_gregorian(1446, 8, 10, Reckoning::UmmAlQura),
            Some(ymd(2025, 2, 9))
        );
        let t = to_gregorian(1446, 8, 10, Reckoning::Tabular).unwrap();
        assert!((t - ymd(2025, 2, 9)).num_days().abs() <= 2, "{t}");
    }

    #[test]
    fn impossible_hijri_dates() {
        assert_eq!(to_gregorian(1446, 13, 1, Reckoning::UmmAlQura), None);
        assert_eq!(to_gregorian(1446, 1, 31, Reckoning::UmmAlQura), None);
        assert_eq!(to_gregorian(1446, 0, 1, Reckoning::Tabular), None);
    }

    #[test]
    fn plausible_days_allow_one_day_either_side() {
        let p = plausible(1446, 8, 10);
        assert!(p.contains(&ymd(2025, 2, 8)));
        assert!(p.contains(&ymd(2025, 2, 10)));
        assert!(!p.contains(&ymd(2025, 2, 14)));
    }
}
