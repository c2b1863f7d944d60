//! The human format: rustc/ruff-like diagnostics through annotate-snippets.
//!
//! Carets cannot be trusted under right-to-left text (no terminal applies
//! the bidi algorithm the same way), so every message quotes its evidence,
//! and the flagged text is repeated after the snippet.

use std::borrow::Cow;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use smallvec::SmallVec;

use super::snippet::{Cols, Columns, first_where};
use super::{Summary, plural};
use crate::finding::Finding;
use crate::lint::FileReport;
use crate::rules::{FixSafety, Severity};
use crate::source::{ColumnUnit, SourceFile};

/// The name annotate-snippets gives each level.
fn level_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Shows invisible characters of a short quoted text. Bidi controls are
/// named rather than printed: printed, they would reorder the rest of the
/// line on the terminal.
pub(crate) fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    visible_into(&mut out, s);
    out
}

/// [`visible`], written at the end of `out`.
///
/// Most texts (a word, a name, a figure) have nothing to show: one pass
/// over the bytes tells them, and they are copied whole. It looks for the
/// bytes that every character [`visible_chars`] changes starts or ends
/// with (a control character; `C2` of the no-break space, `E2` of the
/// general punctuation, `EF` of the byte order mark, `9C` that ends the
/// Arabic letter mark `D8 9C`), and for two spaces in a row; a text with
/// any of them goes character by character.
fn visible_into(out: &mut String, s: &str) {
    let (mut odd, mut double, mut space) = (false, false, false);
    for &b in s.as_bytes() {
        odd |= b < 0x20 || matches!(b, 0x9C | 0xC2 | 0xE2 | 0xEF);
        double |= space && b == b' ';
        space = b == b' ';
    }
    // Spaces between words read as they are; a space that is the evidence
    // itself (at either end, or alone) is shown.
    let show_spaces = s.starts_with(' ') || s.ends_with(' ') || double;
    if odd || show_spaces {
        visible_chars(out, s, show_spaces);
    } else {
        out.push_str(s);
    }
}

/// [`visible_into`] character by character, spaces shown or not.
fn visible_chars(out: &mut String, s: &str, show_spaces: bool) {
    for c in s.chars() {
        match c {
            ' ' if show_spaces => out.push('␠'),
            '\u{00A0}' | '\u{202F}' => out.push('⍽'),
            '\t' => out.push('␉'),
            '\n' | '\r' => out.push('⏎'),
            c => match control_name(c) {
                Some(name) => {
                    out.push('⟨');
                    out.push_str(name);
                    out.push('⟩');
                }
                None => out.push(c),
            },
        }
    }
}

/// The short name of a bidi control or an invisible format character.
fn control_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZWSP",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{061C}' => "ALM",
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{FEFF}' => "ZWNBSP",
        _ => return None,
    })
}

/// A line longer than this many bytes is shown as a window around the
/// finding ([`WINDOW`] bytes either side).
const LONG_LINE: usize = 4096;
const WINDOW: usize = 512;

/// The width annotate-snippets fits a snippet line into (its default,
/// set explicitly so that [`snippet_window`] can rely on it).
pub(super) const TERM_WIDTH: usize = 140;

/// How many columns [`snippet_window`] keeps either side of the
/// annotations: more than annotate-snippets ever shows of a line
/// (`TERM_WIDTH` plus its 6-column ellipsis padding).
const KEEP: usize = TERM_WIDTH + 10;

/// An annotation of the snippet: a byte range of its line and a label
/// (borrowed: the flagged text quoted in a buffer of the run, or a related
/// place's note).
struct Mark<'a> {
    range: std::ops::Range<usize>,
    label: Cow<'a, str>,
    primary: bool,
}

/// The texts a finding's drawing is put together in, kept for a run of
/// findings: most findings' title, label and help are written in these
/// without an allocation of their own.
#[derive(Default)]
struct Buffers {
    title: String,
    label: String,
    help: String,
}

/// The display width annotate-snippets gives a character (its
/// `char_width`: control characters it replaces with a visible symbol
/// are 1 wide, a tab 4). Inlined: the renderers call it for every
/// character around every finding.
#[inline]
pub(super) fn char_width(c: char) -> usize {
    match c {
        // Printable ASCII and the Arabic letters and marks, without a
        // table lookup (a test compares every character with the table).
        ' '..='~' | 'ء'..='ي' => 1,
        '\u{64B}'..='\u{65F}' => 0,
        _ => char_width_by_table(c),
    }
}

/// [`char_width`] through the Unicode width table for every character.
#[inline(never)]
fn char_width_by_table(c: char) -> usize {
    match c {
        '\t' => 4,
        '\u{0}'..='\u{8}'
        | '\u{B}'..='\u{1F}'
        | '\u{7F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => 1,
        _ => unicode_width::UnicodeWidthChar::width(c).unwrap_or(1),
    }
}

