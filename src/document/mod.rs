//! The document model: prose blocks, sentences and words, all mapped to byte
//! spans of the original text.
//!
//! A [`Block`] is one paragraph (or heading, list item, table cell) of prose,
//! or a piece of at most 64 KiB of a longer one, cut at a sentence end (see
//! `cut`).
//! Its `text` is a *prose view*: for plain text, the paragraph itself (a
//! line break inside it, with the white space around it, becomes one
//! space); for Markdown, the text of the paragraph without markup (inline
//! code, inline HTML, autolinks and images become U+FFFC, soft breaks become
//! spaces, escapes and entities are resolved). Checks match on the view and
//! turn view ranges into original spans with [`Block::span_of`], never by
//! searching the original for the matched text.

mod cut;
mod lang;
mod letters;
mod markdown;
mod plain;
mod segment;

pub(crate) use lang::FunctionWords;
pub use lang::{
    Lang, detect as detect_language, is_arabic_letter, is_latin_letter, is_letter,
    is_letter_or_digit,
};
pub use plain::{SoftBreaks, soften};
pub use segment::{Script, ViewRange, Word};

pub(crate) use markdown::raw_html as markdown_raw_html;

use std::ops::Range;

use crate::rules::Data;
use crate::source::{Format, OffsetMap, SourceFile, Span};

/// Stands for a piece of inline code (or other non-prose inline) in a view.
pub const PLACEHOLDER: char = '\u{FFFC}';

/// Metadata read from front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub span: Option<Span>,
    /// The raw `published:` value.
    pub published: Option<String>,
    /// The raw `lang:` (or `language:`) value.
    pub lang: Option<String>,
    /// The raw `source:` value: the path of the article's original, when
    /// the article is a translation (relative to the article's folder); a
    /// value that names no article file is an attribution (`Reuters`), which
    /// [`crate::lint::Linter`] leaves alone.
    pub source: Option<String>,
}

/// A block's view of the text and the map of its offsets to the
/// original's, before it is segmented.
type View<'a> = (std::borrow::Cow<'a, str>, OffsetMap);

/// A block's sentences or clauses: view ranges, the first two held in
/// the block itself (most paragraphs of a list or a table are one).
pub type Ranges = smallvec::SmallVec<[ViewRange; 2]>;

/// One block of prose.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// The prose view: the original text itself when the block is one
    /// stretch of it (a one-line paragraph), so that a long article is not
    /// kept twice.
    pub text: std::borrow::Cow<'a, str>,
    /// Maps view offsets to original offsets.
    pub map: OffsetMap,
    /// View ranges of sentences.
    pub sentences: Ranges,
    /// Words, in order.
    pub words: Vec<Word>,
    /// View ranges of clauses: sentences cut at `،` `؛` `,` `;` (a comma
    /// between digits, `1,000`, does not cut).
    pub clauses: Ranges,
    /// View ranges that are not prose (URLs, e-mail addresses, handles).
    pub masked: Vec<Range<usize>>,
}

impl<'a> Block<'a> {
    /// Builds a block from its view and map, segmenting it.
    pub fn new(text: impl Into<std::borrow::Cow<'a, str>>, mut map: OffsetMap) -> Block<'a> {
        let text = text.into();
        let masked = segment::mask_non_prose(&text);
        debug_assert!(
            masked.windows(2).all(|w| w[0].end <= w[1].start),
            "masked ranges sorted and disjoint (see `is_masked`)"
        );
        let sentences = segment::sentences(&text);
        let mut words = segment::words(&text);
        let clauses = segment::clauses(&text, &sentences);
        // Kept for the whole check: compact, no room left from growing, and
        // the sentences and clauses in the block itself when short (a list
        // of a hundred thousand one-line paragraphs made two small
        // allocations a line for them).
        let compact = |ranges: Vec<Range<usize>>| -> Ranges {
            // (Collecting would round the room up to a power of two.)
            let mut compact = Ranges::new();
            compact.reserve_exact(ranges.len());
            compact.extend(ranges.into_iter().map(ViewRange::new));
            compact
        };
        let (sentences, clauses) = (compact(sentences), compact(clauses));
        words.shrink_to_fit();
        map.shrink_to_fit();
        Block {
            text,
            map,
            sentences,
            words,
            clauses,
            masked,
        }
    }

    /// The original span of a view range.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        self.map.to_orig(range.start, range.end)
    }

