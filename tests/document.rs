//! The document model through the library: decoding, Markdown and plain
//! text prose views, offset maps back to the original bytes, sentences,
//! words, masks, normalization and language detection.
//!
//! Every parse in this file also checks the offset map of every block
//! exhaustively (see [`check_block_maps`]).

use factlint::document::{Document, FrontMatter, Lang, PLACEHOLDER, Script, detect_language};
use factlint::error::InputError;
use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::{
    ColumnUnit, Decoded, Format, LineCol, NormalizeOptions, SourceFile, Span, normalize,
};
use proptest::prelude::*;

fn rules() -> RuleSet {
    RuleSet::embedded().expect("embedded rules load")
}

/// A parsed block, owned.
#[derive(Debug)]
struct B {
    view: String,
    /// The original text the whole view maps to.
    orig: String,
    words: Vec<String>,
    /// The original text of each word.
    word_origs: Vec<String>,
    scripts: Vec<Script>,
    sentences: Vec<String>,
    masked: Vec<String>,
}

/// Every pair of char boundaries of every block's view maps to a span that
/// lies inside the text, on char boundaries, with monotonic starts; a range
/// inside one identity piece maps to original text equal to the view text.
fn check_block_maps(doc: &Document<'_>) {
    let text = doc.text();
    for block in &doc.blocks {
        let v = &block.text;
        let bounds: Vec<usize> = v.char_indices().map(|(i, _)| i).chain([v.len()]).collect();
        let mut prev_start = 0;
        for (a, &i) in bounds.iter().enumerate() {
            let s = block.span_of(i..i);
            assert!(s.start >= prev_start, "starts are monotonic in {v:?}");
            prev_start = s.start;
            for &j in &bounds[a..] {
                let span = block.span_of(i..j);
                assert!(span.start <= span.end);
                assert!(
                    span.is_on_char_boundaries(text),
                    "view {v:?} {i}..{j} → {span:?} not on char boundaries"
                );
                assert!(
                    span.start as usize >= doc.source.content_start,
                    "a span never covers the byte order mark"
                );
                if block.map.is_verbatim(i, j) {
                    assert_eq!(&text[span.range()], &v[i..j], "verbatim piece of {v:?}");
                }
            }
        }
    }
}

fn parse_with(text: &str, format: Format, lang: Option<Lang>) -> (Lang, FrontMatter, Vec<B>) {
    let rules = rules();
    let src = SourceFile::from_text("t", text.to_owned(), format);
    let doc = Document::parse(&src, lang, rules.data());
    check_block_maps(&doc);
    let blocks = doc
        .blocks
        .iter()
        .map(|b| {
            let whole = b.span_of(0..b.text.len());
            B {
                view: b.text.to_string(),
                orig: text[whole.range()].to_owned(),
                words: b
                    .words
                    .iter()
                    .map(|w| b.text[w.range()].to_owned())
                    .collect(),
                word_origs: b
                    .words
                    .iter()
                    .map(|w| text[b.span_of(w.range()).range()].to_owned())
                    .collect(),
                scripts: b
                    .words
                    .iter()
                    .map(factlint::document::Word::script)
                    .collect(),
                sentences: b
                    .sentences
                    .iter()
                    .map(|r| b.text[r.range()].to_owned())
                    .collect(),
                masked: b
                    .masked
                    .iter()
                    .map(|r| b.text[r.clone()].to_owned())
                    .collect(),
            }
        })
        .collect();
    (doc.lang, doc.front_matter.clone(), blocks)
}

fn md(text: &str) -> Vec<B> {
    parse_with(text, Format::Markdown, Some(Lang::En)).2
}

fn plain(text: &str) -> Vec<B> {
    parse_with(text, Format::Text, Some(Lang::En)).2
}

fn views(blocks: &[B]) -> Vec<&str> {
    blocks.iter().map(|b| b.view.as_str()).collect()
}

/// The original text that the view range of `needle` (its first occurrence
/// in the view of block `bi`) maps to.
fn orig_of(text: &str, format: Format, bi: usize, needle: &str) -> (Span, String) {
    let rules = rules();
    let src = SourceFile::from_text("t", text.to_owned(), format);
    let doc = Document::parse(&src, Some(Lang::En), rules.data());
    let b = &doc.blocks[bi];
    let at = b
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in view {:?}", b.text));
    let span = b.span_of(at..at + needle.len());
    (span, text[span.range()].to_owned())
}

const P: char = PLACEHOLDER;

// ---------------------------------------------------------------- decoding

