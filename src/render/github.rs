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

/// Appends `s` to `out` escaped as a command's message (`property`: as a
/// property value, `file=…`, `title=…`, which escapes `:` and `,` too).
fn push_escaped(out: &mut String, s: &str, property: bool) {
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
fn escape_data(s: &str) -> String {
    let mut out = String::new();
    push_escaped(&mut out, s, false);
    out
}

#[cfg(test)]
fn escape_property(s: &str) -> String {
    let mut out = String::new();
    push_escaped(&mut out, s, true);
    out
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Appends `file=PATH`: the path with forward slashes, escaped.
fn push_file(out: &mut String, p: &str) {
    out.push_str("file=");
    push_escaped(out, &p.replace('\\', "/"), true);
}

/// Writes the commands of one file's report: an annotation per finding,
/// or the one of a file that could not be checked. A long file's are
/// written a chunk at a time, not gathered first.
pub fn write_file(w: &mut dyn std::io::Write, report: &FileReport) -> std::io::Result<()> {
    let mut out = String::new();
    match report {
        FileReport::Checked {
            source, findings, ..
        } => {
            let mut file = String::new();
            push_file(&mut file, &source.path);
            for f in findings {
                let s = source.line_col(f.span.start as usize, ColumnUnit::Chars);
                let e = source.line_col(f.span.end as usize, ColumnUnit::Chars);
                let _ = write!(
                    out,
                    "::{} {file},line={},col={},endLine={},endColumn={},title=",
                    command(f.severity()),
                    s.line,
                    s.column,
                    e.line,
                    e.column,
                );
                push_escaped(&mut out, f.rule(), true);
                out.push_str("::");
                push_escaped(&mut out, &f.message, false);
                out.push('\n');
                if out.len() >= super::pretty::CHUNK {
                    w.write_all(out.as_bytes())?;
                    out.clear();
                }
            }
        }
        FileReport::Binary { path } => {
            out.push_str("::warning ");
            push_file(&mut out, path);
            out.push_str("::");
            let message = format!("{path}: skipped: binary file (it holds NUL bytes)");
            push_escaped(&mut out, &message, false);
            out.push('\n');
        }
        FileReport::Error(e) => {
            out.push_str("::error ");
            push_file(&mut out, error_path(e));
            match e {
                InputError::InvalidUtf8 { line, column, .. } => {
                    let _ = write!(out, ",line={line},col={column}");
                }
                InputError::Io { .. }
                | InputError::Original { .. }
                | InputError::Internal { .. } => {}
            }
            out.push_str("::");
            push_escaped(&mut out, &e.to_string(), false);
            out.push('\n');
        }
    }
    w.write_all(out.as_bytes())
}

/// Renders the reports as workflow commands, one a line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    for r in reports {
        write_file(&mut out, r).expect("a report in memory is written");
    }
    String::from_utf8(out).expect("the commands are text")
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

    proptest::proptest! {
        /// Escaping a character at a time is the toolkit's chain of
        /// replacements, `%` first.
        #[test]
        fn escaping_is_the_toolkits_replacements(s in "[%\r\n:,a-zé٫ «»0-9A]{0,40}") {
            let data = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
            let property = data.replace(':', "%3A").replace(',', "%2C");
            proptest::prop_assert_eq!(escape_data(&s), data);
            proptest::prop_assert_eq!(escape_property(&s), property);
        }
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
