//! Reading files: decoding, byte order marks, binary detection, line index.

mod line_index;
mod normalize;
mod offset_map;
mod prefixes;
mod span;

pub use line_index::{ColumnUnit, LineCol, LineIndex};
pub(crate) use normalize::push_lowercase_str;
pub use normalize::{
    NormalizeOptions, Normalized, is_format_control, is_mark, normalize, normalize_text,
    normalize_text_into, normalized_chars,
};
pub(crate) use normalize::{is_arabic_mark, lowercase, strip_short_prefix};
pub use offset_map::OffsetMap;
pub(crate) use prefixes::Prefixes;
pub use span::Span;

use std::io::Read;
use std::path::Path;

use crate::error::InputError;

/// The largest input factlint reads, in bytes (an article is a few dozen
/// KB; spans are 32-bit byte offsets).
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// Reads a whole input (a file, standard input) for [`SourceFile::decode`].
/// Reading stops early at the first block of 64 KiB that holds a NUL byte,
/// so that an endless binary stream (`/dev/zero`) is found binary without
/// reading it all; an input larger than `limit` bytes is an error.
pub fn read_input(reader: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    read_into(reader, limit, Vec::new())
}

/// [`read_input`] into `bytes`, whose capacity may be the expected size
/// (then a file is read without growing the buffer, which would hold up to
/// twice the file at the peak).
fn read_into(mut reader: impl Read, limit: u64, mut bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    const BLOCK: u64 = 64 * 1024;
    loop {
        let start = bytes.len();
        let n = reader.by_ref().take(BLOCK).read_to_end(&mut bytes)?;
        // (`memchr`: `contains` looks a word at a time, not a vector.)
        if n == 0 || memchr::memchr(0, &bytes[start..]).is_some() {
            return Ok(bytes);
        }
        if bytes.len() as u64 > limit {
            return Err(std::io::Error::other(format!(
                "larger than {} MiB: not an article",
                limit / (1024 * 1024)
            )));
        }
    }
}

