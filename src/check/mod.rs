//! Check kinds: the general mechanisms that rule files configure.
//!
//! A kind is a Rust type with a parameter struct (deserialized from the
//! rule file's `[params]`, unknown keys denied), the placeholders its
//! messages may use, and a [`Check`] implementation that reports [`Hit`]s in
//! original byte spans. Adding a kind: write `check/<kind>.rs`, implement
//! `Kind` and [`Check`], and add it to `KINDS`.

mod arithmetic;
mod changed_figure;
mod date;
mod date_order;
mod decimal_shift;
mod doubled_word;
mod entity;
mod fact_amount;
mod fact_date;
mod future_date;
mod glued_words;
mod missing_passage;
mod pattern;
mod quotes;
mod spacing;
mod translation_amount;
mod translation_date;
mod translation_entity;
mod untranslated;

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use smallvec::SmallVec;

use crate::document::{Block, Document};
use crate::error::RuleFileError;
use crate::rules::{Data, RuleFile};
use crate::source::Span;

pub(crate) use fact_amount::SentenceKeys;
pub(crate) use quotes::quoted_ranges;

/// The quoted ranges of a block ([`quoted_ranges`]), found when a candidate
/// word first needs them: most blocks have no candidate word, and need no
/// scan.
#[derive(Default)]
pub(crate) struct Quoted(Option<Vec<std::ops::Range<usize>>>);

impl Quoted {
    pub(crate) fn get(&mut self, block: &Block) -> &[std::ops::Range<usize>] {
        self.0.get_or_insert_with(|| quoted_ranges(block))
    }
}

/// A related place reported with a hit.
#[derive(Debug, Clone)]
pub struct HitRelated<'a> {
    pub span: Span,
    pub message: Cow<'a, str>,
    /// True when the span is in the original of a translation
    /// ([`Document::original`]), not in the checked document.
    pub in_original: bool,
}

/// What a check reports: a span, the values of its message placeholders,
/// a suggested replacement and related places. The texts may borrow from
/// the document or the rule (`'a`): most are a word of the text or a
/// rule's note, and a hit is made into a finding at once, so a long
/// article's tens of thousands of hits need no copy of them.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub span: Span,
    /// Inline up to four (no check fills more): no allocation for the list.
    pub vars: SmallVec<[(&'static str, Cow<'a, str>); 4]>,
    pub suggestion: Option<Cow<'a, str>>,
    pub related: Vec<HitRelated<'a>>,
    /// A severity lower than the rule's, when the evidence is weaker (a
    /// fuzzy guess). Never raises the rule's severity.
    pub weaker: Option<crate::rules::Severity>,
}

impl<'a> Hit<'a> {
    pub fn new(span: Span) -> Hit<'a> {
        Hit {
            span,
            vars: SmallVec::new(),
            suggestion: None,
            related: Vec::new(),
            weaker: None,
        }
    }

    /// Lowers the severity of this hit to at most `severity`.
    #[must_use]
    pub fn at_most(mut self, severity: crate::rules::Severity) -> Hit<'a> {
        self.weaker = Some(severity);
        self
    }

    /// A hit on a view range of a block.
    pub fn in_block(block: &Block, range: std::ops::Range<usize>) -> Hit<'a> {
        Hit::new(block.span_of(range))
    }

    #[must_use]
    pub fn var(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Hit<'a> {
        self.vars.push((name, value.into()));
        self
    }

    #[must_use]
    pub fn suggest(mut self, replacement: impl Into<Cow<'a, str>>) -> Hit<'a> {
        self.suggestion = Some(replacement.into());
        self
    }

    #[must_use]
    pub fn related(mut self, span: Span, message: impl Into<Cow<'a, str>>) -> Hit<'a> {
        self.related.push(HitRelated {
            span,
            message: message.into(),
            in_original: false,
        });
        self
    }

    /// A related place in the original of the translation being checked.
    #[must_use]
    pub fn related_in_original(mut self, span: Span, message: impl Into<Cow<'a, str>>) -> Hit<'a> {
        self.related.push(HitRelated {
            span,
            message: message.into(),
            in_original: true,
        });
        self
    }

    /// The same hit with texts of its own (to be kept past what it
    /// borrows from).
    pub fn into_owned(self) -> Hit<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Hit {
            span: self.span,
            vars: self.vars.into_iter().map(|(n, v)| (n, own(v))).collect(),
            suggestion: self.suggestion.map(own),
            related: self
                .related
                .into_iter()
                .map(|r| HitRelated {
                    span: r.span,
                    message: own(r.message),
                    in_original: r.in_original,
                })
                .collect(),
            weaker: self.weaker,
        }
    }
}

/// Words or phrases per language, in a rule file's parameters
/// (`after = { ar = ["بعد"], fr = ["après"], en = ["after"] }`).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LangWords {
    ar: Vec<String>,
    fr: Vec<String>,
    en: Vec<String>,
    /// The phrases of each language as word keys, made on first use (a
    /// check reads them for every sentence with a date).
    #[serde(skip)]
    keyed: [std::sync::OnceLock<Vec<Vec<String>>>; 3],
}

