//! The HTML format: one self-contained editorial review page.
//!
//! The page holds, for each checked file, the article with every finding
//! highlighted in place, the findings grouped by category, the table of
//! figures and a timeline of dated mentions. It needs nothing from the
//! network: one inline `<style>`, one small inline `<script>` (severity and
//! category filters; without it the page shows everything) and no fonts,
//! images or links outside the page. The output is deterministic: no dates,
//! no versions, no randomness.
//!
//! **Highlights.** The article is shown line by line, each line a
//! `<p dir="auto">` (so an Arabic line runs right to left and a French one
//! left to right, whatever the page). Finding *N* (numbered from 1 over the
//! whole report, in report order) is
//! `<mark id="f-N" class="sev-… cat-…" data-rule="…" title="message"><bdi>flagged text</bdi></mark>`,
//! whose text content is exactly the flagged substring; the text inside is
//! wrapped in links back to the finding's entry in the list (`#i-N`).
//!
//! **Overlaps.** Highlights must nest to be valid HTML, so findings are
//! placed greedily in text order (start ascending, longer first, then report
//! order): a finding that nests in or around the highlights already placed
//! (or has the same span as one) is highlighted in place, inside or around
//! them. A finding that *crosses* one already placed, or whose span runs
//! over a line break (or over a byte order mark), cannot be an element of
//! the text: it is *detached*. The text gets a small marker at its start
//! (`<a id="x-N" class="xref">`, linking to the list), and its `<mark id="f-N">`
//! is shown in the list entry, in a short excerpt of the text around it. A
//! zero-length finding is an empty `<mark class="empty">` shown as a caret.

use std::fmt::Write as _;

use super::Summary;
use crate::Lang;
use crate::amount::AmountMention;
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::{Category, FixSafety, Severity};
use crate::source::{ColumnUnit, SourceFile};

/// One dated mention for the timeline section: the text as written, the
/// date it resolves to (`2025-02-10`, or a range or partial date as the
/// date module writes it), `None` when it could not be resolved, and where
/// it starts (1-based line and column in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub text: String,
    pub date: Option<String>,
    pub line: usize,
    pub column: usize,
}

/// Renders the reports as one HTML page, each file with its timeline (its
/// dated mentions in chronological order).
pub fn render(reports: &[FileReport]) -> String {
    super::deferred::<Writer>(reports)
}

/// The HTML page, file by file: each file's section is drawn as its report
/// comes and kept ([`super::Deferred`]), and the page's opening (the summary
/// line and the filters, which count every file's findings) is written
/// with the sections at the end.
#[derive(Default)]
pub struct Writer {
    tally: super::human::Tally,
    /// The categories some finding is of.
    present: Vec<Category>,
    /// Findings numbered so far (finding numbers run over the whole page).
    numbered: usize,
    sections: super::Spool,
    section: String,
}

impl super::Deferred for Writer {
    fn in_memory() -> Self {
        Writer {
            sections: super::Spool::in_memory(),
            ..Writer::default()
        }
    }

    /// Adds one file's section.
    fn file(&mut self, report: &FileReport) -> std::io::Result<()> {
        self.tally.add(report);
        let file_no = self.tally.files();
        self.section.clear();
        let timeline = timeline_rows(report);
        file_section(
            &mut self.section,
            file_no,
            report,
            self.numbered + 1,
            &timeline,
        );
        if let FileReport::Checked { findings, .. } = report {
            self.numbered += findings.len();
            for f in findings {
                if !self.present.contains(&f.category()) {
                    self.present.push(f.category());
                }
            }
        }
        self.sections.push(&self.section)
    }

    /// Writes the page: its opening, the sections, its end.
    fn finish(self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut head = String::with_capacity(64 * 1024);
        head.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        head.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        head.push_str("<title>factlint review report</title>\n<style>\n");
        head.push_str(STYLE);
        head.push_str(&filter_css());
        head.push_str("</style>\n</head>\n<body>\n<header>\n<h1>factlint review report</h1>\n");
        let _ = writeln!(
            head,
            "<p class=\"summary\">{}</p>",
            esc(self.tally.line().trim_end())
        );
        filters(&mut head, &self.present, self.tally.summary());
        head.push_str("</header>\n<main>\n");
        out.write_all(head.as_bytes())?;
        self.sections.copy_to(out)?;
        out.write_all(b"</main>\n<script>\n")?;
        out.write_all(SCRIPT.as_bytes())?;
        out.write_all(b"</script>\n</body>\n</html>\n")
    }
}

