//! Markdown: prose blocks from pulldown-cmark's events and byte offsets.
//!
//! Code blocks, inline code, raw HTML (comments included), link targets,
//! autolinks, images and front matter are not prose. Inline code, inline
//! HTML, autolinks and images inside a paragraph become a [`PLACEHOLDER`] so
//! that the words around them stay apart; link text is prose.
//!
//! Front matter (YAML between `---` lines, TOML between `+++` lines) is read
//! here, only at the very start of the file, whatever its line endings;
//! pulldown-cmark parses the text after it.
//!
//! NOTE: pulldown-cmark ranges are byte offsets into the text it was given
//! (the file after the byte order mark and front matter); adding that start
//! makes them byte offsets into the whole file, the same unit as our spans.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{FrontMatter, PLACEHOLDER, View};
use crate::source::{OffsetMap, SourceFile, Span};

#[derive(Default)]
struct Builder {
    view: String,
    map: OffsetMap,
    views: Vec<View<'static>>,
}

impl Builder {
    fn flush(&mut self) {
        let view = std::mem::take(&mut self.view);
        let map = std::mem::take(&mut self.map);
        if !view.trim().is_empty() {
            self.views.push((view.into(), map));
        }
    }

    /// Appends a text event. Its characters are aligned with the source
    /// range, skipping backslash escapes (`\*`), so that each one maps to
    /// its own source byte; text that cannot be aligned (an entity such as
    /// `&amp;`) maps to the whole range as one piece.
    fn push_text(&mut self, src: &str, range: std::ops::Range<usize>, text: &str) {
        let raw = &src[range.clone()];
        let from = self.view.len();
        self.view.push_str(text);
        let mut pieces = Vec::new(); // (view offset, source offset, len)
        let (mut v, mut r) = (0usize, 0usize);
        for c in text.chars() {
            let rest = &raw[r..];
            if rest.starts_with('\\') && c.is_ascii_punctuation() && rest[1..].starts_with(c) {
                r += 1; // an escaped character
            } else if !rest.starts_with(c) {
                pieces.clear();
                break;
            }
            pieces.push((from + v, range.start + r, c.len_utf8()));
            v += c.len_utf8();
            r += c.len_utf8();
        }
        if v == text.len() && r == raw.len() {
            for (at, orig, len) in pieces {
                self.map.push_identity(at, orig, len);
            }
        } else {
            // An entity (`&amp;`) or other replaced text: map it as a whole.
            self.map
                .push_atomic(from, self.view.len(), Span::new(range.start, range.end));
        }
    }

    fn push_atomic(&mut self, s: &str, orig: Span) {
        let from = self.view.len();
        self.view.push_str(s);
        self.map.push_atomic(from, self.view.len(), orig);
    }
}

/// Reads `key: value` (YAML) or `key = value` (TOML) lines of a front
/// matter block.
fn read_front_matter(text: &str, span: Span) -> FrontMatter {
    let mut fm = FrontMatter {
        span: Some(span),
        ..FrontMatter::default()
    };
    let mut date = None;
    for line in text.split(['\n', '\r']) {
        // Only top-level keys: an indented line belongs to a nested value.
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim();
        let value = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            // A YAML or TOML comment after an unquoted value.
            _ => value.split(" #").next().unwrap_or_default(),
        }
        .trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "published" => fm.published = Some(value.to_owned()),
            "date" => date = date.or(Some(value.to_owned())),
            "lang" | "language" => fm.lang = Some(value.to_owned()),
            "source" => fm.source = Some(value.to_owned()),
            _ => {}
        }
    }
    if fm.published.is_none() {
        fm.published = date;
    }
    fm
}

/// The end of the line that starts at `at`, and the start of the next one
/// (a line ends at `\n`, `\r\n` or a lone `\r`).
fn line_at(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    match b[at..].iter().position(|&c| c == b'\n' || c == b'\r') {
        None => (text.len(), text.len()),
        Some(i) => {
            let end = at + i;
            let next = if b[end] == b'\r' && b.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
            (end, next)
        }
    }
}

/// Front matter at the very start of the text (from `start`): a YAML block
/// between `---` lines (closed by `---` or `...`) or a TOML block between
/// `+++` lines. Returns the front matter, its body, and the byte where the
/// Markdown after it starts.
fn split_front_matter(text: &str, start: usize) -> Option<(FrontMatter, usize)> {
    let (first_end, mut at) = line_at(text, start);
    let fence = text[start..first_end].trim_end_matches([' ', '\t']);
    let closers: &[&str] = match fence {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    if at == first_end || line_at(text, at).0 == at {
        // The fence is the whole text, or a blank line follows it: a
        // thematic break, not front matter.
        return None;
    }
    let body_start = at;
    while at < text.len() {
        let (end, next) = line_at(text, at);
        if closers.contains(&text[at..end].trim_end_matches([' ', '\t'])) {
            let fm = read_front_matter(&text[body_start..at], Span::new(start, end));
            return Some((fm, next));
        }
        at = next;
    }
    None
}

/// What is being skipped: its content is not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    Code,
    Html,
    /// An autolink or e-mail link: the placeholder stands for it.
    Autolink,
    /// An image: its alt text is not read; the placeholder stands for it.
    Image,
}

