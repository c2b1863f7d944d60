//! The command line, run as a program: arguments, inputs, exit statuses and
//! the JSON contract of `src/render/json.rs`.

mod common;
use common::*;

use std::io::Read;
use std::path::Path;
use std::process::{Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// Texts. Each holds findings of known rules.

/// Arabic: a space before `،`, `،` glued to the next word, a quotation opened
/// with `"` and closed with `»` (an error), an emoji and a bidi mark.
const ARABIC: &str = "قال المتحدث ، إن الشركة،ستواصل العمل 😀 \u{200F}وقال: \"لا شكرًا».\n";

/// French: a glued opening guillemet, a space before a comma, correct
/// narrow no-break spaces (U+202F) elsewhere.
const FRENCH: &str =
    "Le conseil , a répondu «non\u{202F}» à l’offre\u{202F}; « Non\u{202F}», a-t-il dit.\n";

/// English: a space before a comma and a doubled space.
const ENGLISH: &str = "The offer , reported on Monday, was  rejected.\n";

/// A text with nothing to flag.
const CLEAN: &str = "The board met on Monday and rejected the offer.\n";

// ---------------------------------------------------------------------------
// Helpers.

fn files(report: &Value) -> &Vec<Value> {
    report["files"].as_array().expect("files array")
}

fn findings(file: &Value) -> &Vec<Value> {
    file["findings"].as_array().expect("findings array")
}

/// `(rule, text)` of every finding of a file.
fn rule_texts(file: &Value) -> Vec<(String, String)> {
    findings(file)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has(file: &Value, rule: &str, text: &str) -> bool {
    rule_texts(file).iter().any(|(r, t)| r == rule && t == text)
}

fn usize_of(v: &Value) -> usize {
    usize::try_from(v.as_u64().unwrap_or_else(|| panic!("not a number: {v}"))).unwrap()
}

/// Checks a span object against the file's bytes; returns `[start, end)`.
fn check_span(span: &Value, bytes: &[u8], what: &str) -> (usize, usize) {
    let keys: Vec<&str> = span
        .as_object()
        .expect("span object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["start", "end", "line", "column", "end_line", "end_column"] {
        assert!(keys.contains(&key), "{what}: span has no `{key}`: {span}");
    }
    let (start, end) = (usize_of(&span["start"]), usize_of(&span["end"]));
    assert!(
        start <= end && end <= bytes.len(),
        "{what}: span {span} out of the file"
    );
    let text = std::str::from_utf8(bytes).expect("a checked file is UTF-8");
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} is not on char boundaries"
    );
    for (pos, line_key, col_key) in [(start, "line", "column"), (end, "end_line", "end_column")] {
        assert_eq!(
            (usize_of(&span[line_key]), usize_of(&span[col_key])),
            line_col(text, pos),
            "{what}: line/column of byte {pos}"
        );
    }
    (start, end)
}

/// 1-based line and column (in chars, a byte order mark not counted) of a
/// byte offset, lines ending at LF, CRLF or a lone CR.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skip = text.len() - body.len();
    let (mut line, mut column) = (1, 1);
    let mut chars = body[..offset.max(skip) - skip].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    (line, column)
}

/// Checks a JSON report against the contract and the files on disk (paths
/// relative to `dir`).
fn check_contract(report: &Value, dir: &Path) {
    assert_eq!(report["version"], 1, "version");
    let mut counts = [0usize; 4]; // findings, errors, warnings, infos
    for file in files(report) {
        let path = file["path"].as_str().expect("path");
        let list = findings(file);
        if file.get("error").is_some() || file.get("skipped").is_some() {
            assert!(
                file["language"].is_null(),
                "{path}: a language without a check"
            );
            assert!(list.is_empty());
            continue;
        }
        let lang = file["language"].as_str().expect("language");
        assert!(
            ["ar", "fr", "en"].contains(&lang),
            "{path}: language {lang}"
        );
        let bytes = std::fs::read(dir.join(path)).expect("the reported file exists");
        let mut previous = (0, 0);
        for f in list {
            for key in [
                "rule",
                "category",
                "severity",
                "message",
                "span",
                "text",
                "suggestions",
                "related",
            ] {
                assert!(f.get(key).is_some(), "{path}: finding without `{key}`: {f}");
            }
            let rule = f["rule"].as_str().unwrap();
            let what = format!("{path}: {rule}");
            assert!(
                ["amount", "date", "entity", "fact", "typography", "language"]
                    .contains(&f["category"].as_str().unwrap()),
                "{what}: category {}",
                f["category"]
            );
            assert!(
                !f["message"].as_str().unwrap().is_empty(),
                "{what}: empty message"
            );
            let (start, end) = check_span(&f["span"], &bytes, &what);
            assert_eq!(
                f["text"].as_str().unwrap().as_bytes(),
                &bytes[start..end],
                "{what}: text is not the file's bytes {start}..{end}"
            );
            assert!(previous <= (start, end), "{what}: findings out of order");
            previous = (start, end);
            assert!(f["suggestions"].is_array(), "{what}: suggestions");
            for r in f["related"].as_array().expect("related array") {
                let (rs, re) = check_span(&r["span"], &bytes, &format!("{what} (related)"));
                assert_eq!(r["text"].as_str().unwrap().as_bytes(), &bytes[rs..re]);
                assert!(r["message"].is_string());
            }
            counts[0] += 1;
            match f["severity"].as_str().unwrap() {
                "error" => counts[1] += 1,
                "warning" => counts[2] += 1,
                "info" => counts[3] += 1,
                other => panic!("{what}: severity {other}"),
            }
        }
    }
    let s = &report["summary"];
    assert_eq!(
        [
            usize_of(&s["findings"]),
            usize_of(&s["errors"]),
            usize_of(&s["warnings"]),
            usize_of(&s["infos"]),
        ],
        counts,
        "summary counts: {s}"
    );
    assert_eq!(usize_of(&s["files"]), files(report).len(), "summary.files");
}

/// A folder with one article per language.
fn articles() -> TempDir {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    write(
        dir.path(),
        "fr.md",
        format!("---\nlang: fr\n---\n\n{FRENCH}"),
    );
    write(dir.path(), "en.txt", ENGLISH);
    dir
}

// ---------------------------------------------------------------------------
// check: findings, JSON contract, exit status.

