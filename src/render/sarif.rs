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
//!
//! The log is written as the files are checked ([`Writer`]): a run's
//! `results` come before its `invocations`, whose notifications are known
//! only at the end. A long file's results are serialized on all cores.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::pretty::Nested;
use super::{RuleInfo, error_path};
use crate::error::InputError;
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::{FixSafety, Severity};
use crate::source::{ColumnUnit, SourceFile, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

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
    locations: [Location<'static>; 1],
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
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: PhysicalLocation<'a>,
    message: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    /// A file's location is computed once for all its results.
    artifact_location: Cow<'a, ArtifactLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
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
    snippet: Option<Text<'a>>,
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
    artifact_location: Cow<'a, ArtifactLocation>,
    replacements: [Replacement<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region<'a>,
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

fn region(source: &SourceFile, span: Span, snippet: bool) -> Region<'_> {
    let s = source.line_col(span.start as usize, ColumnUnit::Chars);
    let e = source.line_col(span.end as usize, ColumnUnit::Chars);
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: Some(e.line),
        end_column: Some(e.column),
        byte_offset: Some(span.start as usize),
        byte_length: Some(span.len()),
        snippet: snippet.then(|| Text {
            text: source.text.get(span.range()).unwrap_or_default(),
        }),
    }
}

/// What a file's results share: the file, its artifact location, and
/// where each rule is in the driver's list.
struct FileResults<'a> {
    source: &'a SourceFile,
    location: &'a ArtifactLocation,
    index: &'a HashMap<String, usize>,
}

impl FileResults<'_> {
    /// The result of finding `f`, the `nth` of its file with fingerprint
    /// `hash`.
    fn result<'a>(&'a self, f: &'a Finding, (hash, nth): (u64, usize)) -> SarifResult<'a> {
        let source = self.source;
        let location = || Cow::Borrowed(self.location);
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
            rule_index: self.index.get(&**f.rule()).copied(),
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
                        artifact_location: r
                            .other_path()
                            .map_or_else(location, |p| Cow::Owned(artifact(p))),
                        region: Some(region(r.source(source), r.span, true)),
                    },
                    message: Text { text: &r.message },
                })
                .collect(),
            partial_fingerprints: Fingerprints {
                v1: format!("{hash:016x}:{nth}"),
            },
            fixes,
        }
    }

    /// Appends the result of `f` to `out`, pretty-printed at its depth in
    /// the log, after a comma unless it is the log's `first` result.
    fn write(
        &self,
        out: &mut Vec<u8>,
        first: bool,
        f: &Finding,
        print: (u64, usize),
    ) -> std::io::Result<()> {
        super::pretty::item(out, first, RESULT_LEVEL, &self.result(f, print))
    }
}

