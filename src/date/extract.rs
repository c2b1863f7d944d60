//! Finding the dates of a document (see the module documentation).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{Kind, Lexicon, Phrases, Rel, Tok, Words, key, options, tokenize};
use super::{DateMention, Precision};
use crate::document::{Document, Lang};
use crate::source::{Normalized, normalize};

/// One normalized, tokenized block.
struct Ctx<'a> {
    norm: &'a Normalized,
    toks: &'a [Tok],
    lx: &'a Lexicon,
    lang: Lang,
    /// Where the forms of the word tokens without proclitics start
    /// besides 0 (`Lexicon::form_starts`), token after token: one list for
    /// the block, not one per word.
    cuts: Vec<usize>,
    /// For each token, its range of `cuts` (empty for other tokens).
    forms: Vec<(usize, usize)>,
    /// For each token, the bits of the lists one of its forms is in
    /// (`Lexicon::vocab`); 0 for other tokens.
    lists: Vec<u32>,
}

/// A date read from tokens `start..end`, before spans and resolution.
#[derive(Debug, Default, Clone)]
struct Draft {
    start: usize,
    end: usize,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    rel: Option<RelKind>,
    precision: Option<Precision>,
    /// A Hijri date as written (year, month, day).
    hijri: Option<(i32, u32, u32)>,
}

#[derive(Debug, Clone, Copy)]
enum RelKind {
    Offset(Rel),
    /// A named month or weekday, the previous (`false`) or next (`true`)
    /// occurrence.
    Month(u32, bool),
    Weekday(u32, bool),
    /// A weekday alone (`on Tuesday`): the last one on or before the
    /// publication date, or the next one after it (`true`) in a clause
    /// about the future.
    BareWeekday(u32, bool),
    /// A day and month without a year: the year that puts it nearest to
    /// the publication date.
    NoYear,
    /// The second weekday of `Thursday and Friday`: the first one on or
    /// after the weekday before it.
    WeekdayAfter(u32),
}