/// The part of `line` that annotate-snippets needs to render `marks`
/// exactly as it renders them on the whole line: it trims a line to
/// [`TERM_WIDTH`] columns around the annotations, but measures the whole
/// line several times on the way, so a paragraph of 2,000 characters with
/// 20 findings used to cost 100,000 width lookups. The window keeps
/// [`KEEP`] columns either side of the annotations (more than is ever
/// shown), starts on a character that is not a space (the renderer would
/// trim a long run of spaces at its start as indentation) and ends where
/// something is left to elide. A property test compares the two
/// renderings. The columns are read off `cols`, the line's measure (its
/// whole), by binary search: no walk along the line.
fn snippet_window(line: &str, cols: Cols<'_>, marks: &[Mark]) -> std::ops::Range<usize> {
    let whole = 0..line.len();
    let (Some(left), Some(right)) = (
        marks.iter().map(|m| m.range.start).min(),
        marks.iter().map(|m| m.range.end).max(),
    ) else {
        return whole;
    };
    let (Some(left), Some(right)) = (cols.at_byte(left), cols.at_byte(right)) else {
        return whole;
    };
    // Back from the leftmost annotation until KEEP columns are kept: from
    // the last character that leaves at least KEEP columns before the
    // annotation.
    let mut start = 0;
    let keep_from = cols.col(left).checked_sub(KEEP);
    if let Some(keep_from) = keep_from {
        start = cols.byte(first_where(0..left, |k| cols.col(k) > keep_from) - 1);
        if line[start..].starts_with(char::is_whitespace) {
            // Never start on a space: step back to the word before the spaces.
            let before = line[..start].trim_end_matches(char::is_whitespace);
            start = before.char_indices().next_back().map_or(0, |(i, _)| i);
        }
    }
    // On past the rightmost annotation until more than KEEP columns.
    let right_col = cols.col(right);
    let end = cols.byte(first_where(right..cols.chars(), |k| {
        cols.col(k) - right_col > KEEP
    }));
    start..end
}

/// The widest stretch of a line, in columns, that a secondary mark and
/// the finding's own are drawn on together: farther apart, the line shown
/// would run past the terminal (a paragraph of 1,300 characters between a
/// name and its other form), so the other mark becomes a note.
const SIDE_BY_SIDE: usize = TERM_WIDTH - 20;

/// True when byte ranges `a` and `b` of one line of `text` fit within
/// [`SIDE_BY_SIDE`] columns, from the first start to the last end.
fn fits_beside(text: &str, a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    let (lo, hi) = (a.start.min(b.start), a.end.max(b.end));
    text.get(lo..hi).is_some_and(|s| {
        s.chars()
            .scan(0, |w, c| {
                *w += char_width(c);
                Some(*w)
            })
            .all(|w| w <= SIDE_BY_SIDE)
    })
}

/// A related place drawn as a note: `path:line:column: message «text»`
/// (the path only when it is another file's), written into one string
/// sized for it (`format!` grew it argument by argument: a long report has
/// thousands of notes).
fn note(path: Option<&str>, (line, column): (usize, usize), message: &str, text: &str) -> String {
    let mut out = String::with_capacity(path.map_or(0, str::len) + message.len() + text.len() + 32);
    if let Some(path) = path {
        out.push_str(path);
        out.push(':');
    }
    let mut n = itoa::Buffer::new();
    out.push_str(n.format(line));
    out.push(':');
    out.push_str(n.format(column));
    out.push_str(": ");
    out.push_str(message);
    out.push_str(" «");
    visible_into(&mut out, text);
    out.push('»');
    out
}