/// The fingerprint of each finding of a file and how many before it in the
/// file have the same (from 1): the hashes on all cores when `split`.
fn prints(source: &SourceFile, findings: &[Finding], split: bool) -> Vec<(u64, usize)> {
    let hashes = |run: &[Finding]| -> Vec<u64> {
        run.iter()
            .map(|f| crate::fingerprint::hash(&source.text, f.rule(), f.span))
            .collect()
    };
    let hashes: Vec<u64> = if split {
        let runs: Vec<&[Finding]> = findings.chunks(HASH_TASK).collect();
        crate::ordered::map(runs, true, hashes).concat()
    } else {
        hashes(findings)
    };
    // Counted, not searched for: a long article has tens of thousands of
    // findings.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    hashes
        .into_iter()
        .map(|h| {
            let nth = seen.entry(h).or_default();
            *nth += 1;
            (h, *nth)
        })
        .collect()
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
                artifact_location: Cow::Owned(artifact(path)),
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

/// The notification of a file that could not be checked.
fn notice(report: &FileReport) -> Option<Notification> {
    match report {
        FileReport::Checked { .. } => None,
        FileReport::Binary { path } => Some(notification(
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
            Some(notification("error", error_path(e), e.to_string(), at))
        }
    }
}

fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// The depth of a result in the log (`runs`, the run, `results`).
const RESULT_LEVEL: usize = 4;

/// How many findings of a long file one task serializes, on one core (as
/// in the human and JSON reports).
const SPLIT_TASK: usize = 128;

/// How many findings one task hashes.
const HASH_TASK: usize = 1024;

/// How many tasks a thread may serialize ahead of the last one written.
const SPLIT_AHEAD: usize = 4;

/// The SARIF log written a file at a time, as each file is checked:
/// [`Writer::new`] opens it with the rules in force, [`Writer::file`] adds
/// each file's results in order, [`Writer::finish`] closes it with the
/// invocation (the files that could not be checked). Pretty-printed, with
/// a final newline; [`render`] gives the same bytes.
pub struct Writer {
    /// Each rule's place in the driver's list (`ruleIndex`).
    index: HashMap<String, usize>,
    notifications: Vec<Notification>,
    successful: bool,
    results: usize,
    /// A long file's results may be serialized on all the threads of
    /// rayon's pool (see [`crate::ordered::split_document`]).
    split: bool,
    /// The buffer results are serialized into, written a chunk at a time;
    /// at first, the head of the log.
    buf: Vec<u8>,
}

impl Writer {
    /// A log of the tool and its `rules`. Nothing is written until the
    /// first file or the end: a closed output is then an error of a file
    /// written, as with the other reports, not of the start.
    pub fn new(rules: &[RuleInfo]) -> std::io::Result<Writer> {
        let mut head = format!(
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
        )
        .into_bytes();
        let mut ser = serde_json::Serializer::with_formatter(&mut head, Nested::at(3));
        tool(rules).serialize(&mut ser)?;
        head.extend_from_slice(
            b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        );
        let mut index = HashMap::with_capacity(rules.len());
        for (i, r) in rules.iter().enumerate() {
            index.entry(r.id.clone()).or_insert(i);
        }
        Ok(Writer {
            index,
            notifications: Vec::new(),
            successful: true,
            results: 0,
            split: false,
            buf: head,
        })
    }

    /// Allows a long file's results to be serialized on all the threads of
    /// rayon's pool: only for a caller that runs nothing else on the pool
    /// meanwhile (see [`crate::ordered::split_document`]).
    #[must_use]
    pub fn split(mut self, split: bool) -> Writer {
        self.split = split;
        self
    }

    /// Adds one file's results, or its notification when it could not be
    /// checked.
    pub fn file(&mut self, w: &mut dyn std::io::Write, report: &FileReport) -> std::io::Result<()> {
        match report {
            FileReport::Checked {
                source, findings, ..
            } => self.results(w, source, findings),
            FileReport::Binary { .. } | FileReport::Error(_) => {
                self.successful &= !matches!(report, FileReport::Error(_));
                self.notifications.extend(notice(report));
                Ok(())
            }
        }
    }

    fn results(
        &mut self,
        w: &mut dyn std::io::Write,
        source: &SourceFile,
        findings: &[Finding],
    ) -> std::io::Result<()> {
        if findings.is_empty() {
            return Ok(());
        }
        // The head of the log, before the first results.
        w.write_all(&self.buf)?;
        self.buf.clear();
        let location = artifact(&source.path);
        let file = FileResults {
            source,
            location: &location,
            index: &self.index,
        };
        let split = crate::ordered::split_document(self.split, source.text.len());
        let prints = prints(source, findings, split);
        let first = self.results == 0;
        self.results += findings.len();
        if split {
            // A task serializes a run of results on the pool's threads;
            // each run is written here as soon as those before it are.
            let runs: Vec<usize> = (0..findings.len()).step_by(SPLIT_TASK).collect();
            let serialize = |&start: &usize| -> std::io::Result<Vec<u8>> {
                let mut out = Vec::new();
                let end = (start + SPLIT_TASK).min(findings.len());
                for i in start..end {
                    file.write(&mut out, first && i == 0, &findings[i], prints[i])?;
                }
                Ok(out)
            };
            return crate::ordered::write_each(&runs, SPLIT_AHEAD, serialize, w);
        }
        for (i, (f, print)) in findings.iter().zip(prints).enumerate() {
            file.write(&mut self.buf, first && i == 0, f, print)?;
            if self.buf.len() >= super::pretty::CHUNK {
                w.write_all(&self.buf)?;
                self.buf.clear();
            }
        }
        w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Closes the results and writes the invocation.
    pub fn finish(self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        // The head of the log when no file had results.
        let mut tail = self.buf;
        if self.results > 0 {
            tail.extend_from_slice(b"\n      ");
        }
        tail.extend_from_slice(b"],\n      \"invocations\": ");
        let mut ser = serde_json::Serializer::with_formatter(&mut tail, Nested::at(3));
        [Invocation {
            execution_successful: self.successful,
            tool_execution_notifications: self.notifications,
        }]
        .serialize(&mut ser)?;
        tail.extend_from_slice(b"\n    }\n  ]\n}\n");
        w.write_all(&tail)
    }
}

/// The tool: factlint and the rules in force.
fn tool(rules: &[RuleInfo]) -> Tool<'_> {
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
    Tool {
        driver: Driver {
            name: "factlint",
            version: env!("CARGO_PKG_VERSION"),
            semantic_version: env!("CARGO_PKG_VERSION"),
            information_uri: information_uri(),
            rules: descriptors,
        },
    }
}

/// Renders the reports as one SARIF log (pretty-printed, with a final
/// newline). `rules` are the rules in force.
pub fn render(reports: &[FileReport], rules: &[RuleInfo]) -> String {
    let mut out = Vec::new();
    let written = Writer::new(rules).and_then(|mut writer| {
        for r in reports {
            writer.file(&mut out, r)?;
        }
        writer.finish(&mut out)
    });
    written.expect("a report in memory is written");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;
    use crate::{Lang, Linter, RuleSet};

    /// The whole log as one value, as it was serialized before it was
    /// written a file at a time.
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
        column_kind: &'static str,
        results: Vec<SarifResult<'a>>,
        invocations: [Invocation; 1],
    }

    fn whole(reports: &[FileReport], rules: &[RuleInfo]) -> String {
        let index: HashMap<String, usize> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let checked: Vec<(&SourceFile, &[Finding], ArtifactLocation)> = reports
            .iter()
            .filter_map(|r| match r {
                FileReport::Checked {
                    source, findings, ..
                } => Some((source, findings.as_slice(), artifact(&source.path))),
                _ => None,
            })
            .collect();
        let files: Vec<(FileResults, &[Finding])> = checked
            .iter()
            .map(|(source, findings, location)| {
                let file = FileResults {
                    source,
                    location,
                    index: &index,
                };
                (file, *findings)
            })
            .collect();
        let results = files
            .iter()
            .flat_map(|(file, findings)| {
                let prints = prints(file.source, findings, false);
                findings.iter().zip(prints).map(|(f, p)| file.result(f, p))
            })
            .collect();
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: tool(rules),
                column_kind: "unicodeCodePoints",
                results,
                invocations: [Invocation {
                    execution_successful: !reports
                        .iter()
                        .any(|r| matches!(r, FileReport::Error(_))),
                    tool_execution_notifications: reports.iter().filter_map(notice).collect(),
                }],
            }],
        };
        serde_json::to_string_pretty(&log).expect("it serializes") + "\n"
    }

    /// The log written file by file, a long file's results on two threads
    /// when `split`.
    fn streamed(reports: &[FileReport], rules: &[RuleInfo], split: bool) -> String {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        pool.install(|| {
            let mut out = Vec::new();
            let mut writer = Writer::new(rules).expect("in memory").split(split);
            for r in reports {
                writer.file(&mut out, r).expect("in memory");
            }
            writer.finish(&mut out).expect("in memory");
            String::from_utf8(out).expect("UTF-8")
        })
    }

    #[test]
    fn the_log_written_file_by_file_is_the_whole_log() {
        let rules = RuleSet::embedded().expect("rules");
        let info = RuleInfo::of(&rules);
        let linter = Linter::new(rules, Some(Lang::Ar));
        let seed = include_str!("../../seeds/000_1da055f338dfc321.txt");
        // Long enough to be split, with findings over many tasks and the
        // same fingerprints again and again (the seed's findings, repeated).
        let long = seed.repeat(crate::ordered::SPLIT_BYTES / seed.len() + 1);
        assert!(long.len() >= crate::ordered::SPLIT_BYTES);
        let checked = [
            linter.check_text(
                "a \"quoted\" name.md",
                "He said : \"no\n\nthe the end",
                Format::Markdown,
            ),
            linter.check_text("long.txt", &long, Format::Text),
            linter.check_text("empty.txt", "", Format::Text),
            linter.check_text("seed.txt", seed, Format::Text),
        ];
        let skipped = FileReport::Binary {
            path: "b.bin".into(),
        };
        let failed = FileReport::Error(crate::error::InputError::Io {
            path: "gone.txt".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
        let [quoted, long, empty, seed] = checked;
        let all = [empty, skipped, long, quoted, failed, seed];
        let findings = |r: &FileReport| match r {
            FileReport::Checked { findings, .. } => findings.len(),
            _ => 0,
        };
        assert!(findings(&all[2]) > 4 * SPLIT_TASK, "{}", findings(&all[2]));
        for n in 0..=all.len() {
            let expected = whole(&all[..n], &info);
            for split in [false, true] {
                assert_eq!(
                    streamed(&all[..n], &info, split),
                    expected,
                    "{n} files, split {split}"
                );
            }
            assert_eq!(render(&all[..n], &info), expected);
            let log: serde_json::Value = serde_json::from_str(&expected).expect("valid JSON");
            let prints: std::collections::HashSet<(&str, &str)> = log["runs"][0]["results"]
                .as_array()
                .expect("results")
                .iter()
                .map(|r| {
                    let at = &r["locations"][0]["physicalLocation"]["artifactLocation"];
                    let print = &r["partialFingerprints"]["factlint/v1"];
                    (
                        at["uri"].as_str().expect("a file"),
                        print.as_str().expect("a print"),
                    )
                })
                .collect();
            let results = log["runs"][0]["results"].as_array().map_or(0, Vec::len);
            assert_eq!(
                prints.len(),
                results,
                "fingerprints are unique within a file"
            );
        }
    }

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
