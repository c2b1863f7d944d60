//! Hostile and broken input, run through the binary: each gives a clear
//! message with its path (and line and column where there is one) and exit
//! status 2 or a warning, the other files are still checked, and nothing
//! panics or hangs. Big inputs are generated here, in a temporary folder.

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A generous deadline for one run of the debug binary.
const DEADLINE: Duration = Duration::from_secs(120);

/// A file with findings, to show that the other files are still checked.
const FLAWED: &str = "The offer , reported on Monday, was rejected.\n";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn factlint(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// Waits for `child` at most [`DEADLINE`]; kills it and fails past it.
fn wait(mut child: Child, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("factlint {what} took more than {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs factlint in `dir` with a deadline; its output goes through files
/// (a pipe that nobody reads could block it).
fn run(dir: &Path, args: &[&str]) -> Run {
    let out = TempDir::new().unwrap();
    let (o, e) = (out.path().join("out"), out.path().join("err"));
    let child = factlint(dir, args)
        .stdout(std::fs::File::create(&o).unwrap())
        .stderr(std::fs::File::create(&e).unwrap())
        .spawn()
        .expect("factlint runs");
    let status = wait(child, &args.join(" "));
    let run = Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&std::fs::read(&o).unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&e).unwrap()).into_owned(),
    };
    assert_no_panic(&run);
    run
}

fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "factlint panicked:\n{}",
        run.stderr
    );
    assert!(
        matches!(run.code, Some(0..=2)),
        "unexpected status {:?}; stderr:\n{}",
        run.code,
        run.stderr
    );
}

fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// The other file of the folder was checked: its finding is reported.
fn assert_flawed_checked(run: &Run) {
    assert!(
        run.stdout.contains("flawed.txt") && run.stdout.contains("space-before-punctuation"),
        "flawed.txt not checked:\n{}",
        run.stdout
    );
}

#[test]
fn invalid_utf8_names_path_line_and_column_and_the_other_files_are_checked() {
    let dir = folder(&[
        ("bad.txt", b"first line\nab\xffcd\n"),
        ("flawed.txt", FLAWED.as_bytes()),
    ]);
    let r = run(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("bad.txt:2:3: invalid UTF-8 at byte offset 13"),
        "{}",
        r.stderr
    );
    assert_flawed_checked(&r);
}

#[test]
fn utf16_and_utf32_with_a_byte_order_mark_are_named() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Hello, world.".encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend("مرحبا".encode_utf16().flat_map(u16::to_be_bytes));
    let dir = folder(&[
        ("le.txt", &utf16),
        ("be.txt", &utf16be),
        ("utf32.txt", b"\xff\xfe\0\0a\0\0\0"),
        ("flawed.txt", FLAWED.as_bytes()),
    ]);
    let r = run(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    for (file, encoding) in [
        ("le.txt", "UTF-16 (little-endian)"),
        ("be.txt", "UTF-16 (big-endian)"),
        ("utf32.txt", "UTF-32 (little-endian)"),
    ] {
        assert!(
            r.stderr.contains(&format!(
                "{file}: cannot read: {encoding} is not supported (byte order mark); convert the file to UTF-8"
            )),
            "{file}: {}",
            r.stderr
        );
    }
    assert_flawed_checked(&r);
}

