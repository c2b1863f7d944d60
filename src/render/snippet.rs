//! The human report's common case drawn directly: one finding, one mark on
//! one line (or two apart, the second a secondary mark), no colour.
//! annotate-snippets draws it through a grid of styled cells and measures
//! the line several times, about 130,000 instructions a finding, which was
//! 40 % of a run over an Arabic file with many findings; this draws the
//! same text in about a third of that, and writes the source and mark rows
//! straight into the output (the grid of cells is kept only for corners
//! where writes overlap). The columns come from [`Columns`], a line
//! measured once for all the findings on it. Anything else (colours, more
//! marks, marks that overlap, tabs, control or bidi characters, wide
//! characters, line breaks in a message) returns `None` and goes to
//! annotate-snippets.
//!
//! The output must be annotate-snippets' own, byte for byte: the layout
//! below follows its renderer (0.12: `renderer/margin.rs`, `draw_line` and
//! `render_source_line` in `renderer/graphics.rs`), and a property test
//! compares the two on random lines, marks, labels and messages.

use std::ops::Range;

use super::human::{TERM_WIDTH, char_width};

/// One finding to draw.
pub(crate) struct Plain<'a> {
    /// `error`, `warning` or `info`.
    pub level: &'a str,
    pub title: &'a str,
    pub path: &'a str,
    pub line_no: usize,
    /// The column of the mark's start in the whole line (1-based, chars).
    pub column: usize,
    /// The line, or the window of it that annotate-snippets would be given.
    pub line: &'a str,
    /// The columns of `line`.
    pub cols: Cols<'a>,
    pub mark: Range<usize>,
    pub label: &'a str,
    /// A second, secondary mark on the line, and its label.
    pub other: Option<(Range<usize>, &'a str)>,
    pub notes: &'a [String],
    pub help: Option<&'a str>,
}