impl<'a> Ctx<'a> {
    fn new(norm: &'a Normalized, toks: &'a [Tok], lx: &'a Lexicon, lang: Lang) -> Ctx<'a> {
        let mut cuts = Vec::new();
        let forms = toks
            .iter()
            .map(|t| {
                let from = cuts.len();
                if t.kind == Kind::Word {
                    lx.form_starts(&norm.text[t.range.clone()], &mut cuts);
                }
                (from, cuts.len())
            })
            .collect();
        let mut cx = Ctx {
            norm,
            toks,
            lx,
            lang,
            cuts,
            forms,
            lists: Vec::new(),
        };
        cx.lists = (0..toks.len())
            .map(|i| {
                cx.forms_of(i)
                    .fold(0, |m, f| m | lx.vocab.get(f).copied().unwrap_or(0))
            })
            .collect();
        cx
    }

    /// The bits of the lists token `i` may start a match of (0 past the
    /// end).
    fn lists(&self, i: usize) -> u32 {
        self.lists.get(i).copied().unwrap_or(0)
    }

    /// Whether a date or a span of time may start at token `i`: every
    /// reading starts with a number or with a word of a list that opens one
    /// ([`Lexicon::openers`]), so other tokens (most words, and the words
    /// only read around a date: `of`, `in`, `to`) are passed over without
    /// trying each reading. (Debug builds, the tests among them, check that
    /// nothing starts at a token passed over.) The commonest openers open
    /// one reading only, which the next token already rules out: a word
    /// that only starts relative phrases (`the`, `this`) lets the token
    /// through where one of them is written there (`the day before
    /// yesterday`, not `the man`), a word that is only a number (`a`,
    /// `one`) where a unit follows it (`a week ago`, not `a man`).
    fn may_start(&self, i: usize) -> bool {
        if self.kind(i) == Some(Kind::Num) {
            return true;
        }
        let lx = self.lx;
        match self.lists(i) & lx.openers {
            0 => false,
            bits if bits == lx.relative.bit => self.phrase(&lx.relative, i).is_some(),
            bits if bits == lx.numbers.bit => self
                .phrase(&lx.numbers, i)
                .is_some_and(|(e, _)| self.lists(e) & lx.units.bit != 0),
            _ => true,
        }
    }

    /// The forms of word token `i` (itself, then without proclitics).
    #[inline]
    fn forms_of(&self, i: usize) -> impl Iterator<Item = &'a str> + '_ {
        let (text, word): (&'a str, bool) = match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => (&self.norm.text[t.range.clone()], true),
            _ => ("", false),
        };
        word.then_some(0)
            .into_iter()
            .chain(self.cuts_of(i).iter().copied())
            .map(move |s| &text[s..])
    }

    /// Where the forms of token `i` without proclitics start, besides 0.
    #[inline]
    fn cuts_of(&self, i: usize) -> &[usize] {
        self.forms
            .get(i)
            .map_or(&[], |&(from, to)| &self.cuts[from..to])
    }

    /// The key of token `i` (empty past the end).
    fn key(&self, i: usize) -> std::borrow::Cow<'a, str> {
        self.toks
            .get(i)
            .map_or(std::borrow::Cow::Borrowed(""), |t| key(&self.norm.text, t))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is(&self, i: usize, options: &[&str]) -> bool {
        i < self.toks.len() && options.contains(&&*self.key(i))
    }

    /// The value and digit count of a digit run at `i`.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i)? != Kind::Num {
            return None;
        }
        let k = self.key(i);
        if k.len() > 4 {
            return None;
        }
        Some((k.parse().ok()?, k.len()))
    }

    /// A day number at `i` (1 or 2 digits, 1–31) with a glued ordinal
    /// suffix; the token after it.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (d, n) = self.num(i)?;
        if n > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // Not part of a larger number (`1.5`, `10,000`).
        if i > 0 && self.toks[i].glued && self.is(i - 1, &[".", ",", "/", "-"]) {
            return None;
        }
        let mut e = i + 1;
        if self.kind(e) == Some(Kind::Word)
            && self.toks[e].glued
            && self.lx.ordinal_suffixes.contains(&self.key(e))
        {
            e += 1;
        }
        Some((d, e))
    }

    /// A four-digit year at `i` (1000–2200), with a glued era suffix.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (y, n) = self.num(i)?;
        if n != 4 || !(1000..=2200).contains(&y) {
            return None;
        }
        // Not glued to more digits or letters (`2019x`, `1,2019`).
        if i > 0 && self.toks[i].glued && self.is(i - 1, &[".", ","]) {
            return None;
        }
        let mut e = i + 1;
        if self.kind(e) == Some(Kind::Word) && self.toks[e].glued {
            if self.lx.year_suffixes.contains(&self.key(e)) {
                e += 1;
            } else {
                return None;
            }
        }
        Some((i32::try_from(y).ok()?, e))
    }

    /// Whether a form of word token `i` is in `set`.
    fn word_in(&self, set: &Words, i: usize) -> bool {
        self.lists(i) & set.bit != 0
    }

    /// The longest phrase of `set` at `i` (the first word may carry Arabic
    /// proclitics); the token after it.
    fn phrase<V: Copy>(&self, set: &Phrases<V>, i: usize) -> Option<(usize, V)> {
        if self.lists(i) & set.bit == 0 {
            return None; // no form of a word there starts a phrase of `set`
        }
        // A word without proclitics (every word of English and French) has
        // one form, whose phrases are listed in order already.
        let collected: Vec<usize>;
        let candidates = if self.cuts_of(i).is_empty() {
            set.starting_with(self.forms_of(i).next()?)
        } else {
            let mut all: Vec<usize> = self
                .forms_of(i)
                .flat_map(|f| set.starting_with(f).iter().copied())
                .collect();
            all.sort_unstable();
            all.dedup();
            collected = all;
            &collected
        };
        'outer: for (toks, v) in candidates.iter().map(|&c| &set.list[c]) {
            if i + toks.len() > self.toks.len() {
                continue;
            }
            for (j, t) in toks.iter().enumerate().skip(1) {
                if *self.key(i + j) != **t {
                    continue 'outer;
                }
            }
            return Some((i + toks.len(), *v));
        }
        None
    }

    /// A month name at `i`, with a paired name (`فبراير/شباط`,
    /// `شباط (فبراير)`) and an abbreviation's period.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let (mut e, m) = self.phrase(&self.lx.months, i)?;
        if self.is(e, &["/"])
            && let Some((e2, m2)) = self.phrase(&self.lx.months, e + 1)
            && m2 == m
        {
            e = e2;
        } else if self.is(e, &["("])
            && let Some((e2, m2)) = self.phrase(&self.lx.months, e + 1)
            && m2 == m
            && self.is(e2, &[")"])
        {
            e = e2 + 1;
        }
        // An abbreviation's period (`sept. 2020`, `Sept. 6`), not the end of
        // a sentence (`le 14 décembre.`).
        if self.is(e, &["."]) && self.toks[e].glued && self.kind(e + 1) == Some(Kind::Num) {
            e += 1;
        }
        Some((m, e))
    }

    fn comma(&self, i: usize) -> usize {
        if self.is(i, &[",", "،"]) { i + 1 } else { i }
    }

    /// An explicit date at `i`.
    fn date(&self, i: usize) -> Option<Draft> {
        self.numeric(i)
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i))
    }

    fn numeric(&self, i: usize) -> Option<Draft> {
        let glued = |j: usize| self.toks.get(j).is_some_and(|tok| tok.glued);
        // ISO: 2025-02-11.
        if let Some((y, 4)) = self.num(i)
            && self.is(i + 1, &["-"])
            && let Some((m, 1..=2)) = self.num(i + 2)
            && self.is(i + 3, &["-"])
            && let Some((d, 1..=2)) = self.num(i + 4)
            && (1..=4).all(|k| glued(i + k))
            && (1000..=2200).contains(&y)
            && (1..=31).contains(&m)
            && (1..=31).contains(&d)
        {
            return Some(Draft {
                start: i,
                end: i + 5,
                year: Some(i32::try_from(y).ok()?),
                month: Some(m),
                day: Some(d),
                precision: Some(Precision::Day),
                ..Draft::default()
            });
        }
        let (first, 1..=2) = self.num(i)? else {
            return None;
        };
        let sep = self.key(i + 1).into_owned();
        if !matches!(sep.as_str(), "/" | "." | "-") || !self.is(i + 3, &[sep.as_str()]) {
            return None;
        }
        let (second, 1..=2) = self.num(i + 2)? else {
            return None;
        };
        let (y, yn) = self.num(i + 4)?;
        // Slashes may be spaced (`1 / 8 / 1444هـ`), the other separators
        // not (`1 . 8 . 2020` is no date).
        let spaced_ok = sep == "/" && yn == 4;
        if !(spaced_ok || (1..=4).all(|k| glued(i + k))) || !(yn == 4 || yn == 2) {
            return None;
        }
        if i > 0 && self.toks[i].glued && self.kind(i - 1) != Some(Kind::Word) {
            return None;
        }
        if self.is(i + 5, &[sep.as_str()]) || self.kind(i + 5) == Some(Kind::Num) {
            return None;
        }
        // A year of the Hijri era (`1/8/1444هـ`): day first, as Arabic
        // writes it.
        if yn == 4 && (1300..=1500).contains(&y) && (1..=30).contains(&first) {
            let mut end = i + 5;
            if let Some((e2, ())) = self.phrase(&self.lx.hijri_suffixes, end) {
                end = e2;
            }
            return Self::hijri_draft(i, end, i32::try_from(y).ok()?, second, first);
        }
        let y = if yn == 2 { 2000 + y } else { y };
        let (d, m) = match self.lang {
            Lang::En if first <= 12 => (second, first),
            Lang::En => (first, second),
            _ if second > 12 && first <= 12 => (second, first),
            _ => (first, second),
        };
        // A month over 12 is kept (it is an impossible date) only with a
        // four-digit year: `13/13/2025`.
        if !(1..=31).contains(&m) || !(1..=31).contains(&d) || (m > 12 && yn != 4) {
            return None;
        }
        Some(Draft {
            start: i,
            end: i + 5,
            year: Some(i32::try_from(y).ok()?),
            month: Some(m),
            day: Some(d),
            precision: Some(Precision::Day),
            ..Draft::default()
        })
    }

    /// `10 فبراير 2025`, `1er mars`, `10th of February 2025`.
    fn day_first(&self, i: usize) -> Option<Draft> {
        let (d, mut e) = self.day(i)?;
        if self.word_in(&self.lx.links, e) {
            e += 1;
        }
        let (m, e) = self.month(e)?;
        let mut draft = Draft {
            start: i,
            end: e,
            month: Some(m),
            day: Some(d),
            precision: Some(Precision::Day),
            ..Draft::default()
        };
        let e2 = self.comma(e);
        if let Some((y, e3)) = self.year(e2) {
            draft.year = Some(y);
            draft.end = e3;
        }
        Some(draft)
    }

    /// `February 10, 2025`, `February 2025`, `فبراير 2025`, `ديسمبر الماضي`.
    fn month_first(&self, i: usize) -> Option<Draft> {
        let (m, e) = self.month(i)?;
        let mut draft = Draft {
            start: i,
            end: e,
            month: Some(m),
            ..Draft::default()
        };
        if let Some((d, e2)) = self.day(e)
            && self.kind(e2) != Some(Kind::Num)
        {
            draft.day = Some(d);
            draft.precision = Some(Precision::Day);
            draft.end = e2;
            let e3 = self.comma(e2);
            if let Some((y, e4)) = self.year(e3) {
                draft.year = Some(y);
                draft.end = e4;
            }
            return Some(draft);
        }
        let e2 = if self.is(e, &[","]) { e + 1 } else { e };
        if let Some((y, e3)) = self.year(e2) {
            draft.year = Some(y);
            draft.end = e3;
            draft.precision = Some(Precision::Month);
            return Some(draft);
        }
        let past = self.word_in(&self.lx.past_after, e);
        if past || self.word_in(&self.lx.next_after, e) {
            draft.end = e + 1;
            draft.rel = Some(RelKind::Month(m, !past));
            draft.precision = Some(Precision::Month);
            return Some(draft);
        }
        None
    }

    /// Where a date given as the same day as the one ending at `e` would
    /// start: after an equivalence word (`الموافق`), an opening
    /// parenthesis or a slash.
    fn equivalent_at(&self, e: usize) -> Option<usize> {
        let e = self.comma(e);
        if let Some((e2, ())) = self.phrase(&self.lx.equivalence, e) {
            return Some(e2);
        }
        self.is(e, &["(", "/"]).then_some(e + 1)
    }

    /// What starts at token `i`.
    fn at(&self, i: usize) -> Vec<Draft> {
        // A weekday before a date, or with `الماضي`, `dernier`.
        if let Some((e, w)) = self.phrase(&self.lx.weekdays, i) {
            let e2 = self.comma(e);
            if let Some(mut d) = self.date(e2)
                && d.day.is_some()
            {
                d.start = i;
                d.weekday = Some(w);
                if d.year.is_none() && d.rel.is_none() {
                    d.rel = Some(RelKind::NoYear);
                }
                return vec![d];
            }
            if let Some(mut d) = self.hijri(e2) {
                d.start = i;
                d.weekday = Some(w);
                return vec![d];
            }
            let past = self.word_in(&self.lx.past_after, e);
            if past || self.word_in(&self.lx.next_after, e) {
                return vec![Draft {
                    start: i,
                    end: e + 1,
                    weekday: Some(w),
                    rel: Some(RelKind::Weekday(w, !past)),
                    precision: Some(Precision::Day),
                    ..Draft::default()
                }];
            }
            // The second of two weekdays joined (`Thursday and Friday`)
            // is a day when the first is.
            let joined = self.joined_weekday(i).map(|j| !self.not_a_day(j));
            if joined != Some(false) && (joined == Some(true) || self.bare_weekday(i, e)) {
                let rel = if joined == Some(true) {
                    RelKind::WeekdayAfter(w)
                } else {
                    RelKind::BareWeekday(w, self.future_clause(i))
                };
                return vec![Draft {
                    start: i,
                    end: e,
                    weekday: Some(w),
                    rel: Some(rel),
                    precision: Some(Precision::Day),
                    ..Draft::default()
                }];
            }
        }
        if let Some(d) = self.hijri(i) {
            return vec![d];
        }
        if let Some(d) = self.ago(i) {
            return vec![d];
        }
        // `last December`, `next Tuesday`.
        let past = self.word_in(&self.lx.past_before, i);
        if past || self.word_in(&self.lx.next_before, i) {
            if let Some((m, e)) = self.month(i + 1) {
                return vec![Draft {
                    start: i,
                    end: e,
                    month: Some(m),
                    rel: Some(RelKind::Month(m, !past)),
                    precision: Some(Precision::Month),
                    ..Draft::default()
                }];
            }
            if let Some((e, w)) = self.phrase(&self.lx.weekdays, i + 1) {
                return vec![Draft {
                    start: i,
                    end: e,
                    weekday: Some(w),
                    rel: Some(RelKind::Weekday(w, !past)),
                    precision: Some(Precision::Day),
                    ..Draft::default()
                }];
            }
        }
        if let Some(mut pair) = self.day_range(i) {
            for d in &mut pair {
                if d.year.is_none() && d.rel.is_none() {
                    d.rel = Some(RelKind::NoYear);
                }
            }
            return pair;
        }
        if let Some(mut d) = self.date(i) {
            if d.year.is_none() && d.rel.is_none() {
                d.rel = Some(RelKind::NoYear);
            }
            return vec![d];
        }
        if let Some((e, r)) = self.phrase(&self.lx.relative, i) {
            let precision = match r.unit {
                'd' => Precision::Day,
                'w' => Precision::Week,
                'm' => Precision::Month,
                _ => Precision::Year,
            };
            let mut d = Draft {
                start: i,
                end: e,
                rel: Some(RelKind::Offset(r)),
                precision: Some(precision),
                ..Draft::default()
            };
            // `yesterday, Friday`, `أمس الجمعة`, `hier vendredi`.
            let e2 = self.comma(e);
            if r.unit == 'd'
                && let Some((e3, w)) = self.phrase(&self.lx.weekdays, e2)
            {
                d.weekday = Some(w);
                d.end = e3;
            }
            let timed = i > 0 && self.word_in(&self.lx.time_of_day, i - 1);
            if r.qualified && d.weekday.is_none() && !timed {
                return Vec::new();
            }
            return vec![d];
        }
        self.years(i)
    }

    /// Two days of one month: `les 27 et 28 juin`, `2nd to 4th April 2021`,
    /// `du 3 au 14 décembre`, `27 و28 يونيو`.
    fn day_range(&self, i: usize) -> Option<Vec<Draft>> {
        let (d1, e) = self.day(i)?;
        if !self.word_in(&self.lx.range_links, e) && !self.is(e, &["-", "–"]) {
            return None;
        }
        let second = self.day_first(e + 1)?;
        let d2 = second.day?;
        if d2 <= d1 {
            return None;
        }
        let first = Draft {
            start: i,
            end: e,
            day: Some(d1),
            ..second.clone()
        };
        Some(vec![first, second])
    }

    /// A bare weekday name at `i..e` that is a date: after a marker word,
    /// or a language whose weekday names are only weekdays, or between
    /// commas; not in a day's name (`Black Friday`).
    fn bare_weekday(&self, i: usize, e: usize) -> bool {
        if self.not_a_day(i) {
            return false;
        }
        if i > 0 && self.word_in(&self.lx.weekday_markers, i - 1) {
            return true;
        }
        if self.word_in(&self.lx.bare_weekdays, i) {
            return true;
        }
        let comma = |j: usize| self.is(j, &[",", "،"]);
        self.word_in(&self.lx.comma_weekdays, i)
            && i > 0
            && comma(i - 1)
            && (comma(e) || self.is(e, &[".", ":"]) || e >= self.toks.len())
    }

    /// The weekday that the weekday at `i` is joined to by a range word
    /// (`jeudi et vendredi`, `Thursday to Friday`, `الخميس والجمعة`).
    fn joined_weekday(&self, i: usize) -> Option<usize> {
        let weekday_at = |j: usize| self.phrase(&self.lx.weekdays, j).is_some();
        if i >= 2 && self.word_in(&self.lx.range_links, i - 1) && weekday_at(i - 2) {
            Some(i - 2)
        } else if self.lang_ar_waw(i) && i >= 1 && weekday_at(i - 1) {
            Some(i - 1)
        } else {
            None
        }
    }

    /// True when the weekday at `i` names no day of the calendar: one that
    /// recurs (`every Monday`) or a feast (`Black Friday`); nor does a
    /// weekday joined to it.
    fn not_a_day(&self, i: usize) -> bool {
        i > 0 && self.word_in(&self.lx.weekday_not_after, i - 1)
    }

    /// True when the word at `i` carries the Arabic conjunction `و`.
    fn lang_ar_waw(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.key(i).starts_with('و') && {
            let k = self.key(i);
            let rest = &k['و'.len_utf8()..];
            self.lx
                .weekdays
                .list
                .iter()
                .any(|(t, _)| t.len() == 1 && t[0] == rest)
        }
    }

    /// True when the clause of token `i` speaks of the future (a word of
    /// `future-cues` between the clause's start and the next clause).
    fn future_clause(&self, i: usize) -> bool {
        let stop = |j: usize| self.is(j, &[".", "!", "?", ";", "؛", "،", ","]);
        let mut a = i;
        while a > 0 && !stop(a - 1) {
            a -= 1;
        }
        let mut b = i;
        while b < self.toks.len() && !stop(b) {
            b += 1;
        }
        (a..b).any(|j| j != i && self.phrase(&self.lx.future_cues, j).is_some())
    }

    /// A count at `i`: digits (up to 3) or a number word.
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, len)) = self.num(i)
            && len <= 3
            && n > 0
        {
            return Some((n, i + 1));
        }
        self.phrase(&self.lx.numbers, i).map(|(e, n)| (n, e))
    }

    /// `[count] unit` at `i`: the unit and the number of units.
    fn span_of_time(&self, i: usize) -> Option<(char, u32, usize)> {
        if let Some((n, e)) = self.count(i)
            && let Some((e2, u)) = self.phrase(&self.lx.units, e)
            && u.count.is_none_or(|c| c == 1)
        {
            return Some((u.unit, n, e2));
        }
        let (e, u) = self.phrase(&self.lx.units, i)?;
        Some((u.unit, u.count?, e))
    }

    /// `three days ago`, `il y a trois jours`, `قبل ثلاثة أيام`, `منذ يومين`.
    fn ago(&self, i: usize) -> Option<Draft> {
        let draft = |start: usize, end: usize, unit: char, n: u32| {
            let offset = -i32::try_from(n).ok()?;
            let precision = match unit {
                'd' => Precision::Day,
                'w' => Precision::Week,
                'm' => Precision::Month,
                _ => Precision::Year,
            };
            Some(Draft {
                start,
                end,
                rel: Some(RelKind::Offset(Rel {
                    unit,
                    offset,
                    qualified: false,
                })),
                precision: Some(precision),
                ..Draft::default()
            })
        };
        if let Some((e, ())) = self.phrase(&self.lx.ago_before, i)
            && let Some((unit, n, e2)) = self.span_of_time(e)
            && self.kind(e2) != Some(Kind::Num)
            && !self.word_in(&self.lx.ago_not_before, e2)
            && self.phrase(&self.lx.weekdays, e2).is_none()
        {
            return draft(i, e2, unit, n);
        }
        if let Some((unit, n, e)) = self.span_of_time(i)
            && let Some((e2, ())) = self.phrase(&self.lx.ago_after, e)
        {
            return draft(i, e2, unit, n);
        }
        None
    }

    /// A Hijri date at `i`: `10 شعبان 1446 هـ`, `10 شعبان 1446`, `Ramadan
    /// 1, 1446 AH`; a month and year alone (`شعبان 1446 هـ`) is not a day
    /// and is left out.
    fn hijri(&self, i: usize) -> Option<Draft> {
        let day_first = self
            .day(i)
            .and_then(|(day, e)| Some((day, self.phrase(&self.lx.hijri_months, e)?)));
        let (day, (e, month)) = if let Some(x) = day_first {
            x
        } else {
            // `Ramadan 1, 1446 AH`.
            let (e, month) = self.phrase(&self.lx.hijri_months, i)?;
            let (day, e2) = self.day(e)?;
            (day, (self.comma(e2), month))
        };
        let (y, 4) = self.num(e)? else {
            return None;
        };
        let mut end = e + 1;
        let suffixed = self.phrase(&self.lx.hijri_suffixes, end);
        if let Some((e2, ())) = suffixed {
            end = e2;
        }
        if !(1300..=1600).contains(&y) {
            return None;
        }
        Self::hijri_draft(i, end, i32::try_from(y).ok()?, month, day)
    }

    /// A Hijri date's draft, with its Umm al-Qura equivalent; `None` for a
    /// month over 12 or a day over 30.
    fn hijri_draft(start: usize, end: usize, y: i32, month: u32, day: u32) -> Option<Draft> {
        if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
            return None;
        }
        let mut draft = Draft {
            start,
            end,
            hijri: Some((y, month, day)),
            precision: Some(Precision::Day),
            ..Draft::default()
        };
        if let Some(g) =
            super::hijri::to_gregorian(y, month, day, super::hijri::Reckoning::UmmAlQura)
        {
            draft.year = Some(g.year());
            draft.month = Some(g.month());
            draft.day = Some(g.day());
        }
        Some(draft)
    }

    /// A year in year context: after a marker (`عام`, `en`, `since`), with
    /// an era suffix (`2025م`), or in a range (`2019-2021`).
    fn years(&self, i: usize) -> Vec<Draft> {
        let Some((y, e)) = self.year(i) else {
            return Vec::new();
        };
        let year = |start: usize, end: usize, y: i32| Draft {
            start,
            end,
            year: Some(y),
            precision: Some(Precision::Year),
            ..Draft::default()
        };
        if self.is(e, &["-", "–", "—"])
            && let Some((y2, e2)) = self.year(e + 1)
            && y2 > y
            && y2 - y <= 100
        {
            return vec![year(i, e, y), year(e + 1, e2, y2)];
        }
        let marked = i > 0 && self.word_in(&self.lx.year_markers, i - 1);
        // `from 2001 to 2006`, `entre 2019 et 2021`, `بين 2019 و2021`.
        if marked
            && self.word_in(&self.lx.range_links, e)
            && let Some((y2, e2)) = self.year(e + 1)
            && y2 > y
            && y2 - y <= 100
        {
            return vec![year(i, e, y), year(e + 1, e2, y2)];
        }
        if marked || e > i + 1 {
            return vec![year(i, e, y)];
        }
        Vec::new()
    }
}

