//! Finding the figures of a document (see the module documentation).

use arcstr::ArcStr;
use rust_decimal::Decimal;

use super::lexicon::{Lexicon, options};
use super::link::finish;
use super::number::{Convention, parse_number, pow10, significant_digits};
use super::prepare::{Evidence, Prepared, excluded, may_separate_digits};
use super::token::{Kind, Tok};
use super::{AmountMention, Hedge};
use crate::document::{Block, Document};
use crate::source::{Normalized, normalize};

/// What follows a number: its scale, currency, percent sign and hedge.
#[derive(Debug, Default)]
pub(super) struct Tail {
    /// Sig position after the last token of the figure.
    pub(super) end: usize,
    pub(super) exp: Option<u32>,
    pub(super) half: Option<Decimal>,
    /// The later parts of a figure written with several scale words, in
    /// units of the first (`883 ملياراً` after `تريليونان`: 0.883).
    pub(super) parts: Decimal,
    pub(super) currency: Option<ArcStr>,
    pub(super) percent: bool,
    pub(super) hedge: Option<Hedge>,
    /// Sig position after a trailing hedge.
    pub(super) after: usize,
}

/// A figure before linking and cues.
pub(super) struct Draft {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) base: Decimal,
    pub(super) digits: String,
    pub(super) tail: Tail,
    pub(super) hedge: Option<Hedge>,
    /// A plain number with nothing after it but a connector or punctuation.
    pub(super) linkable: bool,
    /// Followed by another number (`10-20`, `10 to 20`): it links only to
    /// that number.
    pub(super) range_start: bool,
    pub(super) linked: bool,
}

fn tail(
    pr: &Prepared,
    lx: &Lexicon,
    conv: Convention,
    q: usize,
    has_currency: bool,
    exp: Option<u32>,
) -> Tail {
    let mut t = Tail {
        end: q,
        exp,
        ..Tail::default()
    };
    let mut q = q;
    if exp.is_none() {
        if let Some((e, ())) = pr.match_fwd(lx, &lx.percent, q, false) {
            t.percent = true;
            t.end = e;
            t.after = e;
            return t;
        }
        if let Some((e, s)) = pr.match_fwd(lx, &lx.scales, q, true) {
            let currency_next = pr.match_fwd(lx, &lx.currency_symbols, e, false).is_some()
                || pr.match_fwd(lx, &lx.currencies, e, true).is_some();
            if !s.money_only || has_currency || currency_next {
                t.exp = Some(s.exp);
                q = e;
            }
        }
    }
    if let Some(exp) = t.exp {
        if let Some((e, h)) = pr.match_fwd(lx, &lx.halves, q, false) {
            t.half = Some(*h);
            q = e;
            if let Some((e2, s)) = pr.match_fwd(lx, &lx.scales, q, true)
                && s.exp == exp
            {
                q = e2;
            }
        }
        // A figure in parts, each with a smaller scale word (`تريليونان
        // و883 ملياراً و532 مليوناً`, `2 milliards 200 millions`): each
        // part under a thousand, added in units of the first scale.
        let mut last = exp;
        loop {
            let at = pr
                .match_fwd(lx, &lx.compound_links, q, false)
                .map_or(q, |(after, ())| after);
            if at >= pr.sig.len() || pr.tok(at).kind != Kind::Num {
                break;
            }
            let Some(part) = parse_number(&pr.norm.text[pr.tok(at).range.clone()], conv) else {
                break;
            };
            let Some((after, scale)) = pr.match_fwd(lx, &lx.scales, at + 1, true) else {
                break;
            };
            let Some(unit) = pow10(exp - scale.exp.min(exp)) else {
                break;
            };
            if scale.exp >= last || part.value <= Decimal::ZERO || part.value >= Decimal::from(1000)
            {
                break;
            }
            t.parts += part.value / unit;
            (last, q) = (scale.exp, after);
        }
    }
    t.end = q;
    let currency = pr
        .match_fwd(lx, &lx.currency_symbols, q, false)
        .or_else(|| pr.match_fwd(lx, &lx.currencies, q, true))
        .or_else(|| {
            let (l, ()) = pr.match_fwd(lx, &lx.links, q, false)?;
            pr.match_fwd(lx, &lx.currencies, l, true)
        });
    if !has_currency && let Some((e, c)) = currency {
        t.currency = Some(c.clone());
        t.end = e;
        if pr.match_fwd(lx, &lx.percent, e, false).is_some() {
            t.currency = None;
            t.end = q;
        }
    }
    if t.exp.is_none() && t.currency.is_none() && !has_currency {
        if let Some((e, ())) = pr.match_fwd(lx, &lx.percent, t.end, false) {
            t.percent = true;
            t.end = e;
        }
    }
    t.after = t.end;
    if let Some((e, h)) = pr.match_fwd(lx, &lx.hedges_after, t.end, false) {
        t.hedge = Some(*h);
        t.after = e;
    }
    t
}

