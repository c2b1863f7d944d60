//! Precision: correct news prose must come out clean.
//!
//! Every file under `tests/fixtures/clean/{ar,fr,en}/` is an article written
//! for this test in the style of real news, with correct typography and the
//! hard cases that real articles showed (names with function words, brand
//! names, surname particles, French guillemets with narrow no-break spaces,
//! house styles, Arabic with Latin names and numbers, quotations inside
//! quotations, quotations over several paragraphs, inch marks). The default
//! rules must report nothing at warning or error level on them: an editor
//! stops reading a linter that cries wolf.
//!
//! See: the false positives measured on 350 ABC news articles (gensim's
//! `lee_background.cor`), French AFP, Jeune Afrique and Quebec articles, and
//! Arabic articles from several outlets.

use std::path::{Path, PathBuf};

use factlint::document::Lang;
use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Severity};

fn fixtures(lang: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clean")
        .join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn linter(lang: Lang) -> Linter {
    let rules = RuleSet::embedded().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("embedded rules do not load:\n{}", lines.join("\n"));
    });
    Linter::new(rules, Some(lang))
}

/// Checks every fixture of `lang` and fails with every finding at warning
/// level or above, quoted with its place.
fn assert_clean(lang: Lang) {
    let files = fixtures(lang.code());
    assert!(
        files.len() >= 2,
        "expected at least two {lang} fixtures, found {}",
        files.len()
    );
    let linter = linter(lang);
    let mut problems = Vec::new();
    for path in &files {
        match linter.check_path(path) {
            FileReport::Checked {
                source,
                lang: detected,
                findings,
                ..
            } => {
                assert_eq!(detected, lang, "{}", path.display());
                for f in findings.iter().filter(|f| f.severity() != Severity::Info) {
                    let (line, _) = line_and_context(&source.text, f.span.start as usize);
                    problems.push(format!(
                        "{}:{line}: {} [{}] {} «{}»",
                        path.display(),
                        f.severity(),
                        f.rule(),
                        f.message,
                        f.text(&source.text),
                    ));
                }
            }
            FileReport::Binary { path } => panic!("{path}: binary"),
            FileReport::Error(e) => panic!("{e}"),
        }
    }
    assert!(
        problems.is_empty(),
        "{} finding(s) on clean {lang} prose:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The 1-based line of a byte offset, and the line's text.
fn line_and_context(text: &str, offset: usize) -> (usize, &str) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    (line, &text[start..end])
}

#[test]
fn clean_english_prose_has_no_findings() {
    assert_clean(Lang::En);
}

#[test]
fn clean_french_prose_has_no_findings() {
    assert_clean(Lang::Fr);
}

#[test]
fn clean_arabic_prose_has_no_findings() {
    assert_clean(Lang::Ar);
}

/// The same fixtures through `check_text`, with the language detected: the
/// library entry point that editors' tools call.
#[test]
fn clean_prose_is_clean_with_detected_language() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let linter = Linter::new(rules, None);
    for lang in Lang::ALL {
        for path in fixtures(lang.code()) {
            let text = std::fs::read_to_string(&path).expect("fixture reads");
            let report = linter.check_text(
                &path.display().to_string(),
                &text,
                factlint::source::Format::Text,
            );
            let FileReport::Checked {
                lang: detected,
                findings,
                ..
            } = report
            else {
                panic!("{}: not checked", path.display());
            };
            assert_eq!(detected, lang, "{}: detected language", path.display());
            let loud: Vec<String> = findings
                .iter()
                .filter(|f| f.severity() != Severity::Info)
                .map(|f| format!("{} {} «{}»", f.rule(), f.message, f.text(&text)))
                .collect();
            assert!(loud.is_empty(), "{}:\n{}", path.display(), loud.join("\n"));
        }
    }
}