/// Resolves a relative draft against the publication date.
fn resolve(d: &mut Draft, published: NaiveDate) {
    let Some(rel) = d.rel else { return };
    match rel {
        RelKind::Offset(Rel { unit, offset, .. }) => {
            let date = match unit {
                'd' => shift_days(published, i64::from(offset)),
                'w' => shift_days(published, 7 * i64::from(offset)).map(|x| {
                    x - chrono::Duration::days(i64::from(x.weekday().num_days_from_monday()))
                }),
                'm' => {
                    let first = published.with_day(1);
                    first.and_then(|f| {
                        if offset >= 0 {
                            f.checked_add_months(Months::new(offset.unsigned_abs()))
                        } else {
                            f.checked_sub_months(Months::new(offset.unsigned_abs()))
                        }
                    })
                }
                _ => NaiveDate::from_ymd_opt(published.year() + offset, 1, 1),
            };
            if let Some(x) = date {
                d.year = Some(x.year());
                if unit != 'y' {
                    d.month = Some(x.month());
                }
                if matches!(unit, 'd' | 'w') {
                    d.day = Some(x.day());
                }
            }
        }
        RelKind::Month(m, next) => {
            let pm = published.month();
            let y = published.year();
            d.year = Some(match (next, m < pm, m > pm) {
                (false, true, _) => y,
                (false, false, _) => y - 1,
                (true, _, true) => y,
                (true, _, false) => y + 1,
            });
        }
        // Resolved in `extract`, from the weekday before it.
        RelKind::WeekdayAfter(_) => {}
        RelKind::BareWeekday(w, next) => {
            let mut x = published;
            for _ in 0..7 {
                if x.weekday().number_from_monday() == w {
                    d.year = Some(x.year());
                    d.month = Some(x.month());
                    d.day = Some(x.day());
                    return;
                }
                let step = if next {
                    x.checked_add_days(Days::new(1))
                } else {
                    x.checked_sub_days(Days::new(1))
                };
                let Some(s) = step else { return };
                x = s;
            }
        }
        RelKind::NoYear => {
            let (Some(m), Some(day)) = (d.month, d.day) else {
                return;
            };
            // The year that puts the day nearest to the publication date
            // (29 February only exists in leap years: try each candidate).
            let y = published.year();
            let best = [y - 1, y, y + 1]
                .into_iter()
                .filter_map(|c| NaiveDate::from_ymd_opt(c, m, day))
                .min_by_key(|x| (*x - published).num_days().abs());
            if let Some(x) = best {
                d.year = Some(x.year());
            }
        }
        RelKind::Weekday(w, next) => {
            let mut x = published;
            for _ in 0..7 {
                let step = if next {
                    x.checked_add_days(Days::new(1))
                } else {
                    x.checked_sub_days(Days::new(1))
                };
                let Some(s) = step else { return };
                x = s;
                if x.weekday().number_from_monday() == w {
                    d.year = Some(x.year());
                    d.month = Some(x.month());
                    d.day = Some(x.day());
                    return;
                }
            }
        }
    }
}