    /// True when the view range touches a masked (non-prose) range (an
    /// empty range, the character at its start). The masked ranges are
    /// sorted and disjoint: only the first that ends after the range's
    /// start can touch it, found by binary search. A scan of them all made
    /// a paragraph of 50,000 handles or links quadratic.
    pub fn is_masked(&self, range: &Range<usize>) -> bool {
        // Most paragraphs hold no link: asked of every word.
        if self.masked.is_empty() {
            return false;
        }
        let i = self.masked.partition_point(|m| m.end <= range.start);
        self.masked
            .get(i)
            .is_some_and(|m| m.start < range.end.max(range.start + 1))
    }

    /// The index of the sentence that holds view offset `pos` (sentences
    /// are sorted and disjoint: a binary search).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end as usize <= pos);
        self.sentences
            .get(i)
            .is_some_and(|s| s.start as usize <= pos)
            .then_some(i)
    }

    /// The index of the clause that holds view offset `pos`.
    pub fn clause_at(&self, pos: usize) -> Option<usize> {
        let i = self.clauses.partition_point(|c| c.end as usize <= pos);
        self.clauses
            .get(i)
            .is_some_and(|c| c.start as usize <= pos)
            .then_some(i)
    }

    /// The words that lie inside a view range (words are sorted and
    /// disjoint: found by binary search, not by a scan of the block).
    pub fn words_in(&self, range: &Range<usize>) -> &[Word] {
        let lo = self.word_at_or_after(range.start);
        let hi = lo + self.words[lo..].partition_point(|w| w.range().end <= range.end);
        &self.words[lo..hi]
    }

    /// The index of the first word that starts at or after `pos`.
    pub fn word_at_or_after(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.range().start < pos)
    }
}

/// A document ready to be checked.
#[derive(Debug)]
pub struct Document<'a> {
    pub source: &'a SourceFile,
    pub lang: Lang,
    pub front_matter: FrontMatter,
    pub blocks: Vec<Block<'a>>,
    /// The shared language data and gazetteer of the rule set.
    pub data: &'a Data,
    /// The publication date: the front matter's `published:` (or `date:`),
    /// unless the caller sets it (`--published`, see [`Document::published`]).
    published: Option<chrono::NaiveDate>,
    /// Dated mentions, extracted once by the first rule that needs them.
    dates: std::sync::OnceLock<(Vec<crate::date::DateMention>, Vec<crate::date::Duration>)>,
    /// Entity mentions, extracted once by the first rule that needs them.
    entities: std::sync::OnceLock<crate::entity::Mentions>,
    /// Amounts, extracted once by the first rule that needs them.
    amounts: std::sync::OnceLock<Vec<crate::amount::AmountMention>>,
    /// The original, when the document is a translation.
    original: Option<Original<'a>>,
    /// The alignment with the original, computed once by the first
    /// translation rule.
    alignment: std::sync::OnceLock<crate::translation::Alignment>,
}

/// The original of a translation: its document (parsed with its own
/// language and the translation's publication date) and its file, which
/// the findings' related places point into.
#[derive(Debug, Clone, Copy)]
pub struct Original<'a> {
    pub doc: &'a Document<'a>,
    pub file: &'a std::sync::Arc<SourceFile>,
}

