//! `arithmetic`: figures of one sentence that do not add up.
//!
//! Two statements are checked, both with exact decimals:
//!
//! - a percentage given with its part and whole (`30 of 120 employees, or
//!   40%`; `30 من أصل 120 موظفًا، أي 40%`; `30 des 120 salariés, soit
//!   40 %`): the part, a connector (`of`, `من أصل`, `sur`, `des`), the
//!   whole, at most a few words (`employees`), an introducer (`or`, `أي`,
//!   `soit`, `(`) and the percentage. The stated percentage is accepted
//!   when it is within one unit of its last written digit of the computed
//!   one (`33%` and `33.3%` for 1 of 3), the part and the whole taken with
//!   the rounding their own written precision allows.
//! - parts stated as making up a total (`a total of 500 million: 200
//!   million for A, 250 million for B and 100 million for C`): a total
//!   marker right before or after the total (`a total of`, `au total`,
//!   `بإجمالي`), then a colon and a list of parts of the same kind and
//!   currency, joined by commas and a final `and`; or the list first and
//!   the total after it (`…, for a total of 500 million`). A list opened by
//!   a partial marker (`including`, `dont`, `بينها`) need not be complete:
//!   it is reported only when money parts exceed their total.
//!
//! Anything unexpected (a hedged figure, a figure of another kind in the
//! list, a second list) makes the check stay silent: it must not cry wolf.
//! The connector words are the data lists `amount-<lang>.arith-*`.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::amount::{AmountKind, AmountMention, Hedge, scale_exponent};
use crate::document::{Block, Document, Lang};
use crate::rules::Data;
use crate::source::NormalizeOptions;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Check percentages against their part and whole.
    percentages: bool,
    /// Check parts against their total.
    sums: bool,
    /// A percentage is reported only when it is off by at least this many
    /// points (besides the rounding tolerance).
    min_difference: String,
    /// The relative tolerance of a percentage hedged with `about`.
    hedge_tolerance: String,
    /// Words allowed between the whole and the percentage's introducer
    /// (`employees`).
    label_words: usize,
    /// Words allowed between two parts of a list, or a total and its list.
    gap_words: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            percentages: true,
            sums: true,
            min_difference: "0.5".into(),
            hedge_tolerance: "0.1".into(),
            label_words: 3,
            gap_words: 8,
        }
    }
}

/// The connector phrases of one language, as token lists.
#[derive(Debug, Default)]
struct Words {
    part_of: Vec<Vec<String>>,
    articles: Vec<Vec<String>>,
    percent_intro: Vec<Vec<String>>,
    total: Vec<Vec<String>>,
    partial: Vec<Vec<String>>,
    and: Vec<Vec<String>>,
    percent_of: Vec<Vec<String>>,
    remainder: Vec<Vec<String>>,
}

#[derive(Debug)]
pub(crate) struct Arithmetic {
    percentages: bool,
    sums: bool,
    min_difference: Decimal,
    hedge_tolerance: Decimal,
    label_words: usize,
    gap_words: usize,
    /// By language, in the order of [`Lang::ALL`].
    words: Vec<(Lang, Words)>,
}

impl Kind for Arithmetic {
    const NAME: &'static str = "arithmetic";
    const PLACEHOLDERS: &'static [&'static str] = &["detail", "computed", "stated"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        let dec = |name: &str, s: &str| {
            s.trim()
                .parse::<Decimal>()
                .ok()
                .filter(|d| !d.is_sign_negative())
                .ok_or_else(|| format!("`{name}` must be a non-negative decimal string"))
        };
        let words = Lang::ALL
            .iter()
            .map(|&lang| {
                let list = |name: &str| -> Vec<Vec<String>> {
                    let mut v: Vec<Vec<String>> = data
                        .list(&format!("amount-{}.arith-{name}", lang.code()))
                        .unwrap_or(&[])
                        .iter()
                        .map(|e| tokens(e))
                        .filter(|t| !t.is_empty())
                        .collect();
                    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
                    v
                };
                (
                    lang,
                    Words {
                        part_of: list("part-of"),
                        articles: list("articles"),
                        percent_intro: list("percent-intro"),
                        total: list("total"),
                        partial: list("partial"),
                        and: list("and"),
                        percent_of: list("percent-of"),
                        remainder: list("remainder"),
                    },
                )
            })
            .collect();
        Ok(Arithmetic {
            percentages: p.percentages,
            sums: p.sums,
            min_difference: dec("min-difference", &p.min_difference)?,
            hedge_tolerance: dec("hedge-tolerance", &p.hedge_tolerance)?,
            label_words: p.label_words,
            gap_words: p.gap_words.max(1),
            words,
        })
    }
}

