//! `factlint check --fix`, `--diff` and `--unsafe-fixes`, run as a program;
//! and the fixing of `src/fix.rs` as properties: fixing twice changes
//! nothing the second time, and the text outside the fixed spans is kept.

mod common;
use common::*;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

use factlint::Lang;
use factlint::fix::{apply, candidates, fix_report, is_applicable, plan, text_of};
use factlint::lint::{FileReport, Linter};
use factlint::rules::RuleSet;
use factlint::source::{Format, SourceFile};

// ---------------------------------------------------------------------------
// Texts and what `--fix` makes of them (safe fixes only).

/// A space before `،`, `،` glued to the next word, `Tiktok`.
const ARABIC: &str = "قال المتحدث ، إن شركة Tiktok،ستواصل العمل.\n";
const ARABIC_FIXED: &str = "قال المتحدث، إن شركة TikTok، ستواصل العمل.\n";

/// A space before a comma, `Openai`; a byte order mark.
const FRENCH: &str = "\u{FEFF}Le conseil , a répondu non à Openai.\n";
const FRENCH_FIXED: &str = "\u{FEFF}Le conseil, a répondu non à OpenAI.\n";

/// A space before a comma, `Openai`, doubled spaces, `Tiktok`; CRLF line
/// ends and no line end at the end.
const ENGLISH: &str =
    "The offer , reported by Openai on Monday, was  rejected.\r\nTiktok said  no.";
const ENGLISH_FIXED: &str =
    "The offer, reported by OpenAI on Monday, was rejected.\r\nTikTok said no.";

/// Nothing to flag.
const CLEAN: &str = "The board met on Monday and rejected the offer.\n";

/// Only an unsafe fix: a quotation opened with `"` and closed with `»`
/// (an error).
const UNSAFE_ONLY: &str = "قال المتحدث: \"لا شكرًا». ثم غادر.\n";

// ---------------------------------------------------------------------------
// Helpers.

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).expect("read file")
}

fn read_text(dir: &Path, name: &str) -> String {
    String::from_utf8(read(dir, name)).expect("UTF-8 file")
}

/// What tells whether a file was rewritten: its inode (a rename gives a
/// new one) and its modification time.
#[cfg(unix)]
fn identity(path: &Path) -> (u64, std::time::SystemTime) {
    use std::os::unix::fs::MetadataExt as _;
    let m = std::fs::metadata(path).expect("metadata");
    (m.ino(), m.modified().expect("mtime"))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .expect("metadata")
        .modified()
        .expect("mtime")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

// ---------------------------------------------------------------------------
// --fix

#[test]
fn fix_writes_the_safe_fixes_in_ar_fr_en() {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    write(dir.path(), "fr.txt", FRENCH);
    write(dir.path(), "en.txt", ENGLISH);
    let out = run(
        dir.path(),
        &["check", "--fix", "ar.txt", "fr.txt", "en.txt"],
    );
    assert_eq!(read_text(dir.path(), "ar.txt"), ARABIC_FIXED);
    assert_eq!(read_text(dir.path(), "fr.txt"), FRENCH_FIXED);
    assert_eq!(read_text(dir.path(), "en.txt"), ENGLISH_FIXED);
    let err = stderr(&out);
    assert!(err.contains("fixed 3 findings in ar.txt"), "{err}");
    assert!(err.contains("fixed 2 findings in fr.txt"), "{err}");
    assert!(err.contains("fixed 5 findings in en.txt"), "{err}");
    // Nothing is left: the report is of the fixed texts.
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("No findings in 3 files"),
        "{}",
        stdout(&out)
    );
    // The byte order mark and the CRLF line end are kept, byte for byte.
    assert!(read(dir.path(), "fr.txt").starts_with(b"\xEF\xBB\xBF"));
    assert!(read_text(dir.path(), "en.txt").contains("rejected.\r\nTikTok"));
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ar.txt", "en.txt", "fr.txt"]);
}