impl LangWords {
    /// The phrases of `lang` as lists of word keys (normalized like
    /// entity names: case, Arabic letter forms, diacritics).
    pub(crate) fn phrases(&self, lang: crate::document::Lang) -> &[Vec<String>] {
        let (list, slot) = match lang {
            crate::document::Lang::Ar => (&self.ar, 0),
            crate::document::Lang::Fr => (&self.fr, 1),
            crate::document::Lang::En => (&self.en, 2),
        };
        self.keyed[slot].get_or_init(|| {
            list.iter()
                .map(|p| {
                    p.split_whitespace()
                        .map(crate::entity::key)
                        .filter(|k| !k.is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect()
        })
    }
}

/// The places of the characters of `marks` in `text`, in order. The text
/// is scanned for the first bytes of their UTF-8 forms, a table lookup per
/// byte, and decoded only there: most of a text holds none of them. (A
/// character's first byte is ASCII or a lead byte, never inside another
/// character.)
pub(crate) fn char_hits<'t>(
    text: &'t str,
    marks: &'t [char],
) -> impl Iterator<Item = (usize, char)> + 't {
    let mut first_bytes = [false; 256];
    for &c in marks {
        let mut buf = [0u8; 4];
        first_bytes[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
    }
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            if !first_bytes[usize::from(bytes[pos])] {
                pos += 1;
                continue;
            }
            let i = pos;
            let c = text[i..].chars().next()?;
            pos += c.len_utf8();
            if marks.contains(&c) {
                return Some((i, c));
            }
        }
        None
    })
}

/// A set of characters to find in texts, built once (with a rule) and
/// searched by [`CharSet::hits`]: a vectorized multi-literal search (Teddy,
/// from aho-corasick) where the processor has one, else the byte scan of
/// [`char_hits`]. Punctuation checks look for a few marks in every
/// paragraph; a byte-by-byte scan cost them about five percent of a check.
///
/// ASCII marks and the others are searched apart: Teddy looks first for
/// as many bytes as the shortest pattern has, and the first byte of an
/// Arabic mark (`،`: D8 8C) is also that of half the Arabic letters.
#[derive(Debug)]
pub(crate) struct CharSet {
    chars: Vec<char>,
    ascii: Group,
    other: Group,
}

/// Characters of one UTF-8 length class, with their searcher (built on
/// first use: a rule of another language never needs it).
#[derive(Debug)]
struct Group {
    chars: Vec<char>,
    searcher: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>>,
}

impl Group {
    fn new(chars: Vec<char>) -> Group {
        Group {
            chars,
            searcher: std::sync::OnceLock::new(),
        }
    }

    fn searcher(&self) -> Option<&aho_corasick::packed::Searcher> {
        self.searcher
            .get_or_init(|| {
                // Distinct characters have UTF-8 forms of which none is a
                // prefix of another: at most one pattern matches at a place.
                if self.chars.is_empty() {
                    return None;
                }
                aho_corasick::packed::Config::new()
                    .builder()
                    .extend(self.chars.iter().map(ToString::to_string))
                    .build()
            })
            .as_ref()
    }

