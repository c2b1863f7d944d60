//! Amounts: the figures of an article (money, plain numbers, percentages)
//! as exact decimals, with their scale word, currency, hedge and subject
//! cues, mapped to byte spans of the original text.
//!
//! [`extract`] reads each prose block once: it normalizes the block
//! (digits of every script to ASCII, `٫` to `.`, Arabic letter forms, lower
//! case), cuts it into tokens, and reads each digit run (or word for a
//! number, `نصف مليار`) with what surrounds it. The words it knows come from
//! the data files `rules/data/amount-{ar,fr,en}.toml` (see [`Lexicon`]).
//! Values are [`rust_decimal::Decimal`]s; no floating point is used.
//!
//! Files: `number.rs` (digit runs → decimals), `token.rs` (tokens of a
//! normalized block), `lexicon.rs` (the data lists), `prepare.rs` (phrase
//! matching; dates, times, phones and names with digits), `extract.rs`
//! (figures with their scale, currency, percent and hedge), `link.rs`
//! (bare numbers that take the unit of an amount of their sentence; cues).

mod extract;
mod lexicon;
mod link;
pub mod number;
mod prepare;
pub(crate) mod token;

use std::ops::Range;

use arcstr::ArcStr;
use rust_decimal::Decimal;

pub use extract::extract;
pub(crate) use extract::extract_with;
pub use lexicon::Lexicon;
pub use number::{Convention, ParsedNumber, parse_number};

use crate::source::Span;

/// What an amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountKind {
    /// With a currency.
    Money,
    /// A plain quantity.
    Number,
    /// A percentage: the value is the number before `%` (12.5).
    Percent,
}

impl AmountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AmountKind::Money => "money",
            AmountKind::Number => "number",
            AmountKind::Percent => "percent",
        }
    }
}

/// A qualifier of a figure: `نحو`, `plus de`, `up to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// About, nearly.
    Approx,
    /// More than, at least.
    Min,
    /// Less than, up to.
    Max,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Approx => "approx",
            Hedge::Min => "min",
            Hedge::Max => "max",
        }
    }

    /// `approx`, `min` or `max`.
    pub fn parse(s: &str) -> Option<Hedge> {
        match s.trim() {
            "approx" => Some(Hedge::Approx),
            "min" => Some(Hedge::Min),
            "max" => Some(Hedge::Max),
            _ => None,
        }
    }
}

/// One figure of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountMention {
    /// Original byte span: the number with its scale word and currency
    /// (`97.4 مليار دولار`, `$97.4bn`), without the hedge.
    pub span: Span,
    /// The block, and the view range there.
    pub block: usize,
    pub view: Range<usize>,
    /// The value with the scale applied (`97.4 مليار` = 97400000000); a
    /// percentage as its number (12.5).
    pub value: Decimal,
    pub kind: AmountKind,
    /// ISO 4217 code (shared with the lexicon's).
    pub currency: Option<ArcStr>,
    /// `thousand`, `million`, `billion`, `trillion` (or `1e<n>`).
    pub scale: Option<ArcStr>,
    pub hedge: Option<Hedge>,
    /// The significant digits as written (`974` for 97.4 and 9.74).
    pub digits: Box<str>,
    /// Subject cues near the figure, as concept keys (`offer`,
    /// `valuation`), from the data files' `cues` lists (shared with the
    /// lexicon's: a long article has tens of thousands of figures).
    pub cues: Box<[ArcStr]>,
    /// True when the scale and currency were taken from another amount of
    /// the same sentence (a bare `97.4` after `9.74 مليار`).
    pub linked: bool,
}

/// `9.74 × 10⁹ USD`: a figure's value written with the exponent `exp` (a
/// multiple of 3, see [`display_exponent`]), its unit after it; how the
/// amount checks quote two figures side by side.
pub fn show(m: &AmountMention, exp: u32) -> String {
    let currency = if m.kind == AmountKind::Percent {
        None
    } else {
        m.currency.as_deref()
    };
    let mut s = show_value(m.value, exp, currency);
    if m.kind == AmountKind::Percent {
        s.push('%');
    }
    s
}

/// `9.74 × 10⁹ USD`: a value written with the exponent `exp`, then the
/// currency when there is one.
pub fn show_value(value: Decimal, exp: u32, currency: Option<&str>) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut v = value;
    if let Some(p) = 10u64.checked_pow(exp).filter(|_| exp > 0) {
        v /= Decimal::from(p);
    }
    let mut s = v.normalize().to_string();
    if exp > 0 {
        s.push_str(" × 10");
        s.extend(
            exp.to_string()
                .chars()
                .map(|c| SUP[c.to_digit(10).unwrap_or(0) as usize]),
        );
    }
    if let Some(c) = currency {
        s.push(' ');
        s.push_str(c);
    }
    s
}

/// The exponent (a multiple of 3, at most 12) to show a value with.
pub fn display_exponent(v: Decimal) -> u32 {
    let mut e = 0;
    let mut t = v.abs();
    let thousand = Decimal::from(1000);
    while t >= thousand && e < 12 {
        t /= thousand;
        e += 3;
    }
    e
}

/// The name of a power of ten used as a scale.
pub fn scale_name(exp: u32) -> ArcStr {
    match exp {
        3 => arcstr::literal!("thousand"),
        6 => arcstr::literal!("million"),
        9 => arcstr::literal!("billion"),
        12 => arcstr::literal!("trillion"),
        e => arcstr::format!("1e{e}"),
    }
}

/// The exponent of a scale name (`billion` → 9).
pub fn scale_exponent(name: &str) -> Option<u32> {
    match name {
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        s => s.strip_prefix("1e")?.parse().ok(),
    }
}
