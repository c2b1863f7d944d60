//! Source versus translation (`factlint check --source`): pairs written for
//! these tests in fr→ar, en→ar, en→fr and ar→en
//! (`tests/fixtures/translation/`). Each faithful pair gives no
//! `translation/*` finding; each difference injected into a translation (a
//! shifted decimal, a scale word, a dropped date, a mistransliterated name,
//! a dropped sentence or paragraph, an added figure) gives its finding, on
//! the translation, with the original's place in the original file.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use factlint::Finding;
use factlint::document::{Document, Original};
use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::{Format, SourceFile};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/translation");

/// A pair of fixtures: the original, the faithful translation, and the
/// publication date both are read with.
struct Pair {
    source: &'static str,
    translation: &'static str,
    published: &'static str,
}

const FR_AR: Pair = Pair {
    source: "fr-ar.source.fr.txt",
    translation: "fr-ar.translation.ar.txt",
    published: "2025-02-11",
};
const EN_AR: Pair = Pair {
    source: "en-ar.source.en.txt",
    translation: "en-ar.translation.ar.txt",
    published: "2025-02-27",
};
const EN_FR: Pair = Pair {
    source: "en-fr.source.en.txt",
    translation: "en-fr.translation.fr.txt",
    published: "2024-03-05",
};
const AR_EN: Pair = Pair {
    source: "ar-en.source.ar.txt",
    translation: "ar-en.translation.en.txt",
    published: "2024-03-05",
};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).expect("fixture")
}

impl Pair {
    fn faithful(&self) -> String {
        fixture(self.translation)
    }

    /// The faithful translation with `from` replaced by `to` (which must be
    /// there).
    fn with(&self, from: &str, to: &str) -> String {
        let text = self.faithful();
        assert!(text.contains(from), "{from:?} is in {}", self.translation);
        text.replacen(from, to, 1)
    }

    /// The findings of the `translation` rules on `text` as the translation
    /// of this pair's original.
    fn check(&self, text: &str) -> Vec<Finding> {
        self.check_rules("translation", text)
    }

    fn check_rules(&self, select: &str, text: &str) -> Vec<Finding> {
        let mut rules = RuleSet::embedded().expect("embedded rules load");
        rules.retain(&Selector::new(vec![select.to_owned()], vec![]));
        let mut linter = Linter::new(rules, None);
        linter.published = Some(self.published.parse().expect("date"));
        linter.original = Some(Arc::new(SourceFile::from_text(
            self.source,
            fixture(self.source),
            Format::Text,
        )));
        let FileReport::Checked { findings, .. } =
            linter.check_text(self.translation, text, Format::Text)
        else {
            panic!("the translation is checked");
        };
        let original = fixture(self.source);
        for f in &findings {
            assert!(f.span.is_on_char_boundaries(text), "{f:?}");
            for r in f.related() {
                let other = if r.other_path().is_some() {
                    &original
                } else {
                    text
                };
                assert!(r.span.is_on_char_boundaries(other), "{f:?}");
            }
        }
        findings
    }
}

/// (rule, flagged text, text of the related place in the original).
fn summary(pair: &Pair, text: &str) -> Vec<(String, String, String)> {
    let original = fixture(pair.source);
    pair.check(text)
        .iter()
        .map(|f| {
            let related = f
                .related()
                .iter()
                .find(|r| r.other_path() == Some(pair.source))
                .map(|r| original[r.span.range()].to_owned())
                .unwrap_or_default();
            (
                f.rule().to_string(),
                text[f.span.range()].to_owned(),
                related,
            )
        })
        .collect()
}

fn row(rule: &str, flagged: &str, related: &str) -> (String, String, String) {
    (rule.to_owned(), flagged.to_owned(), related.to_owned())
}

// ---------------------------------------------------------------------------
// Faithful pairs.

