//! Markdown: prose blocks from pulldown-cmark's events and byte offsets.
//!
//! Code blocks, inline code, raw HTML (comments included), link targets,
//! autolinks and front matter are not prose. Inline code inside a paragraph
//! becomes a [`PLACEHOLDER`] so that the words around it stay apart.
//!
//! NOTE: pulldown-cmark ranges are byte offsets into the whole file, the
//! same unit as our spans.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Block, FrontMatter, PLACEHOLDER};
use crate::source::{OffsetMap, SourceFile, Span};

#[derive(Default)]
struct Builder {
    view: String,
    map: OffsetMap,
    blocks: Vec<Block>,
}

impl Builder {
    fn flush(&mut self) {
        let view = std::mem::take(&mut self.view);
        let map = std::mem::take(&mut self.map);
        if !view.trim().is_empty() {
            self.blocks.push(Block::new(view, map));
        }
    }

    fn push_text(&mut self, src: &str, range: std::ops::Range<usize>, text: &str) {
        let raw = &src[range.clone()];
        let from = self.view.len();
        if raw == text {
            self.map.push_identity(from, range.start, text.len());
        } else if let Some(pos) = raw.rfind(text).filter(|p| p + text.len() == raw.len()) {
            // An escaped character (`\*`): the text is the end of the range.
            self.map.push_identity(from, range.start + pos, text.len());
        } else {
            // An entity (`&amp;`) or other replaced text: map it as a whole.
            self.map
                .push_atomic(from, from + text.len(), Span::new(range.start, range.end));
        }
        self.view.push_str(text);
    }

    fn push_atomic(&mut self, s: &str, orig: Span) {
        let from = self.view.len();
        self.view.push_str(s);
        self.map.push_atomic(from, self.view.len(), orig);
    }
}

/// Reads `key: value` lines of a YAML or TOML front matter block.
fn read_front_matter(text: &str, span: Span) -> FrontMatter {
    let mut fm = FrontMatter {
        span: Some(span),
        ..FrontMatter::default()
    };
    for line in text.lines() {
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "published" | "date" if fm.published.is_none() || key.trim() == "published" => {
                fm.published = Some(value.to_owned());
            }
            "lang" | "language" => fm.lang = Some(value.to_owned()),
            _ => {}
        }
    }
    fm
}

pub(super) fn parse(source: &SourceFile) -> (FrontMatter, Vec<Block>) {
    let src = source.text.as_str();
    let start = source.content_start;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let parser = Parser::new_ext(&src[start..], options).into_offset_iter();
    let mut b = Builder::default();
    let mut front_matter = FrontMatter::default();
    let mut skip_depth = 0usize; // inside code blocks, autolinks, metadata, images
    let mut meta_span: Option<Span> = None;
    for (event, range) in parser {
        let range = range.start + start..range.end + start;
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                meta_span = Some(Span::new(range.start, range.end));
                skip_depth += 1;
            }
            Event::End(TagEnd::MetadataBlock(_)) => skip_depth = skip_depth.saturating_sub(1),
            Event::Text(t)
                if meta_span.is_some() && skip_depth > 0 && front_matter.span.is_none() =>
            {
                front_matter = read_front_matter(&t, meta_span.unwrap_or_default());
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                b.flush();
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => {
                b.push_atomic(&PLACEHOLDER.to_string(), Span::new(range.start, range.end));
                skip_depth += 1;
            }
            Event::End(TagEnd::Link) if skip_depth > 0 => skip_depth -= 1,
            Event::Start(Tag::Image { .. }) => skip_depth += 1,
            Event::End(TagEnd::Image) => skip_depth = skip_depth.saturating_sub(1),
            _ if skip_depth > 0 => {}
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
            | Event::FootnoteReference(_) => {
                b.push_atomic(&PLACEHOLDER.to_string(), Span::new(range.start, range.end));
            }
            Event::SoftBreak => b.push_atomic(" ", Span::new(range.start, range.end)),
            Event::HardBreak => b.push_atomic("\n", Span::new(range.start, range.end)),
            Event::Html(_) | Event::InlineHtml(_) => {
                // Raw HTML and comments are not prose; a placeholder keeps
                // the words around them apart without doubling spaces.
                b.push_atomic(&PLACEHOLDER.to_string(), Span::new(range.start, range.end));
            }
            Event::Rule | Event::TaskListMarker(_) | Event::Start(_) | Event::End(_) => {}
        }
    }
    b.flush();
    (front_matter, b.blocks)
}
