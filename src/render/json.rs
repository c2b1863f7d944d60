//! The JSON format, version 1.
//!
//! ```text
//! {"version": 1,
//!  "files": [{"path": "…", "language": "ar", "findings": [
//!     {"rule": "typography/mismatched-quotes", "category": "typography",
//!      "severity": "warning", "message": "…",
//!      "span": {"start": <byte>, "end": <byte>, "line": <1-based>,
//!               "column": <1-based, Unicode scalar values>,
//!               "end_line": …, "end_column": …},
//!      "text": "<the flagged substring>", "suggestions": ["…"],
//!      "fix": {"title": "…", "safety": "safe"|"unsafe"} | null,
//!      "related": [{"path": "…" (another file only), "span": {…}, "text": "…",
//!                   "message": "…"}]}],
//!    "amounts": [{"text": "97.4 مليار دولار", "span": {…}, "kind": "money"|"number"|"percent",
//!                 "value": "97400000000", "currency": "USD"|null,
//!                 "scale": "billion"|null, "hedge": "approx"|"min"|"max"|null}],
//!    "published": "2025-02-11"|null,
//!    "timeline": [{"text": "ديسمبر الماضي", "span": {…}, "date": "2024-12"|null,
//!                  "sentence": "…", "relative": "month=12 last" (relative only),
//!                  "hijri": "1446-08-10" (Hijri dates only)}]}],
//!  "summary": {"files": 1, "findings": N, "errors": N, "warnings": N, "infos": N,
//!              "baselined": N}}
//! ```
//!
//! `start`/`end` are byte offsets into the file as it is on disk (a byte
//! order mark counts); `line`/`column` are 1-based, columns counted in
//! Unicode scalar values. A related entry has a `path` only when its span
//! is in another file than the finding's (the original of a translation,
//! `--source`); its span is then in that file. A file that could not be checked has
//! `"language": null`, no findings and an `"error"` (or `"skipped"`) string.

use serde::Serialize;

use super::Summary;
use super::pretty::{Chunked, Nested};
use crate::finding::{Finding, Fix};
use crate::lint::FileReport;
use crate::source::{ColumnUnit, SourceFile, Span};

#[derive(Serialize)]
struct JsonSpan {
    start: u32,
    end: u32,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl JsonSpan {
    fn new(source: &SourceFile, span: Span) -> JsonSpan {
        let s = source.line_col(span.start as usize, ColumnUnit::Chars);
        let e = source.line_col(span.end as usize, ColumnUnit::Chars);
        JsonSpan {
            start: span.start,
            end: span.end,
            line: s.line,
            column: s.column,
            end_line: e.line,
            end_column: e.column,
        }
    }
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    /// The file of the span when it is not the finding's (the original
    /// of a translation).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    span: JsonSpan,
    text: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    span: JsonSpan,
    text: &'a str,
    suggestions: &'a [arcstr::ArcStr],
    fix: Option<&'a Fix>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonAmount<'a> {
    text: &'a str,
    span: JsonSpan,
    kind: &'static str,
    /// The value with the scale applied, as a decimal string.
    value: String,
    currency: Option<&'a str>,
    scale: Option<&'a str>,
    hedge: Option<&'static str>,
}

fn amount<'a>(source: &'a SourceFile, a: &'a crate::amount::AmountMention) -> JsonAmount<'a> {
    JsonAmount {
        text: source.text.get(a.span.range()).unwrap_or_default(),
        span: JsonSpan::new(source, a.span),
        kind: a.kind.as_str(),
        value: a.value.normalize().to_string(),
        currency: a.currency.as_deref(),
        scale: a.scale.as_deref(),
        hedge: a.hedge.map(crate::amount::Hedge::as_str),
    }
}

/// One dated mention of the timeline.
#[derive(Serialize)]
struct JsonDate<'a> {
    text: &'a str,
    span: JsonSpan,
    /// ISO 8601 at the precision of the text (`2019`, `2024-12`,
    /// `2025-02-10`, a week `2025-W06`), or null when unresolved.
    date: Option<String>,
    /// The sentence the mention is in ([`sentence_around`]).
    sentence: std::borrow::Cow<'a, str>,
    /// For a relative mention, what it says (`day-1`, `month=12 last`).
    #[serde(skip_serializing_if = "Option::is_none")]
    relative: Option<&'a str>,
    /// For a Hijri date, the date as written in the Hijri calendar.
    #[serde(skip_serializing_if = "Option::is_none")]
    hijri: Option<String>,
}

fn timeline<'a>(
    source: &'a SourceFile,
    dates: &'a [crate::date::DateMention],
) -> Vec<JsonDate<'a>> {
    crate::date::timeline(dates)
        .into_iter()
        .map(|d| JsonDate {
            text: source.text.get(d.span.range()).unwrap_or_default(),
            span: JsonSpan::new(source, d.span),
            date: d.iso(),
            sentence: sentence_around(&source.text, d.sentence.range(), d.span.range()),
            relative: d.relative.as_deref(),
            hijri: d.hijri.map(|(y, m, day)| format!("{y:04}-{m:02}-{day:02}")),
        })
        .collect()
}