impl<'a> Document<'a> {
    /// Parses `source` into blocks and decides its language: `lang` when
    /// given, else the front matter's `lang:`, else detection.
    pub fn parse(source: &'a SourceFile, lang: Option<Lang>, data: &'a Data) -> Document<'a> {
        Document::parse_with_default(source, lang, None, data)
    }

    /// Like [`Document::parse`], with `default` (a configuration's
    /// language) taken when neither `lang` nor the front matter gives one,
    /// instead of detecting it.
    pub fn parse_with_default(
        source: &'a SourceFile,
        lang: Option<Lang>,
        default: Option<Lang>,
        data: &'a Data,
    ) -> Document<'a> {
        Document::parse_split(source, lang, default, data, false)
    }

    /// Like [`Document::parse_with_default`]; a long document's blocks are
    /// segmented on all the threads of rayon's pool when `split` allows it
    /// (see [`crate::ordered::split_document`]).
    pub fn parse_split(
        source: &'a SourceFile,
        lang: Option<Lang>,
        default: Option<Lang>,
        data: &'a Data,
        split: bool,
    ) -> Document<'a> {
        let (front_matter, views) = match source.format {
            Format::Text => (FrontMatter::default(), plain::views(source)),
            Format::Markdown => markdown::parse(source),
        };
        let views = cut::long_views(views);
        let split = crate::ordered::split_document(split, source.text.len());
        let blocks = crate::ordered::map(views, split, |(view, map)| Block::new(view, map));
        let lang = lang
            .or_else(|| front_matter.lang.as_deref().and_then(|l| l.parse().ok()))
            .or(default)
            .unwrap_or_else(|| lang::detect_blocks(&blocks, data));
        Document {
            source,
            lang,
            blocks,
            data,
            published: front_matter.published.as_deref().and_then(parse_published),
            front_matter,
            dates: std::sync::OnceLock::new(),
            entities: std::sync::OnceLock::new(),
            amounts: std::sync::OnceLock::new(),
            original: None,
            alignment: std::sync::OnceLock::new(),
        }
    }

    /// Makes the document the translation of `original` (see
    /// [`crate::translation`]).
    #[must_use]
    pub fn with_original(mut self, original: Original<'a>) -> Document<'a> {
        self.original = Some(original);
        self.alignment = std::sync::OnceLock::new();
        self
    }

    /// The original, when the document is a translation.
    pub fn original(&self) -> Option<Original<'a>> {
        self.original
    }

    /// The alignment of the document with its original (computed on first
    /// use), or `None` when it is no translation.
    pub fn alignment(&self) -> Option<&crate::translation::Alignment> {
        let original = self.original?;
        Some(
            self.alignment
                .get_or_init(|| crate::translation::align(original.doc, self)),
        )
    }

    /// Sets the publication date (a command-line or configuration date
    /// given for the file wins over its front matter only when the caller
    /// decides so: `Linter` gives `--published` precedence).
    #[must_use]
    pub fn with_published(mut self, published: Option<chrono::NaiveDate>) -> Document<'a> {
        if published.is_some() {
            self.published = published;
            self.dates = std::sync::OnceLock::new();
        }
        self
    }

    /// Sets the publication date when the front matter gives none (a
    /// configuration's date).
    #[must_use]
    pub fn with_default_published(mut self, published: Option<chrono::NaiveDate>) -> Document<'a> {
        if self.published.is_none() && published.is_some() {
            self.published = published;
            self.dates = std::sync::OnceLock::new();
        }
        self
    }

    /// True when some block has a word (or a number): what the extractors
    /// need to have anything to do.
    pub fn has_words(&self) -> bool {
        self.blocks.iter().any(|b| !b.words.is_empty())
    }

    /// The publication date, when known.
    pub fn published(&self) -> Option<chrono::NaiveDate> {
        self.published
    }

    /// The dated mentions of the document, resolved against the
    /// publication date (extracted on first use).
    pub fn dates(&self) -> &[crate::date::DateMention] {
        &self.date_pass().0
    }

    /// The dated mentions that start in a view range of a block (the
    /// mentions are in text order: found by binary search).
    pub fn dates_in(
        &self,
        block: usize,
        range: &std::ops::Range<usize>,
    ) -> &[crate::date::DateMention] {
        placed_in(self.dates(), block, range)
    }

    /// The figures that start in a view range of a block (binary search).
    pub fn amounts_in(
        &self,
        block: usize,
        range: &std::ops::Range<usize>,
    ) -> &[crate::amount::AmountMention] {
        placed_in(self.amounts(), block, range)
    }

    /// The entity mentions that start in a view range of a block (binary
    /// search).
    pub fn entities_in(
        &self,
        block: usize,
        range: &std::ops::Range<usize>,
    ) -> &[crate::entity::Mention] {
        placed_in(&self.entities().list, block, range)
    }

    /// The spans of time of the document (`ten years`, `عامين`), found in
    /// the same pass as the dates.
    pub fn durations(&self) -> &[crate::date::Duration] {
        &self.date_pass().1
    }

    fn date_pass(&self) -> &(Vec<crate::date::DateMention>, Vec<crate::date::Duration>) {
        self.dates
            .get_or_init(|| kept_dates(crate::date::extract_all(self, self.published)))
    }

    /// The mentions of the gazetteer's entities (extracted on first use).
    pub fn entities(&self) -> &crate::entity::Mentions {
        self.entities.get_or_init(|| {
            let mut m = crate::entity::extract(self, &self.data.gazetteer, self.data);
            debug_assert!(
                m.list.is_sorted_by_key(Placed::place),
                "mentions in text order"
            );
            // Kept for the whole check: no room left from growing it.
            m.list.shrink_to_fit();
            m
        })
    }

    /// The figures of the document (extracted on first use). When the
    /// dates are not extracted yet, they are extracted in the same pass:
    /// each block is normalized once for both.
    pub fn amounts(&self) -> &[crate::amount::AmountMention] {
        self.amounts.get_or_init(|| {
            let mut a = if self.dates.get().is_some() {
                crate::amount::extract(self)
            } else {
                let mut dates = None;
                let a = crate::amount::extract_with(self, |bi, block, norm, toks| {
                    dates
                        .get_or_insert_with(|| crate::date::Pass::new(self, self.published))
                        .block_after_amounts(bi, block, norm, toks);
                });
                let dates = dates.map_or_else(Default::default, crate::date::Pass::finish);
                let _ = self.dates.set(kept_dates(dates));
                a
            };
            debug_assert!(a.is_sorted_by_key(Placed::place), "figures in text order");
            // Kept for the whole check (and the report): no room left from
            // growing it.
            a.shrink_to_fit();
            a
        })
    }

    /// What has been extracted so far, as [`crate::check::Reads`] names it:
    /// the dates only when they were extracted without the figures.
    #[cfg(test)]
    pub(crate) fn extracted(&self) -> crate::check::Reads {
        crate::check::Reads {
            amounts: self.amounts.get().is_some(),
            dates: self.dates.get().is_some(),
            entities: self.entities.get().is_some(),
        }
        .to_extract()
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The figures and dates of the document, moved out of it: all of them
    /// (extracted now if no rule asked for them) when `all`, else those a
    /// rule had extracted (none when no rule read them).
    pub fn into_figures(
        self,
        all: bool,
    ) -> (
        Vec<crate::amount::AmountMention>,
        Vec<crate::date::DateMention>,
    ) {
        if all {
            self.amounts();
            self.dates();
        }
        let amounts = self.amounts.into_inner().unwrap_or_default();
        let dates = self.dates.into_inner().map(|(d, _)| d).unwrap_or_default();
        (amounts, dates)
    }
}

