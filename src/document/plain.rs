//! Plain text: all of it is prose.
//!
//! Paragraphs are separated by blank lines when the file has any (so
//! hard-wrapped text keeps its paragraphs whole, with line breaks read as
//! spaces); otherwise every line is a paragraph, as in news feeds that put
//! one paragraph per line.

use super::View;
use crate::source::{Format, OffsetMap, SourceFile, Span};

/// Lines of `text` from `start`: (content start, content end, next line
/// start). Lines end at `\n`, `\r\n` or a lone `\r`.
fn lines(text: &str, start: usize) -> Lines<'_> {
    Lines {
        b: text.as_bytes(),
        at: start,
    }
}

/// The iterator of [`lines`].
struct Lines<'t> {
    b: &'t [u8],
    at: usize,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        let rest = self.b.get(start..).filter(|r| !r.is_empty())?;
        let line = match memchr::memchr2(b'\n', b'\r', rest) {
            Some(k) => {
                let end = start + k;
                let crlf = rest[k] == b'\r' && rest.get(k + 1) == Some(&b'\n');
                (start, end, end + 1 + usize::from(crlf))
            }
            None => (start, self.b.len(), self.b.len()),
        };
        self.at = line.2;
        Some(line)
    }
}

fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// The paragraphs of a plain text file, each as the (start, end) of its
/// lines' content.
fn paragraphs(source: &SourceFile) -> Vec<Vec<(usize, usize)>> {
    let text = &source.text;
    // A suppression line (`[factlint-disable RULE]`) is not prose: it is
    // left out, without ending the paragraph around it.
    let mut lines: Vec<_> = lines(text, source.content_start).collect();
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
}

pub(super) fn views(source: &SourceFile) -> Vec<View<'_>> {
    paragraphs(source)
        .into_iter()
        .map(|lines| paragraph(&source.text, &lines))
        .collect()
}

/// The soft line breaks of a plain text file: where [`soften`] wrote a
/// space over a line feed, to be written back by [`SoftBreaks::restore`].
#[derive(Debug, Default)]
#[must_use = "the text holds spaces for its line breaks until they are restored"]
pub struct SoftBreaks(Vec<u32>);

/// Writes a space over each *soft* line break of a plain text file: a lone
/// `\n` inside a paragraph between a line that does not end with white
/// space and one that does not start with it.
///
/// The prose view of a paragraph reads its line breaks as spaces (see
/// `paragraph`); a paragraph whose breaks are all soft is then one line
/// of the softened text, and its view is borrowed from it instead of being
/// a copy. Hard-wrapped files (every paragraph broken over lines, as in
/// e-mail and news feeds with blank lines between articles) would
/// otherwise be held twice while they are checked. The views, their maps
/// and the spans are the same as over the text itself: a soft break is one
/// byte, and its space maps to it. Nothing changes where the joined lines
/// would read as a suppression line.
pub fn soften(source: &mut SourceFile) -> SoftBreaks {
    // The breaks are kept as `u32`: a text of 4 GiB or more (never read
    // from a file, see `crate::source::MAX_INPUT_BYTES`, but one a caller
    // of the library may build) is left as it is.
    if source.format != Format::Text || u32::try_from(source.text.len()).is_err() {
        return SoftBreaks::default();
    }
    let text = source.text.as_str();
    let is_blank = |&(s, e, _): &(usize, usize, usize)| text[s..e].trim().is_empty();
    let mut any_blank = false;
    let directives = text.contains("factlint-");
    let mut soft = Vec::new();
    // The soft breaks of the paragraph under way (from `kept` on), the
    // paragraph's last line, and whether its lines name a directive.
    let mut kept = 0;
    let mut last: Option<(usize, usize)> = None;
    let mut named = false;
    for line in lines(text, source.content_start) {
        let (s, e, _) = line;
        if is_blank(&line) {
            any_blank = true;
            if named {
                soft.truncate(kept);
            }
            (kept, last, named) = (soft.len(), None, false);
            continue;
        }
        // A suppression line is left out of its paragraph (see
        // `paragraphs`): the lines around it are not neighbours.
        if directives && crate::suppress::is_text_directive(&text[s..e]) {
            continue;
        }
        named |= directives && text[s..e].contains("factlint-");
        if let Some((s1, e1)) = last
            && e1 + 1 == s
            && text.as_bytes()[e1] == b'\n'
            && !text[s1..e1].ends_with(is_hspace)
            && !text[s..e].starts_with(is_hspace)
        {
            // Exact: the text is shorter than 4 GiB (checked above).
            soft.push(e1 as u32);
        }
        last = Some((s, e));
    }
    if named {
        soft.truncate(kept);
    }
    // Without a blank line, every line is a paragraph (see `paragraphs`).
    if !any_blank {
        return SoftBreaks::default();
    }
    for &at in &soft {
        source.text.replace_range(at as usize..=at as usize, " ");
    }
    SoftBreaks(soft)
}