/// The most of a sentence a timeline entry gives whole, in bytes.
const SENTENCE_MOST: usize = 1024;
/// How much of a longer sentence is given on either side of the mention,
/// in bytes.
const SENTENCE_AROUND: usize = 400;

/// The text of `sentence` (a byte range of `text`), trimmed, for the
/// timeline entry of the mention at `mention`. A sentence of more than
/// [`SENTENCE_MOST`] bytes (a paragraph without a full stop, a list of
/// dates run together, which a long file holds tens of thousands of) is
/// cut to the [`SENTENCE_AROUND`] bytes either side of the mention, at
/// white space where the window has some, with `…` where it is cut: each
/// of its mentions repeating the whole sentence made the report quadratic
/// in its length (1 MB of Hijri dates gave 3.6 GB of JSON).
fn sentence_around(
    text: &str,
    sentence: std::ops::Range<usize>,
    mention: std::ops::Range<usize>,
) -> std::borrow::Cow<'_, str> {
    let whole = text.get(sentence.clone()).unwrap_or_default();
    let trimmed = whole.trim();
    if trimmed.len() <= SENTENCE_MOST {
        return trimmed.into();
    }
    // Byte offsets in `text`, all on character boundaries.
    let start = sentence.start + (whole.len() - whole.trim_start().len());
    let end = start + trimmed.len();
    let at = mention.start.clamp(start, end);
    let until = mention.end.clamp(at, end);
    let mut from = at.saturating_sub(SENTENCE_AROUND).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = until.saturating_add(SENTENCE_AROUND).min(end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Whole words at the cuts: the one cut at each is left out.
    if from > start
        && let Some(i) = text[from..at].find(char::is_whitespace)
    {
        from += i;
    }
    if to < end
        && let Some(i) = text[until..to].rfind(char::is_whitespace)
    {
        to = until + i;
    }
    let mut out = String::with_capacity(to - from + 6);
    if from > start {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < end {
        out.push('…');
    }
    out.into()
}

/// A file's findings or figures, serialized one at a time as each is made:
/// a long article's findings as [`JsonFinding`]s at once would be megabytes
/// (14,527 of them for the Arabic 1 MB corpus) beside the report.
struct Each<'a, T, J> {
    /// `None` for a file that was not checked (no items).
    source: Option<&'a SourceFile>,
    items: &'a [T],
    json: fn(&'a SourceFile, &'a T) -> J,
}

impl<'a, T, J> Each<'a, T, J> {
    fn of(source: &'a SourceFile, items: &'a [T], json: fn(&'a SourceFile, &'a T) -> J) -> Self {
        Each {
            source: Some(source),
            items,
            json,
        }
    }

    fn none(json: fn(&'a SourceFile, &'a T) -> J) -> Self {
        Each {
            source: None,
            items: &[],
            json,
        }
    }
}

impl<T, J: Serialize> Serialize for Each<'_, T, J> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.source {
            Some(source) => {
                serializer.collect_seq(self.items.iter().map(|item| (self.json)(source, item)))
            }
            None => serializer.collect_seq(std::iter::empty::<J>()),
        }
    }
}

