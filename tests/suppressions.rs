//! Inline suppressions (`src/suppress.rs`), run through the binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SPACE: &str = "typography/space-before-punctuation";
const DOUBLED: &str = "typography/doubled-space";

/// A space before a comma (a warning) and a doubled space (an info).
const BAD: &str = "The offer , reported on Monday, was  rejected.";

fn check(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .arg("check")
        .args(["--format", "json", "--lang", "en"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("factlint runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    out
}

/// `(rule, flagged text, line)` of the findings of the only file.
fn findings(dir: &Path, name: &str, text: &str, args: &[&str]) -> Vec<(String, String, u64)> {
    std::fs::write(dir.join(name), text).expect("write");
    let mut all = vec![name];
    all.extend(args);
    let out = check(dir, &all);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    v["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["text"].as_str().unwrap().to_owned(),
                f["span"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn rules(found: &[(String, String, u64)]) -> Vec<&str> {
    found.iter().map(|(r, _, _)| r.as_str()).collect()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn the_unsuppressed_text_has_both_findings() {
    let d = dir();
    for name in ["a.md", "a.txt"] {
        let f = findings(d.path(), name, &format!("{BAD}\n"), &[]);
        assert_eq!(rules(&f), [SPACE, DOUBLED], "{name}");
    }
}

#[test]
fn markdown_next_line_by_id_prefix_and_category() {
    let d = dir();
    for (rule, left) in [
        (SPACE, vec![DOUBLED]),
        (
            "typography/space-before-punctuation, typography/doubled-space",
            vec![],
        ),
        ("typography", vec![]),
        ("", vec![]),
        ("all", vec![]),
    ] {
        let text =
            format!("Intro.\n\n<!-- factlint-disable-next-line {rule} -->\n{BAD}\n\n{BAD}\n");
        let f = findings(d.path(), "a.md", &text, &[]);
        let mut want: Vec<&str> = left.clone();
        want.extend([SPACE, DOUBLED]);
        assert_eq!(rules(&f), want, "{rule}: {f:?}");
        assert!(
            f.iter().all(|(_, _, line)| *line == 6 || left.len() == 1),
            "{f:?}"
        );
    }
}

#[test]
fn next_line_is_the_next_non_blank_line() {
    let d = dir();
    let text = format!("<!-- factlint-disable-next-line typography -->\n\n\n{BAD}\n{BAD}\n");
    let f = findings(d.path(), "a.md", &text, &[]);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|(_, _, line)| *line == 5), "{f:?}");
}

#[test]
fn markdown_regions_until_enable_or_end_of_file() {
    let d = dir();
    let text = format!(
        "<!-- factlint-disable typography/doubled-space -->\n\n{BAD}\n\n\
         <!-- factlint-enable typography/doubled-space -->\n\n{BAD}\n\n\
         <!-- factlint-disable -->\n\n{BAD}\n"
    );
    let f = findings(d.path(), "a.md", &text, &[]);
    assert_eq!(
        f.iter()
            .map(|(r, _, l)| (r.as_str(), *l))
            .collect::<Vec<_>>(),
        [(SPACE, 3), (SPACE, 7), (DOUBLED, 7)],
        "{f:?}"
    );
}

#[test]
fn a_directive_in_code_does_nothing() {
    let d = dir();
    let text = format!(
        "```\n<!-- factlint-disable -->\n```\n\nIn code: `<!-- factlint-disable -->`.\n\n{BAD}\n"
    );
    let f = findings(d.path(), "a.md", &text, &[]);
    assert_eq!(rules(&f), [SPACE, DOUBLED], "{f:?}");
}

#[test]
fn plain_text_directives() {
    let d = dir();
    let text = format!(
        "[factlint-disable-next-line typography/space-before-punctuation]\n{BAD}\n\n\
         [factlint-disable typography]\n{BAD}\n[factlint-enable typography]\n\n{BAD}\n\n\
         A line that mentions [factlint-disable typography] is no directive.\n{BAD}\n"
    );
    let f = findings(d.path(), "a.txt", &text, &[]);
    assert_eq!(
        f.iter()
            .map(|(r, _, l)| (r.as_str(), *l))
            .collect::<Vec<_>>(),
        [
            (DOUBLED, 2),
            (SPACE, 8),
            (DOUBLED, 8),
            (SPACE, 11),
            (DOUBLED, 11)
        ],
        "{f:?}"
    );
}

#[test]
fn directive_lines_are_not_prose() {
    // The bracket line holds what rules would flag if it were prose (a
    // space before a comma, a doubled space): nothing is reported for it,
    // and the directives here are all used.
    let d = dir();
    for text in [
        "[factlint-disable-next-line  typography/space-before-punctuation , typography/doubled-space]\nThe offer , was  rejected.\n",
        "Intro line.\n[factlint-disable  typography/space-before-punctuation ,  typography/doubled-space]\nThe offer , was  rejected.\n",
    ] {
        let f = findings(d.path(), "a.txt", text, &[]);
        assert_eq!(f, [], "{text}");
    }
    let f = findings(
        d.path(),
        "a.md",
        "<!-- factlint-disable-next-line  typography/space-before-punctuation ,  typography/doubled-space -->\nThe offer , was  rejected.\n",
        &[],
    );
    assert_eq!(f, []);
}

#[test]
fn unused_and_unknown_directives_are_reported() {
    let d = dir();
    let text = "Clean text.\n\n<!-- factlint-disable-next-line typography -->\nNothing here.\n\n\
                <!-- factlint-disable typography/no-such-rule -->\n\n\
                <!-- factlint-enable date -->\n";
    let f = findings(d.path(), "a.md", text, &[]);
    assert_eq!(
        f,
        [
            (
                "suppression/unused".to_owned(),
                "<!-- factlint-disable-next-line typography -->".to_owned(),
                3
            ),
            (
                "suppression/unknown-rule".to_owned(),
                "<!-- factlint-disable typography/no-such-rule -->".to_owned(),
                6
            ),
            (
                "suppression/unused".to_owned(),
                "<!-- factlint-enable date -->".to_owned(),
                8
            ),
        ]
    );
    let out = check(d.path(), &["a.md"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fs = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(fs[0]["severity"], "info");
    assert_eq!(fs[0]["category"], "suppression");
    assert_eq!(fs[1]["severity"], "warning");
    // The warning fails `--fail-on warning`, the info does not fail by default.
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        check(d.path(), &["a.md", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn directives_for_rules_left_out_are_not_unused() {
    let d = dir();
    let text = format!("[factlint-disable-next-line typography/doubled-space]\n{BAD}\n");
    let f = findings(d.path(), "a.txt", &text, &["--select", SPACE]);
    assert_eq!(rules(&f), [SPACE], "{f:?}");
    let f = findings(d.path(), "a.txt", &text, &["--ignore", DOUBLED]);
    assert_eq!(rules(&f), [SPACE], "{f:?}");
    // Selected but silencing nothing: unused.
    let text = "[factlint-disable-next-line typography/doubled-space]\nThe offer was rejected.\n";
    let f = findings(d.path(), "a.txt", text, &[]);
    assert_eq!(rules(&f), ["suppression/unused"], "{f:?}");
}

#[test]
fn the_human_format_shows_suppression_findings() {
    let d = dir();
    std::fs::write(
        d.path().join("a.md"),
        "<!-- factlint-disable-next-line date -->\nThe board met.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(d.path())
        .args(["check", "a.md", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("suppression/unused"), "{text}");
    assert!(
        text.contains("factlint-disable-next-line suppresses"),
        "{text}"
    );
}
