//! The words of date extraction, read once from the data lists
//! `date-<lang>.<list>` (`rules/data/date-{ar,fr,en}.toml`), normalized and
//! tokenized like the text.

use rustc_hash::FxHashSet as HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use crate::rules::Data;
use crate::source::NormalizeOptions;

/// A relative expression: a unit (`d`, `w`, `m`, `y`) and an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rel {
    pub(super) unit: char,
    pub(super) offset: i32,
    /// A date only beside a weekday or after a time-of-day word (`today`,
    /// `اليوم`: alone, often "nowadays").
    pub(super) qualified: bool,
}

/// A unit of `N days ago`: `d`, `w`, `m`, `y`, and the count the word
/// carries by itself (the Arabic dual `يومين` is 2 days), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    pub(super) unit: char,
    pub(super) count: Option<u32>,
}

/// Phrases (token keys), longest first, indexed by their first token.
#[derive(Debug, Clone)]
pub(super) struct Phrases<V> {
    pub(super) list: Vec<(Vec<String>, V)>,
    /// Indices into `list` (in its order) by first token.
    first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// This list's bit in [`Lexicon::vocab`].
    pub(super) bit: u32,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            list: Vec::new(),
            first: rustc_hash::FxHashMap::default(),
            bit: 0,
        }
    }
}

/// A list of single words (token keys).
#[derive(Debug, Clone, Default)]
pub(super) struct Words {
    set: HashSet<String>,
    /// This list's bit in [`Lexicon::vocab`].
    pub(super) bit: u32,
}

impl Words {
    pub(super) fn contains(&self, key: &str) -> bool {
        self.set.contains(key)
    }

    fn insert(&mut self, key: String) {
        self.set.insert(key);
    }
}

impl Extend<String> for Words {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        self.set.extend(iter);
    }
}

impl<V> Phrases<V> {
    /// Adds a phrase (the first of equal phrases wins); [`Phrases::finish`]
    /// orders and indexes them once they are all in.
    fn add(&mut self, toks: Vec<String>, v: V) {
        if toks.is_empty() || self.list.iter().any(|(t, _)| *t == toks) {
            return;
        }
        self.list.push((toks, v));
    }

    /// Orders the phrases longest first (a stable sort: equal lengths stay
    /// in the order of the lists) and indexes them by first token.
    fn finish(&mut self) {
        self.list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        self.first.clear();
        for (i, (t, _)) in self.list.iter().enumerate() {
            self.first.entry(t[0].clone()).or_default().push(i);
        }
    }

    /// The indices of the phrases whose first token is `token`, in
    /// ascending order (the extractor tries them in that order).
    pub(super) fn starting_with(&self, token: &str) -> &[usize] {
        self.first.get(token).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub(super) months: Phrases<u32>,
    pub(super) weekdays: Phrases<u32>,
    pub(super) relative: Phrases<Rel>,
    pub(super) past_after: Words,
    pub(super) next_after: Words,
    pub(super) past_before: Words,
    pub(super) next_before: Words,
    pub(super) year_markers: Words,
    pub(super) year_suffixes: Words,
    pub(super) ordinal_suffixes: Words,
    pub(super) links: Words,
    pub(super) time_of_day: Words,
    /// Words before a bare weekday that make it a date.
    pub(super) weekday_markers: Words,
    /// Weekday names (keys of their first word) that are dates by
    /// themselves (`*` in `weekday-markers`), or between commas (`,`).
    pub(super) bare_weekdays: Words,
    pub(super) comma_weekdays: Words,
    pub(super) weekday_not_after: Words,
    pub(super) future_cues: Phrases<()>,
    pub(super) numbers: Phrases<u32>,
    pub(super) units: Phrases<Unit>,
    pub(super) ago_before: Phrases<()>,
    pub(super) ago_after: Phrases<()>,
    pub(super) ago_not_before: Words,
    /// Words between the two ends of a range (`2019 to 2021`, `27 et 28
    /// juin`).
    pub(super) range_links: Words,
    pub(super) hijri_months: Phrases<u32>,
    pub(super) hijri_suffixes: Phrases<()>,
    pub(super) equivalence: Phrases<()>,
    /// Arabic proclitics, longest first.
    pub(super) proclitics: crate::source::Prefixes,
    /// Every word of the lists above (the first word of a phrase), with
    /// the bits of the lists it is in: one lookup per form of a token
    /// tells which lists can match there.
    pub(super) vocab: crate::vocab::Map,
    /// The bits of the lists whose words may open a date or a span of
    /// time (months, weekdays, relative phrases, number words, units, the
    /// words before `ago` and Hijri months, `last` and `next`); the other
    /// lists (`of`, `in`, `to`, `ago`, …) are only read around one.
    pub(super) openers: u32,
}

/// The normalization of text and data alike (the same as the other
/// figures' extractor: see `Document::amounts`).
pub(super) fn options() -> NormalizeOptions {
    NormalizeOptions::FIGURES
}

/// A token of normalized text: a run of letters, a run of digits, or one
/// other character (white space is dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub(super) range: std::ops::Range<usize>,
    pub(super) kind: Kind,
    /// No white space between it and the previous token.
    pub(super) glued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct,
}