/// The timeline rows of a checked file.
pub fn timeline_rows(report: &FileReport) -> Vec<TimelineRow> {
    let FileReport::Checked { source, dates, .. } = report else {
        return Vec::new();
    };
    crate::date::timeline(dates)
        .into_iter()
        .map(|d| {
            let lc = source.line_col(d.span.start as usize, ColumnUnit::Chars);
            TimelineRow {
                text: source
                    .text
                    .get(d.span.range())
                    .unwrap_or_default()
                    .to_owned(),
                date: d.iso(),
                line: lc.line,
                column: lc.column,
            }
        })
        .collect()
}

/// Escapes text for HTML content and quoted attribute values (`&`, `<`,
/// `>`, both quotes, and CR, which HTML parsing would turn into LF).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_esc(&mut out, s);
    out
}

/// Appends `s` escaped for HTML text and attribute values. The characters
/// escaped are ASCII, so the text between them is copied as it is, a run
/// at a time (the page holds every checked text whole).
fn push_esc(out: &mut String, s: &str) {
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let reference = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // A reference, since HTML parsing turns CR LF and lone CR into LF.
            b'\r' => "&#13;",
            _ => continue,
        };
        // An ASCII byte is a character of its own: `i` is a boundary.
        out.push_str(&s[copied..i]);
        out.push_str(reference);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

/// A message, escaped, with the evidence it quotes (`«…»`) isolated in
/// `<bdi>`, so that quoted right-to-left text does not reorder the English
/// around it. A `»` followed by another `»` is quoted text, not the end.
fn push_message(out: &mut String, msg: &str) {
    let mut rest = msg;
    while let Some(open) = rest.find('«') {
        let after = &rest[open + '«'.len_utf8()..];
        let close = after
            .char_indices()
            .find(|&(k, c)| c == '»' && !after[k + '»'.len_utf8()..].starts_with('»'))
            .map(|(k, _)| k);
        let Some(close) = close else { break };
        push_esc(out, &rest[..open]);
        out.push_str("«<bdi>");
        push_esc(out, &after[..close]);
        out.push_str("</bdi>»");
        rest = &after[close + '»'.len_utf8()..];
    }
    push_esc(out, rest);
}

fn category_title(c: Category) -> &'static str {
    match c {
        Category::Amount => "Amounts",
        Category::Date => "Dates",
        Category::Entity => "Names",
        Category::Fact => "Facts",
        Category::Typography => "Typography",
        Category::Language => "Language",
        Category::Translation => "Translation",
        Category::Suppression => "Suppressions",
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The filter checkboxes; hidden until the script shows them, since they do
/// nothing without it.
fn filters(out: &mut String, present: &[Category], summary: &Summary) {
    if summary.findings == 0 {
        return;
    }
    // In the order of `Category::ALL`.
    let present = Category::ALL.into_iter().filter(|c| present.contains(c));
    out.push_str("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n");
    for s in SEVERITIES {
        let n = match s {
            Severity::Error => summary.errors,
            Severity::Warning => summary.warnings,
            Severity::Info => summary.infos,
        };
        let _ = writeln!(
            out,
            "<label class=\"sev-{0}\"><input type=\"checkbox\" checked data-hide=\"sev-{0}\"> {0} ({n})</label>",
            s.as_str()
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Category</legend>\n");
    for c in present {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" checked data-hide=\"cat-{}\"> {}</label>",
            c.as_str(),
            category_title(c)
        );
    }
    out.push_str("</fieldset>\n</form>\n");
}

/// The rules that hide what a filter unchecks (a class `hide-X` on `body`).
fn filter_css() -> String {
    let mut keys: Vec<String> = SEVERITIES
        .iter()
        .map(|s| format!("sev-{}", s.as_str()))
        .collect();
    keys.extend(Category::ALL.iter().map(|c| format!("cat-{}", c.as_str())));
    let mut css = String::from("@media screen {\n");
    for k in keys {
        let _ = writeln!(
            css,
            "body.hide-{k} li.finding.{k}, body.hide-{k} section.cat-group.{k} {{ display: none; }}\n\
             body.hide-{k} mark.{k} {{ background: none; border-color: transparent; }}\n\
             body.hide-{k} mark.{k}::after, body.hide-{k} a.xref.{k} {{ display: none; }}"
        );
    }
    css.push_str("}\n");
    css
}

/// How a finding is shown in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// A `<mark>` around its text.
    Inline,
    /// Zero-length: an empty `<mark>` shown as a caret.
    Empty,
    /// Crosses another highlight or a line break: a marker in the text, the
    /// `<mark>` in the list entry.
    Detached,
}

/// Places the findings (see the module documentation).
fn place(source: &SourceFile, findings: &[Finding]) -> Vec<Placement> {
    let text = &source.text;
    let mut placement = vec![Placement::Detached; findings.len()];
    let mut order: Vec<usize> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let r = f.span.range();
        if r.end > text.len() || !f.span.is_on_char_boundaries(text) {
            continue;
        }
        if f.span.is_empty() {
            placement[i] = Placement::Empty;
        } else if r.start >= source.content_start && !text[r].contains(['\n', '\r']) {
            order.push(i);
        }
    }
    order.sort_by_key(|&i| {
        let s = findings[i].span;
        (s.start, std::cmp::Reverse(s.end), i)
    });
    let mut open: Vec<u32> = Vec::new();
    for i in order {
        let s = findings[i].span;
        while open.last().is_some_and(|&end| end <= s.start) {
            open.pop();
        }
        if open.last().is_none_or(|&end| end >= s.end) {
            placement[i] = Placement::Inline;
            open.push(s.end);
        }
    }
    placement
}

