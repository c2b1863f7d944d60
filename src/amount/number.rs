//! Digit runs with separators, in any script, parsed into exact decimals.
//!
//! A run holds ASCII, Eastern Arabic (`٠–٩`) or Persian (`۰–۹`) digits and
//! the separators of `../shared/reference/formats.md` §1-2: `.` `,` `٫`
//! (decimal) and `,` `.` `٬` `'` and the (narrow, thin) no-break and plain
//! spaces (thousands). Which of `.` and `,` is the decimal mark is decided by
//! the form when it can be (`1,234.5`, `97,4`, `1.250.000`) and by the
//! document's [`Convention`] when it cannot (`1,000`, `3.350`).
//!
//! No floating point anywhere: the value is built from its digits.

use std::str::FromStr;

use rust_decimal::Decimal;
use smallvec::SmallVec;

/// Which of `.` and `,` a document writes as its decimal mark when a
/// number's form does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `1,000` is one thousand, `3.350` is 3.35 (English, most Arabic).
    DotDecimal,
    /// `1.000` is one thousand, `1,250` is 1.25 (French, Maghreb Arabic).
    CommaDecimal,
}

/// A parsed digit run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNumber {
    pub value: Decimal,
    /// The significant digits as written: no separators, no leading or
    /// trailing zeros (`974` for `97.4` and `9.74`; `0` for zero).
    pub digits: String,
    /// True when the form alone did not tell the decimal mark (one `.` or
    /// `,` followed by exactly three digits) and the convention decided.
    pub ambiguous: bool,
    /// True when the run has no separator at all.
    pub plain: bool,
}

/// The value of a digit in any of the three scripts.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '٠'..='٩' => Some((c as u32 - 0x0660) as u8),
        '۰'..='۹' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// True for the characters that group thousands and nothing else.
pub fn is_group_only(c: char) -> bool {
    matches!(
        c,
        '٬' | '\'' | ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}'
    )
}

/// The separator of one kind that acts as the decimal mark of `groups`,
/// or `None` when none does. `Err` when the separators contradict each
/// other (a version number `1.2.3`, `1.234,5.6`).
fn decimal_mark(
    seps: &[char],
    last_len: usize,
    first: &str,
    conv: Convention,
) -> Result<(Option<char>, bool), ()> {
    if let Some(pos) = seps.iter().position(|&c| c == '٫') {
        return if pos + 1 == seps.len() && seps.iter().filter(|&&c| c == '٫').count() == 1 {
            Ok((Some('٫'), false))
        } else {
            Err(())
        };
    }
    let dots = seps.iter().filter(|&&c| c == '.').count();
    let commas = seps.iter().filter(|&&c| c == ',').count();
    match (dots, commas) {
        (0, 0) => Ok((None, false)),
        (d, c) if d > 0 && c > 0 => {
            let last = *seps.last().expect("separators");
            let count = if last == '.' { d } else { c };
            if count == 1 && !is_group_only(last) {
                Ok((Some(last), false))
            } else {
                Err(())
            }
        }
        _ if dots > 1 || commas > 1 => Ok((None, false)),
        _ => {
            let mark = if dots == 1 { '.' } else { ',' };
            let last_is_mark = seps.last() == Some(&mark);
            if !last_is_mark {
                // `1.250 000`: a single mark before space groups.
                return Ok((None, false));
            }
            let only_mark = seps.len() == 1;
            if last_len != 3 || (only_mark && (first == "0" || first.len() > 3)) {
                return Ok((Some(mark), false));
            }
            if !only_mark {
                // `1 250,500`: after space groups the mark is the decimal.
                return Ok((Some(mark), false));
            }
            let decimal = match conv {
                Convention::DotDecimal => mark == '.',
                Convention::CommaDecimal => mark == ',',
            };
            Ok((decimal.then_some(mark), true))
        }
    }
}