#[test]
fn faithful_pairs_give_no_translation_finding() {
    for pair in [FR_AR, EN_AR, EN_FR, AR_EN] {
        let findings = pair.check(&pair.faithful());
        assert!(findings.is_empty(), "{}: {findings:#?}", pair.translation);
    }
}

/// Faithful translations that a translator wrote differently: sentences
/// merged or split, a figure written another way, a name by its surname.
const FAITHFUL_VARIANTS: &[(&Pair, &str, &str)] = &[
    (
        &EN_FR,
        " pendant une décennie. L'entreprise a annoncé",
        " pendant une décennie, et l'entreprise a annoncé",
    ),
    (
        &FR_AR,
        "، وتملك نحو 49% من أرباح فرعها التجاري.",
        ". وتملك المجموعة نحو 49% من أرباح فرعها التجاري.",
    ),
    (&EN_AR, "39.3 مليار دولار", "39,3 مليار دولار"),
    (&AR_EN, "$121.3bn", "$121.3 billion"),
    (
        &AR_EN,
        "Chief executive Amin Nasser said",
        "Nasser, the chief executive, said",
    ),
];

#[test]
fn faithful_variants_give_no_translation_finding() {
    for &(pair, from, to) in FAITHFUL_VARIANTS {
        let text = pair.with(from, to);
        let findings = pair.check(&text);
        assert!(findings.is_empty(), "{from:?} → {to:?}: {findings:#?}");
    }
}

#[test]
fn translation_rules_do_nothing_without_an_original() {
    let mut rules = RuleSet::embedded().expect("embedded rules load");
    rules.retain(&Selector::new(vec!["translation".to_owned()], vec![]));
    let linter = Linter::new(rules, None);
    let text = FR_AR.with("97.4 مليار", "9.74 مليار");
    let FileReport::Checked { findings, .. } = linter.check_text("a.txt", &text, Format::Text)
    else {
        panic!("checked");
    };
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn degenerate_pairs_do_not_panic() {
    let long = "Musk offered $97.4bn on February 10, 2025. ".repeat(2000);
    let many = "Musk offered $97.4bn.\n\n".repeat(500);
    let cases: [(&str, &str); 6] = [
        ("", "عرض ماسك 97.4 مليار دولار."),
        ("Musk offered $97.4bn.", ""),
        ("\n\n\n", "  \n"),
        (&long, "عرض ماسك 97.4 مليار دولار."),
        ("Musk offered $97.4bn.", &many),
        (&many, &long),
    ];
    let rules = RuleSet::embedded().expect("embedded rules load");
    for (original, translation) in cases {
        let original = Arc::new(SourceFile::from_text(
            "o.txt",
            original.to_owned(),
            Format::Text,
        ));
        let translation = SourceFile::from_text("t.txt", translation.to_owned(), Format::Text);
        let odoc = Document::parse(&original, None, rules.data());
        let doc = Document::parse(&translation, None, rules.data()).with_original(Original {
            doc: &odoc,
            file: &original,
        });
        let findings = rules.check(&doc);
        for f in &findings {
            assert!(f.span.is_on_char_boundaries(&translation.text), "{f:?}");
        }
    }
}

#[test]
fn faithful_pairs_align_paragraph_to_paragraph() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    for pair in [FR_AR, EN_AR, EN_FR, AR_EN] {
        let original = Arc::new(SourceFile::from_text(
            pair.source,
            fixture(pair.source),
            Format::Text,
        ));
        let translation = SourceFile::from_text(pair.translation, pair.faithful(), Format::Text);
        let odoc = Document::parse(&original, None, rules.data());
        let doc = Document::parse(&translation, None, rules.data()).with_original(Original {
            doc: &odoc,
            file: &original,
        });
        let al = doc.alignment().expect("a translation");
        assert!(
            al.paragraphs
                .iter()
                .all(|b| b.source.len() == 1 && b.target.len() == 1),
            "{}: {:?}",
            pair.translation,
            al.paragraphs
        );
        assert_eq!(al.paragraphs.len(), odoc.blocks.len());
        assert!(al.sentences.iter().all(|b| !b.bead.target.is_empty()));
    }
}

