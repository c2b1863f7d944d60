#!/usr/bin/env bash
# Builds factlint with profile-guided optimization (PGO) and prints the
# binary's path on standard output (issue 7: the speed of a release build).
#
#   bash bench/pgo.sh            # -> $CARGO_TARGET_DIR/pgo/release/factlint (target/ by default)
#
# Three steps, as rustc's own release builds do:
#   1. an instrumented build (-Cprofile-generate) in <target>/pgo-gen;
#   2. training: the instrumented binary checks the project's own texts, in
#      every output format, and runs every rule's examples (`rules test`);
#   3. the profiles merged with the llvm-profdata of the Rust toolchain (the
#      rustup component llvm-tools, installed here when missing) and an
#      optimized build that uses them (-Cprofile-use) in <target>/pgo.
#
# The training texts are tests/fixtures/clean (news prose written for the
# project in Arabic, French and English), tests/fixtures/translation and, made
# from them and the rule examples, one long article per language. Not
# the seed article nor the fuzzing corpus (which holds it): the Arabic
# benchmark files are made from the seed, the English ones from the ABC
# articles, and a build trained on what it is measured on would flatter it.
#
# Exit 3 (and a message) when llvm-profdata cannot be had: callers fall back
# to `cargo build --release`. Same output as a plain release build, about
# 8 % fewer instructions and 4-10 % less time (bench/HISTORY.md); the build
# takes about three times as long.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"  # (the toolchain is the project's)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
case "$TARGET" in /*) ;; *) TARGET=$ROOT/$TARGET ;; esac
DATA=$TARGET/pgo-data
say() { echo "[pgo] $*" >&2; }

host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ] && command -v rustup >/dev/null; then
  say "installing the rustup component llvm-tools (llvm-profdata)"
  rustup component add llvm-tools >&2 || true
fi
if [ ! -x "$profdata" ]; then
  say "no llvm-profdata for this toolchain ($profdata): PGO unavailable"
  exit 3
fi

say "1/3 instrumented build"
rm -rf "$DATA"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$DATA" CARGO_TARGET_DIR=$TARGET/pgo-gen \
  cargo build --release --locked --quiet
gen=$TARGET/pgo-gen/release/factlint

say "2/3 training on tests/fixtures and the rule examples"
# One long article per language as well: the fixtures and the texts of the
# rule examples of that language (findings of every kind), as paragraphs,
# ten times over, so that the profile weighs checking text, not loading rules.
train=$TARGET/pgo-train  # (not under $DATA: llvm-profdata reads every file there)
rm -rf "$train" && mkdir -p "$train"
if command -v python3 >/dev/null; then
  python3 - "$train" <<'PY' || say "no long training articles (they need python3 ≥ 3.11)"
import glob, re, sys, tomllib
out, paras = sys.argv[1], {"ar": [], "fr": [], "en": []}
def lang_of(text, given):
    return "ar" if re.search("[\u0600-\u06FF]", text) else (given if given in ("fr", "en") else "en")
for path in sorted(glob.glob("tests/fixtures/clean/*/*.txt") + glob.glob("tests/fixtures/translation/*.txt")):
    text = open(path, encoding="utf-8").read()
    given = re.search("/(ar|fr|en)/|\\.(ar|fr|en)\\.txt$", path)
    paras[lang_of(text, given and (given[1] or given[2]))].append(text.strip())
for path in sorted(glob.glob("rules/**/*.toml", recursive=True)):
    for e in tomllib.load(open(path, "rb")).get("examples", []):
        paras[lang_of(e["text"], e.get("lang"))].append(e["text"].strip())
for lang, ps in paras.items():
    with open(f"{out}/long-{lang}.txt", "w", encoding="utf-8") as f:
        f.write("\n\n".join(ps * 10) + "\n")
PY
fi
texts=(tests/fixtures/clean tests/fixtures/translation "$train")
# Findings exit 1: only a crash (exit > 2) stops the build.
run() { "$gen" "$@" >/dev/null 2>&1 || [ $? -le 2 ] || { say "training run failed: $*"; exit 1; }; }
for format in human json sarif github junit markdown html; do
  run check --format "$format" "${texts[@]}"
done
run check -j1 --published 2025-03-01 "${texts[@]}"
for pair in ar-en en-ar en-fr fr-ar; do
  tr=$(ls tests/fixtures/translation/$pair.translation.*.txt)
  src=$(ls tests/fixtures/translation/$pair.source.*.txt)
  run check --source "$src" "$tr"
done
run rules test
run rules list
"$profdata" merge -o "$DATA/merged.profdata" "$DATA"

say "3/3 optimized build with the profiles"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$DATA/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
  CARGO_TARGET_DIR=$TARGET/pgo cargo build --release --locked --quiet
echo "$TARGET/pgo/release/factlint"