#[test]
fn decoding_bom_binary_invalid_utf8_and_empty_files() {
    let linter = Linter::new(rules(), Some(Lang::En));
    // NUL bytes: binary, skipped.
    assert!(matches!(
        linter.check_bytes("x.txt", b"text\0more".to_vec(), Format::Text),
        FileReport::Binary { ref path } if path == "x.txt"
    ));
    // Invalid UTF-8: an error naming the path and the byte offset.
    let FileReport::Error(e) =
        linter.check_bytes("dir/x.md", b"ok\n\xe2\x82".to_vec(), Format::Markdown)
    else {
        panic!("invalid UTF-8 is an error");
    };
    assert!(
        matches!(
            e,
            InputError::InvalidUtf8 {
                offset: 3,
                line: 2,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("dir/x.md") && msg.contains("byte offset 3"),
        "{msg}"
    );
    // Empty and white-space-only files: no prose, no findings, no error.
    for (text, format) in [
        ("", Format::Text),
        ("", Format::Markdown),
        ("\u{FEFF}\r\n \r\n", Format::Text),
    ] {
        let FileReport::Checked { findings, .. } = linter.check_text("e", text, format) else {
            panic!("checked");
        };
        assert!(findings.is_empty());
        assert!(parse_with(text, format, None).2.is_empty());
    }
    // A byte order mark is accepted and is not part of the prose.
    let Ok(Decoded::File(f)) = SourceFile::decode(
        "b.txt",
        "\u{FEFF}Hello world".as_bytes().to_vec(),
        Format::Text,
    ) else {
        panic!("decodes");
    };
    assert_eq!(f.content_start, 3);
    let (_, _, blocks) = parse_with(&f.text, Format::Text, None);
    assert_eq!(views(&blocks), ["Hello world"]);
}

#[test]
fn line_and_column_are_computed_from_byte_offsets_with_any_line_ending() {
    let text = "\u{FEFF}سطر أول\r\nligne 2\rx 😀 y\nend";
    let f = SourceFile::from_text("t", text.to_owned(), Format::Text);
    let at = |s: &str| text.find(s).unwrap();
    assert_eq!(
        f.line_col(at("سطر"), ColumnUnit::Chars),
        LineCol { line: 1, column: 1 }
    );
    assert_eq!(
        f.line_col(at("أول"), ColumnUnit::Chars),
        LineCol { line: 1, column: 5 }
    );
    assert_eq!(
        f.line_col(at("2"), ColumnUnit::Chars),
        LineCol { line: 2, column: 7 }
    );
    assert_eq!(
        f.line_col(at("y"), ColumnUnit::Chars),
        LineCol { line: 3, column: 5 }
    );
    assert_eq!(
        f.line_col(at("y"), ColumnUnit::Utf16),
        LineCol { line: 3, column: 6 }
    );
    assert_eq!(
        f.line_col(at("end"), ColumnUnit::Chars),
        LineCol { line: 4, column: 1 }
    );
}

// ---------------------------------------------------------------- Markdown

#[test]
fn fenced_and_indented_code_blocks_are_not_prose() {
    let text = "Intro text.\n\n```rust\nlet the the = 1;\n```\n\n~~~\nthe the\n~~~\n\n    indented the the\n\nOutro text.\n";
    let blocks = md(text);
    assert_eq!(views(&blocks), ["Intro text.", "Outro text."]);
    let (span, orig) = orig_of(text, Format::Markdown, 1, "Outro");
    assert_eq!(orig, "Outro");
    assert_eq!(span.start as usize, text.find("Outro").unwrap());
}

#[test]
fn inline_code_between_words_leaves_no_double_space_and_no_glued_word() {
    let text = "Run `cargo test` now and a`x`b or ب`كود`ج.\n";
    let blocks = md(text);
    assert_eq!(blocks.len(), 1);
    let b = &blocks[0];
    assert_eq!(b.view, format!("Run {P} now and a{P}b or ب{P}ج."));
    assert!(!b.view.contains("  "));
    assert_eq!(b.words, ["Run", "now", "and", "a", "b", "or", "ب", "ج"]);
    // The placeholder stands for the whole code span, backticks included.
    let (_, orig) = orig_of(text, Format::Markdown, 0, &P.to_string());
    assert_eq!(orig, "`cargo test`");
    let (_, orig) = orig_of(text, Format::Markdown, 0, &format!("a{P}b"));
    assert_eq!(orig, "a`x`b");
}

#[test]
fn autolinks_and_bare_urls_are_not_prose() {
    let text = "See <https://example.com/a> and https://openai.com/blog. Write to <press@x.org>.\n";
    let b = &md(text)[0];
    assert_eq!(
        b.view,
        format!("See {P} and https://openai.com/blog. Write to {P}.")
    );
    assert_eq!(b.masked, ["https://openai.com/blog"]);
    let (_, orig) = orig_of(text, Format::Markdown, 0, &P.to_string());
    assert_eq!(orig, "<https://example.com/a>");
    // The same in plain text: URLs and e-mail addresses are masked.
    let b = &plain("راجع https://example.com/ar، أو اكتب إلى a.b@x.org.")[0];
    assert_eq!(b.masked, ["https://example.com/ar", "a.b@x.org"]);
}

#[test]
fn html_comments_inline_and_as_blocks_are_not_prose() {
    let text = "word <!-- a note --> word and<!--x-->glued\n\n<!--\nthe the\n-->\n\n<div>\nhidden the the\n</div>\n\nAfter.\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        [format!("word {P} word and{P}glued"), "After.".into()]
    );
    assert_eq!(blocks[0].words, ["word", "word", "and", "glued"]);
    // A comment that spans lines inside a paragraph is one placeholder.
    let b = &md("a <!-- x\ny --> b\n")[0];
    assert_eq!(b.view, format!("a {P} b"));
}

#[test]
fn link_text_is_prose_and_link_targets_are_not() {
    let text = "Read [the full report](https://x.com/r \"Title here\") and [this][ref], not ![an image alt](i.png).\n\n[ref]: https://y.com \"Ref title\"\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        [format!("Read the full report and this, not {P}.")]
    );
    let (span, orig) = orig_of(text, Format::Markdown, 0, "full report");
    assert_eq!(orig, "full report");
    assert_eq!(span.start as usize, text.find("full report").unwrap());
    let (_, orig) = orig_of(text, Format::Markdown, 0, &P.to_string());
    assert_eq!(orig, "![an image alt](i.png)");
    // A link inside an image's alt text does not end the image.
    let b = &md("![a [b](c) d](e) after\n")[0];
    assert_eq!(b.view, format!("{P} after"));
}

