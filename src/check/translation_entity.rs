//! `translation-entity`: the names of a translation against those of its
//! original (see [`crate::translation`]).
//!
//! - A gazetteer entity named in the original must be named in the
//!   translation, in one of its forms, or in a form the transliteration key
//!   links to it (the consonant skeleton of its Latin name, see
//!   [`crate::entity::skeleton`]: `Toberoff` ↔ `توبروف`; in Latin script,
//!   the same word). When it is not, the translation's sentence aligned
//!   with the original's is searched for a near rendering (a skeleton one
//!   consonant away, a Latin word two edits away): `mistransliterated` on it,
//!   else `missing` on the sentence.
//! - A name the gazetteer does not know, written in Latin script in the
//!   original (a capitalized word that is no ordinary word), is looked for
//!   the same way; only a near rendering is reported (a name may be
//!   translated, `Fed` → `الاحتياطي الفيدرالي`, which no key links).
//! - Each name is rendered one way throughout the translation:
//!   `inconsistent` on the rarer renderings (of one script) of a name.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::document::{Document, Script};
use crate::entity::{
    EntityType, FormKind, Status, is_ordinary_word, key, skeleton, weighted_distance,
};
use crate::rules::Data;
use crate::source::Span;
use crate::translation::words::{Rendering, Words};
use crate::translation::{Alignment, Counterpart, Missing, Side, fill, missing_hit};

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Message of a name of the original that the translation does not
    /// name; placeholders `{text}` (the sentence), `{source_text}`.
    missing: String,
    /// Message of a rendering that neither the gazetteer nor the
    /// transliteration key links to the original's name; `{expected}` is
    /// the gazetteer's form, or the original's name.
    mistransliterated: String,
    /// Message of a name rendered several ways; `{other}` is the most used
    /// rendering.
    inconsistent: String,
    /// The fewest consonants of a skeleton that links two names.
    min_consonants: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            missing: "the original names «{source_text}», which the translation does not name".into(),
            mistransliterated: "«{text}» does not render the original's «{source_text}» (expected «{expected}»)".into(),
            inconsistent: "«{text}» renders the original's «{source_text}», which the translation mostly writes «{other}»".into(),
            min_consonants: 3,
        }
    }
}

#[derive(Debug)]
pub(crate) struct TranslationEntity {
    p: Params,
}

impl Kind for TranslationEntity {
    const NAME: &'static str = "translation-entity";
    const PLACEHOLDERS: &'static [&'static str] = &["problem"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        Ok(TranslationEntity { p })
    }
}

/// What the search for a name's rendering found.
enum Found {
    /// A word that the key links to the name.
    Linked(Rendering),
    /// A word close to the name, but not linked to it.
    Near(Rendering),
    None,
}

/// A name of the original to look for.
struct Name<'n> {
    /// Its Latin word to match (a person's surname, a one-word name).
    word: &'n str,
    source_span: Span,
    /// Its gazetteer entity, if any.
    entity: Option<usize>,
}

impl TranslationEntity {
    /// Looks for a rendering of `name` among the words of the translation
    /// aligned with the original's (the aligned sentences, else paragraphs).
    fn search(&self, words: &Words, al: &Alignment, cp: &Counterpart, name: &Name<'_>) -> Found {
        let latin_key = key(name.word);
        let latin_skeleton = skeleton::latin(name.word);
        if latin_skeleton.len() < self.p.min_consonants {
            return Found::None;
        }
        let mut near = None;
        let region = words.first[cp.blocks.start]..words.first[cp.blocks.end];
        for i in region {
            let w = &words.list[i];
            if !cp.sentences.is_empty()
                && !al.in_sentences(Side::Target, &cp.sentences, w.block, w.start)
            {
                continue;
            }
            if w.arabic {
                if let Some(k) = w.skeletons.iter().position(|s| *s == latin_skeleton) {
                    return Found::Linked(words.rendering(i, k));
                }
                // One consonant away, the first one kept: a name is rarely
                // misheard at its start.
                let close = (0..w.keys.len()).any(|k| {
                    w.skeletons[k].len() >= self.p.min_consonants
                        && w.skeletons[k].chars().next() == latin_skeleton.chars().next()
                        && weighted_distance(&w.skeletons[k], &latin_skeleton) <= 2
                        && !w.ordinary[k]
                });
                if near.is_none() && close {
                    near = Some(words.rendering(i, w.keys.len() - 1));
                }
            } else {
                let k = &w.keys[0];
                if *k == latin_key {
                    return Found::Linked(words.rendering(i, 0));
                }
                if near.is_none()
                    && w.capital
                    && k.chars().count() >= 4
                    && k.chars().next() == latin_key.chars().next()
                    && !w.ordinary[0]
                    && weighted_distance(k, &latin_key) <= 4
                {
                    near = Some(words.rendering(i, 0));
                }
            }
        }
        near.map_or(Found::None, Found::Near)
    }

