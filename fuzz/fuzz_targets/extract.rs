//! The amount and date extractors on arbitrary text, in each language, with
//! and without a publication date. Every span must lie inside the text on
//! char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

use factlint::Document;
use factlint::source::{Format, SourceFile};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let format = if options & 8 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    let source = SourceFile::from_text("a.txt", text.to_owned(), format);
    let doc = Document::parse(&source, common::lang(options), common::rules().data());
    for a in factlint::amount::extract(&doc) {
        let r = a.span.range();
        common::assert_span(text, r.start, r.end, "amount");
    }
    let (dates, durations) = factlint::date::extract_all(&doc, common::published(options >> 2));
    for d in dates {
        let r = d.span.range();
        common::assert_span(text, r.start, r.end, "date");
        let _ = d.iso();
    }
    for d in durations {
        assert!(d.view.start <= d.view.end && d.view.end <= doc.blocks[d.block].text.len());
    }
});
