//! A block prepared for extraction (normalized, tokenized), phrase
//! matching on it, and the tests that tell a figure from a date, a time, a
//! phone number or a name with digits.

use super::lexicon::{Lexicon, Phrases};
use super::number::Convention;
use super::token::{Kind, Tok, key, numbers, tokenize};
use crate::document::{Block, Lang};
use crate::source::Normalized;

/// One block, normalized and tokenized.
pub(super) struct Prepared {
    pub(super) norm: Normalized,
    pub(super) toks: Vec<Tok>,
    /// Indices (into `toks`) of the tokens that phrases are made of.
    pub(super) sig: Vec<usize>,
    /// For each sig position, the bits of the lists a phrase of which may
    /// start there: with the word as it is, and without a proclitic
    /// ([`Prepared::index`]; empty until then, and nothing is skipped).
    lists: Vec<(u32, u32)>,
}

impl Prepared {
    #[cfg(test)]
    pub(super) fn new(block: &Block, lang: Lang) -> Prepared {
        use crate::source::normalize;
        Prepared::of(
            block,
            normalize(&block.text, 0, super::lexicon::options()),
            lang,
        )
    }

    /// A block, already normalized with
    /// [`NormalizeOptions::FIGURES`](crate::source::NormalizeOptions::FIGURES),
    /// tokenized.
    pub(super) fn of(block: &Block, norm: Normalized, lang: Lang) -> Prepared {
        let toks = tokenize(&norm.text, &|pos| space_groups(block, &norm, lang, pos));
        // A little over half the tokens are words and signs, the rest
        // white space: sized once, not grown from nothing.
        let mut sig = Vec::with_capacity(toks.len() * 3 / 5 + 4);
        sig.extend((0..toks.len()).filter(|&i| !toks[i].is_skipped(&norm.text)));
        Prepared {
            norm,
            toks,
            sig,
            lists: Vec::new(),
        }
    }

    /// Looks every token up once in `lx`'s vocabulary, so that phrase
    /// matching skips the lists that cannot match at a position.
    pub(super) fn index(&mut self, lx: &Lexicon) {
        self.lists = (0..self.sig.len())
            .map(|p| lx.lists_of(self.key(p), self.tok(p).is_arabic_word()))
            .collect();
    }

    /// Calls `f` with the text of each number token of `block` (normalized
    /// as `norm`), as [`Prepared::of`] would find them, without the other
    /// tokens.
    pub(super) fn numbers(block: &Block, norm: &Normalized, lang: Lang, mut f: impl FnMut(&str)) {
        let groups = |pos: usize| space_groups(block, norm, lang, pos);
        for r in numbers(&norm.text, &groups) {
            f(&norm.text[r]);
        }
    }

    pub(super) fn key(&self, p: usize) -> &str {
        key(&self.norm.text, &self.toks[self.sig[p]])
    }

    pub(super) fn tok(&self, p: usize) -> &Tok {
        &self.toks[self.sig[p]]
    }

    /// The raw token next to sig position `p` (`d` = -1 or +1), white space
    /// included.
    pub(super) fn raw(&self, p: usize, d: isize) -> Option<&Tok> {
        self.toks.get(self.sig[p].checked_add_signed(d)?)
    }

    pub(super) fn raw_key(&self, p: usize, d: isize) -> Option<&str> {
        self.raw(p, d).map(|t| key(&self.norm.text, t))
    }

    /// False when no phrase of the lists `bits` (their [`Phrases::bit`]s)
    /// starts at sig position `p`, from the lists its forms are in (true
    /// when the tokens were not indexed): [`Prepared::match_fwd`] asks
    /// first.
    pub(super) fn may_start(&self, bits: u32, p: usize, clitics: bool) -> bool {
        let strip = clitics && self.tok(p).is_arabic_word();
        self.lists
            .get(p)
            .is_none_or(|&(exact, stripped)| (exact | if strip { stripped } else { 0 }) & bits != 0)
    }