#[test]
fn nul_bytes_and_endless_devices_are_skipped_as_binary() {
    let dir = folder(&[("bin.txt", b"ab\0cd"), ("flawed.txt", FLAWED.as_bytes())]);
    // `/dev/zero` never ends: reading stops at its first NUL bytes.
    let r = run(dir.path(), &["check", ".", "/dev/zero"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("bin.txt: skipped: binary file (it holds NUL bytes)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("warning: /dev/zero: skipped: binary file"),
        "{}",
        r.stderr
    );
    assert_flawed_checked(&r);
}

#[test]
fn an_empty_file_and_dev_null_are_clean() {
    let dir = folder(&[("empty.txt", b""), ("empty.md", b"")]);
    let r = run(dir.path(), &["check", ".", "/dev/null"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stderr, "");
}

/// Repeats `unit` to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

/// A suppression directive on every other line, in plain text and in
/// Markdown: each silences the finding on the line after it, and nothing
/// is left (every line was once held against every directive: 20,000 of
/// them took a second, a million would have taken hours).
#[test]
fn a_directive_on_every_other_line_silences_its_line() {
    let n = 20_000;
    let mut text = String::new();
    let mut md = String::new();
    for _ in 0..n {
        text.push_str("[factlint-disable-next-line typography/space-before-punctuation]\n");
        text.push_str("The offer , was rejected.\n");
        md.push_str("<!-- factlint-disable-next-line typography/space-before-punctuation -->\n");
        md.push_str("The offer , was rejected.\n\n");
    }
    let dir = folder(&[("many.txt", text.as_bytes()), ("many.md", md.as_bytes())]);
    for file in ["many.txt", "many.md"] {
        let r = run(dir.path(), &["check", "--fail-on", "info", file]);
        assert_eq!(r.code, Some(0), "{file}: {}", r.stderr);
        assert!(
            r.stdout.starts_with("No findings in 1 file"),
            "{file}: {}",
            &r.stdout[..r.stdout.len().min(500)]
        );
    }
}

#[test]
fn a_long_file_with_no_line_break_is_checked() {
    // Findings all along one line: columns and snippets far into it.
    let text = repeat(
        "The board met on Monday and rejected the offer of 97 billion dollars , said  Musk. ",
        100_000,
    );
    let dir = folder(&[("long.txt", text.as_bytes())]);
    let r = run(dir.path(), &["check", "--fail-on", "warning", "long.txt"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    // The last finding's column is counted from the start of the line.
    let last = text.rfind(" ,").unwrap();
    assert!(
        r.stdout
            .contains(&format!("long.txt:1:{}", text[..last].chars().count() + 1)),
        "{}",
        &r.stdout[r.stdout.len().saturating_sub(2000)..]
    );
    let r = run(dir.path(), &["check", "--format", "json", "long.txt"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// Figures that share their digits and their subject, by the thousand:
/// each is compared with its nearest neighbours only (an index by cue and a
/// window), not with every figure before it.
#[test]
fn thousands_of_related_figures_are_checked() {
    let mut text = String::new();
    for i in 0..20_000 {
        writeln!(
            text,
            "The company said its revenue was $1.5 billion in the year.\n\n\
             Revenue reached ${} billion, the company said.\n",
            15 + i % 7
        )
        .expect("write to a string");
    }
    let dir = folder(&[("figures.txt", text.as_bytes())]);
    let r = run(dir.path(), &["check", "--format", "json", "figures.txt"]);
    assert_no_panic(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let findings = json["files"][0]["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["rule"] == "amount/decimal-shift"),
        "1.5 and 15 billion"
    );
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "amount/changed-figure"),
        "revenue of 15 and 16 billion"
    );
}

/// One sentence that lists a hundred thousand numbers before a scale word:
/// each bare number is linked to a figure found by its digits or near it,
/// not by comparing it with every figure of the sentence (which took
/// minutes).
#[test]
fn a_sentence_of_a_hundred_thousand_numbers_is_checked() {
    let mut text = String::from("The funds were ");
    for i in 0..100_000 {
        write!(text, "{}, ", i % 900 + 1).expect("write to a string");
    }
    text.push_str("7 and 8 billion dollars.\n");
    let dir = folder(&[("list.txt", text.as_bytes())]);
    let r = run(dir.path(), &["check", "--format", "json", "list.txt"]);
    assert_no_panic(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let amounts = json["files"][0]["amounts"].as_array().expect("amounts");
    // `7 and 8 billion dollars`: the 7 takes the scale and currency of 8.
    let seven = &amounts[amounts.len() - 2];
    assert_eq!(
        (
            seven["text"].as_str(),
            seven["value"].as_str(),
            seven["currency"].as_str()
        ),
        (Some("7"), Some("7000000000"), Some("USD")),
        "{seven}"
    );
}

/// One paragraph of 150,000 hashtags, handles and links (8.2 MB), then a
/// sentence: the names in them are not mentions, and each word is held
/// against the masked stretches by binary search (a scan of them all,
/// once for every capitalized word, took minutes).
/// A paragraph without a full stop is one sentence however long: each of
/// its dates gives a window of it in the JSON timeline, not the whole, so
/// that the report grows with the text, not with its square (1 MB of Hijri
/// dates separated by commas gave 3.65 GB of JSON).
#[test]
fn a_long_sentence_of_dates_gives_each_timeline_entry_a_window_of_it() {
    let dates = |n: usize| {
        (0..n)
            .map(|i| format!("on {} March {}", i % 28 + 1, 1990 + i % 30))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut sizes = Vec::new();
    for n in [500, 1000] {
        let text = format!("The board met {}.\n", dates(n));
        let dir = folder(&[("a.txt", text.as_bytes())]);
        let r = run(dir.path(), &["check", "--format", "json", "a.txt"]);
        let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
        let timeline = json["files"][0]["timeline"].as_array().expect("a timeline");
        assert_eq!(timeline.len(), n);
        for entry in timeline {
            let sentence = entry["sentence"].as_str().expect("a sentence");
            let mention = entry["text"].as_str().expect("a mention");
            assert!(sentence.len() <= 1024, "{} bytes", sentence.len());
            assert!(sentence.contains(mention), "{mention}: {sentence}");
            assert!(text.contains(sentence.trim_matches('…')), "{sentence}");
        }
        // The first date's window starts with the sentence.
        let first = timeline
            .iter()
            .find(|e| e["span"]["start"] == 17)
            .expect("the first date");
        let sentence = first["sentence"].as_str().expect("a sentence");
        assert!(sentence.starts_with("The board met on 1 March 1990, "));
        assert!(sentence.ends_with('…'));
        sizes.push(r.stdout.len());
    }
    // Twice the dates, about twice the report (it was four times).
    assert!(sizes[1] < 5 * sizes[0] / 2, "{sizes:?}");
}

/// The HTML, Markdown and `JUnit` reports keep each file's part as it
/// comes, past 4 MB in a temporary file; where none can be made (no
/// temporary folder), in memory: the report is the same either way.
#[test]
fn a_long_report_is_the_same_with_and_without_a_temporary_folder() {
    let text = FLAWED.repeat(20_000);
    let dir = folder(&[("a.txt", text.as_bytes())]);
    let tmp = TempDir::new().unwrap();
    for format in ["html", "markdown", "junit"] {
        let mut reports = Vec::new();
        for tmpdir in [tmp.path(), Path::new("/nonexistent/factlint-tmp")] {
            let out = factlint(dir.path(), &["check", "--format", format, "a.txt"])
                .env("TMPDIR", tmpdir)
                .output()
                .expect("factlint runs");
            assert_eq!(out.status.code(), Some(0), "{format}: warnings only");
            assert!(out.stderr.is_empty(), "{format}");
            reports.push(out.stdout);
        }
        assert!(reports[0] == reports[1], "{format}");
        if format == "html" {
            // Past the memory's 4 MB: the temporary file was written.
            assert!(reports[0].len() > 8 << 20, "{}", reports[0].len());
        }
    }
}

#[test]
fn a_paragraph_of_links_and_handles_is_checked() {
    let mut text = String::from("The board of OpenAI met on Monday. ");
    for i in 0..150_000 {
        write!(text, "#Openai{i} @Openai https://example.com/Openai/{i} ").expect("write");
    }
    text.push_str("Openai said it would wait.\n");
    let dir = folder(&[("links.txt", text.as_bytes())]);
    let r = run(dir.path(), &["check", "--format", "json", "links.txt"]);
    assert_no_panic(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let findings = json["files"][0]["findings"].as_array().expect("findings");
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["entity/variant"], "{findings:?}");
    assert_eq!(
        findings[0]["span"]["start"].as_u64(),
        Some(text.rfind("Openai said").unwrap() as u64)
    );
}

/// A 100 MB file with no line break is one paragraph, checked as blocks
/// of at most 64 KiB cut at sentence ends (about 9 s and 570 MiB in the
/// debug build; as one block, 2.7 GiB in the release build, and over two
/// minutes in the debug build for a fifth of it). Its one finding, at the
/// end, is placed by its column on the one line.
#[test]
fn a_100_mb_file_with_no_line_break_is_checked() {
    let mut text = repeat(
        "The board met on Monday and rejected the offer. ",
        100_000_000,
    );
    text.push_str("The offer , he said, was final.");
    let dir = folder(&[("big.txt", text.as_bytes())]);
    let r = run(dir.path(), &["check", "big.txt"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let column = text.rfind(" ,").unwrap() + 1;
    assert!(
        r.stdout.contains(&format!(
            "space before «,» [typography/space-before-punctuation]\n --> big.txt:1:{column}\n"
        )),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Found 1 finding "), "{}", r.stdout);
}

#[test]
fn deep_nesting_and_huge_numbers_are_checked() {
    let digits = "7".repeat(1_000_000);
    let files: Vec<(String, String)> = vec![
        ("quotes.txt".into(), "\"".repeat(100_000)),
        // Marks glued to the word before them: each looks at what is still
        // to come in the paragraph (once, not again at each mark).
        ("glued-quotes.txt".into(), "x\" ".repeat(100_000)),
        ("guillemets.txt".into(), "«".repeat(100_000)),
        ("brackets.txt".into(), "(".repeat(100_000)),
        ("closing.txt".into(), ")]»”".repeat(25_000)),
        (
            "digits.txt".into(),
            format!("He paid ${digits} billion, or {digits}%."),
        ),
        ("grouped.txt".into(), repeat("123,", 1_000_000)),
        (
            "quote-blocks.md".into(),
            format!("{} deep\n", ">".repeat(10_000)),
        ),
        ("lists.md".into(), format!("{} deep\n", "- ".repeat(10_000))),
        (
            "emphasis.md".into(),
            format!("{}x{}\n", "*".repeat(10_000), "*".repeat(10_000)),
        ),
        ("links.md".into(), format!("{}x\n", "[".repeat(10_000))),
    ];
    let dir = TempDir::new().unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let r = run(
        dir.path(),
        &["check", "--format", "json", "--lang", "en", "."],
    );
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), files.len());
}

#[test]
fn unreadable_files_and_folders_are_errors_and_the_others_are_checked() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = folder(&[
        ("secret.txt", b"text"),
        ("locked/inner.txt", b"text"),
        ("flawed.txt", FLAWED.as_bytes()),
    ]);
    let set = |p: &str, mode: u32| {
        std::fs::set_permissions(dir.path().join(p), std::fs::Permissions::from_mode(mode))
            .unwrap();
    };
    set("secret.txt", 0o000);
    set("locked", 0o000);
    if std::fs::read(dir.path().join("secret.txt")).is_ok() {
        // Root (as in CI) reads anything.
        eprintln!("note: running as root: permissions are not enforced; test skipped");
        set("locked", 0o755);
        return;
    }
    let r = run(dir.path(), &["check", "."]);
    set("locked", 0o755);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("secret.txt: cannot read:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("locked"), "{}", r.stderr);
    assert_flawed_checked(&r);
}

#[test]
fn symbolic_link_loops_do_not_hang() {
    use std::os::unix::fs::symlink;
    let dir = folder(&[("flawed.txt", FLAWED.as_bytes())]);
    let p = dir.path();
    symlink(".", p.join("self")).unwrap();
    symlink("b.txt", p.join("a.txt")).unwrap();
    symlink("a.txt", p.join("b.txt")).unwrap();
    // A walked folder: links are not followed.
    let r = run(p, &["check", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_flawed_checked(&r);
    // A loop named on the command line: its error.
    let r = run(p, &["check", "a.txt", "flawed.txt"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("a.txt: cannot read:") && r.stderr.contains("symbolic links"),
        "{}",
        r.stderr
    );
    assert_flawed_checked(&r);
}

#[test]
fn a_fifo_is_never_opened() {
    let dir = folder(&[("flawed.txt", FLAWED.as_bytes())]);
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo is not available; test skipped");
        return;
    }
    // Walked: skipped (not a regular file).
    let r = run(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_flawed_checked(&r);
    // Named: an error, without waiting for a writer.
    let r = run(dir.path(), &["check", "pipe.txt", "flawed.txt"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("pipe.txt: cannot read: not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    assert_flawed_checked(&r);
}

#[test]
fn standard_input_closed_early_is_read_as_far_as_it_goes() {
    let dir = TempDir::new().unwrap();
    // The writer stops in the middle of a character and goes away.
    let mut child = factlint(dir.path(), &["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"The offer , was rejected \xd8").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("<stdin>:1:26: invalid UTF-8 at byte offset 25"),
        "{err}"
    );
    // Standard input closed before the run: read as empty.
    let sh = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "exec '{}' check - <&-",
            env!("CARGO_BIN_EXE_factlint")
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&sh.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(matches!(sh.status.code(), Some(0 | 2)), "{err}");
}

#[test]
fn a_broken_pipe_on_output_is_not_an_error() {
    // Enough findings to fill a pipe many times over.
    let dir = folder(&[("many.txt", repeat("A , b.\n", 70_000).as_bytes())]);
    for format in ["human", "json"] {
        let mut child = factlint(dir.path(), &["check", "--format", format, "many.txt"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -1`
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let mut stderr = child.stderr.take().unwrap();
        let status = wait(child, "with a closed output");
        let mut err = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut err).unwrap();
        assert!(matches!(status.code(), Some(0 | 1)), "{status:?}: {err}");
        assert_eq!(err, "", "{format}");
    }
}

/// A rule pack holding one rule file, `house/bad.toml`.
fn pack(rule: &str) -> TempDir {
    folder(&[("rules/house/bad.toml", rule.as_bytes())])
}

const RULE_HEAD: &str = r#"kind = "pattern"
category = "typography"
severity = "warning"
languages = ["en"]
summary = "A test rule."
message = "flagged"
explanation = "A test rule."
"#;

#[test]
fn broken_rule_files_are_errors_with_their_place() {
    let cases: [(&str, String, &str); 5] = [
        (
            "unknown key",
            format!("{RULE_HEAD}colour = \"red\"\n[params]\npatterns = ['x']\n"),
            "bad.toml:8:1: invalid rule file: unknown field `colour`",
        ),
        (
            "wrong type",
            RULE_HEAD.replace("severity = \"warning\"", "severity = 3")
                + "[params]\npatterns = ['x']\n",
            "bad.toml:3:12: invalid rule file:",
        ),
        (
            "duplicate key",
            format!("{RULE_HEAD}message = \"again\"\n[params]\npatterns = ['x']\n"),
            "bad.toml:8:1: invalid rule file: duplicate key",
        ),
        (
            "invalid regex",
            format!("{RULE_HEAD}[params]\npatterns = ['(unclosed']\n"),
            "unclosed group",
        ),
        (
            "regex too big",
            format!("{RULE_HEAD}[params]\npatterns = ['(\\w{{100}}){{100}}']\n"),
            "exceeds size limit",
        ),
    ];
    for (what, rule, expected) in cases {
        let dir = pack(&rule);
        std::fs::write(dir.path().join("a.txt"), "x\n").unwrap();
        let r = run(dir.path(), &["check", "--rules", "rules", "a.txt"]);
        assert_eq!(r.code, Some(2), "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains("house/bad.toml") && r.stderr.contains(expected),
            "{what}: {}",
            r.stderr
        );
    }
}

#[test]
fn a_rule_pack_replaces_a_rule_of_the_same_id() {
    // Two packs with the same id: the later one wins (documented), no error.
    let rule = format!("{RULE_HEAD}[params]\npatterns = ['zzz']\n");
    let dir = folder(&[
        ("one/house/r.toml", rule.as_bytes()),
        (
            "two/house/r.toml",
            rule.replace("flagged", "second").as_bytes(),
        ),
        ("a.txt", b"zzz\n"),
    ]);
    let r = run(
        dir.path(),
        &[
            "check", "--rules", "one", "--rules", "two", "--lang", "en", "a.txt",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout.matches("[house/r]").count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("second [house/r]"), "{}", r.stdout);
}

#[test]
fn catastrophic_backtracking_patterns_run_in_linear_time() {
    let rule = format!("{RULE_HEAD}[params]\npatterns = ['(a+)+$', '(x|xx)+y', '(.*a){{20}}']\n");
    let dir = pack(&rule);
    std::fs::write(
        dir.path().join("a.txt"),
        format!("{}b\n{}\n", "a".repeat(100_000), "x".repeat(100_000)),
    )
    .unwrap();
    let start = Instant::now();
    let r = run(
        dir.path(),
        &["check", "--rules", "rules", "--lang", "en", "a.txt"],
    );
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
    assert!(start.elapsed() < Duration::from_secs(60));
}

const FACT: &str = r#"[[fact]]
id = "offer"
description = "The offer"
entity = "OpenAI"
value = "97.4e9"
currency = "USD"
date = "2025-02"
source = "Reuters"

[fact.cues]
all = ["offer"]
"#;

#[test]
fn broken_fact_sheets_are_errors_with_their_place() {
    let cases = [
        (
            "invalid date",
            FACT.replace("2025-02", "2025-13"),
            ":7:8: invalid rule file:",
            "date",
        ),
        (
            "invalid amount",
            FACT.replace("97.4e9", "lots"),
            ":5:9: invalid rule file:",
            "value",
        ),
        (
            "duplicate id",
            format!("{FACT}\n{FACT}"),
            ":14:6: invalid rule file:",
            "id",
        ),
    ];
    for (what, sheet, place, key) in cases {
        let dir = folder(&[("sheet.toml", sheet.as_bytes()), ("a.txt", b"x\n")]);
        let r = run(dir.path(), &["check", "--facts", "sheet.toml", "a.txt"]);
        assert_eq!(r.code, Some(2), "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("sheet.toml{place}"))
                && r.stderr.contains(&format!("(key `{key}`)")),
            "{what}: {}",
            r.stderr
        );
    }
}

/// Found by the `check` fuzz target: Markdown in which a construct maps a
/// long stretch of the original to one place, so that two entity mentions
/// there (a name and a misspelling of another) had the same span. Sorted by
/// span, they broke the order by place that the lookups by sentence rely on
/// (a debug assertion; release builds could miss a mention).
#[test]
fn mentions_stay_in_text_order_where_markdown_maps_a_stretch_to_one_place() {
    let input = include_bytes!("fixtures/fuzz/check-mentions-order.md");
    let dir = folder(&[("a.md", input)]);
    let args = ["check", "--lang", "en", "--published", "2025-02-11", "a.md"];
    let run = run(dir.path(), &args);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
}

/// Found by the `check` fuzz target: a figure near the largest decimal
/// (`$44444444444444444445bn` is 4.4 × 10²⁸) times a rule's ratio overflowed
/// and panicked. Every amount check is given figures at the edges of the
/// decimal type (the largest, figures whose millions or billions come near
/// it, the smallest step, 28 places) in each of its sentence shapes, against
/// a fact sheet at the same edges.
#[test]
fn figures_at_the_edges_of_the_decimal_type_are_checked() {
    const EDGES: [&str; 8] = [
        "79228162514264337593543950335",
        "79228162514264337593543.95",
        "44444444444444444445",
        "50000000000000000000",
        "7922816251426433759354395033.5",
        "0.0000000000000000000000000001",
        "99999999999999999999999999999",
        "1",
    ];
    let shapes = [
        "Musk made an offer of ${a}bn for Twitter in April. The board accepted the ${b}bn offer after two weeks.",
        "Musk made an offer of ${a}bn for Twitter in April. The board accepted the ${b} offer after {c} weeks.",
        "The company laid off {a} of {b} employees, or {c}%, last year.",
        "The company laid off {a} million of {b} million employees, or {c}%, last year.",
        "Some {a} million of the {b} million voters, or nearly {c}%, turned out.",
        "The state will spend a total of ${a} million: ${b} million for schools, ${c} million for roads and ${b} million for hospitals.",
        "OpenAI received an offer of about ${a} billion, up to ${b} billion, more than ${c} billion.",
        "قدم ماسك عرضا بقيمة {a} مليار دولار لشراء تويتر. ووافق مجلس الإدارة على العرض البالغ {b} مليار دولار، أي {c}%.",
        "Elon Musk a fait une offre de {a} milliards de dollars. Le conseil a accepté l'offre de {b} milliards de dollars, soit {c} %.",
    ];
    let sheet = FACT.replace(
        "value = \"97.4e9\"",
        "value = \"79228162514264337593543950335\"\ntolerance = \"99.99999999999999999999999999%\"\nhedge = \"approx\"",
    ) + &FACT
        .replace("id = \"offer\"", "id = \"tiny\"")
        .replace("97.4e9", "0.0000000000000000000000000001");
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("sheet.toml"), sheet).unwrap();
    for (k, shape) in shapes.iter().enumerate() {
        let mut text = String::new();
        for a in EDGES {
            for b in EDGES {
                for c in EDGES {
                    let s = shape.replace("{a}", a).replace("{b}", b).replace("{c}", c);
                    text.push_str(&s);
                    text.push_str("\n\n");
                }
            }
        }
        std::fs::write(dir.path().join(format!("shape-{k}.txt")), text).unwrap();
    }
    let r = run(
        dir.path(),
        &["check", "--format", "json", "--facts", "sheet.toml", "."],
    );
    assert_no_panic(&r);
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), shapes.len());
    // The shapes are read as figures: the checks had something to compare.
    let findings: usize = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["findings"].as_array().unwrap().len())
        .sum();
    assert!(findings > 0, "{}", r.stdout);
}

/// The fuzz crate (`fuzz/`, a workspace of its own) locks every package it
/// shares with factlint at the version factlint ships with, so that fuzzing
/// exercises the code that is released (its lock file was made by copying
/// `Cargo.lock`; cargo adds only the fuzzing crates to it).
#[test]
fn the_fuzz_targets_build_with_the_dependency_versions_that_ship() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let packages = |path: &Path| -> Vec<(String, String)> {
        let text = std::fs::read_to_string(path).unwrap();
        let lock: toml::Table = toml::from_str(&text).unwrap();
        lock["package"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_owned(),
                    p["version"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let shipped = packages(&root.join("Cargo.lock"));
    let fuzzed = packages(&root.join("fuzz/Cargo.lock"));
    assert!(shipped.len() > 50 && fuzzed.len() > shipped.len() / 2);
    let mut shared = 0;
    for (name, version) in &fuzzed {
        let versions: Vec<&str> = shipped
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        if !versions.is_empty() {
            shared += 1;
            assert!(
                versions.contains(&version.as_str()),
                "fuzz/Cargo.lock has {name} {version}, Cargo.lock {versions:?}: copy Cargo.lock to fuzz/"
            );
        }
    }
    assert!(shared > 50, "{shared} packages shared");
}