/// Characters annotate-snippets replaces with a visible symbol (or drops),
/// besides the control characters.
fn replaced(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200D}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` has a character that is [`replaced`], read byte by byte: the
/// control characters are U+0000–U+001F, U+007F (one byte) and
/// U+0080–U+009F (`C2 80`–`C2 9F`), the others `E2 80 8D`,
/// `E2 80 AA`–`AE` and `E2 81 A6`–`A9`. Every finding's title, labels,
/// path and notes are looked at; decoding them character by character
/// was a fifth of the drawing of a finding, and a search for each lead
/// byte a tenth (the quotes `«»` of every label start with `C2`).
#[allow(clippy::needless_bitwise_bool)] // on purpose: see the fold
fn has_replaced(s: &str) -> bool {
    let b = s.as_bytes();
    // One pass over each byte and the next, without an early exit, so that
    // it runs on many bytes at a time: a control character, `C2` before
    // `80`–`9F`, or `E2` before `80` or `81` (the general punctuation, which
    // holds the others and also `’`, `–`, `…`: looked at again below).
    let next = b.get(1..).unwrap_or_default();
    let (control, punctuation) =
        b.iter()
            .zip(next)
            .fold((false, false), |(control, punctuation), (&x, &y)| {
                (
                    control | (x < 0x20) | (x == 0x7F) | ((x == 0xC2) & ((y & 0xE0) == 0x80)),
                    punctuation | ((x == 0xE2) & ((y & 0xFE) == 0x80)),
                )
            });
    if control || b.last().is_some_and(|&x| x < 0x20 || x == 0x7F) {
        return true;
    }
    punctuation
        && memchr::memchr_iter(0xE2, b).any(|i| {
            matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8D | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            )
        })
}

/// The width of `s` as annotate-snippets counts it.
fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The display columns of one line (or of the window of a long line that
/// is drawn), measured once for all the findings on it: the byte offset
/// and the column of each character, as annotate-snippets counts widths
/// ([`char_width`]). Walking the line for every finding, three times
/// (the window, the mark's columns, what shows), was half of the human
/// report's cost on an Arabic file with many findings.
#[derive(Default)]
pub(crate) struct Columns {
    /// How many characters.
    chars: usize,
    /// The byte offset of each character, then the line's length; empty
    /// when the line is printable ASCII (character `k` is byte `k`).
    offs: Vec<usize>,
    /// The column each character starts at, then the line's width; empty
    /// when every character is one column wide (character `k` is column
    /// `k`).
    cols: Vec<usize>,
    /// The characters (indices) that the plain drawing leaves to
    /// annotate-snippets: those it replaces, and those wider than one
    /// column.
    odd: Vec<usize>,
}

impl Columns {
    #[cfg(test)]
    pub(crate) fn of(line: &str) -> Columns {
        let mut columns = Columns::default();
        columns.measure(line);
        columns
    }

    /// Measures `line`, in the buffers of the line measured before.
    pub(crate) fn measure(&mut self, line: &str) {
        self.offs.clear();
        self.cols.clear();
        self.odd.clear();
        if line.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            self.chars = line.len();
            return;
        }
        // The columns are written from the first character not one column
        // wide, those before it filled in then (character `k` is column
        // `k` until there): most lines have none.
        let mut col = 0;
        self.offs.reserve(line.len() / 2 + 1);
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Printable ASCII and the Arabic letters (U+0621–U+063F are
            // `D8 A1`–`D8 BF`, U+0640–U+064A `D9 80`–`D9 8A`) are told
            // from their bytes: one column, none replaced. The others are
            // decoded.
            let (w, len) = match (b[i], b.get(i + 1)) {
                (b' '..=b'~', _) => (1, 1),
                (0xD8, Some(0xA1..=0xBF)) | (0xD9, Some(0x80..=0x8A)) => (1, 2),
                _ => {
                    let c = line[i..].chars().next().expect("on a character boundary");
                    let w = char_width(c);
                    if w > 1 || replaced(c) {
                        self.odd.push(self.offs.len());
                    }
                    if w != 1 && self.cols.is_empty() {
                        self.cols.extend(0..self.offs.len());
                    }
                    (w, c.len_utf8())
                }
            };
            if !self.cols.is_empty() || w != 1 {
                self.cols.push(col);
            }
            self.offs.push(i);
            col += w;
            i += len;
        }
        self.chars = self.offs.len();
        self.offs.push(line.len());
        if !self.cols.is_empty() {
            self.cols.push(col);
        }
    }

    fn byte(&self, k: usize) -> usize {
        if self.offs.is_empty() {
            k
        } else {
            self.offs[k]
        }
    }

    fn col(&self, k: usize) -> usize {
        if self.cols.is_empty() {
            k
        } else {
            self.cols[k]
        }
    }

    /// The whole line.
    pub(crate) fn all(&self) -> Cols<'_> {
        Cols {
            t: self,
            lo: 0,
            hi: self.chars,
        }
    }
}

/// The characters `lo..hi` of a measured line: the line, or the window of
/// it that is drawn. Indices, byte offsets and columns are the window's.
#[derive(Clone, Copy)]
pub(crate) struct Cols<'a> {
    t: &'a Columns,
    lo: usize,
    hi: usize,
}

impl<'a> Cols<'a> {
    /// How many characters.
    pub(super) fn chars(&self) -> usize {
        self.hi - self.lo
    }

    /// The column character `k` starts at (`chars()`: the width).
    pub(super) fn col(&self, k: usize) -> usize {
        self.t.col(self.lo + k) - self.t.col(self.lo)
    }

    /// The byte offset of character `k` (`chars()`: the length).
    pub(super) fn byte(&self, k: usize) -> usize {
        self.t.byte(self.lo + k) - self.t.byte(self.lo)
    }

    fn width(&self) -> usize {
        self.col(self.chars())
    }

    /// The character that starts at byte `b` (`chars()` for the end);
    /// `None` inside a character or past the end.
    pub(super) fn at_byte(&self, b: usize) -> Option<usize> {
        let at = self.t.byte(self.lo) + b;
        if self.t.offs.is_empty() {
            return (at <= self.hi).then(|| at - self.lo);
        }
        self.t.offs[self.lo..=self.hi].binary_search(&at).ok()
    }

    /// Whether a character of the window is one the plain drawing leaves
    /// to annotate-snippets.
    fn has_odd(&self) -> bool {
        let i = self.t.odd.partition_point(|&k| k < self.lo);
        self.t.odd.get(i).is_some_and(|&k| k < self.hi)
    }

    /// The window of bytes `bytes` (on character boundaries).
    pub(crate) fn window(&self, bytes: std::ops::Range<usize>) -> Option<Cols<'a>> {
        let (lo, hi) = (self.at_byte(bytes.start)?, self.at_byte(bytes.end)?);
        Some(Cols {
            t: self.t,
            lo: self.lo + lo,
            hi: self.lo + hi,
        })
    }
}

/// The first index of `among` at which `done` holds (its end if
/// none does), `done` being false and then true along it (a binary
/// search).
pub(super) fn first_where(among: Range<usize>, done: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (among.start, among.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if done(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// A row of the output: one cell per character, as annotate-snippets'
/// buffer holds it (a character of width 0 still takes a cell).
#[derive(Default)]
struct Row(Vec<char>);

impl Row {
    fn puts(&mut self, col: usize, s: &str) {
        if s.is_empty() {
            return; // no cell is written, not even the padding before it
        }
        if col >= self.0.len() {
            // After the last cell (the common case): padding, then the text.
            self.0.resize(col, ' ');
            self.0.extend(s.chars());
            return;
        }
        for (k, c) in s.chars().enumerate() {
            match self.0.get_mut(col + k) {
                Some(cell) => *cell = c,
                None => self.0.push(c),
            }
        }
    }

    fn putc(&mut self, col: usize, c: char) {
        if col >= self.0.len() {
            self.0.resize(col + 1, ' ');
        }
        self.0[col] = c;
    }

    fn push_to(&self, out: &mut String) {
        out.extend(self.0.iter());
    }
}

/// How many decimal digits `n` has.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Draws `p` as annotate-snippets would at the end of `out`, or leaves
/// `out` as it is and returns false when it is not the simple case.
pub(crate) fn render(p: &Plain<'_>, out: &mut String) -> bool {
    let before = out.len();
    let drawn = draw(p, out);
    if drawn.is_none() {
        out.truncate(before);
    }
    drawn.is_some()
}

/// A mark as drawn: its display columns, its character (`^` for the
/// primary mark, `-` for the other), its label.
#[derive(Clone, Copy)]
struct Drawn<'a> {
    start: usize,
    end: usize,
    underline: char,
    label: &'a str,
}

/// Whether the label of `l`, the left one of two marks apart, hangs below
/// the marks' row, as annotate-snippets lays them out
/// (`render_source_line`): the right mark's label stays on the row; the
/// left one's too unless it would come within two columns of the right
/// mark (its length counted in bytes, as annotate-snippets counts it), in
/// which case it hangs two rows below, joined to its mark by `|`.
fn hangs(l: &Drawn<'_>, r: &Drawn<'_>) -> bool {
    r.start < l.end + l.label.len() + 2
}

fn draw(p: &Plain<'_>, out: &mut String) -> Option<()> {
    let texts = [p.title, p.label, p.path]
        .into_iter()
        .chain(p.other.as_ref().map(|(_, label)| *label))
        .chain(p.notes.iter().map(String::as_str))
        .chain(p.help);
    let on_line = |m: &Range<usize>| {
        m.start <= m.end
            && m.end <= p.line.len()
            && p.line.is_char_boundary(m.start)
            && p.line.is_char_boundary(m.end)
    };
    if texts.clone().any(has_replaced)
        || !on_line(&p.mark)
        || p.other.as_ref().is_some_and(|(m, _)| !on_line(m))
    {
        return None;
    }
    let line = p.line;
    let digits = digits(p.line_no);
    let code_offset = 3 + digits;
    let column_width = TERM_WIDTH.saturating_sub(code_offset);

    // The display columns of the marks and the line, the indentation.
    let cols = p.cols;
    if cols.has_odd() {
        return None;
    }
    let drawn = |m: &Range<usize>, underline: char, label| {
        let start = cols.col(cols.at_byte(m.start)?);
        // An empty mark is one column wide.
        let end = cols.col(cols.at_byte(m.end)?).max(start + 1);
        Some(Drawn {
            start,
            end,
            underline,
            label,
        })
    };
    let primary = drawn(&p.mark, '^', p.label)?;
    let marks = match &p.other {
        None => [Some(primary), None],
        Some((m, label)) => {
            let other = drawn(m, '-', label)?;
            let (l, r) = if other.start < primary.start {
                (other, primary)
            } else {
                (primary, other)
            };
            // Two marks apart, both labelled: else annotate-snippets.
            if l.start >= r.start || l.end > r.start || l.label.is_empty() || r.label.is_empty() {
                return None;
            }
            [Some(l), Some(r)]
        }
    };
    let shown = || marks.iter().flatten();
    let start = shown().map(|m| m.start).min()?;
    let end = shown().map(|m| m.end).max()?;
    let line_len = cols.width();
    let mut indent = line.chars().take_while(|c| c.is_whitespace()).count();
    if indent == cols.chars() {
        indent = 0; // a line of spaces has no indentation
    }
    let label_right = shown().map(|m| m.end + width(m.label) + 1).max()?;
    let (computed_left, computed_right) = margin(
        indent.min(start),
        start,
        end,
        label_right,
        column_width,
        line_len,
    );
    let left = computed_left.min(line_len);
    let right = if line_len.saturating_sub(computed_left) <= column_width {
        line_len
    } else {
        line_len.min(computed_right)
    };

    let pad = &"                    "[..digits];
    out.reserve(256 + line.len());
    out.push_str(p.level);
    out.push_str(": ");
    out.push_str(p.title);
    out.push('\n');
    out.push_str(pad);
    out.push_str("--> ");
    out.push_str(p.path);
    let mut n = itoa::Buffer::new();
    out.push(':');
    out.push_str(n.format(p.line_no));
    out.push(':');
    out.push_str(n.format(p.column));
    out.push('\n');
    out.push_str(pad);
    out.push_str(" |\n");
    if !source_and_marks_rows(out, p, (left, right), marks, computed_left, line_len) {
        if marks[1].is_some() {
            return None;
        }
        let widths: Vec<u8> = line.chars().map(|c| char_width(c) as u8).collect();
        source_and_marks_rows_by_cells(
            out,
            p,
            line,
            &widths,
            (left, right),
            (primary.start, primary.end),
            computed_left,
            line_len,
        )?;
    }
    if !p.notes.is_empty() || p.help.is_some() {
        out.push('\n');
        out.push_str(pad);
        out.push_str(" |");
        let notes = p.notes.iter().map(|n| (" = note: ", n.as_str()));
        for (kind, text) in notes.chain(p.help.map(|h| (" = help: ", h))) {
            out.push('\n');
            out.push_str(pad);
            out.push_str(kind);
            out.push_str(text);
        }
    }
    Some(())
}

/// The source row and the mark's row, written straight into `out`: what
/// shows of the line, with `...` where it is cut, and the carets under the
/// mark with the label after them. annotate-snippets gives each character a
/// cell of its buffer, even one of width 0, and places the marks by display
/// columns; these rows are the same cells without the buffer. False, with
/// nothing written, in the corners where its writes overlap (a window too
/// narrow for its ellipses, a mark left of the window, nothing shown),
/// which [`source_and_marks_rows_by_cells`] draws.
fn source_and_marks_rows(
    out: &mut String,
    p: &Plain<'_>,
    (left, right): (usize, usize),
    marks: [Option<Drawn<'_>>; 2],
    computed_left: usize,
    line_len: usize,
) -> bool {
    let (line, cols) = (p.line, p.cols);
    let Some(leftmost) = marks[0] else {
        return false;
    };
    let start = leftmost.start;
    // What shows: the characters after the first `left` columns (and the
    // zero-width characters that follow them), as long as they fit in
    // `right - left` columns.
    let n = cols.chars();
    let first = first_where(0..n, |k| cols.col(k) >= left);
    if first == n {
        return false; // nothing shows
    }
    // Every character is 0 or 1 column wide here and `left` is within the
    // line: the columns skipped are exactly `left`.
    debug_assert_eq!(cols.col(first), left);
    let last = first_where(first..n, |k| cols.col(k + 1) - left > right - left);
    let (from, to) = (cols.byte(first), cols.byte(last));
    let code = &line[from..to];
    if start < left || code.is_empty() {
        return false;
    }
    // A cut on the left: `...` takes the cells of the first three columns.
    let mut rest = code;
    if computed_left > 0 {
        let three = first_where(first..last, |k| cols.col(k + 1) >= left + 3);
        if three == last {
            return false;
        }
        rest = &line[cols.byte(three + 1)..to];
    }
    // A cut on the right: `...` is written over the cells of the last
    // characters that make three columns (the first three of them, when
    // zero-width characters are among them).
    let mut right_cut = None;
    if line_len > right {
        let end_col = cols.col(last);
        // The last character from which the code is three columns wide.
        let k = match first_where(first..last, |k| end_col - cols.col(k) < 3) {
            k if k == first => return false,
            k => k - 1,
        };
        let (rest_start, at) = (to - rest.len(), cols.byte(k));
        if at < rest_start {
            return false;
        }
        let after = cols.byte((k + 3).min(last));
        right_cut = Some((at - rest_start, after - rest_start));
    }
    let digits = digits(p.line_no);
    out.push_str(itoa::Buffer::new().format(p.line_no));
    out.push_str(" | ");
    if computed_left > 0 {
        out.push_str("...");
    }
    match right_cut {
        Some((at, after)) => {
            out.push_str(&rest[..at]);
            out.push_str("...");
            out.push_str(&rest[after..]);
        }
        None => out.push_str(rest),
    }
    // The marks' row: each mark's underline, its label after it (or two
    // rows below for a left one that hangs, see [`hangs`]).
    let margin = |out: &mut String| {
        out.push('\n');
        for _ in 0..=digits {
            out.push(' ');
        }
        out.push('|');
    };
    let hanging = marks[1].filter(|r| hangs(&leftmost, r)).map(|_| leftmost);
    margin(out);
    let mut at = left; // the column the row has reached, `left` at its start
    out.push(' ');
    for m in marks.iter().flatten() {
        repeat(out, ' ', m.start.saturating_sub(at));
        repeat(out, m.underline, m.end - m.start);
        at = m.end;
        if !m.label.is_empty() && hanging.is_none_or(|h| h.start != m.start) {
            out.push(' ');
            out.push_str(m.label);
            // A cell a character (wide ones too), as annotate-snippets
            // writes labels.
            at += 1 + m.label.chars().count();
        }
    }
    if let Some(h) = hanging {
        for row in [None, Some(h.label)] {
            margin(out);
            repeat(out, ' ', (h.start + 1).saturating_sub(left));
            out.push_str(row.unwrap_or("|"));
        }
    }
    true
}

/// Writes `c` `n` times (a row's padding and underlines, dozens of
/// columns a finding): the characters the rows are drawn with as runs of
/// up to 64 bytes of a constant, not a character at a time.
fn repeat(out: &mut String, c: char, n: usize) {
    const SPACES: &str = "                                                                ";
    const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
    const DASHES: &str = "----------------------------------------------------------------";
    let run = match c {
        ' ' => SPACES,
        '^' => CARETS,
        '-' => DASHES,
        _ => {
            out.extend(std::iter::repeat_n(c, n));
            return;
        }
    };
    let mut left = n;
    while left > 0 {
        let k = left.min(run.len());
        out.push_str(&run[..k]);
        left -= k;
    }
}

/// [`source_and_marks_rows`] for any line, cell by cell as
/// annotate-snippets' buffer holds them (`widths` of each character of
/// `line`, 0 or 1).
#[allow(clippy::too_many_arguments)]
fn source_and_marks_rows_by_cells(
    out: &mut String,
    p: &Plain<'_>,
    line: &str,
    widths: &[u8],
    (left, right): (usize, usize),
    (start, end): (usize, usize),
    computed_left: usize,
    line_len: usize,
) -> Option<()> {
    let digits = digits(p.line_no);
    let code_offset = 3 + digits;
    // The source row: what shows of the line, with `...` where it is cut.
    // The characters shown are a slice of the line: those after the first
    // `left` columns (and the zero-width characters that follow them), as
    // long as they fit in `right - left` columns.
    let mut skipped = 0;
    let mut taken = 0;
    let (mut from, mut to) = (line.len(), line.len());
    let mut showing = false;
    for ((i, _), &w) in line.char_indices().zip(widths) {
        if !showing {
            if skipped < left {
                skipped += usize::from(w);
                continue;
            }
            showing = true;
            from = i;
        }
        taken += usize::from(w);
        if taken > right - left {
            to = i;
            break;
        }
    }
    let code = &line[from..to];
    let left = left.max(skipped);
    let mut source = Row::default();
    let (mut width_taken, mut bytes_taken) = (0, 0);
    if computed_left > 0 {
        for c in code.chars() {
            width_taken += char_width(c);
            bytes_taken += c.len_utf8();
            if width_taken >= 3 {
                break;
            }
        }
        source.puts(code_offset, "...");
    }
    source.puts(code_offset + width_taken, &code[bytes_taken..]);
    if line_len > right {
        let (mut chars_taken, mut w) = (0, 0);
        for c in code.chars().rev() {
            w += char_width(c);
            chars_taken += 1;
            if w >= 3 {
                break;
            }
        }
        // (Never negative on a cut line, which shows a terminal's width;
        // annotate-snippets itself would overflow there.)
        let at = (code_offset + width_taken + code[bytes_taken..].chars().count())
            .checked_sub(chars_taken)?;
        source.puts(at, "...");
    }
    source.puts(0, &p.line_no.to_string());
    source.putc(digits + 1, '|');

    // The mark's row: carets under the mark, the label after them.
    let mut marks = Row::default();
    marks.putc(digits + 1, '|');
    marks.puts(code_offset + (end + 1).saturating_sub(left), p.label);
    for col in start..end {
        marks.putc((code_offset + col).saturating_sub(left), '^');
    }

    source.push_to(out);
    out.push('\n');
    marks.push_to(out);
    Some(())
}

/// annotate-snippets' `Margin`: the columns of the line to show, from the
/// indentation, the mark, the end of its label, the width available and
/// the line's width (6 columns of padding around the mark).
fn margin(
    whitespace_left: usize,
    span_left: usize,
    span_right: usize,
    label_right: usize,
    term_width: usize,
    line_len: usize,
) -> (usize, usize) {
    const PADDING: usize = 6;
    let whitespace_left = whitespace_left.saturating_sub(PADDING);
    let span_left = span_left.saturating_sub(PADDING);
    let span_right = span_right + PADDING;
    let label_right = label_right + PADDING;
    let mut left = if whitespace_left > 20 {
        whitespace_left - 16
    } else {
        0
    };
    let mut right = line_len.max(left);
    if right - left > term_width {
        if label_right.saturating_sub(whitespace_left) <= term_width
            && label_right >= whitespace_left
        {
            left = whitespace_left;
            right = left + term_width;
        } else if label_right - span_left <= term_width {
            left = span_left.saturating_sub((term_width - (label_right - span_left)) / 2);
            right = left + term_width;
        } else if span_right - span_left <= term_width {
            left = span_left.saturating_sub((term_width - (span_right - span_left)) / 5 * 2);
            right = left + term_width;
        } else {
            left = span_left;
            right = span_right;
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_character_is_repeated_as_many_times_as_asked() {
        for c in [' ', '^', '-', 'é', '\u{7F}', '─'] {
            for n in (0..140).chain([1000]) {
                let mut out = String::from("x");
                repeat(&mut out, c, n);
                assert_eq!(out, format!("x{}", c.to_string().repeat(n)), "{c:?} × {n}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The byte scan finds a replaced character exactly when there is
        /// one, among its neighbours in UTF-8 (the other characters of
        /// lead byte `C2` and `E2`).
        #[test]
        fn replaced_characters_are_found_byte_by_byte(
            s in "[ a-zم«»é\u{A0}\u{1}\u{7F}\u{80}\u{9F}\u{200C}-\u{200E}\u{2029}-\u{202F}\u{2065}-\u{206A}\u{2080}]{0,12}",
        ) {
            prop_assert_eq!(has_replaced(&s), s.chars().any(replaced));
        }

        /// The measured columns of any window of a line (printable ASCII,
        /// characters one column wide, zero-width marks, wide and replaced
        /// characters) are those of its characters counted one by one.
        #[test]
        fn measured_columns_are_the_characters_counted(
            line in prop_oneof![
                "[ a-z.7]{0,80}",
                "[ a-zمرح«»é\u{A0}]{0,80}",
                "[ a-zمر\u{64E}\u{301}中😀\t\u{1}\u{202B}]{0,80}",
                // Either side of the Arabic letters told from their bytes
                // (U+0621–U+064A): U+0600 (a control), U+060C, U+061F,
                // U+0620, U+063F–U+0641, U+064B (a mark), U+0660.
                "[ a\u{600}\u{60C}\u{61F}-\u{621}\u{63F}-\u{641}\u{64A}\u{64B}\u{660}]{0,80}",
            ],
            cut in (0usize..100, 0usize..100),
        ) {
            let bounds: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            let (a, b) = (cut.0.min(bounds.len() - 1), cut.1.min(bounds.len() - 1));
            let (a, b) = (a.min(b), a.max(b));
            let columns = Columns::of(&line);
            let cols = columns.all().window(bounds[a]..bounds[b]).expect("on boundaries");
            let window = &line[bounds[a]..bounds[b]];
            prop_assert_eq!(cols.chars(), window.chars().count());
            let mut col = 0;
            for (k, (i, c)) in window.char_indices().enumerate() {
                prop_assert_eq!(cols.byte(k), i);
                prop_assert_eq!(cols.col(k), col);
                prop_assert_eq!(cols.at_byte(i), Some(k));
                if c.len_utf8() > 1 {
                    prop_assert_eq!(cols.at_byte(i + 1), None);
                }
                col += char_width(c);
            }
            prop_assert_eq!(cols.byte(cols.chars()), window.len());
            prop_assert_eq!(cols.width(), col);
            prop_assert_eq!(cols.at_byte(window.len()), Some(cols.chars()));
            prop_assert_eq!(cols.at_byte(window.len() + 1), None);
            let odd = window.chars().any(|c| char_width(c) > 1 || replaced(c));
            prop_assert_eq!(cols.has_odd(), odd);
        }
    }
}
