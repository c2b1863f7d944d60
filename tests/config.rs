//! Configuration files (`factlint.toml`), run as a program: discovery,
//! `--config`, precedence over the front matter and under the command line,
//! errors with their place, `exclude`, `[severity]`, and `factlint config`.

mod common;
use common::*;

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;
use tempfile::TempDir;

/// English: a space before a comma (a warning) and a doubled space (info).
const ENGLISH: &str = "The offer , reported on Monday, was  rejected.\n";

/// Arabic: a quotation opened with `"` and closed with `»` (an error).
const ARABIC: &str = "قال المتحدث إن الشركة ستواصل العمل. وقال: \"لا شكرًا».\n";

/// Nothing to flag.
const CLEAN: &str = "The board met on Monday and rejected the offer.\n";

/// Writes files (creating folders) under a new temporary folder.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// The JSON report's file entry for `path` (as reported).
fn file<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no file {path} in {report:#}"))
}

fn paths(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

/// (rule, severity) of each finding of a file entry.
fn findings(file: &Value) -> Vec<(String, String)> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn severity_of(file: &Value, rule: &str) -> Option<String> {
    findings(file)
        .into_iter()
        .find(|(r, _)| r == rule)
        .map(|(_, s)| s)
}

// ---------------------------------------------------------------------------
// Discovery.

#[test]
fn the_nearest_config_wins_and_each_file_is_checked_under_its_own() {
    let dir = tree(&[
        ("factlint.toml", "published = \"2025-01-01\"\n"),
        ("top.txt", ENGLISH),
        (
            "desk/factlint.toml",
            "published = 2025-02-02\n[severity]\n\"typography\" = \"error\"\n",
        ),
        ("desk/deep/er/a.txt", ENGLISH),
        ("desk/b.txt", ENGLISH),
        ("other/c.txt", ENGLISH),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    let report = json(&out);
    // The deterministic order of the inputs, whatever the grouping.
    assert_eq!(
        paths(&report),
        [
            "./desk/b.txt",
            "./desk/deep/er/a.txt",
            "./other/c.txt",
            "./top.txt"
        ]
    );
    for (path, published, severity) in [
        ("./top.txt", "2025-01-01", "warning"),
        ("./other/c.txt", "2025-01-01", "warning"),
        ("./desk/b.txt", "2025-02-02", "error"),
        ("./desk/deep/er/a.txt", "2025-02-02", "error"),
    ] {
        let f = file(&report, path);
        assert_eq!(f["published"], published, "{path}");
        assert_eq!(
            severity_of(f, "typography/space-before-punctuation").as_deref(),
            Some(severity),
            "{path}"
        );
    }
    // The desk's errors fail the run.
    assert_eq!(code(&out), 1);

    // Checked from inside a subfolder, the configs above are still found.
    let out = run(
        &dir.path().join("desk/deep"),
        &["check", "--format", "json", "er/a.txt"],
    );
    assert_eq!(file(&json(&out), "er/a.txt")["published"], "2025-02-02");
}

#[test]
fn without_a_config_the_defaults_apply() {
    let dir = tree(&[("a.txt", ENGLISH)]);
    let out = run(dir.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(file(&json(&out), "a.txt")["published"], Value::Null);
}

#[test]
fn config_flag_replaces_discovery() {
    let dir = tree(&[
        ("factlint.toml", "published = \"2025-01-01\"\n"),
        ("a/a.txt", ENGLISH),
        ("conf/other.toml", "published = \"2024-06-30\"\n"),
    ]);
    let out = run(
        dir.path(),
        &[
            "check",
            "--config",
            "conf/other.toml",
            "--format",
            "json",
            "a/a.txt",
        ],
    );
    assert_eq!(file(&json(&out), "a/a.txt")["published"], "2024-06-30");

    let out = run(
        dir.path(),
        &["check", "--config", "missing.toml", "a/a.txt"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));
}

#[test]
fn standard_input_finds_the_config_of_its_name_or_of_the_current_folder() {
    let dir = tree(&[
        ("factlint.toml", "published = \"2025-01-01\"\n"),
        ("desk/factlint.toml", "published = \"2025-02-02\"\n"),
    ]);
    let run_stdin = |args: &[&str]| {
        let out = factlint(dir.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write as _;
                child.stdin.take().unwrap().write_all(CLEAN.as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        json(&out)["files"][0]["published"].clone()
    };
    assert_eq!(run_stdin(&["check", "--format", "json", "-"]), "2025-01-01");
    assert_eq!(
        run_stdin(&[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "desk/story.md",
            "-"
        ]),
        "2025-02-02"
    );
}

// ---------------------------------------------------------------------------
// Precedence.

#[test]
fn command_line_flags_beat_the_config() {
    let dir = tree(&[
        (
            "factlint.toml",
            "lang = \"fr\"\npublished = \"2025-01-01\"\nfail-on = \"info\"\n",
        ),
        ("a.txt", ENGLISH),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "a.txt"]);
    let report = json(&out);
    assert_eq!(file(&report, "a.txt")["language"], "fr");
    assert_eq!(file(&report, "a.txt")["published"], "2025-01-01");
    assert_eq!(code(&out), 1, "fail-on = info and an info finding");

    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--lang",
            "auto",
            "--published",
            "2025-03-03",
            "--fail-on",
            "never",
            "a.txt",
        ],
    );
    let report = json(&out);
    assert_eq!(file(&report, "a.txt")["language"], "en");
    assert_eq!(file(&report, "a.txt")["published"], "2025-03-03");
    assert_eq!(code(&out), 0);
}

#[test]
fn front_matter_beats_the_config_but_not_the_command_line() {
    let dir = tree(&[
        (
            "factlint.toml",
            "lang = \"fr\"\npublished = \"2025-01-01\"\n",
        ),
        (
            "story.md",
            "---\nlang: en\npublished: 2025-02-11\n---\n\nThe board met on Monday.\n",
        ),
        ("bare.md", "The board met on Monday.\n"),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    let report = json(&out);
    let story = file(&report, "./story.md");
    assert_eq!(story["language"], "en");
    assert_eq!(story["published"], "2025-02-11");
    let bare = file(&report, "./bare.md");
    assert_eq!(bare["language"], "fr");
    assert_eq!(bare["published"], "2025-01-01");

    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--lang",
            "ar",
            "--published",
            "2025-03-03",
            "story.md",
        ],
    );
    let story = file(&json(&out), "story.md").clone();
    assert_eq!(story["language"], "ar");
    assert_eq!(story["published"], "2025-03-03");
}

// ---------------------------------------------------------------------------
// Errors.

#[test]
fn an_unknown_key_is_an_error_with_its_place() {
    let dir = tree(&[
        ("factlint.toml", "lang = \"en\"\nfial-on = \"warning\"\n"),
        ("a.txt", CLEAN),
    ]);
    let out = run(dir.path(), &["check", "a.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("factlint.toml:2:1"), "{err}");
    assert!(err.contains("fial-on"), "{err}");
    assert!(err.contains("invalid configuration"), "{err}");
    assert!(out.stdout.is_empty(), "nothing is checked");

    // An unknown key in a table, a value of the wrong type.
    for (text, at) in [
        ("[severity]\n\"typography\" = 3\n", "factlint.toml:2:16"),
        ("select = \"typography\"\n", "factlint.toml:1:10"),
        ("[other]\nx = 1\n", "factlint.toml:1:"),
    ] {
        std::fs::write(dir.path().join("factlint.toml"), text).unwrap();
        let out = run(dir.path(), &["check", "a.txt"]);
        assert_eq!(code(&out), 2, "{text}");
        assert!(stderr(&out).contains(at), "{text}: {}", stderr(&out));
    }
}

#[test]
fn invalid_values_are_errors_with_their_place_and_key() {
    let dir = tree(&[("a.txt", CLEAN)]);
    for (text, at, key) in [
        ("lang = \"de\"\n", "factlint.toml:1:8", "lang"),
        (
            "\npublished = \"2025-02-30\"\n",
            "factlint.toml:2:13",
            "published",
        ),
        (
            "published = 2025-02-11T10:00:00\n",
            "factlint.toml:1:13",
            "published",
        ),
        ("fail-on = \"sometimes\"\n", "factlint.toml:1:11", "fail-on"),
        (
            "[severity]\n\"typography\" = \"fatal\"\n",
            "factlint.toml:2:16",
            "typography",
        ),
        (
            "[severity]\n\"typografy\" = \"info\"\n",
            "factlint.toml:2:1",
            "typografy",
        ),
        (
            "select = [\"typography\", \"typografy\"]\n",
            "factlint.toml:1:25",
            "select",
        ),
        ("ignore = [\"nonsense\"]\n", "factlint.toml:1:11", "ignore"),
        ("exclude = [\"{a,b\"]\n", "factlint.toml:1:12", "exclude"),
    ] {
        std::fs::write(dir.path().join("factlint.toml"), text).unwrap();
        let out = run(dir.path(), &["check", "a.txt"]);
        assert_eq!(code(&out), 2, "{text}");
        let err = stderr(&out);
        assert!(err.contains(at), "{text}: {err}");
        assert!(err.contains(&format!("(key `{key}`)")), "{text}: {err}");
    }
    // Every error of the file is reported, not only the first.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "lang = \"de\"\nfail-on = \"sometimes\"\n",
    )
    .unwrap();
    let err = stderr(&run(dir.path(), &["check", "a.txt"]));
    assert!(
        err.contains("factlint.toml:1:8") && err.contains("factlint.toml:2:11"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// What a configuration sets.

#[test]
fn exclude_globs_skip_files_found_in_folders() {
    let dir = tree(&[
        (
            "factlint.toml",
            "exclude = [\"drafts/\", \"*.old.md\", \"desk/tmp-*.txt\"]\n",
        ),
        ("a.txt", ENGLISH),
        ("drafts/b.txt", ENGLISH),
        ("drafts/deep/c.md", ENGLISH),
        ("notes.old.md", ENGLISH),
        ("desk/notes.old.md", ENGLISH),
        ("desk/tmp-1.txt", ENGLISH),
        ("desk/story.txt", ENGLISH),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(paths(&json(&out)), ["./a.txt", "./desk/story.txt"]);
    let out = run(dir.path(), &["check", "--format", "json", "drafts"]);
    assert_eq!(paths(&json(&out)), Vec::<String>::new());
    // A file named on the command line is checked (as ruff does).
    let out = run(dir.path(), &["check", "--format", "json", "drafts/b.txt"]);
    assert_eq!(paths(&json(&out)), ["drafts/b.txt"]);
    // Among many files named (a shell glob), each named one is checked;
    // those found in a folder named beside them are still excluded.
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "desk/tmp-1.txt",
            "a.txt",
            "drafts",
            "notes.old.md",
            "desk/story.txt",
        ],
    );
    assert_eq!(
        paths(&json(&out)),
        ["a.txt", "desk/story.txt", "desk/tmp-1.txt", "notes.old.md"]
    );
}

#[test]
fn severity_overrides_change_the_severity_and_the_exit_status() {
    let dir = tree(&[("ar.txt", ARABIC)]);
    let out = run(dir.path(), &["check", "--format", "json", "ar.txt"]);
    assert_eq!(code(&out), 1, "the quotation mismatch is an error");
    assert_eq!(
        severity_of(file(&json(&out), "ar.txt"), "typography/mismatched-quotes").as_deref(),
        Some("error")
    );

    // The category.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[severity]\n\"typography\" = \"info\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "ar.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let f = file(&json(&out), "ar.txt").clone();
    assert!(
        findings(&f)
            .iter()
            .all(|(r, s)| !r.starts_with("typography/") || s == "info")
    );

    // The exact id wins over the category, whatever the order.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[severity]\n\"typography/mismatched-quotes\" = \"warning\"\n\"typography\" = \"info\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "ar.txt"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        severity_of(file(&json(&out), "ar.txt"), "typography/mismatched-quotes").as_deref(),
        Some("warning")
    );
    let out = run(
        dir.path(),
        &[
            "check",
            "--fail-on",
            "warning",
            "--format",
            "json",
            "ar.txt",
        ],
    );
    assert_eq!(code(&out), 1);
}

#[test]
fn severity_keys_most_specific_wins() {
    // `typography/space-before-punctuation` (a warning) and
    // `typography/doubled-space` (info).
    let dir = tree(&[
        (
            "factlint.toml",
            "[severity]\nall = \"error\"\n\"typography\" = \"info\"\n\
             \"typography/space-before-punctuation\" = \"warning\"\n",
        ),
        ("a.txt", ENGLISH),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "a.txt"]);
    let report = json(&out);
    let f = file(&report, "a.txt");
    assert_eq!(
        severity_of(f, "typography/space-before-punctuation").as_deref(),
        Some("warning")
    );
    assert_eq!(
        severity_of(f, "typography/doubled-space").as_deref(),
        Some("info")
    );
    assert_eq!(code(&out), 0);
}

#[test]
fn select_and_ignore_in_the_config_and_on_the_command_line() {
    let dir = tree(&[
        ("factlint.toml", "ignore = [\"typography/doubled-space\"]\n"),
        ("a.txt", ENGLISH),
    ]);
    let rules = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("a.txt");
        let out = run(dir.path(), &all);
        assert!(matches!(code(&out), 0 | 1), "{}", stderr(&out));
        findings(file(&json(&out), "a.txt"))
            .into_iter()
            .map(|(r, _)| r)
            .collect::<Vec<_>>()
    };
    assert_eq!(rules(&[]), ["typography/space-before-punctuation"]);
    // `--ignore` adds to the config's `ignore`.
    assert_eq!(
        rules(&["--ignore", "typography/space-before-punctuation"]),
        Vec::<String>::new()
    );

    std::fs::write(
        dir.path().join("factlint.toml"),
        "select = [\"typography/doubled-space\"]\n",
    )
    .unwrap();
    assert_eq!(rules(&[]), ["typography/doubled-space"]);
    // `--select` replaces the config's `select`.
    assert_eq!(
        rules(&["--select", "typography/space-before-punctuation"]),
        ["typography/space-before-punctuation"]
    );
}

const PACK_RULE: &str = r#"kind = "pattern"
category = "typography"
severity = "error"
languages = ["en", "fr"]
summary = "Flags teh."
message = "write «the», not «{text}»"

[params]
swap = { "teh" = "the" }

[fix]
title = "write «{suggestion}»"
safety = "safe"
"#;

const SHEET: &str = r#"
[[fact]]
id = "lyon-budget-2025"
description = "the 2025 budget of the city of Lyon"
value = "1.2e9"
currency = "EUR"
date = "2024-12"
tolerance = "5%"
source = "Lyon city council, vote on the 2025 budget"

[fact.words]
en = ["Lyon"]

[fact.cues]
all = ["budget"]
"#;

#[test]
fn rules_and_facts_are_relative_to_the_config_file() {
    let dir = tree(&[
        (
            "desk/factlint.toml",
            "rules = [\"house\"]\nfacts = [\"sheets/lyon.toml\"]\nlang = \"en\"\n",
        ),
        ("desk/house/style/teh.toml", PACK_RULE),
        ("desk/sheets/lyon.toml", SHEET),
        (
            "desk/stories/a.txt",
            "I saw teh offer. The city of Lyon adopted a budget of €12 billion for 2025.\n",
        ),
    ]);
    // Run from the top folder and from the story's: the paths do not
    // depend on the current folder.
    for (cwd, path) in [("", "desk/stories/a.txt"), ("desk/stories", "a.txt")] {
        let out = run(&dir.path().join(cwd), &["check", "--format", "json", path]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let rules: Vec<String> = findings(file(&json(&out), path))
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert!(rules.contains(&"style/teh".to_owned()), "{rules:?}");
        assert!(rules.contains(&"fact/amount".to_owned()), "{rules:?}");
    }
    // The config's `select` may name the rules of its own folders.
    std::fs::write(
        dir.path().join("desk/factlint.toml"),
        "rules = [\"house\"]\nselect = [\"style\"]\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["check", "--format", "json", "desk/stories/a.txt"],
    );
    assert_eq!(
        findings(file(&json(&out), "desk/stories/a.txt")),
        [("style/teh".to_owned(), "error".to_owned())]
    );
    // A folder that does not exist is reported with its path.
    std::fs::write(
        dir.path().join("desk/factlint.toml"),
        "rules = [\"nope\"]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "desk/stories/a.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("desk/nope"), "{}", stderr(&out));
}

#[test]
fn each_file_fails_on_its_own_threshold() {
    let dir = tree(&[
        ("lenient/factlint.toml", "fail-on = \"never\"\n"),
        ("lenient/ar.txt", ARABIC),
        ("strict/factlint.toml", "fail-on = \"info\"\n"),
        ("strict/en.txt", CLEAN),
    ]);
    let out = run(dir.path(), &["check", "."]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    std::fs::write(dir.path().join("strict/en.txt"), ENGLISH).unwrap();
    assert_eq!(code(&run(dir.path(), &["check", "."])), 1);
    // The command line's threshold applies to every file.
    assert_eq!(
        code(&run(dir.path(), &["check", "--fail-on", "never", "."])),
        0
    );
}

#[test]
fn the_seed_config_gives_the_publication_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = "seeds/000_1da055f338dfc321.txt";
    let with_config = run(root, &["check", "--format", "json", seed]);
    let with_flag = run(
        root,
        &[
            "check",
            "--format",
            "json",
            "--published",
            "2025-02-11",
            seed,
        ],
    );
    assert_eq!(with_config.stdout, with_flag.stdout);
    assert_eq!(file(&json(&with_config), seed)["published"], "2025-02-11");
}

// ---------------------------------------------------------------------------
// `factlint config`.

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

const FULL: &str = r#"# The desk's settings.
lang = "ar"
published = "2025-02-11"
fail-on = "warning"
ignore = ["typography/doubled-space"]
rules = ["house"]
facts = ["sheets/lyon.toml"]
exclude = ["drafts/"]

[severity]
"typography" = "info"
"typography/mismatched-quotes" = "error"
"#;

#[test]
fn config_command_shows_each_setting_and_its_origin() {
    let dir = tree(&[
        ("desk/factlint.toml", FULL),
        ("desk/house/style/teh.toml", PACK_RULE),
        ("desk/sheets/lyon.toml", SHEET),
        ("desk/a.txt", CLEAN),
        ("desk/drafts/b.txt", CLEAN),
    ]);
    let human = run(
        dir.path(),
        &[
            "config",
            "--published",
            "2025-03-01",
            "--ignore",
            "language",
            "desk/a.txt",
        ],
    );
    assert_eq!(code(&human), 0, "{}", stderr(&human));
    let drafts = run(
        dir.path(),
        &["config", "--format", "json", "desk/drafts/b.txt"],
    );
    assert_eq!(code(&drafts), 0, "{}", stderr(&drafts));
    let none = run(dir.path(), &["config"]);
    assert_eq!(code(&none), 0, "{}", stderr(&none));
    settings().bind(|| {
        insta::assert_snapshot!("config_human", stdout(&human));
        insta::assert_snapshot!("config_json_excluded", stdout(&drafts));
        insta::assert_snapshot!("config_none", stdout(&none));
    });

    // A broken configuration is reported as by `check`.
    std::fs::write(dir.path().join("desk/factlint.toml"), "lnag = \"ar\"\n").unwrap();
    let out = run(dir.path(), &["config", "desk/a.txt"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("desk/factlint.toml:1:1"),
        "{}",
        stderr(&out)
    );
}
