//! Baselines: the findings a newsroom accepts for now, so that the gate
//! (`--fail-on`) can be adopted on an archive and only new findings fail.
//!
//! `factlint check --write-baseline FILE` records every finding;
//! `factlint check --baseline FILE` then reports only the findings that are
//! not in it. A finding is matched by its path (as given on the command
//! line, with `/` separators and no leading `./`), its rule and its
//! [fingerprint](crate::fingerprint), which holds no line number: an edit
//! elsewhere in the article does not bring a baselined finding back, but an
//! edit of the flagged text (or of its context on its line) does. Identical
//! findings are counted: when the baseline holds two and the file now has
//! three, one is new (the last in the file).
//!
//! The file (JSON, pretty-printed):
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"path": "news/a.md", "rule": "typography/space-before-punctuation",
//!      "fingerprint": "9c2f…", "line": 3, "text": " ,"}
//!   ]
//! }
//! ```
//!
//! `line` and `text` are there for people reading the file; matching
//! ignores them.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fingerprint::fingerprint;
use crate::lint::FileReport;
use crate::source::ColumnUnit;

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For people: the 1-based line when it was recorded.
    #[serde(default)]
    pub line: usize,
    /// For people: the flagged text.
    #[serde(default)]
    pub text: String,
}

/// Why a baseline file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("--baseline {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("--write-baseline {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("--baseline {path}: not a factlint baseline: {message}")]
    Invalid { path: String, message: String },
}

/// A path as the baseline stores it: `/` separators, no leading `./`.
pub fn normalize_path(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/').to_owned();
    }
    p
}

/// (path, rule, fingerprint) of every finding of a report, in order.
fn keys(report: &FileReport) -> Vec<(String, String, String)> {
    let FileReport::Checked {
        source, findings, ..
    } = report
    else {
        return Vec::new();
    };
    let path = normalize_path(&source.path);
    findings
        .iter()
        .map(|f| {
            (
                path.clone(),
                f.rule().to_string(),
                fingerprint(&source.text, f.rule(), f.span),
            )
        })
        .collect()
}

impl Baseline {
    /// The findings of `reports`.
    pub fn of(reports: &[FileReport]) -> Baseline {
        let mut baseline = Baseline {
            version: VERSION,
            findings: Vec::new(),
        };
        for r in reports {
            baseline.add(r);
        }
        baseline
    }

    /// Adds the findings of one report.
    pub fn add(&mut self, report: &FileReport) {
        let FileReport::Checked {
            source,
            findings: fs,
            ..
        } = report
        else {
            return;
        };
        for (f, (path, rule, fingerprint)) in fs.iter().zip(keys(report)) {
            self.findings.push(Entry {
                path,
                rule,
                fingerprint,
                line: source
                    .line_col(f.span.start as usize, ColumnUnit::Chars)
                    .line,
                text: f.text(&source.text).to_owned(),
            });
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("serializable");
        s.push('\n');
        s
    }

    /// Writes the baseline file at `path`.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        crate::atomic::write(path, self.to_json().as_bytes(), None).map_err(|source| {
            BaselineError::Write {
                path: path.display().to_string(),
                source,
            }
        })
    }

    /// Reads a baseline file.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineError> {
        let invalid = |message: String| BaselineError::Invalid {
            path: path.to_owned(),
            message,
        };
        let b: Baseline = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if b.version != VERSION {
            return Err(invalid(format!(
                "version {} (this factlint reads version {VERSION})",
                b.version
            )));
        }
        Ok(b)
    }

    /// Reads the baseline file at `path`.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: display.clone(),
            source,
        })?;
        Baseline::parse(&display, &text)
    }

    /// Removes from `reports` the findings that the baseline holds, each
    /// entry hiding one finding at most. Returns how many were hidden.
    pub fn filter(&self, reports: &mut [FileReport]) -> usize {
        let mut filter = self.filter_one_by_one();
        for r in reports.iter_mut() {
            filter.apply(r);
        }
        filter.hidden
    }

    /// [`Baseline::filter`] one report at a time, in the same order.
    pub fn filter_one_by_one(&self) -> Filter {
        let mut left: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.findings {
            *left
                .entry((e.path.clone(), e.rule.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        Filter { left, hidden: 0 }
    }
}

/// A baseline's entries not yet used, and how many findings they hid.
#[derive(Debug)]
pub struct Filter {
    left: HashMap<(String, String, String), usize>,
    /// Findings hidden so far.
    pub hidden: usize,
}

impl Filter {
    /// Removes from `report` the findings that the entries left hold.
    pub fn apply(&mut self, report: &mut FileReport) {
        let keys = keys(report);
        if let FileReport::Checked { findings, .. } = report {
            let mut keys = keys.iter();
            findings.retain(|_| {
                let key = keys.next().expect("one key per finding");
                match self.left.get_mut(key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        self.hidden += 1;
                        false
                    }
                    _ => true,
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;
    use crate::{Lang, Linter, RuleSet};

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalize_path("./news\\a.md"), "news/a.md");
        assert_eq!(normalize_path(".//a.md"), "a.md");
        assert_eq!(normalize_path("/abs/a.md"), "/abs/a.md");
        assert_eq!(normalize_path("../a.md"), "../a.md");
    }

    #[test]
    fn identical_findings_are_counted() {
        let linter = Linter::new(RuleSet::embedded().expect("rules"), Some(Lang::En));
        let check = |text: &str| vec![linter.check_text("./a.txt", text, Format::Text)];
        let count = |r: &[FileReport]| match &r[0] {
            FileReport::Checked { findings, .. } => findings.len(),
            _ => panic!("checked"),
        };
        let line = "The offer , was rejected.";
        let base = Baseline::of(&check(&format!("{line}\n\n{line}\n")));
        assert_eq!(base.findings.len(), 2, "{base:?}");
        assert_eq!(base.findings[0].path, "a.txt");
        assert_eq!(base.findings[1].line, 3);
        let base = Baseline::parse("b.json", &base.to_json()).expect("round trip");
        let mut three = check(&format!("Intro.\n\n{line}\n\n{line}\n\n{line}\n"));
        assert_eq!(base.filter(&mut three), 2);
        assert_eq!(count(&three), 1);
    }

    #[test]
    fn invalid_files_are_errors() {
        for text in ["", "{}", "[]", "{\"version\": 2, \"findings\": []}"] {
            let e = Baseline::parse("b.json", text).expect_err(text);
            assert!(e.to_string().starts_with("--baseline b.json: "), "{e}");
        }
    }
}
