//! `pattern`: regular expressions that flag text (existence) or propose a
//! replacement (substitution), as Vale's `existence` and `substitution`.
//!
//! With `word-boundaries`, a pattern only matches whole words, judged by
//! Unicode letters (so Arabic words work); with `clitics`, one of the
//! listed Arabic proclitics may stand before the word (`والمليار`), and the
//! flagged span starts after it. Replacements use the pattern's own groups
//! (`$1`, `${name}`), whatever clitic stood before the match.

use regex::Regex;
use serde::Deserialize;

use super::{Check, Hit, Kind};
use crate::document::Document;
use crate::rules::Data;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Patterns to flag.
    #[serde(default)]
    patterns: Vec<String>,
    /// Pattern → replacement (`$1`, `${name}` refer to groups).
    #[serde(default)]
    swap: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    ignore_case: bool,
    #[serde(default)]
    word_boundaries: bool,
    /// Proclitics that may stand before a word; `@list` references allowed.
    #[serde(default)]
    clitics: Vec<String>,
}

#[derive(Debug)]
struct Compiled {
    /// Finds candidates: optional clitic, then the pattern.
    find: Regex,
    /// The pattern alone, anchored at both ends: strips the clitic and
    /// expands the replacement with the rule author's own group numbers.
    /// Compiled on the first match (`find` has checked its syntax).
    core: std::sync::OnceLock<Regex>,
    core_src: String,
    ignore_case: bool,
    replacement: Option<String>,
}

impl Compiled {
    fn core(&self) -> &Regex {
        self.core.get_or_init(|| {
            regex::RegexBuilder::new(&self.core_src)
                .case_insensitive(self.ignore_case)
                .build()
                .expect("the same pattern compiled inside `find`")
        })
    }
}

#[derive(Debug)]
pub(crate) struct Pattern {
    patterns: Vec<Compiled>,
    clitics: Vec<String>,
    word_boundaries: bool,
}

impl Kind for Pattern {
    const NAME: &'static str = "pattern";
    const PLACEHOLDERS: &'static [&'static str] = &["suggestion"];
    type Params = Params;

    fn build(p: Params, data: &Data) -> Result<Self, String> {
        if p.patterns.is_empty() && p.swap.is_empty() {
            return Err("give `patterns` or `swap`".into());
        }
        let mut clitics = data.expand(&p.clitics)?;
        clitics.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let clitic_group = if clitics.is_empty() {
            String::new()
        } else {
            let c: Vec<String> = clitics.iter().map(|c| regex::escape(c)).collect();
            format!("(?:{})?", c.join("|"))
        };
        let build = |pat: &str| {
            regex::RegexBuilder::new(pat)
                .case_insensitive(p.ignore_case)
                .build()
                .map_err(|e| format!("bad pattern `{pat}`: {e}"))
        };
        let compile = |src: &str, replacement: Option<String>| -> Result<Compiled, String> {
            Ok(Compiled {
                find: build(&format!("{clitic_group}(?:{src})"))?,
                core: std::sync::OnceLock::new(),
                core_src: format!(r"\A(?:{src})\z"),
                ignore_case: p.ignore_case,
                replacement,
            })
        };
        let mut patterns = Vec::new();
        for src in &p.patterns {
            patterns.push(compile(src, None)?);
        }
        for (src, rep) in &p.swap {
            patterns.push(compile(src, Some(rep.clone()))?);
        }
        Ok(Pattern {
            patterns,
            clitics,
            word_boundaries: p.word_boundaries,
        })
    }
}

fn is_word_char(c: char) -> bool {
    crate::document::is_letter_or_digit(c) || crate::source::is_mark(c)
}

impl Pattern {
    /// The length of the clitic at the start of `m`, such that the rest is
    /// matched by the pattern alone.
    fn clitic_len(&self, c: &Compiled, m: &str) -> usize {
        if c.core().is_match(m) {
            return 0;
        }
        self.clitics
            .iter()
            .find(|cl| m.starts_with(cl.as_str()) && c.core().is_match(&m[cl.len()..]))
            .map_or(0, String::len)
    }
}

impl Check for Pattern {
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Hit>) {
        for block in &doc.blocks {
            let t = block.text.as_str();
            for c in &self.patterns {
                let mut at = 0;
                while at <= t.len() {
                    let Some(m) = c.find.find_at(t, at) else {
                        break;
                    };
                    let next = m.start() + t[m.start()..].chars().next().map_or(1, char::len_utf8);
                    at = if m.end() > m.start() { m.end() } else { next };
                    if self.word_boundaries {
                        let before = t[..m.start()].chars().next_back();
                        let after = t[m.end()..].chars().next();
                        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                            at = next;
                            continue;
                        }
                    }
                    let start = m.start() + self.clitic_len(c, m.as_str());
                    let range = start..m.end();
                    if range.is_empty() || block.is_masked(&range) {
                        continue;
                    }
                    let mut hit = Hit::in_block(block, range.clone());
                    if let Some(rep) = &c.replacement {
                        let mut s = String::new();
                        if let Some(caps) = c.core().captures(&t[range]) {
                            caps.expand(rep, &mut s);
                        }
                        hit = hit.var("suggestion", s.clone()).suggest(s);
                    } else {
                        hit = hit.var("suggestion", "");
                    }
                    out.push(hit);
                }
            }
        }
    }
}
