//! `entity`: names written in a form other than the entity's own, over the
//! mentions that [`crate::entity`] extracts once per document.
//!
//! `report` picks what a rule reports:
//! - `case`: a correct form in the wrong case (`Openai`, `chatgpt`, `8vc`);
//! - `variant`: a known wrong form; `spelling`: an Arabic form that differs
//!   from the newsroom's only in hamza or taa marbuta (`التمان`);
//! - `misspelling`: a known misspelling; `fuzzy`: a word close to a known
//!   name (`Optai`), a warning when the article names the entity, else info;
//! - `transliteration`: an Arabic rendering of a name that the article also
//!   writes another way (`موسك`, `المسك` beside `Musk`);
//! - `mixed-script`: an entity written in both Latin and Arabic script in
//!   one Arabic article (one finding per entity, info).
//!
//! Every message can quote all the forms the article uses and how often
//! (`{forms}`: `Openai ×9, Optai ×1`) and the canonical form (`{canonical}`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Check, Hit, HitSink, Kind, Reads};
use crate::document::Document;
use crate::entity::{FormKind, Mention, Status};
use crate::rules::{Data, Severity};

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Report {
    Case,
    Variant,
    Spelling,
    Misspelling,
    Fuzzy,
    Transliteration,
    MixedScript,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    report: Vec<Report>,
}

#[derive(Debug)]
pub(crate) struct Entities {
    report: Vec<Report>,
}

impl Kind for Entities {
    const NAME: &'static str = "entity";
    const PLACEHOLDERS: &'static [&'static str] = &["canonical", "forms", "entity"];
    type Params = Params;

    fn build(p: Params, _data: &Data) -> Result<Self, String> {
        if p.report.is_empty() {
            return Err("`report` is empty".into());
        }
        Ok(Entities { report: p.report })
    }
}

fn wanted(status: Status) -> Report {
    match status {
        Status::Case => Report::Case,
        Status::Variant => Report::Variant,
        Status::Spelling => Report::Spelling,
        Status::Misspelling => Report::Misspelling,
        Status::Fuzzy => Report::Fuzzy,
        Status::Transliteration | Status::Correct => Report::Transliteration,
    }
}

/// `Openai ×9, Optai ×1`: the forms of each entity, most frequent first.
fn forms_by_entity(doc: &Document<'_>, mentions: &[Mention]) -> BTreeMap<usize, String> {
    let mut seen: BTreeMap<usize, Vec<(String, usize, u32)>> = BTreeMap::new();
    for m in mentions {
        let span = m.span(doc);
        let text = &doc.text()[span.range()];
        let forms = seen.entry(m.entity()).or_default();
        match forms.iter_mut().find(|(t, _, _)| *t == text) {
            Some(f) => f.1 += 1,
            None => forms.push((text.to_owned(), 1, span.start)),
        }
    }
    seen.into_iter()
        .map(|(e, mut forms)| {
            forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            let list: Vec<String> = forms.iter().map(|(t, n, _)| format!("{t} ×{n}")).collect();
            (e, list.join(", "))
        })
        .collect()
}

impl Entities {
    /// The correct form to write instead of a mention.
    fn suggestion<'d>(doc: &'d Document<'_>, m: &Mention) -> &'d str {
        let gaz = &doc.data.gazetteer;
        if let Some(local) = m.entity().checked_sub(gaz.entities.len()) {
            return &doc.entities().locals[local].majority;
        }
        let form = &gaz.forms[m.form()];
        let entity = &gaz.entities[m.entity()];
        let one_word = !doc.text()[m.span(doc).range()].trim().contains(' ');
        match m.status {
            Status::Case | Status::Spelling | Status::Fuzzy if form.kind.is_correct() => &form.text,
            Status::Transliteration => {
                let ar = entity.ar.as_deref().unwrap_or(&entity.name);
                let short = entity.kind == crate::entity::EntityType::Person
                    || form.kind == FormKind::Short;
                if one_word && short {
                    ar.split_whitespace().last().unwrap_or(ar)
                } else {
                    ar
                }
            }
            _ => gaz.canonical(m.entity(), m.arabic, doc.lang),
        }
    }
}

/// The name of an entity, known or local.
fn entity_name<'d>(doc: &'d Document<'_>, entity: usize) -> &'d str {
    let gaz = &doc.data.gazetteer;
    match entity.checked_sub(gaz.entities.len()) {
        Some(local) => &doc.entities().locals[local].name,
        None => &gaz.entities[entity].name,
    }
}

