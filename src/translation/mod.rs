//! Source versus translation: the alignment of a translated article with
//! its original, shared by the `translation-*` check kinds.
//!
//! A translation ([`Document::original`] set, see `factlint check --source`)
//! is aligned with its original once, on the first translation rule that
//! asks ([`Document::alignment`]):
//!
//! 1. **Paragraphs.** The blocks of both documents are aligned with the
//!    Gale–Church algorithm ([`align`]): a dynamic program over the two
//!    sequences of paragraph lengths (letters and digits), with beads of
//!    1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 paragraphs, where the
//!    figures, dates and gazetteer names that two paragraphs share pull them
//!    together.
//! 2. **Sentences.** Inside each group of aligned paragraphs, the sentences
//!    are aligned the same way.
//!
//! The expected length ratio of the pair of languages is not a table: it is
//! measured on the two documents. A first pass uses the ratio of their total
//! lengths; the second, the median ratio of the sentences (else paragraphs)
//! the first aligned one to one, which a dropped passage does not skew.
//!
//! A source paragraph or sentence in a 1-0 bead has no counterpart: the
//! `translation-passage` kind reports it. The other kinds look for the
//! counterpart of each source figure, date and name in the translation
//! sentences aligned with its sentence, then in the aligned paragraphs,
//! then anywhere in the translation (a translator may move a figure).

mod align;
pub(crate) mod words;

pub use align::{Anchor, Anchors, Bead, Unit, align as gale_church};

use std::ops::Range;

use crate::amount::AmountKind;
use crate::document::Document;

/// One sentence of a document: its block and view range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub block: usize,
    pub range: Range<usize>,
}

/// A bead of sentences, inside the paragraph bead `paragraph`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceBead {
    pub bead: Bead,
    pub paragraph: usize,
}

/// Which document of the pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

/// Where a mention's counterpart should be on the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counterpart {
    /// Sentences of the other side aligned with the mention's sentence
    /// (indices into [`Alignment::sentences_of`]).
    pub sentences: Range<usize>,
    /// Blocks of the other side aligned with the mention's block.
    pub blocks: Range<usize>,
    /// True when the mention's sentence or paragraph has no counterpart at
    /// all (a dropped passage).
    pub dropped: bool,
}

/// The alignment of a translation with its original.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Translation letters per source letter.
    pub ratio: f64,
    /// Beads of blocks (source block indices, translation block indices).
    pub paragraphs: Vec<Bead>,
    /// Beads of sentences (indices into the sentence lists), in order.
    pub sentences: Vec<SentenceBead>,
    pub source_sentences: Vec<Sentence>,
    pub target_sentences: Vec<Sentence>,
}

/// The anchor of a figure: its value, `%` first for a percentage.
pub fn amount_anchor(m: &crate::amount::AmountMention) -> Anchor {
    let pct = if m.kind == AmountKind::Percent {
        "%"
    } else {
        ""
    };
    Anchor::Amount(format!("{pct}{}", m.value.normalize()))
}

/// The anchor of a date: its ISO value, or what an unresolved relative date
/// says; `None` for a date with neither.
pub fn date_anchor(d: &crate::date::DateMention) -> Option<Anchor> {
    d.iso()
        .or_else(|| d.relative.as_ref().map(|r| format!("~{r}")))
        .map(Anchor::Date)
}

/// The sentences of a document in text order, and the index of each
/// block's first sentence (one more entry than blocks).
fn sentences(doc: &Document<'_>) -> (Vec<Sentence>, Vec<usize>) {
    let mut out = Vec::new();
    let mut first = Vec::with_capacity(doc.blocks.len() + 1);
    for (bi, block) in doc.blocks.iter().enumerate() {
        first.push(out.len());
        out.extend(block.sentences.iter().map(|r| Sentence {
            block: bi,
            range: r.range(),
        }));
    }
    first.push(out.len());
    (out, first)
}

/// The letters and digits of `text` (`char::is_alphanumeric`), which
/// Gale and Church's lengths count.
pub(crate) fn letters(text: &str) -> usize {
    text.chars()
        .filter(|&c| crate::document::is_letter_or_digit(c))
        .count()
}

/// [`letters`] as a unit's length.
fn length(text: &str) -> f64 {
    f64::from(u32::try_from(letters(text)).unwrap_or(u32::MAX))
}