/// The longest document (in bytes) whose blocks normalized for the
/// separators' evidence are kept for reading the figures.
const KEEP_NORMALIZED: usize = 4 << 20;

/// The figures of a document, in text order.
pub fn extract(doc: &Document<'_>) -> Vec<AmountMention> {
    extract_with(doc, |_, _, _, _| {})
}

/// Like [`extract`], handing `each` every block (in order, with its index)
/// as normalized for the figures
/// ([`NormalizeOptions::FIGURES`](crate::source::NormalizeOptions::FIGURES))
/// and its tokens, which the date extractor reads too: one normalization
/// and one reading serve both. Nothing is handed over when the document has
/// no words.
pub(crate) fn extract_with(
    doc: &Document<'_>,
    each: impl FnMut(usize, &Block, &Normalized, &[super::token::Tok]),
) -> Vec<AmountMention> {
    extract_keeping(doc, doc.text().len() <= KEEP_NORMALIZED, each)
}

/// [`extract_with`], keeping the blocks normalized for the evidence or not.
fn extract_keeping(
    doc: &Document<'_>,
    keep: bool,
    mut each: impl FnMut(usize, &Block, &Normalized, &[super::token::Tok]),
) -> Vec<AmountMention> {
    if !doc.has_words() {
        return Vec::new(); // no words: no lexicon to load
    }
    let lx = doc.data.amount_lexicon(doc.lang);
    let lx = &*lx;
    // The separators' convention is the document's: a first pass counts
    // the evidence block by block, and a second one reads the figures. The
    // blocks the first pass normalizes are kept for the second when the
    // document is not long (the normalized blocks are the size of the
    // text: a long file's are normalized again, its peak memory unchanged);
    // the second normalization serves the dates as well (`each`).
    let mut kept: Vec<Option<Normalized>> = Vec::new();
    let mut evidence = Evidence::default();
    for (bi, b) in doc.blocks.iter().enumerate() {
        if !may_separate_digits(&b.text) {
            continue;
        }
        let norm = normalize(&b.text, 0, options());
        Prepared::numbers(b, &norm, doc.lang, |raw| evidence.count(raw));
        if keep {
            kept.resize_with(doc.blocks.len(), || None);
            kept[bi] = Some(norm);
        }
    }
    let conv = evidence.convention(doc.lang);
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let norm = kept
            .get_mut(bi)
            .and_then(Option::take)
            .unwrap_or_else(|| normalize(&block.text, 0, options()));
        let mut pr = Prepared::of(block, norm, doc.lang);
        pr.index(lx);
        let drafts = block_drafts(block, &pr, lx, conv);
        let found = finish(bi, block, &pr, lx, drafts);
        crate::sort::reserve_lean(&mut out, found.len());
        out.extend(found);
        each(bi, block, &pr.norm, &pr.toks);
    }
    // Text order, which `Document::amounts_in` relies on.
    crate::sort::sort_stable_by(&mut out, |a, b| {
        (a.block, a.view.start).cmp(&(b.block, b.view.start))
    });
    out
}

fn block_drafts(block: &Block, pr: &Prepared, lx: &Lexicon, conv: Convention) -> Vec<Draft> {
    let mut drafts = Vec::new();
    // What a figure in words opens with (most words open none: told by
    // their lists' bits without a call).
    let openers = lx.number_words.bit | lx.scales.bit;
    let mut p = 0;
    while p < pr.sig.len() {
        let t = pr.tok(p);
        let draft = if t.kind == Kind::Num {
            number_draft(block, pr, lx, conv, p)
        } else if t.is_word()
            && (p == 0 || pr.tok(p - 1).kind != Kind::Num)
            && pr.may_start(openers, p, true)
        {
            word_draft(pr, lx, conv, p)
        } else {
            None
        };
        match draft {
            Some(d) => {
                p = d.tail.after.max(p + 1);
                drafts.push(d);
            }
            None => p += 1,
        }
    }
    drafts
}

