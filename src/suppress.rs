//! Inline suppressions: comments in an article that silence findings.
//!
//! In Markdown, HTML comments (read where the Markdown parser sees raw
//! HTML, so a comment shown in a code block or in inline code does
//! nothing):
//!
//! ```text
//! <!-- factlint-disable-next-line typography/space-before-punctuation -->
//! <!-- factlint-disable date, amount/arithmetic -->
//! <!-- factlint-enable date, amount/arithmetic -->
//! ```
//!
//! In plain text, a line that holds nothing but one directive in brackets:
//! `[factlint-disable-next-line RULE]`, `[factlint-disable RULE]`,
//! `[factlint-enable RULE]`. Such a line is not prose (see
//! `document::plain`).
//!
//! A RULE is what `--select` takes: a rule id, an id prefix, a category or
//! `all`; several are separated by commas (or spaces); none means every
//! rule.
//!
//! - `disable-next-line` silences findings that start on the next line that
//!   is neither blank nor a line of directives only.
//! - `disable` silences findings that start after it, up to the `enable`
//!   naming the same RULE (or an `enable` naming none, which ends every
//!   open region), or to the end of the file.
//!
//! A directive that silences nothing is itself a finding
//! (`suppression/unused`, info), as is a RULE that matches no rule
//! (`suppression/unknown-rule`, warning). A RULE that matches only rules
//! left out by `--select`/`--ignore` is neither.

use crate::finding::Finding;
use crate::rules::{Category, RuleSet, Selector, Severity, sort_findings};
use crate::source::{Format, LineIndex, SourceFile, Span};

/// The id of the finding about a directive that silences nothing.
pub const UNUSED: &str = "suppression/unused";
/// The id of the finding about a directive naming no known rule.
pub const UNKNOWN_RULE: &str = "suppression/unknown-rule";

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    NextLine,
    Disable,
    Enable,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::NextLine => "factlint-disable-next-line",
            Kind::Disable => "factlint-disable",
            Kind::Enable => "factlint-enable",
        }
    }
}

/// One directive of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// The rules it names (`--select` patterns); empty: every rule.
    pub rules: Vec<String>,
    /// The comment (Markdown) or the bracketed text (plain text).
    pub span: Span,
}

/// Reads a directive's body: a keyword, then rule patterns.
fn parse_body(body: &str) -> Option<(Kind, Vec<String>)> {
    let body = body.trim();
    // The longest keyword first: `factlint-disable` prefixes the next-line
    // one.
    for kind in [Kind::NextLine, Kind::Disable, Kind::Enable] {
        let Some(rest) = body.strip_prefix(kind.keyword()) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let rules = rest
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|r| !r.is_empty())
            .map(|r| r.trim_end_matches('/').to_owned())
            .collect();
        return Some((kind, rules));
    }
    None
}

/// True when `line` is a plain-text directive: `[factlint-… RULE]` and
/// nothing else but white space.
pub fn is_text_directive(line: &str) -> bool {
    text_directive(line).is_some()
}

fn text_directive(line: &str) -> Option<(Kind, Vec<String>)> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.contains(['[', ']']) {
        return None;
    }
    parse_body(inner)
}

/// The directives of a file, in text order.
pub fn directives(source: &SourceFile) -> Vec<Directive> {
    let text = source.text.as_str();
    if !text.contains("factlint-") {
        return Vec::new();
    }
    let mut out = Vec::new();
    match source.format {
        Format::Text => {
            for line in 0..source.line_index.line_count() {
                let r = source.line_index.line_range(text, line);
                let r = r.start.max(source.content_start)..r.end.max(source.content_start);
                let s = &text[r.clone()];
                if let Some((kind, rules)) = text_directive(s) {
                    let lead = s.len() - s.trim_start().len();
                    let span = Span::new(r.start + lead, r.start + s.trim_end().len());
                    out.push(Directive { kind, rules, span });
                }
            }
        }
        Format::Markdown => {
            let html = crate::document::markdown_raw_html(source);
            let mut from = 0;
            while let Some(i) = text[from..].find("<!--") {
                let start = from + i;
                let body_start = start + 4;
                let Some(j) = text[body_start..].find("-->") else {
                    break;
                };
                let end = body_start + j + 3;
                from = end;
                // The raw HTML events come in text order, one after the
                // other: the one that may hold the comment is the last to
                // start at or before it.
                let before = html.partition_point(|h| h.start <= start);
                if !before
                    .checked_sub(1)
                    .is_some_and(|i| html[i].contains(&start))
                {
                    from = body_start;
                    continue;
                }
                if let Some((kind, rules)) = parse_body(&text[body_start..body_start + j]) {
                    out.push(Directive {
                        kind,
                        rules,
                        span: Span::new(start, end),
                    });
                }
            }
        }
    }
    out
}

