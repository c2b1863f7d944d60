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

/// "1 file", "2 files".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
