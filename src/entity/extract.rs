//! Entity mentions: one pass of the gazetteer's automaton over each block's
//! normalized text, with word boundaries that allow Arabic proclitics
//! (`وماسك`, `لـOpenAI`) and a Latin name glued to Arabic letters
//! (`وراءهاchatgpt` gives `chatgpt`). Spans go back to the original text
//! through the normalization map, then the block's map.

use super::forms::{FormKind, key_options};
use super::gazetteer::Gazetteer;
use crate::document::{Document, ViewRange, is_arabic_letter, is_latin_letter};
use crate::rules::Data;
use crate::source::{NormalizeOptions, Span, normalize};

/// How a mention is written, compared with its entity's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// A correct form.
    Correct,
    /// A correct form in the wrong case (`Openai`).
    Case,
    /// An Arabic form that differs from a correct one only in hamza, taa
    /// marbuta or alef maqsura (`التمان` for `ألتمان`).
    Spelling,
    /// A known wrong form.
    Variant,
    /// A known misspelling.
    Misspelling,
    /// A Latin word close to a known name (`Optai` for `OpenAI`).
    Fuzzy,
    /// An Arabic rendering of an entity that the article names, found by its
    /// consonant skeleton (`موسك`, `المسك` beside `Musk`).
    Transliteration,
}

/// One mention of a known entity.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The block it is in, and its view range there (see
    /// [`Mention::block`], [`Mention::view`]; the original span is
    /// [`Mention::span`]).
    block: u32,
    view: ViewRange,
    /// The entity (see [`Mention::entity`]).
    entity: u32,
    /// The gazetteer form it matched (see [`Mention::form`]).
    form: u32,
    pub status: Status,
    pub arabic: bool,
}

// A long article holds tens of thousands of mentions: kept small.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Mention>() == 24);

impl Mention {
    /// A mention; the indices and view offsets are kept as `u32`, and the
    /// original span is not kept but mapped when asked for (24 bytes a
    /// mention instead of 56: a long article has tens of thousands).
    pub fn new(
        block: usize,
        view: std::ops::Range<usize>,
        entity: usize,
        form: usize,
        status: Status,
        arabic: bool,
    ) -> Mention {
        debug_assert!(u32::try_from(block.max(entity)).is_ok());
        debug_assert!(form == usize::MAX || u32::try_from(form).is_ok());
        Mention {
            block: block as u32,
            view: ViewRange::new(view),
            entity: entity as u32,
            form: u32::try_from(form).unwrap_or(u32::MAX),
            status,
            arabic,
        }
    }

    /// The original byte span, in `doc`, the document it was found in.
    pub fn span(&self, doc: &crate::document::Document<'_>) -> Span {
        doc.blocks[self.block()].span_of(self.view())
    }

    /// The index of the block it is in.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// Its view range in its block.
    pub fn view(&self) -> std::ops::Range<usize> {
        self.view.range()
    }

    /// The entity: an index into the gazetteer's entities, or past them,
    /// into the document's local entities ([`Mentions::locals`]).
    pub fn entity(&self) -> usize {
        self.entity as usize
    }

    /// The gazetteer form it matched (its key); `usize::MAX` for a local
    /// entity's mention, which matched no gazetteer form.
    pub fn form(&self) -> usize {
        if self.form == u32::MAX {
            usize::MAX
        } else {
            self.form as usize
        }
    }
}

/// The mentions of known entities in a document, in text order.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub list: Vec<Mention>,
    /// Entities the gazetteer does not know, found in the article itself;
    /// a mention's `entity` at `gazetteer.entities.len() + i` is `locals[i]`.
    pub locals: Vec<LocalEntity>,
}

/// A name the gazetteer does not know, written several ways in the article.
#[derive(Debug, Clone)]
pub struct LocalEntity {
    /// How the article names it (its Latin form when there is one).
    pub name: String,
    /// The Arabic form the article uses most.
    pub majority: String,
}

