//! Fact sheets: known figures of a story, from `rules/facts/*.toml` and
//! `--facts FILE`.
//!
//! A fact sheet is a list of `[[fact]]` entries. Each names its subject (the
//! entities that must be mentioned in the sentence, words of which one must
//! appear there, and cue words or amount concept keys such as `offer` or
//! `valuation`), the value with its currency and date, the tolerance for
//! hedged mentions, and the source that states it. The `fact-amount` check
//! (`check/fact_amount.rs`) reports figures of a matching sentence that
//! contradict a fact.
//!
//! A fact without `value` and `currency` is a dated event (`date` is when it
//! happened, a year, month or day); the `fact-date` check
//! (`check/fact_date.rs`) reports dates of a matching sentence that
//! contradict it.
//!
//! ```toml
//! [[fact]]
//! id = "musk-openai-offer"
//! description = "The Musk-led group's offer for OpenAI"
//! entity = ["OpenAI", "Elon Musk"]
//! value = "97.4e9"
//! currency = "USD"
//! date = "2025-02"
//! tolerance = "10%"
//! source = "Reuters, 10 February 2025"
//!
//! [fact.cues]
//! all = ["offer"]
//! en = ["bid"]
//! ```

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::amount::Hedge;
use crate::document::Lang;
use crate::entity::{Gazetteer, key};
use crate::error::RuleFileError;

/// Words per language; `all` applies to every language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PerLangSpec {
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    all: Vec<String>,
}

/// One entity name or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FactSpec {
    id: Spanned<String>,
    description: String,
    #[serde(default)]
    entity: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    words: PerLangSpec,
    cues: Spanned<PerLangSpec>,
    #[serde(default)]
    value: Option<Spanned<String>>,
    #[serde(default)]
    currency: Option<Spanned<String>>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    tolerance: Option<Spanned<String>>,
    #[serde(default)]
    hedge: Option<Spanned<String>>,
    source: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SheetFile {
    #[serde(default)]
    fact: Vec<FactSpec>,
}

/// Matching keys of phrases, per language.
#[derive(Debug, Clone, Default)]
pub struct PerLang {
    pub ar: Vec<Vec<String>>,
    pub fr: Vec<Vec<String>>,
    pub en: Vec<Vec<String>>,
    pub all: Vec<Vec<String>>,
}

impl PerLang {
    fn from_spec(spec: &PerLangSpec) -> PerLang {
        let conv = |v: &[String]| -> Vec<Vec<String>> {
            v.iter()
                .map(|p| p.split_whitespace().map(key).collect::<Vec<_>>())
                .filter(|p: &Vec<String>| !p.is_empty())
                .collect()
        };
        PerLang {
            ar: conv(&spec.ar),
            fr: conv(&spec.fr),
            en: conv(&spec.en),
            all: conv(&spec.all),
        }
    }

    /// The phrases for a document in `lang` (its own and `all`).
    pub fn for_lang(&self, lang: Lang) -> impl Iterator<Item = &Vec<String>> {
        let own = match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        };
        own.iter().chain(&self.all)
    }

    fn is_empty(&self) -> bool {
        self.ar.is_empty() && self.fr.is_empty() && self.en.is_empty() && self.all.is_empty()
    }
}

/// One known figure.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub description: String,
    /// Gazetteer indices of the entities that must be mentioned in the
    /// sentence, and their names.
    pub entities: Vec<usize>,
    pub entity_names: Vec<String>,
    /// Words of which one must appear in the sentence (when any are given
    /// for the document's language).
    pub words: PerLang,
    /// Cue words or concept keys, one of which must be in the sentence.
    pub cues: PerLang,
    pub value: Decimal,
    /// ISO 4217 code.
    pub currency: String,
    /// A dated event (no `value`): `date` is when it happened, and the
    /// `fact-date` check compares the article's dates with it. Otherwise
    /// an amount, and `date` is when the figure was stated.
    pub is_event: bool,
    /// `YYYY-MM` or `YYYY-MM-DD` (an event may also be dated by its year).
    pub date: Option<String>,
    /// The relative tolerance for hedged mentions (0.1 for `10%`).
    pub tolerance: Decimal,
    /// The fact's own qualifier: `approx` (every mention gets the
    /// tolerance), `max` (an upper bound: `up to 500 billion`), `min`.
    pub hedge: Option<Hedge>,
    pub source: String,
    /// The fact sheet, as given, and the line of the fact's `id`.
    pub origin: String,
    pub line: usize,
}

