//! One benchmark per pipeline stage (issue 7). Figures are reported, never
//! asserted: run `cargo bench --bench pipeline`, see README "Performance".
//!
//! Inputs:
//! - `seed-ar`: the seed article (`seeds/000_1da055f338dfc321.txt`, 4.3 KB);
//! - `en-100k`, `ar-100k`: `$FACTLINT_BENCH_CORPUS/{en,ar}/{en,ar}-100k.txt`
//!   (default corpus `/tmp/peers/corpus`, made by
//!   `../shared/bench/make-corpus.py`); when absent, about 100 KB built here by
//!   repeating an English sample and the seed.
//!
//! Stages, each with `Throughput::Bytes` of the input article:
//! - `startup/ruleset-embedded`: loading the embedded rules (no throughput);
//! - `parse`: decoding (UTF-8, line index) and `Document::parse` (blocks,
//!   language detection, segmentation);
//! - `normalize`: `source::normalize` of every block (what the extractors do
//!   first);
//! - `extract/{amounts,dates,entities}` on a parsed document;
//! - `check/<kind>`: one rule of each kind, selected by id through
//!   `RuleSet::retain`, on a parsed document whose extractions are cached
//!   (so only the check is timed); kinds with no rule for the input's
//!   language are skipped;
//! - `check/all-rules`: every rule on a parsed document (extractions not
//!   cached: a fresh parse is set up outside the timing);
//! - `lint/end-to-end`: `Linter::check_bytes` (decode, parse, extract, all
//!   rules, suppressions);
//! - `render/{human,json,sarif}` of the report of one article;
//! - `floor/words-and-lookup`: not factlint's code but a yardstick for the
//!   others, the least a word-based linter does once per document: UTF-8
//!   validation, words cut at Unicode letters and digits, each lower-cased
//!   and looked up once in a hash set (the input's first 4,096 distinct
//!   words). factlint makes several such passes (segmentation,
//!   normalization, amounts, dates, names, the checks), so its end-to-end
//!   figure is some fraction of this one (see README "Goals").
//!
//! Run time: by default 10 samples, 0.5 s warm-up and 2 s of measurement per
//! benchmark; `FACTLINT_BENCH_SECS=5` changes the measurement time and
//! criterion's own flags (`-- --sample-size 20 --measurement-time 5`, a
//! filter such as `-- parse`) override both.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factlint::render::RuleInfo;
use factlint::rules::Selector;
use factlint::source::{Decoded, Format, NormalizeOptions, normalize};
use factlint::{Document, FileReport, Linter, RuleSet, SourceFile};

const SEED: &str = include_str!("../seeds/000_1da055f338dfc321.txt");

/// Used only when the corpus is absent: a short news text, repeated.
const EN_SAMPLE: &str = "Elon Musk offered $97.4 billion on Monday, February 10, 2025, to buy \
the non-profit that controls OpenAI, the company behind ChatGPT. Sam Altman, its chief \
executive, said on X that the board would reject the bid. OpenAI was founded in 2015 as a \
non-profit; Musk left its board in 2018. In 2019 it created a capped-profit arm, which raised \
about $13 billion from Microsoft. The offer values the company at less than the $157 billion \
of its last funding round in October 2024, when revenue was expected to reach 3.7 billion \
dollars, up 250 per cent on the year before.\n\n\
The Reserve Bank of Australia left its cash rate at 4.35 per cent on Tuesday. Unemployment \
rose to 4.1% in January, the Australian Bureau of Statistics said on Thursday, and 44,000 jobs \
were added, more than the 20,000 economists had forecast.\n\n";

struct Input {
    name: &'static str,
    bytes: Vec<u8>,
}

fn corpus_or_built(name: &'static str, rel: &str, sample: &str) -> Input {
    let dir = std::env::var("FACTLINT_BENCH_CORPUS").unwrap_or_else(|_| "/tmp/peers/corpus".into());
    let path = std::path::Path::new(&dir).join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|_| {
        eprintln!(
            "bench: {} not found; using {name} built from a repeated sample",
            path.display()
        );
        let mut s = String::new();
        while s.len() + sample.len() <= 100_000 {
            s.push_str(sample);
            s.push_str("\n\n");
        }
        s.into_bytes()
    });
    Input { name, bytes }
}

fn inputs() -> Vec<Input> {
    vec![
        Input {
            name: "seed-ar",
            bytes: SEED.as_bytes().to_vec(),
        },
        corpus_or_built("en-100k", "en/en-100k.txt", EN_SAMPLE),
        corpus_or_built("ar-100k", "ar/ar-100k.txt", SEED),
    ]
}

fn source(input: &Input) -> SourceFile {
    match SourceFile::decode(input.name, input.bytes.clone(), Format::Text) {
        Ok(Decoded::File(s)) => s,
        _ => panic!("{}: not valid UTF-8 text", input.name),
    }
}

/// The kind of each rule, and one rule id per kind that applies to `lang`.
fn rule_per_kind(rules: &RuleSet, lang: factlint::Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for kind in factlint::check::kind_names() {
        let mut ids: Vec<&str> = rules
            .rules()
            .iter()
            .filter(|r| r.meta.kind == kind && r.applies_to(lang))
            .map(|r| &*r.id)
            .collect();
        ids.sort_unstable();
        match ids.first() {
            Some(id) => out.push((kind.to_owned(), (*id).to_owned())),
            None => eprintln!("bench: no rule of kind {kind} applies to {lang:?}; skipped"),
        }
    }
    out
}

fn only(id: &str) -> RuleSet {
    let mut set = RuleSet::embedded().expect("embedded rules load");
    set.retain(&Selector::new(vec![id.to_owned()], Vec::new()));
    assert_eq!(set.rules().len(), 1, "{id} selects one rule");
    set
}

