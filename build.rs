//! Embeds the default `rules/` folder in the binary: every `.toml` file (rules,
//! data, gazetteer) and `.txt` word list under `rules/`, sorted by path,
//! becomes an entry of `EMBEDDED_RULES`.
//!
//! The gazetteer files are also read here, with the crate's own schema
//! (`src/entity/spec.rs`), and stored as postcard in
//! `$OUT_DIR/gazetteer.postcard` with each entity's forms, their keys and
//! what the gazetteer derives from them (`src/entity/forms.rs`), every
//! string a byte range of one text, `$OUT_DIR/gazetteer-text.txt`: a run
//! decodes a few thousand numbers and borrows the strings from the binary
//! (no TOML to parse, no key to compute, no string to check or copy). The
//! Aho-Corasick automaton over the gazetteer's matching keys is built here
//! too (`$OUT_DIR/gazetteer.daac`, over the keys that open the text, one a
//! line), with the crate's own code for the forms and keys
//! (`src/entity/forms.rs`). The data files (`rules/data/*.toml`,
//! lists of strings) are stored the same way, in `$OUT_DIR/data.postcard`
//! with their strings in `$OUT_DIR/data-text.txt`, and each rule file less
//! its examples as JSON (`EMBEDDED_RULES_JSON`), which reads faster than
//! its TOML.
//! A file that does not match its schema fails the build. The plain word
//! lists (`rules/data/*.txt`) become hash tables in `$OUT_DIR/words-*.bin`
//! (listed in `word_sets.rs`; the layout is `src/rules/word_table.rs`):
//! looking a word up costs no set to build.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The crate's own modules that build.rs shares: the layout of the word
// tables, the gazetteer schema, and the forms of its entities, their
// matching keys and name skeletons, with the two modules those need (letter
// classes and normalization). The paths mirror `src/`.
#[allow(dead_code, unreachable_pub, unused_imports)]
mod src {
    pub mod document {
        mod letters;
        pub use letters::{is_arabic_letter, is_latin_letter};
    }
    pub mod rules {
        pub mod word_table;
    }
    pub mod entity {
        pub mod forms;
        pub mod skeleton;
        pub mod spec;
    }
    pub mod source {
        mod normalize;
        mod offset_map;
        mod span;
        pub use normalize::{NormalizeOptions, normalize_text_into, normalized_chars};
        pub use offset_map::OffsetMap;
        pub use span::Span;
    }
}
use src::entity::{forms, spec};

/// The embedded gazetteer files as read here: (path under `rules/`, each
/// entity with its prepared forms), in path order.
type Embedded = Vec<(String, Vec<(spec::EntitySpec, Vec<forms::Prepared>)>)>;

/// The data files as stored (`rules::data::EmbeddedFiles`): for each (path
/// under `rules/data/`), its lists (name, entries), every string a range.
type DataFiles = Vec<(forms::Range, Vec<(forms::Range, Vec<forms::Range>)>)>;

/// The distinct matching keys of the embedded gazetteer's forms, in byte
/// order: the patterns `Gazetteer::build` gives the automaton, with the
/// same rule for an entity named twice (the later one replaces it).
fn gazetteer_keys(files: &Embedded) -> Vec<String> {
    let mut by_name: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut entities: Vec<Vec<&str>> = Vec::new();
    for (_, file) in files {
        for (spec, prepared) in file {
            let keys: Vec<&str> = prepared.iter().map(|f| f.key.as_str()).collect();
            if let Some(&i) = by_name.get(spec.name.as_str()) {
                entities[i] = keys;
            } else {
                by_name.insert(&spec.name, entities.len());
                entities.push(keys);
            }
        }
    }
    let keys: std::collections::BTreeSet<&str> = entities.into_iter().flatten().collect();
    keys.into_iter().map(str::to_owned).collect()
}

