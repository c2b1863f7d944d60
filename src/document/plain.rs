//! Plain text: all of it is prose.
//!
//! Paragraphs are separated by blank lines when the file has any (so
//! hard-wrapped text keeps its paragraphs whole, with line breaks read as
//! spaces); otherwise every line is a paragraph, as in news feeds that put
//! one paragraph per line.

use super::Block;
use crate::source::{OffsetMap, SourceFile, Span};

/// Lines of `text` from `start`: (content range, terminator range).
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

pub(super) fn blocks(source: &SourceFile) -> Vec<Block> {
    let text = &source.text;
    let lines = lines(text, source.content_start);
    let is_blank = |&(s, e, _): &(usize, usize, usize)| text[s..e].trim().is_empty();
    let has_blank_separators = lines.iter().any(is_blank);
    let mut blocks = Vec::new();
    let mut view = String::new();
    let mut map = OffsetMap::new();
    let mut flush = |view: &mut String, map: &mut OffsetMap| {
        if view.trim().is_empty() {
            view.clear();
            *map = OffsetMap::new();
        } else {
            blocks.push(Block::new(std::mem::take(view), std::mem::take(map)));
        }
    };
    for line in &lines {
        let (s, e, _) = *line;
        if is_blank(line) {
            flush(&mut view, &mut map);
            continue;
        }
        if has_blank_separators && !view.is_empty() {
            // A line break inside a paragraph reads as a space.
            let prev_end = map.end_to_orig(view.len());
            let from = view.len();
            view.push(' ');
            map.push_atomic(from, view.len(), Span::new(prev_end, s));
        }
        map.push_identity(view.len(), s, e - s);
        view.push_str(&text[s..e]);
        if !has_blank_separators {
            flush(&mut view, &mut map);
        }
    }
    flush(&mut view, &mut map);
    blocks
}
