//! The schema of a rule file (`rules/<category>/<name>.toml`).
//!
//! Every table denies unknown keys, so a typo is an error with the file's
//! path, line and column, never a silently ignored setting.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::document::Lang;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Amount,
    Date,
    Entity,
    Fact,
    Typography,
    Language,
    /// A translation checked against its original (`--source`).
    Translation,
    /// Findings about inline suppression comments themselves
    /// (`suppression/unused`, `suppression/unknown-rule`); no rule file
    /// has this category.
    Suppression,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Amount,
        Category::Date,
        Category::Entity,
        Category::Fact,
        Category::Typography,
        Category::Language,
        Category::Translation,
        Category::Suppression,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Amount => "amount",
            Category::Date => "date",
            Category::Entity => "entity",
            Category::Fact => "fact",
            Category::Typography => "typography",
            Category::Language => "language",
            Category::Translation => "translation",
            Category::Suppression => "suppression",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

/// How serious a finding is; ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix can be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    /// The fix keeps the meaning; it may be applied automatically.
    Safe,
    /// The fix is a likely correction that an editor must confirm.
    #[default]
    Unsafe,
}

/// The `[fix]` table: the rule offers its kind's correction as a suggestion.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FixSpec {
    /// How the fix reads in the output (`Remove the space`); may use the
    /// message's placeholders.
    pub title: String,
    #[serde(default)]
    pub safety: FixSafety,
}

/// One `[[examples]]` entry: a text and what the rule must flag in it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    pub text: String,
    /// The language of the text; the rule's first language when absent.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The publication date of the text (`2025-02-11`), for date rules.
    #[serde(default)]
    pub published: Option<chrono::NaiveDate>,
    /// For the translation rules: the original that `text` translates
    /// (in `source-lang`, detected when absent).
    #[serde(default)]
    pub source: Option<String>,
    /// The language of `source`.
    #[serde(default)]
    pub source_lang: Option<Lang>,
    /// The substrings the rule must flag, in order; empty: it must not fire.
    pub flagged: Vec<String>,
    /// The text after applying every suggested fix, for rules with a fix.
    #[serde(default)]
    pub fixed: Option<String>,
    /// Why the example is there.
    #[serde(default)]
    pub note: Option<String>,
}

/// A rule file, generic over its kind's parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile<P> {
    /// The check mechanism (`pattern`, `quotes`, `spacing`, …).
    pub kind: String,
    pub category: Category,
    pub severity: Severity,
    /// Languages of the documents the rule applies to.
    pub languages: Vec<Lang>,
    /// One line: what the rule finds.
    pub summary: String,
    /// The finding's message; `{name}` placeholders are filled by the kind.
    pub message: String,
    /// Why it matters and what to do, for `factlint rules explain`.
    #[serde(default)]
    pub explanation: String,
    /// Kind-specific parameters.
    #[serde(default)]
    pub params: P,
    #[serde(default)]
    pub fix: Option<FixSpec>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// The first pass over a rule file: only its kind.
#[derive(Debug, Deserialize)]
pub(crate) struct KindOnly {
    pub(crate) kind: toml::Spanned<String>,
}
