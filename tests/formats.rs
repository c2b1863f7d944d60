//! The report formats of `--format sarif|github|junit|markdown` and
//! `--output FILE`, run as a program: a snapshot of each format on the seed
//! article and on a small set of files (Arabic, French, English, a clean
//! file, a file with invalid UTF-8), the SARIF log validated against the
//! SARIF 2.1.0 schema, and fingerprints that survive edits elsewhere in the
//! file. Snapshots live in the top-level `snapshots/` folder.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const SEED: &str = "seeds/000_1da055f338dfc321.txt";

const FORMATS: [&str; 4] = ["sarif", "github", "junit", "markdown"];

/// The small set: file name and bytes.
///
/// - Arabic: a space before `،` and `،` glued to the next word (both with a
///   fix), a quotation opened with `"` and closed with `»` (an error with a
///   related span), an emoji and a bidi mark.
/// - French: a glued opening guillemet and a space before a comma.
/// - English (Markdown, a name with a comma and a space): a space before a
///   comma, a doubled space, a doubled word, `|` and backticks nearby.
/// - A clean file, and one that is not UTF-8.
const SET: [(&str, &[u8]); 5] = [
    (
        "ar.txt",
        "قال المتحدث ، إن الشركة،ستواصل العمل 😀 \u{200F}وقال: \"لا شكرًا».\n".as_bytes(),
    ),
    (
        "fr.txt",
        "Le conseil , a répondu «non\u{202F}» à l’offre\u{202F}; « Non\u{202F}», a-t-il dit.\n"
            .as_bytes(),
    ),
    (
        "news, en.md",
        b"# Offer\n\nThe offer , reported on Monday | Tuesday, was  rejected by the the board.\n",
    ),
    (
        "clean.txt",
        b"The board met on Monday and rejected the offer.\n",
    ),
    ("bad.txt", b"Le conseil \xff a dit.\n"),
];

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("factlint runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0..=2)) && !err.contains("panicked"),
        "factlint failed ({:?}):\n{err}",
        out.status
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The small set written to a new folder.
fn set_dir() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in SET {
        std::fs::write(dir.path().join(name), bytes).expect("write file");
    }
    dir
}

fn set_args(format: &str) -> Vec<String> {
    let mut args = vec!["check".to_owned(), "--format".to_owned(), format.to_owned()];
    args.extend(SET.iter().map(|(name, _)| (*name).to_owned()));
    args
}

fn run_set(dir: &Path, format: &str) -> Output {
    let args = set_args(format);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    factlint(dir, &args)
}

fn run_seed(format: &str) -> Output {
    factlint(
        root(),
        &[
            "check",
            "--published",
            "2025-02-11",
            "--format",
            format,
            SEED,
        ],
    )
}

/// The output, with the rule explanations of a SARIF log left out: they
/// are the rule reference (`rule_reference.snap`) over again.
fn shortened(out: &Output, format: &str) -> String {
    let text = stdout(out);
    if format != "sarif" {
        return text;
    }
    let mut kept = String::new();
    let mut skipping: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(end) = &skipping {
            if line.starts_with(end.as_str()) {
                skipping = None;
            }
            continue;
        }
        for key in ["\"fullDescription\": {", "\"help\": {"] {
            if trimmed.starts_with(key) {
                skipping = Some(format!("{indent}}}"));
                let _ = writeln!(kept, "{indent}{key} … }},");
            }
        }
        if skipping.is_none() {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

#[test]
fn snapshots_of_the_seed() {
    for format in FORMATS {
        let out = run_seed(format);
        assert_eq!(out.status.code(), Some(1), "the seed has errors");
        settings().bind(|| {
            insta::assert_snapshot!(format!("formats_seed_{format}"), shortened(&out, format));
        });
    }
}

#[test]
fn snapshots_of_the_small_set() {
    let dir = set_dir();
    for format in FORMATS {
        let out = run_set(dir.path(), format);
        assert_eq!(out.status.code(), Some(2), "bad.txt is not UTF-8");
        settings().bind(|| {
            insta::assert_snapshot!(format!("formats_set_{format}"), shortened(&out, format));
        });
        // Deterministic: the same run prints the same bytes.
        assert_eq!(run_set(dir.path(), format).stdout, out.stdout, "{format}");
    }
}

fn sarif(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

fn assert_valid_sarif(log: &Value) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} is absent: the SARIF log is not validated against the schema");
        return;
    };
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let dir = set_dir();
    assert_valid_sarif(&sarif(&run_set(dir.path(), "sarif")));
    assert_valid_sarif(&sarif(&run_seed("sarif")));
}

