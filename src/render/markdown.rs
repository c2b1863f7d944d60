//! A review summary in Markdown (GitHub Flavored: tables), for an editor to
//! paste into a ticket or a pull request.
//!
//! A title, the counts, a table of the files, then for each file with
//! findings one table per category (severity, place, rule, message, the
//! flagged text in a code span), and the files that could not be checked.
//! Flagged text goes through the same display as the human format:
//! invisible characters and bidi controls are named (`⟨RLM⟩`), so they
//! cannot reorder the table's row; Arabic letters are left as they are.

use std::fmt::Write as _;

use super::human::visible;
use super::{Summary, error_path, plural};
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::Category;
use crate::source::{ColumnUnit, SourceFile};

/// Escapes text that Markdown would read as markup (emphasis, links, HTML,
/// code, table cells, GitHub's `$…$` math). Line breaks become spaces.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `s` as a code span: fenced by more backticks than it holds in a row,
/// padded when it starts or ends with one. In a table, `|` is escaped (GFM
/// splits cells before it reads code spans). Empty text is `—`.
pub(crate) fn code(s: &str, in_table: bool) -> String {
    if s.is_empty() {
        return "—".to_owned();
    }
    let s = s.replace(['\n', '\r'], " ");
    let s = if in_table { s.replace('|', "\\|") } else { s };
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || (s.starts_with(' ') && s.ends_with(' '))
    {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn table(out: &mut String, source: &SourceFile, findings: &[&Finding]) {
    out.push_str("| severity | line:col | rule | message | text |\n");
    out.push_str("|---|---|---|---|---|\n");
    for f in findings {
        let lc = source.line_col(f.span.start as usize, ColumnUnit::Chars);
        let _ = writeln!(
            out,
            "| {} | {}:{} | {} | {} | {} |",
            f.severity(),
            lc.line,
            lc.column,
            code(f.rule(), true),
            escape(&f.message),
            code(&visible(f.text(&source.text)), true),
        );
    }
}

/// Renders the reports as a Markdown review summary.
pub fn render(reports: &[FileReport]) -> String {
    super::deferred::<Writer>(reports)
}

/// The Markdown summary, file by file: each file's row of the table, its
/// section and its line among the files not checked are drawn as its report
/// comes and kept ([`super::Deferred`]); the title and the counts, which need
/// every file, are written with them at the end.
#[derive(Default)]
pub struct Writer {
    tally: super::human::Tally,
    rows: super::Spool,
    sections: super::Spool,
    failed: super::Spool,
    any_failed: bool,
    buf: String,
}

impl super::Deferred for Writer {
    fn in_memory() -> Self {
        Writer {
            rows: super::Spool::in_memory(),
            sections: super::Spool::in_memory(),
            failed: super::Spool::in_memory(),
            ..Writer::default()
        }
    }

    /// Adds one file's row, section or line.
    fn file(&mut self, r: &FileReport) -> std::io::Result<()> {
        self.tally.add(r);
        let out = &mut self.buf;
        out.clear();
        match r {
            FileReport::Checked { source, lang, .. } => {
                let s = Summary::of(std::slice::from_ref(r));
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    code(&source.path, true),
                    lang.code(),
                    s.errors,
                    s.warnings,
                    s.infos
                );
            }
            FileReport::Binary { path } => {
                let _ = writeln!(out, "| {} | — | skipped | | |", code(path, true));
            }
            FileReport::Error(e) => {
                let _ = writeln!(
                    out,
                    "| {} | — | not checked | | |",
                    code(error_path(e), true)
                );
            }
        }
        self.rows.push(out)?;
        out.clear();
        match r {
            FileReport::Checked {
                source, findings, ..
            } => {
                if findings.is_empty() {
                    return Ok(());
                }
                let _ = writeln!(
                    out,
                    "\n## {}\n\n{}",
                    code(&source.path, false),
                    plural(findings.len(), "finding", "findings")
                );
                for category in Category::ALL {
                    let these: Vec<&Finding> = findings
                        .iter()
                        .filter(|f| f.category() == category)
                        .collect();
                    if these.is_empty() {
                        continue;
                    }
                    let _ = writeln!(out, "\n### {category} ({})\n", these.len());
                    table(out, source, &these);
                }
                self.sections.push(out)
            }
            FileReport::Binary { path } => {
                let _ = writeln!(
                    out,
                    "- {}: skipped: binary file (it holds NUL bytes)",
                    code(path, false)
                );
                self.any_failed = true;
                self.failed.push(out)
            }
            FileReport::Error(e) => {
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    code(error_path(e), false),
                    escape(&e.to_string())
                );
                self.any_failed = true;
                self.failed.push(out)
            }
        }
    }

    /// Writes the summary: the title and counts, the table, the sections,
    /// the files not checked.
    fn finish(self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut head = String::from("# factlint review\n\n");
        head.push_str(self.tally.line().trim_end());
        head.push_str("\n\n");
        head.push_str("| file | language | errors | warnings | infos |\n");
        head.push_str("|---|---|---|---|---|\n");
        out.write_all(head.as_bytes())?;
        self.rows.copy_to(out)?;
        self.sections.copy_to(out)?;
        if self.any_failed {
            out.write_all(b"\n## Files not checked\n\n")?;
            self.failed.copy_to(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_backticks_cannot_break_a_table_cell() {
        assert_eq!(code("a|b", true), "`a\\|b`");
        assert_eq!(code("a|b", false), "`a|b`");
        assert_eq!(code("x`y", true), "``x`y``");
        assert_eq!(code("`", true), "`` ` ``");
        assert_eq!(code("a``b`", true), "``` a``b` ```");
        assert_eq!(code("", true), "—");
        assert_eq!(code("قال،", true), "`قال،`");
    }

    #[test]
    fn markup_in_messages_is_escaped() {
        assert_eq!(
            escape("a | b *c* [d](e) <b> `f` \\ ~~g~~\nh"),
            "a \\| b \\*c\\* \\[d\\](e) \\<b\\> \\`f\\` \\\\ \\~\\~g\\~\\~ h"
        );
        assert_eq!(escape("$44 billion ($54.20)"), "\\$44 billion (\\$54.20)");
        assert_eq!(escape("«المسك» beside «Musk»"), "«المسك» beside «Musk»");
    }
}