#[test]
fn emphasis_spanning_words_maps_to_the_words() {
    let text = "He said *this is **very** important* today.\n";
    let b = &md(text)[0];
    assert_eq!(b.view, "He said this is very important today.");
    let (_, orig) = orig_of(text, Format::Markdown, 0, "is very");
    assert_eq!(orig, "is **very");
    let (_, orig) = orig_of(text, Format::Markdown, 0, "very");
    assert_eq!(orig, "very");
    assert_eq!(b.word_origs, b.words);
}

#[test]
fn headings_are_blocks_of_their_own() {
    let text = "# Le *titre*\n\nTexte.\n\nSous-titre\n----------\n\n## عنوان ##\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        ["Le titre", "Texte.", "Sous-titre", "عنوان"]
    );
    let (span, orig) = orig_of(text, Format::Markdown, 3, "عنوان");
    assert_eq!(orig, "عنوان");
    assert_eq!(span.start as usize, text.find("عنوان").unwrap());
}

#[test]
fn tight_and_loose_list_items_are_blocks() {
    let text = "- first item\n- second\n  continued\n  - nested\n\n1. loose one\n\n2. loose two\n\n   second paragraph\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        [
            "first item",
            "second continued",
            "nested",
            "loose one",
            "loose two",
            "second paragraph"
        ]
    );
    // The soft break inside the item maps to the line break and the
    // continuation line's words to themselves.
    let (_, orig) = orig_of(text, Format::Markdown, 1, "second continued");
    assert_eq!(orig, "second\n  continued");
}

#[test]
fn block_quotes_lose_their_markers() {
    let text = "> A quoted line\n> that goes on.\n>\n> > Nested.\n";
    let blocks = md(text);
    assert_eq!(views(&blocks), ["A quoted line that goes on.", "Nested."]);
    let (_, orig) = orig_of(text, Format::Markdown, 0, "line that");
    assert_eq!(orig, "line\n> that");
}

#[test]
fn table_cells_are_blocks() {
    let text = "| Name | Value |\n|------|------:|\n| `x` y | 97.4 |\n| a \\| b | ok |\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        ["Name", "Value", &format!("{P} y"), "97.4", "a | b", "ok"]
    );
    let (span, orig) = orig_of(text, Format::Markdown, 4, "|");
    assert_eq!(orig, "|");
    assert_eq!(&text[span.start as usize - 1..span.end as usize], "\\|");
}