/// Parses a digit run such as `97.4`, `٩٧٫٤`, `1 250 000,50`, `1,000`.
/// `None` when it is not one number (`1.2.3`, `12,34,5`, a trailing
/// separator, more than 28 digits).
pub fn parse_number(run: &str, conv: Convention) -> Option<ParsedNumber> {
    // The digits in ASCII, one after the other, and where each group of
    // them ends; the separators between the groups. Inline for the
    // numbers of news text (every number of an article passes here).
    let mut digits: SmallVec<[u8; 32]> = SmallVec::new();
    let mut ends: SmallVec<[usize; 8]> = SmallVec::new();
    let mut seps: SmallVec<[char; 8]> = SmallVec::new();
    for c in run.chars() {
        if let Some(d) = digit_value(c) {
            digits.push(b'0' + d);
        } else if matches!(c, '.' | ',' | '٫') || is_group_only(c) {
            if ends.last().copied().unwrap_or(0) == digits.len() {
                return None; // an empty group
            }
            seps.push(c);
            ends.push(digits.len());
        } else {
            return None;
        }
    }
    if ends.last().copied().unwrap_or(0) == digits.len() {
        return None;
    }
    ends.push(digits.len());
    let group = |k: usize| {
        let start = if k == 0 { 0 } else { ends[k - 1] };
        &digits[start..ends[k]]
    };
    let first = std::str::from_utf8(group(0)).ok()?;
    let last_len = group(ends.len() - 1).len();
    let (mark, ambiguous) = decimal_mark(&seps, last_len, first, conv).ok()?;
    // Thousands groups: 1-3 digits first, then exactly 3 each; nothing but
    // decimal marks after them.
    let group_count = seps.iter().take_while(|&&c| Some(c) != mark).count();
    if group_count > 0 && (group(0).len() > 3 || (1..=group_count).any(|k| group(k).len() != 3)) {
        return None;
    }
    if seps[group_count..].iter().any(|&c| Some(c) != mark) {
        return None;
    }
    // The integer part is the groups up to the decimal mark, the fraction
    // the group after it.
    let int_end = ends[group_count];
    let frac_end = ends.get(group_count + 1).copied().unwrap_or(int_end);
    let scale = frac_end - int_end;
    if frac_end > 28 {
        return None;
    }
    let all = &digits[..frac_end];
    let mantissa = all
        .iter()
        .fold(0i128, |m, &d| m * 10 + i128::from(d - b'0'));
    let value = Decimal::try_from_i128_with_scale(mantissa, u32::try_from(scale).ok()?).ok()?;
    let significant = all.iter().position(|&d| d != b'0').map_or(&[][..], |from| {
        let to = all.iter().rposition(|&d| d != b'0').map_or(from, |t| t + 1);
        &all[from..to]
    });
    Some(ParsedNumber {
        value,
        digits: if significant.is_empty() {
            "0".into()
        } else {
            std::str::from_utf8(significant).ok()?.into()
        },
        ambiguous,
        plain: seps.is_empty(),
    })
}

/// The significant digits of a decimal (`0.5` → `5`, `1500` → `15`).
pub fn significant_digits(value: Decimal) -> String {
    let s = value.abs().normalize().to_string();
    let all: String = s.chars().filter(char::is_ascii_digit).collect();
    let d = all.trim_start_matches('0').trim_end_matches('0');
    if d.is_empty() { "0".into() } else { d.into() }
}

/// `10^exp` as a decimal (`exp` ≤ 27).
pub fn pow10(exp: u32) -> Option<Decimal> {
    10i128
        .checked_pow(exp)
        .filter(|_| exp <= 27)
        .map(|v| Decimal::from_i128_with_scale(v, 0))
}

