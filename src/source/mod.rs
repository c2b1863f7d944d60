//! Reading files: decoding, byte order marks, binary detection, line index.

mod line_index;
mod normalize;
mod offset_map;
mod span;

pub use line_index::{ColumnUnit, LineCol, LineIndex};
pub use normalize::{NormalizeOptions, Normalized, is_mark, normalize};
pub use offset_map::OffsetMap;
pub use span::Span;

use std::path::Path;

use crate::error::InputError;

/// The markup a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: everything is prose.
    Text,
    /// `CommonMark` with front matter.
    Markdown,
}

impl Format {
    /// The format of a path, from its extension (`.md`, `.markdown` are
    /// Markdown; anything else is plain text).
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(ext) if ext == "md" || ext == "markdown" => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// A decoded source file. `text` is the original text, byte for byte (a
/// byte order mark included, as the first 3 bytes, before `content_start`).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub format: Format,
    /// First byte after a byte order mark (0 or 3).
    pub content_start: usize,
    pub line_index: LineIndex,
}

/// What became of reading a file's bytes.
#[derive(Debug)]
pub enum Decoded {
    File(SourceFile),
    /// The file holds NUL bytes: it is skipped with a warning.
    Binary,
}

impl SourceFile {
    /// Decodes `bytes` read from `path`.
    pub fn decode(path: &str, bytes: Vec<u8>, format: Format) -> Result<Decoded, InputError> {
        if bytes.contains(&0) {
            return Ok(Decoded::Binary);
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let (line, column) = line_col_of_bytes(&bytes[..offset]);
            InputError::InvalidUtf8 {
                path: path.to_owned(),
                offset,
                line,
                column,
            }
        })?;
        Ok(Decoded::File(SourceFile::from_text(path, text, format)))
    }

    /// A source file from text that is already decoded.
    pub fn from_text(path: &str, text: String, format: Format) -> SourceFile {
        let content_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let line_index = LineIndex::new(&text, content_start);
        SourceFile {
            path: path.to_owned(),
            text,
            format,
            content_start,
            line_index,
        }
    }

    pub fn line_col(&self, offset: usize, unit: ColumnUnit) -> LineCol {
        self.line_index.line_col(&self.text, offset, unit)
    }
}

/// 1-based line and column (in chars) of the end of a valid UTF-8 prefix.
fn line_col_of_bytes(valid: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let idx = LineIndex::new(text, usize::from(text.starts_with('\u{feff}')) * 3);
    let lc = idx.line_col(text, text.len(), ColumnUnit::Chars);
    (lc.line, lc.column)
}
