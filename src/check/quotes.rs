//! `quotes`: unbalanced and mismatched quotation marks, per paragraph.
//!
//! One scan per block keeps a stack of open quotation marks. A closing mark
//! that belongs to another pair than the open one is a mismatch (`"…»`); a
//! closing mark with nothing open, or an opening mark still open at the end
//! of the paragraph, is unbalanced. A paragraph whose quotation goes on in
//! the next paragraph (which opens with the same mark, as English and
//! French typography do, or closes the quotation before opening any other,
//! as many sites do) is not unbalanced. The same holds inside one block
//! when a sentence inside an open quotation ends and the same mark opens
//! again (`"… ready. "The team…`): that is a quotation running over
//! paragraphs whose breaks were lost (feeds that put a whole article on one
//! line). Apostrophe-like marks (`’`) only close a quotation opened with
//! their partner, and never when a letter follows them (`don’t`). A straight
//! `"` right after a digit with no quotation open is an inch or second mark
//! (`12" vinyl`, `5'10"`), not a quotation mark. A straight mark glued to
//! the word before it, with nothing open and its partner still to come in
//! the paragraph (an odd number of the same mark after it), opens a
//! quotation whose spacing is wrong (`له"  سيتم … قريبا"`): no partner is
//! missing.

use std::ops::Range;

use serde::Deserialize;

use super::{CharSet, Check, Hit, HitSink, Kind};
use crate::document::{Block, Document, Lang};
use crate::rules::Data;

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Report {
    /// A quotation closed with the mark of another pair.
    #[default]
    Mismatched,
    /// An opening mark never closed, or a closing mark never opened.
    Unbalanced,
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    report: Report,
    /// Pairs of (opening, closing) marks.
    pairs: Vec<[char; 2]>,
    /// Closing marks that are also apostrophes.
    apostrophes: Vec<char>,
    /// Languages in which a pair written in reverse (`”…“`) is accepted
    /// (Arabic writers reverse “” so that they look right in right-to-left
    /// text).
    accept_reversed_in: Vec<Lang>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            report: Report::default(),
            pairs: default_pairs(),
            apostrophes: DEFAULT_APOSTROPHES.to_vec(),
            accept_reversed_in: Vec::new(),
        }
    }
}

fn default_pairs() -> Vec<[char; 2]> {
    vec![
        ['«', '»'],
        ['“', '”'],
        ['„', '“'],
        ['‹', '›'],
        ['‘', '’'],
        ['"', '"'],
    ]
}

#[derive(Debug)]
pub(crate) struct Quotes {
    params: Params,
    /// The pairs and apostrophes of `params`, ready to scan with.
    marks: QuoteMarks,
}

/// Quotation marks to scan a text for: the pairs, the closing marks that
/// are also apostrophes, and the set of all of them to search (built
/// together, so that a scan never searches for other marks than it reads).
#[derive(Debug)]
struct QuoteMarks {
    /// Pairs of (opening, closing) marks.
    pairs: Vec<[char; 2]>,
    /// Closing marks that are also apostrophes.
    apostrophes: Vec<char>,
    /// Every mark of `pairs` and `apostrophes`: only these make a scan do
    /// anything.
    set: CharSet,
}

impl QuoteMarks {
    fn new(pairs: Vec<[char; 2]>, apostrophes: Vec<char>) -> QuoteMarks {
        let marks: Vec<char> = apostrophes
            .iter()
            .chain(pairs.iter().flatten())
            .copied()
            .collect();
        let set = CharSet::new(&marks);
        QuoteMarks {
            pairs,
            apostrophes,
            set,
        }
    }

    /// The closing mark of the pair that `open` opens.
    fn closing(&self, open: char) -> Option<char> {
        self.pairs.iter().find(|[a, _]| *a == open).map(|[_, b]| *b)
    }
}

impl Kind for Quotes {
    const NAME: &'static str = "quotes";
    const PLACEHOLDERS: &'static [&'static str] = &["open", "close", "expected"];
    type Params = Params;

    fn build(params: Params, _data: &Data) -> Result<Self, String> {
        if params.pairs.is_empty() {
            return Err("`pairs` is empty".into());
        }
        let marks = QuoteMarks::new(params.pairs.clone(), params.apostrophes.clone());
        Ok(Quotes { params, marks })
    }
}