/// An Arabic form without diacritics, with final ى as ي and ة as ه: the
/// spellings that outlets use interchangeably (`مالى`/`مالي`). Hamza is kept.
fn light_key(s: &str) -> String {
    let o = NormalizeOptions {
        arabic_letters: false,
        digits: false,
        taa_marbuta: true,
        ..NormalizeOptions::default()
    };
    crate::source::normalize_text(s, o).replace('ى', "ي")
}

/// True when the capitalization of `surface` is acceptable for `form`: the
/// words that differ only in case are ordinary words written in lower or
/// title case (`the Guardian`, `new Delhi`, `Who`), unless the form's word
/// has an inner capital (`TikTok`, `OpenAI`), which no ordinary word has.
fn case_is_acceptable(ordinary: &OrdinaryWords<'_>, surface: &str, form: &str) -> bool {
    let sw: Vec<&str> = surface.split_whitespace().collect();
    let fw: Vec<&str> = form.split_whitespace().collect();
    if sw.len() != fw.len() {
        return false;
    }
    sw.iter().zip(&fw).all(|(s, f)| {
        if s == f {
            return true;
        }
        let inner_capital =
            f.chars().skip(1).any(char::is_uppercase) && f.chars().any(char::is_lowercase);
        let mut rest = s.chars().skip(1);
        let plain = rest.all(|c| !c.is_uppercase());
        !inner_capital && plain && ordinary.contains(&s.to_lowercase())
    })
}

/// True for the letters and digits of the script of `c` (what a name may
/// not touch on either side).
fn same_script_word_char(c: char, arabic: bool) -> bool {
    if arabic {
        is_arabic_letter(c)
    } else {
        is_latin_letter(c)
            || c.is_ascii_digit()
            || (crate::document::is_letter(c) && !is_arabic_letter(c))
    }
}

/// The view ranges that mentions already cover, by block, merged and
/// sorted, so that a word is tested against them by binary search (a
/// linear scan of every mention per word is quadratic on a long article).
/// Two flat lists, 12 bytes a range.
pub(super) struct Covered {
    /// Each range's block and end, as `block << 32 | end`: a range lies
    /// before a word (in an earlier block, or ending by the word's start)
    /// exactly when this is at most the word's `block << 32 | start`, one
    /// comparison. In order, as the ranges are.
    ends: Vec<u64>,
    /// Each range's start.
    starts: Vec<u32>,
    /// Where the last lookup landed: words are looked up in text order, so
    /// the next one lands there or a few ranges on.
    hint: std::cell::Cell<usize>,
}

/// `block << 32 | offset`: a place in the text, ordered as the text is.
fn place(block: u32, offset: u32) -> u64 {
    u64::from(block) << 32 | u64::from(offset)
}

impl Covered {
    pub(super) fn new(mentions: &[Mention]) -> Covered {
        let mut ranges: Vec<(u32, u32, u32)> = mentions
            .iter()
            .map(|m| (m.block, m.view.start, m.view.end))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32, u32)> = Vec::with_capacity(ranges.len());
        for (b, s, e) in ranges {
            match merged.last_mut() {
                Some(last) if last.0 == b && s < last.2 => last.2 = last.2.max(e),
                _ => merged.push((b, s, e)),
            }
        }
        Covered {
            ends: merged.iter().map(|&(b, _, e)| place(b, e)).collect(),
            starts: merged.iter().map(|&(_, s, _)| s).collect(),
            hint: std::cell::Cell::new(0),
        }
    }

    /// True when `r` (a view range of `block`) overlaps a mention.
    pub(super) fn overlaps(&self, block: usize, r: &std::ops::Range<usize>) -> bool {
        // Before: the ranges of earlier blocks, and those of this block that
        // end by `r.start` (a block's merged ranges end in order); the
        // answer is the first range not before. (Blocks and view offsets
        // fit in a `u32`: see [`Mention::new`].)
        let b = u32::try_from(block).unwrap_or(u32::MAX);
        let q = place(b, u32::try_from(r.start).unwrap_or(u32::MAX));
        let ends = &self.ends;
        let hint = self.hint.get().min(ends.len());
        let i = if hint == 0 || ends[hint - 1] <= q {
            // At the hint or after it: a few steps, then a binary search.
            let stop = (hint + 4).min(ends.len());
            let mut at = hint;
            while at < stop && ends[at] <= q {
                at += 1;
            }
            if at == hint + 4 {
                at + ends[at..].partition_point(|&k| k <= q)
            } else {
                at
            }
        } else {
            ends[..hint].partition_point(|&k| k <= q)
        };
        self.hint.set(i);
        ends.get(i)
            .is_some_and(|&k| k >> 32 == u64::from(b) && (self.starts[i] as usize) < r.end)
    }
}