/// The byte ranges of raw HTML (HTML blocks and inline HTML, comments
/// included) in the Markdown after the front matter: where inline
/// suppression comments are read (see `crate::suppress`), so that a comment
/// shown in a code block or inline code is not one.
pub(crate) fn raw_html(source: &SourceFile) -> Vec<std::ops::Range<usize>> {
    let src = source.text.as_str();
    let start = split_front_matter(src, source.content_start)
        .map_or(source.content_start, |(_, start)| start);
    Parser::new_ext(&src[start..], OPTIONS)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .map(|(_, r)| r.start + start..r.end + start)
        .collect()
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

pub(super) fn parse(source: &SourceFile) -> (FrontMatter, Vec<View<'static>>) {
    let src = source.text.as_str();
    let (front_matter, start) = split_front_matter(src, source.content_start)
        .unwrap_or((FrontMatter::default(), source.content_start));
    let parser = Parser::new_ext(&src[start..], OPTIONS).into_offset_iter();
    let mut b = Builder::default();
    // Open elements whose content is not prose, innermost last.
    let mut skip: Vec<Skip> = Vec::new();
    for (event, range) in parser {
        let range = range.start + start..range.end + start;
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                b.flush();
                skip.push(Skip::Code);
            }
            Event::Start(Tag::HtmlBlock) => {
                b.flush();
                skip.push(Skip::Html);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => {
                if skip.is_empty() {
                    b.push_atomic(&PLACEHOLDER.to_string(), span);
                }
                skip.push(Skip::Autolink);
            }
            Event::Start(Tag::Image { .. }) => {
                if skip.is_empty() {
                    b.push_atomic(&PLACEHOLDER.to_string(), span);
                }
                skip.push(Skip::Image);
            }
            Event::End(TagEnd::CodeBlock) if skip.last() == Some(&Skip::Code) => {
                skip.pop();
            }
            Event::End(TagEnd::HtmlBlock) if skip.last() == Some(&Skip::Html) => {
                skip.pop();
            }
            Event::End(TagEnd::Link) if skip.last() == Some(&Skip::Autolink) => {
                skip.pop();
            }
            Event::End(TagEnd::Image) if skip.last() == Some(&Skip::Image) => {
                skip.pop();
            }
            _ if !skip.is_empty() => {}
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_),
            ) => b.flush(),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => b.flush(),
            Event::Text(t) => b.push_text(src, range, &t),
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => b.push_atomic(&PLACEHOLDER.to_string(), span),
            Event::SoftBreak => b.push_atomic(" ", span),
            Event::HardBreak => b.push_atomic("\n", span),
            Event::Html(_) | Event::InlineHtml(_) => {
                // Raw HTML and comments are not prose; a placeholder keeps
                // the words around them apart without doubling spaces.
                b.push_atomic(&PLACEHOLDER.to_string(), span);
            }
            Event::Rule | Event::TaskListMarker(_) | Event::Start(_) | Event::End(_) => {}
        }
    }
    b.flush();
    (front_matter, b.views)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_with_any_line_ending() {
        for nl in ["\n", "\r\n", "\r"] {
            let text = [
                "---",
                "title: \"A: b\"",
                "published: 2024-03-01T10:00:00+01:00",
                "lang: fr # French",
                "---",
                "",
                "Texte",
            ]
            .join(nl);
            let (fm, body) = split_front_matter(&text, 0).expect("front matter");
            assert_eq!(fm.published.as_deref(), Some("2024-03-01T10:00:00+01:00"));
            assert_eq!(fm.lang.as_deref(), Some("fr"));
            let span = fm.span.expect("span").range();
            assert!(text[span.clone()].starts_with("---") && text[span].ends_with("---"));
            assert!(text[body..].trim_start().starts_with("Texte"), "{nl:?}");
        }
    }

    #[test]
    fn toml_front_matter_and_yaml_closed_by_dots() {
        let text = "+++\ntitle = \"x = y\"\nlanguage = 'ar'\ndate = 2024-01-02\n+++\nنص";
        let (fm, body) = split_front_matter(text, 0).expect("front matter");
        assert_eq!(fm.lang.as_deref(), Some("ar"));
        assert_eq!(fm.published.as_deref(), Some("2024-01-02"));
        assert_eq!(&text[body..], "نص");
        let text = "---\ndate: 2020-01-01\npublished: 2021-02-03\n...\nx";
        let (fm, body) = split_front_matter(text, 0).expect("front matter");
        assert_eq!(fm.published.as_deref(), Some("2021-02-03"));
        assert_eq!(&text[body..], "x");
    }

    #[test]
    fn nested_keys_are_not_read() {
        let text = "---\nauthor:\n  lang: en\nlang: ar\n---\n";
        let (fm, _) = split_front_matter(text, 0).expect("front matter");
        assert_eq!(fm.lang.as_deref(), Some("ar"));
    }

    #[test]
    fn thematic_breaks_and_unclosed_fences_are_not_front_matter() {
        assert!(split_front_matter("---\n\nText\n\n---\n", 0).is_none());
        assert!(split_front_matter("---\nlang: fr\nno end\n", 0).is_none());
        assert!(split_front_matter("---", 0).is_none());
        assert!(split_front_matter("----\nlang: fr\n----\n", 0).is_none());
        assert!(split_front_matter("text\n---\nlang: fr\n---\n", 0).is_none());
        // After a byte order mark.
        let text = "\u{FEFF}---\nlang: ar\n---\nx";
        assert!(split_front_matter(text, 3).is_some());
    }
}
