//! Plain text: all of it is prose.
//!
//! Paragraphs are separated by blank lines when the file has any (so
//! hard-wrapped text keeps its paragraphs whole, with line breaks read as
//! spaces); otherwise every line is a paragraph, as in news feeds that put
//! one paragraph per line.

use super::View;
use crate::source::{OffsetMap, SourceFile, Span};

/// Lines of `text` from `start`: (content start, content end, next line
/// start). Lines end at `\n`, `\r\n` or a lone `\r`.
fn lines(text: &str, start: usize) -> Vec<(usize, usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut line_start = start;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((line_start, i, i + 1));
                line_start = i + 1;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push((line_start, i, end));
                line_start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if line_start < b.len() {
        out.push((line_start, b.len(), b.len()));
    }
    out
}

fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

pub(super) fn views(source: &SourceFile) -> Vec<View<'_>> {
    let text = &source.text;
    // A suppression line (`[factlint-disable RULE]`) is not prose: it is
    // left out, without ending the paragraph around it.
    let mut lines = lines(text, source.content_start);
    lines.retain(|&(s, e, _)| !crate::suppress::is_text_directive(&text[s..e]));
    let is_blank = |&(s, e, _): &(usize, usize, usize)| text[s..e].trim().is_empty();
    let mut paragraphs: Vec<Vec<(usize, usize)>> = Vec::new();
    if lines.iter().any(is_blank) {
        let mut current = Vec::new();
        for line in &lines {
            if is_blank(line) {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            } else {
                current.push((line.0, line.1));
            }
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
    } else {
        paragraphs.extend(lines.iter().map(|&(s, e, _)| vec![(s, e)]));
    }
    paragraphs
        .into_iter()
        .map(|lines| paragraph(text, &lines))
        .collect()
}

/// The view of one paragraph from its lines. A line break inside a
/// paragraph reads as one space, which stands for the line terminator and
/// the white space around it (trailing spaces, the next line's
/// indentation), so that hard-wrapped text shows no doubled space.
fn paragraph<'t>(text: &'t str, lines: &[(usize, usize)]) -> View<'t> {
    // One line: the view is that stretch of the text, borrowed.
    if let [(start, end)] = *lines {
        let mut map = OffsetMap::new();
        map.push_identity(0, start, end - start);
        return (text[start..end].into(), map);
    }
    // The view is never longer than the original stretch (a line break and
    // the white space around it become one space): reserved at once, the
    // string does not grow to twice its length.
    let stretch = lines.last().map_or(0, |l| l.1) - lines.first().map_or(0, |l| l.0);
    let mut view = String::with_capacity(stretch);
    let mut map = OffsetMap::new();
    let last = lines.len() - 1;
    let mut pending_break: Option<usize> = None;
    for (k, &(s, e)) in lines.iter().enumerate() {
        let mut start = s;
        let mut end = e;
        if let Some(break_start) = pending_break.take() {
            start = e - text[s..e].trim_start_matches(is_hspace).len();
            let from = view.len();
            view.push(' ');
            map.push_atomic(from, view.len(), Span::new(break_start, start));
        }
        if k < last {
            end = s + text[s..e].trim_end_matches(is_hspace).len();
            pending_break = Some(end);
        }
        map.push_identity(view.len(), start, end - start);
        view.push_str(&text[start..end]);
    }
    (view.into(), map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_line_paragraph_borrows_its_view_from_the_text() {
        use std::borrow::Cow;
        let text = "One line.\n\nTwo\nlines.\n";
        let b: Vec<super::super::Block> = [vec![(0, 9)], vec![(11, 14), (15, 21)]]
            .iter()
            .map(|lines| {
                let (view, map) = paragraph(text, lines);
                super::super::Block::new(view, map)
            })
            .collect();
        assert!(matches!(b[0].text, Cow::Borrowed("One line.")));
        assert_eq!(b[0].span_of(4..8), Span::new(4, 8));
        assert!(matches!(&b[1].text, Cow::Owned(v) if v == "Two lines."));
        assert_eq!(b[1].span_of(4..10), Span::new(15, 21));
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let l = lines(text, 0);
        assert_eq!(l, [(0, 1, 3), (3, 4, 5), (5, 6, 7), (7, 8, 8)]);
        // A final terminator makes no empty line; a BOM is skipped.
        assert_eq!(lines("\u{FEFF}x\r", 3), [(3, 4, 5)]);
        assert_eq!(lines("", 0), []);
        assert_eq!(lines("\n\n", 0), [(0, 0, 1), (1, 1, 2)]);
    }
}