    fn hits<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, char)> + 't {
        let (fast, slow) = match self.searcher() {
            Some(searcher) => (
                Some(
                    searcher
                        .find_iter(text.as_bytes())
                        .map(|m| (m.start(), self.chars[m.pattern().as_usize()])),
                ),
                None,
            ),
            None if self.chars.is_empty() => (None, None),
            None => (None, Some(char_hits(text, &self.chars))),
        };
        fast.into_iter().flatten().chain(slow.into_iter().flatten())
    }
}

impl CharSet {
    pub(crate) fn new(chars: &[char]) -> CharSet {
        let mut unique: Vec<char> = Vec::with_capacity(chars.len());
        for &c in chars {
            if !unique.contains(&c) {
                unique.push(c);
            }
        }
        let (ascii, other) = unique.iter().partition(|c| c.is_ascii());
        CharSet {
            chars: unique,
            ascii: Group::new(ascii),
            other: Group::new(other),
        }
    }

    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The places of the set's characters in `text`, in order.
    pub(crate) fn hits<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, char)> + 't {
        let mut a = self.ascii.hits(text).peekable();
        let mut b = self.other.hits(text).peekable();
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if x.0 < y.0 {
                    a.next()
                } else {
                    b.next()
                }
            }
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        })
    }
}

/// Where a check reports its hits. A rule hands its check a sink that turns
/// each hit into a finding at once, so a check with many hits never holds
/// them all (with their placeholder values) beside the findings; tests
/// collect them in a `Vec<Hit>`.
pub trait HitSink {
    fn push(&mut self, hit: Hit<'_>);
}

impl HitSink for Vec<Hit<'static>> {
    fn push(&mut self, hit: Hit<'_>) {
        Vec::push(self, hit.into_owned());
    }
}

impl dyn HitSink + '_ {
    /// Reports every hit of `hits`, in order.
    pub fn extend<'a>(&mut self, hits: impl IntoIterator<Item = Hit<'a>>) {
        for hit in hits {
            self.push(hit);
        }
    }
}

/// A compiled check.
pub trait Check: Send + Sync + std::fmt::Debug {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink);

    /// What the check reads of what a document extracts on first use. A
    /// hint for a document split over threads
    /// ([`crate::rules::RuleSet::check_split`]), which extracts it before
    /// the rules run: what a check reads is extracted when it first asks
    /// all the same.
    fn reads(&self, _doc: &Document<'_>) -> Reads {
        Reads::default()
    }

    /// A rough rank of what the check costs on a long document, once the
    /// extractions it reads are made (higher: costlier; 1 by default). A
    /// document split over threads starts its costliest rules first, so
    /// that no long rule is left to run alone at the end while the other
    /// threads idle. Only the order in which rules start depends on it,
    /// never a finding.
    fn weight(&self) -> u8 {
        1
    }
}

/// What a check reads of a document's extractions (see [`Check::reads`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reads {
    /// The figures ([`Document::amounts`]), extracted with the dates.
    pub amounts: bool,
    /// The dated mentions and durations ([`Document::dates`]).
    pub dates: bool,
    /// The names ([`Document::entities`]).
    pub entities: bool,
}

impl Reads {
    pub const AMOUNTS: Reads = Reads {
        amounts: true,
        dates: false,
        entities: false,
    };
    pub const DATES: Reads = Reads {
        amounts: false,
        dates: true,
        entities: false,
    };
    pub const ENTITIES: Reads = Reads {
        amounts: false,
        dates: false,
        entities: true,
    };

    /// What the alignment of a translation with its original reads of
    /// either: everything (see `crate::translation::align`). A check of a
    /// translation reads it first.
    pub const ALIGNED: Reads = Reads {
        amounts: true,
        dates: true,
        entities: true,
    };

    /// `self` when `reads`, else nothing (a check that reads only under
    /// a condition of the document: a publication date, an original).
    #[must_use]
    pub const fn when(self, reads: bool) -> Reads {
        Reads {
            amounts: reads && self.amounts,
            dates: reads && self.dates,
            entities: reads && self.entities,
        }
    }

