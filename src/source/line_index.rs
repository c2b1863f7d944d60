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
    /// Every [`MARK_EVERY`] bytes (on a char boundary): the byte offset and
    /// the chars and UTF-16 units before it, so that a column far into a
    /// long line is not counted from the line start each time.
    marks: Vec<(usize, usize, usize)>,
}

/// The distance between two [`LineIndex::marks`], in bytes.
const MARK_EVERY: usize = 4096;

/// Chars and UTF-16 code units of a UTF-8 byte string.
fn count_units(bytes: &[u8]) -> (usize, usize) {
    // One pass, in a form the compiler turns into vector code: byte-sized
    // counters over 255 bytes at a time, sixteen to a register (counters
    // of a `usize` each were two to a register: some six instructions a
    // byte, paid for every file before it is checked, and for a long file
    // before it is split over threads).
    let (mut chars, mut astral) = (0usize, 0usize);
    for chunk in bytes.chunks(255) {
        let (mut c, mut a) = (0u8, 0u8);
        for &b in chunk {
            c += u8::from((b & 0xC0) != 0x80);
            a += u8::from(b >= 0xF0);
        }
        chars += usize::from(c);
        astral += usize::from(a);
    }
    (chars, chars + astral)
}

impl LineIndex {
    /// Indexes `text`; `content_start` is the first byte of line 1 (3 after a
    /// UTF-8 byte order mark, else 0).
    pub fn new(text: &str, content_start: usize) -> Self {
        let bytes = text.as_bytes();
        let first = content_start.min(text.len());
        let mut starts = vec![first];
        // Line terminators are found by `memchr` (a byte at a time, this
        // loop was 2 % of a run on English text): `\n`, `\r\n` or a lone
        // `\r`; the `\n` of a `\r\n` starts no line of its own.
        let mut lf_of_crlf = usize::MAX;
        for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[first..]).map(|i| first + i) {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                lf_of_crlf = i + 1;
                starts.push(i + 2);
            } else if i != lf_of_crlf {
                starts.push(i + 1);
            }
        }
        let mut marks = vec![(0, 0, 0)];
        let mut at = 0;
        while text.len() - at > MARK_EVERY {
            let mut next = at + MARK_EVERY;
            while !text.is_char_boundary(next) {
                next -= 1;
            }
            let (chars, utf16) = count_units(&bytes[at..next]);
            let &(_, c, u) = marks.last().expect("one mark");
            marks.push((next, c + chars, u + utf16));
            at = next;
        }
        LineIndex { starts, marks }
    }

    /// Chars and UTF-16 units of `text` before the char boundary `offset`.
    fn units_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let i = match self.marks.binary_search_by_key(&offset, |m| m.0) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (at, c, u) = self.marks[i];
        let (chars, utf16) = count_units(&text.as_bytes()[at..offset]);
        (c + chars, u + utf16)
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
            ColumnUnit::Bytes => prefix.len(),
            // Far into a long line: from the nearest marks.
            _ if prefix.len() > 2 * MARK_EVERY => {
                let (c0, u0) = self.units_before(text, start);
                let (c1, u1) = self.units_before(text, offset);
                if unit == ColumnUnit::Chars {
                    c1 - c0
                } else {
                    u1 - u0
                }
            }
            ColumnUnit::Chars => count_units(prefix.as_bytes()).0,
            ColumnUnit::Utf16 => count_units(prefix.as_bytes()).1,
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

    proptest::proptest! {
        /// Chars and UTF-16 units as `str` counts them, over lengths on
        /// both sides of the 255-byte counters.
        #[test]
        fn units_equal_the_counts_of_str(text in "[aé€😀\n]{0,700}") {
            let chars = text.chars().count();
            let utf16 = text.chars().map(char::len_utf16).sum::<usize>();
            proptest::prop_assert_eq!(count_units(text.as_bytes()), (chars, utf16));
        }

        /// Line starts as a scan of every byte finds them.
        #[test]
        fn line_starts_equal_a_scan_of_every_byte(
            text in "[a\r\n\u{FEFF}é]{0,30}",
            bom in proptest::bool::ANY,
        ) {
            let content_start = if bom && text.starts_with('\u{FEFF}') { 3 } else { 0 };
            let bytes = text.as_bytes();
            let mut expected = vec![content_start];
            let mut i = content_start;
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => expected.push(i + 1),
                    b'\r' => {
                        if bytes.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        expected.push(i + 1);
                    }
                    _ => {}
                }
                i += 1;
            }
            proptest::prop_assert_eq!(LineIndex::new(&text, content_start).starts, expected);
        }
    }

    #[test]
    fn a_long_run_of_one_byte_chars_fills_no_counter_past_its_size() {
        for n in [254, 255, 256, 1000] {
            assert_eq!(count_units(&vec![b'a'; n]), (n, n));
            assert_eq!(count_units("😀".repeat(n).as_bytes()), (n, 2 * n));
        }
    }

    #[test]
    fn columns_far_into_a_long_line_are_counted_from_marks() {
        // One long line of 1-, 2-, 3- and 4-byte chars, after a short one.
        let text = format!("ab\n{}", "aé€😀".repeat(5000));
        let idx = LineIndex::new(&text, 0);
        for (offset, _) in text.char_indices().step_by(997) {
            let start = idx.line_start(idx.line_of(offset));
            let prefix = &text[start..offset];
            let chars = prefix.chars().count() + 1;
            let utf16 = prefix.encode_utf16().count() + 1;
            assert_eq!(idx.line_col(&text, offset, ColumnUnit::Chars).column, chars);
            assert_eq!(idx.line_col(&text, offset, ColumnUnit::Utf16).column, utf16);
        }
    }

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