/// The embedded gazetteer as a run reads it ([`forms::Pooled`]) and the
/// text its strings are ranges of: the distinct `keys` first, one a line,
/// then every other string once.
fn pool(files: &Embedded, keys: &[String]) -> (forms::Pooled, String) {
    let mut text = String::new();
    let mut at: std::collections::HashMap<String, forms::Range> = std::collections::HashMap::new();
    let offset = |n: usize| u32::try_from(n).expect("a gazetteer text under 4 GB");
    let mut pooled = forms::Pooled::default();
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let start = offset(text.len());
        text.push_str(key);
        pooled.key_ends.push(offset(text.len()));
        at.insert(key.clone(), (start, offset(text.len())));
    }
    let mut add = |s: &str| -> forms::Range {
        *at.entry(s.to_owned()).or_insert_with(|| {
            let start = offset(text.len());
            text.push_str(s);
            (start, offset(text.len()))
        })
    };
    for (rel, entities) in files {
        let path = add(&format!("rules/{rel}"));
        for (spec, prepared) in entities {
            for f in prepared {
                pooled.forms.push(forms::PooledForm {
                    text: add(&f.text),
                    key: add(&f.key),
                    kind: f.kind,
                    arabic: f.arabic,
                    rank: f.rank,
                    french: forms::is_french(&f.text, &spec.name, spec.fr.as_deref()),
                    unless_ordinary: forms::unless_ordinary(f, &spec.name),
                });
            }
            pooled.entities.push(forms::PooledEntity {
                name: add(&spec.name),
                kind: spec.kind,
                ar: spec.ar.as_deref().map(&mut add),
                fr: spec.fr.as_deref().map(&mut add),
                case_sensitive: spec.case_sensitive,
                forms_end: offset(pooled.forms.len()),
            });
        }
        pooled.files.push((path, offset(pooled.entities.len())));
    }
    (pooled, text)
}