    /// What `self` or `other` reads.
    #[must_use]
    pub const fn and(self, other: Reads) -> Reads {
        Reads {
            amounts: self.amounts || other.amounts,
            dates: self.dates || other.dates,
            entities: self.entities || other.entities,
        }
    }

    /// What is to be extracted for `self`: the figures bring the dates
    /// with them.
    #[must_use]
    pub const fn to_extract(self) -> Reads {
        Reads {
            dates: self.dates && !self.amounts,
            ..self
        }
    }
}

/// A check kind: how to build its check from a rule file's parameters.
pub(crate) trait Kind: Check + Sized + 'static {
    const NAME: &'static str;
    /// Placeholders the kind fills, besides `text` and `lang`.
    const PLACEHOLDERS: &'static [&'static str];
    type Params: DeserializeOwned + Default;
    /// The check of a rule file. What is costly to compile and not needed
    /// by every document (a regular expression of one language) may be
    /// compiled on first use, once its syntax is checked.
    fn build(params: Self::Params, data: &Data) -> Result<Self, String>;
    /// Compiles now what `build` left for first use, with the errors that
    /// compiling can give (a pattern too big): run on every rule file that
    /// is not embedded, so that a newsroom's broken rule is an error when
    /// it loads. The embedded rules are compiled this way by the tests.
    fn compile_now(&self) -> Result<(), String> {
        Ok(())
    }
}

/// A rule file parsed and its check built.
pub(crate) struct Built {
    pub(crate) file: RuleFile<()>,
    pub(crate) check: Box<dyn Check>,
    pub(crate) placeholders: &'static [&'static str],
}

/// Loads a rule file of one kind: (path shown, its TOML, the same as JSON
/// where `build.rs` made it, the data, whether to compile everything now:
/// [`Kind::compile_now`]).
type Loader = fn(&str, &str, Option<&str>, &Data, bool) -> Result<Built, RuleFileError>;

/// Where the forms of `word` without each proclitic of `proclitics` it
/// starts with begin, in the order of the list (what is left keeps two
/// letters at least): the forms are `&word[cut..]`, no string each. The
/// checks that match cue words on Arabic sentences key their words so.
///
/// A word starts with three proclitics at most (`و`, `وب`, `وبال`): the
/// cuts are kept inline, not on the heap (most Arabic words of a sentence
/// start with one, the article among them).
pub(crate) fn proclitic_cuts(word: &str, proclitics: &crate::source::Prefixes) -> Cuts {
    proclitics
        .of(word)
        .filter(|(_, rest)| rest.chars().nth(1).is_some())
        .map(|(p, _)| p.len())
        .collect()
}

/// Where the forms of a word without a proclitic start ([`proclitic_cuts`]).
pub(crate) type Cuts = smallvec::SmallVec<[usize; 4]>;

/// `word`, then its forms without a proclitic ([`proclitic_cuts`]).
pub(crate) fn word_forms<'w>(word: &'w str, cuts: &'w [usize]) -> impl Iterator<Item = &'w str> {
    std::iter::once(word).chain(cuts.iter().map(move |&c| &word[c..]))
}

fn load<K: Kind>(
    path: &str,
    text: &str,
    json: Option<&str>,
    data: &Data,
    compile_now: bool,
) -> Result<Built, RuleFileError> {
    // The JSON of an embedded file reads faster; the TOML says where an
    // error is (and a JSON that does not read is read again as TOML).
    let file: RuleFile<K::Params> = match json.and_then(|j| serde_json::from_str(j).ok()) {
        Some(file) => file,
        None => toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?,
    };
    let RuleFile {
        kind,
        category,
        severity,
        languages,
        summary,
        message,
        explanation,
        params,
        fix,
        examples,
    } = file;
    let check = K::build(params, data)
        .and_then(|check| {
            if compile_now {
                check.compile_now()?;
            }
            Ok(check)
        })
        .map_err(|msg| {
            let offset = text.find("[params]").unwrap_or(0);
            let mut e = RuleFileError::at(path, text, offset, msg);
            e.key = Some("params".into());
            e
        })?;
    Ok(Built {
        file: RuleFile {
            kind,
            category,
            severity,
            languages,
            summary,
            message,
            explanation,
            params: (),
            fix,
            examples,
        },
        check: Box::new(check),
        placeholders: K::PLACEHOLDERS,
    })
}