/// The units of a document: one per block, and one per sentence, with their
/// anchors numbered by `ids`.
fn units(doc: &Document<'_>, sentences: &[Sentence], ids: &mut Anchors) -> (Vec<Unit>, Vec<Unit>) {
    let mut blocks: Vec<Unit> = doc
        .blocks
        .iter()
        .map(|b| Unit {
            len: length(&b.text),
            ..Unit::default()
        })
        .collect();
    let mut sents: Vec<Unit> = sentences
        .iter()
        .map(|s| Unit {
            len: length(&doc.blocks[s.block].text[s.range.clone()]),
            ..Unit::default()
        })
        .collect();
    let known = doc.data.gazetteer.entities.len();
    let mut add = |block: usize, pos: usize, anchor: Anchor| {
        if let Some(i) = locate(sentences, block, pos) {
            sents[i].add(ids, &anchor);
        }
        if let Some(b) = blocks.get_mut(block) {
            b.add(ids, &anchor);
        }
    };
    for m in doc.amounts() {
        add(m.block, m.view.start, amount_anchor(m));
    }
    for d in doc.dates() {
        if let Some(a) = date_anchor(d) {
            add(d.block, d.view.start, a);
        }
    }
    for m in doc.entities().list.iter().filter(|m| m.entity() < known) {
        add(m.block(), m.view().start, Anchor::Entity(m.entity()));
    }
    (blocks, sents)
}

/// The index of the sentence that holds view offset `pos` of `block` (the
/// last sentence that starts at or before it).
fn locate(sentences: &[Sentence], block: usize, pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| (s.block, s.range.start) <= (block, pos));
    let i = i.checked_sub(1)?;
    (sentences[i].block == block).then_some(i)
}

