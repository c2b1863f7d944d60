//! Named entities: the gazetteer of known names and their mentions in a
//! document, shared by the `entity-*` check kinds.

mod extract;
mod fuzzy;
mod gazetteer;
mod local;
pub mod skeleton;

pub(crate) use extract::is_ordinary_word;
pub use extract::{LocalEntity, Mention, Mentions, Status, extract};
pub(crate) use fuzzy::weighted_distance;
pub use gazetteer::{Entity, EntityType, Form, FormKind, Gazetteer, is_arabic, key, key_options};