/// One rule pattern of a directive (or the whole directive, for one that
/// names no rule), and whether it silenced anything.
struct Slot {
    directive: usize,
    /// `None`: every rule.
    rule: Option<String>,
    used: bool,
}

impl Slot {
    fn matches(&self, f: &Finding) -> bool {
        self.rule
            .as_ref()
            .is_none_or(|p| crate::rules::select::matches(p, f.rule(), f.category()))
    }
}

/// Where a directive's slot applies.
enum Reach {
    /// Findings that start on this 0-based line.
    Line(Option<usize>),
    /// Findings that start in this byte range.
    Region(std::ops::Range<usize>),
    /// An `enable` slot: it applies to nothing; `used` when it ended a
    /// region.
    Enable,
}

/// The slots of a file's directives (`dirs`, in text order), each with
/// where it reaches.
fn slots_of(source: &SourceFile, dirs: &[Directive]) -> Vec<(Slot, Reach)> {
    let text = source.text.as_str();
    let index = &source.line_index;
    // Lines that hold only directives (and white space), and blank lines,
    // are skipped when looking for a directive's next line. The directives
    // come in text order, apart: a line's are found from where the last
    // line's were, not by going through them all (a file may have one on
    // every other line).
    let blank = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .is_empty()
    };
    let mut skip_line = vec![false; index.line_count()];
    let mut first = 0;
    for (line, skip) in skip_line.iter_mut().enumerate() {
        let r = index.line_range(text, line);
        // Those before `first` end before this line starts.
        while dirs
            .get(first)
            .is_some_and(|d| d.span.range().end <= r.start)
        {
            first += 1;
        }
        let mut at = r.start;
        let mut empty = true;
        for d in dirs[first..]
            .iter()
            .take_while(|d| d.span.range().start < r.end)
        {
            empty &= blank(
                text.get(at..d.span.range().start.max(at))
                    .unwrap_or_default(),
            );
            at = at.max(d.span.range().end);
        }
        // The byte order mark is not content.
        *skip = empty && blank(text.get(at.min(r.end)..r.end).unwrap_or_default());
    }
    // The first line at or after each line that is not skipped.
    let mut next_kept = vec![None; index.line_count() + 1];
    for line in (0..index.line_count()).rev() {
        next_kept[line] = if skip_line[line] {
            next_kept[line + 1]
        } else {
            Some(line)
        };
    }
    let next_line = |d: &Directive| {
        let last = index.line_of(
            d.span
                .range()
                .end
                .saturating_sub(1)
                .max(d.span.range().start),
        );
        next_kept.get(last + 1).copied().flatten()
    };

    let mut slots: Vec<(Slot, Reach)> = Vec::new();
    // Open `disable` regions by the rule they name: (slot index, start).
    let mut open: rustc_hash::FxHashMap<Option<String>, Vec<(usize, usize)>> =
        rustc_hash::FxHashMap::default();
    for (k, d) in dirs.iter().enumerate() {
        let names: Vec<Option<String>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        };
        for rule in names {
            let slot = Slot {
                directive: k,
                rule,
                used: false,
            };
            match d.kind {
                Kind::NextLine => slots.push((slot, Reach::Line(next_line(d)))),
                Kind::Disable => {
                    open.entry(slot.rule.clone())
                        .or_default()
                        .push((slots.len(), d.span.range().end));
                    slots.push((slot, Reach::Region(d.span.range().end..text.len())));
                }
                Kind::Enable => {
                    // An `enable` without rules ends every region, one
                    // with a rule the regions of that rule.
                    let ended: Vec<(usize, usize)> = match &slot.rule {
                        None => open.drain().flat_map(|(_, list)| list).collect(),
                        Some(_) => open.remove(&slot.rule).unwrap_or_default(),
                    };
                    for &(i, start) in &ended {
                        slots[i].1 = Reach::Region(start..d.span.range().start);
                    }
                    let ended = !ended.is_empty();
                    slots.push((
                        Slot {
                            used: ended,
                            ..slot
                        },
                        Reach::Enable,
                    ));
                }
            }
        }
    }

    slots
}