#[test]
fn yaml_front_matter_is_read_and_is_not_prose() {
    let text = "---\ntitle: \"The the title\"\npublished: 2024-05-01\nlang: fr\n---\n\nLe conseil a voté.\n";
    let (lang, fm, blocks) = parse_with(text, Format::Markdown, None);
    assert_eq!(fm.published.as_deref(), Some("2024-05-01"));
    assert_eq!(fm.lang.as_deref(), Some("fr"));
    assert_eq!(
        fm.span.map(|s| &text[s.range()]),
        Some(&text[..text.find("\n\n").unwrap()])
    );
    assert_eq!(lang, Lang::Fr);
    assert_eq!(views(&blocks), ["Le conseil a voté."]);
    // --lang wins over the front matter.
    assert_eq!(
        parse_with(text, Format::Markdown, Some(Lang::En)).0,
        Lang::En
    );
}

#[test]
fn toml_front_matter_is_read() {
    let text = "+++\npublished = \"2024-05-01T08:00:00Z\"\nlang = \"ar\"\n+++\n\nThe board met.\n";
    let (lang, fm, blocks) = parse_with(text, Format::Markdown, None);
    assert_eq!(fm.published.as_deref(), Some("2024-05-01T08:00:00Z"));
    assert_eq!(lang, Lang::Ar, "front matter lang wins over detection");
    assert_eq!(views(&blocks), ["The board met."]);
}

#[test]
fn front_matter_with_crlf_lone_cr_and_bom() {
    for text in [
        "\u{FEFF}---\r\nlang: fr\r\n---\r\n\r\nThe text.\r\n",
        "---\rlang: fr\r---\r\rThe text.\r",
    ] {
        let (lang, fm, blocks) = parse_with(text, Format::Markdown, None);
        assert_eq!(fm.lang.as_deref(), Some("fr"), "{text:?}");
        assert_eq!(lang, Lang::Fr);
        assert_eq!(views(&blocks), ["The text."], "{text:?}");
    }
}

#[test]
fn only_the_start_of_a_file_holds_front_matter() {
    let text = "Intro.\n\n---\nlang: ar\n---\n\nMore.\n";
    let (lang, fm, blocks) = parse_with(text, Format::Markdown, None);
    assert_eq!(fm, FrontMatter::default());
    assert_eq!(lang, Lang::En);
    assert_eq!(views(&blocks), ["Intro.", "lang: ar", "More."]);
    // A thematic break at the start, then a blank line: prose follows.
    let (_, fm, blocks) = parse_with("---\n\nText.\n\n---\n", Format::Markdown, None);
    assert_eq!(fm.span, None);
    assert_eq!(views(&blocks), ["Text."]);
    // Plain text never has front matter.
    let (_, fm, blocks) = parse_with("---\nlang: fr\n---\n", Format::Text, None);
    assert_eq!(fm, FrontMatter::default());
    assert_eq!(views(&blocks), ["---", "lang: fr", "---"]);
}

#[test]
fn escaped_characters_and_entities_map_back_to_their_source() {
    let text = "Price \\*not\\* 5 &amp; 6 &#x41; &nbsp;x \\\\ end\n";
    let b = &md(text)[0];
    assert_eq!(b.view, "Price *not* 5 & 6 A \u{A0}x \\ end");
    // An escaped character maps to the character, not its backslash.
    let (span, orig) = orig_of(text, Format::Markdown, 0, "*not*");
    assert_eq!(orig, "*not\\*");
    assert_eq!(span.start as usize, text.find("*not").unwrap());
    let (_, orig) = orig_of(text, Format::Markdown, 0, "not");
    assert_eq!(orig, "not");
    // An entity maps to the whole entity.
    let (_, orig) = orig_of(text, Format::Markdown, 0, "&");
    assert_eq!(orig, "&amp;");
    let (_, orig) = orig_of(text, Format::Markdown, 0, "A");
    assert_eq!(orig, "&#x41;");
    let (_, orig) = orig_of(text, Format::Markdown, 0, "\u{A0}x");
    assert_eq!(orig, "&nbsp;x");
    // `\\` is an escaped backslash: the view's `\` is the second one.
    let (span, orig) = orig_of(text, Format::Markdown, 0, "\\ end");
    assert_eq!(orig, "\\ end");
    assert_eq!(span.start as usize, text.find("\\\\").unwrap() + 1);
    // An entity that ends with `;` maps to all of it, not to its last byte.
    let (_, orig) = orig_of("a&#59;b\n", Format::Markdown, 0, ";");
    assert_eq!(orig, "&#59;");
}

