//! Runs the `[[examples]]` of a rule file: each example text is checked
//! with that rule alone, and the flagged substrings (and the fixed text)
//! must be exactly what the example says. An example with a `source` is a
//! translation of that text (for the `translation` rules).

use super::{Data, Rule};
use crate::document::{Document, Original};
use crate::finding::apply_fixes;
use crate::source::{Format, SourceFile};

/// One example that did not behave as its rule file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    /// 1-based index of the example in the file (0 for a rule-level problem).
    pub example: usize,
    pub text: String,
    pub message: String,
}

/// Runs every example of `rule`. A rule must have at least one example that
/// fires and one that does not.
pub fn test_rule(rule: &Rule, data: &Data) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    let fail = |example: usize, text: &str, message: String| ExampleFailure {
        rule: rule.id.to_string(),
        example,
        text: text.to_owned(),
        message,
    };
    let examples = &rule.meta.examples;
    if !examples.iter().any(|e| !e.flagged.is_empty()) {
        failures.push(fail(0, "", "no example that must be flagged".into()));
    }
    if !examples.iter().any(|e| e.flagged.is_empty()) {
        failures.push(fail(0, "", "no example that must not be flagged".into()));
    }
    for (i, ex) in examples.iter().enumerate() {
        let n = i + 1;
        let lang = ex.lang.or_else(|| rule.meta.languages.first().copied());
        let Some(lang) = lang else { continue };
        if !rule.applies_to(lang) {
            failures.push(fail(
                n,
                &ex.text,
                format!("the example is in {lang}, which the rule does not cover"),
            ));
            continue;
        }
        let source =
            SourceFile::from_text(&format!("{}#{n}", rule.id), ex.text.clone(), Format::Text);
        let doc = Document::parse(&source, Some(lang), data).with_published(ex.published);
        let original = ex.source.as_ref().map(|text| {
            std::sync::Arc::new(SourceFile::from_text(
                &format!("{}#{n}.source", rule.id),
                text.clone(),
                Format::Text,
            ))
        });
        let odoc = original
            .as_ref()
            .map(|file| Document::parse(file, ex.source_lang, data).with_published(ex.published));
        let doc = match (&odoc, &original) {
            (Some(odoc), Some(file)) => doc.with_original(Original { doc: odoc, file }),
            _ => doc,
        };
        let mut findings = Vec::new();
        rule.run(&doc, &mut findings, &mut crate::finding::Texts::default());
        super::sort_findings(&mut findings);
        let got: Vec<&str> = findings.iter().map(|f| f.text(&source.text)).collect();
        if got != ex.flagged {
            failures.push(fail(
                n,
                &ex.text,
                format!("expected flagged {:?}, got {:?}", ex.flagged, got),
            ));
            continue;
        }
        for f in &findings {
            if !f.span.is_on_char_boundaries(&source.text) {
                failures.push(fail(
                    n,
                    &ex.text,
                    format!("span {:?} is not on char boundaries", f.span),
                ));
            }
        }
        if let Some(expected) = &ex.fixed {
            if rule.meta.fix.is_none() {
                failures.push(fail(
                    n,
                    &ex.text,
                    "`fixed` is given but the rule has no [fix]".into(),
                ));
                continue;
            }
            let (fixed, _) = apply_fixes(&source.text, &findings);
            if &fixed != expected {
                failures.push(fail(
                    n,
                    &ex.text,
                    format!("expected fixed text {expected:?}, got {fixed:?}"),
                ));
            }
        } else if rule.meta.fix.is_some() && !ex.flagged.is_empty() {
            failures.push(fail(
                n,
                &ex.text,
                "the rule has a [fix]: give the `fixed` text".into(),
            ));
        }
    }
    failures
}
