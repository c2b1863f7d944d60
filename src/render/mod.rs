//! Output formats. Findings arrive sorted; this is the only place where byte
//! offsets become lines and columns.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
mod pretty;
pub mod sarif;
pub(crate) mod snippet;

use crate::error::InputError;
use crate::lint::FileReport;
use crate::rules::{Category, FixSafety, RuleSet, Severity};

/// What a format needs to know of a rule in force (SARIF lists every rule
/// of the run, with its documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: String,
    /// Why it matters and what to do (Markdown; may be empty).
    pub explanation: String,
    /// The safety of the rule's fix, when it has one.
    pub fix: Option<FixSafety>,
}

impl RuleInfo {
    /// The rules of `set`, in its order (by id).
    pub fn of(set: &RuleSet) -> Vec<RuleInfo> {
        set.rules()
            .iter()
            .map(|r| RuleInfo {
                id: r.id.to_string(),
                category: r.meta.category,
                severity: r.meta.severity,
                summary: r.meta.summary.trim().to_owned(),
                explanation: r.meta.explanation.trim().to_owned(),
                fix: r.meta.fix.as_ref().map(|f| f.safety),
            })
            .collect()
    }
}

/// The path that a report of a file that could not be checked is about.
pub(crate) fn error_path(e: &InputError) -> &str {
    e.path()
}

/// Counts over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings hidden by a baseline (`--baseline`); not in `findings`.
    pub baselined: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    /// Counts one more report.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if let FileReport::Checked { findings, .. } = report {
            for f in findings {
                self.findings += 1;
                match f.severity() {
                    Severity::Error => self.errors += 1,
                    Severity::Warning => self.warnings += 1,
                    Severity::Info => self.infos += 1,
                }
            }
        }
    }
}

/// The part of a report that comes after an opening that needs the whole
/// run's totals (the HTML page's summary and filters, the Markdown table
/// of files, the `JUnit` totals): each file's part is drawn as its report
/// comes and kept here, in memory up to [`Spool::IN_MEMORY`] bytes and in
/// a temporary file past that, instead of the report itself (its text,
/// figures and dates): a run over an archive holds a few reports at a time
/// whatever the format. Where no temporary file can be made (no writable
/// temporary folder), the parts stay in memory, as the whole report did
/// before.
#[derive(Default)]
pub(crate) struct Spool {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
    /// A temporary file could not be made: memory only.
    no_file: bool,
}

impl Spool {
    /// Bytes kept in memory before they go to a temporary file.
    const IN_MEMORY: usize = 4 << 20;

    /// A spool that never goes to a temporary file: writes to it cannot
    /// fail.
    pub(crate) fn in_memory() -> Spool {
        Spool {
            no_file: true,
            ..Spool::default()
        }
    }

    pub(crate) fn push(&mut self, s: &str) -> std::io::Result<()> {
        use std::io::Write as _;
        if let Some(file) = &mut self.file {
            return file.write_all(s.as_bytes());
        }
        self.memory.extend_from_slice(s.as_bytes());
        if self.memory.len() > Spool::IN_MEMORY && !self.no_file {
            match tempfile::tempfile() {
                Ok(file) => {
                    let mut file = std::io::BufWriter::with_capacity(1 << 16, file);
                    file.write_all(&self.memory)?;
                    self.memory = Vec::new();
                    self.file = Some(file);
                }
                Err(_) => self.no_file = true,
            }
        }
        Ok(())
    }

    /// Writes what was kept to `out`.
    pub(crate) fn copy_to(self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        use std::io::Seek as _;
        match self.file {
            None => out.write_all(&self.memory),
            Some(file) => {
                let mut file = file
                    .into_inner()
                    .map_err(std::io::IntoInnerError::into_error)?;
                file.seek(std::io::SeekFrom::Start(0))?;
                std::io::copy(&mut file, out)?;
                Ok(())
            }
        }
    }
}

/// A report whose opening counts every file (HTML, Markdown, `JUnit`),
/// written file by file: each file's part is drawn as its report comes
/// and kept (in memory up to 4 MB, in a temporary file past that), not the
/// report, and the whole written at the end.
pub trait Deferred: Default {
    /// A writer that keeps every part in memory, for a report returned as
    /// a `String` (in memory anyway): its writes cannot fail.
    fn in_memory() -> Self;

    /// Draws one file's part.
    fn file(&mut self, report: &FileReport) -> std::io::Result<()>;

    /// Writes the whole report to `out`.
    fn finish(self, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// The report of `reports` as a `String` (the `render` functions that tests
/// and the library call with every report at once), drawn in memory only.
pub(crate) fn deferred<W: Deferred>(reports: &[FileReport]) -> String {
    let mut w = W::in_memory();
    let mut out = Vec::new();
    reports
        .iter()
        .try_for_each(|r| w.file(r))
        .and_then(|()| w.finish(&mut out))
        .expect("writes to memory do not fail");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// "1 file", "2 files".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::Spool;

    /// What a spool keeps comes back whole and in order, from memory and
    /// past the memory's bound from its temporary file.
    #[test]
    fn a_spool_gives_back_what_it_kept() {
        for parts in [3, 1000] {
            let mut spool = Spool::default();
            let mut expected = String::new();
            for i in 0..parts {
                let part = format!("{i}:{}\n", "ب".repeat(4000 + i));
                spool.push(&part).expect("kept");
                expected.push_str(&part);
            }
            assert_eq!(expected.len() > Spool::IN_MEMORY, parts == 1000);
            assert_eq!(spool.file.is_some(), parts == 1000);
            let mut memory = Spool::in_memory();
            memory.push(&expected).expect("kept");
            assert!(memory.file.is_none());
            let mut out = Vec::new();
            spool.copy_to(&mut out).expect("given back");
            assert!(out == expected.as_bytes(), "{parts} parts");
        }
    }
}
