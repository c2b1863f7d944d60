//! Linking bare numbers to the amounts of their sentence, subject cues,
//! and the final mentions.

use super::extract::Draft;
use super::lexicon::Lexicon;
use super::number::pow10;
use super::prepare::Prepared;
use super::{AmountKind, AmountMention, scale_name};
use crate::document::Block;
use arcstr::ArcStr;
use rust_decimal::Decimal;

/// Words looked at before a figure for its subject cues, and after it.
const CUES_BEFORE: usize = 10;
const CUES_AFTER: usize = 5;
/// Tokens between a bare number and the amount it takes its unit from.
const MAX_LINK_GAP: usize = 6;

/// Links bare numbers to the amounts of their sentence, finds cues and
/// builds the mentions.
pub(super) fn finish(
    bi: usize,
    block: &Block,
    pr: &Prepared,
    lx: &Lexicon,
    mut drafts: Vec<Draft>,
) -> Vec<AmountMention> {
    let view_of = |d: &Draft| {
        let s = pr.tok(d.start).range.start;
        let e = pr.tok(d.end - 1).range.end;
        pr.norm.to_orig(s, e).range()
    };
    let sentence_of = |pos: usize| block.sentences.partition_point(|s| s.end as usize <= pos);
    let sentences: Vec<usize> = drafts
        .iter()
        .map(|d| sentence_of(view_of(d).start))
        .collect();
    let has_unit =
        |d: &Draft| !d.tail.percent && (d.tail.exp.is_some() || d.tail.currency.is_some());
    let units: Vec<bool> = drafts.iter().map(has_unit).collect();
    // The drafts are in the order of their starts (two may share a token:
    // `0$۰`), so the sentence of each is never before the one of the draft
    // before it. The candidates below are found by key, or among the
    // drafts whose tokens may come near, never by comparing every pair (a
    // block can list thousands of numbers).
    debug_assert!(drafts.is_sorted_by_key(|d| d.start));
    // 1. The same digits as an amount of this sentence or the one before:
    //    the first such amount.
    let mut with_digits: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (j, d) in drafts.iter().enumerate().filter(|&(j, _)| units[j]) {
        with_digits.entry(d.digits.as_str()).or_default().push(j);
    }
    let mut inherit: Vec<Option<usize>> = vec![None; drafts.len()];
    for (i, d) in drafts.iter().enumerate().filter(|(_, d)| d.linkable) {
        let Some(list) = with_digits.get(d.digits.as_str()) else {
            continue;
        };
        let first = sentences[i].saturating_sub(1);
        let k = list.partition_point(|&j| sentences[j] < first);
        inherit[i] = list
            .get(k)
            .copied()
            .filter(|&j| sentences[j] <= sentences[i]);
    }
    // The last token any draft up to each has reached.
    let ends_by: Vec<usize> = drafts
        .iter()
        .scan(0, |m, d| {
            *m = d.end.max(*m);
            Some(*m)
        })
        .collect();
    // 2. Else the nearest amount with a unit in the same sentence, when it
    //    is a few tokens away (a list or a pair: `97.4 9.74`, `10, 20 and 30
    //    billion`); a figure farther away is another quantity (`over 2,000`
    //    actors in a sentence about a $534 million film).
    let linked_units: Vec<bool> = (0..drafts.len())
        .map(|j| units[j] || inherit[j].is_some())
        .collect();
    for i in 0..drafts.len() {
        if !drafts[i].linkable || inherit[i].is_some() {
            continue;
        }
        let range_start = drafts[i].range_start;
        let near = |j: usize| {
            let (a, b) = (&drafts[i], &drafts[j]);
            b.start.abs_diff(a.end).min(a.start.abs_diff(b.end)) <= MAX_LINK_GAP
        };
        // Before: none whose end, or the end of one before it, comes near
        // the start; after: none that starts past the end and the gap.
        let (start, end) = (drafts[i].start, drafts[i].end);
        let lo = (0..i)
            .rev()
            .take_while(|&j| ends_by[j] + MAX_LINK_GAP >= start)
            .last()
            .unwrap_or(i);
        let hi = (i + 1..drafts.len())
            .take_while(|&j| drafts[j].start <= end + MAX_LINK_GAP)
            .last()
            .unwrap_or(i);
        inherit[i] = (lo..=hi)
            .filter(|&j| j != i && near(j))
            .filter(|&j| linked_units[j] && sentences[j] == sentences[i])
            .filter(|&j| !range_start || j == i + 1)
            .min_by_key(|&j| drafts[j].start.abs_diff(drafts[i].start));
    }
    let source: Vec<(Option<u32>, Option<ArcStr>, Option<Decimal>)> = drafts
        .iter()
        .map(|d| (d.tail.exp, d.tail.currency.clone(), value_of(d)))
        .collect();
    for (i, d) in drafts.iter_mut().enumerate() {
        if let Some(mut j) = inherit[i] {
            if let Some(k) = inherit[j].filter(|_| !units[j]) {
                j = k;
            }
            // A number that is already the whole figure restates it in
            // digits (`مليون و 437 ألف (1437000)`, `1.4 million
            // (1,400,000)`): it takes the currency, not the scale word.
            if source[j].2 != Some(d.base) {
                d.tail.exp = source[j].0;
            }
            d.tail.currency.clone_from(&source[j].1);
            d.linked = true;
        }
    }
    // A figure's cue words are looked for no farther than the figures with
    // a unit of their own on either side in its sentence, and a word
    // between two figures is said of the nearer (of the later one at equal
    // distance: a cue comes before its figure more often than after it).
    // `Revenue was $5bn and profit reached $1bn`: the profit is not the
    // $5bn.
    let mid = |a: &Draft, b: &Draft| {
        let (after, start) = (a.tail.after, b.start);
        after + start.saturating_sub(after) / 2
    };
    // The nearest figure with a unit before and after each, in its
    // sentence: one pass each way (a sentence may list many figures).
    let n = drafts.len();
    let (mut before, mut after) = (vec![None; n], vec![None; n]);
    for i in 1..n {
        if sentences[i - 1] == sentences[i] {
            before[i] = if units[i - 1] {
                Some(i - 1)
            } else {
                before[i - 1]
            };
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if sentences[i + 1] == sentences[i] {
            after[i] = if units[i + 1] {
                Some(i + 1)
            } else {
                after[i + 1]
            };
        }
    }
    let bounds = |i: usize| -> std::ops::Range<usize> {
        let lo = before[i].map_or(0, |j| mid(&drafts[j], &drafts[i]));
        let hi = after[i].map_or(pr.sig.len(), |j| mid(&drafts[i], &drafts[j]));
        lo..hi
    };
    drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let view = view_of(d);
            let value = value_of(d)?;
            let kind = if d.tail.percent {
                AmountKind::Percent
            } else if d.tail.currency.is_some() {
                AmountKind::Money
            } else {
                AmountKind::Number
            };
            Some(AmountMention {
                span: block.span_of(view.clone()),
                block: bi,
                view,
                value: value.normalize(),
                kind,
                currency: d.tail.currency.clone(),
                scale: d.tail.exp.map(scale_name),
                hedge: d.hedge,
                digits: d.digits.as_str().into(),
                cues: cues(block, pr, lx, d, bounds(i), sentences[i], &sentence_of),
                linked: d.linked,
            })
        })
        .collect()
}