    /// The longest phrase of `set` at sig position `p`; Arabic proclitics
    /// are stripped from the first word when `clitics`.
    pub(super) fn match_fwd<'l, V>(
        &self,
        lx: &Lexicon,
        set: &'l Phrases<V>,
        p: usize,
        clitics: bool,
    ) -> Option<(usize, &'l V)>
    where
        V: Clone,
    {
        if p >= self.sig.len() {
            return None;
        }
        if !self.may_start(set.bit, p, clitics) {
            return None; // no form of the word starts a phrase of `set`
        }
        let strip = clitics && self.tok(p).is_arabic_word();
        let first = self.key(p);
        let stripped = lx.strip(first).filter(move |_| strip);
        for f in std::iter::once(first).chain(stripped) {
            for (toks, v) in set.starting(f) {
                let n = toks.len();
                if p + n <= self.sig.len() && (1..n).all(|k| self.key(p + k) == toks[k]) {
                    return Some((p + n, v));
                }
            }
        }
        None
    }

    /// The longest phrase of `set` that ends just before sig position `end`;
    /// its first word may carry a proclitic (`بنحو`). With `glued`, the
    /// phrase's tokens touch each other (`US$`, not `a $`).
    pub(super) fn match_back<'l, V>(
        &self,
        lx: &Lexicon,
        set: &'l Phrases<V>,
        end: usize,
        glued: bool,
    ) -> Option<(usize, &'l V)>
    where
        V: Clone,
    {
        // A phrase that ends there has the last token there, or it is one
        // word that the token holds after a proclitic: only those phrases
        // are tried, and the first of them in `all`'s order wins.
        let last = self.key(end.checked_sub(1)?);
        let stripped: Vec<usize> = if self.tok(end - 1).is_arabic_word() {
            lx.strip(last)
                .flat_map(|w| set.ending_with(w))
                .copied()
                .filter(|&i| set.all[i].0.len() == 1)
                .collect()
        } else {
            Vec::new()
        };
        let best = set
            .ending_with(last)
            .iter()
            .copied()
            .chain(stripped)
            .filter(|&i| self.phrase_ends_at(lx, &set.all[i].0, end, glued))
            .min()?;
        let (toks, v) = &set.all[best];
        Some((end - toks.len(), v))
    }

    /// True when the phrase `toks` ends just before sig position `end`
    /// (see [`Prepared::match_back`]).
    fn phrase_ends_at(&self, lx: &Lexicon, toks: &[String], end: usize, glued: bool) -> bool {
        let n = toks.len();
        if n > end {
            return false;
        }
        let start = end - n;
        let tail_ok = (1..n).all(|k| self.key(start + k) == toks[k]);
        let first = self.key(start);
        let head_ok = first == toks[0]
            || (self.tok(start).is_arabic_word() && lx.strip(first).any(|w| w == toks[0]));
        let glued_ok = !glued || (start + 1..end).all(|k| self.sig[k] == self.sig[k - 1] + 1);
        tail_ok && head_ok && glued_ok
    }
}

/// Whether the white space at `pos` of the normalized block may group
/// thousands (`1 250 000`): a no-break or thin space, or any space in
/// French.
fn space_groups(block: &Block, norm: &Normalized, lang: Lang, pos: usize) -> bool {
    let v = norm.map.start_to_orig(pos);
    let c = block.text[v..].chars().next();
    matches!(c, Some('\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}'))
        || (lang == Lang::Fr && c == Some(' '))
}

/// Counts of the numbers that can only be read one way: how the
/// document separates decimals.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    dot: usize,
    comma: usize,
}

impl Evidence {
    /// Adds one number token.
    pub(super) fn count(&mut self, raw: &str) {
        let dots = raw.matches('.').count();
        let commas = raw.matches(',').count();
        let tail_len = raw.rsplit(['.', ',']).next().map_or(0, str::len);
        match (dots, commas) {
            (0, 0) => {}
            (1, 0) if tail_len != 3 => self.dot += 1,
            (0, 1) if tail_len != 3 => self.comma += 1,
            (d, 0) if d > 1 => self.comma += 1,
            (0, c) if c > 1 => self.dot += 1,
            (d, c) if d > 0 && c > 0 => {
                if raw.rfind('.') > raw.rfind(',') {
                    self.dot += 1;
                } else {
                    self.comma += 1;
                }
            }
            _ => {}
        }
    }

    /// The convention the evidence points to, the language's by default.
    pub(super) fn convention(&self, lang: Lang) -> Convention {
        match lang {
            Lang::Fr if self.dot > self.comma => Convention::DotDecimal,
            Lang::Fr => Convention::CommaDecimal,
            _ if self.comma > self.dot => Convention::CommaDecimal,
            _ => Convention::DotDecimal,
        }
    }
}

/// Whether `text` may hold a number with a separator (`97.4`, `1,250`,
/// `٣٫٥`) once normalized: a `.`, `,` or `٫` with a digit on each side,
/// the characters normalization removes (marks, tatweel, bidi controls,
/// `٬`) left out. False means no number of the block is evidence of the
/// separators' convention ([`Evidence::count`]), and the evidence pass
/// need not normalize it (a `.` ends most sentences; one between digits is
/// rarer).
pub(super) fn may_separate_digits(text: &str) -> bool {
    let digit = |c: char| matches!(c, '0'..='9' | '٠'..='٩' | '۰'..='۹');
    let removed = |c: char| {
        crate::source::is_arabic_mark(c) || crate::source::is_format_control(c) || c == '٬'
    };
    // `at` and `at + len` are on character boundaries: the separators are
    // whole characters.
    let between_digits = |at: usize, len: usize| {
        let before = text[..at].chars().rev().find(|&c| !removed(c));
        let after = text[at + len..].chars().find(|&c| !removed(c));
        before.is_some_and(digit) && after.is_some_and(digit)
    };
    let b = text.as_bytes();
    memchr::memchr2_iter(b'.', b',', b).any(|at| between_digits(at, 1))
        || memchr::memmem::find_iter(b, "٫").any(|at| between_digits(at, "٫".len()))
}