// ---------------------------------------------------------------------------
// Injected differences: (pair, replaced text, replacement, rule, flagged
// text, related text in the original).

type Case = (
    &'static Pair,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const CASES: &[Case] = &[
    // fr → ar
    (
        &FR_AR,
        "157 مليار",
        "157 مليون",
        "translation/amount",
        "157 مليون دولار",
        "157 milliards de dollars",
    ),
    (
        &FR_AR,
        " في أكتوبر 2024",
        "",
        "translation/date",
        "وتستعد الشركة، التي قُدّرت قيمتها بـ157 مليار دولار، لجمع تمويل بقيمة 40 مليار دولار.",
        "octobre 2024",
    ),
    (
        &FR_AR,
        "14 مارس 2025",
        "14 مايو 2025",
        "translation/date",
        "14 مايو 2025",
        "14 mars 2025",
    ),
    (
        &FR_AR,
        "توبروف",
        "توبرون",
        "translation/entity",
        "توبرون",
        "Marc Toberoff",
    ),
    (
        &FR_AR,
        " ويطالب محاميه مارك توبروف بوقف تحويل الشركة.",
        "",
        "translation/missing-passage",
        "ومن المقرر أن تنظر محكمة فيدرالية في كاليفورنيا في دعوى ماسك يوم 14 مارس 2025.",
        "Son avocat, Marc Toberoff, réclame l'arrêt de la transformation de la société.",
    ),
    // en → ar
    (&EN_AR, "8.5%", "85%", "translation/amount", "85%", "8.5%"),
    (
        &EN_AR,
        "كريس",
        "كريش",
        "translation/entity",
        "كريش",
        "Kress",
    ),
    (
        &EN_AR,
        " ديب سيك",
        "",
        "translation/entity",
        "وكان السهم قد خسر 17% في 27 يناير بعد أن أطلقت الشركة الصينية الناشئة نموذجًا أرخص.",
        "DeepSeek",
    ),
    // en → fr
    (
        &EN_FR,
        "1 100 milliards de dollars",
        "1,1 milliard de dollars",
        "translation/amount",
        "1,1 milliard de dollars",
        "$1.1 trillion",
    ),
    (
        &EN_FR,
        "Vestager",
        "Vestadger",
        "translation/entity",
        "Vestadger",
        "Vestager",
    ),
    (
        &EN_FR,
        "d'arriérés d'impôts",
        "d'arriérés d'impôts, soit 12 % de ses bénéfices",
        "translation/amount",
        "12 %",
        "",
    ),
    (
        &EN_FR,
        " le 4 mars 2024",
        "",
        "translation/date",
        "La Commission européenne a infligé une amende de 1,8 milliard d'euros à Apple pour abus de position dominante sur le marché de la musique en ligne, après une plainte de Spotify.",
        "March 4, 2024",
    ),
    // ar → en
    (
        &AR_EN,
        " on Monday, March 4, 2024,",
        "",
        "translation/date",
        "Saudi Aramco said that its net profit reached $121.3bn in 2023, down 24.7% from the previous year.",
        "الاثنين 4 مارس 2024",
    ),
    (
        &AR_EN,
        "24.7%",
        "2.47%",
        "translation/amount",
        "2.47%",
        "24.7%",
    ),
    (
        &AR_EN,
        "another 16%",
        "another 61%",
        "translation/amount",
        "61%",
        "16%",
    ),
    (
        &AR_EN,
        "Amin Nasser",
        "Amin Naser",
        "translation/entity",
        "Naser",
        "أمين الناصر",
    ),
];

#[test]
fn injected_differences_give_their_finding() {
    for &(pair, from, to, rule, flagged, related) in CASES {
        let text = pair.with(from, to);
        assert_eq!(
            summary(pair, &text),
            [row(rule, flagged, related)],
            "{}: {from:?} → {to:?}",
            pair.translation
        );
    }
}