/// Which of `findings` the `slots` silence, marking the slots that do.
fn silence(index: &LineIndex, slots: &mut [(Slot, Reach)], findings: &[Finding]) -> Vec<bool> {
    // Each finding is held against the slots that reach where it starts,
    // not against them all: the `next-line` slots by their line, the
    // regions of those open there (the findings taken in text order).
    let mut by_line: rustc_hash::FxHashMap<usize, Vec<usize>> = rustc_hash::FxHashMap::default();
    let mut regions: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    for (i, (_, reach)) in slots.iter().enumerate() {
        match reach {
            Reach::Line(Some(l)) => by_line.entry(*l).or_default().push(i),
            Reach::Region(r) => regions.push((r.clone(), i)),
            Reach::Line(None) | Reach::Enable => {}
        }
    }
    regions.sort_by_key(|(r, _)| r.start);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&k| findings[k].span.start);
    let mut silenced = vec![false; findings.len()];
    let (mut next_region, mut active) = (0, Vec::new());
    for k in order {
        let f = &findings[k];
        let start = f.span.start as usize;
        while regions
            .get(next_region)
            .is_some_and(|(r, _)| r.start <= start)
        {
            active.push(regions[next_region].clone());
            next_region += 1;
        }
        active.retain(|(r, _)| r.end > start);
        let line = index.line_of(start);
        let reaching = by_line.get(&line).into_iter().flatten().copied();
        for i in reaching.chain(active.iter().map(|&(_, i)| i)) {
            let slot = &mut slots[i].0;
            if slot.matches(f) {
                slot.used = true;
                silenced[k] = true;
            }
        }
    }
    silenced
}

/// Drops the findings that directives silence and adds the findings about
/// the directives. `rules` tells which rules exist and are selected.
pub fn apply(source: &SourceFile, rules: &RuleSet, findings: Vec<Finding>) -> Vec<Finding> {
    let dirs = directives(source);
    if dirs.is_empty() {
        return findings;
    }
    let mut slots = slots_of(source, &dirs);
    let silenced = silence(&source.line_index, &mut slots, &findings);
    let mut kept = Vec::with_capacity(findings.len());
    kept.extend(
        findings
            .into_iter()
            .zip(silenced)
            .filter_map(|(f, silenced)| (!silenced).then_some(f)),
    );

    // Findings about the directives.
    let mut known: Vec<(&str, Category)> = rules
        .rules()
        .iter()
        .map(|r| (&*r.id, r.meta.category))
        .collect();
    let selected = known.len();
    known.extend(rules.deselected().iter().map(|(id, c)| (&**id, *c)));
    let mut unknown: Vec<Vec<&str>> = vec![Vec::new(); dirs.len()];
    let mut unused: Vec<Vec<Option<&str>>> = vec![Vec::new(); dirs.len()];
    for (slot, _) in &slots {
        let Some(p) = &slot.rule else {
            if !slot.used {
                unused[slot.directive].push(None);
            }
            continue;
        };
        let sel = Selector::new(vec![p.clone()], Vec::new());
        if !sel.unknown(&known).is_empty() {
            unknown[slot.directive].push(p);
        } else if !slot.used && sel.unknown(&known[..selected]).is_empty() {
            // Not reported when the pattern names only rules left out by
            // --select/--ignore.
            unused[slot.directive].push(Some(p));
        }
    }
    for (k, d) in dirs.iter().enumerate() {
        let quoted = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !unknown[k].is_empty() {
            kept.push(meta(
                UNKNOWN_RULE,
                Severity::Warning,
                format!(
                    "{} names no known rule: {}",
                    d.kind.keyword(),
                    quoted(&unknown[k])
                ),
                d.span,
            ));
        }
        if !unused[k].is_empty() {
            let message = match (d.kind, unused[k].as_slice()) {
                (Kind::Enable, [None]) => {
                    "factlint-enable ends no factlint-disable region".to_owned()
                }
                (Kind::Enable, names) => format!(
                    "factlint-enable ends no factlint-disable region of {}",
                    quoted(&names.iter().flatten().copied().collect::<Vec<_>>())
                ),
                (kind, [None]) => format!("{} suppresses nothing", kind.keyword()),
                (kind, names) => format!(
                    "{} suppresses no finding of {}",
                    kind.keyword(),
                    quoted(&names.iter().flatten().copied().collect::<Vec<_>>())
                ),
            };
            kept.push(meta(UNUSED, Severity::Info, message, d.span));
        }
    }
    sort_findings(&mut kept);
    kept
}