fn number_draft(
    block: &Block,
    pr: &Prepared,
    lx: &Lexicon,
    conv: Convention,
    p: usize,
) -> Option<Draft> {
    let raw = &pr.norm.text[pr.tok(p).range.clone()];
    // `after`: the token after the digits (after the whole part of a
    // figure with a letter for its decimal mark).
    let (parsed, after) = match letter_decimal(pr, lx, p) {
        Some(parsed) => (parsed, p + 3),
        None => (parse_number(raw, conv)?, p + 1),
    };
    let view = pr
        .norm
        .to_orig(pr.tok(p).range.start, pr.tok(after - 1).range.end)
        .range();
    if block.is_masked(&view) || excluded(pr, lx, p) {
        return None;
    }
    // A currency before it (`$`, `US$`, `USD`).
    let (start, prefix) = match pr.match_back(lx, &lx.currency_symbols, p, true) {
        Some((s, c)) => (s, Some(c.clone())),
        None => (p, None),
    };
    let mut t = tail(pr, lx, conv, after, prefix.is_some(), None);
    // A Latin word glued after the number must belong to the figure
    // (`97.4bn`), else it is a name or an ordinal (`8vc`, `3rd`).
    if pr.raw(p, 1).is_some_and(Tok::is_latin_word) && t.end == p + 1 {
        return None;
    }
    let mut start = start;
    if prefix.is_some() {
        t.currency = prefix;
    } else if t.exp.is_none()
        && t.currency.is_none()
        && !t.percent
        && matches!(pr.raw_key(p, -1), Some("%" | "٪"))
    {
        // `٪15`, typed in the wrong order in right-to-left text.
        t.percent = true;
        start = p - 1;
    }
    let unit = t.exp.is_some() || t.currency.is_some() || t.percent;
    if !unit && parsed.plain {
        if raw.len() == 4 && (Decimal::from(1800)..=Decimal::from(2100)).contains(&parsed.value) {
            return None;
        }
        if (3..=4).contains(&raw.len()) && p > 0 {
            // `عام 2019`, `en 2019`, `لـ2025` (a bare proclitic before it).
            let mut q = p - 1;
            if lx.is_proclitic(pr.key(q)) && q > 0 {
                q -= 1;
            }
            let w = pr.key(q);
            let arabic = pr.tok(q).is_arabic_word();
            // A Latin marker (`in`, `en`) makes only four digits a year.
            if pr.tok(q).is_word()
                && (arabic || raw.len() == 4)
                && lx.in_set(&lx.year_markers, w, arabic)
            {
                return None;
            }
        }
    }
    let hedge_end = if start > 0
        && lx.is_proclitic(pr.key(start - 1))
        && pr.raw(start, -1).is_some_and(|t| t.kind != Kind::Space)
    {
        start - 1
    } else {
        start
    };
    let hedge = pr
        .match_back(lx, &lx.hedges, hedge_end, false)
        .map(|(_, h)| *h)
        .or(t.hedge);
    let next = t.end;
    let is_num = |q: usize| q < pr.sig.len() && pr.tok(q).kind == Kind::Num;
    let connector = |q: usize| {
        q < pr.sig.len()
            && pr.tok(q).is_word()
            && lx.in_set(&lx.connectors, pr.key(q), pr.tok(q).is_arabic_word())
    };
    let linkable = !unit && (next >= pr.sig.len() || !pr.tok(next).is_word() || connector(next));
    // `10-20 billion`, `between 10 and 20 billion`: the unit of the range
    // is the next number's.
    let range_start = is_num(next) || (connector(next) && is_num(next + 1));
    Some(Draft {
        start,
        end: t.end,
        base: parsed.value,
        digits: if t.parts.is_zero() {
            parsed.digits
        } else {
            significant_digits(parsed.value + t.parts)
        },
        tail: t,
        hedge,
        linkable,
        range_start,
        linked: false,
    })
}

/// A figure written as some news agencies (KUNA) write it: two digit runs
/// with a letter between them for the decimal mark (`@ar.decimal-letters`),
/// the fraction first in the text (`62ر31` is 31.62, and `9ر0` is 0.9:
/// read from the right, as the Arabic around them, the whole part comes
/// first). `None` for anything else, a separator in either run included.
fn letter_decimal(pr: &Prepared, lx: &Lexicon, p: usize) -> Option<super::number::ParsedNumber> {
    if lx.decimal_letters.is_empty() || p + 2 >= pr.sig.len() {
        return None;
    }
    // The three tokens touch: no space between them.
    let (letter, whole) = (pr.raw(p, 1)?, pr.raw(p, 2)?);
    if pr.sig[p + 2] != pr.sig[p] + 2
        || !letter.is_arabic_word()
        || whole.kind != Kind::Num
        || !lx.decimal_letters.contains(pr.key(p + 1))
    {
        return None;
    }
    let fraction = &pr.norm.text[pr.tok(p).range.clone()];
    let whole = &pr.norm.text[whole.range.clone()];
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = Decimal::from_str_exact(&format!("{whole}.{fraction}")).ok()?;
    Some(super::number::ParsedNumber {
        value,
        digits: significant_digits(value),
        ambiguous: false,
        plain: false,
    })
}