#[test]
fn fixed_findings_are_not_reported_and_the_rest_sets_the_exit_status() {
    let dir = tempdir();
    let text = format!("قال المتحدث ، إن شركة Tiktok،ستواصل العمل.\n\n{UNSAFE_ONLY}");
    write(dir.path(), "a.txt", &text);
    let out = run(dir.path(), &["check", "--fix", "--format", "json", "a.txt"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["typography/mismatched-quotes"]);
    // Spans are those of the new text.
    let fixed = read_text(dir.path(), "a.txt");
    let f = &report["files"][0]["findings"][0];
    let start = usize::try_from(f["span"]["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(f["span"]["end"].as_u64().unwrap()).unwrap();
    assert_eq!(&fixed[start..end], "»");
    assert!(fixed.starts_with(ARABIC_FIXED.trim_end()), "{fixed}");
    // The mismatched quotes are an error: exit 1.
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("fixed 3 findings in a.txt"));
}

#[test]
fn unsafe_fixes_are_applied_only_with_unsafe_fixes() {
    let dir = tempdir();
    write(dir.path(), "a.txt", UNSAFE_ONLY);
    let out = run(dir.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(read_text(dir.path(), "a.txt"), UNSAFE_ONLY);
    assert_eq!(code(&out), 1);
    assert!(!stderr(&out).contains("fixed"), "{}", stderr(&out));

    let out = run(dir.path(), &["check", "--fix", "--unsafe-fixes", "a.txt"]);
    assert_eq!(
        read_text(dir.path(), "a.txt"),
        "قال المتحدث: \"لا شكرًا\". ثم غادر.\n"
    );
    assert!(
        stderr(&out).contains("fixed 1 finding in a.txt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn files_with_nothing_to_fix_are_not_touched() {
    let dir = tempdir();
    write(dir.path(), "clean.txt", CLEAN);
    write(dir.path(), "unsafe.txt", UNSAFE_ONLY);
    write(dir.path(), "binary.txt", b"Openai , \0 x");
    write(dir.path(), "invalid.txt", b"Openai , \xff said");
    write(dir.path(), "fix.txt", ENGLISH);
    let names = ["clean.txt", "unsafe.txt", "binary.txt", "invalid.txt"];
    let before: Vec<_> = names
        .iter()
        .map(|n| (read(dir.path(), n), identity(&dir.path().join(n))))
        .collect();
    // Let a rewrite show in the modification time, too.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = run(dir.path(), &["check", "--fix", "."]);
    for (n, (bytes, id)) in names.iter().zip(before) {
        assert_eq!(read(dir.path(), n), bytes, "{n} changed");
        assert_eq!(identity(&dir.path().join(n)), id, "{n} was rewritten");
    }
    assert_eq!(read_text(dir.path(), "fix.txt"), ENGLISH_FIXED);
    // The invalid file is an error: exit 2, and it is named.
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("invalid.txt"), "{}", stderr(&out));
}

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    write(dir.path(), "en.txt", ENGLISH);
    run(dir.path(), &["check", "--fix", "."]);
    let before = [
        identity(&dir.path().join("ar.txt")),
        identity(&dir.path().join("en.txt")),
    ];
    let out = run(dir.path(), &["check", "--fix", "."]);
    assert!(!stderr(&out).contains("fixed"), "{}", stderr(&out));
    let after = [
        identity(&dir.path().join("ar.txt")),
        identity(&dir.path().join("en.txt")),
    ];
    assert_eq!(before, after);
    let out = run(dir.path(), &["check", "--diff", "."]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempdir();
    write(dir.path(), "a.txt", ENGLISH);
    let path = dir.path().join("a.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    run(dir.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(read_text(dir.path(), "a.txt"), ENGLISH_FIXED);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symbolic_link() {
    let dir = tempdir();
    write(dir.path(), "a.txt", ENGLISH);
    std::os::unix::fs::symlink("a.txt", dir.path().join("link.txt")).unwrap();
    run(dir.path(), &["check", "--fix", "link.txt"]);
    assert_eq!(read_text(dir.path(), "a.txt"), ENGLISH_FIXED);
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_fix_that_cannot_be_written_is_exit_2_and_leaves_the_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempdir();
    let sub = dir.path().join("ro");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "a.txt", ENGLISH);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and some containers) may write into a read-only folder anyway:
    // then there is no way to make the write fail here.
    let probe = sub.join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("note: skipped: a read-only folder is writable here (running as root?)");
        return;
    }
    let out = run(dir.path(), &["check", "--fix", "ro/a.txt"]);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("ro/a.txt") && err.contains("cannot write"),
        "{err}"
    );
    assert_eq!(read_text(&sub, "a.txt"), ENGLISH);
    // The report is of the file as it still is.
    assert!(
        stdout(&out).contains("space-before-comma"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let dir = tempdir();
    let out = run_stdin(dir.path(), &["check", "--fix", "-"], ENGLISH.as_bytes());
    assert_eq!(stdout(&out), ENGLISH_FIXED);
    let err = stderr(&out);
    assert!(err.contains("fixed 5 findings in <stdin>"), "{err}");
    assert!(err.contains("No findings in 1 file"), "{err}");
    assert_eq!(code(&out), 0);
    // Nothing to fix: the text as it was.
    let out = run_stdin(dir.path(), &["check", "--fix", "-"], UNSAFE_ONLY.as_bytes());
    assert_eq!(stdout(&out), UNSAFE_ONLY);
    assert!(stderr(&out).contains("mismatched-quotes"));
    assert_eq!(code(&out), 1);
}

// ---------------------------------------------------------------------------
// --diff

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    write(dir.path(), "fr.txt", FRENCH);
    write(dir.path(), "en.txt", ENGLISH);
    write(dir.path(), "clean.txt", CLEAN);
    let out = run(
        dir.path(),
        &["check", "--diff", "ar.txt", "clean.txt", "en.txt", "fr.txt"],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(read_text(dir.path(), "ar.txt"), ARABIC);
    assert_eq!(read_text(dir.path(), "fr.txt"), FRENCH);
    assert_eq!(read_text(dir.path(), "en.txt"), ENGLISH);
    assert!(stderr(&out).contains("would fix 3 findings in ar.txt"));
    settings().bind(|| insta::assert_snapshot!("fix_diff", stdout(&out)));

    // Nothing to fix: no output, exit 0 (whatever the findings).
    let out = run(dir.path(), &["check", "--diff", "clean.txt"]);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, ""));
    write(dir.path(), "unsafe.txt", UNSAFE_ONLY);
    let out = run(dir.path(), &["check", "--diff", "unsafe.txt"]);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, ""));
    let out = run(
        dir.path(),
        &["check", "--diff", "--unsafe-fixes", "unsafe.txt"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("+قال المتحدث: \"لا شكرًا\"."),
        "{}",
        stdout(&out)
    );
}