/// The direction of the first strong character of `s` (what `dir="auto"`
/// computes), if any.
fn first_strong(s: &str) -> Option<&'static str> {
    s.chars().find_map(|c| {
        let u = c as u32;
        if (0x0590..=0x08FF).contains(&u)
            || (0xFB1D..=0xFDFF).contains(&u)
            || (0xFE70..=0xFEFF).contains(&u) && u != 0xFEFF
        {
            Some("rtl")
        } else if c.is_alphabetic() {
            Some("ltr")
        } else {
            None
        }
    })
}

fn lang_dir(lang: Lang) -> &'static str {
    if lang == Lang::Ar { "rtl" } else { "ltr" }
}

/// Opens the highlight of finding `n`. Flagged text without a strong
/// character (a lone `»`) takes the line's direction, so that mirrored
/// punctuation looks as it does in the text.
fn open_mark(out: &mut String, n: usize, f: &Finding, flagged: &str, line_dir: &str, extra: &str) {
    let _ = write!(
        out,
        "<mark id=\"f-{n}\" class=\"sev-{} cat-{}{extra}\" data-n=\"{n}\" data-rule=\"{}\" title=\"{}\">",
        f.severity().as_str(),
        f.category().as_str(),
        esc(f.rule()),
        esc(&f.message),
    );
    if first_strong(flagged).is_some() {
        out.push_str("<bdi>");
    } else {
        let _ = write!(out, "<bdi dir=\"{line_dir}\">");
    }
}

/// One line of the article, with its highlights.
struct LineCtx<'a> {
    source: &'a SourceFile,
    findings: &'a [Finding],
    placement: &'a [Placement],
    /// (line, finding) for the findings that can be shown, by line: the
    /// ones a line shows are found without going through all of them.
    starting: Vec<(usize, usize)>,
    first_number: usize,
    file_no: usize,
    default_dir: &'static str,
}