// ---------------------------------------------------------------------------
// fr → ar.

#[test]
fn fr_ar_shifted_decimal() {
    let text = FR_AR.with("97.4 مليار", "9.74 مليار");
    assert_eq!(
        summary(&FR_AR, &text),
        [row(
            "translation/amount",
            "9.74 مليار دولار",
            "97,4 milliards de dollars"
        )]
    );
    let f = &FR_AR.check(&text)[0];
    assert!(f.message.contains("9.74 × 10⁹ USD"), "{}", f.message);
    assert!(f.message.contains("97.4 × 10⁹ USD"), "{}", f.message);
}

// ---------------------------------------------------------------------------
// en → ar.

#[test]
fn en_ar_dropped_paragraph() {
    let faithful = EN_AR.faithful();
    let second = faithful.split("\n\n").nth(1).expect("three paragraphs");
    let text = faithful.replacen(&format!("{second}\n\n"), "", 1);
    let rows = summary(&EN_AR, &text);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].0, "translation/missing-passage");
    assert!(rows[0].1.starts_with("أعلنت إنفيديا"), "{rows:#?}");
    assert!(rows[0].2.starts_with("Jensen Huang, the chief executive"));
}

#[test]
fn en_ar_name_rendered_two_ways() {
    let text = format!(
        "{}\nوقال هوانج إن الطلب مستمر.\n",
        EN_AR.faithful().trim_end()
    );
    let rows = summary(&EN_AR, &text);
    assert!(
        rows.contains(&row("translation/entity", "هوانج", "Jensen Huang")),
        "{rows:#?}"
    );
    // A name the gazetteer does not know, linked by its skeleton.
    let text = format!(
        "{}\nوأضافت كرايس أن الطلب مستمر. وقالت كريس إن المبيعات قوية.\n",
        EN_AR.faithful().trim_end()
    );
    assert_eq!(
        summary(&EN_AR, &text),
        [row("translation/entity", "كرايس", "Kress")]
    );
}

// ---------------------------------------------------------------------------
// ar → en.

#[test]
fn ar_en_dropped_paragraph() {
    let faithful = AR_EN.faithful();
    let last = faithful
        .trim_end()
        .rsplit("\n\n")
        .next()
        .expect("paragraphs");
    let text = faithful.replacen(last, "", 1);
    let rows = summary(&AR_EN, text.trim_end());
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].0, "translation/missing-passage");
    assert!(rows[0].1.starts_with("Chief executive Amin Nasser"));
    assert!(rows[0].2.starts_with("وتملك الحكومة السعودية"));
}

// ---------------------------------------------------------------------------
// The command line.

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("factlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

/// A folder with the fr→ar original and a translation of it.
fn folder(translation: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("original.txt"), fixture(FR_AR.source)).expect("write");
    std::fs::write(dir.path().join("translation.txt"), translation).expect("write");
    dir
}

/// `check` of the translation rules on the translation of a [`folder`], in
/// `format`.
fn source_args(format: &str) -> [&str; 10] {
    [
        "check",
        "--format",
        format,
        "--select",
        "translation",
        "--published",
        "2025-02-11",
        "--source",
        "original.txt",
        "translation.txt",
    ]
}

#[test]
fn cli_source_flag_reports_related_places_in_the_original() {
    let dir = folder(&FR_AR.with("97.4 مليار", "9.74 مليار"));
    let out = factlint(dir.path(), &source_args("json"));
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let file = &report["files"][0];
    assert_eq!(file["path"], "translation.txt");
    let finding = &file["findings"][0];
    assert_eq!(finding["rule"], "translation/amount");
    assert_eq!(finding["category"], "translation");
    assert_eq!(finding["text"], "9.74 مليار دولار");
    let related = &finding["related"][0];
    assert_eq!(related["path"], "original.txt");
    assert_eq!(related["text"], "97,4 milliards de dollars");
    assert_eq!(related["span"]["line"], 1);
    assert_eq!(report["summary"]["findings"], 1);
}