pub(crate) fn is_ordinary_word(data: &Data, lower: &str) -> bool {
    OrdinaryWords::of(data).contains(lower)
}

/// The English and French lexicons of [`is_ordinary_word`], looked up by
/// name once for a pass over many words.
pub(crate) struct OrdinaryWords<'a>(&'a crate::rules::WordSet, &'a crate::rules::WordSet);

impl<'a> OrdinaryWords<'a> {
    pub(crate) fn of(data: &'a Data) -> Self {
        OrdinaryWords(data.set("lexicon-en"), data.set("lexicon-fr"))
    }

    /// True for a word (in lower case) of either lexicon.
    pub(crate) fn contains(&self, lower: &str) -> bool {
        self.0.contains(lower) || self.1.contains(lower)
    }

    /// True when one edit turns `lower` into a word of either lexicon: a
    /// letter left out, added, changed, or two neighbours swapped
    /// (`australain` is a slip for `australian`). The letters tried are
    /// the word's own, the Latin alphabet and the French accented letters.
    pub(crate) fn one_edit_away(&self, lower: &str) -> bool {
        const EXTRA: &str = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ";
        let chars: Vec<char> = lower.chars().collect();
        let mut letters: Vec<char> = EXTRA.chars().chain(chars.iter().copied()).collect();
        letters.sort_unstable();
        letters.dedup();
        let mut buf = String::with_capacity(lower.len() + 4);
        let mut try_word = |parts: &[&[char]]| {
            buf.clear();
            buf.extend(parts.iter().flat_map(|p| p.iter()));
            self.contains(&buf)
        };
        for i in 0..=chars.len() {
            let (head, tail) = chars.split_at(i);
            if let Some((_, rest)) = tail.split_first() {
                // Left out, swapped with the next, changed.
                if try_word(&[head, rest]) {
                    return true;
                }
                if let [a, b, after @ ..] = tail
                    && a != b
                    && try_word(&[head, &[*b, *a], after])
                {
                    return true;
                }
                if letters
                    .iter()
                    .any(|&c| c != tail[0] && try_word(&[head, &[c], rest]))
                {
                    return true;
                }
            }
            // Added.
            if letters.iter().any(|&c| try_word(&[head, &[c], tail])) {
                return true;
            }
        }
        false
    }
}