impl LineCtx<'_> {
    fn line(&self, out: &mut String, line: usize) {
        let last = line + 1 == self.source.line_index.line_count();
        let text = &self.source.text;
        let range = self.source.line_index.line_range(text, line);
        let (ls, le) = (range.start, range.end);
        let line_text = &text[ls..le];
        let dir = first_strong(line_text).unwrap_or(self.default_dir);
        // Findings that start on this line (or on its terminator).
        let from = self.starting.partition_point(|&(l, _)| l < line);
        let to = self.starting.partition_point(|&(l, _)| l <= line);
        let mut here: Vec<usize> = self.starting[from..to].iter().map(|&(_, i)| i).collect();
        here.sort_by_key(|&i| {
            let s = self.findings[i].span;
            (s.start, std::cmp::Reverse(s.end), i)
        });
        if last && ls == le && here.is_empty() {
            // The empty "line" after a final line break.
            return;
        }
        let mut points: Vec<usize> = vec![ls, le];
        for &i in &here {
            let s = self.findings[i].span.range();
            points.push(s.start.clamp(ls, le));
            if self.placement[i] == Placement::Inline {
                points.push(s.end);
            }
        }
        points.sort_unstable();
        points.dedup();
        let _ = write!(
            out,
            "<p class=\"line{}\" dir=\"auto\" id=\"file{}-L{}\" data-line=\"{}\">",
            if line_text.is_empty() { " blank" } else { "" },
            self.file_no,
            line + 1,
            line + 1
        );
        // Open highlights: (end, number).
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut prev = ls;
        // `here` is in the order of the points where its findings start:
        // those that start at a point are the stretch after the ones
        // opened at the points before.
        let clamped_start = |i: usize| (self.findings[i].span.start as usize).clamp(ls, le);
        let mut next = 0;
        for &p in &points {
            if p > prev {
                match stack.last() {
                    Some(&(_, n)) => {
                        let _ = write!(out, "<a href=\"#i-{n}\">");
                        push_esc(out, &text[prev..p]);
                        out.push_str("</a>");
                    }
                    None => push_esc(out, &text[prev..p]),
                }
                prev = p;
            }
            while stack.last().is_some_and(|&(end, _)| end == p) {
                stack.pop();
                out.push_str("</bdi></mark>");
            }
            let first = next;
            while here.get(next).is_some_and(|&i| clamped_start(i) <= p) {
                next += 1;
            }
            let starting_here = &here[first..next];
            for &i in starting_here {
                let f = &self.findings[i];
                let n = self.first_number + i;
                match self.placement[i] {
                    Placement::Detached => {
                        let _ = write!(
                            out,
                            "<a id=\"x-{n}\" class=\"xref sev-{} cat-{}\" href=\"#i-{n}\" data-n=\"{n}\" title=\"{}\"></a>",
                            f.severity().as_str(),
                            f.category().as_str(),
                            esc(&f.message)
                        );
                    }
                    Placement::Empty => {
                        open_mark(out, n, f, "", dir, " empty");
                        let _ = write!(out, "<a class=\"caret\" href=\"#i-{n}\"></a></bdi></mark>");
                    }
                    Placement::Inline => {}
                }
            }
            for &i in starting_here {
                let f = &self.findings[i];
                if self.placement[i] == Placement::Inline && f.span.start as usize == p {
                    let n = self.first_number + i;
                    open_mark(out, n, f, f.text(text), dir, "");
                    stack.push((f.span.end as usize, n));
                }
            }
        }
        out.push_str("</p>\n");
    }
}

fn file_section(
    out: &mut String,
    file_no: usize,
    report: &FileReport,
    first_number: usize,
    timeline: &[TimelineRow],
) {
    let (source, lang, findings, amounts) = match report {
        FileReport::Checked {
            source,
            lang,
            findings,
            amounts,
            ..
        } => (source, *lang, findings, amounts),
        FileReport::Binary { path } => {
            let _ = writeln!(
                out,
                "<section class=\"file\" id=\"file{file_no}\">\n<h2><bdi>{}</bdi></h2>\n<p class=\"note\">Skipped: binary file (it holds NUL bytes).</p>\n</section>",
                esc(path)
            );
            return;
        }
        FileReport::Error(e) => {
            let _ = writeln!(
                out,
                "<section class=\"file\" id=\"file{file_no}\">\n<h2 class=\"sev-error\">Not checked</h2>\n<p class=\"note\"><bdi>{}</bdi></p>\n</section>",
                esc(&e.to_string())
            );
            return;
        }
    };
    let s = Summary::of(std::slice::from_ref(report));
    let _ = writeln!(
        out,
        "<section class=\"file\" id=\"file{file_no}\">\n<h2><bdi>{}</bdi></h2>\n<p class=\"meta\">Language: <span class=\"lang\">{}</span> · {} ({}, {}, {}) · {}</p>",
        esc(&source.path),
        lang.code(),
        super::plural(s.findings, "finding", "findings"),
        super::plural(s.errors, "error", "errors"),
        super::plural(s.warnings, "warning", "warnings"),
        super::plural(s.infos, "info", "infos"),
        super::plural(amounts.len(), "figure", "figures"),
    );

    // The article.
    let placement = place(source, findings);
    let text = &source.text;
    let mut starting: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.span.end as usize <= text.len() && f.span.is_on_char_boundaries(text))
        .map(|(i, f)| {
            let start = (f.span.start as usize).max(source.content_start);
            (source.line_index.line_of(start), i)
        })
        .collect();
    starting.sort_unstable();
    let ctx = LineCtx {
        source,
        findings,
        placement: &placement,
        starting,
        first_number,
        file_no,
        default_dir: lang_dir(lang),
    };
    let _ = writeln!(
        out,
        "<h3>Article</h3>\n<div class=\"article\" lang=\"{}\" dir=\"{}\">",
        lang.code(),
        lang_dir(lang)
    );
    for line in 0..source.line_index.line_count() {
        ctx.line(out, line);
    }
    out.push_str("</div>\n");

    findings_list(out, &ctx);
    amounts_table(out, source, file_no, amounts);
    timeline_table(out, file_no, timeline);
    out.push_str("</section>\n");
}