/// A token of a gap between two figures: a word, or one punctuation mark
/// that matters to the patterns.
fn tokens(s: &str) -> Vec<String> {
    let opts = NormalizeOptions {
        lowercase: true,
        ..NormalizeOptions::default()
    };
    let n = crate::source::normalize_text(s, opts);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in n.chars() {
        if crate::document::is_letter_or_digit(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if matches!(c, ':' | ',' | ';' | '،' | '؛' | '(' | ')' | '–' | '—') {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars().any(crate::document::is_letter_or_digit)
}

fn word_count(t: &[String]) -> usize {
    t.iter().filter(|t| is_word(t)).count()
}

/// The length of the longest phrase of `phrases` that `toks` ends with.
fn ends_with(toks: &[String], phrases: &[Vec<String>]) -> Option<usize> {
    phrases
        .iter()
        .find(|p| toks.ends_with(p))
        .map(std::vec::Vec::len)
}

/// The length of the longest phrase of `phrases` that `toks` starts with.
fn starts_with(toks: &[String], phrases: &[Vec<String>]) -> Option<usize> {
    phrases
        .iter()
        .find(|p| toks.starts_with(p))
        .map(std::vec::Vec::len)
}

/// The position of the last occurrence of a phrase of `phrases` in
/// `toks`, and its length.
fn find_last(toks: &[String], phrases: &[Vec<String>]) -> Option<(usize, usize)> {
    (0..toks.len()).rev().find_map(|i| {
        starts_with(&toks[i..], phrases)
            .filter(|&n| n > 0)
            .map(|n| (i, n))
    })
}

fn contains(toks: &[String], phrases: &[Vec<String>]) -> bool {
    find_last(toks, phrases).is_some()
}

fn is_separator(t: &str) -> bool {
    matches!(t, "," | ";" | "،" | "؛")
}

/// Trims separators and colons from both ends.
fn trim_punct(mut t: &[String]) -> &[String] {
    while let [first, rest @ ..] = t
        && !is_word(first)
        && first != "("
    {
        t = rest;
    }
    while let [rest @ .., last] = t
        && !is_word(last)
    {
        t = rest;
    }
    t
}

/// Half the unit of the last written digit of a figure: 0.05 × 10⁹ for
/// `97.4 billion`; zero for a plain integer (a count is exact).
fn half_unit(m: &AmountMention) -> Decimal {
    let exp = m.scale.as_deref().and_then(scale_exponent).unwrap_or(0);
    if m.kind == AmountKind::Percent || exp == 0 {
        let dp = m.value.normalize().scale();
        if dp == 0 {
            return Decimal::ZERO;
        }
        // (Below the smallest decimal when the figure has 28 places.)
        return Decimal::try_new(5, dp + 1).unwrap_or(Decimal::ZERO);
    }
    let Some(p) = 10u64.checked_pow(exp).map(Decimal::from) else {
        return Decimal::ZERO;
    };
    let Some(mantissa) = m.value.checked_div(p) else {
        return Decimal::ZERO;
    };
    let dp = mantissa.normalize().scale();
    Decimal::try_new(5, dp + 1).map_or(Decimal::ZERO, |h| h * p)
}

/// `500 million USD`, `40%`, `120`.
fn show(v: Decimal, like: &AmountMention) -> String {
    let exp = like.scale.as_deref().and_then(scale_exponent).unwrap_or(0);
    let mut s = match 10u64.checked_pow(exp).map(Decimal::from) {
        Some(p) if exp > 0 => {
            let m = v.checked_div(p).unwrap_or(v).normalize();
            let name = like.scale.as_deref().unwrap_or_default();
            if name.starts_with("1e") {
                format!("{m} × 10^{exp}")
            } else {
                format!("{m} {name}")
            }
        }
        _ => v.normalize().to_string(),
    };
    match (like.kind, &like.currency) {
        (AmountKind::Percent, _) => s.push('%'),
        (_, Some(c)) => {
            s.push(' ');
            s.push_str(c);
        }
        _ => {}
    }
    s
}

fn sentence_of(block: &Block, m: &AmountMention) -> Option<usize> {
    block
        .sentence_at(m.view.start)
        .filter(|&i| m.view.end <= block.sentences[i].end as usize)
}

impl Arithmetic {
    fn words(&self, lang: Lang) -> &Words {
        &self
            .words
            .iter()
            .find(|(l, _)| *l == lang)
            .unwrap_or(&self.words[0])
            .1
    }

    /// `30 of 120 employees, or 40%`: the three figures in order.
    fn percentage(
        &self,
        w: &Words,
        block: &Block,
        ms: &[&AmountMention],
        text: &str,
    ) -> Option<Hit<'_>> {
        let [part, whole, pct] = ms else { return None };
        if pct.kind != AmountKind::Percent
            || part.kind == AmountKind::Percent
            || part.kind != whole.kind
            || part.currency != whole.currency
            || part.hedge.is_some()
            || whole.hedge.is_some()
            || part.linked
            || whole.linked
            || part.value.is_sign_negative()
            || whole.value <= Decimal::ZERO
            || part.value > whole.value
        {
            return None;
        }
        // The part, at most two words (`employees`), the connector and an
        // article, then the whole.
        let gap = tokens(between(&block.text, part.view.end, whole.view.start));
        let mut rest: &[String] = &gap;
        if let Some(n) = ends_with(rest, &w.articles) {
            rest = &rest[..rest.len() - n];
        }
        let n = ends_with(rest, &w.part_of)?;
        let label = &rest[..rest.len() - n];
        if label.len() > 2 || label.iter().any(|t| !is_word(t)) {
            return None;
        }
        // The whole, a short label, the introducer, then the percentage
        // (after its hedge words, when it has one).
        let gap = tokens(between(&block.text, whole.view.end, pct.view.start));
        let (at, n) = find_last(&gap, &w.percent_intro)?;
        let after = &gap[at + n..];
        if after.iter().any(|t| !is_word(t))
            || after.len() > if pct.hedge.is_some() { 3 } else { 0 }
        {
            return None;
        }
        let label = &gap[..at];
        if word_count(label) > self.label_words
            || label.iter().any(|t| !is_word(t) && !is_separator(t))
        {
            return None;
        }
        // `40% of revenue` may be a share of something else.
        let sentence = block.sentences[sentence_of(block, pct)?].range();
        let next = tokens(between(&block.text, pct.view.end, sentence.end));
        if starts_with(&next, &w.percent_of).is_some() {
            return None;
        }
        // The computed percentage, with the rounding of part and whole.
        let hundred = Decimal::ONE_HUNDRED;
        let computed = part.value.checked_mul(hundred)?.checked_div(whole.value)?;
        let (hp, hw) = (half_unit(part), half_unit(whole));
        // (Bounds saturate: a figure near the largest decimal is no
        // reason to panic.)
        let lo_den = whole.value.saturating_add(hw);
        let hi_den = whole.value.saturating_sub(hw);
        let lo = (part.value.saturating_sub(hp).max(Decimal::ZERO))
            .checked_mul(hundred)?
            .checked_div(lo_den)?;
        let hi = if hi_den > Decimal::ZERO {
            part.value
                .saturating_add(hp)
                .checked_mul(hundred)?
                .checked_div(hi_den)?
        } else {
            return None;
        };
        let stated = pct.value;
        let unit = half_unit(pct).saturating_mul(Decimal::TWO);
        let unit = if unit.is_zero() { Decimal::ONE } else { unit };
        let slack = match pct.hedge {
            None => unit.max(self.min_difference),
            Some(Hedge::Approx) => unit
                .max(self.min_difference)
                .max(stated.saturating_mul(self.hedge_tolerance)),
            Some(Hedge::Min) => {
                // `more than 20%`: wrong only when the part is less.
                if hi.saturating_add(unit) > stated {
                    return None;
                }
                unit.max(self.min_difference)
            }
            Some(Hedge::Max) => {
                if lo.saturating_sub(unit) < stated {
                    return None;
                }
                unit.max(self.min_difference)
            }
        };
        if stated > lo.saturating_sub(slack) && stated < hi.saturating_add(slack) {
            return None;
        }
        let dp = pct.value.normalize().scale().max(1) + 1;
        let shown = computed.round_dp(dp).normalize();
        let computed_s = format!("{shown}%");
        let stated_s = show(stated, pct);
        let detail = format!(
            "{} of {} is {computed_s}, not {stated_s}",
            &text[part.span.range()],
            &text[whole.span.range()]
        );
        Some(
            Hit::new(pct.span)
                .var("detail", detail)
                .var("computed", computed_s)
                .var("stated", stated_s)
                .related(part.span, "the part")
                .related(whole.span, "the whole"),
        )
    }

    /// True when `m` can be a part of the total `t`: the same kind and
    /// currency, or a scaled number in a list of money (`$500 million: $200
    /// million for A, 250 million for B`).
    fn compatible(t: &AmountMention, m: &AmountMention) -> bool {
        (m.kind == t.kind && m.currency == t.currency)
            || (t.kind == AmountKind::Money
                && m.kind == AmountKind::Number
                && m.currency.is_none()
                && m.scale.is_some())
    }

    /// The parts of a list that is all of `ms`, joined by separators and a
    /// final conjunction; `None` unless the list is clean.
    fn list<'m>(
        &self,
        w: &Words,
        block: &Block,
        t: &AmountMention,
        ms: &[&'m AmountMention],
    ) -> Option<Vec<&'m AmountMention>> {
        let mut parts = vec![*ms.first()?];
        let (mut closed, mut last_and) = (false, false);
        for m in &ms[1..] {
            let prev = parts.last()?;
            let gap = tokens(between(&block.text, prev.view.end, m.view.start));
            if closed || word_count(&gap) > self.gap_words || gap.iter().any(|t| t == ":") {
                return None;
            }
            let and = contains(&gap, &w.and);
            let separated = gap.iter().any(|t| is_separator(t));
            if !and && !separated {
                return None;
            }
            // `B and C` ends a list; `، و` and `, and` may go on.
            closed = and && !separated;
            last_and = and;
            parts.push(m);
        }
        // The last item comes after a conjunction.
        if parts.len() < 2 || !last_and || parts.iter().any(|p| !Self::compatible(t, p)) {
            return None;
        }
        Some(parts)
    }

    /// Parts and a total in one sentence (`ms`: its figures, percentages
    /// dropped when the totals are not percentages).
    fn sum(&self, w: &Words, block: &Block, ms: &[&AmountMention], text: &str) -> Option<Hit<'_>> {
        (0..ms.len()).find_map(|i| self.sum_at(w, block, ms, i, text))
    }

    /// The check of `ms[i]` as a total.
    fn sum_at(
        &self,
        w: &Words,
        block: &Block,
        ms: &[&AmountMention],
        i: usize,
        text: &str,
    ) -> Option<Hit<'_>> {
        let t = ms[i];
        let sentence = block.sentences[sentence_of(block, t)?].range();
        let before_start = if i == 0 {
            sentence.start
        } else {
            ms[i - 1].view.end
        };
        let before = tokens(between(&block.text, before_start, t.view.start));
        let after_end = ms.get(i + 1).map_or(sentence.end, |m| m.view.start);
        let after = tokens(between(&block.text, t.view.end, after_end));
        let marked_before = ends_with(trim_punct(&before), &w.total).is_some();
        let marked_after = starts_with(trim_punct(&after), &w.total).is_some();
        // The list after the total: a colon or a partial marker.
        let forward = i + 1 < ms.len() && word_count(&after) <= self.gap_words;
        let colon = forward && after.iter().any(|t| t == ":");
        let partial = forward && !colon && contains(&after, &w.partial);
        let (parts, complete) = if (marked_before || marked_after) && colon {
            (self.list(w, block, t, &ms[i + 1..])?, true)
        } else if partial {
            (self.list(w, block, t, &ms[i + 1..])?, false)
        } else if marked_before && i >= 2 && i + 1 == ms.len() {
            // The list first: `…, for a total of 500 million`; the whole
            // sentence before the total is the list.
            if before.iter().any(|t| t == ":") {
                return None;
            }
            (self.list(w, block, t, &ms[..i])?, true)
        } else {
            return None;
        };
        if t.hedge.is_some() || parts.iter().any(|p| p.hedge.is_some()) {
            return None;
        }
        if complete && parts.iter().any(|p| p.value >= t.value) {
            return None;
        }
        let mut sum = Decimal::ZERO;
        let mut tol = half_unit(t);
        for p in &parts {
            sum = sum.checked_add(p.value)?;
            tol = tol.checked_add(half_unit(p))?;
        }
        // `…, the rest for C`: the list leaves a part unnamed.
        let rest = || {
            let s = t.view.start.min(parts[0].view.start);
            contains(&tokens(between(&block.text, s, sentence.end)), &w.remainder)
        };
        let diff = sum.checked_sub(t.value)?;
        let off = if complete {
            diff.abs() > tol && !(sum < t.value && rest())
        } else {
            t.kind == AmountKind::Money && diff > tol
        };
        if !off {
            return None;
        }
        let terms: Vec<&str> = parts.iter().map(|p| &text[p.span.range()]).collect();
        let computed = show(sum, t);
        let stated = show(t.value, t);
        let detail = if complete {
            format!("{} = {computed}, not {stated}", terms.join(" + "))
        } else {
            format!(
                "the parts {} add up to {computed}, more than the total {stated}",
                terms.join(" + ")
            )
        };
        let mut hit = Hit::new(t.span)
            .var("detail", detail)
            .var("computed", computed)
            .var("stated", stated);
        for p in &parts {
            hit = hit.related(p.span, "a part");
        }
        Some(hit)
    }
}