#[test]
fn markdown_with_crlf_and_lone_cr() {
    for (text, brk) in [
        ("One\r\ntwo.\r\n\r\nThree.\r\n", "\r\n"),
        ("One\rtwo.\r\rThree.\r", "\r"),
    ] {
        let blocks = md(text);
        assert_eq!(views(&blocks), ["One two.", "Three."], "{text:?}");
        let (_, orig) = orig_of(text, Format::Markdown, 0, " ");
        assert_eq!(orig, brk);
    }
}

#[test]
fn hard_breaks_and_footnotes() {
    let text = "Line one  \nline two\\\nthree[^n].\n\n[^n]: The note.\n";
    let blocks = md(text);
    assert_eq!(
        views(&blocks),
        [format!("Line one\nline two\nthree{P}."), "The note.".into()]
    );
    assert_eq!(
        blocks[0].sentences,
        ["Line one", "line two", &format!("three{P}.")]
    );
}

// ---------------------------------------------------------------- plain text

#[test]
fn plain_text_with_blank_lines_has_paragraphs_of_joined_lines() {
    let text = "First line\nsecond line.\n\n\nNext para.\n  \nLast.";
    let blocks = plain(text);
    assert_eq!(
        views(&blocks),
        ["First line second line.", "Next para.", "Last."]
    );
    let (span, orig) = orig_of(text, Format::Text, 0, "line second");
    assert_eq!(orig, "line\nsecond");
    assert_eq!(span.start as usize, 6);
}

#[test]
fn plain_text_without_blank_lines_has_one_paragraph_per_line() {
    let text = "قال ماسك إنه سيشتري الشركة.\nوقال ألتمان: لا شكرًا.\nThird line";
    let blocks = plain(text);
    assert_eq!(
        views(&blocks),
        [
            "قال ماسك إنه سيشتري الشركة.",
            "وقال ألتمان: لا شكرًا.",
            "Third line"
        ]
    );
    assert_eq!(blocks[1].orig, "وقال ألتمان: لا شكرًا.");
}

#[test]
fn hard_wrapped_lines_join_with_one_space() {
    let text =
        "A paragraph that is   \n    hard wrapped\twith\n\ttrailing and leading space.\n\nNext.";
    let blocks = plain(text);
    assert_eq!(
        views(&blocks)[0],
        "A paragraph that is hard wrapped\twith trailing and leading space."
    );
    assert!(!blocks[0].view.contains("  "));
    // The space stands for the white space and the line break around it.
    let (_, orig) = orig_of(text, Format::Text, 0, "is hard");
    assert_eq!(orig, "is   \n    hard");
    // Inner white space is kept as written.
    let b = &plain("two  spaces\n\nx")[0];
    assert_eq!(b.view, "two  spaces");
}

#[test]
fn hard_wrapped_text_is_checked_as_its_one_line_paragraphs_and_handed_back() {
    // Checked, a plain text file's soft line breaks read as spaces in place
    // (document::soften): the findings are those of the same text with a
    // space for each break, at the same spans, and the report holds the
    // text as read.
    let linter = Linter::new(rules(), None);
    let wrapped =
        "Intro.\n\nHe said that the\nthe plan was\nlate , and\nOpenAI and Openai agreed.\n\nEnd.\n";
    let joined =
        "Intro.\n\nHe said that the the plan was late , and OpenAI and Openai agreed.\n\nEnd.\n";
    let report = |text: &str| {
        let FileReport::Checked {
            findings, source, ..
        } = linter.check_text("w.txt", text, Format::Text)
        else {
            panic!("checked");
        };
        assert_eq!(source.text, text);
        findings
            .iter()
            .map(|f| (f.rule().to_string(), f.span, f.message.to_string()))
            .collect::<Vec<_>>()
    };
    let found = report(wrapped);
    assert!(found.len() >= 2, "{found:?}");
    assert_eq!(found, report(joined));
}

