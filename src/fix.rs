//! Fixes: `factlint check --fix`, `--diff` and `--unsafe-fixes`.
//!
//! A fix replaces a finding's span with its first suggestion. Fixes are
//! byte-range edits on the original text, so whatever they do not touch (a
//! byte order mark, `\r\n` line ends, Markdown markup) is kept byte for byte.
//!
//! One pass applies every fix that does not overlap one applied before it,
//! in a fixed order (start, then longest, then rule id); the text is then
//! checked again, because a fix may uncover another one, up to
//! [`MAX_PASSES`] passes. The report of a fixed file is the check of its
//! new text: it lists what remains.

use std::cmp::Reverse;
use std::path::Path;

use crate::finding::Finding;
use crate::lint::{FileReport, Linter};
use crate::rules::FixSafety;
use crate::source::SourceFile;

/// How many times a text is checked and fixed at most (ruff uses the same
/// bound): enough for fixes that uncover others, and a stop for rules that
/// would undo each other.
pub const MAX_PASSES: usize = 10;

/// Whether `finding` has a fix that is applied: a safe one, or any one with
/// `unsafe_fixes`.
pub fn is_applicable(finding: &Finding, unsafe_fixes: bool) -> bool {
    finding
        .fix()
        .is_some_and(|f| f.safety == FixSafety::Safe || unsafe_fixes)
        && !finding.suggestions().is_empty()
}

/// One pass: applies the applicable fixes of `findings` to `text`. Edits are
/// taken by start, then longest first, then rule id; one that overlaps an
/// edit already applied, or starts where one did (two insertions at one
/// place), is left for the next pass. An edit whose span is not on char
/// boundaries of `text` is skipped, so the result is always valid text; so
/// is one that would add or remove a line break (a fix never joins or
/// splits lines, and never breaks a `\r\n`).
/// Returns the new text and how many findings were fixed (a finding whose
/// edit is the same as one applied counts as fixed too).
pub fn apply(text: &str, findings: &[Finding], unsafe_fixes: bool) -> (String, usize) {
    let (edits, fixed) = plan(text, findings, unsafe_fixes);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    for (start, end, _, replacement) in edits {
        out.push_str(&text[pos..start]);
        out.push_str(replacement);
        pos = end;
    }
    out.push_str(&text[pos..]);
    (out, fixed)
}

/// The edits [`apply`] makes, in order and disjoint, and how many findings
/// they fix (two rules may offer the same edit: one edit, two findings
/// fixed). Of overlapping edits, the first (by start, longest first) wins.
pub fn plan<'f>(
    text: &str,
    findings: &'f [Finding],
    unsafe_fixes: bool,
) -> (Vec<(usize, usize, &'f str, &'f str)>, usize) {
    let mut out: Vec<(usize, usize, &str, &str)> = Vec::new();
    let mut pos = 0usize;
    let mut fixed = 0;
    for (start, end, rule, replacement) in candidates(text, findings, unsafe_fixes) {
        if let Some(&(s, e, _, r)) = out.last() {
            if (s, e, r) == (start, end, replacement) {
                fixed += 1;
                continue;
            }
            if start < pos || s == start {
                continue;
            }
        }
        out.push((start, end, rule, replacement));
        pos = end;
        fixed += 1;
    }
    (out, fixed)
}

/// The edits [`apply`] considers, as `(start, end, rule, replacement)`, in
/// the order it takes them: applicable fixes that change the text, on char
/// boundaries, adding or removing no line break.
pub fn candidates<'f>(
    text: &str,
    findings: &'f [Finding],
    unsafe_fixes: bool,
) -> Vec<(usize, usize, &'f str, &'f str)> {
    let mut edits: Vec<(usize, usize, &str, &str)> = findings
        .iter()
        .filter(|f| is_applicable(f, unsafe_fixes))
        .filter(|f| f.span.is_on_char_boundaries(text))
        .map(|f| {
            let r = f.span.range();
            (r.start, r.end, f.rule().as_str(), &*f.suggestions()[0])
        })
        .filter(|&(start, end, _, replacement)| text[start..end] != *replacement)
        .filter(|&(start, end, _, replacement)| {
            line_breaks(&text[start..end]) == line_breaks(replacement)
        })
        .collect();
    edits.sort_by_key(|&(start, end, rule, replacement)| (start, Reverse(end), rule, replacement));
    edits
}

/// How many `\r` and `\n` a text holds.
fn line_breaks(s: &str) -> usize {
    s.bytes().filter(|b| matches!(b, b'\r' | b'\n')).count()
}

/// A report after fixing.
#[derive(Debug)]
pub struct Fixed {
    /// The check of the fixed text (the original report when nothing was
    /// fixed).
    pub report: FileReport,
    /// How many findings were fixed, over all passes.
    pub fixed: usize,
    /// The original text, when the text changed.
    pub original: Option<String>,
}

/// Fixes a checked file in memory: applies its fixes, checks the new text,
/// and again until nothing is left to fix or [`MAX_PASSES`] passes. Reports
/// that are not `Checked` (binary, unreadable) are returned as they are.
pub fn fix_report(linter: &Linter, report: FileReport, unsafe_fixes: bool) -> Fixed {
    let FileReport::Checked {
        source, findings, ..
    } = &report
    else {
        return Fixed {
            report,
            fixed: 0,
            original: None,
        };
    };
    let original = source.text.clone();
    let (path, format) = (source.path.clone(), source.format);
    let mut text = original.clone();
    let mut findings_now: Option<Vec<Finding>> = None;
    let mut current = None;
    let mut fixed = 0;
    for _ in 0..MAX_PASSES {
        let list = findings_now.as_deref().unwrap_or(findings);
        let (new, n) = apply(&text, list, unsafe_fixes);
        if n == 0 || new == text {
            break;
        }
        fixed += n;
        text = new;
        let checked = linter.check_source(SourceFile::from_text(&path, text.clone(), format));
        if let FileReport::Checked { findings, .. } = &checked {
            findings_now = Some(findings.clone());
        }
        current = Some(checked);
    }
    match current {
        Some(report) if text != original => Fixed {
            report,
            fixed,
            original: Some(original),
        },
        // Changed and changed back: the file is not touched, and its
        // original report stands.
        _ => Fixed {
            report,
            fixed: 0,
            original: None,
        },
    }
}