/// Files are checked on every core (rayon), one thread per file, and
/// written in input order as they are done: the report is the same, byte
/// for byte, whatever the number of threads (`--threads`, or rayon's
/// `RAYON_NUM_THREADS`), the format, and from one run to the next.
#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let dir = articles();
    // More files than threads, in the three languages and both formats.
    for i in 0..12 {
        write(dir.path(), &format!("more/ar-{i:02}.txt"), ARABIC);
        write(dir.path(), &format!("more/en-{i:02}.txt"), ENGLISH);
        write(
            dir.path(),
            &format!("more/fr-{i:02}.md"),
            format!("---\nlang: fr\n---\n\n{FRENCH}"),
        );
    }
    let report = |threads: &str, format: &str, env: bool| {
        let mut cmd = factlint(dir.path());
        cmd.arg("check");
        if env {
            cmd.env("RAYON_NUM_THREADS", threads);
        } else {
            cmd.args(["--threads", threads]);
        }
        let out = cmd
            .args(["--format", format, "--published", "2025-02-11", "."])
            .output()
            .expect("factlint runs");
        assert_no_panic(&out);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        stdout(&out)
    };
    for format in ["json", "human", "github"] {
        let one = report("1", format, false);
        if format == "json" {
            assert_eq!(files(&serde_json::from_str(&one).expect("json")).len(), 39);
        }
        for threads in ["2", "4", "8", "1"] {
            assert!(
                report(threads, format, false) == one,
                "{format}, --threads {threads}: another report"
            );
            assert!(
                report(threads, format, true) == one,
                "{format}, RAYON_NUM_THREADS={threads}: another report"
            );
        }
    }
    let out = factlint(dir.path())
        .args(["check", "--threads", "0", "."])
        .output()
        .expect("factlint runs");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

/// One long file is split over the threads (its blocks, extractions,
/// rules and, in the human format, its findings): the report is the same,
/// byte for byte, whatever the number of threads, in every format.
#[test]
fn a_long_file_reads_the_same_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, head, body) in [
        ("ar.txt", "", ARABIC),
        ("en.txt", "", ENGLISH),
        ("fr.md", "---\nlang: fr\n---\n", FRENCH),
    ] {
        let mut long = head.to_owned();
        while long.len() < factlint::ordered::SPLIT_BYTES {
            long.push('\n');
            long.push_str(body);
        }
        write(dir.path(), name, &long);
        let report = |threads: &str, format: &str| {
            let out = factlint(dir.path())
                .args(["check", "--threads", threads, "--format", format])
                .args(["--published", "2025-02-11", name])
                .output()
                .expect("factlint runs");
            assert_no_panic(&out);
            assert!(code(&out) < 2, "{}", stderr(&out));
            stdout(&out)
        };
        for format in ["json", "human", "github", "sarif"] {
            let one = report("1", format);
            assert!(one.len() > 10_000, "{name} {format}: a long report");
            for threads in ["2", "3"] {
                assert!(
                    report(threads, format) == one,
                    "{name}, {format}, --threads {threads}: another report"
                );
            }
        }
    }
}

/// `--timings` adds to standard error where the time went, stage by stage
/// and rule by rule: for several files, for one long file whose rules run
/// on two threads, and on one thread. The report is the same, byte for
/// byte, and so is the exit status; without the option there is no table.
#[test]
fn timings_go_to_standard_error_and_leave_the_report_as_it_is() {
    let dir = articles();
    let mut long = String::new();
    while long.len() < factlint::ordered::SPLIT_BYTES {
        long.push_str(ENGLISH);
    }
    write(dir.path(), "long/en.txt", &long);
    // (Their names are the unit tests' of `src/timings.rs`.)
    let stages: Vec<&str> = factlint::timings::Stage::names().collect();
    for (args, files) in [
        (vec!["ar.txt", "fr.md", "en.txt"], "3 files"),
        (vec!["--threads", "2", "long/en.txt"], "1 file"),
        (vec!["--threads", "1", "ar.txt"], "1 file"),
    ] {
        let check = |timings: bool| {
            let mut cmd = factlint(dir.path());
            cmd.args(["check", "--published", "2025-02-11"]).args(&args);
            if timings {
                cmd.arg("--timings");
            }
            let out = cmd.output().expect("factlint runs");
            assert_no_panic(&out);
            out
        };
        let (plain, timed) = (check(false), check(true));
        assert_eq!(stdout(&timed), stdout(&plain), "{args:?}");
        assert_eq!(code(&timed), code(&plain), "{args:?}");
        assert!(!stderr(&plain).contains("Timings:"), "{}", stderr(&plain));
        let err = stderr(&timed);
        let table: Vec<&str> = err
            .lines()
            .skip_while(|l| !l.starts_with("Timings: "))
            .collect();
        assert!(
            table
                .first()
                .is_some_and(|l| l.starts_with(&format!("Timings: {files}, "))),
            "{args:?}: {err}"
        );
        // name, milliseconds, share, findings of each row.
        let rows: Vec<(String, f64, f64, Option<usize>)> = table[2..]
            .iter()
            .map(|l| {
                let t: Vec<&str> = l.split_whitespace().collect();
                let ms = t.iter().position(|&w| w == "ms").expect("a time");
                let found = t
                    .get(ms + 3)
                    .map(|n| n.replace(',', "").parse().expect("a count"));
                (
                    t[..ms - 1].join(" "),
                    t[ms - 1].parse().expect("milliseconds"),
                    t[ms + 1].parse().expect("a share"),
                    found,
                )
            })
            .collect();
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names[..stages.len()], stages, "{err}");
        let (total, rules) = rows[stages.len()..].split_last().expect("a total");
        assert_eq!(total.0, "total");
        // Every rule that ran has its row, the slowest first.
        assert!(rules.len() > 10, "{err}");
        assert!(
            rules
                .iter()
                .all(|r| r.0.starts_with("rule ") && r.3.is_some()),
            "{err}"
        );
        assert!(rules.windows(2).all(|w| w[0].1 >= w[1].1), "{err}");
        assert!(
            names.contains(&"rule typography/space-before-punctuation"),
            "{err}"
        );
        // The shares make the whole; the total is every row's time.
        let shares: f64 = rows[..rows.len() - 1].iter().map(|r| r.2).sum();
        assert!(
            (shares - 100.0).abs() < 0.05 * f64::from(u32::try_from(rows.len()).expect("rows")),
            "{shares}: {err}"
        );
        assert!(rows.iter().all(|r| r.1 <= total.1), "{err}");
        assert!(total.1 > 0.0, "{err}");
        // Every finding was counted for its rule (before duplicates are
        // dropped): at least as many as the report has.
        let reported: usize = stdout(&plain)
            .lines()
            .find_map(|l| l.strip_prefix("Found "))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a summary line");
        let found: usize = rules.iter().filter_map(|r| r.3).sum();
        assert_eq!(total.3, Some(found), "{err}");
        assert!(
            found >= reported && reported > 0,
            "{found} < {reported}: {err}"
        );
    }
}