#[test]
fn plain_text_with_bom_crlf_and_lone_cr() {
    let text = "\u{FEFF}Para one\r\nwrapped.\r\n\r\nPara two\rwrapped.\r\rThree.";
    let blocks = plain(text);
    assert_eq!(
        views(&blocks),
        ["Para one wrapped.", "Para two wrapped.", "Three."]
    );
    assert_eq!(blocks[0].orig, "Para one\r\nwrapped.");
    assert_eq!(blocks[1].orig, "Para two\rwrapped.");
    let (span, _) = orig_of(text, Format::Text, 0, "Para");
    assert_eq!(span, Span::new(3, 7));
    // One paragraph per line with CRLF and CR line endings.
    let blocks = plain("\u{FEFF}a b\r\nc d\re f\r\n");
    assert_eq!(views(&blocks), ["a b", "c d", "e f"]);
}

// ---------------------------------------------------------------- offset maps

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word",
        "كلمة",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        "*",
        "**",
        "_",
        "`",
        "``",
        "\\",
        "\\*",
        "&amp;",
        "&#59;",
        "<",
        ">",
        "<!--",
        "-->",
        "[",
        "]",
        "(",
        ")",
        "![",
        "#",
        "- ",
        "> ",
        "1. ",
        "|",
        "---",
        "+++",
        "```",
        "    ",
        "https://x.com",
        "é",
        "\u{0301}",
        "\u{064E}",
        "ـ",
        "\u{200F}",
        "\u{A0}",
        "\u{202F}",
        "😀",
        "٩٧٫٤",
        ".",
        "،",
        "؟",
        "«",
        "»",
        "\"",
        "’",
        "\u{FEFF}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random documents: every view range maps back to original text on
    /// char boundaries, equal to the view for identity pieces, and every
    /// word maps to a non-empty span.
    #[test]
    fn view_ranges_map_back_to_the_original(pieces in prop::collection::vec(piece(), 0..40), bom in any::<bool>()) {
        let mut text = if bom { "\u{FEFF}".to_owned() } else { String::new() };
        text.extend(pieces);
        let rules = rules();
        for format in [Format::Text, Format::Markdown] {
            let src = SourceFile::from_text("p", text.clone(), format);
            let doc = Document::parse(&src, None, rules.data());
            check_block_maps(&doc);
            for b in &doc.blocks {
                for w in &b.words {
                    let span = b.span_of(w.range());
                    prop_assert!(!span.is_empty());
                    prop_assert!(span.is_on_char_boundaries(&text));
                }
                for s in &b.sentences {
                    prop_assert!(b.text.is_char_boundary(s.start as usize) && b.text.is_char_boundary(s.end as usize));
                }
            }
        }
    }
}

#[test]
fn words_in_prose_map_to_themselves_in_both_formats() {
    let text = "# العنوان\n\nقال **ماسك** إن الشركة، وفق *Reuters*، ستبيع ٥٠٪ من أسهمها.\n";
    for format in [Format::Markdown, Format::Text] {
        for b in parse_with(text, format, None).2 {
            assert_eq!(b.word_origs, b.words, "{format:?}");
        }
    }
}

// ---------------------------------------------------------------- normalize

#[test]
fn normalize_folds_for_matching_and_maps_back() {
    let text = "أعلن إيلـون مُسك عن ٩٧٫٤ مليار و۱۲ ألفًا\u{200F} في\u{00A0}الولايات\u{202F}المتحدة، إلى اللقاء";
    let n = normalize(text, 0, NormalizeOptions::default());
    assert_eq!(
        n.text,
        "اعلن ايلون مسك عن 97.4 مليار و12 الفا في الولايات المتحدة، الي اللقاء"
    );
    let find = |s: &str| {
        let at = n.text.find(s).unwrap_or_else(|| panic!("{s:?}"));
        text[n.to_orig(at, at + s.len()).range()].to_owned()
    };
    assert_eq!(find("ايلون مسك"), "إيلـون مُسك");
    assert_eq!(find("97.4"), "٩٧٫٤");
    assert_eq!(find("و12"), "و۱۲");
    assert_eq!(find("الفا"), "ألفًا");
    assert_eq!(
        find("في الولايات المتحدة"),
        "في\u{00A0}الولايات\u{202F}المتحدة"
    );
    assert_eq!(find("الي"), "إلى");
    // With a base offset the spans are offsets into the whole file.
    let n = normalize("xإلى", 7, NormalizeOptions::default());
    assert_eq!(n.to_orig(1, n.text.len()), Span::new(8, 14));
}

#[test]
fn normalize_lowercases_when_asked() {
    let o = NormalizeOptions {
        lowercase: true,
        ..NormalizeOptions::default()
    };
    let text = "OpenAI İS ẞig";
    let n = normalize(text, 0, o);
    assert_eq!(n.text, "openai i̇s ßig");
    let at = n.text.find("ßig").unwrap();
    assert_eq!(&text[n.to_orig(at, at + "ßig".len()).range()], "ẞig");
    let at = n.text.find("s ").unwrap();
    assert_eq!(&text[n.to_orig(0, at + 1).range()], "OpenAI İS");
}

