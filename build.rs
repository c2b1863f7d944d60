//! Embeds the default `rules/` folder in the binary: every `.toml` file (rules,
//! data, gazetteer) and `.txt` word list under `rules/`, sorted by path,
//! becomes an entry of `EMBEDDED_RULES`.
//!
//! The gazetteer files are also read here, with the crate's own schema
//! (`src/entity/spec.rs`), and stored as postcard in
//! `$OUT_DIR/gazetteer.postcard`: decoding that at start-up is many times
//! faster than parsing their TOML. The data files (`rules/data/*.toml`,
//! lists of strings) are stored the same way, in `$OUT_DIR/data.postcard`.
//! A file that does not match its schema fails the build.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The gazetteer schema, shared with the crate.
#[allow(dead_code, unreachable_pub)]
#[path = "src/entity/spec.rs"]
mod spec;

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
    let mut gazetteer: spec::Embedded = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&rules).expect("under rules/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.starts_with("gazetteer/") && is_toml(f) {
            let text = std::fs::read_to_string(f).expect("read a gazetteer file");
            let file: spec::EntityFile = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("rules/{rel} does not match the gazetteer schema: {e}"));
            gazetteer.push((rel, file));
        }
    }
    let bytes = postcard::to_allocvec(&gazetteer).expect("encode the gazetteer");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out_dir.join("gazetteer.postcard"), bytes).expect("write gazetteer.postcard");
    // The data files (`data/*.toml`: lists of strings), by file name.
    let mut data: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(rules.join("data")).ok();
        let Some(rel) = rel.map(|r| r.to_string_lossy().replace('\\', "/")) else {
            continue;
        };
        if is_toml(f) {
            let text = std::fs::read_to_string(f).expect("read a data file");
            let lists = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("rules/data/{rel} is not lists of strings: {e}"));
            data.insert(rel, lists);
        }
    }
    let bytes = postcard::to_allocvec(&data).expect("encode the data lists");
    std::fs::write(out_dir.join("data.postcard"), bytes).expect("write data.postcard");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded_rules.rs");
    std::fs::write(out, code).expect("write embedded_rules.rs");
}
