//! Property tests: whatever the text, checking it does not panic, every span
//! is on char boundaries inside the text, findings are sorted, and checking
//! is deterministic.

use proptest::prelude::*;

use factlint::Lang;
use factlint::lint::{FileReport, Linter};
use factlint::render;
use factlint::rules::RuleSet;
use factlint::source::{Format, Span};

/// Pieces that the generated texts are made of: the characters the checks
/// look at, and the ones that trouble byte/char arithmetic.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // Arabic letters and digits (the whole U+0600–U+06FF block).
        4 => proptest::char::range('\u{0600}', '\u{06FF}').prop_map(String::from),
        2 => proptest::char::range('٠', '٩').prop_map(String::from),
        4 => proptest::char::range('a', 'z').prop_map(String::from),
        1 => proptest::char::range('A', 'Z').prop_map(String::from),
        1 => proptest::char::range('0', '9').prop_map(String::from),
        // Whole words, so that word-level rules get a chance to fire.
        2 => prop::sample::select(vec![
            "the", "and", "et", "avec", "de", "for", "من", "في", "الشركة", "السيطرةمنظمة",
            "theCompany", "iPhone", "وChatGPT", "ب5", "2025م", "Musk", "Le",
        ])
        .prop_map(String::from),
        // Date words, so that the date rules get a chance to fire.
        2 => prop::sample::select(vec![
            "أمس", "yesterday", "hier", "فبراير", "février", "February", "31", "10", "2019",
            "1446", "شعبان", "هـ", "الموافق", "after", "بعد", "later", "since", "Tuesday",
            "الثلاثاء", "il y a", "ago", "days", "عام", "founded", "OpenAI", "was held",
            "2025-13-01", "29/02/2023", "الماضي", "dernier", "يوم",
        ])
        .prop_map(String::from),
        // Emoji, including a ZWJ sequence and a flag.
        1 => prop::sample::select(vec!["😀", "👩‍💻", "🇫🇷", "\u{1F44D}\u{1F3FD}"])
            .prop_map(String::from),
        // Combining marks: Latin diacritics, Arabic harakat, tatweel.
        2 => prop::sample::select(vec![
            '\u{0301}', '\u{0308}', '\u{0327}', '\u{064B}', '\u{064E}', '\u{0651}', '\u{0652}',
            '\u{0670}', '\u{0640}',
        ])
        .prop_map(String::from),
        // Bidi controls.
        2 => prop::sample::select(vec![
            '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{061C}', '\u{200B}', '\u{FEFF}',
        ])
        .prop_map(String::from),
        // Quotes of all kinds.
        3 => prop::sample::select(vec!['"', '«', '»', '“', '”', '‘', '’', '\'', '„', '‹', '›'])
            .prop_map(String::from),
        // Punctuation.
        3 => prop::sample::select(vec![
            '،', '؛', '؟', ',', '.', ':', ';', '!', '?', '(', ')', '[', ']', '-', '٫', '٬', '%',
        ])
        .prop_map(String::from),
        // Spaces, doubled ones and no-break ones.
        5 => prop::sample::select(vec![" ", "  ", "   ", "\u{00A0}", "\u{202F}", "\t", " \u{202F}"])
            .prop_map(String::from),
        // Line ends.
        2 => prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r"])
            .prop_map(String::from),
        // Markdown syntax.
        1 => prop::sample::select(vec![
            "`", "```", "*", "_", "# ", "> ", "- ", "[", "](", "<", ">", "<!--", "-->", "---\n",
            "\\", "&amp;", "|", "http://x.y/z", "<https://a.b>", "lang: fr\n",
        ])
        .prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what} span {span:?} starts after it ends in {text:?}"
    );
    assert!(
        span.end as usize <= text.len(),
        "{what} span {span:?} runs past the end ({}) of {text:?}",
        text.len()
    );
    assert!(
        span.is_on_char_boundaries(text),
        "{what} span {span:?} is not on char boundaries of {text:?}"
    );
}

fn findings_of(linter: &Linter, text: &str, format: Format) -> Vec<factlint::Finding> {
    let path = match format {
        Format::Text => "prop.txt",
        Format::Markdown => "prop.md",
    };
    match linter.check_text(path, text, format) {
        FileReport::Checked {
            findings, source, ..
        } => {
            // Read in place while it is checked (plain text's soft line
            // breaks), the text is handed back as it came.
            assert_eq!(
                source.text, text,
                "the report's text is not the text checked"
            );
            findings
        }
        other => panic!("check_text gave {other:?}"),
    }
}