// ---------------------------------------------------------------- language

fn detect(text: &str) -> Lang {
    detect_language(text, rules().data())
}

#[test]
fn arabic_with_many_latin_names_is_arabic() {
    for text in [
        "استثمرت Microsoft و SoftBank و Oracle و OpenAI في مشروع Stargate مع Nvidia وArm.",
        "يشير Sam Altman إلى السعر الذي يدفعه Elon Musk for Twitter (الآن X) وفق The Wall Street Journal.",
        "قالت Reuters إن ChatGPT وGPT-4o وo3-mini متاحة في iPhone 16 Pro.",
    ] {
        assert_eq!(detect(text), Lang::Ar, "{text}");
    }
}

#[test]
fn french_and_english_by_function_words() {
    assert_eq!(
        detect("Le conseil d’administration a rejeté l’offre de rachat, selon un communiqué."),
        Lang::Fr
    );
    assert_eq!(
        detect("C’est la société qu’il a fondée avec Sam Altman et Elon Musk."),
        Lang::Fr
    );
    assert_eq!(
        detect("The board rejected the offer from Elon Musk, according to a statement."),
        Lang::En
    );
    // English quoting a few Arabic words stays English.
    assert_eq!(
        detect("The banner read مرحبا بكم في دبي and the crowd cheered when they saw it."),
        Lang::En
    );
    // French that names English titles stays French.
    assert_eq!(
        detect("Le groupe a joué The Wall et Sympathy for the Devil devant les fans."),
        Lang::Fr
    );
}

#[test]
fn capitalised_and_curly_function_words_count() {
    // Upper case outside ASCII (`ÉTÉ`), a curly apostrophe (`C’EST`): each
    // is the function word in lower case with a straight apostrophe.
    assert_eq!(detect("C’EST QU’IL THE"), Lang::Fr);
    assert_eq!(detect("ÉTÉ ÉTÉ THE"), Lang::Fr);
    assert_eq!(detect("C’EST THE THE"), Lang::En);
}

#[test]
fn detection_reads_the_first_five_thousand_words() {
    let english = "the board said ".repeat(1700); // 5,100 words
    let french = "le conseil a dit et ".repeat(3000);
    assert_eq!(detect(&format!("{english}{french}")), Lang::En);
    assert_eq!(detect(&format!("{french}{english}")), Lang::Fr);
    // Words without a letter (figures, punctuation) are not counted.
    let figures = "2025 ; 3,5 ".repeat(6000);
    assert_eq!(detect(&format!("{figures}{french}")), Lang::Fr);
}

#[test]
fn short_and_empty_texts() {
    assert_eq!(detect(""), Lang::En);
    assert_eq!(detect("   \n"), Lang::En);
    assert_eq!(detect("2025"), Lang::En);
    assert_eq!(detect("OpenAI"), Lang::En);
    assert_eq!(detect("نعم"), Lang::Ar);
    assert_eq!(detect("ماسك OpenAI"), Lang::Ar);
    assert_eq!(detect("Élection présidentielle"), Lang::Fr);
    assert_eq!(detect("très"), Lang::Fr);
    assert_eq!(detect("the"), Lang::En);
}

#[test]
fn document_language_comes_from_flag_front_matter_then_detection() {
    let text = "قال ماسك إن Tesla لن تبيع.";
    assert_eq!(parse_with(text, Format::Text, None).0, Lang::Ar);
    assert_eq!(parse_with(text, Format::Text, Some(Lang::Fr)).0, Lang::Fr);
    let md_text = format!("---\nlang: en\n---\n{text}\n");
    assert_eq!(parse_with(&md_text, Format::Markdown, None).0, Lang::En);
    // An unknown front matter language falls back to detection.
    let md_text = format!("---\nlang: klingon\n---\n{text}\n");
    assert_eq!(parse_with(&md_text, Format::Markdown, None).0, Lang::Ar);
    // Code is not read for detection.
    let md_text =
        "```\nthe and of to in is that for it was\n```\n\nLe conseil et les actionnaires.\n";
    assert_eq!(parse_with(md_text, Format::Markdown, None).0, Lang::Fr);
}

// ---------------------------------------------------------------- sentences

