//! Findings: what a rule reports, in original byte spans.

use std::sync::Arc;

use arcstr::ArcStr;
use serde::Serialize;
use thin_vec::ThinVec;

use crate::rules::{Category, FixSafety, Severity};
use crate::source::{SourceFile, Span};

/// A secondary place that a finding points at (the quote that opened a
/// mismatched pair, the other spelling of a name, …), in the finding's
/// file or, for the translation checks, in another one (the original).
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: ArcStr,
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
/// suggestion. Findings that offer the same fix share it (see
/// [`Texts::fix`]): a long article repeats a few fixes (remove the space
/// before «،», write the name as the article mostly does) over tens of
/// thousands of findings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    pub title: ArcStr,
    pub safety: FixSafety,
    /// Replacements for the span, best first (at least one). Reports show
    /// them as the finding's (see [`Finding::suggestions`]).
    #[serde(skip)]
    pub suggestions: Box<[ArcStr]>,
}

/// The texts of one file's findings (messages, fix titles, suggestions,
/// related notes) and their fixes, each kept once: a long article repeats a
/// few hundred texts over tens of thousands of findings («space before
/// «،»», the same variant of a name), and one allocation per text would be
/// most of the memory its report holds.
#[derive(Debug, Default)]
pub struct Texts {
    texts: rustc_hash::FxHashSet<ArcStr>,
    fixes: rustc_hash::FxHashMap<(ArcStr, FixSafety, ArcStr), Arc<Fix>>,
}

impl Texts {
    /// The shared copy of `text`.
    pub fn get(&mut self, text: &str) -> ArcStr {
        if let Some(shared) = self.texts.get(text) {
            return ArcStr::clone(shared);
        }
        let shared = ArcStr::from(text);
        self.texts.insert(ArcStr::clone(&shared));
        shared
    }

    /// The shared fix titled `title` that replaces a span with `suggestion`.
    pub fn fix(&mut self, title: ArcStr, safety: FixSafety, suggestion: &str) -> Arc<Fix> {
        let suggestion = self.get(suggestion);
        Arc::clone(
            self.fixes
                .entry((ArcStr::clone(&title), safety, ArcStr::clone(&suggestion)))
                .or_insert_with(|| {
                    Arc::new(Fix {
                        title,
                        safety,
                        suggestions: Box::new([suggestion]),
                    })
                }),
        )
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: ArcStr,
    pub category: Category,
    pub severity: Severity,
    /// Shared with the other findings of the file that read the same
    /// (see [`Texts`]).
    pub message: ArcStr,
    pub span: Span,
    /// Shared with the other findings of the file that offer the same.
    pub fix: Option<Arc<Fix>>,
    /// A thin list (one pointer, no allocation when empty): a long article
    /// has many findings, most with none.
    pub related: ThinVec<Related>,
}

// A long article holds a finding for every hundred bytes or so: kept small.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Finding>() == 48);

impl Finding {
    /// Replacements for the span, best first: its fix's (none without a
    /// fix).
    pub fn suggestions(&self) -> &[ArcStr] {
        self.fix.as_deref().map_or(&[], |f| &f.suggestions)
    }

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
        .filter_map(|f| f.suggestions().first().map(|s| (f.span, &**s)))
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
        assert!(ArcStr::ptr_eq(&a, &b));
        assert!(!ArcStr::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("space before «،»", "space before «,»"));
    }

    #[test]
    fn a_fix_is_kept_once_and_offers_its_suggestion() {
        let mut texts = Texts::default();
        let title = texts.get("Remove the space");
        let mut fix =
            |safety, suggestion: &str| texts.fix(ArcStr::clone(&title), safety, suggestion);
        let a = fix(FixSafety::Safe, "،");
        let b = fix(FixSafety::Safe, &String::from("،"));
        assert!(Arc::ptr_eq(&a, &b));
        for other in [fix(FixSafety::Safe, ","), fix(FixSafety::Unsafe, "،")] {
            assert!(!Arc::ptr_eq(&a, &other));
        }
        assert_eq!(
            (&*a.title, &*a.suggestions),
            ("Remove the space", &[ArcStr::from("،")][..])
        );
        let finding = Finding {
            rule: "typography/x".into(),
            category: Category::Typography,
            severity: Severity::Warning,
            message: "m".into(),
            span: Span::new(0, 1),
            fix: Some(a),
            related: ThinVec::new(),
        };
        assert_eq!(finding.suggestions(), &[ArcStr::from("،")][..]);
        let finding = Finding {
            fix: None,
            ..finding
        };
        assert!(finding.suggestions().is_empty());
    }
}
