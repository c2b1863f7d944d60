//! `JUnit` XML, for CI systems that show test reports (GitLab, Jenkins,
//! Azure Pipelines, …).
//!
//! One `<testsuite>` per file; in it one `<testcase>` per rule that reported
//! in the file, failed with every finding of that rule (`line:column
//! message`, one a line), or one passing `factlint` test case when the file
//! has no findings. A file that could not be read is an `<error>`, a skipped
//! one `<skipped>`.
//!
//! The escaper is written here (a dozen lines) rather than taken from an
//! XML crate: the format only writes a fixed shape, and characters that XML
//! 1.0 cannot hold at all (control characters) must be replaced anyway,
//! which XML writers leave to the caller.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::error_path;
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::source::{ColumnUnit, SourceFile};

/// Whether XML 1.0 allows `c` in a document (§2.2, `Char`).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text content. Characters XML cannot hold become U+FFFD.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes an attribute value (between double quotes). Line breaks and
/// tabs are character references, which attribute normalization keeps.
pub(crate) fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => out.push_str(&escape_text(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

struct Suite {
    name: String,
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
    body: String,
}

fn checked(source: &SourceFile, findings: &[Finding]) -> Suite {
    let path = escape_attr(&source.path);
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_rule.entry(f.rule()).or_default().push(f);
    }
    let mut body = String::new();
    if by_rule.is_empty() {
        let _ = writeln!(
            body,
            "    <testcase classname=\"{path}\" name=\"factlint\"/>"
        );
    }
    for (rule, fs) in &by_rule {
        let worst = fs.iter().map(|f| f.severity()).max().expect("one finding");
        let message = match fs.as_slice() {
            [f] => f.message.to_string(),
            _ => format!("{} findings", fs.len()),
        };
        let lines: Vec<String> = fs
            .iter()
            .map(|f| {
                let lc = source.line_col(f.span.start as usize, ColumnUnit::Chars);
                format!("{}:{} {}", lc.line, lc.column, f.message)
            })
            .collect();
        let text = lines.join("\n");
        let _ = writeln!(
            body,
            "    <testcase classname=\"{path}\" name=\"{}\">\n      \
             <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
            escape_attr(rule),
            escape_attr(&message),
            worst.as_str(),
            escape_text(&text)
        );
    }
    Suite {
        name: path,
        tests: by_rule.len().max(1),
        failures: by_rule.len(),
        errors: 0,
        skipped: 0,
        body,
    }
}

fn single(path: &str, element: &str) -> String {
    format!(
        "    <testcase classname=\"{}\" name=\"factlint\">\n      {element}\n    </testcase>\n",
        escape_attr(path)
    )
}

/// Renders the reports as one `JUnit` XML document.
pub fn render(reports: &[FileReport]) -> String {
    super::deferred::<Writer>(reports)
}

/// A file's test suite: its findings, or the skip or error of a file not
/// checked.
fn suite(r: &FileReport) -> Suite {
    match r {
        FileReport::Checked {
            source, findings, ..
        } => checked(source, findings),
        FileReport::Binary { path } => Suite {
            name: escape_attr(path),
            tests: 1,
            failures: 0,
            errors: 0,
            skipped: 1,
            body: single(
                path,
                "<skipped message=\"binary file (it holds NUL bytes)\"/>",
            ),
        },
        FileReport::Error(e) => Suite {
            name: escape_attr(error_path(e)),
            tests: 1,
            failures: 0,
            errors: 1,
            skipped: 0,
            body: single(
                error_path(e),
                &format!(
                    "<error message=\"{}\" type=\"input\"/>",
                    escape_attr(&e.to_string())
                ),
            ),
        },
    }
}

/// The `JUnit` document, file by file: each file's test suite is drawn as
/// its report comes and kept ([`super::Deferred`]); the document's opening,
/// which gives the totals, is written with them at the end.
#[derive(Default)]
pub struct Writer {
    /// Tests, failures, errors and skipped tests so far.
    totals: [usize; 4],
    suites: super::Spool,
    buf: String,
}

impl super::Deferred for Writer {
    fn in_memory() -> Self {
        Writer {
            suites: super::Spool::in_memory(),
            ..Writer::default()
        }
    }

    /// Adds one file's test suite.
    fn file(&mut self, r: &FileReport) -> std::io::Result<()> {
        let s = suite(r);
        for (total, n) in self
            .totals
            .iter_mut()
            .zip([s.tests, s.failures, s.errors, s.skipped])
        {
            *total += n;
        }
        self.buf.clear();
        let _ = writeln!(
            self.buf,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
            s.name, s.tests, s.failures, s.errors, s.skipped
        );
        self.buf.push_str(&s.body);
        self.buf.push_str("  </testsuite>\n");
        self.suites.push(&self.buf)
    }

    /// Writes the document: the totals, the suites.
    fn finish(self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let [tests, failures, errors, skipped] = self.totals;
        let mut head = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            head,
            "<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">",
        );
        out.write_all(head.as_bytes())?;
        self.suites.copy_to(out)?;
        out.write_all(b"</testsuites>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        let s = "<script>alert(\"x\" & 'y')</script>";
        assert_eq!(
            escape_attr(s),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;"
        );
        assert_eq!(
            escape_text(s),
            "&lt;script&gt;alert(\"x\" &amp; 'y')&lt;/script&gt;"
        );
        assert_eq!(escape_text("]]>"), "]]&gt;");
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(
            escape_text("a\u{0}b\u{1b}[0m\u{7}"),
            "a\u{FFFD}b\u{FFFD}[0m\u{FFFD}"
        );
        assert_eq!(escape_text("\u{FFFE}\u{FFFF}"), "\u{FFFD}\u{FFFD}");
        // Allowed: tab, line feed, Arabic, bidi marks, astral characters.
        assert_eq!(escape_text("\tقال\n\u{200F}😀"), "\tقال\n\u{200F}😀");
        assert_eq!(escape_attr("a\r\n\tb\u{8}"), "a&#13;&#10;&#9;b\u{FFFD}");
    }

    #[test]
    fn a_file_without_findings_passes() {
        let rules = crate::rules::RuleSet::embedded().expect("default rules load");
        let linter = crate::lint::Linter::new(rules, Some(crate::Lang::En));
        let report = linter.check_text("a&b.txt", "Fine.\n", crate::source::Format::Text);
        let out = render(&[report]);
        assert!(
            out.contains("<testcase classname=\"a&amp;b.txt\" name=\"factlint\"/>"),
            "{out}"
        );
        assert!(out.contains("tests=\"1\" failures=\"0\""), "{out}");
    }
}