fn linters() -> &'static [Linter] {
    static LINTERS: std::sync::OnceLock<Vec<Linter>> = std::sync::OnceLock::new();
    LINTERS.get_or_init(|| {
        [None, Some(Lang::Ar), Some(Lang::Fr), Some(Lang::En)]
            .into_iter()
            .map(|lang| {
                let mut l = Linter::new(RuleSet::embedded().expect("default rules load"), lang);
                // Half the linters resolve relative dates, so that the
                // checks that need a publication date run too.
                if lang.is_some() {
                    l.published = chrono::NaiveDate::from_ymd_opt(2025, 2, 11);
                }
                l
            })
            .collect()
    })
}

/// Both renderers accept the report (no panic), and the JSON one quotes
/// exactly the bytes of each span, with lines and columns that agree with
/// the text.
fn check_rendering(linter: &Linter, text: &str, format: Format, findings: &[factlint::Finding]) {
    let path = match format {
        Format::Text => "prop.txt",
        Format::Markdown => "prop.md",
    };
    let reports = [linter.check_text(path, text, format)];
    let human = render::human::render(&reports, false);
    assert!(human.ends_with(".\n"), "no summary line: {human:?}");
    let arrows: Vec<&str> = human
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
    let _ = render::human::render(&reports, true);
    let json: serde_json::Value =
        serde_json::from_str(&render::json::render(&reports)).expect("valid JSON");
    let out = json["files"][0]["findings"].as_array().expect("findings");
    assert_eq!(out.len(), findings.len());
    assert_eq!(arrows.len(), findings.len(), "{human}");
    for ((j, f), arrow) in out.iter().zip(findings).zip(arrows) {
        let start = j["span"]["start"].as_u64().unwrap() as usize;
        let end = j["span"]["end"].as_u64().unwrap() as usize;
        assert_eq!((start, end), (f.span.start as usize, f.span.end as usize));
        assert_eq!(j["text"].as_str().unwrap(), &text[start..end]);
        let (line, column) = line_col(text, start);
        assert_eq!(
            (
                j["span"]["line"].as_u64().unwrap() as usize,
                j["span"]["column"].as_u64().unwrap() as usize
            ),
            (line, column),
            "line/column of byte {start} in {text:?}"
        );
        assert_eq!(
            arrow,
            format!("{path}:{line}:{column}"),
            "the human format's place of byte {start} in {text:?}"
        );
    }
}

/// 1-based line and column (in chars, after a byte order mark) of byte
/// `offset`, lines ending at LF, CRLF or a lone CR: an independent oracle.
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

fn check_properties(text: &str) {
    for linter in linters() {
        for format in [Format::Text, Format::Markdown] {
            let findings = findings_of(linter, text, format);
            for f in &findings {
                check_span(text, f.span, &format!("{} ({:?})", f.rule(), linter.lang));
                for r in f.related() {
                    check_span(text, r.span, &format!("related of {}", f.rule()));
                }
            }
            for w in findings.windows(2) {
                assert!(
                    (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end),
                    "findings out of order: {:?} before {:?} in {text:?}",
                    w[0].span,
                    w[1].span
                );
            }
            let again = findings_of(linter, text, format);
            assert_eq!(findings, again, "a second run differs on {text:?}");
            check_rendering(linter, text, format, &findings);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn checking_any_text_keeps_spans_sound(text in text()) {
        check_properties(&text);
    }

    #[test]
    fn checking_any_string_keeps_spans_sound(text in "\\PC{0,60}") {
        check_properties(&text);
    }
}

/// Texts that once broke a check, kept as fixed cases.
#[test]
fn known_tricky_texts() {
    for text in [
        "",
        "\u{FEFF}",
        "\u{FEFF}«",
        "\r",
        "\r\r\n\n",
        "،",
        "« »",
        "\"»",
        "ة\u{064E}ا",
        "من100 \u{200F}من100",
        "---\nlang: fr\n---\n",
        "`a`,b",
        "a\u{0301},b",
        "ـ،ـ",
        "x  \u{202F} y",
    ] {
        check_properties(text);
    }
}