fn findings_list(out: &mut String, ctx: &LineCtx<'_>) {
    let source = ctx.source;
    let _ = writeln!(out, "<h3>Findings</h3>");
    if ctx.findings.is_empty() {
        out.push_str("<p class=\"note\">No findings.</p>\n");
        return;
    }
    for c in Category::ALL {
        let items: Vec<usize> = (0..ctx.findings.len())
            .filter(|&i| ctx.findings[i].category() == c)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<section class=\"cat-group cat-{}\">\n<h4>{} <span class=\"count\">({})</span></h4>\n<ol class=\"findings\">",
            c.as_str(),
            category_title(c),
            items.len()
        );
        for i in items {
            let f = &ctx.findings[i];
            let n = ctx.first_number + i;
            let lc = source.line_col(f.span.start as usize, ColumnUnit::Chars);
            let target = if ctx.placement[i] == Placement::Detached {
                format!("x-{n}")
            } else {
                format!("f-{n}")
            };
            let _ = write!(
                out,
                "<li id=\"i-{n}\" class=\"finding sev-{sev} cat-{cat}\" value=\"{n}\">\n<div class=\"head\"><span class=\"badge sev-{sev}\">{sev}</span> <a class=\"loc\" href=\"#{target}\">{line}:{col}</a> <code class=\"rule\">{rule}</code></div>\n<p class=\"msg\">",
                sev = f.severity().as_str(),
                cat = f.category().as_str(),
                line = lc.line,
                col = lc.column,
                rule = esc(f.rule()),
            );
            push_message(out, &f.message);
            out.push_str("</p>\n");
            if ctx.placement[i] == Placement::Detached {
                excerpt(out, ctx, f, n);
            }
            if let Some(fix) = f.fix() {
                let safety = match fix.safety {
                    FixSafety::Safe => "safe fix",
                    FixSafety::Unsafe => "suggestion",
                };
                let _ = write!(
                    out,
                    "<p class=\"fix\"><span class=\"label\">{safety}:</span> "
                );
                push_message(out, &fix.title);
                out.push_str("</p>\n");
            }
            if !f.suggestions().is_empty() {
                out.push_str("<p class=\"sugg\"><span class=\"label\">Replace with:</span> ");
                for (k, s) in f.suggestions().iter().enumerate() {
                    if k > 0 {
                        out.push_str(" · ");
                    }
                    let _ = write!(out, "<q><bdi>{}</bdi></q>", esc(s));
                }
                out.push_str("</p>\n");
            }
            if !f.related().is_empty() {
                out.push_str("<ul class=\"related\">\n");
                for r in f.related() {
                    let rl = r
                        .source(source)
                        .line_col(r.span.start as usize, ColumnUnit::Chars);
                    if let Some(other) = r.other_path() {
                        // Another file (the original of a translation) is
                        // not on the page: its place is named, not linked.
                        let _ = write!(
                            out,
                            "<li><span class=\"other\">{}:{}:{}</span> ",
                            esc(other),
                            rl.line,
                            rl.column,
                        );
                    } else {
                        let _ = write!(
                            out,
                            "<li><a href=\"#file{}-L{}\">{}:{}</a> ",
                            ctx.file_no, rl.line, rl.line, rl.column,
                        );
                    }
                    push_message(out, &r.message);
                    let _ = writeln!(out, " <q><bdi>{}</bdi></q></li>", esc(r.text(source)));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
}

/// A detached finding's highlight, in a short excerpt of the text.
fn excerpt(out: &mut String, ctx: &LineCtx<'_>, f: &Finding, n: usize) {
    const AROUND: usize = 40;
    let text = &ctx.source.text;
    if f.span.end as usize > text.len() || !f.span.is_on_char_boundaries(text) {
        return;
    }
    let (start, end) = (f.span.start as usize, f.span.end as usize);
    let idx = &ctx.source.line_index;
    // Up to AROUND characters either side, within the span's lines.
    let first_line = idx.line_range(text, idx.line_of(start.max(ctx.source.content_start)));
    let last_line = idx.line_range(text, idx.line_of(end.max(ctx.source.content_start)));
    let line_from = first_line.start.min(start);
    let line_to = last_line.end.max(end);
    let before_from = text[line_from..start]
        .char_indices()
        .rev()
        .take(AROUND)
        .last()
        .map_or(start, |(k, _)| line_from + k);
    let after_to = text[end..line_to]
        .char_indices()
        .nth(AROUND)
        .map_or(line_to, |(k, _)| end + k);
    let flagged = &text[start..end];
    let before = &text[before_from..start];
    let dir = first_strong(&text[line_from..line_to]).unwrap_or(ctx.default_dir);
    let reason = if flagged.contains(['\n', '\r']) {
        "runs over a line break"
    } else {
        "overlaps another highlight"
    };
    let _ = write!(
        out,
        "<p class=\"excerpt\"><span class=\"label\">In context (it {reason}):</span><br><span class=\"ctx\" dir=\"{dir}\">{}",
        if before_from > line_from { "…" } else { "" }
    );
    push_esc(out, before);
    open_mark(out, n, f, flagged, dir, " detached");
    push_esc(out, flagged);
    out.push_str("</bdi></mark>");
    push_esc(out, &text[end..after_to]);
    if after_to < line_to {
        out.push('…');
    }
    out.push_str("</span></p>\n");
}

fn amounts_table(out: &mut String, source: &SourceFile, file_no: usize, amounts: &[AmountMention]) {
    out.push_str("<h3>Figures</h3>\n");
    if amounts.is_empty() {
        out.push_str("<p class=\"note\">No figures.</p>\n");
        return;
    }
    out.push_str(
        "<div class=\"table-wrap\"><table class=\"amounts\">\n<thead><tr><th>Where</th><th>As written</th><th>Kind</th><th>Value</th><th>Scale</th><th>Hedge</th></tr></thead>\n<tbody>\n",
    );
    for a in amounts {
        let lc = source.line_col(a.span.start as usize, ColumnUnit::Chars);
        let written = source.text.get(a.span.range()).unwrap_or_default();
        let value = crate::amount::show(a, crate::amount::display_exponent(a.value));
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#file{file_no}-L{line}\">{line}:{col}</a></td><td dir=\"auto\"><bdi>{}</bdi></td><td>{}</td><td class=\"num\" title=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(written),
            a.kind.as_str(),
            esc(&a.value.normalize().to_string()),
            esc(&value),
            esc(a.scale.as_deref().unwrap_or("")),
            a.hedge.map_or("", crate::amount::Hedge::as_str),
            line = lc.line,
            col = lc.column,
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
}

fn timeline_table(out: &mut String, file_no: usize, rows: &[TimelineRow]) {
    out.push_str("<h3>Timeline</h3>\n");
    if rows.is_empty() {
        out.push_str("<p class=\"note\">No dated mentions.</p>\n");
        return;
    }
    out.push_str(
        "<div class=\"table-wrap\"><table class=\"timeline\">\n<thead><tr><th>Date</th><th>As written</th><th>Where</th></tr></thead>\n<tbody>\n",
    );
    for r in rows {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td dir=\"auto\"><bdi>{}</bdi></td><td><a href=\"#file{file_no}-L{line}\">{line}:{col}</a></td></tr>",
            esc(r.date.as_deref().unwrap_or("?")),
            esc(&r.text),
            line = r.line,
            col = r.column,
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
}

const STYLE: &str = r#":root { color-scheme: light; --fg: #1d1d1f; --muted: #666; --line: #e3e3e3;
  --err: #b3261e; --err-bg: #fde2df; --warn: #8a5a00; --warn-bg: #fff1c2;
  --info: #1f5fbf; --info-bg: #e0ecff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--fg); background: #fff;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; }
h1 { font-size: 1.5rem; margin: .2rem 0; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--fg); padding-bottom: .2rem; margin-top: 2rem; overflow-wrap: anywhere; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.summary, .meta, .note { color: var(--muted); margin: .2rem 0; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .8rem 0; }
#filters[hidden] { display: none; }
#filters fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: .2rem .6rem .4rem; }
#filters label { display: inline-block; margin-inline-end: .8rem; white-space: nowrap; }
.article { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; background: #fcfcfc;
  font-size: 1.05rem; line-height: 2; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif", Georgia, serif; }
.article p.line { position: relative; margin: 0 0 .6rem; padding-inline-start: 2.6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.article p.line::before { content: attr(data-line); position: absolute; inset-inline-start: 0; width: 2rem;
  text-align: end; color: #aaa; font: .75rem/2.6 system-ui, sans-serif; }
.article p.blank { margin: 0; min-height: .6rem; }
.article p.blank::before { content: none; }
mark { color: inherit; border-bottom: 2px solid; border-radius: 2px; padding: 0 1px; }
mark a { color: inherit; text-decoration: none; }
mark::after { content: attr(data-n); font: bold .6rem/1 system-ui, sans-serif; vertical-align: super; margin-inline-start: 1px; }
mark mark { border-bottom-width: 4px; }
mark.empty a.caret::before { content: "\2038"; font-weight: bold; }
mark.sev-error, .badge.sev-error { background: var(--err-bg); border-color: var(--err); }
mark.sev-warning, .badge.sev-warning { background: var(--warn-bg); border-color: var(--warn); }
mark.sev-info, .badge.sev-info { background: var(--info-bg); border-color: var(--info); }
mark.sev-error::after, a.xref.sev-error, .badge.sev-error { color: var(--err); }
mark.sev-warning::after, a.xref.sev-warning, .badge.sev-warning { color: var(--warn); }
mark.sev-info::after, a.xref.sev-info, .badge.sev-info { color: var(--info); }
a.xref { text-decoration: none; font: bold .7rem/1 system-ui, sans-serif; vertical-align: super; }
a.xref::before { content: "\25C6" attr(data-n); }
:target { outline: 3px solid #5b8def; outline-offset: 2px; }
ol.findings { padding-inline-start: 2.2rem; margin: 0; }
li.finding { margin: 0 0 .6rem; padding: .3rem .5rem; border-inline-start: 3px solid var(--line); }
li.finding.sev-error { border-color: var(--err); }
li.finding.sev-warning { border-color: var(--warn); }
li.finding.sev-info { border-color: var(--info); }
li.finding p { margin: .15rem 0; overflow-wrap: anywhere; }
.head { font-size: .9rem; }
.badge { display: inline-block; border: 1px solid; border-radius: 4px; padding: 0 .35rem; font-size: .8rem; font-weight: bold; }
code.rule { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.label { color: var(--muted); font-size: .9rem; }
q { quotes: "\00AB" "\00BB"; }
.excerpt { background: #fafafa; border-radius: 4px; padding: .2rem .4rem; }
.excerpt .ctx { display: block; white-space: pre-wrap; text-align: start; }
ul.related { margin: .2rem 0; padding-inline-start: 1.2rem; font-size: .9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: start; vertical-align: top; }
td.num { white-space: nowrap; }
@media (max-width: 40rem) {
  body { padding: .6rem; font-size: 15px; }
  .article { padding: .4rem; }
  .article p.line { padding-inline-start: 1.8rem; }
  .article p.line::before { width: 1.4rem; }
  ol.findings { padding-inline-start: 1.6rem; }
}
@media print {
  #filters { display: none !important; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  li.finding, section.cat-group { display: block !important; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .article { border: none; background: none; }
}
"#;

const SCRIPT: &str = r"(function () {
  var form = document.getElementById('filters');
  if (!form) { return; }
  form.hidden = false;
  form.addEventListener('change', function (event) {
    var box = event.target;
    if (box && box.getAttribute('data-hide')) {
      document.body.classList.toggle('hide-' + box.getAttribute('data-hide'), !box.checked);
    }
  });
})();
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Category;
    use crate::source::{Format, Span};

    proptest::proptest! {
        /// Escaping a run at a time is escaping a character at a time.
        #[test]
        fn escaping_copies_runs_as_characters_would(s in "[&<>\"'\r\na-zé «»ماسك\u{200F}0-9]{0,60}") {
            let mut reference = String::new();
            for c in s.chars() {
                match c {
                    '&' => reference.push_str("&amp;"),
                    '<' => reference.push_str("&lt;"),
                    '>' => reference.push_str("&gt;"),
                    '"' => reference.push_str("&quot;"),
                    '\'' => reference.push_str("&#39;"),
                    '\r' => reference.push_str("&#13;"),
                    c => reference.push(c),
                }
            }
            let mut out = String::from("kept");
            push_esc(&mut out, &s);
            proptest::prop_assert_eq!(out, format!("kept{reference}"));
        }
    }

    fn finding(start: usize, end: usize, message: &str) -> Finding {
        Finding::new(
            "typography/test".into(),
            Category::Typography,
            Severity::Warning,
            message.into(),
            Span::new(start, end),
        )
    }

    fn page(text: &str, findings: Vec<Finding>) -> String {
        let source = SourceFile::from_text("t.txt", text.to_owned(), Format::Text);
        render(&[FileReport::Checked {
            source,
            lang: Lang::En,
            findings,
            amounts: Vec::new(),
            dates: Vec::new(),
            published: None,
        }])
    }

    /// The `<p>` of line 1.
    fn line1(html: &str) -> &str {
        let start = html.find("id=\"file1-L1\"").expect("line 1");
        let end = start + html[start..].find("</p>").expect("end of line 1");
        &html[start..end]
    }

    #[test]
    fn article_text_and_messages_are_escaped() {
        let text = "x <script>alert(1)</script> & <img src=x onerror=\"alert(2)\"> 'q'";
        let html = page(text, vec![finding(2, 10, "bad <b>\"tag\"</b> & 'more'")]);
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the page's own script"
        );
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;</a></bdi></mark>alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; &#39;q&#39;"), "{html}");
        assert!(
            html.contains("title=\"bad &lt;b&gt;&quot;tag&quot;&lt;/b&gt; &amp; &#39;more&#39;\"")
        );
        assert!(html.contains(
            "<p class=\"msg\">bad &lt;b&gt;&quot;tag&quot;&lt;/b&gt; &amp; &#39;more&#39;</p>"
        ));
        let mut m = String::new();
        push_message(&mut m, "opened with «\"» is closed with «»» & «<x>» «open");
        assert_eq!(
            m,
            "opened with «<bdi>&quot;</bdi>» is closed with «<bdi>»</bdi>» &amp; «<bdi>&lt;x&gt;</bdi>» «open"
        );
    }

    #[test]
    fn nested_spans_nest_and_crossing_ones_are_detached() {
        // 0..9 "abc defgh", 4..6 "de" nests in it; 7..12 "gh ij" crosses it.
        let text = "abc defgh ij";
        let fs = vec![
            finding(0, 9, "outer"),
            finding(4, 6, "inner"),
            finding(7, 12, "cross"),
        ];
        let html = page(text, fs);
        let l = line1(&html);
        assert!(l.contains("<mark id=\"f-1\""), "{l}");
        assert!(
            l.contains("<a href=\"#i-1\">abc </a><mark id=\"f-2\""),
            "{l}"
        );
        assert!(
            l.contains("<a href=\"#i-2\">de</a></bdi></mark><a href=\"#i-1\">f</a><a id=\"x-3\""),
            "{l}"
        );
        assert!(!l.contains("id=\"f-3\""), "{l}");
        // The crossing finding's highlight is in its list entry.
        let item = &html[html.find("id=\"i-3\"").unwrap()..];
        assert!(item.contains("<bdi>gh ij</bdi></mark>"), "{item}");
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
    }

    #[test]
    fn identical_and_zero_length_spans() {
        let text = "a  b";
        let fs = vec![
            finding(1, 3, "one"),
            finding(1, 3, "two"),
            finding(4, 4, "end"),
        ];
        let l = line1(&page(text, fs)).to_owned();
        assert!(l.contains("<mark id=\"f-1\""), "{l}");
        assert!(l.contains("<mark id=\"f-2\""), "{l}");
        assert!(
            l.contains("<a href=\"#i-2\">  </a></bdi></mark></bdi></mark>"),
            "{l}"
        );
        assert!(
            l.contains("class=\"sev-warning cat-typography empty\""),
            "{l}"
        );
        assert!(l.contains("<a class=\"caret\" href=\"#i-3\"></a>"), "{l}");
    }

    #[test]
    fn spans_over_line_breaks_are_detached() {
        let text = "ab\r\n  cd\n";
        let html = page(text, vec![finding(2, 6, "over the break")]);
        assert!(line1(&html).contains("<a id=\"x-1\""));
        assert!(html.contains(">&#13;\n  </bdi></mark>"), "{html}");
        assert!(html.contains("id=\"file1-L2\""));
    }

    #[test]
    fn neutral_highlights_take_the_line_direction() {
        let text = "قال: \"نعم»";
        let html = page(text, vec![finding(text.len() - 2, text.len(), "quote")]);
        assert!(line1(&html).contains("<bdi dir=\"rtl\">"), "{html}");
    }

    #[test]
    fn output_is_deterministic() {
        let text = "one two";
        assert_eq!(
            page(text, vec![finding(0, 3, "m")]),
            page(text, vec![finding(0, 3, "m")])
        );
    }
}