impl Check for Entities {
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::ENTITIES
    }

    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let mentions = &doc.entities().list;
        if mentions.is_empty() {
            return;
        }
        let gaz = &doc.data.gazetteer;
        let reported =
            |m: &Mention| m.status != Status::Correct && self.report.contains(&wanted(m.status));
        let mixed_script =
            self.report.contains(&Report::MixedScript) && doc.lang == crate::Lang::Ar;
        if !mixed_script && !mentions.iter().any(reported) {
            return; // most articles write every name right: nothing to gather
        }
        // Every entity's forms, with their counts, for the messages: only
        // once a finding needs them.
        let forms = std::cell::OnceCell::new();
        let forms = || forms.get_or_init(|| forms_by_entity(doc, mentions));
        let named: BTreeMap<usize, usize> = mentions.iter().fold(BTreeMap::new(), |mut c, m| {
            if m.status != Status::Fuzzy {
                *c.entry(m.entity()).or_insert(0) += 1;
            }
            c
        });
        // Arabic spellings of each entity: a hamza left out is only reported
        // where the article writes the entity more than one way (some
        // outlets leave hamzas out throughout).
        let mut arabic_forms: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for m in mentions.iter().filter(|m| m.arabic) {
            let forms = arabic_forms.entry(m.entity()).or_default();
            let text = &doc.text()[m.span(doc).range()];
            if !forms.contains(&text) {
                forms.push(text);
            }
        }
        // The distinct forms of each entity, each with its first mention, in
        // text order: the related places of a finding (never a scan of
        // every mention per finding).
        let mut distinct: BTreeMap<usize, Vec<(&str, &Mention)>> = BTreeMap::new();
        for m in mentions {
            let text = &doc.text()[m.span(doc).range()];
            let forms = distinct.entry(m.entity()).or_default();
            if !forms.iter().any(|(t, _)| *t == text) {
                forms.push((text, m));
            }
        }
        for m in mentions {
            if !reported(m) {
                continue;
            }
            if m.status == Status::Spelling && arabic_forms.get(&m.entity()).map_or(0, Vec::len) < 2
            {
                continue;
            }
            let suggestion = Entities::suggestion(doc, m);
            let span = m.span(doc);
            let own = &doc.text()[span.range()];
            if suggestion == own {
                continue;
            }
            let mut hit = Hit::new(span)
                .var("canonical", suggestion)
                .var("forms", forms().get(&m.entity()).map_or("", String::as_str))
                .var("entity", entity_name(doc, m.entity()))
                .suggest(suggestion);
            if m.status == Status::Fuzzy && named.get(&m.entity()).copied().unwrap_or(0) < 2 {
                hit = hit.at_most(Severity::Info);
            }
            // Point at the other forms of the entity.
            let others = distinct
                .get(&m.entity())
                .into_iter()
                .flatten()
                .filter(|(t, _)| *t != own);
            for (_, o) in others.take(4) {
                hit = hit.related(o.span(doc), "another form of the name");
            }
            out.push(hit);
        }
        if mixed_script {
            let mut by_entity: BTreeMap<usize, (Vec<&Mention>, Vec<&Mention>)> = BTreeMap::new();
            let lexicon = doc.data.set("lexicon-ar");
            // An Arabic form that is an ordinary word is not a rendering.
            for m in mentions
                .iter()
                .filter(|m| !m.arabic || !lexicon.contains(&doc.text()[m.span(doc).range()]))
            {
                let e = by_entity.entry(m.entity()).or_default();
                if m.arabic { e.1.push(m) } else { e.0.push(m) }
            }
            for (entity, (latin, arabic)) in by_entity {
                if entity >= gaz.entities.len() {
                    continue; // a local entity has no canonical Arabic form
                }
                let (Some(l), Some(a)) = (latin.first(), arabic.first()) else {
                    continue;
                };
                let first = if latin.len() <= arabic.len() { l } else { a };
                let canonical = gaz.canonical(entity, true, doc.lang);
                out.push(
                    Hit::new(first.span(doc))
                        .var("canonical", canonical)
                        .var("forms", forms().get(&entity).map_or("", String::as_str))
                        .var("entity", &*gaz.entities[entity].name)
                        .related(
                            if first.arabic {
                                l.span(doc)
                            } else {
                                a.span(doc)
                            },
                            "written in the other script here",
                        ),
                );
            }
        }
    }

    fn weight(&self) -> u8 {
        2
    }
}
