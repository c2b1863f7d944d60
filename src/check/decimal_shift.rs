//! `decimal-shift`: two figures of one article with the same significant
//! digits whose values differ by a power of ten (`97.4` and `9.74 billion`;
//! `9.74 million` and `9.74 billion`; a French `milliard` rendered as
//! `million`).
//!
//! Figures are grouped by their significant digits, so only figures that
//! could be shifts of each other are ever compared. The evidence grows with
//! the number of significant digits: with `min-digits` or more (`974`) a
//! shift is rarely a coincidence and is reported whatever the subjects;
//! with fewer (`15`, `1.5`) only when both figures have the same currency
//! and share a subject cue (both a budget, both users). Plain numbers
//! without unit need a shared cue or the same sentence. Percentages are
//! compared only with percentages.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::amount::{AmountKind, AmountMention};
use crate::document::Document;
use crate::rules::Data;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Ratios between the two values that count as a shift.
    factors: Vec<u64>,
    /// From this many significant digits on, the subjects need not agree.
    min_digits: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            factors: vec![10, 100, 1000, 1_000_000],
            min_digits: 3,
        }
    }
}

#[derive(Debug)]
pub(crate) struct DecimalShift {
    factors: Vec<Decimal>,
    min_digits: usize,
}

impl Kind for DecimalShift {
    const NAME: &'static str = "decimal-shift";
    const PLACEHOLDERS: &'static [&'static str] = &["value", "other", "other_text", "factor"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        if p.factors.is_empty() || p.factors.iter().any(|&f| f < 2) {
            return Err("`factors` must list ratios of 2 or more".into());
        }
        Ok(DecimalShift {
            factors: p.factors.into_iter().map(Decimal::from).collect(),
            min_digits: p.min_digits.max(1),
        })
    }
}

/// How many later figures with the same significant digits a figure is
/// compared with.
const WINDOW: usize = 64;

fn sentence_of(doc: &Document<'_>, m: &AmountMention) -> Option<usize> {
    let block = doc.blocks.get(m.block)?;
    block
        .sentence_at(m.view.start)
        .filter(|&i| m.view.end <= block.sentences[i].end as usize)
}

impl DecimalShift {
    /// The power-of-ten factor between two values, if it is one of ours.
    fn factor(&self, a: Decimal, b: Decimal) -> Option<Decimal> {
        let (hi, lo) = if a.abs() >= b.abs() { (a, b) } else { (b, a) };
        if lo.is_zero() || hi == lo {
            return None;
        }
        let ratio = hi.checked_div(lo)?;
        self.factors.iter().copied().find(|f| *f == ratio)
    }

    fn related(&self, doc: &Document<'_>, a: &AmountMention, b: &AmountMention) -> bool {
        if (a.kind == AmountKind::Percent || b.kind == AmountKind::Percent) && a.kind != b.kind {
            return false;
        }
        if let (Some(x), Some(y)) = (&a.currency, &b.currency)
            && x != y
        {
            return false;
        }
        let shared_cue = a.cues.iter().any(|c| b.cues.contains(c));
        if a.digits.len() < self.min_digits {
            return a.currency.is_some() && a.currency == b.currency && shared_cue;
        }
        let plain = |m: &AmountMention| m.kind == AmountKind::Number && m.scale.is_none();
        if plain(a) && plain(b) {
            let same_sentence = a.block == b.block
                && sentence_of(doc, a).is_some()
                && sentence_of(doc, a) == sentence_of(doc, b);
            return shared_cue || same_sentence;
        }
        true
    }
}

impl Check for DecimalShift {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::AMOUNTS
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let amounts = doc.amounts();
        let mut by_digits: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, m) in amounts.iter().enumerate() {
            if !m.digits.is_empty() {
                by_digits.entry(&*m.digits).or_default().push(i);
            }
        }
        for group in by_digits.values().filter(|g| g.len() > 1) {
            // How often each value occurs: the rarer one is the odd one out.
            let mut counts: rustc_hash::FxHashMap<Decimal, usize> =
                rustc_hash::FxHashMap::default();
            for &j in group {
                *counts.entry(amounts[j].value).or_default() += 1;
            }
            let count = |v: Decimal| counts.get(&v).copied().unwrap_or_default();
            let mut reported = rustc_hash::FxHashSet::default();
            for (x, &i) in group.iter().enumerate() {
                // The next figures with the same digits, at most `WINDOW`:
                // an article has far fewer; a huge file stays linear.
                let end = (x + 1 + WINDOW).min(group.len());
                for &j in &group[x + 1..end] {
                    let (a, b) = (&amounts[i], &amounts[j]);
                    let Some(factor) = self.factor(a.value, b.value) else {
                        continue;
                    };
                    if !self.related(doc, a, b) {
                        continue;
                    }
                    // The odd one out: the rarer value, else the later one.
                    let (odd, other) = if count(a.value) < count(b.value) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    if !reported.insert(odd.span) {
                        continue;
                    }
                    let exp =
                        crate::amount::display_exponent(odd.value.abs().max(other.value.abs()));
                    let other_text = doc.text()[other.span.range()].to_owned();
                    out.push(
                        Hit::new(odd.span)
                            .var("value", crate::amount::show(odd, exp))
                            .var("other", crate::amount::show(other, exp))
                            .var("other_text", other_text)
                            .var("factor", factor.to_string())
                            .related(
                                other.span,
                                format!("the same digits as {}", crate::amount::show(other, exp)),
                            ),
                    );
                }
            }
        }
    }
}