/// Resolves a relative draft; the second weekday of `Thursday and Friday`
/// counts from `prev`, the mention before it.
fn resolve_after(d: &mut Draft, prev: Option<&DateMention>, published: NaiveDate) {
    let Some(rel) = d.rel else { return };
    let RelKind::WeekdayAfter(w) = rel else {
        resolve(d, published);
        return;
    };
    let first = prev.and_then(|m| Some((m.interval()?.0, m.weekday?)));
    if let Some((first, pw)) = first {
        let step = (i64::from(w) - i64::from(pw.number_from_monday())).rem_euclid(7);
        if let Some(x) = shift_days(first, step) {
            d.year = Some(x.year());
            d.month = Some(x.month());
            d.day = Some(x.day());
        }
    } else {
        d.rel = Some(RelKind::BareWeekday(w, false));
        resolve(d, published);
        d.rel = Some(rel);
    }
}

fn shift_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn describe(rel: RelKind) -> String {
    match rel {
        RelKind::Offset(Rel { unit, offset, .. }) => {
            let u = match unit {
                'd' => "day",
                'w' => "week",
                'm' => "month",
                _ => "year",
            };
            format!("{u}{offset:+}")
        }
        RelKind::Month(m, next) => format!("month={m} {}", if next { "next" } else { "last" }),
        RelKind::Weekday(w, next) => {
            format!("weekday={w} {}", if next { "next" } else { "last" })
        }
        RelKind::BareWeekday(w, next) => {
            format!("weekday={w} {}", if next { "coming" } else { "this" })
        }
        RelKind::NoYear => "no year".into(),
        RelKind::WeekdayAfter(w) => format!("weekday={w} after"),
    }
}