/// A document's dates and spans of time as kept for the whole check (and
/// the report): in text order, with no room left from growing them.
fn kept_dates(
    mut pass: (Vec<crate::date::DateMention>, Vec<crate::date::Duration>),
) -> (Vec<crate::date::DateMention>, Vec<crate::date::Duration>) {
    debug_assert!(
        pass.0.is_sorted_by_key(Placed::place),
        "dates in text order"
    );
    pass.0.shrink_to_fit();
    pass.1.shrink_to_fit();
    pass
}

/// Something found in a block: mentions of figures, dates and entities,
/// kept in text order (by block, then view offset) so that the ones of a
/// sentence are found by binary search, not by a scan of the whole
/// document per sentence (which made long articles quadratic).
pub trait Placed {
    /// The block, and where the mention starts in its view.
    fn place(&self) -> (usize, usize);
}

impl Placed for crate::amount::AmountMention {
    fn place(&self) -> (usize, usize) {
        (self.block, self.view.start)
    }
}

impl Placed for crate::date::DateMention {
    fn place(&self) -> (usize, usize) {
        (self.block, self.view.start)
    }
}

impl Placed for crate::entity::Mention {
    fn place(&self) -> (usize, usize) {
        (self.block(), self.view().start)
    }
}

/// The items of `items` (in text order) that start in `range` of `block`.
pub fn placed_in<'x, T: Placed>(
    items: &'x [T],
    block: usize,
    range: &std::ops::Range<usize>,
) -> &'x [T] {
    &items[placed_range(items, block, range)]
}