#[test]
fn json_report_follows_the_contract_in_three_languages() {
    let dir = articles();
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    // The Arabic quotation mismatch is an error.
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    check_contract(&report, dir.path());
    let f = files(&report);
    let paths: Vec<&str> = f.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["./ar.txt", "./en.txt", "./fr.md"], "sorted by path");
    let langs: Vec<&str> = f.iter().map(|f| f["language"].as_str().unwrap()).collect();
    assert_eq!(langs, ["ar", "en", "fr"]);

    let ar = &f[0];
    assert!(has(ar, "typography/space-before-punctuation", " ،"), "{ar}");
    assert!(
        has(ar, "typography/missing-space-after-punctuation", "،ستواصل"),
        "{ar}"
    );
    assert!(has(ar, "typography/mismatched-quotes", "»"), "{ar}");
    let mismatch = findings(ar)
        .iter()
        .find(|x| x["rule"] == "typography/mismatched-quotes")
        .unwrap();
    assert_eq!(mismatch["severity"], "error");
    assert_eq!(mismatch["category"], "typography");
    assert_eq!(mismatch["suggestions"], serde_json::json!(["\""]));
    assert_eq!(mismatch["related"][0]["text"], "\"");

    let en = &f[1];
    assert!(has(en, "typography/space-before-punctuation", " ,"), "{en}");
    assert!(has(en, "typography/doubled-space", "  "), "{en}");

    let fr = &f[2];
    assert!(has(fr, "typography/space-before-comma", " ,"), "{fr}");
    assert!(
        has(fr, "typography/missing-space-inside-guillemets", "«non"),
        "{fr}"
    );
    // U+202F before `;` and inside « » is correct French.
    assert!(
        !rule_texts(fr)
            .iter()
            .any(|(r, _)| r == "typography/missing-space-before-punctuation"),
        "{fr}"
    );
}

#[test]
fn output_is_the_same_across_runs_and_argument_order() {
    let dir = articles();
    let a = run(
        dir.path(),
        &["check", "--format", "json", "ar.txt", "en.txt", "fr.md"],
    );
    let b = run(
        dir.path(),
        &["check", "--format", "json", "fr.md", "ar.txt", "en.txt"],
    );
    let c = run(
        dir.path(),
        &["check", "--format", "json", "en.txt", "fr.md", "ar.txt"],
    );
    assert_eq!(stdout(&a), stdout(&b));
    assert_eq!(stdout(&a), stdout(&c));
    let h1 = run(dir.path(), &["check", "--color", "never", "."]);
    let h2 = run(dir.path(), &["check", "--color", "never", "."]);
    assert_eq!(stdout(&h1), stdout(&h2));
    // A file named twice (directly and through its folder) is checked once.
    let twice = run(dir.path(), &["check", "--format", "json", ".", "./en.txt"]);
    assert_eq!(files(&json(&twice)).len(), 3);
}

#[test]
fn folder_order_does_not_depend_on_creation_order() {
    let names = ["b.txt", "a/z.md", "c.markdown", "a/b.txt", "A.txt"];
    let one = tempdir();
    let two = tempdir();
    for n in names {
        write(one.path(), n, ENGLISH);
    }
    for n in names.iter().rev() {
        write(two.path(), n, ENGLISH);
    }
    let a = run(one.path(), &["check", "--format", "json", "."]);
    let b = run(two.path(), &["check", "--format", "json", "."]);
    assert_eq!(stdout(&a), stdout(&b));
    let report = json(&a);
    let paths: Vec<&str> = files(&report)
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "./A.txt",
            "./a/b.txt",
            "./a/z.md",
            "./b.txt",
            "./c.markdown"
        ]
    );
}

#[test]
fn folders_are_walked_for_articles_honouring_gitignore() {
    let dir = tempdir();
    let p = dir.path();
    for name in [
        "top.txt",
        "sub/deep/story.md",
        "sub/other.markdown",
        "sub/UPPER.TXT",
        "page.html",
        "notes.rst",
        "drafts/draft.txt",
        "sub/skip.md",
        ".hidden/h.txt",
    ] {
        write(p, name, ENGLISH);
    }
    write(p, ".gitignore", "drafts/\nskip.md\n");
    let out = run(p, &["check", "--format", "json", "."]);
    let report = json(&out);
    check_contract(&report, p);
    let paths: Vec<&str> = files(&report)
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "./sub/UPPER.TXT",
            "./sub/deep/story.md",
            "./sub/other.markdown",
            "./top.txt"
        ]
    );
    // A file named on the command line is checked whatever its extension.
    let out = run(p, &["check", "--format", "json", "page.html"]);
    assert_eq!(files(&json(&out)).len(), 1);
}