fn meta(rule: &str, severity: Severity, message: String, span: Span) -> Finding {
    Finding::new(
        arcstr::ArcStr::from(rule),
        Category::Suppression,
        severity,
        message.into(),
        span,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Vec<Directive> {
        directives(&SourceFile::from_text(
            "a.md",
            text.to_owned(),
            Format::Markdown,
        ))
    }

    fn txt(text: &str) -> Vec<Directive> {
        directives(&SourceFile::from_text(
            "a.txt",
            text.to_owned(),
            Format::Text,
        ))
    }

    #[test]
    fn parses_keywords_and_rules() {
        assert_eq!(
            parse_body(" factlint-disable-next-line a/b, c ,date/ "),
            Some((
                Kind::NextLine,
                vec!["a/b".to_owned(), "c".to_owned(), "date".to_owned()]
            ))
        );
        assert_eq!(
            parse_body("factlint-disable"),
            Some((Kind::Disable, vec![]))
        );
        assert_eq!(
            parse_body("factlint-enable x"),
            Some((Kind::Enable, vec!["x".to_owned()]))
        );
        assert_eq!(parse_body("factlint-disabled x"), None);
        assert_eq!(parse_body("factlint-disable-line x"), None);
        assert_eq!(parse_body("a comment"), None);
    }

    #[test]
    fn plain_text_directives_stand_alone_on_their_line() {
        assert!(is_text_directive("  [factlint-disable-next-line a/b] "));
        assert!(is_text_directive("[factlint-enable]"));
        assert!(!is_text_directive("See [factlint-disable a/b]"));
        assert!(!is_text_directive("[factlint-disable a/b] more"));
        assert!(!is_text_directive("[other]"));
        let d = txt("Title\n  [factlint-disable a, b]\r\nText\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, Kind::Disable);
        assert_eq!(d[0].rules, ["a", "b"]);
        assert_eq!(d[0].span, Span::new(8, 31));
    }

    #[test]
    fn markdown_directives_are_html_comments_outside_code() {
        let text = "<!-- factlint-disable x -->\n\nText <!-- factlint-enable x --> more.\n\n\
                    ```\n<!-- factlint-disable y -->\n```\n\n`<!-- factlint-disable z -->`\n\n\
                    <!-- just a comment -->\n";
        let d = md(text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(
            (d[0].kind, d[0].rules.as_slice()),
            (Kind::Disable, &["x".to_owned()][..])
        );
        assert_eq!(&text[d[0].span.range()], "<!-- factlint-disable x -->");
        assert_eq!(d[1].kind, Kind::Enable);
        // After front matter too.
        assert_eq!(
            md("---\nlang: en\n---\n<!-- factlint-disable -->\n").len(),
            1
        );
    }

    fn finding(rule: &str, category: Category, at: usize) -> Finding {
        let mut f = meta(
            rule,
            Severity::Warning,
            String::new(),
            Span::new(at, at + 1),
        );
        f.set_category(category);
        f
    }

    fn run(text: &str, format: Format, at: &[(&str, &str)]) -> Vec<(String, String)> {
        let source = SourceFile::from_text("a", text.to_owned(), format);
        let rules = RuleSet::embedded().expect("rules");
        let findings = at
            .iter()
            .map(|(rule, word)| {
                let i = text.find(word).expect("word");
                finding(rule, rules.get(rule).expect("rule").meta.category, i)
            })
            .collect();
        apply(&source, &rules, findings)
            .into_iter()
            .map(|f| (f.rule().to_string(), f.text(text).to_owned()))
            .collect()
    }

    /// Where each slot reaches and which findings it silences, as the
    /// first version worked them out: every directive for every line,
    /// every slot for every finding. The property test below holds
    /// `slots_of` and `silence` to it.
    fn reference(
        source: &SourceFile,
        dirs: &[Directive],
        findings: &[Finding],
    ) -> (Vec<Shown>, Vec<bool>) {
        let text = source.text.as_str();
        let index = &source.line_index;
        let mut skip_line = vec![false; index.line_count()];
        for (line, skip) in skip_line.iter_mut().enumerate() {
            let r = index.line_range(text, line);
            let mut rest = String::new();
            let mut at = r.start;
            for d in dirs
                .iter()
                .filter(|d| d.span.range().start < r.end && r.start < d.span.range().end)
            {
                rest.push_str(
                    text.get(at..d.span.range().start.max(at))
                        .unwrap_or_default(),
                );
                at = at.max(d.span.range().end);
            }
            rest.push_str(text.get(at.min(r.end)..r.end).unwrap_or_default());
            *skip = rest
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
                .is_empty();
        }
        let next_line = |d: &Directive| {
            let last = index.line_of(
                d.span
                    .range()
                    .end
                    .saturating_sub(1)
                    .max(d.span.range().start),
            );
            (last + 1..index.line_count()).find(|&l| !skip_line[l])
        };
        let mut slots: Vec<(Slot, Reach)> = Vec::new();
        let mut open: Vec<(usize, usize)> = Vec::new();
        for (k, d) in dirs.iter().enumerate() {
            let names: Vec<Option<String>> = if d.rules.is_empty() {
                vec![None]
            } else {
                d.rules.iter().cloned().map(Some).collect()
            };
            for rule in names {
                let slot = Slot {
                    directive: k,
                    rule,
                    used: false,
                };
                match d.kind {
                    Kind::NextLine => slots.push((slot, Reach::Line(next_line(d)))),
                    Kind::Disable => {
                        open.push((slots.len(), d.span.range().end));
                        slots.push((slot, Reach::Region(d.span.range().end..text.len())));
                    }
                    Kind::Enable => {
                        let mut ended = false;
                        open.retain(|&(i, start)| {
                            let ends = slot.rule.is_none() || slots[i].0.rule == slot.rule;
                            if ends {
                                slots[i].1 = Reach::Region(start..d.span.range().start);
                                ended = true;
                            }
                            !ends
                        });
                        slots.push((
                            Slot {
                                used: ended,
                                ..slot
                            },
                            Reach::Enable,
                        ));
                    }
                }
            }
        }
        let silenced = findings
            .iter()
            .map(|f| {
                let line = index.line_of(f.span.start as usize);
                let start = f.span.start as usize;
                let mut silenced = false;
                for (slot, reach) in &mut slots {
                    let applies = match reach {
                        Reach::Line(l) => *l == Some(line),
                        Reach::Region(r) => r.contains(&start),
                        Reach::Enable => false,
                    };
                    if applies && slot.matches(f) {
                        slot.used = true;
                        silenced = true;
                    }
                }
                silenced
            })
            .collect();
        (shown(&slots), silenced)
    }

    /// A slot as the tests compare it: its rule, its reach, whether used.
    type Shown = (Option<String>, String, bool);

    fn shown(slots: &[(Slot, Reach)]) -> Vec<Shown> {
        slots
            .iter()
            .map(|(s, r)| {
                let reach = match r {
                    Reach::Line(l) => format!("line {l:?}"),
                    Reach::Region(r) => format!("region {r:?}"),
                    Reach::Enable => "enable".to_owned(),
                };
                (s.rule.clone(), reach, s.used)
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Files of directives of every kind, blank lines, text and
        /// Markdown code among them, and findings anywhere: the same slots,
        /// reaches and silenced findings as the first version.
        #[test]
        fn slots_and_silences_are_those_of_the_first_version(
            lines in proptest::collection::vec((0usize..12, 0usize..7), 0..40),
            markdown in proptest::bool::ANY,
            at in proptest::collection::vec((0usize..2000, 0usize..3), 0..30),
        ) {
            const RULES: [(&str, Category); 3] = [
                ("typography/mismatched-quotes", Category::Typography),
                ("language/doubled-word", Category::Language),
                ("amount/arithmetic", Category::Amount),
            ];
            let (open, close) = if markdown { ("<!-- ", " -->") } else { ("[", "]") };
            let body = |k: usize| match k {
                0 => "factlint-disable-next-line",
                1 => "factlint-disable-next-line typography",
                2 => "factlint-disable language/doubled-word",
                3 => "factlint-disable",
                4 => "factlint-enable language/doubled-word",
                5 => "factlint-enable",
                6 => "factlint-disable-next-line amount/arithmetic, language",
                _ => "",
            };
            let mut text = String::new();
            for &(k, b) in &lines {
                match k {
                    0..=6 => text.push_str(&[open, body(k), close, "\n"].concat()),
                    7 => text.push('\n'),
                    8 => text.push_str("  \t\n"),
                    9 if markdown => text.push_str("```\n<!-- factlint-disable -->\n```\n"),
                    10 => text.push_str(&["Text ", open, body(b), close, " after\n"].concat()),
                    _ => text.push_str("One two, \"three\" four.\r\n"),
                }
            }
            let format = if markdown { Format::Markdown } else { Format::Text };
            let source = SourceFile::from_text("a", text.clone(), format);
            let findings: Vec<Finding> = at
                .iter()
                .filter(|_| !text.is_empty())
                .map(|&(at, r)| {
                    let mut at = at % text.len();
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    finding(RULES[r].0, RULES[r].1, at)
                })
                .collect();
            let dirs = directives(&source);
            let (slots, silenced) = reference(&source, &dirs, &findings);
            let mut now = slots_of(&source, &dirs);
            let silenced_now = silence(&source.line_index, &mut now, &findings);
            proptest::prop_assert_eq!(shown(&now), slots);
            proptest::prop_assert_eq!(silenced_now, silenced);
        }
    }

    const QUOTES: &str = "typography/mismatched-quotes";
    const DOUBLED: &str = "language/doubled-word";

    #[test]
    fn next_line_skips_blank_and_directive_lines() {
        let text = "<!-- factlint-disable-next-line typography -->\n\n\
                    <!-- factlint-disable-next-line language/doubled-word -->\n\
                    one two\nthree four\n";
        let got = run(
            text,
            Format::Markdown,
            &[(QUOTES, "one"), (DOUBLED, "two"), (QUOTES, "three")],
        );
        assert_eq!(got, [(QUOTES.to_owned(), "t".to_owned())]);
    }

    #[test]
    fn regions_end_at_enable_or_the_end_of_the_file() {
        let text = "[factlint-disable typography]\none\n[factlint-enable typography]\ntwo\n\
                    [factlint-disable]\nthree\n";
        let got = run(
            text,
            Format::Text,
            &[(QUOTES, "one"), (QUOTES, "two"), (DOUBLED, "three")],
        );
        assert_eq!(got, [(QUOTES.to_owned(), "t".to_owned())]);
    }

    #[test]
    fn unused_and_unknown_directives_are_findings() {
        let text = "[factlint-disable-next-line language]\none\n\
                    [factlint-disable-next-line typography/nope, language]\ntwo\n\
                    [factlint-enable date]\n";
        let got = run(text, Format::Text, &[(QUOTES, "one")]);
        let rules: Vec<&str> = got.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(
            rules,
            [UNUSED, QUOTES, UNKNOWN_RULE, UNUSED, UNUSED],
            "{got:?}"
        );
    }

    #[test]
    fn deselected_rules_are_neither_unknown_nor_unused() {
        let text = "[factlint-disable-next-line language]\none\n";
        let source = SourceFile::from_text("a", text.to_owned(), Format::Text);
        let mut rules = RuleSet::embedded().expect("rules");
        rules.retain(&Selector::new(vec!["typography".into()], Vec::new()));
        assert_eq!(apply(&source, &rules, Vec::new()), []);
    }
}