fn kind_of(c: char) -> Option<Kind> {
    if c.is_ascii_digit() {
        Some(Kind::Num)
    } else if crate::document::is_letter(c) || crate::source::is_mark(c) {
        Some(Kind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(Kind::Punct)
    }
}

/// [`kind_of`] an ASCII byte.
fn ascii_kind(b: u8) -> Option<Kind> {
    match b {
        b'0'..=b'9' => Some(Kind::Num),
        b'a'..=b'z' | b'A'..=b'Z' => Some(Kind::Word),
        // `char::is_whitespace` on ASCII.
        b'\t'..=b'\r' | b' ' => None,
        _ => Some(Kind::Punct),
    }
}

/// Cuts `text` into word, number and punctuation tokens (white space is
/// dropped). ASCII is read a byte at a time, and a run of ASCII letters or
/// digits at once; other characters are decoded.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // A token (a word or a sign) every five or six bytes of news text:
    // sized once rather than grown and copied again and again.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
    let mut last_end = 0;
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        let b = bytes[i];
        let (kind, mut end) = if b < 0x80 {
            (ascii_kind(b), i + 1)
        } else {
            let c = text[i..].chars().next().expect("on a char boundary");
            (kind_of(c), i + c.len_utf8())
        };
        // The rest of an ASCII run of the same kind joins the token, as
        // each of its characters would one by one.
        match kind {
            Some(Kind::Word) if b < 0x80 => {
                while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                    end += 1;
                }
            }
            Some(Kind::Num) => {
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
            _ => {}
        }
        next = end;
        if let Some(k) = kind {
            add(&mut out, &mut last_end, i..end, k);
        }
    }
    out
}