/// Reads the file at `path` with [`read_input`]. A FIFO or a socket is not
/// opened (opening a FIFO with no writer would wait forever): it is an
/// error. Devices are read (`/dev/null` is empty).
pub fn read_path(path: &Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = std::fs::metadata(path)?.file_type();
        if kind.is_fifo() || kind.is_socket() {
            let what = if kind.is_fifo() { "a FIFO" } else { "a socket" };
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("not a regular file ({what}); give `-` to check standard input"),
            ));
        }
    }
    let file = std::fs::File::open(path)?;
    // The size as the file system gives it (a device says 0), plus one byte
    // so that the end is seen without growing.
    let size = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(MAX_INPUT_BYTES + 1);
    read_into(file, MAX_INPUT_BYTES, Vec::with_capacity(size as usize + 1))
}

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
        // A UTF-16 or UTF-32 byte order mark: said so, rather than "binary"
        // (its NUL bytes) or "invalid UTF-8". Spans are byte ranges of the
        // file as read, so the text is not converted here.
        let encoding = match bytes.as_slice() {
            [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 (little-endian)"),
            [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 (big-endian)"),
            [0xFF, 0xFE, ..] => Some("UTF-16 (little-endian)"),
            [0xFE, 0xFF, ..] => Some("UTF-16 (big-endian)"),
            _ => None,
        };
        if let Some(encoding) = encoding {
            return Err(InputError::Io {
                path: path.to_owned(),
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "{encoding} is not supported (byte order mark); convert the file to UTF-8"
                    ),
                ),
            });
        }
        if memchr::memchr(0, &bytes).is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
        SourceFile::decode("a/b.txt", bytes.to_vec(), Format::Text)
    }

    #[test]
    fn byte_order_mark_is_kept_in_the_text_and_skipped_for_columns() {
        let Ok(Decoded::File(f)) = decode("\u{FEFF}ab\r\nc".as_bytes()) else {
            panic!("decodes");
        };
        assert_eq!(f.content_start, 3);
        assert_eq!(&f.text[3..], "ab\r\nc");
        let b = f.text.find('b').unwrap();
        assert_eq!(
            f.line_col(b, ColumnUnit::Chars),
            LineCol { line: 1, column: 2 }
        );
        let c = f.text.find('c').unwrap();
        assert_eq!(
            f.line_col(c, ColumnUnit::Chars),
            LineCol { line: 2, column: 1 }
        );
    }

    #[test]
    fn nul_bytes_make_a_file_binary_before_utf8_is_checked() {
        assert!(matches!(decode(b"ab\0cd"), Ok(Decoded::Binary)));
        assert!(matches!(decode(b"\xff\0"), Ok(Decoded::Binary)));
    }

    #[test]
    fn invalid_utf8_names_the_path_offset_line_and_column() {
        // "é\n" is 3 bytes; then "ab" and an invalid byte at offset 5.
        let Err(e) = decode(b"\xc3\xa9\nab\xffz") else {
            panic!("must fail");
        };
        let InputError::InvalidUtf8 {
            ref path,
            offset,
            line,
            column,
        } = e
        else {
            panic!("{e:?}");
        };
        assert_eq!((path.as_str(), offset, line, column), ("a/b.txt", 5, 2, 3));
        let msg = e.to_string();
        assert!(
            msg.contains("a/b.txt") && msg.contains("byte offset 5"),
            "{msg}"
        );
        // A truncated sequence at the very end.
        let Err(InputError::InvalidUtf8 { offset, .. }) = decode(b"abc\xd8") else {
            panic!("must fail");
        };
        assert_eq!(offset, 3);
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        for (bytes, name) in [
            (&b"\xff\xfea\0b\0"[..], "UTF-16 (little-endian)"),
            (b"\xfe\xff\0a", "UTF-16 (big-endian)"),
            (b"\xff\xfe\0\0a\0\0\0", "UTF-32 (little-endian)"),
            (b"\0\0\xfe\xffa", "UTF-32 (big-endian)"),
        ] {
            let Err(e) = decode(bytes) else {
                panic!("{name} must fail");
            };
            let msg = e.to_string();
            assert!(msg.starts_with("a/b.txt: ") && msg.contains(name), "{msg}");
            assert!(msg.contains("convert the file to UTF-8"), "{msg}");
        }
    }

    #[test]
    fn reading_stops_at_a_nul_block_and_at_the_limit() {
        // An endless stream of NUL bytes is read up to its first block.
        let bytes = read_input(std::io::repeat(0), 1 << 20).unwrap();
        assert_eq!(bytes.len(), 64 * 1024);
        assert!(matches!(
            SourceFile::decode("z", bytes, Format::Text),
            Ok(Decoded::Binary)
        ));
        // An endless stream of text stops at the limit.
        let e = read_input(std::io::repeat(b'a'), 1 << 20).unwrap_err();
        assert!(e.to_string().contains("larger than 1 MiB"), "{e}");
        // Small inputs are read whole.
        assert_eq!(read_input(&b"abc"[..], 1 << 20).unwrap(), b"abc");
        assert_eq!(read_input(&b""[..], 1 << 20).unwrap(), b"");
    }

    #[test]
    fn a_file_is_read_into_a_buffer_of_its_size() {
        // 300,000 bytes: a growing buffer would end at 512 KiB.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text = "word ".repeat(60_000);
        std::fs::write(&path, &text).unwrap();
        let bytes = read_path(&path).unwrap();
        assert_eq!(bytes, text.as_bytes());
        assert!(bytes.capacity() <= text.len() + 1, "{}", bytes.capacity());
    }

    #[test]
    fn empty_file_decodes() {
        let Ok(Decoded::File(f)) = decode(b"") else {
            panic!("decodes");
        };
        assert_eq!(f.text, "");
        assert_eq!(f.content_start, 0);
        assert_eq!(
            f.line_col(0, ColumnUnit::Chars),
            LineCol { line: 1, column: 1 }
        );
    }

    #[test]
    fn format_comes_from_the_extension() {
        assert_eq!(Format::from_path(Path::new("x.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("x.MARKDOWN")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("x.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("md")), Format::Text);
    }
}