// ---------------------------------------------------------------------------
// Properties of the fixing itself.

fn linters() -> &'static [Linter; 3] {
    static LINTERS: OnceLock<[Linter; 3]> = OnceLock::new();
    LINTERS.get_or_init(|| {
        let rules = || RuleSet::embedded().expect("default rules load");
        [
            Linter::new(rules(), Some(Lang::Ar)),
            Linter::new(rules(), Some(Lang::Fr)),
            Linter::new(rules(), Some(Lang::En)),
        ]
    })
}

/// Fixes `text` with the safe fixes (all passes); the fixed text.
fn fix(linter: &Linter, text: &str) -> String {
    let report = linter.check_source(SourceFile::from_text(
        "t.txt",
        text.to_owned(),
        Format::Text,
    ));
    let fixed = fix_report(linter, report, false);
    text_of(&fixed.report).expect("checked").to_owned()
}

/// What the rules fix, and what surrounds it.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "قال", "المتحدث", "إن", "الشركة", "ستواصل", "العمل", "le", "conseil", "a", "répondu",
            "non", "the", "offer", "was", "rejected", "said",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            "Tiktok", "Openai", "chatgpt", "TikTok", "OpenAI", "Musk", "التمان", "ألتمان",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![" ،", " ,", "،", ",", " .", ".", " ;", "؛", " :", "!", "?"])
            .prop_map(String::from),
        4 => prop::sample::select(vec![" ", "  ", "   ", "\u{00A0}", "\u{202F}"])
            .prop_map(String::from),
        2 => prop::sample::select(vec!["\"", "«", "»", "“", "”", "( ", " )", "« ", " »"])
            .prop_map(String::from),
        1 => prop::sample::select(vec!["\n", "\r\n", "\n\n", "\r\n\r\n"]).prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(piece(), 0..40)).prop_map(|(bom, v)| {
        let body = v.concat();
        if bom { format!("\u{FEFF}{body}") } else { body }
    })
}

/// The parts of `text` outside `spans` (sorted, maybe overlapping), in order.
fn outside(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut pos = 0;
    for &(start, end) in spans {
        if start > pos {
            parts.push(text[pos..start].to_owned());
        }
        pos = pos.max(end);
    }
    parts.push(text[pos..].to_owned());
    parts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn fixing_is_idempotent(lang in 0usize..3, text in text()) {
        let linter = &linters()[lang];
        let once = fix(linter, &text);
        let twice = fix(linter, &once);
        prop_assert_eq!(&twice, &once, "from {:?}", text);
        // A byte order mark stays, and stays first.
        prop_assert_eq!(once.starts_with('\u{FEFF}'), text.starts_with('\u{FEFF}'));
        // Line ends are kept: fixes never join or split lines.
        prop_assert_eq!(once.matches("\r\n").count(), text.matches("\r\n").count());
        prop_assert_eq!(once.matches('\n').count(), text.matches('\n').count());
        prop_assert_eq!(once.matches('\r').count(), text.matches('\r').count());
    }

    #[test]
    fn a_pass_keeps_the_text_outside_the_fixed_spans(lang in 0usize..3, text in text()) {
        let linter = &linters()[lang];
        let report =
            linter.check_source(SourceFile::from_text("t.txt", text.clone(), Format::Text));
        let FileReport::Checked { findings, .. } = &report else { panic!("checked") };
        let (fixed, n) = apply(&text, findings, false);
        let (edits, planned) = plan(&text, findings, false);
        prop_assert_eq!(n, planned);
        let fixable = candidates(&text, findings, false);
        prop_assert!(fixable.len() <= findings.iter().filter(|f| is_applicable(f, false)).count());
        prop_assert!(edits.len() <= fixable.len() && n <= fixable.len());
        // The edits made are sorted and disjoint.
        let spans: Vec<(usize, usize)> = edits.iter().map(|e| (e.0, e.1)).collect();
        prop_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{:?}", spans);
        // Every part outside the edited spans is in the result, in order...
        let mut pos = 0;
        for part in outside(&text, &spans) {
            let at = fixed[pos..].find(&part);
            prop_assert!(at.is_some(), "{:?} lost from {:?}: {:?}", part, text, fixed);
            pos += at.unwrap() + part.len();
        }
        // ...and nothing else: the result is exactly the parts kept and the
        // replacements put in.
        let kept: usize = outside(&text, &spans).iter().map(String::len).sum();
        let put: usize = edits.iter().map(|e| e.3.len()).sum();
        prop_assert_eq!(fixed.len(), kept + put, "{:?} → {:?}", text, fixed);
        if n == 0 {
            prop_assert_eq!(&fixed, &text);
        }
    }
}

