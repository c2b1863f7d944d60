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

use super::{Check, Hit, HitSink, Kind};
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

/// One pattern. Its syntax is checked when the rule loads; it is compiled
/// on the first document the rule checks (an Arabic rule is never compiled
/// in a run over English articles), or when the rule loads for a rule file
/// that is not embedded ([`Kind::compile_now`]).
#[derive(Debug)]
struct Compiled {
    /// Finds candidates: optional clitic, then the pattern.
    find: std::sync::OnceLock<Result<Regex, String>>,
    find_src: String,
    /// The pattern alone, anchored at both ends: strips the clitic and
    /// expands the replacement with the rule author's own group numbers.
    /// Compiled on the first match (`find` has compiled it within itself).
    core: std::sync::OnceLock<Regex>,
    core_src: String,
    ignore_case: bool,
    replacement: Option<String>,
}

impl Compiled {
    fn new(
        clitic_group: &str,
        src: &str,
        ignore_case: bool,
        replacement: Option<String>,
    ) -> Compiled {
        // Compiled on first use. A newsroom's rule file is compiled whole
        // when it loads (`Kind::compile_now`), so its bad pattern is an
        // error then; the embedded ones are compiled whole by the tests.
        let find_src = format!("{clitic_group}(?:{src})");
        Compiled {
            find: std::sync::OnceLock::new(),
            find_src,
            core: std::sync::OnceLock::new(),
            core_src: format!(r"\A(?:{src})\z"),
            ignore_case,
            replacement,
        }
    }

    /// The `find` regex, compiled on first use.
    fn compiled(&self) -> Result<&Regex, &str> {
        self.find
            .get_or_init(|| {
                regex::RegexBuilder::new(&self.find_src)
                    .case_insensitive(self.ignore_case)
                    .build()
                    .map_err(|e| format!("bad pattern `{}`: {e}", self.find_src))
            })
            .as_ref()
            .map_err(String::as_str)
    }

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
        let compile = |src: &str, replacement: Option<String>| {
            Compiled::new(&clitic_group, src, p.ignore_case, replacement)
        };
        let mut patterns = Vec::new();
        for src in &p.patterns {
            patterns.push(compile(src, None));
        }
        for (src, rep) in &p.swap {
            patterns.push(compile(src, Some(rep.clone())));
        }
        Ok(Pattern {
            patterns,
            clitics,
            word_boundaries: p.word_boundaries,
        })
    }

    fn compile_now(&self) -> Result<(), String> {
        for c in &self.patterns {
            c.compiled().map_err(str::to_owned)?;
        }
        Ok(())
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
    fn check(&self, doc: &Document<'_>, out: &mut dyn HitSink) {
        for block in &doc.blocks {
            let t = &*block.text;
            for c in &self.patterns {
                // A pattern that does not compile (too big) was an error
                // when its rule file loaded, or a test's failure for an
                // embedded rule.
                let Ok(find) = c.compiled() else {
                    continue;
                };
                let mut at = 0;
                while at <= t.len() {
                    let Some(m) = find.find_at(t, at) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, SourceFile};

    fn pattern(patterns: &[&str]) -> Result<Pattern, String> {
        let params = Params {
            patterns: patterns.iter().map(|p| (*p).to_owned()).collect(),
            ..Params::default()
        };
        Pattern::build(params, &Data::default())
    }

    #[test]
    fn a_pattern_is_compiled_on_first_use() {
        let p = pattern(&["teh"]).expect("it builds");
        assert!(p.patterns[0].find.get().is_none());
        let data = Data::default();
        let source = SourceFile::from_text("a.txt", "teh cat\n".into(), Format::Text);
        let doc = Document::parse(&source, Some(crate::Lang::En), &data);
        let mut hits = Vec::new();
        p.check(&doc, &mut hits);
        assert_eq!(hits.len(), 1);
        assert!(p.patterns[0].find.get().is_some_and(Result::is_ok));
    }

    #[test]
    fn syntax_and_size_errors_come_when_the_rule_compiles() {
        // (A newsroom's rule file is compiled whole when it loads:
        // `tests/hostile.rs` checks that the error is the loader's.)
        let p = pattern(&["ok", "(unclosed"]).expect("built; compiled on first use");
        let e = p.compile_now().expect_err("bad syntax");
        assert!(
            e.contains("bad pattern `(?:(unclosed)`") && e.contains("unclosed group"),
            "{e}"
        );
        // The same message as the compiler's.
        let broken = String::from("(?:(unclosed)");
        let compiler = regex::Regex::new(&broken).expect_err("bad syntax");
        assert!(e.ends_with(&compiler.to_string()), "{e}");
        let big = pattern(&[r"(\w{100}){100}"]).expect("its syntax is fine");
        let e = big.compile_now().expect_err("too big");
        assert!(e.contains("exceeds size limit"), "{e}");
        assert!(pattern(&["fine"]).expect("it builds").compile_now().is_ok());
    }
}