/// The indices of the items of `items` (in text order) that start in
/// `range` of `block`.
pub fn placed_range<T: Placed>(
    items: &[T],
    block: usize,
    range: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let lo = items.partition_point(|m| m.place() < (block, range.start));
    let hi = items.partition_point(|m| m.place() < (block, range.end));
    lo..hi.max(lo)
}

/// Reads a front-matter date: `2025-02-11`, or the date part of an RFC 3339
/// timestamp (`2025-02-11T10:00:00+01:00`, the local date of publication).
pub fn parse_published(value: &str) -> Option<chrono::NaiveDate> {
    let v = value.trim();
    let head = v.get(..10)?;
    let date = chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let rest = &v[10..];
    (rest.is_empty() || rest.starts_with(['T', 't', ' '])).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph longer than a block is checked as blocks cut at
    /// sentence ends, whose words map to their own text in the original:
    /// in plain text (lines joined by a space that stands for the line
    /// break) and in Markdown (emphasis left out of the view).
    #[test]
    fn a_long_paragraph_is_cut_into_blocks_that_map_to_the_original() {
        let data = Data::default();
        let unit = "The board met on *Monday* and left.\nIt was late. ";
        let reps = 3 * cut::MAX_BLOCK / unit.len();
        for format in [Format::Text, Format::Markdown] {
            let text = format!("Title\n\n{}\n", unit.repeat(reps).trim_end());
            let source = SourceFile::from_text("a", text.clone(), format);
            let doc = Document::parse(&source, Some(Lang::En), &data);
            assert!(doc.blocks.len() >= 4, "{format:?}: {}", doc.blocks.len());
            let mut mondays = 0;
            for b in &doc.blocks[1..] {
                assert!(b.text.len() <= cut::MAX_BLOCK);
                assert!(
                    b.text.starts_with(['T', 'I']) && b.text.ends_with('.'),
                    "{format:?}: a block from a sentence to a sentence: {:?} … {:?}",
                    &b.text[..20],
                    &b.text[b.text.len() - 20..]
                );
                for w in &b.words {
                    let span = b.span_of(w.range());
                    let original = &text[span.start as usize..span.end as usize];
                    assert_eq!(original, &b.text[w.range()], "{format:?}");
                    mondays += usize::from(original == "Monday");
                }
            }
            assert_eq!(mondays, reps, "{format:?}: every word in one block");
        }
    }

    proptest::proptest! {
        /// `words_in` is the filter it stands for.
        #[test]
        fn words_in_a_range_are_found_by_binary_search(
            text in "[a-cو ٣.,]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            let mut map = OffsetMap::new();
            map.push_identity(0, 0, text.len());
            let block = Block::new(text.clone(), map);
            let range = a.min(b).min(text.len())..a.max(b).min(text.len());
            let expected: Vec<&Word> = block
                .words
                .iter()
                .filter(|w| range.start <= w.range().start && w.range().end <= range.end)
                .collect();
            let found: Vec<&Word> = block.words_in(&range).iter().collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// `is_masked` (a binary search) is the scan of every masked range
        /// it replaced, empty ranges included.
        #[test]
        fn a_masked_range_is_found_by_binary_search(
            text in "(@a|#b|x\\.com|https://y|a\\.c|[ab@#.] ){0,12}",
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let mut map = OffsetMap::new();
            map.push_identity(0, 0, text.len());
            let block = Block::new(text.clone(), map);
            let range = a.min(b).min(text.len())..a.max(b).min(text.len());
            let scanned = block
                .masked
                .iter()
                .any(|m| m.start < range.end.max(range.start + 1) && range.start < m.end);
            proptest::prop_assert_eq!(block.is_masked(&range), scanned);
        }
    }
}
