//! `--write-baseline` and `--baseline` (`src/baseline.rs`), run through the
//! binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SPACE: &str = "typography/space-before-punctuation";

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .arg("check")
        .args(["--lang", "en", "--color", "never"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("factlint runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `(path, rule, text)` of every finding of a JSON report.
fn found(report: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for file in report["files"].as_array().expect("files") {
        for f in file["findings"].as_array().expect("findings") {
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                f["rule"].as_str().unwrap().to_owned(),
                f["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const ARTICLE: &str = "# The offer\n\nThe offer , reported on Monday, was rejected.\n\n\
                       The board met on Tuesday.\n\nIts chair said : no.\n";

#[test]
fn a_baseline_hides_old_findings_across_edits_elsewhere() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/a.md", ARTICLE);
    let out = factlint(d.path(), &["./news", "--write-baseline", "base.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(d.path().join("base.json")).unwrap())
            .unwrap();
    assert_eq!(base["version"], 1);
    let entries = base["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{base}");
    for e in entries {
        assert_eq!(e["path"], "news/a.md", "{e}");
        assert_eq!(e["rule"], SPACE);
        assert!(e["fingerprint"].as_str().unwrap().len() == 16, "{e}");
    }
    assert_eq!(entries[0]["line"], 3);
    assert_eq!(entries[0]["text"], " ,");

    // Without the baseline the findings fail `--fail-on warning`.
    let out = factlint(d.path(), &["news", "--fail-on", "warning"]);
    assert_eq!(out.status.code(), Some(1));

    // A paragraph inserted at the top, another paragraph edited: nothing new.
    let edited = ARTICLE
        .replace("# The offer\n", "# The offer\n\nA new first paragraph.\n")
        .replace("on Tuesday", "on Wednesday evening");
    write(d.path(), "news/a.md", &edited);
    let out = factlint(
        d.path(),
        &[
            "news",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(found(&report), []);
    assert_eq!(report["summary"]["baselined"], 2);
    assert_eq!(report["summary"]["findings"], 0);

    // The human summary says so too; paths match whatever their spelling.
    let out = factlint(d.path(), &["./news/a.md", "--baseline", "base.json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "No findings in 1 file (2 baselined).\n");

    // Editing the flagged text itself: that finding is new.
    write(
        d.path(),
        "news/a.md",
        &edited.replace("said : no", "said : never"),
    );
    let out = factlint(
        d.path(),
        &[
            "news",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(
        found(&report),
        [("news/a.md".to_owned(), SPACE.to_owned(), " :".to_owned())]
    );
    assert_eq!(report["summary"]["baselined"], 1);
    let out = factlint(d.path(), &["news", "--baseline", "base.json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("in 1 file (1 baselined).\n"), "{text}");
}

#[test]
fn identical_findings_are_counted() {
    let d = tempfile::tempdir().unwrap();
    let line = "The offer , was rejected.\n\n";
    write(d.path(), "a.txt", &line.repeat(2));
    let out = factlint(d.path(), &["a.txt", "--write-baseline", "b.json"]);
    assert_eq!(out.status.code(), Some(0));
    write(d.path(), "a.txt", &line.repeat(3));
    let report = json(&factlint(
        d.path(),
        &["a.txt", "--baseline", "b.json", "--format", "json"],
    ));
    assert_eq!(found(&report).len(), 1, "{report}");
    assert_eq!(report["files"][0]["findings"][0]["span"]["line"], 5);
    assert_eq!(report["summary"]["baselined"], 2);
}

#[test]
fn a_baseline_is_per_path() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", "The offer , was rejected.\n");
    factlint(d.path(), &["a.txt", "--write-baseline", "b.json"]);
    write(d.path(), "b.txt", "The offer , was rejected.\n");
    let report = json(&factlint(
        d.path(),
        &["a.txt", "b.txt", "--baseline", "b.json", "--format", "json"],
    ));
    assert_eq!(
        found(&report),
        [("b.txt".to_owned(), SPACE.to_owned(), " ,".to_owned())]
    );
}

#[test]
fn write_baseline_exits_0_even_with_errors() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", "He said \"no».\n");
    let out = factlint(d.path(), &["a.txt"]);
    assert_eq!(out.status.code(), Some(1), "an error finding fails");
    let out = factlint(d.path(), &["a.txt", "--write-baseline", "b.json"]);
    assert_eq!(out.status.code(), Some(0));
    let out = factlint(d.path(), &["a.txt", "--baseline", "b.json"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_missing_or_invalid_baseline_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", "Clean.\n");
    let out = factlint(d.path(), &["a.txt", "--baseline", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: --baseline missing.json: "), "{err}");
    for (name, text) in [
        ("empty.json", ""),
        ("list.json", "[]"),
        ("v2.json", "{\"version\": 2, \"findings\": []}"),
    ] {
        write(d.path(), name, text);
        let out = factlint(d.path(), &["a.txt", "--baseline", name]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("--baseline {name}: not a factlint baseline")),
            "{err}"
        );
    }
    // Both flags at once: a usage error.
    let out = factlint(
        d.path(),
        &[
            "a.txt",
            "--baseline",
            "x.json",
            "--write-baseline",
            "y.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}
