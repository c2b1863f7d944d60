//! Output formats. Findings arrive sorted; this is the only place where byte
//! offsets become lines and columns.

pub mod html;
pub mod human;
pub mod json;

use crate::lint::FileReport;
use crate::rules::Severity;

/// Counts over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            if let FileReport::Checked { findings, .. } = r {
                for f in findings {
                    s.findings += 1;
                    match f.severity {
                        Severity::Error => s.errors += 1,
                        Severity::Warning => s.warnings += 1,
                        Severity::Info => s.infos += 1,
                    }
                }
            }
        }
        s
    }
}

/// "1 file", "2 files".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