fn weekday(n: u32) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// A span of time written in a document (`ten years`, `عامين`, `trois
/// mois`): its unit (`d`, `w`, `m`, `y`) and count, for the ordering checks
/// (`ten years later`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    pub block: usize,
    pub view: std::ops::Range<usize>,
    pub unit: char,
    pub count: u32,
}

/// The spans of time of one block, from its tokens.
fn block_durations(cx: &Ctx<'_>, starts: &[bool], bi: usize, out: &mut Vec<Duration>) {
    let mut i = 0;
    while i < cx.toks.len() {
        if !starts[i] {
            debug_assert!(cx.span_of_time(i).is_none(), "a span of time starts at {i}");
            i += 1;
            continue;
        }
        match cx.span_of_time(i) {
            Some((unit, count, e)) if cx.kind(e) != Some(Kind::Num) => {
                let (s, end) = (cx.toks[i].range.start, cx.toks[e - 1].range.end);
                out.push(Duration {
                    block: bi,
                    view: cx.norm.to_orig(s, end).range(),
                    unit,
                    count,
                });
                i = e;
            }
            _ => i += 1,
        }
    }
}

/// The dated mentions of a document, in text order. Relative expressions
/// are resolved against `published` when it is given; without it they
/// carry only their `relative` description (and the month or weekday they
/// name).
pub fn extract(doc: &Document<'_>, published: Option<NaiveDate>) -> Vec<DateMention> {
    extract_all(doc, published).0
}

