//! The human format: rustc/ruff-like diagnostics through annotate-snippets.
//!
//! Carets cannot be trusted under right-to-left text (no terminal applies
//! the bidi algorithm the same way), so every message quotes its evidence,
//! and the flagged text is repeated after the snippet.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Summary, plural};
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::{FixSafety, Severity};
use crate::source::{ColumnUnit, SourceFile};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Shows invisible characters of a short quoted text.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => "␠".to_owned(),
            '\u{00A0}' => "⍽".to_owned(),
            '\u{202F}' => "⍽".to_owned(),
            '\t' => "␉".to_owned(),
            '\n' | '\r' => "⏎".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn render_finding(out: &mut String, renderer: &Renderer, source: &SourceFile, f: &Finding) {
    let text = &source.text;
    let start = f.span.start as usize;
    let lc = source.line_col(start, ColumnUnit::Chars);
    let line_range = source.line_index.line_range(text, lc.line - 1);
    let line_text = &text[line_range.clone()];
    // The annotation within the line (a span that runs past the line end is
    // cut at it).
    let a_start = start - line_range.start;
    let a_end = (f.span.end as usize).min(line_range.end).max(start) - line_range.start;
    let flagged = f.text(text);
    let mut snippet = Snippet::source(line_text)
        .line_start(lc.line)
        .path(source.path.as_str())
        .annotation(
            AnnotationKind::Primary
                .span(a_start..a_end)
                .label(format!("«{}»", visible(flagged))),
        );
    let mut notes = Vec::new();
    for r in &f.related {
        let rl = source.line_col(r.span.start as usize, ColumnUnit::Chars);
        let rtext = text.get(r.span.range()).unwrap_or_default();
        if rl.line == lc.line && (r.span.end as usize) <= line_range.end {
            let rs = r.span.start as usize - line_range.start;
            let re = r.span.end as usize - line_range.start;
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(rs..re)
                    .label(r.message.clone()),
            );
        } else {
            notes.push(format!(
                "{}:{}: {} «{}»",
                rl.line,
                rl.column,
                r.message,
                visible(rtext)
            ));
        }
    }
    let title = format!("{} [{}]", f.message, f.rule);
    let mut group = level(f.severity).primary_title(title).element(snippet);
    for n in notes {
        group = group.element(Level::NOTE.message(n));
    }
    if let (Some(fix), Some(s)) = (&f.fix, f.suggestions.first()) {
        let safety = match fix.safety {
            FixSafety::Safe => "safe fix",
            FixSafety::Unsafe => "suggestion",
        };
        let _ = s;
        group = group.element(Level::HELP.message(format!("{} ({safety})", fix.title)));
    }
    let report: [Group<'_>; 1] = [group];
    out.push_str(&renderer.render(&report));
    out.push_str("\n\n");
}

/// Renders the reports; `styled` adds ANSI colours.
pub fn render(reports: &[FileReport], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for r in reports {
        match r {
            FileReport::Checked {
                source, findings, ..
            } => {
                for f in findings {
                    render_finding(&mut out, &renderer, source, f);
                }
            }
            // Reported on standard error by the caller.
            FileReport::Binary { .. } | FileReport::Error(_) => {}
        }
    }
    out.push_str(&summary_line(reports));
    out
}

/// The closing line: `Found 3 findings (1 error, 2 warnings, 0 infos) in 1 file.`
pub fn summary_line(reports: &[FileReport]) -> String {
    let s = Summary::of(reports);
    let failed = reports
        .iter()
        .filter(|r| matches!(r, FileReport::Error(_)))
        .count();
    let skipped = reports
        .iter()
        .filter(|r| matches!(r, FileReport::Binary { .. }))
        .count();
    let mut line = if s.findings == 0 {
        format!(
            "No findings in {}",
            plural(s.files - failed - skipped, "file", "files")
        )
    } else {
        format!(
            "Found {} ({}, {}, {}) in {}",
            plural(s.findings, "finding", "findings"),
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            plural(s.infos, "info", "infos"),
            plural(s.files - failed - skipped, "file", "files"),
        )
    };
    if skipped > 0 {
        let _ = write!(line, "; {} skipped", plural(skipped, "file", "files"));
    }
    if failed > 0 {
        let _ = write!(
            line,
            "; {} could not be read",
            plural(failed, "file", "files")
        );
    }
    line.push_str(".\n");
    line
}
