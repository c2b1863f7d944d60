//! The HTML report (`--format html`): a snapshot of the seed's report, the
//! escaping of hostile articles, and checks in a headless Chromium: no
//! console error or dialog, every finding's highlight holds exactly its
//! flagged text, and screenshots for review.
//!
//! Chromium is found as `$FACTLINT_CHROMIUM`, `chromium`, `chromium-browser`,
//! `google-chrome` or `google-chrome-stable`. Without one, the browser checks
//! are skipped with a loud message, unless `FACTLINT_REQUIRE_BROWSER=1` (set
//! by `.ci/run`), which makes its absence a failure. Artifacts (the pages and
//! screenshots) are written to `<target dir>/html-report/`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use factlint::finding::{Finding, Fix};
use factlint::lint::{FileReport, Linter};
use factlint::render;
use factlint::rules::{Category, FixSafety, RuleSet, Severity};
use factlint::source::{Format, SourceFile, Span};
use scraper::{Html, Selector};

const SEED: &str = "seeds/000_1da055f338dfc321.txt";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn seed_reports() -> Vec<FileReport> {
    let mut linter = Linter::new(RuleSet::embedded().expect("default rules load"), None);
    linter.published = Some("2025-02-11".parse().expect("a date"));
    vec![linter.check_path(Path::new(SEED))]
}

/// An article with markup in it, and findings whose messages carry markup,
/// quotes and ampersands.
fn hostile_reports() -> Vec<FileReport> {
    let text = "قال المسؤول <script>alert(1)</script> إن الشركة & \"شركاؤها\" <img src=x onerror=alert(2)> وافقت.\n\n\
                Le <b onmouseover='alert(3)'>texte</b> continue.\n";
    let find = |needle: &str, message: &str, severity: Severity| {
        let start = text.find(needle).expect("needle in text");
        let mut f = Finding::new(
            "typography/test".into(),
            Category::Typography,
            severity,
            message.into(),
            Span::new(start, start + needle.len()),
        );
        f.set_fix(Some(std::sync::Arc::new(Fix {
            title: "write <i onclick=alert(6)>this</i>".into(),
            safety: FixSafety::Unsafe,
            suggestions: Box::new(["<script>alert(4)</script>".into(), "\"'&".into()]),
        })));
        f
    };
    let findings = vec![
        find(
            "<script>alert(1)</script>",
            "markup «<script>alert(1)</script>» in \"prose\" & 'more'",
            Severity::Error,
        ),
        find("alert(1)", "nested in the script", Severity::Warning),
        find(
            "<img src=x onerror=alert(2)>",
            "an image <img src=x onerror=alert(5)>",
            Severity::Warning,
        ),
        // Crosses the image's highlight: detached.
        find("alert(2)> وافقت", "crossing", Severity::Info),
        find("'alert(3)'", "attribute \" quotes '", Severity::Info),
    ];
    vec![FileReport::Checked {
        source: SourceFile::from_text("hostile <article>.txt", text.to_owned(), Format::Text),
        lang: factlint::Lang::Ar,
        findings,
        amounts: Vec::new(),
        dates: Vec::new(),
        published: None,
    }]
}

/// `(number, flagged text)` of every finding, from the JSON report.
fn flagged_texts(reports: &[FileReport]) -> Vec<(usize, String)> {
    let json: serde_json::Value =
        serde_json::from_str(&render::json::render(reports)).expect("JSON report");
    let mut out = Vec::new();
    for file in json["files"].as_array().expect("files") {
        for f in file["findings"].as_array().expect("findings") {
            out.push((out.len() + 1, f["text"].as_str().expect("text").to_owned()));
        }
    }
    out
}

#[test]
fn seed_html_snapshot() {
    let html = render::html::render(&seed_reports());
    let name = Path::new(SEED).file_stem().unwrap().to_string_lossy();
    settings().bind(|| insta::assert_snapshot!(format!("seed_{name}_html"), html));
}

/// Checks on the page as written (no browser): one script (the page's own),
/// no element from the article, and every highlight holding its text.
fn check_static(reports: &[FileReport], html: &str) {
    let doc = Html::parse_document(html);
    let count = |sel: &str| doc.select(&Selector::parse(sel).unwrap()).count();
    assert_eq!(count("script"), 1, "only the page's own script");
    assert_eq!(count("img, b, link, iframe, object, embed"), 0);
    assert_eq!(
        count("[onerror], [onmouseover], [onload], [src], [style]"),
        0
    );
    check_highlights(reports, &doc);
}