/// The dated mentions and the spans of time of a document, in one pass
/// over its tokens (see [`extract`] and [`Duration`]).
pub fn extract_all(
    doc: &Document<'_>,
    published: Option<NaiveDate>,
) -> (Vec<DateMention>, Vec<Duration>) {
    if !doc.has_words() {
        return (Vec::new(), Vec::new()); // no words: no lexicon to load
    }
    let mut pass = Pass::new(doc, published);
    for (bi, block) in doc.blocks.iter().enumerate() {
        pass.block(bi, block, &normalize(&block.text, 0, options()));
    }
    pass.finish()
}

/// The date extraction of a document, block by block, on blocks
/// normalized by the caller with
/// [`NormalizeOptions::FIGURES`](crate::source::NormalizeOptions::FIGURES)
/// (the amount extractor's normalization: one pass over the blocks serves
/// both, see [`Document::amounts`]).
pub struct Pass {
    lang: Lang,
    published: Option<NaiveDate>,
    lx: std::sync::Arc<Lexicon>,
    out: Vec<DateMention>,
    durations: Vec<Duration>,
}

impl Pass {
    /// A pass over `doc`'s blocks (the lexicon is loaded now).
    pub fn new(doc: &Document<'_>, published: Option<NaiveDate>) -> Pass {
        Pass {
            lang: doc.lang,
            published,
            lx: doc.data.date_lexicon(),
            out: Vec::new(),
            durations: Vec::new(),
        }
    }