/// True when the number at sig position `p` is not an amount: a date, a
/// time, a phone number, a name or version with digits.
pub(super) fn excluded(pr: &Prepared, lx: &Lexicon, p: usize) -> bool {
    let text = &pr.norm.text;
    let raw = &text[pr.tok(p).range.clone()];
    let tok_at = |d: isize| pr.raw(p, d);
    let key_at = |d: isize| pr.raw_key(p, d).unwrap_or("");
    // Glued before: a Latin word that is not a currency code (`iphone16`),
    // `+` (phone), `/` `:` after digits (dates, times), a letter and a
    // hyphen (`F-16`).
    if let Some(t) = tok_at(-1) {
        if t.is_latin_word() && lx.currency_symbols.starting(key_at(-1)).is_empty() {
            return true;
        }
        match key_at(-1) {
            "+" | "#" | "№" => return true,
            "/" | ":" | "." | "-" if tok_at(-2).is_some_and(|t| t.kind == Kind::Num) => {
                return key_at(-1) != "-" || dash_chain(pr, p) >= 3;
            }
            "-" | "." if tok_at(-2).is_some_and(Tok::is_latin_word) => return true,
            _ => {}
        }
    }
    if let Some(t) = tok_at(1) {
        match key_at(1) {
            "/" | ":" | "." if tok_at(2).is_some_and(|t| t.kind == Kind::Num) => return true,
            "-" if tok_at(2).is_some_and(|t| t.kind == Kind::Num) => return dash_chain(pr, p) >= 3,
            k if t.is_arabic_word() && lx.year_suffixes.contains(k) => return true,
            _ => {}
        }
    }
    // A long number with a leading zero, or a run of short numbers
    // (`06 12 34 56 78`), is a phone number.
    if raw.len() >= 8 && raw.starts_with('0') && raw.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let short = |q: usize| {
        q < pr.sig.len()
            && pr.tok(q).kind == Kind::Num
            && pr.key(q).len() <= 4
            && pr.key(q).bytes().all(|b| b.is_ascii_digit())
    };
    if short(p) && short(p + 1) && short(p + 2) && short(p + 3) {
        return true;
    }
    if p >= 1 && short(p) && short(p - 1) && (short(p + 1) || (p >= 2 && short(p - 2))) {
        return true;
    }
    // A month next to it: a day or a year.
    let word = |q: usize| (q < pr.sig.len() && pr.tok(q).is_word()).then(|| pr.key(q));
    if p > 0
        && word(p - 1).is_some_and(|w| {
            lx.months.contains(w) || lx.in_set(&lx.name_markers, w, pr.tok(p - 1).is_arabic_word())
        })
    {
        return true;
    }
    if word(p + 1).is_some_and(|w| lx.in_set(&lx.months, w, pr.tok(p + 1).is_arabic_word())) {
        return true;
    }
    false
}