#[test]
fn arabic_sentences_end_at_question_mark_and_full_stop() {
    let b = &plain("هل يصل المبلغ إلى 97.4 مليار؟ نعم، قال ماسك؛ وأضاف: لن أبيع. ثم غادر")[0];
    assert_eq!(
        b.sentences,
        [
            "هل يصل المبلغ إلى 97.4 مليار؟",
            "نعم، قال ماسك؛ وأضاف: لن أبيع.",
            "ثم غادر"
        ]
    );
}

#[test]
fn sentences_keep_decimals_and_abbreviations() {
    let b = &plain(
        "Revenue rose 97.4 percent, Mr. Smith said. Dr. J. Watson agreed! Is it true? M. Macron a répondu.",
    )[0];
    assert_eq!(
        b.sentences,
        [
            "Revenue rose 97.4 percent, Mr. Smith said.",
            "Dr. J. Watson agreed!",
            "Is it true?",
            "M. Macron a répondu."
        ]
    );
}

// ---------------------------------------------------------------- words

#[test]
fn arabic_words_with_clitics_and_diacritics() {
    let b = &plain("وبالشركة والمليار فسيُعلنون لِلمستثمرين كتابهم")[0];
    assert_eq!(
        b.words,
        ["وبالشركة", "والمليار", "فسيُعلنون", "لِلمستثمرين", "كتابهم"]
    );
    assert!(
        b.scripts.iter().all(|s| *s == Script::Arabic),
        "{:?}",
        b.scripts
    );
}

#[test]
fn glued_arabic_latin_and_digits_are_one_word() {
    let b = &plain("وراءهاchatgpt من100 وChatGPT ب5 2025م ٢٠٢٥ Musk")[0];
    assert_eq!(
        b.words,
        [
            "وراءهاchatgpt",
            "من100",
            "وChatGPT",
            "ب5",
            "2025م",
            "٢٠٢٥",
            "Musk"
        ]
    );
    assert_eq!(
        b.scripts,
        [
            Script::Mixed,
            Script::Mixed,
            Script::Mixed,
            Script::Mixed,
            Script::Mixed,
            Script::Digits,
            Script::Latin
        ]
    );
}

// ---------------------------------------------------------------- through a rule

#[test]
fn a_finding_in_markdown_points_at_the_original_bytes() {
    let mut rules = rules();
    rules.retain(&Selector::new(vec!["language/doubled-word".into()], vec![]));
    let linter = Linter::new(rules, Some(Lang::En));
    let text = "# Title\n\nIt was **the the** best `the the` offer &amp; the\nthe end.\n";
    let FileReport::Checked {
        source, findings, ..
    } = linter.check_text("a.md", text, Format::Markdown)
    else {
        panic!("checked");
    };
    let got: Vec<(&str, Span)> = findings
        .iter()
        .map(|f| (f.text(&source.text), f.span))
        .collect();
    let first = text.find("the the").unwrap();
    let second = text.find("the\nthe").unwrap();
    assert_eq!(
        got,
        [
            ("the the", Span::new(first, first + 7)),
            ("the\nthe", Span::new(second, second + 7)),
        ]
    );
    assert_eq!(
        source.line_col(second + 4, ColumnUnit::Chars),
        LineCol { line: 4, column: 1 }
    );
}

#[test]
fn a_document_hands_over_its_figures_and_dates_whether_or_not_a_rule_asked() {
    let rules = rules();
    let text = "On 3 March 2024 the firm raised $97.4 billion; by 5 May it had 9.74 billion.";
    let src = SourceFile::from_text("t", text.to_owned(), Format::Text);
    let asked = Document::parse(&src, Some(Lang::En), rules.data());
    let (amounts, dates) = (asked.amounts().to_vec(), asked.dates().to_vec());
    assert_eq!(amounts.len(), 2, "{amounts:?}");
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert_eq!(asked.into_figures(true), (amounts.clone(), dates.clone()));
    // Not asked before: extracted on the way out.
    let fresh = Document::parse(&src, Some(Lang::En), rules.data());
    assert_eq!(fresh.into_figures(true), (amounts.clone(), dates.clone()));
    // Unless only what was extracted is wanted: nothing here,
    let fresh = Document::parse(&src, Some(Lang::En), rules.data());
    assert_eq!(fresh.into_figures(false), (vec![], vec![]));
    // and all of them once a rule has asked.
    let asked = Document::parse(&src, Some(Lang::En), rules.data());
    asked.amounts();
    assert_eq!(asked.into_figures(false), (amounts, dates));
}