/// Parses a decimal written in a data file (`0.5`, `100`).
pub fn parse_data_decimal(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a separator turned out to be (in the reference parser).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Sep {
        Group,
        Decimal,
    }

    /// The parser as it was before it kept its digits inline: the
    /// property test below holds the two to the same results.
    ///
    /// Parses a digit run such as `97.4`, `٩٧٫٤`, `1 250 000,50`, `1,000`;
    /// `None` when it is not one number (`1.2.3`, `12,34,5`, a trailing
    /// separator, more than 28 digits).
    fn parse_number_reference(run: &str, conv: Convention) -> Option<ParsedNumber> {
        // Split into digit groups and the separators between them.
        let mut groups: Vec<String> = vec![String::new()];
        let mut seps: Vec<char> = Vec::new();
        for c in run.chars() {
            if let Some(d) = digit_value(c) {
                groups
                    .last_mut()
                    .expect("a group")
                    .push(char::from(b'0' + d));
            } else if matches!(c, '.' | ',' | '٫') || is_group_only(c) {
                if groups.last().is_some_and(String::is_empty) {
                    return None;
                }
                seps.push(c);
                groups.push(String::new());
            } else {
                return None;
            }
        }
        if groups.iter().any(String::is_empty) {
            return None;
        }
        let last_len = groups.last().map_or(0, String::len);
        let (mark, ambiguous) = decimal_mark(&seps, last_len, &groups[0], conv).ok()?;
        let kinds: Vec<Sep> = seps
            .iter()
            .map(|&c| {
                if Some(c) == mark {
                    Sep::Decimal
                } else {
                    Sep::Group
                }
            })
            .collect();
        // Thousands groups: 1-3 digits first, then exactly 3 each.
        let group_count = kinds.iter().take_while(|&&k| k == Sep::Group).count();
        if group_count > 0 {
            if groups[0].len() > 3 {
                return None;
            }
            if groups[1..=group_count].iter().any(|g| g.len() != 3) {
                return None;
            }
        }
        if kinds.iter().skip(group_count).any(|&k| k == Sep::Group) {
            return None;
        }
        let mut int = String::new();
        for g in &groups[..=group_count] {
            int.push_str(g);
        }
        let frac = groups.get(group_count + 1).map_or("", String::as_str);
        if int.len() + frac.len() > 28 {
            return None;
        }
        let text = if frac.is_empty() {
            int.clone()
        } else {
            format!("{int}.{frac}")
        };
        let value = Decimal::from_str_exact(&text).ok()?;
        let all: String = format!("{int}{frac}");
        let digits = all.trim_start_matches('0').trim_end_matches('0');
        Some(ParsedNumber {
            value,
            digits: if digits.is_empty() {
                "0".into()
            } else {
                digits.into()
            },
            ambiguous,
            plain: seps.is_empty(),
        })
    }

    fn p(s: &str, c: Convention) -> Option<String> {
        parse_number(s, c).map(|n| n.value.normalize().to_string())
    }

    #[test]
    fn separators_by_form_and_convention() {
        use Convention::{CommaDecimal as C, DotDecimal as D};
        assert_eq!(p("97.4", D).as_deref(), Some("97.4"));
        assert_eq!(p("97,4", C).as_deref(), Some("97.4"));
        assert_eq!(p("97,4", D).as_deref(), Some("97.4"));
        assert_eq!(p("1,000", D).as_deref(), Some("1000"));
        assert_eq!(p("1,000", C).as_deref(), Some("1"));
        assert_eq!(p("1.000", C).as_deref(), Some("1000"));
        assert_eq!(p("1.250.000", D).as_deref(), Some("1250000"));
        assert_eq!(p("1,234.56", C).as_deref(), Some("1234.56"));
        assert_eq!(p("1.234,56", D).as_deref(), Some("1234.56"));
        assert_eq!(
            p("1\u{202F}250\u{202F}000,5", C).as_deref(),
            Some("1250000.5")
        );
        assert_eq!(p("٩٧٫٤", D).as_deref(), Some("97.4"));
        assert_eq!(p("١٬٢٣٤٫٥", D).as_deref(), Some("1234.5"));
        assert_eq!(p("۱۲۳", D).as_deref(), Some("123"));
        assert_eq!(p("0,250", D).as_deref(), Some("0.25"));
        assert_eq!(p("1.2.3", D), None);
        assert_eq!(p("12,34,5", D), None);
        assert_eq!(p("1,", D), None);
    }

    #[test]
    fn significant_digits_ignore_separators_and_zeros() {
        let d = |s| parse_number(s, Convention::DotDecimal).unwrap().digits;
        assert_eq!(d("97.4"), "974");
        assert_eq!(d("9.74"), "974");
        assert_eq!(d("100"), "1");
        assert_eq!(d("0.05"), "5");
        assert_eq!(d("1,500"), "15");
        assert_eq!(
            significant_digits(Decimal::from_str_exact("0.5").unwrap()),
            "5"
        );
        assert!(
            parse_number("1,000", Convention::DotDecimal)
                .unwrap()
                .ambiguous
        );
        assert!(
            !parse_number("97.4", Convention::DotDecimal)
                .unwrap()
                .ambiguous
        );
    }

    proptest::proptest! {
        /// The inline parser gives what the reference gives (value and
        /// its scale, digits, flags), for runs of digits of the three
        /// scripts and every separator, long ones included.
        #[test]
        fn parses_as_the_reference_does(
            run in "[0-9٠-٩۰-۹.,٫٬' \u{00A0}\u{202F}\u{2009}\u{2007}x]{0,12}|[0-9]{1,3}([.,][0-9]{1,4}){0,4}|[0-9]{20,40}(\\.[0-9]{0,12})?",
            comma in proptest::bool::ANY,
        ) {
            let conv = if comma { Convention::CommaDecimal } else { Convention::DotDecimal };
            let show = |p: Option<ParsedNumber>| p.map(|p| (p.value.to_string(), p.digits, p.ambiguous, p.plain));
            proptest::prop_assert_eq!(show(parse_number(&run, conv)), show(parse_number_reference(&run, conv)));
        }
    }
}