fn check_highlights(reports: &[FileReport], doc: &Html) {
    let texts = flagged_texts(reports);
    assert!(!texts.is_empty());
    for (n, text) in texts {
        let sel = Selector::parse(&format!("mark#f-{n}")).unwrap();
        let marks: Vec<_> = doc.select(&sel).collect();
        assert_eq!(marks.len(), 1, "one highlight #f-{n}");
        let got: String = marks[0].text().collect();
        assert_eq!(got, text, "the text of highlight #f-{n}");
        let back = format!("#i-{n}");
        assert_eq!(
            doc.select(&Selector::parse(&format!("li.finding#i-{n}")).unwrap())
                .count(),
            1,
            "list entry {back}"
        );
    }
}

#[test]
fn cli_format_html_prints_the_page() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "check",
            "--format",
            "html",
            "--published",
            "2025-02-11",
            SEED,
        ])
        .output()
        .expect("factlint runs");
    assert_eq!(out.status.code(), Some(1), "the seed has errors");
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(page, render::html::render(&seed_reports()));
}

#[test]
fn hostile_article_is_escaped() {
    let reports = hostile_reports();
    let html = render::html::render(&reports);
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b "), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("title=\"markup «&lt;script&gt;alert(1)&lt;/script&gt;» in &quot;prose&quot; &amp; &#39;more&#39;\""));
    check_static(&reports, &html);
    // The article's text survives, as text.
    let doc = Html::parse_document(&html);
    let article: String = doc
        .select(&Selector::parse(".article").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert!(article.contains("<script>alert(1)</script>"), "{article}");
    assert!(
        article.contains("<img src=x onerror=alert(2)>"),
        "{article}"
    );
}

#[test]
fn seed_html_is_well_formed_and_deterministic() {
    let reports = seed_reports();
    let html = render::html::render(&reports);
    assert_eq!(html, render::html::render(&seed_reports()));
    check_static(&reports, &html);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network"
    );
}

// ---------------------------------------------------------------------------
// In a browser.

fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        let dir = PathBuf::from(dir);
        return if dir.is_absolute() {
            dir
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
        };
    }
    // <target>/<profile>/deps/html_report-<hash>
    let exe = std::env::current_exe().expect("test binary path");
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
}

fn artifacts() -> PathBuf {
    let dir = target_dir().join("html-report");
    std::fs::create_dir_all(&dir).expect("artifact folder");
    dir
}

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FACTLINT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
    .find(|p| p.is_file())
}

/// The browser, or `None` after a loud message (a failure when
/// `FACTLINT_REQUIRE_BROWSER=1`).
fn browser(test: &str) -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        let msg = format!(
            "{test}: NO CHROMIUM FOUND (chromium, chromium-browser, google-chrome, or $FACTLINT_CHROMIUM): \
             the browser checks of the HTML report are SKIPPED. Install it: apt-get install chromium"
        );
        assert!(
            std::env::var("FACTLINT_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{msg} (FACTLINT_REQUIRE_BROWSER=1)"
        );
        // Straight to the process's standard error: libtest would swallow
        // `eprintln!` of a passing test.
        let _ = writeln!(std::io::stderr(), "\n!!!!!!!!!!\n!!! {msg}\n!!!!!!!!!!\n");
    }
    found
}