impl SoftBreaks {
    /// Writes the line feeds back.
    pub fn restore(self, source: &mut SourceFile) {
        for at in self.0 {
            source.text.replace_range(at as usize..=at as usize, "\n");
        }
    }
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

    /// The views of `source` as (text, original span of every view range
    /// from a char boundary to the next).
    fn read(source: &SourceFile) -> Vec<(String, Vec<Span>)> {
        views(source)
            .into_iter()
            .map(|(view, map)| {
                let bounds: Vec<usize> = view
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([view.len()])
                    .collect();
                let spans = bounds.windows(2).map(|w| map.to_orig(w[0], w[1])).collect();
                (view.into_owned(), spans)
            })
            .collect()
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_borrowed_once_softened() {
        let text = "One\nparagraph here.\n\nTwo  \nlines, and\n three.\n";
        let mut source = SourceFile::from_text("a.txt", text.to_owned(), Format::Text);
        let before = read(&source);
        let soft = soften(&mut source);
        // Only the first break is soft: the others have white space around.
        assert_eq!(soft.0, [3]);
        assert_eq!(source.text, text.replacen('\n', " ", 1));
        let softened = views(&source);
        assert!(matches!(
            softened[0].0,
            std::borrow::Cow::Borrowed("One paragraph here.")
        ));
        assert!(matches!(softened[1].0, std::borrow::Cow::Owned(_)));
        assert_eq!(read(&source), before);
        soft.restore(&mut source);
        assert_eq!(source.text, text);
        // Lines that would read as a suppression line once joined are left
        // as they are; the lines around a suppression line are no
        // neighbours, and the paragraph's other breaks are soft.
        for (text, breaks) in [
            (
                "Lead.\n\n[factlint-disable\nentity/variant]\n\nA\nB",
                vec![43],
            ),
            ("Lead.\n\n[factlint-disable\nentity/variant]\n", vec![]),
            (
                "A\nB\n[factlint-disable entity/variant]\nC\nD\n\nE",
                vec![1, 39],
            ),
        ] {
            let mut source = SourceFile::from_text("a.txt", text.to_owned(), Format::Text);
            let before = read(&source);
            let soft = soften(&mut source);
            assert_eq!(soft.0, breaks, "{text:?}");
            assert_eq!(read(&source), before, "{text:?}");
            soft.restore(&mut source);
        }
        // Markdown has views of its own, and a file without a blank line
        // has a paragraph a line.
        for (text, format) in [("a\nb\n\nc", Format::Markdown), ("a\nb\nc", Format::Text)] {
            let mut source = SourceFile::from_text("a", text.to_owned(), format);
            assert!(soften(&mut source).0.is_empty());
        }
    }

    proptest::proptest! {
        /// Softened, a plain text file reads as the same views mapped to the
        /// same spans (suppression lines, line ends of every kind, white
        /// space at either end of a line, blank lines), and restoring gives
        /// back every byte.
        #[test]
        fn softened_text_reads_the_same_and_is_restored(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b c", "ب", "\n", "\n", "\n", "\r\n", "\r", " ", "\t", "\u{a0}",
                "[factlint-disable x]", "[factlint-", "disable x]", "\u{FEFF}", ".",
            ]), 0..40),
        ) {
            let text: String = pieces.concat();
            let mut source = SourceFile::from_text("a.txt", text.clone(), Format::Text);
            let before = read(&source);
            let soft = soften(&mut source);
            proptest::prop_assert_eq!(read(&source), before);
            soft.restore(&mut source);
            proptest::prop_assert_eq!(source.text, text);
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let l: Vec<_> = lines(text, 0).collect();
        assert_eq!(l, [(0, 1, 3), (3, 4, 5), (5, 6, 7), (7, 8, 8)]);
        // A final terminator makes no empty line; a BOM is skipped.
        assert_eq!(lines("\u{FEFF}x\r", 3).collect::<Vec<_>>(), [(3, 4, 5)]);
        assert_eq!(lines("", 0).next(), None);
        assert_eq!(lines("\n\n", 0).collect::<Vec<_>>(), [(0, 0, 1), (1, 1, 2)]);
    }
}
