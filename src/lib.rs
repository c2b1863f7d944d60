//! factlint: a fact-checking and consistency linter for news articles in
//! Arabic, French and English.
//!
//! The data flow:
//!
//! ```text
//! path → SourceFile { text, LineIndex }        (source/)
//!      → Document { blocks of prose, sentences, words }   (document/; views + offset maps)
//!      → RuleSet (rules/*.toml, embedded)      (rules/)
//!      → one Check per rule, by kind           (check/)
//!      → Vec<Finding> sorted by span           (finding.rs)
//!      → render::{human, json, html}           (render/; the only place columns are computed)
//! ```
//!
//! Units: every span is a half-open range of **bytes** into the original
//! text, always on char boundaries. Lines and columns (1-based; columns in
//! Unicode scalar values, or UTF-16 code units where a consumer asks for
//! them) are computed only when rendering.
//!
//! ```
//! use factlint::{Lang, Linter, RuleSet, FileReport};
//! use factlint::source::Format;
//!
//! let linter = Linter::new(RuleSet::embedded().unwrap(), Some(Lang::Ar));
//! let text = "قال موسك: \"لقد حان الوقت». ثم غادر.";
//! let FileReport::Checked { findings, source, .. } = linter.check_text("article.txt", text, Format::Text) else {
//!     panic!("the text is checked");
//! };
//! let quote = findings.iter().find(|f| f.rule() == "typography/mismatched-quotes").unwrap();
//! assert_eq!(quote.text(&source.text), "»");
//! // Spans are byte ranges into the original text.
//! assert_eq!(&text[quote.span.range()], "»");
//! ```

pub mod amount;
pub mod atomic;
pub mod baseline;
pub mod check;
pub mod config;
pub mod date;
pub mod document;
pub mod entity;
pub mod error;
pub mod fact;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod lint;
mod memo;
pub mod ordered;
pub mod render;
pub mod rules;
mod sort;
pub mod source;
pub mod suppress;
pub mod timings;
pub mod translation;
mod vocab;

pub use document::{Document, Lang};
pub use finding::Finding;
pub use lint::{FileReport, Linter};
pub use rules::{RuleSet, Severity};
pub use source::{SourceFile, Span};