    /// Every rendering of `name` in Arabic script that the transliteration
    /// key links to it, for the consistency check: the one found beside the
    /// original's name (`found`), and the words with its skeleton that are
    /// no ordinary word. In Latin script, the link is the word itself.
    fn linked_everywhere(words: &Words, name: &Name<'_>, found: Rendering) -> Vec<Rendering> {
        if !found.arabic {
            return vec![found];
        }
        let target = skeleton::latin(name.word);
        let mut indices: Vec<(usize, usize)> = Vec::new();
        for &i in words.by_skeleton.get(&target).into_iter().flatten() {
            let w = &words.list[i];
            if let Some(k) = (0..w.keys.len())
                .find(|&k| w.skeletons[k] == target && (w.keys[k] == found.key || !w.ordinary[k]))
            {
                indices.push((i, k));
            }
        }
        for &i in words.by_key.get(&found.key).into_iter().flatten() {
            if let Some(k) = words.list[i].keys.iter().position(|k| *k == found.key) {
                indices.push((i, k));
            }
        }
        indices.sort_unstable();
        indices.dedup_by_key(|(i, _)| *i);
        if indices.is_empty() {
            return vec![found];
        }
        indices
            .into_iter()
            .map(|(i, k)| words.rendering(i, k))
            .collect()
    }

    fn expected(doc: &Document<'_>, name: &Name<'_>) -> String {
        name.entity.map_or_else(
            || name.word.to_owned(),
            |e| {
                doc.data
                    .gazetteer
                    .canonical(e, doc.lang == crate::Lang::Ar, doc.lang)
                    .to_owned()
            },
        )
    }
}

/// The Latin word that stands for an entity in a transliteration: a
/// person's surname, a one-word name; `None` for other names of several
/// words (translated, not transliterated: `European Commission`).
fn latin_word(e: &crate::entity::Entity) -> Option<&str> {
    let words: Vec<&str> = e.name.split_whitespace().collect();
    match (e.kind, words.as_slice()) {
        (_, [one]) => Some(one),
        (EntityType::Person, [.., last]) => Some(last),
        _ => None,
    }
}

/// The stem of a word of a name for a loose comparison: its key without
/// the Arabic article, cut to five letters (`السعودية`, `السعودي`; `Saudi`,
/// `saoudienne`/`saoudite` share theirs).
fn stem(word: &str) -> Option<String> {
    let k = key(word);
    let k = k.strip_prefix("ال").unwrap_or(&k);
    (k.chars().count() >= 4).then(|| k.chars().take(5).collect())
}

/// The stems of the words of a document ([`stem`]).
fn stems_of(doc: &Document<'_>) -> rustc_hash::FxHashSet<String> {
    doc.blocks
        .iter()
        .flat_map(|b| b.words.iter().filter_map(|w| stem(&b.text[w.range()])))
        .collect()
}

/// True when a word of the translation (whose stems are `words`) has the
/// stem of a word of one of the entity's correct forms.
fn loosely_named(doc: &Document<'_>, words: &rustc_hash::FxHashSet<String>, entity: usize) -> bool {
    doc.data
        .gazetteer
        .forms_of(entity)
        .filter(|f| f.kind.is_correct())
        .flat_map(|f| f.text.split_whitespace())
        .filter_map(stem)
        .any(|s| words.contains(&s))
}

