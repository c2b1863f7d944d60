//! Arbitrary bytes as an article: plain text and Markdown, with and without
//! a language and a publication date. Every span must lie inside the text on
//! char boundaries; the human and JSON reports must render.
#![no_main]

use libfuzzer_sys::fuzz_target;

use factlint::lint::FileReport;
use factlint::render;
use factlint::source::Format;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let format = if options & 8 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    let path = if format == Format::Text {
        "a.txt"
    } else {
        "a.md"
    };
    let linter = common::linter(options);
    let report = linter.check_bytes(path, bytes.to_vec(), format);
    common::assert_no_internal_error(&report);
    if let FileReport::Checked {
        source,
        findings,
        amounts,
        dates,
        ..
    } = &report
    {
        let text = &source.text;
        for f in findings {
            common::assert_span(text, f.span.range().start, f.span.range().end, f.rule());
            for r in f.related() {
                common::assert_span(text, r.span.range().start, r.span.range().end, f.rule());
            }
        }
        for a in amounts {
            common::assert_span(text, a.span.range().start, a.span.range().end, "amount");
        }
        for d in dates {
            common::assert_span(text, d.span.range().start, d.span.range().end, "date");
        }
    }
    let reports = [report];
    let _ = render::human::render(&reports, options & 0x10 != 0);
    let json = render::json::render(&reports);
    assert!(json.starts_with('{'));
});