/// The value a draft stands for: its number, with its half and later
/// parts, times its scale (`None` when that overflows).
fn value_of(d: &Draft) -> Option<Decimal> {
    let mut value = d.base;
    if let Some(exp) = d.tail.exp.filter(|_| !d.tail.percent) {
        value = value
            .checked_add(d.tail.half.unwrap_or_default())?
            .checked_add(d.tail.parts)?
            .checked_mul(pow10(exp)?)?;
    }
    Some(value)
}

/// The cue concepts of the words around a figure in its sentence.
fn cues(
    block: &Block,
    pr: &Prepared,
    lx: &Lexicon,
    d: &Draft,
    bounds: std::ops::Range<usize>,
    sentence: usize,
    sentence_of: &dyn Fn(usize) -> usize,
) -> Box<[ArcStr]> {
    let before = d.start.saturating_sub(CUES_BEFORE).max(bounds.start)..d.start;
    let after = d.tail.after..(d.tail.after + CUES_AFTER).min(bounds.end);
    let mut out: Vec<ArcStr> = Vec::new();
    for q in before.rev().chain(after) {
        let t = pr.tok(q);
        if !t.is_word() {
            continue;
        }
        let v = pr.norm.map.start_to_orig(t.range.start);
        if sentence_of(v) != sentence || v >= block.text.len() {
            continue;
        }
        if let Some(c) = lx.cue(pr.key(q), t.kind)
            && !out.iter().any(|o| o == c)
        {
            out.push(ArcStr::clone(c));
        }
    }
    out.into_boxed_slice()
}