#[test]
fn overlapping_fixes_are_taken_in_a_fixed_order() {
    use factlint::finding::{Finding, Fix};
    use factlint::rules::{Category, FixSafety, Severity};
    use factlint::source::Span;
    let finding = |rule: &str, start: usize, end: usize, with: &str| {
        let mut f = Finding::new(
            rule.into(),
            Category::Typography,
            Severity::Warning,
            "".into(),
            Span::new(start, end),
        );
        f.set_fix(Some(std::sync::Arc::new(Fix {
            title: "".into(),
            safety: FixSafety::Safe,
            suggestions: Box::new([with.into()]),
        })));
        f
    };
    let text = "ab  cd , ef";
    let findings = vec![
        finding("b/short", 2, 3, ""),
        finding("a/long", 2, 4, " "),
        finding("c/insert", 4, 4, "X"),
        finding("d/insert", 4, 4, "Y"),
        finding("e/comma", 6, 8, ","),
        // The same edit from another rule: applied once, counted as fixed.
        finding("f/same", 6, 8, ","),
    ];
    let expected = ("ab Xcd, ef".to_owned(), 4);
    // Fixes never remove a line break.
    assert_eq!(
        apply("a\r\n ,", &[finding("g/space", 1, 5, ",")], false),
        ("a\r\n ,".to_owned(), 0)
    );
    assert_eq!(apply(text, &findings, false), expected);
    let mut reversed = findings.clone();
    reversed.reverse();
    assert_eq!(apply(text, &reversed, false), expected);
    // A span inside a character is never applied.
    let arabic = "قال";
    assert_eq!(
        apply(arabic, &[finding("x/y", 1, 2, "z")], false),
        (arabic.to_owned(), 0)
    );
}

/// Found by the property test above: a space inside a bracket and a space
/// before a comma share a space. One edit is made; the text outside it
/// stays as it was.
#[test]
fn overlapping_fixes_make_one_edit_and_keep_the_rest() {
    let text = "( \u{a0} ،";
    let linter = &linters()[0];
    let report = linter.check_source(SourceFile::from_text("t.txt", text.into(), Format::Text));
    let FileReport::Checked { findings, .. } = &report else {
        panic!("checked")
    };
    assert_eq!(candidates(text, findings, false).len(), 2);
    let (edits, n) = plan(text, findings, false);
    assert_eq!((edits.len(), n), (1, 1));
    let (fixed, _) = apply(text, findings, false);
    assert_eq!(fixed, "(\u{a0} ،");
}

/// A long article repeats a few texts over many findings: each is kept
/// once for the file, and the findings that read the same share it.
#[test]
fn findings_that_read_the_same_share_their_texts() {
    let linter = Linter::new(RuleSet::embedded().expect("rules load"), Some(Lang::Ar));
    let text = ARABIC.repeat(3);
    let FileReport::Checked { findings, .. } = linter.check_text("t.txt", &text, Format::Text)
    else {
        panic!("checked");
    };
    let of = |rule: &str| -> Vec<&factlint::finding::Finding> {
        findings
            .iter()
            .filter(|f| f.rule().as_str() == rule)
            .collect()
    };
    let spaces = of("typography/space-before-punctuation");
    let names = of("entity/variant");
    assert_eq!((spaces.len(), names.len()), (3, 3), "{findings:#?}");
    for same in [spaces, names] {
        let (first, fix) = (same[0], same[0].fix().expect("a fix"));
        for f in &same[1..] {
            assert!(arcstr::ArcStr::ptr_eq(&f.message, &first.message));
            assert!(arcstr::ArcStr::ptr_eq(
                &f.suggestions()[0],
                &first.suggestions()[0]
            ));
            let title = &f.fix().expect("a fix").title;
            assert!(arcstr::ArcStr::ptr_eq(title, &fix.title));
        }
    }
}