/// A file's entry: what comes before its findings, the findings, the rest
/// (a long file's entry is written in these three parts, its findings
/// serialized on all cores: [`Writer::file`]).
#[derive(Serialize)]
struct JsonFile<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    findings: Each<'a, Finding, JsonFinding<'a>>,
    #[serde(flatten)]
    rest: Rest<'a>,
}

#[derive(Serialize)]
struct Head<'a> {
    path: &'a str,
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct Rest<'a> {
    /// Every figure the tool understood.
    amounts: Each<'a, crate::amount::AmountMention, JsonAmount<'a>>,
    /// The publication date the dates were resolved against.
    published: Option<String>,
    /// Every dated mention, in chronological order.
    timeline: Vec<JsonDate<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a str>,
}

fn finding<'a>(source: &'a SourceFile, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: f.rule(),
        category: f.category().as_str(),
        severity: f.severity().as_str(),
        message: &f.message,
        span: JsonSpan::new(source, f.span),
        text: f.text(&source.text),
        suggestions: f.suggestions(),
        fix: f.fix(),
        related: f
            .related()
            .iter()
            .map(|r| JsonRelated {
                path: r.other_path(),
                span: JsonSpan::new(r.source(source), r.span),
                text: r.text(source),
                message: &r.message,
            })
            .collect(),
    }
}

/// Renders the reports as one JSON document (pretty-printed, with a final
/// newline).
pub fn render(reports: &[FileReport]) -> String {
    render_baselined(reports, 0)
}

/// Renders the reports, with `summary.baselined`: how many findings a
/// baseline (`--baseline`) hid.
pub fn render_baselined(reports: &[FileReport], baselined: usize) -> String {
    let mut out = Vec::new();
    write_baselined(&mut out, reports, baselined).expect("a Vec takes every byte");
    String::from_utf8(out).expect("JSON is text")
}

/// [`render_baselined`], serialized straight into `w`.
pub fn write_baselined(
    w: &mut dyn std::io::Write,
    reports: &[FileReport],
    baselined: usize,
) -> std::io::Result<()> {
    let mut writer = Writer::new(w)?;
    for r in reports {
        writer.file(w, r)?;
    }
    writer.finish(w, baselined)
}

/// One file's entry of the report.
fn json_file(r: &FileReport) -> JsonFile<'_> {
    match r {
        FileReport::Checked {
            source,
            lang,
            findings,
            amounts,
            dates,
            published,
        } => JsonFile {
            head: Head {
                path: &source.path,
                language: Some(lang.code()),
            },
            findings: Each::of(source, findings, finding),
            rest: Rest {
                amounts: Each::of(source, amounts, amount),
                published: published.map(|p| p.to_string()),
                timeline: timeline(source, dates),
                error: None,
                skipped: None,
            },
        },
        FileReport::Binary { path } => JsonFile {
            head: Head {
                path,
                language: None,
            },
            findings: Each::none(finding),
            rest: Rest {
                amounts: Each::none(amount),
                published: None,
                timeline: Vec::new(),
                error: None,
                skipped: Some("binary file"),
            },
        },
        FileReport::Error(e) => JsonFile {
            head: Head {
                path: e.path(),
                language: None,
            },
            findings: Each::none(finding),
            rest: Rest {
                amounts: Each::none(amount),
                published: None,
                timeline: Vec::new(),
                error: Some(e.to_string()),
                skipped: None,
            },
        },
    }
}

