//! The JSON format, version 1.
//!
//! ```text
//! {"version": 1,
//!  "files": [{"path": "…", "language": "ar", "findings": [
//!     {"rule": "typography/mismatched-quotes", "category": "typography",
//!      "severity": "warning", "message": "…",
//!      "span": {"start": <byte>, "end": <byte>, "line": <1-based>,
//!               "column": <1-based, Unicode scalar values>,
//!               "end_line": …, "end_column": …},
//!      "text": "<the flagged substring>", "suggestions": ["…"],
//!      "fix": {"title": "…", "safety": "safe"|"unsafe"} | null,
//!      "related": [{"span": {…}, "text": "…", "message": "…"}]}],
//!    "amounts": [{"text": "97.4 مليار دولار", "span": {…}, "kind": "money"|"number"|"percent",
//!                 "value": "97400000000", "currency": "USD"|null,
//!                 "scale": "billion"|null, "hedge": "approx"|"min"|"max"|null}]}],
//!  "summary": {"files": 1, "findings": N, "errors": N, "warnings": N, "infos": N}}
//! ```
//!
//! `start`/`end` are byte offsets into the file as it is on disk (a byte
//! order mark counts); `line`/`column` are 1-based, columns counted in
//! Unicode scalar values. A file that could not be checked has
//! `"language": null`, no findings and an `"error"` (or `"skipped"`) string.

use serde::Serialize;

use super::Summary;
use crate::finding::{Finding, Fix};
use crate::lint::FileReport;
use crate::source::{ColumnUnit, SourceFile, Span};

#[derive(Serialize)]
struct JsonSpan {
    start: u32,
    end: u32,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl JsonSpan {
    fn new(source: &SourceFile, span: Span) -> JsonSpan {
        let s = source.line_col(span.start as usize, ColumnUnit::Chars);
        let e = source.line_col(span.end as usize, ColumnUnit::Chars);
        JsonSpan {
            start: span.start,
            end: span.end,
            line: s.line,
            column: s.column,
            end_line: e.line,
            end_column: e.column,
        }
    }
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    span: JsonSpan,
    text: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    span: JsonSpan,
    text: &'a str,
    suggestions: &'a [String],
    fix: Option<&'a Fix>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonAmount<'a> {
    text: &'a str,
    span: JsonSpan,
    kind: &'static str,
    /// The value with the scale applied, as a decimal string.
    value: String,
    currency: Option<&'a str>,
    scale: Option<&'a str>,
    hedge: Option<&'static str>,
}

fn amount<'a>(source: &'a SourceFile, a: &'a crate::amount::AmountMention) -> JsonAmount<'a> {
    JsonAmount {
        text: source.text.get(a.span.range()).unwrap_or_default(),
        span: JsonSpan::new(source, a.span),
        kind: a.kind.as_str(),
        value: a.value.normalize().to_string(),
        currency: a.currency.as_deref(),
        scale: a.scale.as_deref(),
        hedge: a.hedge.map(crate::amount::Hedge::as_str),
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    language: Option<&'a str>,
    findings: Vec<JsonFinding<'a>>,
    /// Every figure the tool understood.
    amounts: Vec<JsonAmount<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

fn finding<'a>(source: &'a SourceFile, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: &f.rule,
        category: f.category.as_str(),
        severity: f.severity.as_str(),
        message: &f.message,
        span: JsonSpan::new(source, f.span),
        text: f.text(&source.text),
        suggestions: &f.suggestions,
        fix: f.fix.as_ref(),
        related: f
            .related
            .iter()
            .map(|r| JsonRelated {
                span: JsonSpan::new(source, r.span),
                text: source.text.get(r.span.range()).unwrap_or_default(),
                message: &r.message,
            })
            .collect(),
    }
}

/// Renders the reports as one JSON document (pretty-printed, with a final
/// newline).
pub fn render(reports: &[FileReport]) -> String {
    let files = reports
        .iter()
        .map(|r| match r {
            FileReport::Checked {
                source,
                lang,
                findings,
                amounts,
            } => JsonFile {
                amounts: amounts.iter().map(|a| amount(source, a)).collect(),
                path: &source.path,
                language: Some(lang.code()),
                findings: findings.iter().map(|f| finding(source, f)).collect(),
                error: None,
                skipped: None,
            },
            FileReport::Binary { path } => JsonFile {
                path,
                language: None,
                findings: Vec::new(),
                amounts: Vec::new(),
                error: None,
                skipped: Some("binary file"),
            },
            FileReport::Error(e) => JsonFile {
                path: match e {
                    crate::error::InputError::Io { path, .. }
                    | crate::error::InputError::InvalidUtf8 { path, .. } => path,
                },
                language: None,
                findings: Vec::new(),
                amounts: Vec::new(),
                error: Some(e.to_string()),
                skipped: None,
            },
        })
        .collect();
    let report = JsonReport {
        version: 1,
        files,
        summary: Summary::of(reports),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("serializable");
    s.push('\n');
    s
}