/// The median translation-to-source ratio of the 1-1 beads, when there are
/// two or more.
fn median_ratio(beads: &[Bead], source: &[Unit], target: &[Unit]) -> Option<f64> {
    let mut ratios: Vec<f64> = beads
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .map(|b| (source[b.source.start].len, target[b.target.start].len))
        .filter(|(s, _)| *s >= 20.0)
        .map(|(s, t)| t / s)
        .collect();
    if ratios.len() < 2 {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    Some(ratios[ratios.len() / 2])
}

/// Aligns a translation with its original (see the module docs).
pub fn align(original: &Document<'_>, translation: &Document<'_>) -> Alignment {
    let (source_sentences, source_first) = sentences(original);
    let (target_sentences, target_first) = sentences(translation);
    let mut ids = Anchors::default();
    let (sb, ss) = units(original, &source_sentences, &mut ids);
    let (tb, ts) = units(translation, &target_sentences, &mut ids);
    let total = |u: &[Unit]| u.iter().map(|u| u.len).sum::<f64>();
    let mut ratio = total(&tb) / total(&sb).max(1.0);
    // The first pass uses the ratio of the whole articles.
    if !ratio.is_finite() || ratio <= 0.0 {
        ratio = 1.0;
    }
    let sentence_pass = |paragraphs: &[Bead], ratio: f64| {
        let mut beads = Vec::new();
        for (p, bead) in paragraphs.iter().enumerate() {
            let s = source_first[bead.source.start]..source_first[bead.source.end];
            let t = target_first[bead.target.start]..target_first[bead.target.end];
            for b in gale_church(&ss[s.clone()], &ts[t.clone()], ratio) {
                beads.push(SentenceBead {
                    bead: Bead {
                        source: s.start + b.source.start..s.start + b.source.end,
                        target: t.start + b.target.start..t.start + b.target.end,
                    },
                    paragraph: p,
                });
            }
        }
        beads
    };
    let mut paragraphs = gale_church(&sb, &tb, ratio);
    let mut sentence_beads = sentence_pass(&paragraphs, ratio);
    // The ratio again, from the units found to be translations of each
    // other one to one: a dropped passage no longer skews it.
    let one_to_one: Vec<Bead> = sentence_beads.iter().map(|b| b.bead.clone()).collect();
    // (The alignment is done again only when the ratio moved.)
    if let Some(r) =
        median_ratio(&one_to_one, &ss, &ts).or_else(|| median_ratio(&paragraphs, &sb, &tb))
    {
        let moved = (r - ratio).abs() > 0.02 * ratio;
        ratio = r;
        if moved {
            paragraphs = gale_church(&sb, &tb, ratio);
            sentence_beads = sentence_pass(&paragraphs, ratio);
        }
    }
    Alignment {
        ratio,
        paragraphs,
        sentences: sentence_beads,
        source_sentences,
        target_sentences,
    }
}

impl Alignment {
    /// The sentences of one side.
    pub fn sentences_of(&self, side: Side) -> &[Sentence] {
        match side {
            Side::Source => &self.source_sentences,
            Side::Target => &self.target_sentences,
        }
    }

    fn range(bead: &Bead, side: Side) -> &Range<usize> {
        match side {
            Side::Source => &bead.source,
            Side::Target => &bead.target,
        }
    }

    /// Where the counterpart of a mention at view offset `pos` of `block`
    /// of `side` should be, on the other side.
    pub fn counterpart(&self, side: Side, block: usize, pos: usize) -> Option<Counterpart> {
        let other = match side {
            Side::Source => Side::Target,
            Side::Target => Side::Source,
        };
        // The beads cover the side in order: the first that ends after
        // `block` holds it, unless `block` is past the side's end.
        let p = self
            .paragraphs
            .get(
                self.paragraphs
                    .partition_point(|b| Self::range(b, side).end <= block),
            )
            .filter(|b| Self::range(b, side).contains(&block))?;
        let blocks = Self::range(p, other).clone();
        let sentence = locate(self.sentences_of(side), block, pos);
        let bead = sentence.and_then(|s| {
            let i = self
                .sentences
                .partition_point(|b| Self::range(&b.bead, side).end <= s);
            self.sentences.get(i)
        });
        let sentences = bead.map_or(0..0, |b| Self::range(&b.bead, other).clone());
        Some(Counterpart {
            dropped: blocks.is_empty() || (bead.is_some() && sentences.is_empty()),
            sentences,
            blocks,
        })
    }

    /// True when view offset `pos` of `block` of `side` lies in the
    /// sentences `range` of that side.
    pub fn in_sentences(&self, side: Side, range: &Range<usize>, block: usize, pos: usize) -> bool {
        locate(self.sentences_of(side), block, pos).is_some_and(|i| range.contains(&i))
    }

    /// The view range, in its block, of a sentence of `side`.
    pub fn sentence(&self, side: Side, i: usize) -> &Sentence {
        &self.sentences_of(side)[i]
    }
}

/// Fills `{name}` placeholders of a message template from `vars`; unknown
/// ones are kept.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in vars {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// How close a mention of one side is to where a counterpart was expected:
/// 0 in the aligned sentences, 1 in the aligned paragraphs, 2 elsewhere.
pub fn rank(cp: &Counterpart, al: &Alignment, side: Side, block: usize, pos: usize) -> u8 {
    if al.in_sentences(side, &cp.sentences, block, pos) {
        0
    } else if cp.blocks.contains(&block) {
        1
    } else {
        2
    }
}

/// The original span of a sentence of `doc`, without the white space
/// around it.
pub fn sentence_span(doc: &Document<'_>, s: &Sentence) -> Option<crate::source::Span> {
    let block = doc.blocks.get(s.block)?;
    let text = block.text.get(s.range.clone())?;
    let start = s.range.start + (text.len() - text.trim_start().len());
    let end = s.range.start + text.trim_end().len();
    (start < end).then(|| block.span_of(start..end))
}

/// Where a finding about a missing counterpart goes in the translation:
/// the first translation sentence aligned with the source's, else the
/// first sentence of the aligned paragraphs.
pub fn counterpart_span(
    doc: &Document<'_>,
    al: &Alignment,
    cp: &Counterpart,
) -> Option<crate::source::Span> {
    if !cp.sentences.is_empty() {
        return sentence_span(doc, al.sentence(Side::Target, cp.sentences.start));
    }
    let block = cp.blocks.start;
    if cp.blocks.is_empty() {
        return None;
    }
    // The sentences are in text order: the first of `block`, if it has one.
    let sentences = &al.target_sentences;
    let first = sentences
        .get(sentences.partition_point(|s| s.block < block))
        .filter(|s| s.block == block)?;
    sentence_span(doc, first)
}

/// What is missing from the translation: a figure, date or name of the
/// original, for [`missing_hit`].
pub struct Missing<'t> {
    /// The message template: `{text}` is the translation's sentence,
    /// `{source_text}` the original's text, `{source}` its value.
    pub template: &'t str,
    /// Its span in the original.
    pub span: crate::source::Span,
    /// Its value, as a message shows it.
    pub value: &'t str,
    /// The message of the related place in the original.
    pub related: &'t str,
}

/// A hit on the translation sentence where the counterpart of something of
/// the original is missing.
pub fn missing_hit<'m>(
    doc: &Document<'_>,
    al: &Alignment,
    cp: &Counterpart,
    missing: &Missing<'m>,
) -> Option<crate::check::Hit<'m>> {
    let original = doc.original()?.doc;
    let span = counterpart_span(doc, al, cp)?;
    let problem = fill(
        missing.template,
        &[
            ("text", &doc.text()[span.range()]),
            ("source", missing.value),
            ("source_text", &original.text()[missing.span.range()]),
        ],
    );
    Some(
        crate::check::Hit::new(span)
            .var("problem", problem)
            .related_in_original(missing.span, missing.related),
    )
}