/// Writes a long file's `entry` in three parts: its head, serialized as an
/// object whose closing is left out; its `findings`, serialized in tasks
/// on the pool's threads and written in order as they are done; the rest,
/// serialized as an object whose opening is left out. The same bytes as
/// the entry serialized whole.
fn split_entry(
    out: &mut Chunked<'_>,
    entry: &JsonFile<'_>,
    source: &SourceFile,
    findings: &[Finding],
) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut head, Nested::at(2));
    entry.head.serialize(&mut ser)?;
    // The object's closing, at the entry's depth.
    let close = b"\n    }";
    debug_assert!(head.ends_with(close), "a head of two fields");
    head.truncate(head.len().saturating_sub(close.len()));
    head.extend_from_slice(b",\n      \"findings\": [");
    std::io::Write::write_all(out, &head)?;
    out.flush_buf()?;
    // Each task: where its run starts, and the run.
    let runs: Vec<(usize, &[Finding])> = findings
        .chunks(SPLIT_TASK)
        .enumerate()
        .map(|(i, run)| (i * SPLIT_TASK, run))
        .collect();
    let serialize = |&(start, run): &(usize, &[Finding])| -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        for (i, f) in run.iter().enumerate() {
            // Every finding but the file's first follows a comma.
            super::pretty::item(&mut buf, start + i == 0, FINDING_LEVEL, &finding(source, f))?;
        }
        Ok(buf)
    };
    crate::ordered::write_each(&runs, SPLIT_AHEAD, serialize, &mut *out.out)?;
    std::io::Write::write_all(out, b"\n      ],")?;
    let mut rest = AfterFirst {
        out: &mut *out,
        skipped: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut rest, Nested::at(2));
    entry.rest.serialize(&mut ser)?;
    out.flush_buf()
}

/// The JSON report written a file at a time, as each file is checked:
/// [`Writer::new`] opens it, [`Writer::file`] adds each report in order,
/// [`Writer::finish`] closes it with the summary. The same bytes as
/// [`render_baselined`] (pretty-printed, final newline).
pub struct Writer {
    summary: Summary,
    /// The buffer an entry is pretty-printed into (reused; see [`Chunked`]).
    entry: Vec<u8>,
    /// A long file's findings may be serialized on all the threads of
    /// rayon's pool (see [`crate::ordered::split_document`]).
    split: bool,
}

/// How many findings of a long file one task serializes, on one core (as
/// in the human report: each task costs a hand-over between threads; with
/// 64, the Arabic 1 MB file's report took 2 ms more).
const SPLIT_TASK: usize = 128;

/// How many tasks a thread may serialize ahead of the last one written.
const SPLIT_AHEAD: usize = 4;

/// The depth of a finding in the report (`files`, the entry, `findings`).
const FINDING_LEVEL: usize = 4;

/// Output that drops the first byte written to it: the `{` of the part of
/// an entry that follows its findings, serialized as an object of its own.
struct AfterFirst<'a, W: ?Sized> {
    out: &'a mut W,
    skipped: bool,
}

