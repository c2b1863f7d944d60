//! `translation-amount`: the figures of a translation against those of its
//! original (see [`crate::translation`]).
//!
//! Every figure of the original needs a figure of equal value in the
//! translation (anywhere: a translator may move it), after normalization:
//! `97,4 milliards de dollars`, `97.4 مليار دولار` and `$97.4bn` are all
//! 97 400 000 000 dollars. Percentages are compared with percentages, and
//! currencies when both figures have one. A figure that takes its unit from
//! another of its sentence (`de 3,2 à 4,1 milliards`) counts as equal to
//! one with the same digits. Three findings:
//!
//! - `shifted`: a figure of the original without an equal one, and a figure
//!   of the translation with the same significant digits and a value a power
//!   of ten away (`milliard` rendered as `million`, a moved decimal point,
//!   a French `billion` = 10¹² rendered as `billion`): reported on the
//!   translation's figure with both values. With fewer than `min-digits`
//!   significant digits, the two must be in aligned paragraphs.
//! - `changed`: a figure of the original without an equal one, and a figure
//!   of the same kind (and currency) in the aligned translation sentence that
//!   no figure of the original explains (`16%` rendered as `61%`): reported
//!   on the translation's figure with both values.
//! - `missing`: a figure of the original with no counterpart at all,
//!   reported on the aligned sentence of the translation (a figure of a
//!   dropped passage is left to `translation-passage`).
//! - `added`: a figure of the translation that the original does not have.

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::amount::{AmountKind, AmountMention, display_exponent, show};
use crate::document::Document;
use crate::rules::Data;
use crate::translation::{Missing, Side, fill, missing_hit, rank};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Message of a figure shifted by a power of ten; placeholders `{text}`,
    /// `{value}`, `{source}`, `{source_text}`, `{factor}`.
    shifted: String,
    /// Message of a figure rendered as another figure of its kind in the
    /// aligned sentence; placeholders as `shifted`, without `{factor}`.
    changed: String,
    /// Message of a figure of the original with no counterpart; `{text}`
    /// is then the translation's sentence.
    missing: String,
    /// Message of a figure that only the translation has.
    added: String,
    /// From this many significant digits on, a shifted counterpart may be
    /// anywhere in the translation.
    min_digits: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            shifted: "«{text}» is {value}, but the original has {source} («{source_text}»)".into(),
            changed: "«{text}» is {value}, but the original has {source} («{source_text}»)".into(),
            missing: "the original's «{source_text}» ({source}) is missing here".into(),
            added: "«{text}» ({value}) is not in the original".into(),
            min_digits: 3,
        }
    }
}

#[derive(Debug)]
pub(crate) struct TranslationAmount {
    p: Params,
}

impl Kind for TranslationAmount {
    const NAME: &'static str = "translation-amount";
    const PLACEHOLDERS: &'static [&'static str] = &["problem"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        Ok(TranslationAmount { p })
    }
}