    /// The dates and spans of time of block `bi`, normalized as `norm`;
    /// blocks come in order.
    pub fn block(&mut self, bi: usize, block: &crate::document::Block, norm: &Normalized) {
        self.block_tokens(bi, block, norm, &tokenize(&norm.text));
    }

    /// [`Pass::block`] on a block the amount extractor has cut into
    /// `amount` tokens already: the date tokens are made from them
    /// ([`super::lexicon::from_amount_tokens`]), not read again.
    pub(crate) fn block_after_amounts(
        &mut self,
        bi: usize,
        block: &crate::document::Block,
        norm: &Normalized,
        amount: &[crate::amount::token::Tok],
    ) {
        let toks = super::lexicon::from_amount_tokens(&norm.text, amount);
        self.block_tokens(bi, block, norm, &toks);
    }

    fn block_tokens(
        &mut self,
        bi: usize,
        block: &crate::document::Block,
        norm: &Normalized,
        toks: &[Tok],
    ) {
        let (lx, published) = (&*self.lx, self.published);
        let (out, durations) = (&mut self.out, &mut self.durations);
        let cx = Ctx::new(norm, toks, lx, self.lang);
        // Where a reading may start ([`Ctx::may_start`]), told once for the
        // spans of time and the dates: the gate tries a phrase at the
        // commonest openers (`the`, `a`).
        let starts: Vec<bool> = (0..toks.len()).map(|i| cx.may_start(i)).collect();
        block_durations(&cx, &starts, bi, durations);
        let mut i = 0;
        // The token where a date given as the same day as the last one
        // would start, and that one's index in `out`.
        let mut pair_at: Option<(usize, usize)> = None;
        while i < toks.len() {
            if !starts[i] {
                debug_assert!(cx.at(i).is_empty(), "a date reading starts at token {i}");
                i += 1;
                continue;
            }
            let drafts = cx.at(i);
            let Some(last) = drafts.last() else {
                i += 1;
                continue;
            };
            let next = last.end.max(i + 1);
            let single_day = drafts.len() == 1 && last.day.is_some();
            let equivalent = single_day.then(|| cx.equivalent_at(last.end)).flatten();
            for mut d in drafts {
                let (s, e) = (toks[d.start].range.start, toks[d.end - 1].range.end);
                let view = norm.to_orig(s, e).range();
                if block.is_masked(&view) {
                    continue;
                }
                if let Some(p) = published {
                    resolve_after(&mut d, out.last(), p);
                }
                let sentence = block.sentence_at(view.start).map_or_else(
                    || block.span_of(view.clone()),
                    |i| block.span_of(block.sentences[i].range()),
                );
                let mut pair = None;
                let index = out.len();
                if let Some((at, j)) = pair_at.take()
                    && at == d.start
                    && d.day.is_some()
                    && let Some(first) = out.get_mut(j)
                {
                    first.pair = Some(index);
                    pair = Some(j);
                }
                if let Some(at) = equivalent {
                    pair_at = Some((at, out.len()));
                }
                crate::sort::reserve_lean(out, 1);
                out.push(DateMention {
                    span: block.span_of(view.clone()),
                    sentence,
                    hijri: d.hijri,
                    pair,
                    block: bi,
                    view,
                    year: d.year,
                    month: d.month,
                    day: d.day,
                    weekday: d.weekday.and_then(weekday),
                    relative: d.rel.map(describe),
                    precision: d.precision.unwrap_or(Precision::Day),
                });
            }
            i = next;
        }
    }