/// How many numbers are chained by hyphens around sig position `p`.
fn dash_chain(pr: &Prepared, p: usize) -> usize {
    let text = &pr.norm.text;
    let i = pr.sig[p];
    let is = |j: usize, want: &str| pr.toks.get(j).is_some_and(|t| key(text, t) == want);
    let num = |j: usize| pr.toks.get(j).is_some_and(|t| t.kind == Kind::Num);
    let mut n = 1;
    let mut j = i;
    while j >= 2 && is(j - 1, "-") && num(j - 2) {
        n += 1;
        j -= 2;
    }
    let mut j = i;
    while is(j + 1, "-") && num(j + 2) {
        n += 1;
        j += 2;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::lexicon::options;
    use crate::source::normalize;
    use proptest::prelude::*;

    /// `match_back` as first written: every phrase of the set in turn.
    fn match_back_every_phrase<'l, V: Clone>(
        pr: &Prepared,
        lx: &Lexicon,
        set: &'l Phrases<V>,
        end: usize,
        glued: bool,
    ) -> Option<(usize, &'l V)> {
        set.all
            .iter()
            .find(|(toks, _)| pr.phrase_ends_at(lx, toks, end, glued))
            .map(|(toks, v)| (end - toks.len(), v))
    }

    static RULES: std::sync::LazyLock<crate::rules::RuleSet> =
        std::sync::LazyLock::new(|| crate::rules::RuleSet::embedded().expect("default rules"));

    /// A block of `words` picked (`picks`: a word, `ب` before it when 0,
    /// a separator of `seps` after it).
    fn block_of(
        words: &[&str],
        picks: &[(usize, usize, usize)],
        seps: [&str; 3],
    ) -> Block<'static> {
        let mut text = String::new();
        for &(w, proclitic, sep) in picks {
            if proclitic == 0 {
                text.push('ب');
            }
            text.push_str(words[w % words.len()]);
            text.push_str(seps[sep]);
        }
        let mut map = crate::source::OffsetMap::new();
        map.push_identity(0, 0, text.len());
        Block::new(text, map)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The phrases tried by last token find what trying every phrase
        /// finds, at every position, for the hedges and the currency
        /// symbols of each language, on text made of their own words.
        #[test]
        fn matching_back_by_last_token_equals_trying_every_phrase(
            picks in proptest::collection::vec((0usize..10_000, 0usize..4, 0usize..3), 1..16),
            lang in proptest::sample::select(vec![Lang::Ar, Lang::Fr, Lang::En]),
        ) {
            let lx = Lexicon::shared(RULES.data(), lang);
            let words: Vec<&str> = lx.hedges.all.iter()
                .chain(lx.hedges_after.all.iter())
                .flat_map(|(t, _)| t.iter().map(String::as_str))
                .chain(lx.currency_symbols.all.iter().flat_map(|(t, _)| t.iter().map(String::as_str)))
                .collect();
            let block = block_of(&words, &picks, [" ", "", " 12 "]);
            let pr = Prepared::new(&block, lang);
            for end in 0..=pr.sig.len() {
                for glued in [false, true] {
                    // The same start and the same phrase (its value, by address).
                    let ours = pr.match_back(&lx, &lx.hedges, end, glued);
                    let theirs = match_back_every_phrase(&pr, &lx, &lx.hedges, end, glued);
                    prop_assert_eq!(
                        ours.map(|(s, v)| (s, std::ptr::from_ref(v))),
                        theirs.map(|(s, v)| (s, std::ptr::from_ref(v)))
                    );
                    let ours = pr.match_back(&lx, &lx.currency_symbols, end, glued);
                    let theirs = match_back_every_phrase(&pr, &lx, &lx.currency_symbols, end, glued);
                    prop_assert_eq!(
                        ours.map(|(s, v)| (s, std::ptr::from_ref(v))),
                        theirs.map(|(s, v)| (s, std::ptr::from_ref(v)))
                    );
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Where `may_start` turns a word away, no number word nor scale
        /// starts (with a proclitic too), on text made of the lists' own
        /// words and others, indexed as the extractor indexes it.
        #[test]
        fn a_word_turned_away_starts_no_number_word_nor_scale(
            picks in proptest::collection::vec((0usize..10_000, 0usize..4, 0usize..3), 1..16),
            lang in proptest::sample::select(vec![Lang::Ar, Lang::Fr, Lang::En]),
        ) {
            let lx = Lexicon::shared(RULES.data(), lang);
            let mut words: Vec<&str> = lx.number_words.all.iter().flat_map(|(t, _)| t.iter())
                .chain(lx.scales.all.iter().flat_map(|(t, _)| t.iter()))
                .map(String::as_str)
                .collect();
            words.extend(["the", "le", "في", "12", "US$", "%"]);
            let block = block_of(&words, &picks, [" ", "-", " 12 "]);
            let mut pr = Prepared::new(&block, lang);
            pr.index(&lx);
            let openers = lx.number_words.bit | lx.scales.bit;
            for p in 0..pr.sig.len() {
                if !pr.may_start(openers, p, true) {
                    prop_assert!(pr.match_fwd(&lx, &lx.number_words, p, true).is_none());
                    prop_assert!(pr.match_fwd(&lx, &lx.scales, p, true).is_none());
                }
            }
        }

        /// A block without digits on both sides of a separator has no
        /// number with a separator: nothing for the evidence to count.
        #[test]
        fn a_number_with_a_separator_has_separated_digits(
            s in "[a ٠-٢۰0-2٫٬.,\u{00A0}\u{200F}\u{64E}ـ٥]{0,12}",
            groups in proptest::bool::ANY,
        ) {
            let norm = normalize(&s, 0, options());
            let separated = crate::amount::token::numbers(&norm.text, &|_| groups)
                .any(|r| norm.text[r].contains(['.', ',']));
            if separated {
                prop_assert!(may_separate_digits(&s));
            }
        }
    }
}