/// The tokens [`tokenize`] gives for `text`, made from the tokens the amount
/// extractor cut it into (`amount`, from [`crate::amount::token::tokenize`]
/// of the same text): its words are this one's letters (one word of each
/// script, joined again here), its signs this one's punctuation, and its
/// numbers (digits with `.`, `,` or a grouping space between them) are cut
/// into digit runs and signs here, the space dropped. The two extractors
/// read the same normalized block: it is read once.
pub(super) fn from_amount_tokens(text: &str, amount: &[crate::amount::token::Tok]) -> Vec<Tok> {
    use crate::amount::token::Kind as A;
    let bytes = text.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(amount.len() / 2 + 1);
    let mut last_end = 0;
    for t in amount {
        match t.kind {
            A::Space => {}
            A::Word { .. } => add(&mut out, &mut last_end, t.range.clone(), Kind::Word),
            A::Sym => add(&mut out, &mut last_end, t.range.clone(), Kind::Punct),
            A::Num => {
                let mut i = t.range.start;
                while i < t.range.end {
                    let start = i;
                    if bytes[i].is_ascii_digit() {
                        while i < t.range.end && bytes[i].is_ascii_digit() {
                            i += 1;
                        }
                        add(&mut out, &mut last_end, start..i, Kind::Num);
                    } else {
                        // `.` `,` or a grouping space: ASCII, one byte.
                        i += 1;
                        if bytes[start] != b' ' {
                            add(&mut out, &mut last_end, start..i, Kind::Punct);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Adds the characters at `range`, of kind `k`, to the tokens: they
/// extend the last token when it ends there and is a word or a number of
/// the same kind.
fn add(out: &mut Vec<Tok>, last_end: &mut usize, range: std::ops::Range<usize>, k: Kind) {
    let end = range.end;
    if let Some(t) = out.last_mut()
        && t.range.end == range.start
        && t.kind == k
        && k != Kind::Punct
    {
        t.range.end = end;
    } else {
        let glued = !out.is_empty() && *last_end == range.start;
        out.push(Tok {
            range,
            kind: k,
            glued,
        });
    }
    *last_end = end;
}

/// The key of a token: its text, with typographic apostrophes folded.
pub(super) fn key<'t>(text: &'t str, t: &Tok) -> std::borrow::Cow<'t, str> {
    let s = &text[t.range.clone()];
    if matches!(s, "’" | "ʼ" | "‘") {
        "'".into()
    } else {
        s.into()
    }
}

fn phrase(s: &str) -> Vec<String> {
    let n = crate::source::normalize_text(s.trim(), options());
    tokenize(&n)
        .iter()
        .map(|t| key(&n, t).into_owned())
        .collect()
}

fn single(s: &str) -> String {
    phrase(s).concat()
}

fn split_pair(entry: &str) -> (&str, &str) {
    entry.rsplit_once('=').unwrap_or((entry, ""))
}

fn parse_rel(v: &str) -> Option<Rel> {
    let v = v.trim();
    let (v, qualified) = match v.strip_suffix('?') {
        Some(v) => (v, true),
        None => (v, false),
    };
    let mut cs = v.chars();
    let unit = cs.next().filter(|u| matches!(u, 'd' | 'w' | 'm' | 'y'))?;
    let rest = cs.as_str();
    let offset = rest.strip_prefix('+').unwrap_or(rest).parse().ok()?;
    Some(Rel {
        unit,
        offset,
        qualified,
    })
}

fn parse_unit(v: &str) -> Option<Unit> {
    let mut cs = v.trim().chars();
    let unit = cs.next().filter(|u| matches!(u, 'd' | 'w' | 'm' | 'y'))?;
    let rest = cs.as_str();
    let count = if rest.is_empty() {
        None
    } else {
        Some(rest.parse().ok()?)
    };
    Some(Unit { unit, count })
}

type Cache = Vec<(u64, Arc<Lexicon>)>;
static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

impl Lexicon {
    /// The lexicon of `data`, built once per process for each distinct set
    /// of lists.
    pub(crate) fn shared(data: &Data) -> Arc<Lexicon> {
        let mut h = DefaultHasher::new();
        for name in data
            .names()
            .filter(|n| n.starts_with("date-") || *n == "ar.proclitics")
        {
            name.hash(&mut h);
            data.list(name).hash(&mut h);
        }
        let k = h.finish();
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, lx)) = cache.iter().find(|(c, _)| *c == k) {
            return Arc::clone(lx);
        }
        let lx = Arc::new(Lexicon::new(data));
        if cache.len() >= 8 {
            cache.remove(0);
        }
        cache.push((k, Arc::clone(&lx)));
        lx
    }

    fn new(data: &Data) -> Lexicon {
        let mut lx = Lexicon::default();
        for l in ["ar", "fr", "en"] {
            let list = |name: &str| {
                data.list(&format!("date-{l}.{name}"))
                    .unwrap_or(&[])
                    .to_vec()
            };
            let numbered = |name: &str, set: &mut Phrases<u32>| {
                for e in list(name) {
                    let (k, v) = split_pair(&e);
                    if let Ok(n) = v.trim().parse() {
                        set.add(phrase(k), n);
                    }
                }
            };
            numbered("months", &mut lx.months);
            numbered("weekdays", &mut lx.weekdays);
            numbered("numbers", &mut lx.numbers);
            numbered("hijri-months", &mut lx.hijri_months);
            for e in list("units") {
                let (k, v) = split_pair(&e);
                if let Some(u) = parse_unit(v) {
                    lx.units.add(phrase(k), u);
                }
            }
            let plain = |name: &str, set: &mut Phrases<()>| {
                for e in list(name) {
                    set.add(phrase(&e), ());
                }
            };
            plain("ago-before", &mut lx.ago_before);
            plain("ago-after", &mut lx.ago_after);
            plain("hijri-suffixes", &mut lx.hijri_suffixes);
            plain("equivalence", &mut lx.equivalence);
            plain("future-cues", &mut lx.future_cues);
            let markers = list("weekday-markers");
            let ambiguous: HashSet<String> = list("weekday-ambiguous")
                .iter()
                .map(|w| single(w))
                .collect();
            for e in list("weekdays") {
                let k = single(split_pair(&e).0);
                if ambiguous.contains(&k) {
                    continue;
                }
                if markers.iter().any(|m| m == "*") {
                    lx.bare_weekdays.insert(k.clone());
                }
                if markers.iter().any(|m| m == ",") {
                    lx.comma_weekdays.insert(k);
                }
            }
            lx.weekday_markers.extend(
                markers
                    .iter()
                    .filter(|m| !matches!(&***m, "*" | ","))
                    .map(|w| single(w)),
            );
            for e in list("relative") {
                let (k, v) = split_pair(&e);
                if let Some(r) = parse_rel(v) {
                    lx.relative.add(phrase(k), r);
                }
            }
            let words = |name: &str, set: &mut Words| {
                set.extend(list(name).iter().map(|w| single(w)));
            };
            words("past-after", &mut lx.past_after);
            words("next-after", &mut lx.next_after);
            words("past-before", &mut lx.past_before);
            words("next-before", &mut lx.next_before);
            words("year-markers", &mut lx.year_markers);
            words("year-suffixes", &mut lx.year_suffixes);
            words("ordinal-suffixes", &mut lx.ordinal_suffixes);
            words("day-month-links", &mut lx.links);
            words("time-of-day", &mut lx.time_of_day);
            words("weekday-not-after", &mut lx.weekday_not_after);
            words("ago-not-before", &mut lx.ago_not_before);
            words("range-links", &mut lx.range_links);
        }
        let mut pro = data.keys_of("ar.proclitics", single);
        pro.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        pro.dedup();
        lx.proclitics = crate::source::Prefixes::new(pro);
        lx.index();
        lx
    }

    /// Orders and indexes the phrase lists, gives each list its bit and
    /// fills [`Lexicon::vocab`].
    fn index(&mut self) {
        let mut vocab = crate::vocab::Vocab::default();
        let lx = self;
        macro_rules! phrases {
            ($($f:ident),*) => { $( lx.$f.finish(); lx.$f.bit = vocab.list(lx.$f.first.keys()); )* };
        }
        macro_rules! words {
            ($($f:ident),*) => { $( lx.$f.bit = vocab.list(lx.$f.set.iter()); )* };
        }
        phrases!(
            months,
            weekdays,
            relative,
            future_cues,
            numbers,
            units,
            ago_before,
            ago_after,
            hijri_months,
            hijri_suffixes,
            equivalence
        );
        words!(
            past_after,
            next_after,
            past_before,
            next_before,
            year_markers,
            year_suffixes,
            ordinal_suffixes,
            links,
            time_of_day,
            weekday_markers,
            bare_weekdays,
            comma_weekdays,
            weekday_not_after,
            ago_not_before,
            range_links
        );
        lx.vocab = vocab.finish();
        lx.openers = lx.months.bit
            | lx.weekdays.bit
            | lx.relative.bit
            | lx.numbers.bit
            | lx.units.bit
            | lx.ago_before.bit
            | lx.hijri_months.bit
            | lx.past_before.bit
            | lx.next_before.bit;
    }

    /// Where the forms of an Arabic word without its proclitics start,
    /// besides 0 (the word itself), appended to `out`: each stripping that
    /// leaves at least two letters.
    pub(super) fn form_starts(&self, word: &str, out: &mut Vec<usize>) {
        let from = out.len();
        if word
            .chars()
            .next()
            .is_some_and(crate::document::is_arabic_letter)
        {
            for (p, rest) in self.proclitics.of(word) {
                if rest.chars().count() >= 2 && !p.is_empty() && !out[from..].contains(&p.len()) {
                    out.push(p.len());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens [`tokenize`] gives, found a character at a time.
    fn tokenize_by_char(text: &str) -> Vec<Tok> {
        let mut out: Vec<Tok> = Vec::new();
        let mut last_end = 0;
        for (i, c) in text.char_indices() {
            if let Some(k) = kind_of(c) {
                add(&mut out, &mut last_end, i..i + c.len_utf8(), k);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokenize_equals_a_reading_char_by_char(
            text in "[a-zA-Z0-9 \t\n\u{b}\u{c}\r\u{1c}.,:/'’\"()\u{a0}\u{202f}éÉœ٠١٢ماسكَُِّ\u{300}ـ-]{0,60}",
        ) {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_by_char(&text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The date tokens made from the amount extractor's tokens are those
        /// [`tokenize`] cuts, whether white space groups digits or not.
        #[test]
        fn tokens_made_from_the_amount_tokens_equal_tokenize(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "é", "œ", "ماسك", "َ", "\u{300}", "ـ", "1", "250", "2025", "٠", " ",
                    "  ", "\t", "\n", "\r", "\u{a0}", "\u{202f}", ".", ",", ":", "/", "'", "’",
                    "\"", "(", "-",
                ]),
                0..24,
            ),
            groups in proptest::bool::ANY,
        ) {
            let text: String = parts.concat();
            let amount = crate::amount::token::tokenize(&text, &|_| groups);
            proptest::prop_assert_eq!(from_amount_tokens(&text, &amount), tokenize(&text));
        }
    }

    #[test]
    fn the_phrases_of_a_first_token_are_listed_in_order() {
        let rules = crate::rules::RuleSet::embedded().expect("default rules");
        let lx = Lexicon::shared(rules.data());
        let firsts = [
            &lx.months.first,
            &lx.weekdays.first,
            &lx.relative.first,
            &lx.hijri_months.first,
            &lx.numbers.first,
            &lx.units.first,
        ];
        let mut tokens = 0;
        for (token, list) in firsts.into_iter().flatten() {
            assert!(list.is_sorted_by(|a, b| a < b), "{token}: {list:?}");
            tokens += 1;
        }
        assert!(tokens > 100, "{tokens}");
        // A first token of several phrases: `the day before yesterday`,
        // `the day after tomorrow`.
        assert!(lx.relative.starting_with("the").len() >= 2);
    }

    #[test]
    fn runs_of_ascii_letters_and_digits_are_one_token() {
        let text = "On 12 March2025, l’été";
        let toks: Vec<(&str, Kind, bool)> = tokenize(text)
            .iter()
            .map(|t| (&text[t.range.clone()], t.kind, t.glued))
            .collect();
        assert_eq!(
            toks,
            [
                ("On", Kind::Word, false),
                ("12", Kind::Num, false),
                ("March", Kind::Word, false),
                ("2025", Kind::Num, true),
                (",", Kind::Punct, true),
                ("l", Kind::Word, false),
                ("’", Kind::Punct, true),
                ("été", Kind::Word, true),
            ]
        );
    }
}