/// Finds the mentions of the gazetteer's entities in `doc`.
pub fn extract(doc: &Document<'_>, gaz: &Gazetteer, data: &Data) -> Mentions {
    if !doc.has_words() {
        return Mentions::default(); // nothing to look up (and no automaton to build)
    }
    let Some(ac) = gaz.automaton() else {
        return Mentions::default();
    };
    let lists = data.entity_lists();
    let proclitics = &lists.proclitics;
    let ordinary = OrdinaryWords::of(data);
    let mut list = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let n = normalize(&block.text, 0, key_options());
        let t = n.text.as_str();
        for m in ac.leftmost_find_iter(t) {
            let (s, e) = (m.start(), m.end());
            let all = gaz.pattern_forms(m.value() as usize);
            let kept: Vec<usize>;
            let forms = if all.iter().any(|&f| gaz.is_rejected(f, data)) {
                kept = all
                    .iter()
                    .copied()
                    .filter(|&f| !gaz.is_rejected(f, data))
                    .collect();
                &kept[..]
            } else {
                all
            };
            let Some(&first) = forms.first() else {
                continue;
            };
            let arabic = gaz.forms[first].arabic;
            // Boundaries in the normalized text.
            if let Some(after) = t[e..].chars().next()
                && same_script_word_char(after, arabic)
            {
                continue;
            }
            if let Some(before) = t[..s].chars().next_back()
                && same_script_word_char(before, arabic)
            {
                if !arabic {
                    continue;
                }
                // Arabic: only a proclitic may stand glued before the name.
                let word_start = t[..s]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| is_arabic_letter(*c))
                    .last()
                    .map_or(s, |(i, _)| i);
                if !proclitics.iter().any(|p| p == &t[word_start..s]) {
                    continue;
                }
            }
            let view = n.to_orig(s, e);
            let view = view.start as usize..view.end as usize;
            // Not in a link, an e-mail address, a handle or a hashtag: their
            // letters are not the article's to correct (`openai.com`,
            // `@tiktok`), as in the fuzzy and local passes.
            if block.is_masked(&view) {
                continue;
            }
            let surface = &block.text[view.clone()];
            let Some((form_index, status)) = classify(gaz, &ordinary, forms, surface) else {
                continue;
            };
            let form = &gaz.forms[form_index];
            list.push(Mention::new(
                bi,
                view,
                form.entity,
                form_index,
                status,
                arabic,
            ));
        }
    }
    let fuzzy = super::fuzzy::latin(doc, gaz, data, &list);
    // The transliteration and local-name passes key the same Arabic words.
    let mut keys = super::KeyCache::for_document(doc);
    let translit = super::fuzzy::arabic(doc, gaz, data, &list, proclitics, &mut keys);
    list.extend(fuzzy);
    list.extend(translit);
    let (local, locals) =
        super::local::find(doc, gaz.entities.len(), data, &list, lists, &mut keys);
    list.extend(local);
    // In text order: by place (block, then view), which a Markdown
    // construct that maps a long stretch of the original to one place
    // (an HTML block, a link) cannot make ambiguous, as equal spans would.
    // (The original span is a function of the place.)
    let place = |m: &Mention| (m.block, m.view.start, m.view.end);
    crate::sort::sort_stable_by(&mut list, |a, b| place(a).cmp(&place(b)));
    Mentions { list, locals }
}