/// `EMBEDDED_RULES_JSON`: each embedded rule file (not a data, gazetteer or
/// fact file) without its `[[examples]]`, which come last, as JSON, sorted
/// by path under `rules/`. A run decodes that instead of the TOML (`serde_json`
/// parses it several times faster); the TOML stays in the binary for the
/// examples and for error messages. A file with a TOML date or time (no
/// JSON value) is left out, and read as TOML.
fn rules_as_json(rules: &Path, files: &[PathBuf]) -> String {
    fn has_datetime(v: &toml::Value) -> bool {
        match v {
            toml::Value::Datetime(_) => true,
            toml::Value::Array(a) => a.iter().any(has_datetime),
            toml::Value::Table(t) => t.values().any(has_datetime),
            _ => false,
        }
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for f in files {
        let rel = f.strip_prefix(rules).expect("under rules/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if !is_toml(f)
            || ["data/", "gazetteer/", "facts/"]
                .iter()
                .any(|d| rel.starts_with(d))
        {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("read a rule file");
        // (What `rules::without_examples` keeps.)
        let head = text.find("\n[[examples]]").map_or(&*text, |i| &text[..=i]);
        let Ok(table) = toml::from_str::<toml::Table>(head) else {
            continue; // the run reports it, with its line
        };
        let value = toml::Value::Table(table);
        if !has_datetime(&value) {
            out.push((
                rel,
                serde_json::to_string(&value).expect("TOML values are JSON"),
            ));
        }
    }
    out.sort();
    let mut code = String::from(
        "/// The embedded rule files without their examples, as JSON, by path.\n\
         pub(crate) static EMBEDDED_RULES_JSON: &[(&str, &str)] = &[\n",
    );
    for (rel, json) in out {
        writeln!(code, "    ({rel:?}, {json:?}),").expect("write to string");
    }
    code.push_str("];\n");
    code
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml" || e == "txt") {
            out.push(path);
        }
    }
}

/// The runtime's test too (`rules::is_toml`).
fn is_toml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut code =
        String::from("/// Default rule and data files: (path under `rules/`, contents).\n");
    code.push_str("pub(crate) static EMBEDDED_RULES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&rules).expect("under rules/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    code.push_str(&rules_as_json(&rules, &files));
    let mut gazetteer: Embedded = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&rules).expect("under rules/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.starts_with("gazetteer/") && is_toml(f) {
            let text = std::fs::read_to_string(f).expect("read a gazetteer file");
            let file: spec::EntityFile = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("rules/{rel} does not match the gazetteer schema: {e}"));
            let entities = file
                .entity
                .into_iter()
                .map(|mut spec| {
                    let prepared = forms::prepare(&spec);
                    // A run reads the prepared forms, never these lists
                    // again: not storing them spares it decoding a few
                    // thousand strings at start-up.
                    spec.accept.clear();
                    spec.variants.clear();
                    spec.misspellings.clear();
                    (spec, prepared)
                })
                .collect();
            gazetteer.push((rel, entities));
        }
    }
    // The gazetteer's automaton, built here over its keys (building it is
    // most of what a run spent on its first article), and the keys it was
    // built over, which a run compares with its own before using it. Each
    // form also gets the place of its key among them, by which a run puts
    // the forms in key order without comparing strings.
    let keys = gazetteer_keys(&gazetteer);
    for (_, entities) in &mut gazetteer {
        for (_, prepared) in entities {
            for form in prepared {
                form.rank = keys
                    .binary_search(&form.key)
                    .ok()
                    .map(|r| u32::try_from(r).expect("fewer than 2^32 keys"));
            }
        }
    }
    let (pooled, text) = pool(&gazetteer, &keys);
    let bytes = postcard::to_allocvec(&pooled).expect("encode the gazetteer");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out_dir.join("gazetteer.postcard"), bytes).expect("write gazetteer.postcard");
    std::fs::write(out_dir.join("gazetteer-text.txt"), text).expect("write gazetteer-text.txt");
    let automaton: daachorse::DoubleArrayAhoCorasick<u32> =
        daachorse::DoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("the gazetteer's keys are distinct and not empty");
    std::fs::write(out_dir.join("gazetteer.daac"), automaton.serialize())
        .expect("write gazetteer.daac");
    // The data files (`data/*.toml`: lists of strings), by file name, as
    // `rules::data::EmbeddedFiles`: every string a range of one text.
    let mut text = String::new();
    let mut range = |s: &str| -> forms::Range {
        let start = u32::try_from(text.len()).expect("data under 4 GB");
        text.push_str(s);
        (start, u32::try_from(text.len()).expect("data under 4 GB"))
    };
    let mut data: DataFiles = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(rules.join("data")).ok();
        let Some(rel) = rel.map(|r| r.to_string_lossy().replace('\\', "/")) else {
            continue;
        };
        if is_toml(f) {
            let file = std::fs::read_to_string(f).expect("read a data file");
            let lists: BTreeMap<String, Vec<String>> = toml::from_str(&file)
                .unwrap_or_else(|e| panic!("rules/data/{rel} is not lists of strings: {e}"));
            let rel = range(&rel);
            let lists = lists
                .iter()
                .map(|(name, words)| (range(name), words.iter().map(|w| range(w)).collect()))
                .collect();
            data.push((rel, lists));
        }
    }
    let bytes = postcard::to_allocvec(&data).expect("encode the data lists");
    std::fs::write(out_dir.join("data.postcard"), bytes).expect("write data.postcard");
    std::fs::write(out_dir.join("data-text.txt"), text).expect("write data-text.txt");
    // The plain word lists (`data/*.txt`, the frequency lexicons) as hash
    // tables of their lower-cased entries, as `Data::set` would build them
    // at run time: one file of words and offsets per list, included as
    // bytes (no pointer to relocate when the binary loads).
    let mut table = String::from("pub(crate) static EMBEDDED_SETS: &[(&str, &[u8], &str)] = &[\n");
    for f in &files {
        let Ok(rel) = f.strip_prefix(rules.join("data")) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let Some(stem) = rel.strip_suffix(".txt") else {
            continue;
        };
        let text = std::fs::read_to_string(f).expect("read a word list");
        let words: std::collections::BTreeSet<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        let (index, text) = src::rules::word_table::layout(&words);
        std::fs::write(out_dir.join(format!("words-{stem}.bin")), index).expect("write a table");
        std::fs::write(out_dir.join(format!("words-{stem}.txt")), text).expect("write a table");
        writeln!(
            table,
            "    ({stem:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/words-{stem}.bin\")), \
             include_str!(concat!(env!(\"OUT_DIR\"), \"/words-{stem}.txt\"))),"
        )
        .expect("write to string");
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("word_sets.rs"), table).expect("write word_sets.rs");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded_rules.rs");
    std::fs::write(out, code).expect("write embedded_rules.rs");
}