#[test]
fn cli_every_format_renders_places_in_the_original() {
    let dir = folder(&FR_AR.with("97.4 مليار", "9.74 مليار"));
    let out = factlint(dir.path(), &source_args("sarif"));
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "translation.txt"
    );
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "original.txt");
    assert_eq!(related["region"]["startLine"], 1);
    for format in ["html", "markdown", "github", "junit", "human"] {
        let out = factlint(dir.path(), &source_args(format));
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("9.74"), "{format}: {text}");
    }
    let html = factlint(dir.path(), &source_args("html"));
    assert!(String::from_utf8_lossy(&html.stdout).contains("original.txt:1:"));
}

#[test]
fn cli_related_places_in_the_same_file_have_no_path() {
    let dir = folder("Musk offered $97.4bn. The board called the $9.74bn bid a joke.\n");
    let out = factlint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "amount/decimal-shift",
            "translation.txt",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let related = &report["files"][0]["findings"][0]["related"][0];
    assert!(related.get("path").is_none(), "{related}");
}

#[test]
fn cli_front_matter_source_names_the_original() {
    let dir = folder("");
    let text = format!(
        "---\nsource: original.txt\npublished: 2025-02-11\n---\n{}",
        FR_AR.with("157 مليار", "157 مليون")
    );
    std::fs::create_dir(dir.path().join("ar")).expect("mkdir");
    std::fs::write(
        dir.path().join("ar/translation.md"),
        text.replace("original.txt", "../original.txt"),
    )
    .expect("write");
    let out = factlint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "translation",
            "ar/translation.md",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "translation/amount");
    assert_eq!(finding["related"][0]["path"], "ar/../original.txt");
}

#[test]
fn cli_front_matter_source_that_is_an_attribution_is_left_alone() {
    let dir = folder("");
    for value in ["Reuters", "https://example.com/story.md", "AFP, Reuters"] {
        std::fs::write(
            dir.path().join("a.md"),
            format!("---\nsource: {value}\n---\nThe board met on Monday.\n"),
        )
        .expect("write");
        let out = factlint(dir.path(), &["check", "a.md"]);
        assert_eq!(out.status.code(), Some(0), "{value}: {out:?}");
    }
}

