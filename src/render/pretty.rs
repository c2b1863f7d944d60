//! Pretty-printed JSON written as it is serialized, for the reports that
//! are long (JSON, SARIF): a value starts at its depth in the document, so
//! a part of it comes out already indented to its place, and the many
//! small writes of `serde_json` go out a chunk at a time.

/// What an entry's buffer holds at most before it is written out: a long
/// article's entry can be many megabytes (13 MB for a 1 MB Arabic file with
/// many findings), which a buffer of the whole entry would hold twice while
/// it grows.
pub(super) const CHUNK: usize = 64 * 1024;

/// Serializer output that gathers `serde_json`'s many small writes in a
/// buffer and hands it to the real output, one write, whenever it passes
/// [`CHUNK`] and at the end: the speed of a buffer, the memory of a
/// stream.
pub(super) struct Chunked<'a> {
    pub(super) buf: &'a mut Vec<u8>,
    pub(super) out: &'a mut dyn std::io::Write,
}

impl Chunked<'_> {
    pub(super) fn flush_buf(&mut self) -> std::io::Result<()> {
        self.out.write_all(self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl std::io::Write for Chunked<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.flush_buf()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.flush_buf()
    }
}

/// Serializes `value` into `out` as an item of a list `level` deep, as
/// [`Nested`] writes the list's items: after a comma unless it is the
/// list's `first`, on a line of its own, indented. A long report's items
/// are serialized so on several threads, then written in order.
pub(super) fn item(
    out: &mut Vec<u8>,
    first: bool,
    level: usize,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    Nested::at(level).line(out, first)?;
    let mut ser = serde_json::Serializer::with_formatter(out, Nested::at(level));
    value.serialize(&mut ser)?;
    Ok(())
}

/// A line break and 64 spaces: the indentation of up to 32 levels.
const LINE: &[u8; 65] = b"\n                                                                ";

/// The `PrettyFormatter` of `serde_json` (two spaces a level), starting at a
/// given depth: a part of a report (a file's entry, a SARIF result) comes
/// out indented to its place in it, with no second pass over it.
pub(super) struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    pub(super) fn at(level: usize) -> Nested {
        Nested {
            level,
            has_value: false,
        }
    }

    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.indent(w)
    }

    /// A line break and the indentation of the current level, in one write
    /// as far as [`LINE`] goes (a SARIF result's region is nine levels
    /// deep).
    fn indent<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        let (mut spaces, mut from) = (2 * self.level, 0);
        loop {
            let n = spaces.min(LINE.len() - 1);
            w.write_all(&LINE[from..=n])?;
            spaces -= n;
            if spaces == 0 {
                return Ok(());
            }
            from = 1;
        }
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.indent(w)?;
        }
        w.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize as _;

    /// At depth 0, `Nested` is `serde_json`'s pretty printer, also past the
    /// 32 levels that one write indents (and empty lists and objects).
    #[test]
    fn nested_at_the_top_is_the_pretty_printer() {
        let mut value = serde_json::json!({"a": [1, {"b": "c\n", "d": []}], "e": {}});
        for depth in 0..40 {
            value = serde_json::json!({ "level": depth, "inner": [value, null] });
        }
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::at(0));
        value.serialize(&mut ser).expect("in memory");
        let pretty = serde_json::to_string_pretty(&value).expect("in memory");
        let deepest = pretty.lines().map(|l| l.len() - l.trim_start().len()).max();
        assert!(deepest > Some(LINE.len() + 2), "{deepest:?}");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), pretty);
    }
}