/// What the scan of one block found (view byte ranges of the marks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QuoteEvent {
    /// A quotation, from its opening to its closing mark.
    Pair {
        open: Range<usize>,
        close: Range<usize>,
        /// The closing mark belongs to another pair (or the pair is reversed).
        mismatched: bool,
        reversed: bool,
    },
    Unclosed(Range<usize>),
    Stray(Range<usize>),
}

struct Open {
    range: Range<usize>,
    /// The mark that opened the quotation.
    mark: char,
    expects: char,
    reversed: bool,
}

fn is_space_or_edge(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'))
}

/// True when the text before `i` ends a sentence: white space, then a full
/// stop, question or exclamation mark (`… ready. "The`), maybe followed by a
/// closing bracket.
fn after_sentence_end(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false; // no white space before the mark
    }
    let trimmed = trimmed.trim_end_matches([')', ']']);
    trimmed.ends_with(['.', '?', '!', '…', '؟'])
}

/// How many times `c` is in `text` (`str::matches` reads eight bytes at a
/// time at best; `memchr` a vector register's worth).
fn count_of(text: &str, c: char) -> usize {
    let mut buf = [0; 4];
    let needle = c.encode_utf8(&mut buf).as_bytes();
    match needle {
        [b] => memchr::memchr_iter(*b, text.as_bytes()).count(),
        _ => memchr::memmem::find_iter(text.as_bytes(), needle).count(),
    }
}

/// Scans one view for the quotation marks of `marks`.
fn scan(text: &str, masked: &[Range<usize>], marks: &QuoteMarks) -> Vec<QuoteEvent> {
    let (pairs, apostrophes) = (&marks.pairs[..], &marks.apostrophes[..]);
    let mut stack: Vec<Open> = Vec::new();
    let mut events = Vec::new();
    // How many of each symmetric mark (`"`) are still to come: counted once
    // per paragraph, not again at each mark (a line of 100,000 of them).
    let mut to_come: Vec<(char, usize)> = pairs
        .iter()
        .filter(|[o, cl]| o == cl)
        .map(|&[o, _]| (o, count_of(text, o)))
        .collect();
    for (i, c) in marks.set.hits(text) {
        let range = i..i + c.len_utf8();
        let after = match to_come.iter_mut().find(|(m, _)| *m == c) {
            Some((_, n)) => {
                *n = n.saturating_sub(1);
                *n
            }
            None => 0,
        };
        let next = text[range.end..].chars().next();
        let p = text[..i].chars().next_back();
        if masked.iter().any(|m| m.contains(&i)) {
            continue;
        }
        let top_expects = stack.last().map(|o| o.expects);
        // White space before, a word after (French `« Et` has a space).
        let opens_here = is_space_or_edge(p)
            && text[range.end..]
                .trim_start_matches([' ', '\u{00A0}', '\u{202F}'])
                .starts_with(crate::document::is_letter_or_digit);
        // 0. The same mark opens again after a sentence inside the open
        // quotation: the quotation goes on in a new paragraph.
        if opens_here
            && stack.last().is_some_and(|o| o.mark == c && !o.reversed)
            && after_sentence_end(text, i)
        {
            let o = stack.pop().expect("top exists");
            events.push(QuoteEvent::Pair {
                open: o.range,
                close: range.clone(),
                mismatched: false,
                reversed: false,
            });
            stack.push(Open {
                range,
                mark: c,
                expects: o.expects,
                reversed: false,
            });
            continue;
        }
        // 1. It closes the open quotation.
        if top_expects == Some(c) {
            if apostrophes.contains(&c) && next.is_some_and(crate::document::is_letter_or_digit) {
                continue; // an apostrophe inside a word
            }
            let o = stack.pop().expect("top exists");
            events.push(QuoteEvent::Pair {
                open: o.range,
                close: range,
                mismatched: o.reversed,
                reversed: o.reversed,
            });
            continue;
        }
        if apostrophes.contains(&c) && !pairs.iter().any(|[o, cl]| *o == c && *cl != c) {
            continue; // apostrophes never open, nor close another pair
        }
        let symmetric = pairs.iter().any(|[o, cl]| *o == c && *cl == c);
        // A single opening mark between two Latin letters is an apostrophe
        // typed with the wrong mark (`d‘être`) or a transliterated ayn
        // (`Shi‘a`), not a quotation: its partner is an apostrophe.
        if !symmetric
            && pairs
                .iter()
                .any(|[o, cl]| *o == c && apostrophes.contains(cl))
            && [p, next]
                .iter()
                .all(|x| x.is_some_and(crate::document::is_latin_letter))
        {
            continue;
        }
        if symmetric && stack.is_empty() && p.is_some_and(|p| p.is_ascii_digit()) {
            continue; // an inch or second mark: `12"`, `5'10"`
        }
        let opens = pairs.iter().find(|[o, _]| *o == c).map(|[_, cl]| *cl);
        let closes = pairs.iter().any(|[_, cl]| *cl == c);
        let looks_closing = !is_space_or_edge(p)
            && (is_space_or_edge(next)
                || next.is_some_and(|n| {
                    n.is_ascii_punctuation() || matches!(n, '،' | '؛' | '؟' | '…')
                }));
        if symmetric {
            if looks_closing && !stack.is_empty() {
                // `"` after a word, while another quotation is open: it
                // closes that quotation with the wrong mark.
                let o = stack.pop().expect("non-empty");
                events.push(QuoteEvent::Pair {
                    open: o.range,
                    close: range,
                    mismatched: true,
                    reversed: false,
                });
            } else if looks_closing && after % 2 == 0 {
                events.push(QuoteEvent::Stray(range));
            } else {
                // Opening (`"word`), or glued to the word before with its
                // partner still to come in the paragraph (`له"  سيتم …
                // قريبا"`): a quotation whose spacing is wrong, not a mark
                // without a partner.
                stack.push(Open {
                    range,
                    mark: c,
                    expects: c,
                    reversed: false,
                });
            }
            continue;
        }
        match (opens, closes) {
            (Some(expects), _) if !(closes && looks_closing && !stack.is_empty()) => {
                stack.push(Open {
                    range,
                    mark: c,
                    expects,
                    reversed: false,
                });
            }
            (_, true) => {
                if let Some(o) = stack.pop() {
                    // `”…”` (or `“…“`): the same mark at both ends, a variant
                    // of the reversed pair.
                    let same_mark = o.mark == c;
                    events.push(QuoteEvent::Pair {
                        open: o.range,
                        close: range,
                        mismatched: true,
                        reversed: o.reversed || same_mark,
                    });
                } else if let Some([open, _]) = pairs.iter().find(|[o, cl]| *cl == c && o != cl) {
                    // A closing mark first: maybe a reversed pair (`”…“`).
                    stack.push(Open {
                        range,
                        mark: c,
                        expects: *open,
                        reversed: true,
                    });
                } else {
                    events.push(QuoteEvent::Stray(range));
                }
            }
            _ => {}
        }
    }
    for o in stack {
        events.push(if o.reversed {
            QuoteEvent::Stray(o.range)
        } else {
            QuoteEvent::Unclosed(o.range)
        });
    }
    events
}

