//! `translation-date`: the dates of a translation against those of its
//! original (see [`crate::translation`]).
//!
//! The original is read with the translation's publication date, so that
//! `hier`, `أمس` and `yesterday` resolve to the same day. Every date of the
//! original needs an equal date in the translation, anywhere: the same
//! value at the precision they share (`10 February 2025` and `February
//! 2025` agree; so do two unresolved `yesterday`s). Two findings:
//!
//! - `changed`: a date of the original without an equal one, and a date in
//!   the aligned translation sentence that no date of the original explains
//!   (`10 février` rendered as `11 فبراير`): reported on the translation's
//!   date with both values.
//! - `missing`: a date of the original with no counterpart, reported on the
//!   aligned sentence of the translation (a date of a dropped passage is
//!   left to `translation-passage`).

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::date::DateMention;
use crate::document::Document;
use crate::rules::Data;
use crate::translation::{Missing, Side, fill, missing_hit};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Message of a date rendered as another; placeholders `{text}`,
    /// `{value}`, `{source}`, `{source_text}`.
    changed: String,
    /// Message of a date of the original with no counterpart; `{text}` is
    /// the translation's sentence.
    missing: String,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            changed: "«{text}» is {value}, but the original has {source} («{source_text}»)".into(),
            missing: "the original's date «{source_text}» ({source}) is missing here".into(),
        }
    }
}

#[derive(Debug)]
pub(crate) struct TranslationDate {
    p: Params,
}

impl Kind for TranslationDate {
    const NAME: &'static str = "translation-date";
    const PLACEHOLDERS: &'static [&'static str] = &["problem"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        Ok(TranslationDate { p })
    }
}

/// True when two dates say the same at the precision they share.
fn equal(a: &DateMention, b: &DateMention) -> bool {
    if a.iso().is_some() && b.iso().is_some() {
        return match (a.interval(), b.interval()) {
            (Some((a0, a1)), Some((b0, b1))) => (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1),
            _ => false,
        };
    }
    if let (Some(am), Some(ad), Some(bm), Some(bd)) = (a.month, a.day, b.month, b.day) {
        return am == bm && ad == bd;
    }
    a.relative.is_some() && a.relative == b.relative
}

/// How a date reads in a message: its ISO value, else what it says.
fn value(d: &DateMention) -> String {
    d.iso()
        .or_else(|| d.relative.clone())
        .unwrap_or_else(|| "an unresolved date".into())
}

/// True for the dates the check compares: those with a value.
fn comparable(d: &DateMention) -> bool {
    d.iso().is_some() || d.relative.is_some() || (d.month.is_some() && d.day.is_some())
}

impl Check for TranslationDate {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::ALIGNED.when(doc.original().is_some())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let (Some(al), Some(original)) = (doc.alignment(), doc.original()) else {
            return;
        };
        let o = original.doc;
        let (src, tgt) = (o.dates(), doc.dates());
        let mut explained: Vec<bool> = tgt
            .iter()
            .map(|t| src.iter().any(|s| equal(s, t)))
            .collect();
        for s in src.iter().filter(|d| comparable(d)) {
            if tgt.iter().any(|t| equal(s, t)) {
                continue;
            }
            let Some(cp) = al.counterpart(Side::Source, s.block, s.view.start) else {
                continue;
            };
            if cp.dropped {
                continue;
            }
            let source = value(s);
            let source_text = &o.text()[s.span.range()];
            let changed = tgt.iter().enumerate().find(|(i, t)| {
                !explained[*i]
                    && comparable(t)
                    && al.in_sentences(Side::Target, &cp.sentences, t.block, t.view.start)
            });
            let Some((i, t)) = changed else {
                out.extend(missing_hit(
                    doc,
                    al,
                    &cp,
                    &Missing {
                        template: &self.p.missing,
                        span: s.span,
                        value: &source,
                        related: "the date in the original",
                    },
                ));
                continue;
            };
            explained[i] = true;
            let problem = fill(
                &self.p.changed,
                &[
                    ("text", &doc.text()[t.span.range()]),
                    ("value", &value(t)),
                    ("source", &source),
                    ("source_text", source_text),
                ],
            );
            out.push(
                Hit::new(t.span)
                    .var("problem", problem)
                    .related_in_original(s.span, format!("the date in the original: {source}")),
            );
        }
    }
}