/// All facts of the fact sheets in force.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    pub list: Vec<Fact>,
}

/// Parses a value: a decimal (`97400000000`, `97_400_000_000`) or
/// scientific notation (`97.4e9`).
pub fn parse_value(s: &str) -> Option<Decimal> {
    let s: String = s.trim().chars().filter(|&c| c != '_').collect();
    if s.contains(['e', 'E']) {
        Decimal::from_scientific(&s).ok()
    } else {
        Decimal::from_str(&s).ok()
    }
}

/// Parses `10%` (or a fraction, `0.1`) into a fraction.
fn parse_tolerance(s: &str) -> Option<Decimal> {
    let s = s.trim();
    let d = if let Some(p) = s.strip_suffix('%') {
        Decimal::from_str(p.trim()).ok()? / Decimal::from(100)
    } else {
        Decimal::from_str(s).ok()?
    };
    (d >= Decimal::ZERO && d < Decimal::ONE).then_some(d)
}

fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize, lo: u32, hi: u32| {
        p.len() == len
            && p.chars().all(|c| c.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    match parts.as_slice() {
        [y, m] => num(y, 4, 1000, 9999) && num(m, 2, 1, 12),
        [y, m, d] => num(y, 4, 1000, 9999) && num(m, 2, 1, 12) && num(d, 2, 1, 31),
        _ => false,
    }
}

fn valid_year(s: &str) -> bool {
    s.len() == 4
        && s.chars().all(|c| c.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|n| n >= 1000)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Facts {
    /// Adds the facts of one fact sheet. A fact with the id of an earlier
    /// one replaces it (a story's sheet may correct a default fact).
    pub fn add_file(
        &mut self,
        path: &str,
        text: &str,
        gazetteer: &Gazetteer,
    ) -> Result<(), RuleFileError> {
        let file: SheetFile =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        let err = |offset: usize, key: &str, msg: String| {
            let mut e = RuleFileError::at(path, text, offset, msg);
            e.key = Some(key.to_owned());
            e
        };
        let mut seen: Vec<&str> = Vec::new();
        for spec in &file.fact {
            let id = spec.id.get_ref().trim();
            if id.is_empty() {
                return Err(err(
                    spec.id.span().start,
                    "id",
                    "the fact's `id` is empty".into(),
                ));
            }
            // Within one sheet, a second fact with an id is a mistake (a
            // later sheet may replace a fact on purpose).
            if seen.contains(&id) {
                return Err(err(
                    spec.id.span().start,
                    "id",
                    format!("a fact `{id}` is already given in this sheet"),
                ));
            }
            seen.push(id);
        }
        for spec in file.fact {
            let id = spec.id.get_ref().trim();
            if spec.description.trim().is_empty() {
                return Err(err(
                    spec.id.span().start,
                    "description",
                    format!("fact `{id}` has an empty `description`"),
                ));
            }
            if spec.source.get_ref().trim().is_empty() {
                return Err(err(
                    spec.source.span().start,
                    "source",
                    format!("fact `{id}` has an empty `source`: cite where the figure comes from"),
                ));
            }
            let amount = match (&spec.value, &spec.currency) {
                (None, None) => None,
                (Some(v), None) => {
                    return Err(err(
                        v.span().start,
                        "currency",
                        format!("fact `{id}` has a `value` but no `currency`"),
                    ));
                }
                (None, Some(c)) => {
                    return Err(err(
                        c.span().start,
                        "value",
                        format!("fact `{id}` has a `currency` but no `value`"),
                    ));
                }
                (Some(v), Some(c)) => {
                    let Some(value) = parse_value(v.get_ref()) else {
                        return Err(err(
                            v.span().start,
                            "value",
                            format!(
                                "`{}` is not a decimal value (write `97400000000` or `97.4e9`)",
                                v.get_ref()
                            ),
                        ));
                    };
                    if value <= Decimal::ZERO {
                        return Err(err(
                            v.span().start,
                            "value",
                            "the value must be positive".into(),
                        ));
                    }
                    let currency = c.get_ref().trim();
                    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
                        return Err(err(
                            c.span().start,
                            "currency",
                            format!(
                                "`{currency}` is not an ISO 4217 code (three capital letters: USD)"
                            ),
                        ));
                    }
                    Some((value, currency.to_owned()))
                }
            };
            if amount.is_none() && spec.date.is_none() {
                return Err(err(
                    spec.id.span().start,
                    "date",
                    format!(
                        "fact `{id}` has neither a `value` (an amount fact) nor a `date` (an event)"
                    ),
                ));
            }
            if let Some(d) = &spec.date
                && !valid_date(d.get_ref().trim())
                && !(amount.is_none() && valid_year(d.get_ref().trim()))
            {
                return Err(err(
                    d.span().start,
                    "date",
                    format!("`{}` is not a date YYYY-MM or YYYY-MM-DD", d.get_ref()),
                ));
            }
            let tolerance = match &spec.tolerance {
                None => Decimal::new(1, 1),
                Some(t) => parse_tolerance(t.get_ref()).ok_or_else(|| {
                    err(
                        t.span().start,
                        "tolerance",
                        format!(
                            "`{}` is not a tolerance: a percentage under 100 (`10%`)",
                            t.get_ref()
                        ),
                    )
                })?,
            };
            let hedge = match &spec.hedge {
                None => None,
                Some(h) => Some(Hedge::parse(h.get_ref()).ok_or_else(|| {
                    err(
                        h.span().start,
                        "hedge",
                        format!("`{}` is not `approx`, `min` or `max`", h.get_ref()),
                    )
                })?),
            };
            let mut entities = Vec::new();
            let mut entity_names = Vec::new();
            if let Some(e) = &spec.entity {
                let names: Vec<&String> = match e.get_ref() {
                    OneOrMany::One(n) => vec![n],
                    OneOrMany::Many(v) => v.iter().collect(),
                };
                for name in names {
                    let Some(i) = gazetteer.entity_named(name) else {
                        return Err(err(
                            e.span().start,
                            "entity",
                            format!(
                                "no entity named `{name}` in the gazetteer (rules/gazetteer/*.toml)"
                            ),
                        ));
                    };
                    entities.push(i);
                    entity_names.push(name.clone());
                }
            }
            let cues = PerLang::from_spec(spec.cues.get_ref());
            if cues.is_empty() {
                return Err(err(
                    spec.cues.span().start,
                    "cues",
                    format!("fact `{id}` has no cues: list words or concept keys (`offer`)"),
                ));
            }
            let fact = Fact {
                id: id.to_owned(),
                description: spec.description.trim().to_owned(),
                entities,
                entity_names,
                words: PerLang::from_spec(&spec.words),
                cues,
                value: amount.as_ref().map_or(Decimal::ZERO, |a| a.0),
                currency: amount.as_ref().map(|a| a.1.clone()).unwrap_or_default(),
                is_event: amount.is_none(),
                date: spec.date.as_ref().map(|d| d.get_ref().trim().to_owned()),
                tolerance,
                hedge,
                source: spec.source.get_ref().trim().to_owned(),
                origin: path.to_owned(),
                line: line_of(text, spec.id.span().start),
            };
            if let Some(old) = self.list.iter_mut().find(|f| f.id == fact.id) {
                *old = fact;
            } else {
                self.list.push(fact);
            }
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_tolerances_and_dates() {
        assert_eq!(
            parse_value("97.4e9"),
            Some(Decimal::from(97_400_000_000_u64))
        );
        assert_eq!(
            parse_value("44_000_000_000"),
            Some(Decimal::from(44_000_000_000_u64))
        );
        assert_eq!(parse_value("lots"), None);
        assert_eq!(parse_tolerance("10%"), Some(Decimal::new(1, 1)));
        assert_eq!(parse_tolerance("150%"), None);
        assert!(valid_date("2025-02"));
        assert!(valid_date("2022-10-27"));
        assert!(!valid_date("2025-13"));
        assert!(!valid_date("Feb 2025"));
    }
}
