//! `translation-passage`: a paragraph or sentence of the original with no
//! counterpart in the translation (see [`crate::translation`] for the
//! alignment).
//!
//! A source paragraph in a 1-0 bead of the paragraph alignment, or a source
//! sentence in a 1-0 bead of the sentence alignment of its paragraphs, is a
//! candidate. It is reported when it is a passage (`min-letters` letters and
//! `min-words` words at least) and the lengths agree that it is missing:
//! the translation of its paragraphs (of the whole article, for a
//! paragraph) is shorter than the original's by at least half of the
//! passage's expected length. A sentence whose figures and dates are all in
//! the aligned translation paragraphs was merged into another, not
//! dropped, and is not reported. The finding is on the translation sentence
//! after which (or, at the start, before which) the passage is missing,
//! with the passage in the original as its related place.

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::document::Document;
use crate::rules::Data;
use crate::translation::{
    Alignment, Anchor, Sentence, amount_anchor, date_anchor, fill, letters, sentence_span,
};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Message when the passage is missing after the flagged sentence;
    /// placeholders `{text}`, `{passage}` (`paragraph` or `sentence`),
    /// `{source_text}` (the passage's start).
    after: String,
    /// Message when the passage is missing before the flagged sentence
    /// (at the start of the translation or of a paragraph).
    before: String,
    /// The smallest passage reported, in letters and digits.
    min_letters: usize,
    /// The smallest passage reported, in words.
    min_words: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            after:
                "the original's {passage} «{source_text}» has no counterpart after this sentence"
                    .into(),
            before:
                "the original's {passage} «{source_text}» has no counterpart before this sentence"
                    .into(),
            min_letters: 20,
            min_words: 4,
        }
    }
}

#[derive(Debug)]
pub(crate) struct MissingPassage {
    p: Params,
}

impl Kind for MissingPassage {
    const NAME: &'static str = "translation-passage";
    const PLACEHOLDERS: &'static [&'static str] = &["problem"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        Ok(MissingPassage { p })
    }
}

#[allow(clippy::cast_precision_loss)] // article lengths
fn sentence_letters(doc: &Document<'_>, s: &Sentence) -> f64 {
    letters(&doc.blocks[s.block].text[s.range.clone()]) as f64
}

/// The start of a passage, for a message: its first words, about 60 bytes.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.len() <= 70 {
        return text.to_owned();
    }
    let mut end = 60;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &text[..cut])
}

/// The figures and dates of a view range of a block of `doc` (a whole block
/// when `range` is `None`).
fn numeric_anchors(
    doc: &Document<'_>,
    block: usize,
    range: Option<&std::ops::Range<usize>>,
) -> Vec<Anchor> {
    let inside = |b: usize, pos: usize| b == block && range.is_none_or(|r| r.contains(&pos));
    let mut out: Vec<Anchor> = doc
        .amounts()
        .iter()
        .filter(|m| inside(m.block, m.view.start))
        .map(amount_anchor)
        .collect();
    out.extend(
        doc.dates()
            .iter()
            .filter(|d| inside(d.block, d.view.start))
            .filter_map(date_anchor),
    );
    out
}

impl MissingPassage {
    /// The hit for a passage of the original missing at position `k` of the
    /// translation's sentences.
    fn hit(
        &self,
        doc: &Document<'_>,
        o: &Document<'_>,
        al: &Alignment,
        k: usize,
        passage: (&str, crate::source::Span),
    ) -> Option<Hit<'_>> {
        let (kind, span) = passage;
        let (template, at) = if k > 0 {
            (&self.p.after, k - 1)
        } else {
            (&self.p.before, k)
        };
        let at = sentence_span(doc, al.target_sentences.get(at)?)?;
        let source_text = excerpt(&o.text()[span.range()]);
        let problem = fill(
            template,
            &[
                ("text", &doc.text()[at.range()]),
                ("passage", kind),
                ("source_text", &source_text),
            ],
        );
        Some(
            Hit::new(at)
                .var("problem", problem)
                .related_in_original(span, format!("the {kind} in the original")),
        )
    }

    fn is_passage(&self, text: &str) -> bool {
        letters(text) >= self.p.min_letters && text.split_whitespace().count() >= self.p.min_words
    }
}

impl Check for MissingPassage {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::ALIGNED.when(doc.original().is_some())
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let (Some(al), Some(original)) = (doc.alignment(), doc.original()) else {
            return;
        };
        let o = original.doc;
        let total = |d: &Document<'_>, list: &[Sentence]| {
            list.iter().map(|s| sentence_letters(d, s)).sum::<f64>()
        };
        let (all_source, all_target) = (
            total(o, &al.source_sentences),
            total(doc, &al.target_sentences),
        );
        // Dropped paragraphs.
        for bead in al.paragraphs.iter().filter(|b| b.target.is_empty()) {
            for b in bead.source.clone() {
                let block = &o.blocks[b];
                if !self.is_passage(&block.text) {
                    continue;
                }
                #[allow(clippy::cast_precision_loss)]
                let len = letters(&block.text) as f64;
                if all_target > al.ratio * (all_source - len / 2.0) {
                    continue;
                }
                let k = al
                    .target_sentences
                    .partition_point(|s| s.block < bead.target.start);
                let span = block.span_of(0..block.text.len());
                out.extend(self.hit(doc, o, al, k, ("paragraph", span)));
            }
        }
        // Dropped sentences of aligned paragraphs.
        for sb in al.sentences.iter().filter(|b| b.bead.target.is_empty()) {
            let group = &al.paragraphs[sb.paragraph];
            if group.target.is_empty() {
                continue;
            }
            let in_group = |list: &[Sentence], blocks: &std::ops::Range<usize>| {
                list.iter()
                    .filter(|s| blocks.contains(&s.block))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let source_group = in_group(&al.source_sentences, &group.source);
            let target_group = in_group(&al.target_sentences, &group.target);
            let target_anchors: Vec<Anchor> = group
                .target
                .clone()
                .flat_map(|b| numeric_anchors(doc, b, None))
                .collect();
            for i in sb.bead.source.clone() {
                let s = &al.source_sentences[i];
                let text = &o.blocks[s.block].text[s.range.clone()];
                if !self.is_passage(text) {
                    continue;
                }
                let anchors = numeric_anchors(o, s.block, Some(&s.range));
                if !anchors.is_empty() && anchors.iter().all(|a| target_anchors.contains(a)) {
                    continue;
                }
                let len = sentence_letters(o, s);
                if total(doc, &target_group) > al.ratio * (total(o, &source_group) - len / 2.0) {
                    continue;
                }
                let Some(span) = sentence_span(o, s) else {
                    continue;
                };
                out.extend(self.hit(doc, o, al, sb.bead.target.start, ("sentence", span)));
            }
        }
    }
}
