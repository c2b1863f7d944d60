//! GitHub Actions workflow commands: one annotation per finding, shown on
//! the pull request's diff.
//!
//! ```text
//! ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
//! ```
//!
//! `warning` and `notice` for the other severities. Values are escaped as
//! GitHub's toolkit (`@actions/core`) escapes them. Columns count Unicode
//! scalar values. A file that could not be read is an `error` annotation on
//! the file, a skipped one a `warning`.

use std::fmt::Write as _;

use super::error_path;
use crate::error::InputError;
use crate::lint::FileReport;
use crate::rules::Severity;
use crate::source::ColumnUnit;

/// Escapes a command's message.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`, `title=…`).
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn path(p: &str) -> String {
    escape_property(&p.replace('\\', "/"))
}

/// Renders the reports as workflow commands, one a line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        match r {
            FileReport::Checked {
                source, findings, ..
            } => {
                for f in findings {
                    let s = source.line_col(f.span.start as usize, ColumnUnit::Chars);
                    let e = source.line_col(f.span.end as usize, ColumnUnit::Chars);
                    let _ = writeln!(
                        out,
                        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                        command(f.severity()),
                        path(&source.path),
                        s.line,
                        s.column,
                        e.line,
                        e.column,
                        escape_property(f.rule()),
                        escape_data(&f.message)
                    );
                }
            }
            FileReport::Binary { path: p } => {
                let _ = writeln!(
                    out,
                    "::warning file={}::{}",
                    path(p),
                    escape_data(&format!("{p}: skipped: binary file (it holds NUL bytes)"))
                );
            }
            FileReport::Error(e) => {
                let at = match e {
                    InputError::InvalidUtf8 { line, column, .. } => {
                        format!(",line={line},col={column}")
                    }
                    InputError::Io { .. }
                    | InputError::Original { .. }
                    | InputError::Internal { .. } => String::new(),
                };
                let _ = writeln!(
                    out,
                    "::error file={}{at}::{}",
                    path(error_path(e)),
                    escape_data(&e.to_string())
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_actions_toolkit() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(
            escape_property("50% a\r\nb: c, d"),
            "50%25 a%0D%0Ab%3A c%2C d"
        );
        // `%` first: an escape is never escaped twice.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_property("قال: «لا»"), "قال%3A «لا»");
    }

    #[test]
    fn input_errors_are_error_annotations() {
        let reports = [
            FileReport::Error(InputError::InvalidUtf8 {
                path: "a,b.txt".into(),
                offset: 5,
                line: 2,
                column: 3,
            }),
            FileReport::Binary {
                path: "bin.txt".into(),
            },
        ];
        assert_eq!(
            render(&reports),
            "::error file=a%2Cb.txt,line=2,col=3::a,b.txt:2:3: invalid UTF-8 at byte offset 5\n\
             ::warning file=bin.txt::bin.txt: skipped: binary file (it holds NUL bytes)\n"
        );
    }
}