impl Check for Arithmetic {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::AMOUNTS
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let w = self.words(doc.lang);
        let text = doc.text();
        for (bi, block) in doc.blocks.iter().enumerate() {
            for (si, sentence) in block.sentences.iter().enumerate() {
                let sentence = &sentence.range();
                let mut ms: Vec<&AmountMention> = doc
                    .amounts_in(bi, sentence)
                    .iter()
                    .filter(|m| sentence_of(block, m) == Some(si))
                    .collect();
                if ms.len() < 3 {
                    continue;
                }
                ms.sort_by_key(|m| m.view.start);
                if self.percentages {
                    for win in ms.windows(3) {
                        if let Some(hit) = self.percentage(w, block, win, text) {
                            out.push(hit);
                        }
                    }
                }
                if self.sums {
                    // Percentages beside money or counts are asides; a
                    // total of percentages has percentages for parts.
                    let (pcts, others): (Vec<&AmountMention>, Vec<&AmountMention>) =
                        ms.iter().partition(|m| m.kind == AmountKind::Percent);
                    if let Some(hit) = self
                        .sum(w, block, &others, text)
                        .or_else(|| self.sum(w, block, &pcts, text))
                    {
                        out.push(hit);
                    }
                }
            }
        }
    }
}

/// The text between two view offsets; empty when they are out of order or
/// off a char boundary (figures may overlap or run past their sentence).
fn between(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}