#[test]
fn sarif_results_point_at_their_rule_and_their_bytes() {
    let dir = set_dir();
    let log = sarif(&run_set(dir.path(), "sarif"));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 20, "every rule in force is listed");
    let quotes = rules
        .iter()
        .find(|r| r["id"] == "typography/mismatched-quotes")
        .unwrap();
    let explanation = quotes["fullDescription"]["text"].as_str().unwrap();
    assert!(explanation.len() > 100, "{explanation}");
    assert_eq!(quotes["help"]["markdown"], explanation);
    assert_eq!(quotes["defaultConfiguration"]["level"], "error");
    assert_eq!(quotes["properties"]["category"], "typography");
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let index = usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        let name = uri.replace("%2C", ",").replace("%20", " ");
        let bytes = SET.iter().find(|(n, _)| *n == name).unwrap().1;
        let region = &loc["region"];
        let start = usize::try_from(region["byteOffset"].as_u64().unwrap()).unwrap();
        let len = usize::try_from(region["byteLength"].as_u64().unwrap()).unwrap();
        assert_eq!(
            region["snippet"]["text"].as_str().unwrap().as_bytes(),
            &bytes[start..start + len]
        );
    }
    // A related location, a fix, and the unreadable file.
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert!(results.iter().any(|r| r["fixes"].is_array()));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8")
    );
}

/// `(ruleId, fingerprint)` of every result.
fn fingerprints(log: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["partialFingerprints"]["factlint/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn sarif_fingerprints_survive_edits_elsewhere_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let finding = "The offer , was rejected by the the board.";
    let before = format!("{finding}\n\nThe vote was close.\n");
    let after = format!(
        "A new first paragraph, long enough to move every line and column.\n\n{finding}\n\n\
         The vote was close. The chairman said so on Monday.\n"
    );
    let path = dir.path().join("a.txt");
    std::fs::write(&path, before).unwrap();
    let a = fingerprints(&sarif(&factlint(
        dir.path(),
        &["check", "--format", "sarif", "a.txt"],
    )));
    std::fs::write(&path, after).unwrap();
    let b = fingerprints(&sarif(&factlint(
        dir.path(),
        &["check", "--format", "sarif", "a.txt"],
    )));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = set_dir();
    let stdout_run = run_set(dir.path(), "junit");
    let mut args = set_args("junit");
    args.extend(["--output".to_owned(), "reports/out.xml".to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    // A folder that does not exist: an error, and nothing is written.
    let out = factlint(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reports/out.xml"));

    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/out.xml"), "old report").unwrap();
    let out = factlint(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2), "bad.txt is still not UTF-8");
    assert!(out.stdout.is_empty(), "nothing on standard output");
    let written = std::fs::read(dir.path().join("reports/out.xml")).unwrap();
    assert_eq!(written, stdout_run.stdout);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.xml"]);
}

#[test]
fn github_annotations_name_file_place_and_rule() {
    let dir = set_dir();
    let text = stdout(&run_set(dir.path(), "github"));
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
    }
    assert!(
        text.contains("::error file=bad.txt,line=1,col=12::"),
        "{text}"
    );
    assert!(text.contains("file=news%2C en.md,line=3,col="), "{text}");
}