fn render_finding(
    out: &mut String,
    renderer: &Renderer,
    plain: bool,
    (source, lines, buffers): (&SourceFile, &mut LineColumns, &mut Buffers),
    f: &Finding,
) {
    let text = &source.text;
    let start = f.span.start as usize;
    let lc = source.line_col(start, ColumnUnit::Chars);
    let mut line_range = source.line_index.line_range(text, lc.line - 1);
    // A very long line (a file without line breaks) is cut to a window
    // around the finding: annotate-snippets reads the whole line it is
    // given, and a line of megabytes for each finding would take hours.
    // The window does not start at column 1: the location is corrected
    // below.
    let cut = line_range.len() > LONG_LINE;
    if cut {
        let mut ws = start.saturating_sub(WINDOW).max(line_range.start);
        while !text.is_char_boundary(ws) {
            ws += 1;
        }
        let mut we = (f.span.end as usize)
            .max(start)
            .saturating_add(WINDOW)
            .min(line_range.end);
        while !text.is_char_boundary(we) {
            we -= 1;
        }
        line_range = ws..we.max(ws);
    }
    // The annotation within the line (a span that runs past the line end is
    // cut at it; one that starts on the line terminator marks the line end).
    let a_start = start.clamp(line_range.start, line_range.end);
    let a_end = (f.span.end as usize).clamp(a_start, line_range.end) - line_range.start;
    let a_start = a_start - line_range.start;
    let flagged = f.text(text);
    let Buffers {
        title,
        label,
        help: help_buffer,
    } = buffers;
    // `«text»`, its invisible characters shown ([`visible`]).
    label.clear();
    label.push('«');
    visible_into(label, flagged);
    label.push('»');
    let mut marks: SmallVec<[Mark<'_>; 2]> = SmallVec::new();
    marks.push(Mark {
        range: a_start..a_end,
        label: Cow::Borrowed(label),
        primary: true,
    });
    let mut notes = Vec::new();
    for r in f.related() {
        let rl = r
            .source(source)
            .line_col(r.span.start as usize, ColumnUnit::Chars);
        let rtext = r.text(source);
        if let Some(other) = r.other_path() {
            notes.push(note(Some(other), (rl.line, rl.column), &r.message, rtext));
        } else if rl.line == lc.line
            && line_range.contains(&(r.span.start as usize))
            && (r.span.end as usize) <= line_range.end
            && fits_beside(text, start..f.span.end as usize, r.span.range())
        {
            let rs = r.span.start as usize - line_range.start;
            let re = r.span.end as usize - line_range.start;
            marks.push(Mark {
                range: rs..re,
                label: Cow::Borrowed(&r.message),
                primary: false,
            });
        } else {
            notes.push(note(None, (rl.line, rl.column), &r.message, rtext));
        }
    }
    let line_text = &text[line_range.clone()];
    title.clear();
    for part in [&*f.message, " [", f.rule().as_str(), "]"] {
        title.push_str(part);
    }
    let location = (source.path.as_str(), lc.line, lc.column);
    let line = (line_text, cut, lines.of(text, line_range.clone()));
    let help = f.fix().filter(|_| !f.suggestions().is_empty()).map(|fix| {
        let safety = match fix.safety {
            FixSafety::Safe => "safe fix",
            FixSafety::Unsafe => "suggestion",
        };
        help_buffer.clear();
        for part in [&*fix.title, " (", safety, ")"] {
            help_buffer.push_str(part);
        }
        help_buffer.as_str()
    });
    let how = (true, plain);
    render_group(
        out, renderer, f, title, line, location, &mut marks, &notes, help, how,
    );
}

/// Renders one finding's group: the title, the snippet of `line` (line
/// number and column in `location`; `cut` when it is a window of a longer
/// line already) with its marks, the notes and the
/// help. With `trim`, only the part of the line that shows is handed to
/// annotate-snippets ([`snippet_window`]); with `plain`, the common case
/// is drawn without it ([`super::snippet`]). The tests compare both with
/// annotate-snippets on the whole line.
#[allow(clippy::too_many_arguments)]
fn render_group(
    out: &mut String,
    renderer: &Renderer,
    f: &Finding,
    title: &str,
    (line, cut, columns): (&str, bool, &Columns),
    (path, line_no, column): (&str, usize, usize),
    marks: &mut [Mark<'_>],
    notes: &[String],
    help: Option<&str>,
    (trim, plain): (bool, bool),
) {
    let cols = columns.all();
    let window = if trim {
        snippet_window(line, cols, marks)
    } else {
        0..line.len()
    };
    let shown = &line[window.clone()];
    for m in marks.iter_mut() {
        m.range = m.range.start - window.start..m.range.end - window.start;
    }
    // One mark, or a primary one and a secondary one: drawn directly when
    // they are simple enough.
    let (primary, other) = match &*marks {
        [m] => (Some(m), None),
        [first, second] if first.primary != second.primary => {
            let (primary, other) = if first.primary {
                (first, second)
            } else {
                (second, first)
            };
            (Some(primary), Some((other.range.clone(), &*other.label)))
        }
        _ => (None, None),
    };
    if plain
        && let Some(mark) = primary
        && let Some(cols) = cols.window(window.clone())
    {
        let simple = super::snippet::Plain {
            level: level_name(f.severity()),
            title,
            path,
            line_no,
            column,
            line: shown,
            cols,
            mark: mark.range.clone(),
            label: &mark.label,
            other,
            notes,
            help,
        };
        if super::snippet::render(&simple, out) {
            out.push_str("\n\n");
            return;
        }
    }
    let mut snippet = Snippet::source(shown).line_start(line_no).path(path);
    let mut primary_start = 0;
    for m in &*marks {
        if m.primary {
            primary_start = m.range.start;
        }
        let kind = if m.primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        snippet = snippet.annotation(kind.span(m.range.clone()).label(&*m.label));
    }
    let mut group = level(f.severity()).primary_title(title).element(snippet);
    for n in notes {
        group = group.element(Level::NOTE.message(n));
    }
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    let report: [Group<'_>; 1] = [group];
    let rendered = renderer.render(&report);
    // annotate-snippets counts the column from the start of what it was
    // given, which is not column 1 when the line was cut.
    if !cut && window.start == 0 {
        out.push_str(&rendered);
    } else {
        let counted = shown[..primary_start].chars().count() + 1;
        out.push_str(&rendered.replacen(
            &format!(" {path}:{line_no}:{counted}\n"),
            &format!(" {path}:{line_no}:{column}\n"),
            1,
        ));
    }
    out.push_str("\n\n");
}

/// Renders the reports; `styled` adds ANSI colours.
pub fn render(reports: &[FileReport], styled: bool) -> String {
    render_baselined(reports, styled, 0)
}

/// Renders the reports, saying in the summary line how many findings a
/// baseline hid (`… in 2 files (3 baselined).`) when any did.
pub fn render_baselined(reports: &[FileReport], styled: bool, baselined: usize) -> String {
    let mut out = Vec::new();
    write_baselined(&mut out, reports, styled, baselined).expect("a Vec takes every byte");
    String::from_utf8(out).expect("the report is text")
}

/// [`render_baselined`], written finding by finding to `w`: the report of
/// a file with many findings is never held whole in memory.
pub fn write_baselined(
    w: &mut dyn std::io::Write,
    reports: &[FileReport],
    styled: bool,
    baselined: usize,
) -> std::io::Result<()> {
    let mut writer = Writer::new(styled);
    for r in reports {
        writer.file(w, r)?;
    }
    writer.finish(w, baselined)
}

/// The human report written a file at a time, as each file is checked:
/// [`Writer::file`] for each report in order, then [`Writer::finish`] for
/// the summary line. The same bytes as [`render_baselined`].
pub struct Writer {
    renderer: Renderer,
    styled: bool,
    tally: Tally,
    out: String,
    /// A long file's findings may be drawn on all cores (see
    /// [`crate::ordered::split_document`]).
    split: bool,
}

/// How many findings of a long file one task draws, on one of the cores.
/// Each task costs a hand-over between threads: with 64, the 15,223
/// findings of the Arabic 1 MB file were drawn in 2.3 ms more (paired runs
/// on two cores), for the same findings held ahead.
const SPLIT_TASK: usize = 128;

/// How many tasks per thread may be drawn ahead of the last one written:
/// what is drawn is held until it is written (four tasks a thread: 1,024
/// findings on two threads).
const SPLIT_AHEAD: usize = 4;

/// The columns of the line of the finding drawn last, for the next
/// findings on the same line (findings come in the order of the text).
#[derive(Default)]
struct LineColumns {
    range: std::ops::Range<usize>,
    columns: Option<Columns>,
}

impl LineColumns {
    /// The columns of `text[range]`, measured unless they were for the
    /// finding before. One value serves one text.
    fn of(&mut self, text: &str, range: std::ops::Range<usize>) -> &Columns {
        let stale = self.columns.is_none() || self.range != range;
        let columns = self.columns.get_or_insert_with(Columns::default);
        if stale {
            columns.measure(&text[range.clone()]);
            self.range = range;
        }
        columns
    }
}

impl Writer {
    pub fn new(styled: bool) -> Writer {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(TERM_WIDTH);
        Writer {
            renderer,
            styled,
            tally: Tally::default(),
            out: String::new(),
            split: false,
        }
    }

    /// Allows a long file's findings to be drawn on all the threads of
    /// rayon's pool: only for a caller that runs nothing else on the pool
    /// meanwhile (see [`crate::ordered::split_document`]).
    #[must_use]
    pub fn split(mut self, split: bool) -> Writer {
        self.split = split;
        self
    }

    /// Writes the findings of one file (errors and skipped files go to
    /// standard error, by the caller).
    pub fn file(&mut self, w: &mut dyn std::io::Write, report: &FileReport) -> std::io::Result<()> {
        self.tally.add(report);
        if let FileReport::Checked {
            source, findings, ..
        } = report
        {
            let plain = !self.styled;
            if crate::ordered::split_document(self.split, source.text.len()) {
                // A task draws a run of findings, most of them on the lines
                // of the one before, on the pool's threads; each run is
                // written here as soon as those before it are, while the
                // next ones are drawn (drawn in batches, the writing and
                // each batch's last task had the other threads wait).
                let renderer = &self.renderer;
                let runs: Vec<&[Finding]> = findings.chunks(SPLIT_TASK).collect();
                let draw = |run: &&[Finding]| {
                    let mut out = String::new();
                    let (mut lines, mut buffers) = Default::default();
                    for f in *run {
                        let at = (source, &mut lines, &mut buffers);
                        render_finding(&mut out, renderer, plain, at, f);
                    }
                    Ok(out.into_bytes())
                };
                return crate::ordered::write_each(&runs, SPLIT_AHEAD, draw, w);
            }
            let (mut lines, mut buffers) = Default::default();
            for f in findings {
                self.out.clear();
                let at = (source, &mut lines, &mut buffers);
                render_finding(&mut self.out, &self.renderer, plain, at, f);
                w.write_all(self.out.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Writes the summary line, saying how many findings a baseline hid.
    pub fn finish(&self, w: &mut dyn std::io::Write, baselined: usize) -> std::io::Result<()> {
        let line = self.tally.line();
        match line.strip_suffix(".\n") {
            Some(head) if baselined > 0 => writeln!(w, "{head} ({baselined} baselined)."),
            _ => w.write_all(line.as_bytes()),
        }
    }
}

/// What the summary line counts.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    summary: Summary,
    /// Files that could not be read.
    failed: usize,
    /// Binary files.
    skipped: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, report: &FileReport) {
        self.summary.add(report);
        match report {
            FileReport::Error(_) => self.failed += 1,
            FileReport::Binary { .. } => self.skipped += 1,
            FileReport::Checked { .. } => {}
        }
    }

    /// The files counted so far.
    pub(crate) fn files(&self) -> usize {
        self.summary.files
    }

    /// The findings counted so far.
    pub(crate) fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The closing line: `Found 3 findings (1 error, 2 warnings, 0 infos) in 1 file.`
    pub(crate) fn line(&self) -> String {
        let (s, failed, skipped) = (&self.summary, self.failed, self.skipped);
        let mut line = if s.findings == 0 {
            format!(
                "No findings in {}",
                plural(s.files - failed - skipped, "file", "files")
            )
        } else {
            format!(
                "Found {} ({}, {}, {}) in {}",
                plural(s.findings, "finding", "findings"),
                plural(s.errors, "error", "errors"),
                plural(s.warnings, "warning", "warnings"),
                plural(s.infos, "info", "infos"),
                plural(s.files - failed - skipped, "file", "files"),
            )
        };
        if skipped > 0 {
            let _ = write!(line, "; {} skipped", plural(skipped, "file", "files"));
        }
        if failed > 0 {
            let _ = write!(
                line,
                "; {} could not be read",
                plural(failed, "file", "files")
            );
        }
        line.push_str(".\n");
        line
    }
}

/// The dated mentions of each file in chronological order, for
/// `--timeline`: `  2024-12     9:41  «ديسمبر الماضي»  (month=12 last)`.
pub fn render_timeline(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let FileReport::Checked {
            source,
            dates,
            published,
            ..
        } = r
        else {
            continue;
        };
        let line = crate::date::timeline(dates);
        if line.is_empty() {
            continue;
        }
        let _ = write!(out, "timeline of {}", source.path);
        match published {
            Some(p) => {
                let _ = writeln!(out, " (published {p}):");
            }
            None => {
                let _ = writeln!(out, " (no publication date: relative dates unresolved):");
            }
        }
        for d in line {
            let lc = source.line_col(d.span.start as usize, ColumnUnit::Chars);
            let text = source.text.get(d.span.range()).unwrap_or_default();
            let date = d.iso().unwrap_or_else(|| "?".into());
            let _ = write!(
                out,
                "  {date:<10}  {:>4}:{:<3}  «{}»",
                lc.line,
                lc.column,
                visible(text)
            );
            let mut notes = Vec::new();
            if let Some(r) = &d.relative {
                notes.push(r.clone());
            }
            if let Some((y, m, day)) = d.hijri {
                notes.push(format!("Hijri {y:04}-{m:02}-{day:02}"));
            }
            if !notes.is_empty() {
                let _ = write!(out, "  ({})", notes.join(", "));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The figures of each file, one per line, for `--amounts`:
/// `path:line:column  «97.4 مليار دولار»  money 97400000000 USD (billion, approx)`.
pub fn render_amounts(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let FileReport::Checked {
            source, amounts, ..
        } = r
        else {
            continue;
        };
        if amounts.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} in {}:",
            plural(amounts.len(), "amount", "amounts"),
            source.path
        );
        for a in amounts {
            let lc = source.line_col(a.span.start as usize, ColumnUnit::Chars);
            let text = source.text.get(a.span.range()).unwrap_or_default();
            let mut qualifiers: Vec<&str> = Vec::new();
            if let Some(scale) = &a.scale {
                qualifiers.push(scale);
            }
            if let Some(h) = a.hedge {
                qualifiers.push(h.as_str());
            }
            let _ = write!(
                out,
                "  {}:{}  «{}»  {} {}",
                lc.line,
                lc.column,
                visible(text),
                a.kind.as_str(),
                a.value.normalize()
            );
            if let Some(c) = &a.currency {
                let _ = write!(out, " {c}");
            }
            if !qualifiers.is_empty() {
                let _ = write!(out, " ({})", qualifiers.join(", "));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Related;
    use crate::rules::Category;
    use crate::source::{Format, Span};
    use proptest::prelude::*;

    fn finding(span: Span, related: Vec<Related>) -> Finding {
        let mut f = Finding::new(
            "typography/test".into(),
            Category::Typography,
            Severity::Warning,
            "a test".into(),
            span,
        );
        f.set_related(related);
        f
    }

    /// A long file's findings drawn on several threads read as they do
    /// drawn on one, in the same order, plain and in colour.
    #[test]
    fn findings_drawn_on_several_threads_read_as_on_one() {
        let seed = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_1da055f338dfc321.txt"
        ));
        let mut long = String::new();
        while long.len() < 2 * crate::ordered::SPLIT_BYTES {
            long.push_str(seed);
            long.push_str("\n\n");
        }
        let rules = crate::rules::RuleSet::embedded().expect("the embedded rules load");
        let report = crate::lint::Linter::new(rules, None).check_text("a.txt", &long, Format::Text);
        let FileReport::Checked { findings, .. } = &report else {
            panic!("checked");
        };
        // More runs than the three threads may draw ahead of the writing.
        assert!(
            findings.len() > 3 * SPLIT_AHEAD * SPLIT_TASK,
            "{} findings",
            findings.len()
        );
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("a pool");
        for styled in [false, true] {
            let draw = |split: bool| {
                let mut out = Vec::new();
                let mut w = Writer::new(styled).split(split);
                w.file(&mut out, &report).expect("written");
                w.finish(&mut out, 0).expect("written");
                String::from_utf8(out).expect("UTF-8")
            };
            let whole = draw(false);
            let split = pool.install(|| draw(true));
            assert!(split == whole, "styled: {styled}");
            assert!(whole.matches("a.txt:").count() >= findings.len());
        }
    }

    fn rendered(text: &str, f: Finding) -> String {
        let source = SourceFile::from_text("t.txt", text.to_owned(), Format::Text);
        let reports = [FileReport::Checked {
            source,
            lang: crate::Lang::En,
            findings: vec![f],
            amounts: Vec::new(),
            dates: Vec::new(),
            published: None,
        }];
        render(&reports, false)
    }

    #[test]
    fn spans_on_line_terminators_and_byte_order_marks_do_not_panic() {
        // A span that starts on the LF of a CRLF, past the line's text.
        let text = "ab\r\n  cd";
        let out = rendered(text, finding(Span::new(3, 6), Vec::new()));
        assert!(out.contains("--> t.txt:1:"), "{out}");
        assert!(out.contains("«⏎␠␠»"), "{out}");
        // A related span over the byte order mark, before line 1's text.
        let text = "\u{feff}«a»";
        let related = vec![Related {
            file: None,
            span: Span::new(0, 3),
            message: "here".into(),
        }];
        let out = rendered(text, finding(Span::new(3, 5), related));
        assert!(out.contains("t.txt:1:1"), "{out}");
        assert!(out.contains("note: 1:1: here «⟨ZWNBSP⟩»"), "{out}");
    }

    #[test]
    fn another_mark_on_the_same_line_is_drawn_beside_the_finding_only_when_both_fit() {
        let related = |at: usize| {
            vec![Related {
                file: None,
                span: Span::new(at, at + 6),
                message: "another form of the name".into(),
            }]
        };
        let widest = |out: &str| out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        // Near: both marks on the line shown.
        let text = format!("Taipei and {}Taipai.", "x ".repeat(20));
        let out = rendered(
            &text,
            finding(Span::new(text.len() - 7, text.len() - 1), related(0)),
        );
        assert!(out.contains("------ another form of the name"), "{out}");
        assert!(!out.contains("note:"), "{out}");
        // Far apart on one long line: the other form is a note, and no line
        // of the report runs past the terminal.
        for wide in ["x ", "中"] {
            let text = format!("Taipei and {}Taipai.", wide.repeat(400));
            let f = finding(Span::new(text.len() - 7, text.len() - 1), related(0));
            let out = rendered(&text, f);
            assert!(
                out.contains("= note: 1:1: another form of the name «Taipei»"),
                "{out}"
            );
            assert!(!out.contains("------"), "{out}");
            assert!(widest(&out) <= TERM_WIDTH, "{}: {out}", widest(&out));
        }
        // Columns, not characters: 70 wide characters take 140.
        let text = format!("Taipei{}Taipai.", "中".repeat(70));
        let out = rendered(
            &text,
            finding(Span::new(text.len() - 7, text.len() - 1), related(0)),
        );
        assert!(out.contains("= note: 1:1: another form"), "{out}");
        // Just within reach: beside it still.
        let text = format!("Taipei{}Taipai.", " y".repeat((SIDE_BY_SIDE - 12) / 2));
        let out = rendered(
            &text,
            finding(Span::new(text.len() - 7, text.len() - 1), related(0)),
        );
        assert!(out.contains("another form of the name"), "{out}");
        assert!(!out.contains("note:"), "{out}");
    }

    /// A line from a pool of characters that has every width the renderer
    /// knows (zero-width marks, wide CJK, tabs, control characters, bidi
    /// controls), with runs of spaces long enough for the renderer to trim
    /// them, and an indentation.
    fn line_strategy() -> impl Strategy<Value = String> {
        lines_of(vec![
            'a', 'b', 'Z', '7', '.', ' ', 'م', 'ر', 'ح', '\u{064E}', '\u{0301}', '中', '😀', '\t',
            '\u{1}', '\u{202B}', '\u{200F}', '«', 'é',
        ])
    }

    /// Lines of words of `pool`'s characters and runs of spaces, indented.
    fn lines_of(pool: Vec<char>) -> impl Strategy<Value = String> {
        let word = prop::collection::vec(prop::sample::select(pool), 0..60)
            .prop_map(|v| v.into_iter().collect());
        let spaces = (0usize..40).prop_map(|n| " ".repeat(n));
        let piece = prop_oneof![4 => word, 1 => spaces];
        (0usize..12, prop::collection::vec(piece, 0..25))
            .prop_map(|(indent, pieces)| " ".repeat(indent) + &pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The window of a long line renders exactly as the whole line.
        #[test]
        fn a_trimmed_line_renders_as_the_whole_line(
            line in line_strategy(),
            picks in prop::collection::vec((0usize..700, 0usize..40, "[a-z م]{0,12}"), 1..4),
            line_no in prop::sample::select(vec![1usize, 9, 10, 12_345]),
            unicode in any::<bool>(),
        ) {
            let bounds: Vec<usize> = line
                .char_indices()
                .map(|(i, _)| i)
                .chain([line.len()])
                .collect();
            let marks = || {
                picks
                    .iter()
                    .enumerate()
                    .map(|(k, (at, len, label))| {
                        let a = (*at).min(bounds.len() - 1);
                        let b = (a + len).min(bounds.len() - 1);
                        Mark {
                            range: bounds[a]..bounds[b],
                            label: format!("«{label}»").into(),
                            primary: k == 0,
                        }
                    })
                    .collect::<Vec<_>>()
            };
            let renderer = if unicode {
                Renderer::plain().decor_style(annotate_snippets::renderer::DecorStyle::Unicode)
            } else {
                Renderer::plain()
            }
            .term_width(TERM_WIDTH);
            let f = finding(Span::new(0, 0), Vec::new());
            let column = line[..marks()[0].range.start].chars().count() + 1;
            let mut whole = String::new();
            let mut trimmed = String::new();
            for (out, trim) in [(&mut whole, false), (&mut trimmed, true)] {
                let notes = vec!["a note".to_owned()];
                let location = ("t.txt", line_no, column);
                render_group(out, &renderer, &f, "t", (&line, false, &Columns::of(&line)), location, &mut marks(), &notes, None, (trim, false));
            }
            prop_assert_eq!(trimmed, whole);
        }
    }

    /// Lines the plain drawing takes on: ASCII, Arabic letters and marks,
    /// spaces (no tab, control or wide character).
    fn simple_line_strategy() -> impl Strategy<Value = String> {
        lines_of(vec![
            'a', 'b', 'Z', '7', '.', ' ', 'م', 'ر', 'ح', '\u{064E}', '\u{0651}', '«', '»', 'é',
            '\u{200F}', '\u{A0}',
        ])
    }

    /// Lines of characters one column wide each (ASCII, Arabic letters,
    /// spaces): what most news lines are, drawn without measuring each
    /// character's width twice.
    fn single_width_line_strategy() -> impl Strategy<Value = String> {
        lines_of(vec![
            'a', 'Z', '7', '.', ' ', 'م', 'ر', '«', '»', 'é', '\u{A0}',
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// A finding drawn without annotate-snippets reads exactly as
        /// annotate-snippets draws it on the whole line.
        #[test]
        fn plain_snippets_are_drawn_as_annotate_snippets_draws_them(
            line in prop_oneof![
                line_strategy(),
                simple_line_strategy(),
                single_width_line_strategy(),
                lines_of(vec!['a', 'Z', '7', '.', ' ']),
            ],
            (at, len) in (0usize..800, 0usize..40),
            label in "«[a-z م\u{64e}中]{0,12}»|[a-z]{100,160}|«\t»",
            second in prop::option::of((
                prop_oneof![0usize..800, 0usize..60],
                0usize..40,
                "[a-z ]{0,40}|[a-z م\u{64e}中]{0,12}|the same digits as 9.74 × 10⁹",
            )),
            notes in prop::collection::vec("[a-z0-9: «»ماسك]{0,30}", 0..3),
            help in prop::option::of("[a-z ()]{0,20}"),
            line_no in prop::sample::select(vec![1usize, 9, 10, 12_345]),
            severity in prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]),
            title in "[a-zA-Z «»/\\[\\]]{0,40}",
        ) {
            let bounds: Vec<usize> = line
                .char_indices()
                .map(|(i, _)| i)
                .chain([line.len()])
                .collect();
            let a = at.min(bounds.len() - 1);
            let b = (a + len).min(bounds.len() - 1);
            let mark = || {
                let mut marks = vec![Mark { range: bounds[a]..bounds[b], label: label.as_str().into(), primary: true }];
                if let Some((at, len, label)) = &second {
                    let a = (*at).min(bounds.len() - 1);
                    let b = (a + len).min(bounds.len() - 1);
                    marks.push(Mark { range: bounds[a]..bounds[b], label: label.as_str().into(), primary: false });
                }
                marks
            };
            let mut f = finding(Span::new(0, 0), Vec::new());
            f.set_severity(severity);
            let renderer = Renderer::plain().term_width(TERM_WIDTH);
            let column = line[..bounds[a]].chars().count() + 1;
            let location = ("t.txt", line_no, column);
            let mut reference = String::new();
            let mut drawn = String::new();
            for (out, how) in [(&mut reference, (false, false)), (&mut drawn, (true, true))] {
                render_group(out, &renderer, &f, &title, (&line, false, &Columns::of(&line)), location, &mut mark(), &notes, help.as_deref(), how);
            }
            prop_assert_eq!(drawn, reference);
        }
    }

    #[test]
    fn the_common_case_is_drawn_without_annotate_snippets() {
        let notes = ["3:4: another form «Optai»".to_owned()];
        let line = "اقترحت Openai عرضاً";
        let columns = Columns::of(line);
        let p = crate::render::snippet::Plain {
            level: "warning",
            title: "«Openai» is written «OpenAI» [entity/variant]",
            path: "a.txt",
            line_no: 12,
            column: 9,
            line,
            cols: columns.all(),
            mark: 13..19,
            label: "«Openai»",
            other: None,
            notes: &notes,
            help: Some("write «OpenAI» (safe fix)"),
        };
        let mut drawn = String::from("before\n");
        assert!(
            crate::render::snippet::render(&p, &mut drawn),
            "drawn directly"
        );
        assert_eq!(
            drawn,
            "before\nwarning: «Openai» is written «OpenAI» [entity/variant]\n  --> a.txt:12:9\n   |\n\
             12 | اقترحت Openai عرضاً\n   |        ^^^^^^ «Openai»\n   |\n   \
             = note: 3:4: another form «Optai»\n   = help: write «OpenAI» (safe fix)"
        );
        // Edge cases the property test found once: an empty line (no
        // padding after the bar), a line of spaces, a mark at the end.
        for (line, mark) in [("", 0..0), ("    ", 2..2), ("abc ", 4..4), (" x", 0..2)] {
            let f = finding(Span::new(0, 0), Vec::new());
            let renderer = Renderer::plain().term_width(TERM_WIDTH);
            let mut outs = [String::new(), String::new()];
            for (out, how) in outs.iter_mut().zip([(false, false), (true, true)]) {
                let mut m = [Mark {
                    range: mark.clone(),
                    label: "«»".into(),
                    primary: true,
                }];
                let at = ("t.txt", 1, 1 + line[..mark.start].chars().count());
                render_group(
                    out,
                    &renderer,
                    &f,
                    "t",
                    (line, false, &Columns::of(line)),
                    at,
                    &mut m,
                    &[],
                    None,
                    how,
                );
            }
            assert_eq!(outs[1], outs[0], "{line:?}");
        }
        // A tab goes to annotate-snippets, which replaces it.
        let tabbed_columns = Columns::of("a\tb");
        let tabbed = crate::render::snippet::Plain {
            line: "a\tb",
            cols: tabbed_columns.all(),
            mark: 0..1,
            ..p
        };
        let mut drawn = String::from("before\n");
        assert!(!crate::render::snippet::render(&tabbed, &mut drawn));
        assert_eq!(drawn, "before\n", "nothing is left of a drawing given up");
        // A second, secondary mark: its label on the marks' row when it
        // ends two columns before the other mark, else two rows below.
        let line = "Optai said Openai";
        let columns = Columns::of(line);
        let two = |other| crate::render::snippet::Plain {
            line,
            cols: columns.all(),
            mark: 11..17,
            column: 12,
            other: Some(other),
            notes: &[],
            help: None,
            ..p
        };
        let head =
            "warning: «Openai» is written «OpenAI» [entity/variant]\n  --> a.txt:12:12\n   |\n";
        for (label, marks) in [
            ("here", "   | ----- here ^^^^^^ «Openai»"),
            (
                "the first",
                "   | -----      ^^^^^^ «Openai»\n   | |\n   | the first",
            ),
        ] {
            let mut drawn = String::new();
            assert!(crate::render::snippet::render(
                &two((0..5, label)),
                &mut drawn
            ));
            assert_eq!(drawn, format!("{head}12 | Optai said Openai\n{marks}"));
        }
        // Marks that overlap go to annotate-snippets.
        assert!(!crate::render::snippet::render(
            &two((4..12, "x")),
            &mut String::new()
        ));
    }

    /// Renders `marks` on `line`, trimmed or whole.
    fn group(line: &str, marks: impl Fn() -> Vec<Mark<'static>>, trim: bool) -> String {
        let mut out = String::new();
        let renderer = Renderer::plain().term_width(TERM_WIDTH);
        let f = finding(Span::new(0, 0), Vec::new());
        let column = line[..marks()[0].range.start].chars().count() + 1;
        let location = ("t.txt", 1, column);
        render_group(
            &mut out,
            &renderer,
            &f,
            "t",
            (line, false, &Columns::of(line)),
            location,
            &mut marks(),
            &[],
            None,
            (trim, false),
        );
        out
    }

    #[test]
    fn a_window_never_starts_in_a_run_of_spaces() {
        // Walking back from the mark ends 40 columns into the spaces: a
        // window that started there would be taken for an indented line.
        let line = format!(
            "{}{}{}X and more",
            "a".repeat(10),
            " ".repeat(60),
            "b".repeat(110)
        );
        let at = line.find('X').unwrap();
        let marks = || {
            vec![Mark {
                range: at..at + 1,
                label: "«X»".into(),
                primary: true,
            }]
        };
        let columns = Columns::of(&line);
        assert!(snippet_window(&line, columns.all(), &marks()).start > 0);
        assert_eq!(group(&line, marks, true), group(&line, marks, false));
    }

    #[test]
    fn the_width_shortcuts_agree_with_the_table() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            assert_eq!(char_width(c), char_width_by_table(c), "{c:?}");
        }
    }

    #[test]
    fn bidi_controls_are_named() {
        assert_eq!(visible("a\u{202E}b\u{2067} \u{200F}"), "a⟨RLO⟩b⟨RLI⟩ ⟨RLM⟩");
        assert_eq!(visible("مرحبا"), "مرحبا");
    }

    proptest::proptest! {
        /// The texts copied whole are those the characters' walk leaves
        /// as they are.
        #[test]
        fn a_text_copied_whole_is_one_with_nothing_to_show(
            s in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\t', '\n', '\r', '\u{1}', '\u{7F}', '\u{85}', 'é', '«', '\u{A0}',
                'ا', 'ج', '\u{61C}', '\u{71C}', '\u{200B}', '\u{200D}', '\u{200E}', '\u{200F}',
                '\u{2019}', '\u{202A}', '\u{202E}', '\u{202F}', '\u{2066}', '\u{2069}',
                '€', '\u{FEFF}', '\u{FFFD}', '😀',
            ]), 0..12).prop_map(|v| v.into_iter().collect::<String>())
        ) {
            let show_spaces = s.starts_with(' ') || s.ends_with(' ') || s.contains("  ");
            let mut walked = String::new();
            visible_chars(&mut walked, &s, show_spaces);
            proptest::prop_assert_eq!(visible(&s), walked);
        }
    }

    #[test]
    fn spaces_show_only_when_they_are_the_evidence() {
        assert_eq!(visible(" ،"), "␠،");
        assert_eq!(visible("  "), "␠␠");
        assert_eq!(visible("Elon Musk"), "Elon Musk");
    }
}
