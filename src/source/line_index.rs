//! Byte offset → line and column, the only place where columns are computed.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. Lines are 1-based. Columns are
//! 1-based and counted in a named [`ColumnUnit`]: Unicode scalar values (what
//! the JSON and human formats show), UTF-16 code units (LSP, SARIF consumers
//! that ask for it) or bytes.

/// The unit in which a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values (`char`s).
    Chars,
    /// UTF-16 code units.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `starts[0]` is the content
    /// start (after a byte order mark, which is not a column).
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`; `content_start` is the first byte of line 1 (3 after a
    /// UTF-8 byte order mark, else 0).
    pub fn new(text: &str, content_start: usize) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![content_start.min(text.len())];
        let mut i = content_start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 0-based line that contains byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// The byte range of the 0-based `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = if line + 1 < self.starts.len() {
            self.starts[line + 1]
        } else {
            text.len()
        };
        let b = text.as_bytes();
        while end > start && (b[end - 1] == b'\n' || b[end - 1] == b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column of byte `offset` in `text`, the column counted
    /// in `unit`. An offset inside a character is clamped to its start.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let prefix = &text[start..offset];
        let column = match unit {
            ColumnUnit::Chars => prefix.chars().count(),
            ColumnUnit::Utf16 => prefix.chars().map(char::len_utf16).sum(),
            ColumnUnit::Bytes => prefix.len(),
        } + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_columns_in_named_units() {
        // "مرحبا" is 5 chars, 10 bytes; the emoji is 1 char, 2 UTF-16 units.
        let text = "مرحبا 😀x\nb";
        let idx = LineIndex::new(text, 0);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.line_col(text, x, ColumnUnit::Chars),
            LineCol { line: 1, column: 8 }
        );
        assert_eq!(
            idx.line_col(text, x, ColumnUnit::Utf16),
            LineCol { line: 1, column: 9 }
        );
        assert_eq!(
            idx.line_col(text, x, ColumnUnit::Bytes),
            LineCol {
                line: 1,
                column: 16
            }
        );
        let b = text.find('b').unwrap();
        assert_eq!(
            idx.line_col(text, b, ColumnUnit::Chars),
            LineCol { line: 2, column: 1 }
        );
    }

    #[test]
    fn handles_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let idx = LineIndex::new(text, 0);
        assert_eq!(idx.line_count(), 4);
        for (ch, line) in [('a', 1), ('b', 2), ('c', 3), ('d', 4)] {
            let off = text.find(ch).unwrap();
            assert_eq!(
                idx.line_col(text, off, ColumnUnit::Chars),
                LineCol { line, column: 1 }
            );
        }
        assert_eq!(&text[idx.line_range(text, 0)], "a");
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let text = "\u{feff}ab";
        let idx = LineIndex::new(text, 3);
        assert_eq!(
            idx.line_col(text, 4, ColumnUnit::Chars),
            LineCol { line: 1, column: 2 }
        );
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_and_offsets_inside_chars_clamp() {
        let text = "a\r\n𝔸ب x";
        let idx = LineIndex::new(text, 0);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.line_col(text, x, ColumnUnit::Chars),
            LineCol { line: 2, column: 4 }
        );
        assert_eq!(
            idx.line_col(text, x, ColumnUnit::Utf16),
            LineCol { line: 2, column: 5 }
        );
        // Byte 4 is inside "𝔸" (4 bytes from offset 3): clamped to its start.
        assert_eq!(
            idx.line_col(text, 4, ColumnUnit::Chars),
            LineCol { line: 2, column: 1 }
        );
        // The end of the text is a valid position.
        assert_eq!(
            idx.line_col(text, text.len(), ColumnUnit::Chars),
            LineCol { line: 2, column: 5 }
        );
        assert_eq!(&text[idx.line_range(text, 1)], "𝔸ب x");
        assert_eq!(idx.line_of(1), 0);
        assert_eq!(idx.line_of(2), 0); // the "\n" of "\r\n" is on line 1
    }
}