impl<W: std::io::Write + ?Sized> std::io::Write for AfterFirst<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        if !self.skipped && !bytes.is_empty() {
            self.skipped = true;
            bytes = &bytes[1..];
        }
        self.out.write_all(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Writer {
    pub fn new(w: &mut dyn std::io::Write) -> std::io::Result<Writer> {
        w.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        Ok(Writer {
            summary: Summary::default(),
            entry: Vec::new(),
            split: false,
        })
    }

    /// Allows a long file's findings to be serialized on all the threads
    /// of rayon's pool: only for a caller that runs nothing else on the
    /// pool meanwhile (see [`crate::ordered::split_document`]).
    #[must_use]
    pub fn split(mut self, split: bool) -> Writer {
        self.split = split;
        self
    }

    /// Adds one file's entry.
    pub fn file(&mut self, w: &mut dyn std::io::Write, report: &FileReport) -> std::io::Result<()> {
        if self.summary.files > 0 {
            w.write_all(b",")?;
        }
        self.summary.add(report);
        self.entry.clear();
        // Pretty-printed already at its depth in the report (two levels),
        // into a buffer written a chunk at a time.
        self.entry.extend_from_slice(b"\n    ");
        let mut chunked = Chunked {
            buf: &mut self.entry,
            out: w,
        };
        let entry = json_file(report);
        if let FileReport::Checked {
            source, findings, ..
        } = report
            && findings.len() > SPLIT_TASK
            && crate::ordered::split_document(self.split, source.text.len())
        {
            return split_entry(&mut chunked, &entry, source, findings);
        }
        let mut ser = serde_json::Serializer::with_formatter(&mut chunked, Nested::at(2));
        entry.serialize(&mut ser)?;
        chunked.flush_buf()
    }

    /// Closes the list of files and writes the summary.
    pub fn finish(&self, w: &mut dyn std::io::Write, baselined: usize) -> std::io::Result<()> {
        if self.summary.files > 0 {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"],\n  \"summary\": ")?;
        let mut summary = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut summary, Nested::at(1));
        Summary {
            baselined,
            ..self.summary
        }
        .serialize(&mut ser)?;
        let mut out = summary;
        out.extend_from_slice(b"\n}\n");
        w.write_all(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;
    use crate::{Lang, Linter, RuleSet};

    /// The whole report as one value, as it was serialized before it was
    /// written a file at a time.
    #[derive(Serialize)]
    struct JsonReport<'a> {
        version: u32,
        files: Vec<JsonFile<'a>>,
        summary: Summary,
    }

    fn whole(reports: &[FileReport], baselined: usize) -> String {
        let report = JsonReport {
            version: 1,
            files: reports.iter().map(json_file).collect(),
            summary: Summary {
                baselined,
                ..Summary::of(reports)
            },
        };
        serde_json::to_string_pretty(&report).expect("it serializes") + "\n"
    }

    #[test]
    fn a_short_sentence_is_given_whole_and_trimmed() {
        let text = "  In 2019 it began.  Then more.";
        let sentence = 0..19;
        assert_eq!(sentence_around(text, sentence, 5..9), "In 2019 it began.");
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_mention_at_white_space() {
        // Words of five letters and a space: the window's edges fall inside
        // words, which are left out whole.
        let words = |n: usize, w: &str| vec![w; n].join(" ");
        let text = format!("{} in 2019 ,{}", words(400, "aaaaa"), words(400, "ccccc"));
        let at = text.find("2019").expect("the mention");
        let cut = sentence_around(&text, 0..text.len(), at..at + 4);
        assert!(cut.starts_with("…aaaaa "), "{cut}");
        assert!(cut.ends_with(" ccccc…"), "{cut}");
        assert!(cut.contains("aaaaa in 2019 ,ccccc"), "{cut}");
        let inner = cut.trim_matches('…');
        assert!(text.contains(inner));
        assert!(inner.len() <= 2 * SENTENCE_AROUND + 4, "{}", inner.len());
        assert!(inner.len() >= 2 * SENTENCE_AROUND - 12, "{}", inner.len());
        // At either end of the sentence, only the other side is cut.
        let first = sentence_around(&text, 0..text.len(), 0..5);
        assert!(
            first.starts_with("aaaaa ") && first.ends_with('…'),
            "{first}"
        );
        let n = text.len();
        let last = sentence_around(&text, 0..n, n - 5..n);
        assert!(last.starts_with('…') && last.ends_with(" ccccc"), "{last}");
    }

    #[test]
    fn a_long_sentence_without_white_space_is_cut_at_characters() {
        // Two-byte letters, and odd offsets: the cuts move to boundaries.
        let text = format!("{}2019{}", "ب".repeat(1001), "ت".repeat(1001));
        let at = text.find("2019").expect("the mention");
        let cut = sentence_around(&text, 0..text.len(), at..at + 4);
        let inner = cut.trim_matches('…');
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(inner.contains("2019") && text.contains(inner));
        assert!(inner.len() <= 2 * SENTENCE_AROUND + 4);
    }

    #[test]
    fn the_report_written_file_by_file_is_the_whole_report() {
        let linter = Linter::new(RuleSet::embedded().expect("rules"), Some(Lang::En));
        let seed = include_str!("../../seeds/000_1da055f338dfc321.txt");
        let checked = [
            linter.check_text("seed.txt", seed, Format::Text),
            linter.check_text(
                "a \"quoted\"\nname.md",
                "He said : \"no\n\nteh the the end\tof it",
                Format::Markdown,
            ),
            linter.check_text("empty.txt", "", Format::Text),
        ];
        let skipped = FileReport::Binary {
            path: "b.bin".into(),
        };
        let failed = FileReport::Error(crate::error::InputError::Io {
            path: "gone.txt".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
        // Long enough that its findings are serialized on two threads
        // when the writer may split (many tasks of them), with its figures
        // and dates after them.
        let arabic = Linter::new(RuleSet::embedded().expect("rules"), Some(Lang::Ar));
        let long = seed.repeat(crate::ordered::SPLIT_BYTES / seed.len() + 1);
        let long = arabic.check_text("long.txt", &long, Format::Text);
        let [seed, quoted, empty] = checked;
        let all = [seed, skipped, long, quoted, failed, empty];
        assert!(Summary::of(&all[2..3]).findings > 4 * SPLIT_TASK);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        for n in 0..=all.len() {
            for baselined in [0, 3] {
                let expected = whole(&all[..n], baselined);
                let streamed = render_baselined(&all[..n], baselined);
                assert_eq!(streamed, expected, "{n} files");
                let split = pool.install(|| {
                    let mut out = Vec::new();
                    let mut writer = Writer::new(&mut out).expect("in memory").split(true);
                    for r in &all[..n] {
                        writer.file(&mut out, r).expect("in memory");
                    }
                    writer.finish(&mut out, baselined).expect("in memory");
                    String::from_utf8(out).expect("UTF-8")
                });
                assert_eq!(split, expected, "{n} files, split");
                serde_json::from_str::<serde_json::Value>(&streamed).expect("valid JSON");
            }
        }
    }

    /// Output that keeps each write apart.
    #[derive(Default)]
    struct Writes(Vec<Vec<u8>>);

    impl std::io::Write for Writes {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.push(bytes.to_vec());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn findings_and_figures_are_serialized_one_by_one_as_the_lists_they_are() {
        let linter = Linter::new(RuleSet::embedded().expect("rules"), Some(Lang::Ar));
        let seed = include_str!("../../seeds/000_1da055f338dfc321.txt");
        let report = linter.check_text("seed.txt", seed, Format::Text);
        let FileReport::Checked {
            source,
            findings,
            amounts,
            ..
        } = &report
        else {
            panic!("checked");
        };
        assert!(findings.len() > 10 && amounts.len() > 5);
        let value = serde_json::to_value(json_file(&report)).expect("serialized");
        let listed: Vec<JsonFinding<'_>> = findings.iter().map(|f| finding(source, f)).collect();
        assert_eq!(
            value["findings"],
            serde_json::to_value(listed).expect("list")
        );
        let listed: Vec<JsonAmount<'_>> = amounts.iter().map(|a| amount(source, a)).collect();
        assert_eq!(
            value["amounts"],
            serde_json::to_value(listed).expect("list")
        );
        // A file that was not checked has empty lists.
        let binary = FileReport::Binary {
            path: "image.txt".to_owned(),
        };
        let value = serde_json::to_value(json_file(&binary)).expect("serialized");
        assert_eq!(value["findings"], serde_json::json!([]));
        assert_eq!(value["amounts"], serde_json::json!([]));
    }

    #[test]
    fn a_long_entry_is_written_in_bounded_chunks() {
        let linter = Linter::new(RuleSet::embedded().expect("rules"), Some(Lang::Ar));
        let seed = include_str!("../../seeds/000_1da055f338dfc321.txt");
        let long = [linter.check_text("long.txt", &seed.repeat(6), Format::Text)];
        let mut writes = Writes::default();
        write_baselined(&mut writes, &long, 0).expect("written");
        let joined: Vec<u8> = writes.0.concat();
        assert_eq!(String::from_utf8(joined).expect("text"), whole(&long, 0));
        let sizes: Vec<usize> = writes.0.iter().map(Vec::len).collect();
        assert!(
            sizes
                .iter()
                .filter(|&&n| n >= crate::render::pretty::CHUNK)
                .count()
                >= 3,
            "the entry comes in several chunks: {sizes:?}"
        );
        // A chunk is written as soon as it passes the bound: never more
        // than the bound and one of serde_json's writes (a string).
        assert!(
            sizes
                .iter()
                .all(|&n| n < crate::render::pretty::CHUNK + 4096),
            "bounded chunks: {sizes:?}"
        );
    }
}
