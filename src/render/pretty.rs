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
        w.write_all(if first { b"\n" } else { b",\n" })?;
        (0..self.level).try_for_each(|_| w.write_all(b"  "))
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            (0..self.level).try_for_each(|_| w.write_all(b"  "))?;
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
