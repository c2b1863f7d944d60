//! Arbitrary bytes as a translation and its original: the input after the
//! options byte is cut at its first 0xFF byte (never in UTF-8) into the
//! original and the translation, aligned and checked with the translation
//! rules, with and without languages and a publication date. Every span of a
//! finding must lie inside the translation and every related span inside its
//! own file, on char boundaries; the human and JSON reports must render.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

use factlint::document::{Document, Original};
use factlint::lint::FileReport;
use factlint::render;
use factlint::source::{Format, SourceFile};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let cut = bytes.iter().position(|&b| b == 0xFF).unwrap_or(bytes.len());
    let (original, translation) = (&bytes[..cut], bytes.get(cut + 1..).unwrap_or_default());
    let (Ok(original), Ok(translation)) = (
        std::str::from_utf8(original),
        std::str::from_utf8(translation),
    ) else {
        return;
    };
    let format = if options & 0x40 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    let rules = common::translation_rules();
    let published = common::published(options >> 4);
    let original = Arc::new(SourceFile::from_text("o.txt", original.to_owned(), format));
    let translation = SourceFile::from_text("t.txt", translation.to_owned(), format);
    let odoc = Document::parse(&original, common::lang(options >> 2), rules.data())
        .with_published(published);
    let doc = Document::parse(&translation, common::lang(options), rules.data())
        .with_published(published)
        .with_original(Original {
            doc: &odoc,
            file: &original,
        });
    let findings = rules.check(&doc);
    for f in &findings {
        common::assert_span(
            &translation.text,
            f.span.range().start,
            f.span.range().end,
            f.rule(),
        );
        for r in f.related() {
            let text = &r.source(&translation).text;
            common::assert_span(text, r.span.range().start, r.span.range().end, f.rule());
        }
    }
    let (lang, amounts, dates) = (doc.lang, doc.amounts().to_vec(), doc.dates().to_vec());
    drop(doc);
    let reports = [FileReport::Checked {
        source: translation,
        lang,
        findings,
        amounts,
        dates,
        published,
    }];
    let _ = render::human::render(&reports, false);
    let json = render::json::render(&reports);
    assert!(json.starts_with('{'));
});