#[test]
fn cli_missing_original_is_an_error_with_its_path() {
    let dir = folder(&FR_AR.faithful());
    let out = factlint(
        dir.path(),
        &["check", "--source", "nowhere.txt", "translation.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--source nowhere.txt: cannot read"),
        "{stderr}"
    );
    // From front matter: the file is reported as an error, the others are
    // still checked.
    std::fs::write(
        dir.path().join("fm.md"),
        "---\nsource: nowhere.txt\n---\nThe board met on Monday.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("clean.md"), "The board met on Monday.\n").expect("write");
    let out = factlint(
        dir.path(),
        &["check", "--format", "json", "fm.md", "clean.md"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fm.md: cannot read its original nowhere.txt:"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["files"].as_array().map(Vec::len), Some(2));
}

#[test]
fn cli_binary_original_is_an_error() {
    let dir = folder(&FR_AR.faithful());
    std::fs::write(dir.path().join("binary.txt"), b"a\0b").expect("write");
    let out = factlint(
        dir.path(),
        &["check", "--source", "binary.txt", "translation.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[test]
fn cli_source_needs_exactly_one_translation() {
    let dir = folder(&FR_AR.faithful());
    std::fs::write(dir.path().join("other.txt"), "x\n").expect("write");
    let out = factlint(
        dir.path(),
        &[
            "check",
            "--source",
            "original.txt",
            "translation.txt",
            "other.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("exactly one PATH (got 2)"), "{stderr}");
    let out = factlint(dir.path(), &["check", "--source", "original.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cli_human_report_of_a_translation() {
    let text = FR_AR
        .with("97.4 مليار", "9.74 مليار")
        .replacen(" في أكتوبر 2024", "", 1)
        .replacen("توبروف", "توبرون", 1);
    let dir = folder(&text);
    // Not a terminal: no colours.
    let out = factlint(dir.path(), &source_args("human"));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::assert_snapshot!(
            "translation_fr_ar_human",
            String::from_utf8_lossy(&out.stdout)
        );
    });
}

/// A mention's counterpart is found by a binary search over the beads (it
/// was a scan of them for every mention): the same paragraphs, and the
/// same first sentence of the other side, as a scan finds, for every block
/// of both sides of pairs with dropped, added and merged paragraphs.
#[test]
fn counterparts_are_those_a_scan_of_the_beads_finds() {
    use factlint::translation::{Counterpart, Side, counterpart_span, sentence_span};
    let rules = RuleSet::embedded().expect("embedded rules load");
    let paragraphs = |p: &Pair| {
        fixture(p.translation)
            .split("\n\n")
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let ar = paragraphs(&FR_AR);
    let fr = fixture(FR_AR.source);
    // The translation without its second paragraph; with its fourth twice
    // and another translation's paragraphs after its first; all of it in
    // one paragraph.
    let mut dropped = ar.clone();
    dropped.remove(1);
    let mut added = ar.clone();
    added.insert(3, ar[3].clone());
    added.splice(1..1, paragraphs(&EN_AR));
    let translations = [dropped.join("\n\n"), added.join("\n\n"), ar.join(" ")];
    for translation in translations {
        let original = Arc::new(SourceFile::from_text("o.txt", fr.clone(), Format::Text));
        let translation = SourceFile::from_text("t.txt", translation, Format::Text);
        let odoc = Document::parse(&original, None, rules.data());
        let doc = Document::parse(&translation, None, rules.data()).with_original(Original {
            doc: &odoc,
            file: &original,
        });
        let al = doc.alignment().expect("a translation");
        assert!(al.paragraphs.len() > 1, "{:?}", al.paragraphs);
        for (side, blocks) in [
            (Side::Source, odoc.blocks.len()),
            (Side::Target, doc.blocks.len()),
        ] {
            for block in 0..=blocks {
                let bead = al.paragraphs.iter().find(|b| {
                    let r = if side == Side::Source {
                        &b.source
                    } else {
                        &b.target
                    };
                    r.contains(&block)
                });
                let cp = al.counterpart(side, block, 0);
                assert_eq!(cp.is_some(), bead.is_some(), "{side:?} {block}");
                let (Some(bead), Some(cp)) = (bead, cp) else {
                    continue;
                };
                let other = if side == Side::Source {
                    &bead.target
                } else {
                    &bead.source
                };
                assert_eq!(&cp.blocks, other, "{side:?} {block}");
                if side == Side::Source {
                    let first = al
                        .target_sentences
                        .iter()
                        .find(|s| s.block == other.start && other.contains(&s.block));
                    let scanned = if cp.sentences.is_empty() {
                        first.and_then(|s| sentence_span(&doc, s))
                    } else {
                        sentence_span(&doc, &al.target_sentences[cp.sentences.start])
                    };
                    assert_eq!(counterpart_span(&doc, al, &cp), scanned, "{block}");
                }
            }
        }
        // Without a sentence, the span is the first sentence of the
        // paragraphs (none for no paragraph).
        for start in 0..=doc.blocks.len() {
            for blocks in [start..start, start..start + 1, start..start + 2] {
                let first = al.target_sentences.iter().find(|s| s.block == start);
                let scanned = first
                    .filter(|_| !blocks.is_empty())
                    .and_then(|s| sentence_span(&doc, s));
                let cp = Counterpart {
                    sentences: 0..0,
                    blocks,
                    dropped: false,
                };
                assert_eq!(counterpart_span(&doc, al, &cp), scanned, "{cp:?}");
            }
        }
    }
}