    /// The dated mentions and the spans of time, in text order.
    pub fn finish(self) -> (Vec<DateMention>, Vec<Duration>) {
        (self.out, self.durations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lexicon() -> std::sync::Arc<Lexicon> {
        let rules = crate::rules::RuleSet::embedded().expect("default rules");
        Lexicon::shared(rules.data())
    }

    /// The tokens of `text` that [`Ctx::may_start`] lets through, and
    /// whether a date or a span of time starts at each token passed over.
    fn gate(lx: &Lexicon, text: &str, lang: Lang) -> (Vec<String>, Vec<String>) {
        let norm = normalize(text, 0, options());
        let toks = tokenize(&norm.text);
        let cx = Ctx::new(&norm, &toks, lx, lang);
        let (mut through, mut missed) = (Vec::new(), Vec::new());
        for (i, t) in toks.iter().enumerate() {
            let word = norm.text[t.range.clone()].to_owned();
            if cx.may_start(i) {
                through.push(word);
            } else if !cx.at(i).is_empty() || cx.span_of_time(i).is_some() {
                missed.push(word);
            }
        }
        (through, missed)
    }

    #[test]
    fn words_only_read_around_a_date_open_none() {
        let lx = lexicon();
        let text = "in 2019, the day before yesterday, from March to May of last year, a week ago";
        let (through, missed) = gate(&lx, text, Lang::En);
        assert!(missed.is_empty(), "{missed:?}");
        for w in ["in", "from", "to", "of", "ago", ","] {
            assert!(!through.iter().any(|t| t == w), "{w}: {through:?}");
        }
        for w in ["2019", "the", "march", "may", "last", "a", "week"] {
            assert!(through.iter().any(|t| t == w), "{w}: {through:?}");
        }
        // An article or a number word opens nothing unless what it opens
        // follows: a relative phrase, a unit.
        let text = "the man said a word to one reporter this morning, then left a day later";
        let (through, missed) = gate(&lx, text, Lang::En);
        assert!(missed.is_empty(), "{missed:?}");
        assert_eq!(through, ["this", "a", "day"]);
        let (through, missed) = gate(&lx, "il y a trois jours, un homme a dit", Lang::Fr);
        assert!(missed.is_empty(), "{missed:?}");
        assert!(!through.iter().any(|t| t == "un"), "{through:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// No date and no span of time starts at a token the gate passes
        /// over, in text made of the lexicon's own words (every list of
        /// the three languages), numbers and punctuation.
        #[test]
        fn no_reading_starts_at_a_token_passed_over(
            picks in proptest::collection::vec((0usize..100_000, 0usize..8), 1..40),
            lang in 0usize..3,
        ) {
            let lx = lexicon();
            let mut words: Vec<&str> = lx.vocab.words().collect();
            words.sort_unstable();
            let others = ["2019", "14", "3", "1446", ",", "-", "/", "و", "the"];
            let mut text = String::new();
            for (k, sep) in picks {
                if k % 4 == 0 {
                    text.push_str(others[k / 4 % others.len()]);
                } else {
                    text.push_str(words[k % words.len()]);
                }
                text.push_str([" ", " ", " ", ", ", " 12 ", " 2021 ", "-", "/"][sep]);
            }
            let lang = [Lang::En, Lang::Fr, Lang::Ar][lang];
            let (_, missed) = gate(&lx, &text, lang);
            prop_assert!(missed.is_empty(), "{:?} in {:?}", missed, text);
        }
    }
}