fn compatible(a: &AmountMention, b: &AmountMention) -> bool {
    (a.kind == AmountKind::Percent) == (b.kind == AmountKind::Percent)
        && match (&a.currency, &b.currency) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

fn equal(a: &AmountMention, b: &AmountMention) -> bool {
    compatible(a, b) && (a.value == b.value || ((a.linked || b.linked) && a.digits == b.digits))
}

/// The power of ten between two figures with the same significant digits
/// (`1000` for `milliard` rendered as `million`), if they are that.
fn shift(a: &AmountMention, b: &AmountMention) -> Option<rust_decimal::Decimal> {
    if !compatible(a, b) || a.digits.is_empty() || a.digits != b.digits || a.value == b.value {
        return None;
    }
    let (hi, lo) = if a.value.abs() > b.value.abs() {
        (a.value.abs(), b.value.abs())
    } else {
        (b.value.abs(), a.value.abs())
    };
    if lo.is_zero() {
        return None;
    }
    let ratio = hi.checked_div(lo)?;
    let ten = rust_decimal::Decimal::TEN;
    let mut power = ten;
    for _ in 0..15 {
        if power == ratio {
            return Some(ratio);
        }
        power = power.checked_mul(ten)?;
    }
    None
}

/// The two values shown with one exponent.
fn shown(a: &AmountMention, b: &AmountMention) -> (String, String) {
    let exp = display_exponent(a.value.abs().max(b.value.abs()));
    (show(a, exp), show(b, exp))
}

impl TranslationAmount {
    /// A hit on the translation's figure `t` that renders the original's
    /// `s` wrongly, with the message `template`.
    fn pair_hit(
        template: &str,
        doc: &Document<'_>,
        o: &Document<'_>,
        t: &AmountMention,
        s: &AmountMention,
    ) -> Hit<'static> {
        let (value, source) = shown(t, s);
        let factor = shift(s, t)
            .map(|f| f.normalize().to_string())
            .unwrap_or_default();
        let text = &doc.text()[t.span.range()];
        let source_text = &o.text()[s.span.range()];
        let problem = fill(
            template,
            &[
                ("text", text),
                ("value", &value),
                ("source", &source),
                ("source_text", source_text),
                ("factor", &factor),
            ],
        );
        Hit::new(t.span)
            .var("problem", problem)
            .related_in_original(s.span, format!("the original's figure: {source}"))
    }
}

impl Check for TranslationAmount {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::ALIGNED.when(doc.original().is_some())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let (Some(al), Some(original)) = (doc.alignment(), doc.original()) else {
            return;
        };
        let o = original.doc;
        let (src, tgt) = (o.amounts(), doc.amounts());
        // Figures of the translation that a figure of the original explains.
        let mut explained: Vec<bool> = tgt
            .iter()
            .map(|t| src.iter().any(|s| equal(s, t)))
            .collect();
        for s in src {
            if tgt.iter().any(|t| equal(s, t)) {
                continue;
            }
            let Some(cp) = al.counterpart(Side::Source, s.block, s.view.start) else {
                continue;
            };
            if cp.dropped {
                continue;
            }
            let shifted = tgt
                .iter()
                .enumerate()
                .filter(|(i, t)| !explained[*i] && shift(s, t).is_some())
                .map(|(i, t)| (rank(&cp, al, Side::Target, t.block, t.view.start), i))
                .filter(|(r, _)| *r <= 1 || s.digits.len() >= self.p.min_digits)
                .min();
            if let Some((_, i)) = shifted {
                explained[i] = true;
                out.push(Self::pair_hit(&self.p.shifted, doc, o, &tgt[i], s));
                continue;
            }
            // A figure of the same kind in the aligned sentence that the
            // original does not explain: the figure, changed.
            let changed = tgt.iter().enumerate().position(|(i, t)| {
                !explained[i]
                    && t.kind == s.kind
                    && compatible(s, t)
                    && al.in_sentences(Side::Target, &cp.sentences, t.block, t.view.start)
            });
            if let Some(i) = changed {
                explained[i] = true;
                out.push(Self::pair_hit(&self.p.changed, doc, o, &tgt[i], s));
                continue;
            }
            let source = show(s, display_exponent(s.value.abs()));
            out.extend(missing_hit(
                doc,
                al,
                &cp,
                &Missing {
                    template: &self.p.missing,
                    span: s.span,
                    value: &source,
                    related: "the figure in the original",
                },
            ));
        }
        for (i, t) in tgt.iter().enumerate() {
            if explained[i] {
                continue;
            }
            // A figure repeated in the original, shifted here once.
            if let Some(s) = src
                .iter()
                .find(|s| shift(s, t).is_some() && s.digits.len() >= self.p.min_digits)
            {
                out.push(Self::pair_hit(&self.p.shifted, doc, o, t, s));
                continue;
            }
            let value = show(t, display_exponent(t.value.abs()));
            let problem = fill(
                &self.p.added,
                &[("text", &doc.text()[t.span.range()]), ("value", &value)],
            );
            out.push(Hit::new(t.span).var("problem", problem));
        }
    }
}
