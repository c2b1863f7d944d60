//! Rule documentation generated from rule files: `factlint rules list`,
//! `factlint rules explain ID`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Rule, RuleSet};

/// One line per rule: id, severity, languages, summary.
pub fn list(set: &RuleSet) -> String {
    let width = set.rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in set.rules() {
        let langs: Vec<&str> = r.meta.languages.iter().map(|l| l.code()).collect();
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {:8}  {}",
            r.id,
            r.meta.severity.as_str(),
            langs.join(","),
            r.meta.summary,
        );
    }
    let _ = writeln!(out, "{} rules", set.rules().len());
    out
}

#[derive(Serialize)]
struct ListedRule<'a> {
    id: &'a str,
    kind: &'a str,
    category: &'a str,
    severity: &'a str,
    languages: Vec<&'a str>,
    summary: &'a str,
    fix: Option<&'a str>,
    origin: &'a str,
}

/// The rules as a JSON array.
pub fn list_json(set: &RuleSet) -> String {
    let rules: Vec<ListedRule<'_>> = set
        .rules()
        .iter()
        .map(|r| ListedRule {
            id: &r.id,
            kind: &r.meta.kind,
            category: r.meta.category.as_str(),
            severity: r.meta.severity.as_str(),
            languages: r.meta.languages.iter().map(|l| l.code()).collect(),
            summary: &r.meta.summary,
            fix: r.meta.fix.as_ref().map(|f| match f.safety {
                super::FixSafety::Safe => "safe",
                super::FixSafety::Unsafe => "unsafe",
            }),
            origin: &r.origin,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rules).expect("serializable");
    s.push('\n');
    s
}

/// A rule's page: summary, metadata, explanation, examples.
pub fn explain(rule: &Rule) -> String {
    let m = &rule.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", rule.id);
    let _ = writeln!(out, "{}\n", m.summary);
    let langs: Vec<&str> = m.languages.iter().map(|l| l.code()).collect();
    let _ = writeln!(out, "- kind: `{}`", m.kind);
    let _ = writeln!(out, "- category: {}", m.category);
    let _ = writeln!(out, "- severity: {}", m.severity);
    let _ = writeln!(out, "- languages: {}", langs.join(", "));
    match &m.fix {
        Some(f) => {
            let safety = match f.safety {
                super::FixSafety::Safe => "safe",
                super::FixSafety::Unsafe => "unsafe (a suggestion to confirm)",
            };
            let _ = writeln!(out, "- fix: {} — {safety}", f.title);
        }
        None => {
            let _ = writeln!(out, "- fix: none");
        }
    }
    let _ = writeln!(out, "- source: {}\n", rule.origin);
    if !m.explanation.trim().is_empty() {
        let _ = writeln!(out, "{}\n", m.explanation.trim());
    }
    let (bad, good): (Vec<_>, Vec<_>) = m.examples.iter().partition(|e| !e.flagged.is_empty());
    if !bad.is_empty() {
        let _ = writeln!(out, "## Flagged\n");
        for e in bad {
            let _ = writeln!(out, "- {}", e.text.trim());
            if let Some(source) = &e.source {
                let _ = writeln!(out, "  translating: {}", source.trim());
            }
            // Shown as the human report quotes them: a space that is the
            // evidence, a no-break space, a bidi control are seen.
            let flagged: Vec<String> = e
                .flagged
                .iter()
                .map(|f| format!("«{}»", crate::render::human::visible(f)))
                .collect();
            let _ = write!(out, "  flags {}", flagged.join(", "));
            if let Some(note) = &e.note {
                let _ = write!(out, " ({note})");
            }
            out.push('\n');
            if let Some(fixed) = &e.fixed {
                let _ = writeln!(out, "  fixed: {}", fixed.trim());
            }
        }
        out.push('\n');
    }
    if !good.is_empty() {
        let _ = writeln!(out, "## Not flagged\n");
        for e in good {
            let _ = write!(out, "- {}", e.text.trim());
            if let Some(note) = &e.note {
                let _ = write!(out, " ({note})");
            }
            out.push('\n');
            if let Some(source) = &e.source {
                let _ = writeln!(out, "  translating: {}", source.trim());
            }
        }
    }
    out
}
