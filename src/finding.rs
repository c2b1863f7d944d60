//! Findings: what a rule reports, in original byte spans.

use std::sync::Arc;

use serde::Serialize;

use crate::rules::{Category, FixSafety, Severity};
use crate::source::{SourceFile, Span};

/// A secondary place that a finding points at (the quote that opened a
/// mismatched pair, the other spelling of a name, …), in the finding's
/// file or, for the translation checks, in another one (the original).
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: Arc<str>,
    /// The file the span is in when it is not the finding's own (the
    /// original of a translation); `None`: the finding's file.
    #[serde(skip)]
    pub file: Option<Arc<SourceFile>>,
}

impl Related {
    /// The source file the related span is in: its own file, else `own`.
    pub fn source<'s>(&'s self, own: &'s SourceFile) -> &'s SourceFile {
        self.file.as_deref().unwrap_or(own)
    }

    /// The path of the other file, when the span is in another file.
    pub fn other_path(&self) -> Option<&str> {
        self.file.as_deref().map(|f| f.path.as_str())
    }

    /// The related text.
    pub fn text<'s>(&'s self, own: &'s SourceFile) -> &'s str {
        self.source(own)
            .text
            .get(self.span.range())
            .unwrap_or_default()
    }
}

impl PartialEq for Related {
    fn eq(&self, other: &Related) -> bool {
        self.span == other.span
            && self.message == other.message
            && self.other_path() == other.other_path()
    }
}

impl Eq for Related {}

/// The fix a finding offers: replace the finding's span with the first
/// suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: Arc<str>,
    pub safety: FixSafety,
}

/// The texts of one file's findings (messages, fix titles, suggestions,
/// related notes), each kept once: a long article repeats a few hundred
/// texts over tens of thousands of findings («space before «،»», the same
/// variant of a name), and one allocation per text would be most of the
/// memory its report holds.
#[derive(Debug, Default)]
pub struct Texts(rustc_hash::FxHashSet<Arc<str>>);

impl Texts {
    /// The shared copy of `text`.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    /// Shared with the other findings of the file that read the same
    /// (see [`Texts`]).
    pub message: Arc<str>,
    pub span: Span,
    /// Replacements for the span, best first.
    pub suggestions: Vec<Arc<str>>,
    /// Boxed: most findings have none, and a long article has many findings.
    pub fix: Option<Box<Fix>>,
    pub related: Vec<Related>,
}

impl Finding {
    /// The flagged text.
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        source.get(self.span.range()).unwrap_or_default()
    }
}

/// Applies the first suggestion of every fixable finding to `text`; findings
/// that overlap an earlier one are left out. Returns the new text and how
/// many fixes were applied.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut edits: Vec<(Span, &str)> = findings
        .iter()
        .filter(|f| f.fix.is_some())
        .filter_map(|f| f.suggestions.first().map(|s| (f.span, &**s)))
        .collect();
    edits.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    let mut applied = 0;
    for (span, replacement) in edits {
        let r = span.range();
        if r.start < pos || r.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(replacement);
        pos = r.end;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_kept_once() {
        let mut texts = Texts::default();
        let a = texts.get("space before «،»");
        let b = texts.get(&String::from("space before «،»"));
        let c = texts.get("space before «,»");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("space before «،»", "space before «,»"));
    }
}