const DEFAULT_APOSTROPHES: [char; 2] = ['’', '\''];

/// The default pairs and apostrophes, built once.
fn defaults() -> &'static QuoteMarks {
    static DEFAULTS: std::sync::OnceLock<QuoteMarks> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| QuoteMarks::new(default_pairs(), DEFAULT_APOSTROPHES.to_vec()))
}

/// View ranges inside quotation marks (the marks included), with the
/// default pairs: text that other checks treat as quoted.
pub(crate) fn quoted_ranges(block: &Block) -> Vec<Range<usize>> {
    scan(&block.text, &block.masked, defaults())
        .into_iter()
        .filter_map(|e| match e {
            QuoteEvent::Pair { open, close, .. } => Some(open.start..close.end),
            _ => None,
        })
        .collect()
}

impl Check for Quotes {
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        let p = &self.params;
        let accept_reversed = p.accept_reversed_in.contains(&doc.lang);
        // A quotation that opens in one paragraph and closes in the next
        // without opening again (`"… difficile.` ¶ `… lui-même."`) runs over
        // both: neither mark lacks a partner. What each block leaves open
        // and closes first is known once its marks are scanned.
        let events: Vec<Vec<QuoteEvent>> = doc
            .blocks
            .iter()
            .map(|b| scan(&b.text, &b.masked, &self.marks))
            .collect();
        // Worked out once per block, not at each mark (a paragraph of
        // 100,000 closing marks after an unclosed quotation).
        // (Only the unbalanced report reads it.)
        let carried: Vec<Option<(Range<usize>, Range<usize>)>> = (0..events.len())
            .map(|bi| {
                (p.report == Report::Unbalanced)
                    .then(|| closed_in_next(doc, &self.marks, &events, bi))
                    .flatten()
            })
            .collect();
        for (bi, block) in doc.blocks.iter().enumerate() {
            for e in events[bi].iter().cloned() {
                match (p.report, e) {
                    (
                        Report::Mismatched,
                        QuoteEvent::Pair {
                            open,
                            close,
                            mismatched: true,
                            reversed,
                        },
                    ) => {
                        if reversed && accept_reversed {
                            continue;
                        }
                        let o = block.text[open.clone()].chars().next().unwrap_or('"');
                        let c = block.text[close.clone()].chars().next().unwrap_or('"');
                        let expected = self.marks.closing(o).unwrap_or(o);
                        // A reversed pair (`”…“`) closes with the mark it opened with.
                        let expected = if reversed { o } else { expected };
                        let mut hit = Hit::in_block(block, close)
                            .var("open", o.to_string())
                            .var("close", c.to_string())
                            .var("expected", expected.to_string())
                            .related(
                                block.span_of(open),
                                format!("the quotation opens with «{o}» here"),
                            );
                        // `”…”`: the opening mark is the wrong one, and
                        // rewriting the closing one would change nothing.
                        if expected != c {
                            hit = hit.suggest(expected.to_string());
                        }
                        out.push(hit);
                    }
                    (Report::Unbalanced, QuoteEvent::Unclosed(open)) => {
                        let o = block.text[open.clone()].chars().next().unwrap_or('"');
                        if continues_in_next(doc, bi, o)
                            || carried[bi].as_ref().is_some_and(|(o, _)| *o == open)
                        {
                            continue;
                        }
                        let expected = self.marks.closing(o).unwrap_or(o);
                        out.push(
                            Hit::in_block(block, open)
                                .var("open", o.to_string())
                                .var("close", "")
                                .var("expected", expected.to_string()),
                        );
                    }
                    (Report::Unbalanced, QuoteEvent::Stray(close)) => {
                        let c = block.text[close.clone()].chars().next().unwrap_or('"');
                        if bi > 0 && carried[bi - 1].as_ref().is_some_and(|(_, c)| *c == close) {
                            continue;
                        }
                        let expected = self
                            .marks
                            .pairs
                            .iter()
                            .find(|[_, b]| *b == c)
                            .map_or(c, |[a, _]| *a);
                        out.push(
                            Hit::in_block(block, close)
                                .var("open", "")
                                .var("close", c.to_string())
                                .var("expected", expected.to_string()),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A quotation that opens in block `bi` and closes in the next one without
/// opening again: the last opening mark `bi` leaves unclosed and the
/// closing mark that is the next block's first quotation event, when that
/// mark closes it (view ranges in their blocks).
fn closed_in_next(
    doc: &Document<'_>,
    marks: &QuoteMarks,
    events: &[Vec<QuoteEvent>],
    bi: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let open = events[bi].iter().rev().find_map(|e| match e {
        QuoteEvent::Unclosed(r) => Some(r.clone()),
        _ => None,
    })?;
    let o = doc.blocks[bi].text[open.clone()].chars().next()?;
    let expected = marks.closing(o).unwrap_or(o);
    let start = |e: &QuoteEvent| match e {
        QuoteEvent::Pair { open, .. } => open.start,
        QuoteEvent::Unclosed(r) | QuoteEvent::Stray(r) => r.start,
    };
    match events.get(bi + 1)?.iter().min_by_key(|e| start(e))? {
        QuoteEvent::Stray(close)
            if doc.blocks[bi + 1].text[close.clone()].starts_with(expected) =>
        {
            Some((open, close.clone()))
        }
        _ => None,
    }
}

/// True when the block after `bi` opens with `mark` (a quotation that runs
/// over several paragraphs).
fn continues_in_next(doc: &Document<'_>, bi: usize, mark: char) -> bool {
    doc.blocks
        .get(bi + 1)
        .is_some_and(|b| b.text.trim_start().starts_with(mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The marks are counted as `str::matches` counts them, one byte
        /// long or several.
        #[test]
        fn marks_are_counted_as_str_counts_them(
            text in "[\"«»“”„'a’ـé]{0,40}",
            c in proptest::sample::select(vec!['"', '«', '»', '“', '”', '„', '\'', '’', 'a']),
        ) {
            proptest::prop_assert_eq!(count_of(&text, c), text.matches(c).count());
        }
    }

    fn events(text: &str) -> Vec<QuoteEvent> {
        scan(text, &[], defaults())
    }

    /// Whether the one event of `text` is a mismatched pair; `None` when
    /// its events are not one pair.
    fn one_pair(text: &str) -> Option<bool> {
        match &events(text)[..] {
            [QuoteEvent::Pair { mismatched, .. }] => Some(*mismatched),
            _ => None,
        }
    }

    #[test]
    fn straight_quote_closed_by_guillemet_is_mismatched() {
        let t = "قال: \"لقد حان الوقت». ثم";
        assert_eq!(one_pair(t), Some(true), "{:?}", events(t));
    }

    #[test]
    fn a_quotation_glued_to_the_word_before_it_is_still_a_pair() {
        let t = "وقال في بيان له\"  سيتم نشر بيان اللجنة قريبا\" وكان البنك قد رفع الفائدة.";
        assert_eq!(one_pair(t), Some(false), "{:?}", events(t));
        // A mark glued after a word whose partner never comes is stray;
        // so is the first of three, the other two being a pair.
        let e = events("He said\" nothing more.");
        assert!(matches!(&e[..], [QuoteEvent::Stray(_)]), "{e:?}");
        let e = events("He left\" and then said \"yes\" twice.");
        assert_eq!(
            e.iter()
                .filter(|e| matches!(e, QuoteEvent::Stray(_)))
                .count(),
            1,
            "{e:?}"
        );
        assert_eq!(
            e.iter()
                .filter(|e| matches!(e, QuoteEvent::Pair { .. }))
                .count(),
            1,
            "{e:?}"
        );
    }

    #[test]
    fn nested_english_quotes_and_apostrophes_are_fine() {
        let e = events("He said “she told me ‘don’t go’ yesterday” and left; it’s fine.");
        assert!(
            e.iter().all(|e| matches!(
                e,
                QuoteEvent::Pair {
                    mismatched: false,
                    ..
                }
            )),
            "{e:?}"
        );
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn quotation_running_over_lost_paragraph_breaks_is_balanced() {
        // See: ABC news corpus (gensim lee_background.cor), whole articles on one line.
        let e = events("He said: \"We will win. We are ready. \"The team is strong,\" he added.");
        assert!(
            e.iter().all(|e| matches!(
                e,
                QuoteEvent::Pair {
                    mismatched: false,
                    ..
                }
            )),
            "{e:?}"
        );
        let e = events("« Nous allons investir. « Et recruter », a-t-il dit.");
        assert!(
            e.iter().all(|e| matches!(
                e,
                QuoteEvent::Pair {
                    mismatched: false,
                    ..
                }
            )),
            "{e:?}"
        );
    }

    #[test]
    fn an_unclosed_quotation_before_another_one_is_still_unbalanced() {
        let e = events("He called it \"a joke, and \"nonsense\" too.");
        assert!(
            e.iter()
                .any(|e| matches!(e, QuoteEvent::Unclosed(_) | QuoteEvent::Stray(_))),
            "{e:?}"
        );
    }

    #[test]
    fn inch_marks_are_not_quotation_marks() {
        let e = events("He is 5'10\" tall and sells 12\" vinyl.");
        assert!(e.is_empty(), "{e:?}");
        let e = events("The novel \"1984\" sold well.");
        assert!(
            matches!(
                &e[..],
                [QuoteEvent::Pair {
                    mismatched: false,
                    ..
                }]
            ),
            "{e:?}"
        );
    }

    #[test]
    fn the_same_closing_mark_at_both_ends_is_a_reversed_pair() {
        // See: Arabic web news, `بـ”الإسلام السياسي”`.
        let e = events("بـ”الإسلام السياسي”.");
        assert!(
            matches!(
                &e[..],
                [QuoteEvent::Pair {
                    mismatched: true,
                    reversed: true,
                    ..
                }]
            ),
            "{e:?}"
        );
    }

    #[test]
    fn reversed_pair_is_reported_as_reversed() {
        let e = events("”word“");
        assert!(
            matches!(
                &e[..],
                [QuoteEvent::Pair {
                    mismatched: true,
                    reversed: true,
                    ..
                }]
            ),
            "{e:?}"
        );
    }
}