#[test]
fn the_default_path_is_the_current_folder() {
    let dir = articles();
    let a = run(dir.path(), &["check", "--format", "json"]);
    let b = run(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(stdout(&a), stdout(&b));
    assert_eq!(files(&json(&a)).len(), 3);
}

#[test]
fn exit_status_follows_fail_on() {
    let dir = tempdir();
    // Only an info finding: a doubled space.
    write(dir.path(), "info.txt", "The offer was  rejected.\n");
    // A warning: a space before a comma (and nothing else).
    write(
        dir.path(),
        "warn.txt",
        "The offer , in short, was rejected.\n",
    );
    write(dir.path(), "clean.txt", CLEAN);
    let status = |file: &str, fail_on: Option<&str>| {
        let mut args = vec!["check", file];
        if let Some(level) = fail_on {
            args.extend(["--fail-on", level]);
        }
        code(&run(dir.path(), &args))
    };
    assert_eq!(status("info.txt", None), 0, "default: error");
    assert_eq!(status("info.txt", Some("error")), 0);
    assert_eq!(status("info.txt", Some("warning")), 0);
    assert_eq!(status("info.txt", Some("info")), 1);
    assert_eq!(status("info.txt", Some("never")), 0);
    assert_eq!(status("warn.txt", None), 0);
    assert_eq!(status("warn.txt", Some("warning")), 1);
    assert_eq!(status("clean.txt", Some("info")), 0);

    write(dir.path(), "error.txt", ARABIC);
    assert_eq!(status("error.txt", None), 1);
    assert_eq!(status("error.txt", Some("never")), 0);
    let out = run(
        dir.path(),
        &["check", "--fail-on", "sometimes", "clean.txt"],
    );
    assert_eq!(code(&out), 2);
}

#[test]
fn human_output_names_the_place_and_sums_up() {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    write(dir.path(), "clean.txt", CLEAN);
    let out = run(dir.path(), &["check", "--color", "never", "ar.txt"]);
    let text = stdout(&out);
    assert!(text.contains("--> ar.txt:1:12"), "{text}");
    assert!(
        text.contains("[typography/space-before-punctuation]"),
        "{text}"
    );
    assert!(
        text.contains("error: quotation opened with «\"» is closed with «»»"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("Found ") && last.contains("1 error"),
        "{last}"
    );

    let out = run(dir.path(), &["check", "clean.txt"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "No findings in 1 file.\n");
}

#[test]
fn colours_only_when_asked_or_on_a_terminal() {
    let dir = tempdir();
    write(dir.path(), "en.txt", ENGLISH);
    let always = stdout(&run(dir.path(), &["check", "--color", "always", "en.txt"]));
    assert!(
        always.contains("\x1b["),
        "no ANSI codes with --color always"
    );
    for args in [
        &["check", "--color", "never", "en.txt"][..],
        &["check", "--color", "auto", "en.txt"][..],
        &["check", "en.txt"][..],
    ] {
        let out = stdout(&run(dir.path(), args));
        assert!(out.contains("en.txt:1:"), "{out}");
        assert!(!out.contains('\x1b'), "ANSI codes with {args:?}:\n{out}");
    }
    let out = run(dir.path(), &["check", "--color", "rainbow", "en.txt"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn lang_option_overrides_detection() {
    let dir = tempdir();
    // Detected as French; `«non` (next to a spaced `« oui »`) is a French
    // typography finding only.
    write(
        dir.path(),
        "t.txt",
        "Le conseil a dit « oui » au contrat, puis «non » à l’offre.\n",
    );
    let fr = json(&run(dir.path(), &["check", "--format", "json", "t.txt"]));
    assert_eq!(files(&fr)[0]["language"], "fr");
    assert!(has(
        &files(&fr)[0],
        "typography/missing-space-inside-guillemets",
        "«non"
    ));
    for (lang, expected) in [("ar", "ar"), ("en", "en"), ("fr", "fr"), ("auto", "fr")] {
        let out = json(&run(
            dir.path(),
            &["check", "--format", "json", "--lang", lang, "t.txt"],
        ));
        let file = &files(&out)[0];
        assert_eq!(file["language"], expected, "--lang {lang}");
        assert_eq!(
            has(file, "typography/missing-space-inside-guillemets", "«non"),
            expected == "fr",
            "--lang {lang}: {file}"
        );
    }
    assert_eq!(
        code(&run(dir.path(), &["check", "--lang", "de", "t.txt"])),
        2
    );
}

#[test]
fn published_date_is_validated() {
    let dir = tempdir();
    write(dir.path(), "clean.txt", CLEAN);
    let ok = run(
        dir.path(),
        &["check", "--published", "2025-02-28", "clean.txt"],
    );
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    for bad in ["2025-02-30", "2025-13-01", "28/02/2025", "yesterday", ""] {
        let out = run(dir.path(), &["check", "--published", bad, "clean.txt"]);
        assert_eq!(code(&out), 2, "--published {bad:?}");
        assert!(stderr(&out).contains("--published"), "{}", stderr(&out));
        assert!(out.stdout.is_empty(), "nothing checked with a bad date");
    }
}

#[test]
fn select_and_ignore_take_ids_prefixes_and_categories() {
    let dir = tempdir();
    write(dir.path(), "ar.txt", ARABIC);
    let rules_of = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("ar.txt");
        let out = run(dir.path(), &all);
        assert_ne!(code(&out), 2, "{args:?}: {}", stderr(&out));
        let mut v: Vec<String> = rule_texts(&files(&json(&out))[0])
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        v.dedup();
        v
    };
    let all = rules_of(&[]);
    assert!(all.len() >= 3, "{all:?}");
    assert_eq!(
        rules_of(&["--select", "typography/mismatched-quotes"]),
        ["typography/mismatched-quotes"]
    );
    assert!(
        rules_of(&["--select", "typography/"])
            .iter()
            .all(|r| r.starts_with("typography/"))
    );
    assert!(
        rules_of(&["--select", "language"])
            .iter()
            .all(|r| r.starts_with("language/"))
    );
    let ignored = rules_of(&[
        "--ignore",
        "typography/mismatched-quotes,typography/space-before-punctuation",
    ]);
    assert!(
        !ignored
            .iter()
            .any(|r| r == "typography/mismatched-quotes"
                || r == "typography/space-before-punctuation")
    );
    assert!(
        ignored
            .iter()
            .any(|r| r == "typography/missing-space-after-punctuation")
    );
    assert!(
        rules_of(&["--ignore", "typography"])
            .iter()
            .all(|r| !r.starts_with("typography/"))
    );
    // Ignoring the only error-level finding makes the run pass.
    let out = run(
        dir.path(),
        &[
            "check",
            "--ignore",
            "typography/mismatched-quotes",
            "ar.txt",
        ],
    );
    assert_eq!(code(&out), 0);

    for bad in [
        &["--select", "typography/no-such-rule"][..],
        &["--ignore", "nonsense"][..],
        &["--select", "typography/mismatched"][..],
        &["--select", "typography/mismatched-quotes,bogus"][..],
    ] {
        let mut args = vec!["check"];
        args.extend_from_slice(bad);
        args.push("ar.txt");
        let out = run(dir.path(), &args);
        assert_eq!(code(&out), 2, "{bad:?}");
        assert!(stderr(&out).contains("no rule matches"), "{}", stderr(&out));
    }
}

// ---------------------------------------------------------------------------
// Inputs: standard input, bad files.

#[test]
fn stdin_is_read_and_named_by_stdin_filename() {
    let dir = tempdir();
    let text = "Inline `Le conseil , a dit \"non».` here.\n";
    let plain = run_stdin(
        dir.path(),
        &["check", "--format", "json", "-"],
        text.as_bytes(),
    );
    let report = json(&plain);
    assert_eq!(files(&report)[0]["path"], "<stdin>");
    assert!(
        has(&files(&report)[0], "typography/mismatched-quotes", "»"),
        "{report}"
    );
    assert_eq!(code(&plain), 1);

    // As Markdown, the violations are in inline code.
    let md = run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "story.md",
            "-",
        ],
        text.as_bytes(),
    );
    let report = json(&md);
    assert_eq!(files(&report)[0]["path"], "story.md");
    assert_eq!(findings(&files(&report)[0]).len(), 0, "{report}");
    assert_eq!(code(&md), 0);

    // Standard input next to a file.
    write(dir.path(), "en.txt", ENGLISH);
    let both = run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "in.txt",
            "en.txt",
            "-",
        ],
        ARABIC.as_bytes(),
    );
    let report = json(&both);
    let langs: Vec<&str> = files(&report)
        .iter()
        .map(|f| f["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs.len(), 2);
    assert!(langs.contains(&"ar") && langs.contains(&"en"), "{langs:?}");
}

#[test]
fn invalid_utf8_is_an_error_and_other_files_are_still_checked() {
    let dir = tempdir();
    let mut bad = "Le conseil a dit.\nUn é".as_bytes().to_vec();
    let offset = bad.len();
    bad.extend_from_slice(b"\xff\xfe la suite");
    write(dir.path(), "bad.txt", &bad);
    write(dir.path(), "en.txt", ENGLISH);

    let out = run(
        dir.path(),
        &["check", "--format", "json", "bad.txt", "en.txt"],
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("bad.txt"), "{err}");
    assert!(err.contains(&format!("byte offset {offset}")), "{err}");
    assert!(
        err.contains("bad.txt:2:5"),
        "line and column in chars: {err}"
    );
    let report = json(&out);
    check_contract(&report, dir.path());
    let f = files(&report);
    assert_eq!(f[0]["path"], "bad.txt");
    assert!(f[0]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert_eq!(f[1]["path"], "en.txt");
    assert!(
        has(&f[1], "typography/doubled-space", "  "),
        "other file still checked"
    );

    let human = run(dir.path(), &["check", "bad.txt", "en.txt"]);
    assert_eq!(code(&human), 2);
    let text = stdout(&human);
    assert!(text.contains("en.txt:1:"), "{text}");
    assert!(text.contains("1 file could not be read"), "{text}");

    // Only a BOM and invalid bytes after it.
    write(dir.path(), "bom.txt", b"\xef\xbb\xbfab\xc3");
    let out = run(dir.path(), &["check", "bom.txt"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("bom.txt:1:3: invalid UTF-8 at byte offset 5"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_with_nul_bytes_are_skipped_with_a_warning() {
    let dir = tempdir();
    write(dir.path(), "image.txt", b"GIF89a\x00\x01\x02 , ,");
    write(dir.path(), "clean.txt", CLEAN);
    let out = run(dir.path(), &["check", "image.txt", "clean.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("image.txt"),
        "{err}"
    );
    assert!(stdout(&out).contains("1 file skipped"), "{}", stdout(&out));
    let out = run(dir.path(), &["check", "--format", "json", "image.txt"]);
    assert_eq!(code(&out), 0);
    let report = json(&out);
    check_contract(&report, dir.path());
    assert_eq!(files(&report)[0]["skipped"], "binary file");
}

#[test]
fn empty_files_are_fine() {
    let dir = tempdir();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "empty.md", "");
    write(dir.path(), "bom.txt", "\u{feff}");
    let out = run(
        dir.path(),
        &["check", "--format", "json", "--fail-on", "info", "."],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let report = json(&out);
    check_contract(&report, dir.path());
    assert_eq!(files(&report).len(), 3);
    let out = run_stdin(dir.path(), &["check", "-"], b"");
    assert_eq!(code(&out), 0);
}

#[test]
fn a_missing_file_is_an_input_error() {
    let dir = tempdir();
    write(dir.path(), "en.txt", ENGLISH);
    let out = run(
        dir.path(),
        &["check", "--format", "json", "nowhere.txt", "en.txt"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nowhere.txt"), "{}", stderr(&out));
    let report = json(&out);
    check_contract(&report, dir.path());
    let f = files(&report);
    assert_eq!(f[0]["path"], "en.txt", "en.txt still checked");
    assert!(has(&f[0], "typography/doubled-space", "  "), "{report}");
    assert_eq!(f[1]["path"], "nowhere.txt");
    assert!(f[1]["error"].as_str().unwrap().contains("nowhere.txt"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempdir();
    write(dir.path(), "clean.txt", CLEAN);
    for args in [
        &["check", "--format", "xml", "clean.txt"][..],
        &["check", "--no-such-option", "clean.txt"][..],
        &["frobnicate"][..],
        &[][..],
        &["rules", "explain"][..],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(&out));
    }
}

/// Runs factlint with `args` in `dir`, its standard output closed after
/// its first 16 bytes are read.
fn closed_early(dir: &Path, args: &[&str]) -> Output {
    let mut child = factlint(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = [0u8; 16];
    stdout.read_exact(&mut head).expect("some output");
    drop(stdout);
    child.wait_with_output().expect("factlint ends")
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempdir();
    // Enough findings that the report overflows a pipe's buffer.
    write(dir.path(), "big.txt", ENGLISH.repeat(3000));
    for format in ["human", "json"] {
        let out = closed_early(dir.path(), &["check", "--format", format, "big.txt"]);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{format}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("error"),
            "{format}: {err}"
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{format}: status {:?}, stderr {err}",
            out.status
        );
    }
}

#[test]
fn a_closed_pipe_keeps_the_exit_status() {
    let dir = tempdir();
    write(dir.path(), "big.txt", ARABIC.repeat(2000));
    // In every format written as the files are checked: findings with an
    // error, 1; and an unreadable input, 2.
    for format in ["human", "json", "sarif", "github"] {
        for (files, status) in [(&["big.txt"][..], 1), (&["big.txt", "missing.txt"][..], 2)] {
            let args = [&["check", "--format", format][..], files].concat();
            let out = closed_early(dir.path(), &args);
            let err = stderr(&out);
            assert!(!err.contains("panicked"), "{format}: {err}");
            assert_eq!(err.contains("missing.txt"), status == 2, "{format}: {err}");
            assert_eq!(out.status.code(), Some(status), "{format} {files:?}: {err}");
        }
    }

    // Only errors to report, on a closed standard error.
    for args in [
        &["check", "--select", "no-such-rule", "big.txt"][..],
        &["check", "missing.txt"][..],
        &["rules", "explain", "no/such-rule"][..],
    ] {
        let mut child = factlint(dir.path())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("factlint runs");
        drop(child.stderr.take());
        let status = child.wait().expect("factlint ends");
        assert_eq!(status.code(), Some(2), "{args:?}: not a panic (101)");
    }
}

// ---------------------------------------------------------------------------
// Markdown and line ends.

#[test]
fn markdown_code_urls_and_comments_are_not_prose() {
    let bad = "Le conseil , a dit \"non» et  Fin,fin .";
    let dir = tempdir();
    // The same violations as prose: the control.
    write(
        dir.path(),
        "control.md",
        format!("---\nlang: fr\n---\n\n{bad}\n"),
    );
    let control = json(&run(
        dir.path(),
        &["check", "--format", "json", "control.md"],
    ));
    let control_rules: Vec<String> = rule_texts(&files(&control)[0])
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    for rule in [
        "typography/space-before-comma",
        "typography/mismatched-quotes",
        "typography/doubled-space",
        "typography/missing-space-after-comma",
    ] {
        assert!(
            control_rules.iter().any(|r| r == rule),
            "control lacks {rule}: {control_rules:?}"
        );
    }

    let md = format!(
        "---\ntitle: Un titre , \"faux»\nlang: fr\n---\n\n\
         # Titre\n\n\
         Le texte est propre.\n\n\
         ```\n{bad}\n```\n\n\
         ~~~text\n{bad}\n~~~\n\n\
         \x20   {bad}\n\n\
         Voir `{bad}` ici.\n\n\
         Voir <https://example.com/a,b?q=\"non»> et <mailto:conseil,direction@example.fr>.\n\n\
         Voir https://example.com/chemin,avec,virgules?q=a,b puis www.example.org/a,b aussi.\n\n\
         Voir [le lien](https://example.com/x,y \"titre , »\") aussi.\n\n\
         <!-- {bad} -->\n\n\
         Un texte <!-- {bad} --> propre.\n\n\
         <div>\n{bad}\n</div>\n"
    );
    write(dir.path(), "story.md", &md);
    let out = run(
        dir.path(),
        &["check", "--format", "json", "--fail-on", "info", "story.md"],
    );
    let report = json(&out);
    check_contract(&report, dir.path());
    let file = &files(&report)[0];
    assert_eq!(file["language"], "fr", "front matter `lang: fr` is read");
    assert_eq!(findings(file).len(), 0, "{file:#}");
    assert_eq!(code(&out), 0);

    // Front matter decides the language over detection.
    write(
        dir.path(),
        "en.md",
        format!("---\nlang: en\n---\n\n{FRENCH}"),
    );
    let report = json(&run(dir.path(), &["check", "--format", "json", "en.md"]));
    assert_eq!(files(&report)[0]["language"], "en");
    // A `.txt` file has no front matter: the same text is prose.
    write(dir.path(), "story.txt", &md);
    let report = json(&run(
        dir.path(),
        &["check", "--format", "json", "story.txt"],
    ));
    assert!(!findings(&files(&report)[0]).is_empty());
}

#[test]
fn bom_crlf_and_lone_cr_keep_lines_columns_and_byte_spans() {
    let dir = tempdir();
    // Arabic, with a BOM and CRLF line ends.
    write(
        dir.path(),
        "crlf.txt",
        "\u{feff}قال المتحدث،ثم غادر.\r\nوقال مسؤول ، إن العرض مرفوض.\r\n",
    );
    // French, with lone CRs.
    write(
        dir.path(),
        "cr.txt",
        "\u{feff}Le conseil a dit.\rLe texte , selon lui.\r«non\u{202F}» dit-il, « oui ».",
    );
    // English, LF, with the BOM only.
    write(
        dir.path(),
        "lf.txt",
        "\u{feff}The offer , was\nrejected  today.",
    );
    let out = run(
        dir.path(),
        &["check", "--format", "json", "crlf.txt", "cr.txt", "lf.txt"],
    );
    let report = json(&out);
    check_contract(&report, dir.path());
    let find = |file: &Value, rule: &str| -> Value {
        findings(file)
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {file:#}"))
            .clone()
    };
    let pos = |f: &Value| {
        let s = &f["span"];
        [
            usize_of(&s["start"]),
            usize_of(&s["line"]),
            usize_of(&s["column"]),
            usize_of(&s["end_line"]),
            usize_of(&s["end_column"]),
        ]
    };
    let f = files(&report);
    assert_eq!(f[0]["path"], "cr.txt");
    assert_eq!(f[1]["path"], "crlf.txt");
    assert_eq!(f[2]["path"], "lf.txt");

    // cr.txt: " ," on line 2, after "Le texte" (8 chars).
    let cr = find(&f[0], "typography/space-before-comma");
    assert_eq!(pos(&cr), [3 + 18 + 8, 2, 9, 2, 11]);
    assert_eq!(cr["text"], " ,");
    let guillemet = find(&f[0], "typography/missing-space-inside-guillemets");
    assert_eq!(pos(&guillemet)[1..], [3, 1, 3, 5]);

    // crlf.txt: "،ثم" at line 1, column 12 (the BOM is not a column); " ،"
    // at line 2 column 11.
    let glued = find(&f[1], "typography/missing-space-after-punctuation");
    assert_eq!(glued["text"], "،ثم");
    assert_eq!(pos(&glued), [3 + "قال المتحدث".len(), 1, 12, 1, 15]);
    let spaced = find(&f[1], "typography/space-before-punctuation");
    let line2 = "\u{feff}قال المتحدث،ثم غادر.\r\n".len();
    assert_eq!(pos(&spaced), [line2 + "وقال مسؤول".len(), 2, 11, 2, 13]);

    // lf.txt: " ," at 1:10, "  " at 2:9.
    assert_eq!(
        pos(&find(&f[2], "typography/space-before-punctuation")),
        [12, 1, 10, 1, 12]
    );
    assert_eq!(
        pos(&find(&f[2], "typography/doubled-space"))[1..],
        [2, 9, 2, 11]
    );

    // The human format shows the same places.
    let human = stdout(&run(
        dir.path(),
        &["check", "--color", "never", "crlf.txt", "cr.txt"],
    ));
    assert!(human.contains("--> crlf.txt:1:12"), "{human}");
    assert!(human.contains("--> crlf.txt:2:11"), "{human}");
    assert!(human.contains("--> cr.txt:2:9"), "{human}");
    assert!(!human.contains('\r'), "a CR in the snippet: {human:?}");
}

// ---------------------------------------------------------------------------
// Rule packs.

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

[[examples]]
lang = "en"
text = "I saw teh offer."
flagged = ["teh"]
fixed = "I saw the offer."

[[examples]]
lang = "en"
text = "I saw the offer."
flagged = []
"#;

fn pack(dir: &Path, name: &str, files: &[(&str, &str)]) {
    for (rel, text) in files {
        write(dir, &format!("{name}/{rel}"), text);
    }
}

#[test]
fn rule_packs_add_rules_and_override_defaults() {
    let dir = tempdir();
    let p = dir.path();
    write(p, "en.txt", "I saw teh offer, it was  good.\n");
    // A default rule made an error by a pack.
    let doubled = "kind = \"spacing\"\ncategory = \"typography\"\nseverity = \"error\"\n\
        languages = [\"en\"]\nsummary = \"Doubled spaces.\"\nmessage = \"doubled space\"\n\n\
        [params]\nmode = \"double-space\"\n\n\
        [[examples]]\ntext = \"a  b\"\nflagged = [\"  \"]\n\n\
        [[examples]]\ntext = \"a b\"\nflagged = []\n";
    pack(p, "pack1", &[("custom/teh.toml", PACK_RULE)]);
    pack(p, "pack2", &[("typography/doubled-space.toml", doubled)]);

    let plain = json(&run(p, &["check", "--format", "json", "en.txt"]));
    assert!(
        !rule_texts(&files(&plain)[0])
            .iter()
            .any(|(r, _)| r == "custom/teh")
    );

    let out = run(
        p,
        &["check", "--format", "json", "--rules", "pack1", "en.txt"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    check_contract(&report, p);
    assert!(has(&files(&report)[0], "custom/teh", "teh"));

    // Default: the doubled space is an info; the pack makes it an error.
    let out = run(
        p,
        &["check", "--select", "typography/doubled-space", "en.txt"],
    );
    assert_eq!(code(&out), 0);
    let out = run(
        p,
        &[
            "check",
            "--format",
            "json",
            "--rules",
            "pack1",
            "--rules",
            "pack2",
            "--select",
            "typography/doubled-space",
            "en.txt",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    let f = &findings(&files(&report)[0])[0];
    assert_eq!(f["severity"], "error");
    assert_eq!(f["message"], "doubled space");
    // Selection knows the pack's rules.
    let out = run(
        p,
        &["check", "--rules", "pack1", "--select", "custom", "en.txt"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));

    // `rules list` shows where each rule comes from.
    let list = json(&run(
        p,
        &["rules", "list", "--format", "json", "--rules", "pack2"],
    ));
    let rule = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "typography/doubled-space")
        .unwrap();
    assert_eq!(rule["severity"], "error");
    assert!(rule["origin"].as_str().unwrap().contains("pack2"), "{rule}");

    let out = run(p, &["check", "--rules", "no-such-pack", "en.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no-such-pack"), "{}", stderr(&out));
}

#[test]
fn broken_rule_files_are_reported_with_path_line_column_and_key() {
    let base = "kind = \"pattern\"\ncategory = \"typography\"\nseverity = \"warning\"\n\
        languages = [\"en\"]\nsummary = \"Flags teh.\"\nmessage = \"write «the», not «{text}»\"\n";
    let cases: [(&str, String, &str, &str); 5] = [
        (
            "unknown key in [params]",
            format!("{base}\n[params]\nswap = {{ \"teh\" = \"the\" }}\nfrobnicate = 1\n"),
            ":10:1:",
            "frobnicate",
        ),
        (
            "unknown top-level key",
            format!("{base}colour = \"red\"\n\n[params]\nswap = {{ \"teh\" = \"the\" }}\n"),
            ":7:1:",
            "colour",
        ),
        (
            "bad kind",
            format!("{base}\n[params]\nswap = {{ \"teh\" = \"the\" }}\n")
                .replace("\"pattern\"", "\"patern\""),
            ":1:8:",
            "patern",
        ),
        (
            "TOML syntax error",
            format!("{base}\n[params]\nswap = {{ \"teh\" = \"the\" \n"),
            ":9:",
            "}",
        ),
        (
            "unknown placeholder",
            format!("{base}\n[params]\nswap = {{ \"teh\" = \"the\" }}\n")
                .replace("{text}", "{txet}"),
            ":6:",
            "{txet}",
        ),
    ];
    let dir = tempdir();
    write(dir.path(), "en.txt", CLEAN);
    for (what, text, place, key) in &cases {
        let pack_dir = format!("pack-{}", what.replace(' ', "-").replace(['[', ']'], ""));
        pack(dir.path(), &pack_dir, &[("custom/teh.toml", text)]);
        let file = format!("{pack_dir}/custom/teh.toml");
        for args in [
            vec!["check", "--rules", &pack_dir, "en.txt"],
            vec!["rules", "list", "--rules", &pack_dir],
            vec!["rules", "test", &pack_dir],
        ] {
            let out = run(dir.path(), &args);
            let err = stderr(&out);
            assert_eq!(code(&out), 2, "{what} ({args:?}): {err}");
            assert!(
                err.contains(&format!("{file}{place}")),
                "{what}: no `{file}{place}` in:\n{err}"
            );
            assert!(err.contains(key), "{what}: no `{key}` in:\n{err}");
            assert!(out.stdout.is_empty(), "{what}: output despite the error");
        }
    }
    // Two broken files: both are reported.
    let both = "pack-both";
    pack(
        dir.path(),
        both,
        &[("a/one.toml", &cases[0].1), ("b/two.toml", &cases[1].1)],
    );
    let err = stderr(&run(dir.path(), &["check", "--rules", both, "en.txt"]));
    for place in ["a/one.toml:10:1", "b/two.toml:7:1"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("error: ") && l.contains(place)),
            "no `error: …{place}` line in:\n{err}"
        );
    }
}

// ---------------------------------------------------------------------------
// rules list | explain | test.

#[test]
fn rules_list_in_both_formats() {
    let dir = tempdir();
    let human = run(dir.path(), &["rules", "list"]);
    assert_eq!(code(&human), 0);
    let human = stdout(&human);
    let listed = json(&run(dir.path(), &["rules", "list", "--format", "json"]));
    let rules = listed.as_array().expect("an array of rules");
    assert!(rules.len() >= 10, "{} rules", rules.len());
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "rules are sorted by id");
    for id in [
        "typography/mismatched-quotes",
        "typography/space-before-punctuation",
        "language/doubled-word",
    ] {
        assert!(ids.contains(&id), "{id} not listed");
    }
    for r in rules {
        for key in [
            "id",
            "kind",
            "category",
            "severity",
            "languages",
            "summary",
            "origin",
        ] {
            assert!(r.get(key).is_some(), "{key} missing: {r}");
        }
        let id = r["id"].as_str().unwrap();
        assert!(
            human.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} not in the human list"
        );
    }
    assert!(
        human.ends_with(&format!("{} rules\n", rules.len())),
        "{human}"
    );
}

#[test]
fn rules_explain_shows_a_rule_and_rejects_unknown_ids() {
    let dir = tempdir();
    let out = run(
        dir.path(),
        &["rules", "explain", "typography/mismatched-quotes"],
    );
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(
        text.starts_with("# typography/mismatched-quotes\n"),
        "{text}"
    );
    assert!(text.contains("severity: error"), "{text}");
    assert!(text.contains("## Flagged"), "{text}");

    let out = run(dir.path(), &["rules", "explain", "typography/no-such-rule"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("typography/no-such-rule"),
        "{}",
        stderr(&out)
    );
    let out = run(dir.path(), &["rules", "explain", "mismatched-quotes"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("typography/mismatched-quotes"),
        "a hint: {}",
        stderr(&out)
    );

    pack(dir.path(), "pack", &[("custom/teh.toml", PACK_RULE)]);
    let out = run(
        dir.path(),
        &["rules", "explain", "custom/teh", "--rules", "pack"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("Flags teh."));
}

#[test]
fn rules_test_runs_examples() {
    let dir = tempdir();
    let out = run(dir.path(), &["rules", "test"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = stdout(&out);
    assert!(!text.contains("FAIL"), "{text}");
    assert!(text.contains(" passed, 0 failed"), "{text}");

    pack(dir.path(), "good", &[("custom/teh.toml", PACK_RULE)]);
    let out = run(dir.path(), &["rules", "test", "good"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert_eq!(stdout(&out), "1 passed, 0 failed (2 examples in 1 rules)\n");
    // A pack called `rules`: the default rules (`rules/<id>.toml`) are not
    // taken for its own.
    pack(dir.path(), "rules", &[("custom/teh.toml", PACK_RULE)]);
    for arg in ["rules", "rules/", "./rules"] {
        let out = run(dir.path(), &["rules", "test", arg]);
        assert_eq!(code(&out), 0, "{}", stdout(&out));
        assert_eq!(
            stdout(&out),
            "1 passed, 0 failed (2 examples in 1 rules)\n",
            "{arg}"
        );
    }

    let broken = PACK_RULE.replace("flagged = [\"teh\"]", "flagged = [\"offer\"]");
    pack(dir.path(), "bad", &[("custom/teh.toml", &broken)]);
    let out = run(dir.path(), &["rules", "test", "bad"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("FAIL custom/teh example 1:")
                && l.contains("[\"offer\"]")
                && l.contains("[\"teh\"]")),
        "{text}"
    );
    assert!(
        text.ends_with("0 passed, 1 failed (2 examples in 1 rules)\n"),
        "{text}"
    );

    // A rule with no example that must be flagged.
    let lonely = PACK_RULE.replace(
        "[[examples]]\nlang = \"en\"\ntext = \"I saw teh offer.\"\nflagged = [\"teh\"]\nfixed = \"I saw the offer.\"\n",
        "",
    );
    assert_ne!(lonely, PACK_RULE);
    pack(dir.path(), "lonely", &[("custom/teh.toml", &lonely)]);
    let out = run(dir.path(), &["rules", "test", "lonely"]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("FAIL custom/teh: no example that must be flagged"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn human_output_names_bidi_controls_in_quoted_text() {
    let dir = tempdir();
    let rule = "kind = \"pattern\"\ncategory = \"typography\"\nseverity = \"warning\"\n\
        languages = [\"ar\", \"en\"]\nsummary = \"Bidi overrides.\"\nmessage = \"a bidi override\"\n\n\
        [params]\npatterns = ['\\w+[\\x{202A}-\\x{202E}]\\w+']\n\n\
        [[examples]]\ntext = \"a\\u202Eb\"\nflagged = [\"a\\u202Eb\"]\n\n\
        [[examples]]\ntext = \"a b\"\nflagged = []\n";
    pack(dir.path(), "pack", &[("custom/bidi.toml", rule)]);
    assert_eq!(code(&run(dir.path(), &["rules", "test", "pack"])), 0);
    write(
        dir.path(),
        "t.txt",
        "The file is named report\u{202E}fdp.exe today.\n",
    );
    let out = run(
        dir.path(),
        &[
            "check", "--color", "never", "--rules", "pack", "--select", "custom", "t.txt",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("«report⟨RLO⟩fdp»"), "{text}");
    let label = text.lines().find(|l| l.contains('«')).unwrap();
    assert!(
        !label.contains('\u{202E}'),
        "a raw override in the label: {label:?}"
    );
    // The JSON text stays the file's bytes.
    let report = json(&run(
        dir.path(),
        &[
            "check", "--format", "json", "--rules", "pack", "--select", "custom", "t.txt",
        ],
    ));
    assert!(has(&files(&report)[0], "custom/bidi", "report\u{202E}fdp"));
}

#[test]
fn human_format_snapshot() {
    let dir = tempdir();
    write(
        dir.path(),
        "ar.txt",
        "قال موسك: \"لقد حان الوقت». ثم غادر.\n",
    );
    let out = run(
        dir.path(),
        &[
            "check",
            "--color",
            "never",
            "--select",
            "typography/mismatched-quotes",
            "ar.txt",
        ],
    );
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(stdout(&out), @r#"
    error: quotation opened with «"» is closed with «»» [typography/mismatched-quotes]
     --> ar.txt:1:25
      |
    1 | قال موسك: "لقد حان الوقت». ثم غادر.
      |           -             ^ «»»
      |           |
      |           the quotation opens with «"» here
      |
      = help: close the quotation with «"» (suggestion)

    Found 1 finding (1 error, 0 warnings, 0 infos) in 1 file.
    "#);
}

// ---------------------------------------------------------------------------
// Dates: the publication date and the timeline (JSON contract, --timeline).

/// A Markdown article whose front matter dates it; `yesterday` and `last
/// December` resolve against it.
const DATED: &str = "---\npublished: 2025-02-11T09:30:00+01:00\n---\n\nThe group said yesterday that it was founded in 2015, and that its offer of last December still stood.\n";

#[test]
fn front_matter_publication_date_resolves_the_timeline() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.md"), DATED).unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "a.md"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["published"], "2025-02-11");
    let timeline: Vec<(String, Value)> = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap().to_owned(), t["date"].clone()))
        .collect();
    assert_eq!(
        timeline,
        [
            ("2015".to_owned(), Value::from("2015")),
            ("last December".to_owned(), Value::from("2024-12")),
            ("yesterday".to_owned(), Value::from("2025-02-10")),
        ]
    );
    let first = &file["timeline"][0];
    assert_eq!(
        first["sentence"],
        "The group said yesterday that it was founded in 2015, and that its offer of last December still stood."
    );
    assert_eq!(
        &DATED[first["span"]["start"].as_u64().unwrap() as usize..][..4],
        "2015"
    );
    assert!(first.get("relative").is_none());
    assert_eq!(file["timeline"][2]["relative"], "day-1");
}

#[test]
fn published_flag_overrides_front_matter_and_missing_dates_stay_unresolved() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.md"), DATED).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "The group said yesterday that its offer stood.\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--published",
            "2024-03-05",
            "a.md",
        ],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["published"], "2024-03-05");
    let dates: Vec<&str> = v["files"][0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["date"].as_str())
        .collect();
    assert_eq!(dates, ["2015", "2023-12", "2024-03-04"]);
    // Without any publication date, relative dates are listed unresolved.
    let out = run(dir.path(), &["check", "--format", "json", "b.txt"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &v["files"][0]["timeline"][0];
    assert_eq!(v["files"][0]["published"], Value::Null);
    assert_eq!(t["date"], Value::Null);
    assert_eq!(t["relative"], "day-1");
}

#[test]
fn timeline_flag_prints_the_chronology() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.md"), DATED).unwrap();
    let out = run(
        dir.path(),
        &["check", "--timeline", "--color", "never", "a.md"],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = "timeline of a.md (published 2025-02-11):\n  2015           5:49   «2015»\n  2024-12        5:77   «last December»  (month=12 last)\n  2025-02-10     5:16   «yesterday»  (day-1)\n";
    assert!(text.starts_with(expected), "{text}");
    let out = run(dir.path(), &["check", "--color", "never", "a.md"]);
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("timeline of")
    );
}

#[test]
fn the_reports_that_list_figures_list_them_whatever_rules_are_selected() {
    // Without the figure rules, the figures are not extracted for a report
    // that does not list them; those that do still list every one.
    let dir = tempdir();
    write(
        dir.path(),
        "a.txt",
        "On 3 March 2024 the firm raised $97.4 billion , then 9.74 billion.\n",
    );
    let json = run(
        dir.path(),
        &[
            "check",
            "--select",
            "typography",
            "--format",
            "json",
            "a.txt",
        ],
    );
    let report: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let file = &files(&report)[0];
    assert_eq!(
        file["amounts"].as_array().expect("amounts").len(),
        2,
        "{file}"
    );
    assert_eq!(
        file["timeline"].as_array().expect("timeline").len(),
        1,
        "{file}"
    );
    assert_eq!(findings(file).len(), 1, "{file}");
    let listed = run(
        dir.path(),
        &[
            "check",
            "--select",
            "typography",
            "--amounts",
            "--timeline",
            "a.txt",
        ],
    );
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("2 amounts") && text.contains("97.4") && text.contains("2024-03-03"),
        "{text}"
    );
    let human = run(dir.path(), &["check", "--select", "typography", "a.txt"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("typography/space-before-punctuation"),
        "{text}"
    );
}