/// Every kind, by name.
pub(crate) const KINDS: &[(&str, Loader)] = &[
    (arithmetic::Arithmetic::NAME, load::<arithmetic::Arithmetic>),
    (
        changed_figure::ChangedFigure::NAME,
        load::<changed_figure::ChangedFigure>,
    ),
    (
        decimal_shift::DecimalShift::NAME,
        load::<decimal_shift::DecimalShift>,
    ),
    (
        doubled_word::DoubledWord::NAME,
        load::<doubled_word::DoubledWord>,
    ),
    (entity::Entities::NAME, load::<entity::Entities>),
    (
        fact_amount::FactAmount::NAME,
        load::<fact_amount::FactAmount>,
    ),
    (
        glued_words::GluedWords::NAME,
        load::<glued_words::GluedWords>,
    ),
    (pattern::Pattern::NAME, load::<pattern::Pattern>),
    (date::WeekdayMismatch::NAME, load::<date::WeekdayMismatch>),
    (date::ImpossibleDate::NAME, load::<date::ImpossibleDate>),
    (date::HijriMismatch::NAME, load::<date::HijriMismatch>),
    (date::RelativeConflict::NAME, load::<date::RelativeConflict>),
    (date_order::DateOrder::NAME, load::<date_order::DateOrder>),
    (fact_date::FactDate::NAME, load::<fact_date::FactDate>),
    (
        future_date::FutureDate::NAME,
        load::<future_date::FutureDate>,
    ),
    (quotes::Quotes::NAME, load::<quotes::Quotes>),
    (spacing::Spacing::NAME, load::<spacing::Spacing>),
    (
        translation_amount::TranslationAmount::NAME,
        load::<translation_amount::TranslationAmount>,
    ),
    (
        translation_date::TranslationDate::NAME,
        load::<translation_date::TranslationDate>,
    ),
    (
        translation_entity::TranslationEntity::NAME,
        load::<translation_entity::TranslationEntity>,
    ),
    (
        missing_passage::MissingPassage::NAME,
        load::<missing_passage::MissingPassage>,
    ),
    (
        untranslated::Untranslated::NAME,
        load::<untranslated::Untranslated>,
    ),
];

/// Names of all kinds, sorted.
pub fn kind_names() -> Vec<&'static str> {
    let mut v: Vec<_> = KINDS.iter().map(|(n, _)| *n).collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// `char_hits` finds what a scan of every character finds.
        #[test]
        fn char_hits_equal_a_scan_of_every_character(
            text in "[a \"'«»“”‘’„،؛,.:;!?()\u{a0}\u{202f}ماسكé€]{0,40}",
            marks in proptest::collection::vec(
                proptest::sample::select(vec!['"', '\'', '«', '»', '“', '”', '’', '،', ',', ':', '!', '(', '\u{202f}', 'é', '€', 'x']),
                0..6,
            ),
        ) {
            let expected: Vec<(usize, char)> =
                text.char_indices().filter(|(_, c)| marks.contains(c)).collect();
            let found: Vec<(usize, char)> = super::char_hits(&text, &marks).collect();
            proptest::prop_assert_eq!(&found, &expected);
            let set = super::CharSet::new(&marks);
            let found: Vec<(usize, char)> = set.hits(&text).collect();
            proptest::prop_assert_eq!(&found, &expected);
            // Long texts, past the size below which Teddy is not used.
            let long = text.repeat(7);
            let expected: Vec<(usize, char)> =
                long.char_indices().filter(|(_, c)| marks.contains(c)).collect();
            let found: Vec<(usize, char)> = set.hits(&long).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