fn chromium(chrome: &Path, args: &[String]) -> std::process::Output {
    let profile = tempfile::tempdir().expect("profile folder");
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A page loaded in the browser: its DOM after the scripts ran, and every
/// console message (errors, uncaught exceptions, and dialogs, which the
/// test turns into console errors).
struct Loaded {
    dom: String,
    console: Vec<String>,
}

/// Turns `alert`, `confirm` and `prompt` into console errors, so that a
/// dialog is caught like one.
const DIALOG_HOOK: &str = "<script>window.alert = window.confirm = window.prompt = \
    function (m) { console.error('factlint-test: dialog: ' + m); };</script>";

fn load(chrome: &Path, html: &str, name: &str) -> Loaded {
    let path = artifacts().join(format!("{name}.html"));
    let hooked = html.replacen("<head>", &format!("<head>{DIALOG_HOOK}"), 1);
    assert_ne!(hooked, html, "the page has a <head>");
    std::fs::write(&path, hooked).expect("write page");
    let out = chromium(
        chrome,
        &[
            "--enable-logging=stderr".into(),
            "--v=0".into(),
            "--virtual-time-budget=2000".into(),
            "--dump-dom".into(),
            format!("file://{}", path.display()),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    Loaded {
        dom: String::from_utf8(out.stdout).expect("UTF-8 DOM"),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
            .map(str::to_owned)
            .collect(),
    }
}

fn screenshot(chrome: &Path, html: &str, name: &str, size: &str) -> PathBuf {
    let page = artifacts().join(format!("{name}.html"));
    std::fs::write(&page, html).expect("write page");
    let png = artifacts().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&png);
    chromium(
        chrome,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={size}"),
            format!("file://{}", page.display()),
        ],
    );
    assert!(png.is_file(), "no screenshot at {}", png.display());
    let _ = writeln!(std::io::stderr(), "screenshot: {}", png.display());
    png
}

#[test]
fn browser_console_detector_catches_errors_and_dialogs() {
    let Some(chrome) = browser("browser_console_detector_catches_errors_and_dialogs") else {
        return;
    };
    let broken = "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p>\
                  <script>undefinedFunction();</script></body></html>";
    let loaded = load(&chrome, broken, "detector-js-error");
    assert!(
        loaded
            .console
            .iter()
            .any(|l| l.contains("undefinedFunction")),
        "the detector misses an uncaught error: {:?}",
        loaded.console
    );
    let dialog = "<!DOCTYPE html><html><head></head><body>\
                  <img src=\"missing.png\" onerror=\"alert(7)\"></body></html>";
    let loaded = load(&chrome, dialog, "detector-dialog");
    assert!(
        loaded.console.iter().any(|l| l.contains("dialog: 7")),
        "the detector misses a dialog: {:?}",
        loaded.console
    );
    let clean = "<!DOCTYPE html><html><head></head><body><p>ok</p></body></html>";
    assert_eq!(
        load(&chrome, clean, "detector-clean").console,
        Vec::<String>::new()
    );
}

fn check_in_browser(chrome: &Path, reports: &[FileReport], name: &str) -> Loaded {
    let html = render::html::render(reports);
    let loaded = load(chrome, &html, name);
    assert!(
        loaded.console.is_empty(),
        "console messages on {name}: {:#?}",
        loaded.console
    );
    let doc = Html::parse_document(&loaded.dom);
    let count = |sel: &str| doc.select(&Selector::parse(sel).unwrap()).count();
    // The page's script and the test's dialog hook, nothing else.
    assert_eq!(count("script"), 2);
    assert_eq!(count("img, b, iframe, [onerror], [onmouseover]"), 0);
    // The script ran: the filters are shown.
    assert_eq!(count("form#filters"), 1);
    assert_eq!(count("form#filters[hidden]"), 0, "the filters are shown");
    check_highlights(reports, &doc);
    loaded
}

#[test]
fn browser_seed_report() {
    let Some(chrome) = browser("browser_seed_report") else {
        return;
    };
    let reports = seed_reports();
    check_in_browser(&chrome, &reports, "seed-loaded");
    let html = render::html::render(&reports);
    // The filters work: unchecking "warning" hides the warnings.
    let clicked = html.replacen(
        "</body>",
        "<script>document.querySelector('[data-hide=\"sev-warning\"]').click();</script></body>",
        1,
    );
    let loaded = load(&chrome, &clicked, "seed-filtered");
    assert!(loaded.console.is_empty(), "{:#?}", loaded.console);
    let doc = Html::parse_document(&loaded.dom);
    let body = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap();
    assert!(
        body.value().classes().any(|c| c == "hide-sev-warning"),
        "the filter sets its class on <body>"
    );
    screenshot(&chrome, &html, "seed", "1200,2000");
    screenshot(&chrome, &html, "seed-phone", "412,1600");
}

#[test]
fn browser_hostile_report() {
    let Some(chrome) = browser("browser_hostile_report") else {
        return;
    };
    let reports = hostile_reports();
    check_in_browser(&chrome, &reports, "hostile-loaded");
    screenshot(
        &chrome,
        &render::html::render(&reports),
        "hostile",
        "1000,1200",
    );
}