/// The text of a checked report.
pub fn text_of(report: &FileReport) -> Option<&str> {
    match report {
        FileReport::Checked { source, .. } => Some(&source.text),
        _ => None,
    }
}

/// What `check` does with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--fix`: write the fixed files (standard input: print the fixed text).
    Write,
    /// `--diff`: print a unified diff of the fixes, write nothing.
    Diff,
}

/// `--fix`, `--diff` and `--unsafe-fixes`.
#[derive(Debug, Clone, Copy)]
pub struct Fixer {
    pub mode: Mode,
    pub unsafe_fixes: bool,
}

/// What fixing did to one input.
#[derive(Debug, Default)]
pub struct Note {
    /// The path as reported.
    pub path: String,
    pub fixed: usize,
    /// `--diff`: the unified diff, when the text changed.
    pub diff: Option<String>,
    /// `--fix` on standard input: the whole fixed text (also when nothing
    /// changed), for standard output.
    pub stdout_text: Option<String>,
    /// The fixed file could not be written (the file is left as it was).
    pub error: Option<String>,
}

impl Fixer {
    /// Fixes the input a report is about: `file` is its path on disk, or
    /// `None` for standard input. Returns the report to show (the remaining
    /// findings) and what was done.
    pub fn fix(
        &self,
        linter: &Linter,
        report: FileReport,
        file: Option<&Path>,
    ) -> (FileReport, Note) {
        let fixed = fix_report(linter, report, self.unsafe_fixes);
        let path = match &fixed.report {
            FileReport::Checked { source, .. } => source.path.clone(),
            FileReport::Binary { path } => path.clone(),
            FileReport::Error(_) => String::new(),
        };
        let mut note = Note {
            path,
            fixed: fixed.fixed,
            ..Note::default()
        };
        let new_text = text_of(&fixed.report).unwrap_or_default();
        match (self.mode, &fixed.original, file) {
            (Mode::Diff, Some(original), _) => {
                note.diff = Some(unified_diff(&note.path, original, new_text));
            }
            (Mode::Write, _, None) => {
                if let Some(text) = text_of(&fixed.report) {
                    note.stdout_text = Some(text.to_owned());
                }
            }
            (Mode::Write, Some(original), Some(file)) => {
                if let Err(e) = write_fixed(file, original, new_text) {
                    note.error = Some(format!(
                        "{}: cannot write the fixes: {e}; the file is left as it was",
                        note.path
                    ));
                    note.fixed = 0;
                    // Nothing was fixed: report what the file still holds.
                    let again = linter.check_source(SourceFile::from_text(
                        &note.path,
                        original.clone(),
                        crate::source::Format::from_path(file),
                    ));
                    return (again, note);
                }
            }
            _ => {}
        }
        (fixed.report, note)
    }
}

/// A unified diff (3 lines of context) from `old` to `new`, headed
/// `--- PATH` / `+++ PATH`; a last line without a line end is marked
/// `\ No newline at end of file`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

/// Replaces `path` (the file a symbolic link points to, if it is one) with
/// `text`: a temporary file in the same folder, given the original's
/// permissions, then renamed over it. The file is left alone if it no
/// longer holds `original` (changed while it was checked).
pub fn write_fixed(path: &Path, original: &str, text: &str) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path)?;
    let metadata = std::fs::metadata(&path)?;
    if std::fs::read(&path)? != original.as_bytes() {
        return Err(std::io::Error::other(
            "the file changed while it was checked",
        ));
    }
    crate::atomic::write(&path, text.as_bytes(), Some(metadata.permissions()))
}

/// All the notes of a run, for the command line.
#[derive(Debug, Default)]
pub struct Summary {
    /// `--diff`: the diffs of every changed input, in input order.
    pub diff: String,
    /// Some input had something to fix (with `--fix`: was fixed).
    pub changed: bool,
    /// Some fixed file could not be written.
    pub write_error: bool,
    /// `--fix` on standard input: its fixed text.
    pub stdout_text: Option<String>,
    /// Lines for standard error: `fixed N findings in PATH`, errors.
    pub messages: Vec<String>,
}

impl Summary {
    pub fn of(mode: Mode, notes: Vec<Note>) -> Summary {
        let mut s = Summary::default();
        for note in notes {
            if let Some(e) = note.error {
                s.write_error = true;
                s.messages.push(format!("error: {e}"));
            }
            if let Some(text) = note.stdout_text {
                s.stdout_text = Some(text);
            }
            if let Some(diff) = note.diff {
                s.diff.push_str(&diff);
            }
            if note.fixed > 0 {
                s.changed = true;
                let findings = if note.fixed == 1 {
                    "finding"
                } else {
                    "findings"
                };
                let verb = match mode {
                    Mode::Write => "fixed",
                    Mode::Diff => "would fix",
                };
                s.messages
                    .push(format!("{verb} {} {findings} in {}", note.fixed, note.path));
            }
        }
        s
    }
}
