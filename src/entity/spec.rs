//! The schema of a gazetteer file (`rules/gazetteer/*.toml`).
//!
//! `build.rs` includes this file too: it reads the embedded gazetteer files
//! with these types at build time and stores them, with their forms, in a
//! compact binary form (postcard, see `forms.rs`), so that a run decodes
//! them instead of parsing TOML.
//! It must therefore depend on nothing but `serde`.

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    /// Also read as `organization`, the American spelling.
    #[serde(alias = "organization")]
    Organisation,
    Product,
    Place,
    Other,
}

/// One `[[entity]]` of a gazetteer file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct EntitySpec {
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) kind: EntityType,
    #[serde(default)]
    pub(crate) ar: Option<String>,
    #[serde(default)]
    pub(crate) fr: Option<String>,
    #[serde(default)]
    pub(crate) accept: Vec<String>,
    #[serde(default)]
    pub(crate) variants: Vec<String>,
    #[serde(default)]
    pub(crate) misspellings: Vec<String>,
    #[serde(default = "yes")]
    pub(crate) case_sensitive: bool,
}

fn yes() -> bool {
    true
}

/// A gazetteer file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityFile {
    #[serde(default)]
    pub(crate) entity: Vec<EntitySpec>,
}