/// Capitalized Latin words of the original that are no ordinary word and no
/// part of a known name, figure or date: names the gazetteer does not know.
fn local_names<'d>(o: &'d Document<'_>) -> Vec<(&'d str, Span, usize, usize)> {
    let known = o.data.gazetteer.entities.len();
    // The view ranges of names, figures and dates, merged: (block, start, end).
    let mut taken: Vec<(usize, usize, usize)> = o
        .entities()
        .list
        .iter()
        .filter(|m| m.entity() < known)
        .map(|m| (m.block(), m.view().start, m.view().end))
        .chain(
            o.amounts()
                .iter()
                .map(|m| (m.block, m.view.start, m.view.end)),
        )
        .chain(
            o.dates()
                .iter()
                .map(|m| (m.block, m.view.start, m.view.end)),
        )
        .collect();
    taken.sort_unstable();
    let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(taken.len());
    for (b, s, e) in taken {
        match merged.last_mut() {
            Some(last) if last.0 == b && s <= last.2 => last.2 = last.2.max(e),
            _ => merged.push((b, s, e)),
        }
    }
    let covered = |bi: usize, r: &std::ops::Range<usize>| {
        let i = merged.partition_point(|&(b, s, _)| (b, s) < (bi, r.end));
        i > 0 && merged[i - 1].0 == bi && merged[i - 1].2 > r.start
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<(&str, Span, usize, usize)> = Vec::new();
    for (bi, block) in o.blocks.iter().enumerate() {
        for w in &block.words {
            let text = &block.text[w.range()];
            if w.script() != Script::Latin
                || !text.chars().next().is_some_and(char::is_uppercase)
                || text.chars().count() < 4
                || !text.chars().all(char::is_alphabetic)
                || is_ordinary_word(o.data, &text.to_lowercase())
                || block.is_masked(&w.range())
                || covered(bi, &w.range())
                || !seen.insert(text)
            {
                continue;
            }
            out.push((text, block.span_of(w.range()), bi, w.range().start));
        }
    }
    out
}

impl Check for TranslationEntity {
    fn reads(&self, doc: &Document<'_>) -> Reads {
        Reads::ALIGNED.when(doc.original().is_some())
    }

    #[allow(clippy::too_many_lines)]
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let (Some(al), Some(original)) = (doc.alignment(), doc.original()) else {
            return;
        };
        let o = original.doc;
        let gaz = &doc.data.gazetteer;
        let known = gaz.entities.len();
        let named: Vec<&crate::entity::Mention> = doc
            .entities()
            .list
            .iter()
            .filter(|m| m.entity() < known)
            .collect();
        // Renderings of each name of the original (by its source text).
        let mut renderings: BTreeMap<String, (Span, Vec<Rendering>)> = BTreeMap::new();
        for m in named.iter().filter(|m| m.status == Status::Correct) {
            let e = &gaz.entities[m.entity()];
            let text = &doc.text()[m.span(doc).range()];
            let last = text.split_whitespace().last().unwrap_or(text);
            if let Some(first) = o.entities().list.iter().find(|s| s.entity() == m.entity()) {
                renderings
                    .entry(e.name.to_string())
                    .or_insert_with(|| (first.span(o), Vec::new()))
                    .1
                    .push(Rendering {
                        span: m.span(doc),
                        key: key(last),
                        arabic: m.arabic,
                    });
            }
        }
        // The entities named in the translation, and those reported.
        let in_translation: rustc_hash::FxHashSet<usize> =
            named.iter().map(|t| t.entity()).collect();
        let mut reported: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
        let mut stems = None;
        let mut names: Vec<(Name<'_>, usize, usize)> = Vec::new();
        for s in o.entities().list.iter().filter(|m| m.entity() < known) {
            // A surname that is also an ordinary word (`Son avocat`) is no
            // evidence of a name.
            // A surname that is also an ordinary word (`Son avocat`), or an
            // ordinary word that is a name in another case (`Un` for `UN`), is
            // no evidence of a name.
            let text = &o.text()[s.span(o).range()];
            let exact = gaz
                .forms
                .get(s.form())
                .is_some_and(|f| f.kind != FormKind::Short && f.text == text);
            if !exact && is_ordinary_word(o.data, &text.to_lowercase()) {
                continue;
            }
            // A known name in the wrong case (`Un` for `UN`) or a fuzzy guess
            // is an ordinary word as often as a name.
            if matches!(s.status, Status::Case | Status::Fuzzy) {
                continue;
            }
            if in_translation.contains(&s.entity()) || !reported.insert(s.entity()) {
                continue;
            }
            let e = &gaz.entities[s.entity()];
            if let Some(word) = latin_word(e) {
                names.push((
                    Name {
                        word,
                        source_span: s.span(o),
                        entity: Some(s.entity()),
                    },
                    s.block(),
                    s.view().start,
                ));
                continue;
            }
            // Not transliterated: only its absence can be told, and a word
            // of one of its forms (`Saudi` for `Saudi Arabia`) is taken as a
            // mention.
            // The translation's stems, once (for the first name that
            // needs them), not once per name.
            let stems = stems.get_or_insert_with(|| stems_of(doc));
            if loosely_named(doc, stems, s.entity()) {
                continue;
            }
            let Some(cp) = al.counterpart(Side::Source, s.block(), s.view().start) else {
                continue;
            };
            if !cp.dropped {
                self.missing(doc, al, &cp, s.span(o), out);
            }
        }
        for (word, span, block, pos) in local_names(o) {
            names.push((
                Name {
                    word,
                    source_span: span,
                    entity: None,
                },
                block,
                pos,
            ));
        }
        let words = Words::new(doc);
        for (name, block, pos) in &names {
            let Some(cp) = al.counterpart(Side::Source, *block, *pos) else {
                continue;
            };
            if cp.dropped {
                continue;
            }
            let source_text = &o.text()[name.source_span.range()];
            match self.search(&words, al, &cp, name) {
                Found::Linked(r) => {
                    let list = Self::linked_everywhere(&words, name, r);
                    renderings
                        .entry(name.word.to_owned())
                        .or_insert_with(|| (name.source_span, Vec::new()))
                        .1
                        .extend(list);
                }
                found => {
                    if let Some(r) = words.linked(name.word) {
                        let list = Self::linked_everywhere(&words, name, r);
                        renderings
                            .entry(name.word.to_owned())
                            .or_insert_with(|| (name.source_span, Vec::new()))
                            .1
                            .extend(list);
                        continue;
                    }
                    match found {
                        Found::Near(r) => {
                            let expected = Self::expected(doc, name);
                            let problem = fill(
                                &self.p.mistransliterated,
                                &[
                                    ("text", &doc.text()[r.span.range()]),
                                    ("source_text", source_text),
                                    ("expected", &expected),
                                ],
                            );
                            out.push(
                                Hit::new(r.span)
                                    .var("problem", problem)
                                    .related_in_original(
                                        name.source_span,
                                        "the name in the original",
                                    ),
                            );
                        }
                        _ if name.entity.is_some() => {
                            self.missing(doc, al, &cp, name.source_span, out);
                        }
                        _ => {}
                    }
                }
            }
        }
        self.inconsistent(doc, o, &renderings, out);
    }
}

impl TranslationEntity {
    fn missing(
        &self,
        doc: &Document<'_>,
        al: &Alignment,
        cp: &Counterpart,
        source: Span,
        out: &mut dyn HitSink,
    ) {
        let missing = Missing {
            template: &self.p.missing,
            span: source,
            value: "",
            related: "the name in the original",
        };
        out.extend(missing_hit(doc, al, cp, &missing));
    }

    /// Renderings of one name in one script that differ from its most used
    /// one.
    fn inconsistent(
        &self,
        doc: &Document<'_>,
        o: &Document<'_>,
        renderings: &BTreeMap<String, (Span, Vec<Rendering>)>,
        out: &mut dyn HitSink,
    ) {
        for (source, list) in renderings.values() {
            for arabic in [true, false] {
                let mut counts: Vec<(&str, usize, Span)> = Vec::new();
                for r in list.iter().filter(|r| r.arabic == arabic) {
                    match counts.iter_mut().find(|(k, ..)| *k == r.key) {
                        Some(c) => c.1 += 1,
                        None => counts.push((&r.key, 1, r.span)),
                    }
                }
                if counts.len() < 2 {
                    continue;
                }
                // The most used rendering, the first one on a tie.
                let (top, _, top_span) = counts
                    .iter()
                    .fold(counts[0], |best, c| if c.1 > best.1 { *c } else { best });
                let top_text = &doc.text()[top_span.range()];
                for r in list.iter().filter(|r| r.arabic == arabic && r.key != top) {
                    let problem = fill(
                        &self.p.inconsistent,
                        &[
                            ("text", &doc.text()[r.span.range()]),
                            ("source_text", &o.text()[source.range()]),
                            ("other", top_text),
                        ],
                    );
                    out.push(
                        Hit::new(r.span)
                            .var("problem", problem)
                            .related(top_span, "the most used rendering")
                            .related_in_original(*source, "the name in the original"),
                    );
                }
            }
        }
    }
}