/// A figure written with words: `نصف مليار`, `half a billion`, `un
/// demi-milliard`, `مليار دولار`, `ملياري دولار`.
fn word_draft(pr: &Prepared, lx: &Lexicon, conv: Convention, p: usize) -> Option<Draft> {
    let (base, t) = if let Some((q, nw)) = pr.match_fwd(lx, &lx.number_words, p, true) {
        let t = tail(pr, lx, conv, q, false, None);
        if t.exp.is_none() && (nw.needs_scale || t.currency.is_none() || t.percent) {
            return None;
        }
        (nw.value, t)
    } else {
        let (q, s) = pr.match_fwd(lx, &lx.scales, p, true)?;
        let alone = s.alone?;
        let t = tail(pr, lx, conv, q, false, Some(s.exp));
        if s.exp < 6 && t.currency.is_none() {
            return None;
        }
        (Decimal::from(alone), t)
    };
    let hedge = pr
        .match_back(lx, &lx.hedges, p, false)
        .map(|(_, h)| *h)
        .or(t.hedge);
    Some(Draft {
        start: p,
        end: t.end,
        digits: significant_digits(base + t.parts),
        base,
        tail: t,
        hedge,
        linkable: false,
        range_start: false,
        linked: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, SourceFile};

    static RULES: std::sync::LazyLock<crate::rules::RuleSet> =
        std::sync::LazyLock::new(|| crate::rules::RuleSet::embedded().expect("default rules"));

    #[test]
    fn keeping_the_evidence_blocks_changes_no_figure_nor_what_the_dates_read() {
        // Blocks with and without separated digits (the evidence pass
        // normalizes only the former), in each language.
        let texts = [
            (
                crate::Lang::En,
                "It cost $1,250,000 in 2024.\n\nNo figures here.\n\nAbout 3.5 billion dollars, up 12%, on March 3.\n",
            ),
            (
                crate::Lang::Fr,
                "Il a coûté 1 250 000 euros.\n\nRien ici.\n\nEnviron 3,5 milliards d'euros le 3 mars 2024.\n",
            ),
            (
                crate::Lang::Ar,
                "بلغت الكلفة ١٬٢٥٠٬٠٠٠ دولار.\n\nلا أرقام هنا.\n\nنحو 9.74 مليار دولار في 3 مارس 2024.\n",
            ),
        ];
        for (lang, text) in texts {
            let source = SourceFile::from_text("a.txt", text.into(), Format::Text);
            let doc = Document::parse(&source, Some(lang), RULES.data());
            let run = |keep: bool| {
                let mut seen = Vec::new();
                let found = extract_keeping(&doc, keep, |bi, _, norm, _| {
                    seen.push((bi, norm.text.clone(), norm.to_orig(0, norm.text.len())));
                });
                (format!("{found:?}"), seen)
            };
            let (kept, not_kept) = (run(true), run(false));
            assert!(kept.0.contains("1250000"), "{lang:?}: {}", kept.0);
            assert_eq!(kept.1.len(), doc.blocks.len());
            assert_eq!(kept, not_kept, "{lang:?}");
        }
    }

    #[test]
    fn the_figures_share_their_currency_scale_and_cues_with_the_lexicon() {
        // A long article has tens of thousands of figures: what they name
        // from the lexicon is one shared text each, not a copy a figure.
        let text = "The offer was $97.4 billion. The offer was later $9.74 billion.\n";
        let source = SourceFile::from_text("a.txt", text.into(), Format::Text);
        let doc = Document::parse(&source, Some(crate::Lang::En), RULES.data());
        let found = extract(&doc);
        let [a, b] = &found[..] else {
            panic!("two figures: {found:?}")
        };
        let shared = |x: &Option<ArcStr>, y: &Option<ArcStr>| matches!((x, y), (Some(x), Some(y)) if ArcStr::ptr_eq(x, y));
        assert_eq!(a.currency.as_deref(), Some("USD"));
        assert!(shared(&a.currency, &b.currency));
        assert_eq!(a.scale.as_deref(), Some("billion"));
        assert!(shared(&a.scale, &b.scale));
        assert_eq!(
            (&*a.cues, &*b.cues),
            (&[ArcStr::from("offer")][..], &[ArcStr::from("offer")][..])
        );
        assert!(ArcStr::ptr_eq(&a.cues[0], &b.cues[0]));
        assert_eq!((&*a.digits, &*b.digits), ("974", "974"));
    }
}
