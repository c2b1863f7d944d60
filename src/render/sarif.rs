//! SARIF 2.1.0, for code-scanning services (GitHub code scanning, GitLab,
//! Azure DevOps) and SARIF viewers.
//!
//! One run: the driver lists every rule in force (`ruleIndex` points into
//! it); each finding is a result with one physical location. Columns count
//! Unicode scalar values (`columnKind: unicodeCodePoints`), like every other
//! format; regions also carry `byteOffset`/`byteLength` into the file as it
//! is on disk, which are exact whatever a consumer counts. Files that could
//! not be checked are tool execution notifications.
//!
//! Each result has a `partialFingerprints["factlint/v1"]`: a hash of the rule
//! id, the flagged text and up to 40 characters of context on each side
//! within its line (whitespace runs folded), then `:N` for the N-th result
//! with the same hash in the file. It does not change when other lines (or
//! paragraphs: a paragraph is often one line) are edited, so a service can
//! follow a finding from one version to the next.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{RuleInfo, error_path};
use crate::error::InputError;
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::{FixSafety, Severity};
use crate::source::{ColumnUnit, SourceFile, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: DescriptorProperties<'a>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties<'a> {
    category: &'a str,
    /// `safe` or `unsafe` when the rule offers a fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'static str>,
    tags: [&'a str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: OwnedText,
    locations: [Location; 1],
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<OwnedText>,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "factlint/v1")]
    v1: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    safety: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: [Replacement<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn safety(s: FixSafety) -> &'static str {
    match s {
        FixSafety::Safe => "safe",
        FixSafety::Unsafe => "unsafe",
    }
}

/// The artifact location of a path as given on the command line: a
/// relative path becomes a relative URI against `%SRCROOT%` (forward
/// slashes, percent-encoded), an absolute one a `file:` URI.
fn artifact(path: &str) -> ArtifactLocation {
    let slashed = path.replace('\\', "/");
    let drive = slashed.len() >= 2
        && slashed.as_bytes()[0].is_ascii_alphabetic()
        && slashed.as_bytes()[1] == b':';
    if slashed.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode(&slashed)),
            uri_base_id: None,
        }
    } else if drive {
        ArtifactLocation {
            uri: format!("file:///{}{}", &slashed[..2], encode(&slashed[2..])),
            uri_base_id: None,
        }
    } else {
        let mut rel = slashed.as_str();
        while let Some(rest) = rel.strip_prefix("./") {
            rel = rest;
        }
        ArtifactLocation {
            uri: encode(rel),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

/// Percent-encodes every byte of `path` that may not stand in a URI path
/// (`:` too, which a relative reference cannot hold in its first segment).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn region(source: &SourceFile, span: Span, snippet: bool) -> Region {
    let s = source.line_col(span.start as usize, ColumnUnit::Chars);
    let e = source.line_col(span.end as usize, ColumnUnit::Chars);
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: Some(e.line),
        end_column: Some(e.column),
        byte_offset: Some(span.start as usize),
        byte_length: Some(span.len()),
        snippet: snippet.then(|| OwnedText {
            text: source.text.get(span.range()).unwrap_or_default().to_owned(),
        }),
    }
}

fn result<'a>(
    source: &'a SourceFile,
    f: &'a Finding,
    rules: &[RuleInfo],
    seen: &mut HashMap<String, usize>,
) -> SarifResult<'a> {
    let location = || artifact(&source.path);
    let hash = crate::fingerprint::fingerprint(&source.text, f.rule(), f.span);
    // The how-many-th finding of the file with this hash (counted, not
    // searched for: a long article has tens of thousands of findings).
    let nth = seen.entry(hash.clone()).or_default();
    *nth += 1;
    let nth = *nth;
    let fixes = match (f.fix(), f.suggestions().first()) {
        (Some(fix), Some(replacement)) => vec![SarifFix {
            description: Text { text: &fix.title },
            artifact_changes: [ArtifactChange {
                artifact_location: location(),
                replacements: [Replacement {
                    deleted_region: region(source, f.span, false),
                    inserted_content: Text { text: replacement },
                }],
            }],
            properties: FixProperties {
                safety: safety(fix.safety),
            },
        }],
        _ => Vec::new(),
    };
    SarifResult {
        rule_id: f.rule(),
        rule_index: rules.iter().position(|r| *r.id == *f.rule()),
        level: level(f.severity()),
        message: Text { text: &f.message },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: location(),
                region: Some(region(source, f.span, true)),
            },
        }],
        related_locations: f
            .related()
            .iter()
            .enumerate()
            .map(|(i, r)| RelatedLocation {
                id: i + 1,
                physical_location: PhysicalLocation {
                    // The original of a translation is another artifact.
                    artifact_location: r.other_path().map_or_else(location, artifact),
                    region: Some(region(r.source(source), r.span, true)),
                },
                message: Text { text: &r.message },
            })
            .collect(),
        partial_fingerprints: Fingerprints {
            v1: format!("{hash}:{nth}"),
        },
        fixes,
    }
}

fn notification(
    level: &'static str,
    path: &str,
    text: String,
    at: Option<(usize, usize)>,
) -> Notification {
    Notification {
        level,
        message: OwnedText { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(path),
                region: at.map(|(line, column)| Region {
                    start_line: line,
                    start_column: column,
                    end_line: None,
                    end_column: None,
                    byte_offset: None,
                    byte_length: None,
                    snippet: None,
                }),
            },
        }],
    }
}

fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// Renders the reports as one SARIF log (pretty-printed, with a final
/// newline). `rules` are the rules in force.
pub fn render(reports: &[FileReport], rules: &[RuleInfo]) -> String {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for r in reports {
        match r {
            FileReport::Checked {
                source, findings, ..
            } => {
                let mut seen = HashMap::new();
                for f in findings {
                    results.push(result(source, f, rules, &mut seen));
                }
            }
            FileReport::Binary { path } => notifications.push(notification(
                "warning",
                path,
                format!("{path}: skipped: binary file (it holds NUL bytes)"),
                None,
            )),
            FileReport::Error(e) => {
                let at = match e {
                    InputError::InvalidUtf8 { line, column, .. } => Some((*line, *column)),
                    InputError::Io { .. }
                    | InputError::Original { .. }
                    | InputError::Internal { .. } => None,
                };
                notifications.push(notification("error", error_path(e), e.to_string(), at));
            }
        }
    }
    let descriptors = rules
        .iter()
        .map(|r| {
            let full = if r.explanation.is_empty() {
                &r.summary
            } else {
                &r.explanation
            };
            Descriptor {
                id: &r.id,
                short_description: Text { text: &r.summary },
                full_description: Text { text: full },
                help: Help {
                    text: full,
                    markdown: full,
                },
                default_configuration: Configuration {
                    level: level(r.severity),
                },
                properties: DescriptorProperties {
                    category: r.category.as_str(),
                    fix: r.fix.map(safety),
                    tags: [r.category.as_str()],
                },
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "factlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: descriptors,
                },
            },
            invocations: [Invocation {
                execution_successful: !reports.iter().any(|r| matches!(r, FileReport::Error(_))),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("serializable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        let a = artifact("./news/été 1.txt");
        assert_eq!(a.uri, "news/%C3%A9t%C3%A9%201.txt");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        assert_eq!(artifact("a\\b:c.md").uri, "a/b%3Ac.md");
        assert_eq!(artifact("<stdin>").uri, "%3Cstdin%3E");
        let abs = artifact("/tmp/x y.txt");
        assert_eq!(abs.uri, "file:///tmp/x%20y.txt");
        assert_eq!(abs.uri_base_id, None);
    }
}