/// Picks the form a surface stands for and how it is written. `None` when
/// the surface is not a mention after all (a one-letter name in the wrong
/// case, an ordinary lower-case word).
fn classify(
    gaz: &Gazetteer,
    ordinary: &OrdinaryWords<'_>,
    form_ids: &[usize],
    surface: &str,
) -> Option<(usize, Status)> {
    let forms = || form_ids.iter().map(|&i| (i, &gaz.forms[i]));
    let status_of_kind = |k: FormKind| match k {
        FormKind::Variant => Status::Variant,
        FormKind::Misspelling => Status::Misspelling,
        _ => Status::Correct,
    };
    // Written exactly as a form.
    if let Some((i, f)) = forms().find(|(_, f)| f.text == surface) {
        return Some((i, status_of_kind(f.kind)));
    }
    let (best_i, best) = forms().min_by_key(|(_, f)| (f.kind, f.entity))?;
    if !best.kind.is_correct() {
        return Some((best_i, status_of_kind(best.kind)));
    }
    let entity = &gaz.entities[best.entity];
    if best.arabic {
        // Diacritics, final ى/ي and ة/ه are house style; hamza is not.
        if forms().any(|(_, f)| f.kind.is_correct() && light_key(&f.text) == light_key(surface)) {
            return Some((best_i, Status::Correct));
        }
        return Some((best_i, Status::Spelling));
    }
    // Latin: only case can differ.
    let letters = surface
        .chars()
        .filter(|c| crate::document::is_letter(*c))
        .count();
    if letters < 2 {
        return None; // `x` is not X
    }
    let all_upper = surface
        .chars()
        .all(|c| !crate::document::is_letter(c) || c.is_uppercase());
    let all_lower = surface
        .chars()
        .all(|c| !crate::document::is_letter(c) || c.is_lowercase());
    if all_lower && ordinary.contains(&surface.to_lowercase()) {
        return None; // `apple`, `orange`, `total`
    }
    if !entity.case_sensitive
        || (all_upper && letters > 3)
        || case_is_acceptable(ordinary, surface, &best.text)
    {
        return Some((best_i, Status::Correct));
    }
    Some((best_i, Status::Case))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_one_edit_from_an_ordinary_word_is_found_for_each_kind_of_edit() {
        let rules = crate::rules::RuleSet::embedded().expect("the default rules load");
        let ordinary = OrdinaryWords::of(rules.data());
        for (word, near) in [
            ("australain", true), // swapped: australian
            ("crowdd", true),     // added: crowd
            ("crwd", true),       // left out: crowd
            ("crowf", true),      // changed: crowd
            ("ecole", true),      // changed to an accented letter: école
            ("écolle", true),     // added: école
            ("optai", false),     // a slip for OpenAI, no word's
            ("zqxvj", false),
            ("", false),
        ] {
            assert_eq!(ordinary.one_edit_away(word), near, "{word}");
        }
        // The word itself does not count as an edit of itself.
        let mut data = crate::rules::Data::default();
        data.add_text_file("lexicon-en", "crowd\n".to_owned().into());
        let ordinary = OrdinaryWords::of(&data);
        assert!(!ordinary.one_edit_away("crowd"));
        assert!(ordinary.one_edit_away("crow"));
    }

    #[test]
    fn covered_ranges_are_found_in_their_own_block_only() {
        let m = |block: usize, view: std::ops::Range<usize>| {
            Mention::new(block, view, 0, 0, Status::Correct, false)
        };
        // Block 1: 10..20 and 15..30 merge into 10..30; 40..45 apart.
        let covered = Covered::new(&[m(1, 40..45), m(1, 10..20), m(3, 0..5), m(1, 15..30)]);
        assert!(covered.overlaps(1, &(25..35)));
        assert!(covered.overlaps(1, &(5..11)));
        assert!(covered.overlaps(1, &(44..50)));
        assert!(!covered.overlaps(1, &(30..40)));
        assert!(!covered.overlaps(1, &(0..10)));
        assert!(!covered.overlaps(1, &(45..60)));
        // The same places in other blocks are not covered.
        assert!(!covered.overlaps(0, &(10..30)));
        assert!(!covered.overlaps(2, &(0..5)));
        assert!(covered.overlaps(3, &(4..9)));
        assert!(!covered.overlaps(4, &(0..5)));
    }

    proptest::proptest! {
        /// Looked up from where the last lookup landed, in any order, a
        /// word is covered exactly when a mention's view range in its
        /// block overlaps it.
        #[test]
        fn covered_answers_as_the_mentions_do_in_any_order(
            mentions in proptest::collection::vec((0usize..4, 0usize..60, 1usize..12), 0..30),
            words in proptest::collection::vec((0usize..5, 0usize..70, 1usize..8), 0..40),
        ) {
            let mentions: Vec<Mention> = mentions
                .iter()
                .map(|&(b, s, l)| {
                    Mention::new(b, s..s + l, 0, 0, Status::Correct, false)
                })
                .collect();
            let covered = Covered::new(&mentions);
            // As drawn, then in text order (the order of the passes).
            let mut sorted = words.clone();
            sorted.sort_unstable();
            for (b, s, l) in words.into_iter().chain(sorted) {
                let expected = mentions
                    .iter()
                    .any(|m| m.block() == b && m.view().start < s + l && s < m.view().end);
                proptest::prop_assert_eq!(covered.overlaps(b, &(s..s + l)), expected, "{}: {}..{}", b, s, s + l);
            }
        }
    }
}