fn config() -> Criterion {
    let secs = std::env::var("FACTLINT_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs_f64(secs))
        .configure_from_args()
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let rules = RuleSet::embedded().expect("embedded rules load");

    c.bench_function("startup/ruleset-embedded", |b| {
        b.iter(|| RuleSet::embedded().expect("embedded rules load"));
    });

    let mut g = c.benchmark_group("parse");
    for input in &inputs {
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(input.name),
            input,
            |b, input| {
                b.iter_batched(
                    || input.bytes.clone(),
                    |bytes| {
                        let Ok(Decoded::File(src)) =
                            SourceFile::decode(input.name, bytes, Format::Text)
                        else {
                            unreachable!()
                        };
                        let doc = Document::parse(&src, None, rules.data());
                        black_box(doc.blocks.len());
                    },
                    BatchSize::SmallInput,
                );
            },
        );
    }
    g.finish();

    let sources: Vec<SourceFile> = inputs.iter().map(source).collect();

    let mut g = c.benchmark_group("normalize");
    for (input, src) in inputs.iter().zip(&sources) {
        let doc = Document::parse(src, None, rules.data());
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_function(BenchmarkId::from_parameter(input.name), |b| {
            b.iter(|| {
                for block in &doc.blocks {
                    black_box(normalize(&block.text, 0, NormalizeOptions::default()));
                }
            });
        });
    }
    g.finish();

    let mut g = c.benchmark_group("extract");
    for (input, src) in inputs.iter().zip(&sources) {
        let doc = Document::parse(src, None, rules.data());
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_function(BenchmarkId::new("amounts", input.name), |b| {
            b.iter(|| factlint::amount::extract(black_box(&doc)));
        });
        g.bench_function(BenchmarkId::new("dates", input.name), |b| {
            b.iter(|| factlint::date::extract(black_box(&doc), doc.published()));
        });
        g.bench_function(BenchmarkId::new("entities", input.name), |b| {
            b.iter(|| factlint::entity::extract(black_box(&doc), &doc.data.gazetteer, doc.data));
        });
    }
    g.finish();

    let mut g = c.benchmark_group("check");
    for (input, src) in inputs.iter().zip(&sources) {
        let doc = Document::parse(src, None, rules.data());
        // Extract once, outside the timing: each check is timed alone.
        let _ = (doc.amounts(), doc.dates(), doc.entities());
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        for (kind, id) in rule_per_kind(&rules, doc.lang) {
            let set = only(&id);
            eprintln!("bench: check/{kind}/{}: rule {id}", input.name);
            g.bench_function(BenchmarkId::new(&kind, input.name), |b| {
                b.iter(|| set.check(black_box(&doc)));
            });
        }
        g.bench_function(BenchmarkId::new("all-rules", input.name), |b| {
            b.iter_batched_ref(
                || Document::parse(src, None, rules.data()),
                |doc| rules.check(doc),
                BatchSize::SmallInput,
            );
        });
    }
    g.finish();

    let linter = Linter::new(RuleSet::embedded().expect("embedded rules load"), None);
    let mut g = c.benchmark_group("lint");
    for input in &inputs {
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("end-to-end", input.name),
            input,
            |b, input| {
                b.iter_batched(
                    || input.bytes.clone(),
                    |bytes| linter.check_bytes(input.name, bytes, Format::Text),
                    BatchSize::SmallInput,
                );
            },
        );
    }
    g.finish();

    let mut g = c.benchmark_group("floor");
    for input in &inputs {
        let set = first_words(&input.bytes, 4096);
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_function(BenchmarkId::new("words-and-lookup", input.name), |b| {
            b.iter(|| words_and_lookup(black_box(&input.bytes), &set));
        });
    }
    g.finish();

    let infos = RuleInfo::of(&linter.rules);
    let mut g = c.benchmark_group("render");
    for input in &inputs {
        let reports = vec![linter.check_bytes(input.name, input.bytes.clone(), Format::Text)];
        if let FileReport::Checked { findings, .. } = &reports[0] {
            eprintln!("bench: render/{}: {} findings", input.name, findings.len());
        }
        g.throughput(Throughput::Bytes(input.bytes.len() as u64));
        g.bench_function(BenchmarkId::new("human", input.name), |b| {
            b.iter(|| factlint::render::human::render(black_box(&reports), false));
        });
        g.bench_function(BenchmarkId::new("json", input.name), |b| {
            b.iter(|| factlint::render::json::render(black_box(&reports)));
        });
        g.bench_function(BenchmarkId::new("sarif", input.name), |b| {
            b.iter(|| factlint::render::sarif::render(black_box(&reports), &infos));
        });
    }
    g.finish();
}

/// Calls `f` with each word of `text`: a run of Unicode letters and digits.
fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// The first `n` distinct words of `bytes`, lower-cased.
fn first_words(bytes: &[u8], n: usize) -> rustc_hash::FxHashSet<String> {
    let mut set = rustc_hash::FxHashSet::default();
    each_word(std::str::from_utf8(bytes).unwrap_or(""), |w| {
        if set.len() < n {
            set.insert(w.to_lowercase());
        }
    });
    set
}

/// The yardstick pass (`floor`): how many words of `bytes` are in `set`.
fn words_and_lookup(bytes: &[u8], set: &rustc_hash::FxHashSet<String>) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let mut key = String::new();
    let mut found = 0;
    each_word(text, |w| {
        key.clear();
        key.extend(w.chars().flat_map(char::to_lowercase));
        found += usize::from(set.contains(key.as_str()));
    });
    found
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
