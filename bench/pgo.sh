#!/usr/bin/env bash
# Builds factlint with profile-guided optimization (PGO), then lays its code
# out by profile with BOLT when llvm-bolt is at hand, and prints the
# binary's path on standard output (issue 7: the speed of a release build).
#
#   bash bench/pgo.sh            # -> $CARGO_TARGET_DIR/pgo/factlint-bolt (target/ by default),
#                                #    or pgo/release/factlint without BOLT
#   NO_BOLT=1 bash bench/pgo.sh  # PGO only
#
# Three steps, as rustc's own release builds do, and a fourth as they do on
# Linux:
#   1. an instrumented build (-Cprofile-generate) in <target>/pgo-gen;
#   2. training: the instrumented binary checks the project's own texts, in
#      every output format, and runs every rule's examples (`rules test`);
#   3. the profiles merged with the llvm-profdata of the Rust toolchain (the
#      rustup component llvm-tools, installed here when missing) and an
#      optimized build that uses them (-Cprofile-use) in <target>/pgo;
#   4. BOLT (LLVM's post-link optimizer; Debian's package bolt-19, say),
#      when llvm-bolt and merge-fdata are found on PATH or under
#      /usr/lib/llvm-*/bin: the binary of step 3, linked with its
#      relocations kept (--emit-relocs), is instrumented by llvm-bolt, trained
#      on the same runs as step 2, and rewritten with its hot code together
#      and its basic blocks in the order they run (ext-tsp, cdsort, cold parts
#      split off). The same instructions in another order: fewer pages and
#      cache lines to fetch. Without llvm-bolt (or with NO_BOLT set) the PGO
#      binary is the result.
#
# The training texts are tests/fixtures/clean (news prose written for the
# project in Arabic, French and English), tests/fixtures/translation and, made
# from them and the rule examples, one long article per language. Not
# the seed article nor the fuzzing corpus (which holds it): the Arabic
# benchmark files are made from the seed, the English ones from the ABC
# articles, and a build trained on what it is measured on would flatter it.
#
# Exit 3 (and a message) when llvm-profdata cannot be had: callers fall back
# to `cargo build --release`. Same output as a plain release build (.ci/run
# checks it); PGO gives about 8 % fewer instructions and 4-10 % less time,
# BOLT 4-5 % less on the Arabic 1 MB file, 1-3 % on the English one and 12 %
# on an empty file (bench/HISTORY.md); the build takes about three times as
# long as a plain one.
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

# llvm-bolt and merge-fdata of one LLVM: on PATH, else the newest of
# /usr/lib/llvm-*/bin.
bolt_dir=
if [ -z "${NO_BOLT:-}" ]; then
  if command -v llvm-bolt >/dev/null && command -v merge-fdata >/dev/null; then
    bolt_dir=$(dirname "$(command -v llvm-bolt)")
  else
    while IFS= read -r d; do
      if [ -x "$d/llvm-bolt" ] && [ -x "$d/merge-fdata" ]; then bolt_dir=$d; break; fi
    done < <(printf '%s\n' /usr/lib/llvm-*/bin | sort -t- -k2 -n -r)
  fi
fi
steps=3
[ -n "$bolt_dir" ] && steps=4

say "1/$steps instrumented build"
rm -rf "$DATA"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$DATA" CARGO_TARGET_DIR=$TARGET/pgo-gen \
  cargo build --release --locked --quiet
gen=$TARGET/pgo-gen/release/factlint

say "2/$steps training on tests/fixtures and the rule examples"
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
# Every training run of binary $1. Findings exit 1: only a crash (exit > 2)
# stops the build.
train_runs() {
  local bin=$1
  run() { "$bin" "$@" >/dev/null 2>&1 || [ $? -le 2 ] || { say "training run failed: $*"; exit 1; }; }
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
}
train_runs "$gen"
"$profdata" merge -o "$DATA/merged.profdata" "$DATA"

say "3/$steps optimized build with the profiles"
# BOLT rewrites a binary whose relocations were kept (they change nothing in
# the code: the sections they add are not loaded).
relocs=
[ -n "$bolt_dir" ] && relocs="-Clink-arg=-Wl,--emit-relocs"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$DATA/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false $relocs" \
  CARGO_TARGET_DIR=$TARGET/pgo cargo build --release --locked --quiet
pgo=$TARGET/pgo/release/factlint
if [ -z "$bolt_dir" ]; then
  [ -n "${NO_BOLT:-}" ] || say "no llvm-bolt found (Debian: apt-get install bolt-19): the PGO binary, without BOLT"
  echo "$pgo"
  exit 0
fi

say "4/$steps BOLT ($bolt_dir/llvm-bolt): instrumented binary, training, layout"
bolt_data=$TARGET/bolt-data
rm -rf "$bolt_data" && mkdir -p "$bolt_data"
inst=$TARGET/pgo/factlint-bolt-inst
out=$TARGET/pgo/factlint-bolt
rm -f "$inst" "$out"
# One profile per process (the training runs several, some on two threads).
"$bolt_dir/llvm-bolt" "$pgo" -instrument -o "$inst" \
  --instrumentation-file="$bolt_data/prof" --instrumentation-file-append-pid >"$bolt_data/instrument.log" 2>&1 \
  || { tail -5 "$bolt_data/instrument.log" >&2; say "llvm-bolt -instrument failed: the PGO binary, without BOLT"; echo "$pgo"; exit 0; }
# A failure from here on leaves the PGO binary as the result, and says so
# (the training in a subshell: a crash of the instrumented binary ends it,
# not the script).
if ! (train_runs "$inst"); then
  rm -f "$inst"
  say "the BOLT training failed: the PGO binary, without BOLT"
  echo "$pgo"
  exit 0
fi
rm -f "$inst"
# -no-huge-pages: by default BOLT aligns the code it moves to 2 MiB, and the
# kernel then maps the binary's code and read-only data with file-backed huge
# pages; each counts whole in the resident size, which grew by 1-3 MB on the
# 10 MB benchmark files, for no gain in time measured here.
if "$bolt_dir/merge-fdata" "$bolt_data"/prof.*.fdata >"$bolt_data/merged.fdata" 2>"$bolt_data/merge.log" \
  && "$bolt_dir/llvm-bolt" "$pgo" -o "$out" -data="$bolt_data/merged.fdata" \
    -reorder-blocks=ext-tsp -reorder-functions=cdsort -split-functions -split-all-cold -split-eh \
    -icf=1 -use-gnu-stack -no-huge-pages >"$bolt_data/optimize.log" 2>&1; then
  rm -f "$bolt_data"/prof.*.fdata  # (about 150 MB; merged.fdata holds them)
  echo "$out"
else
  cat "$bolt_data/merge.log" >&2
  tail -5 "$bolt_data/optimize.log" >&2 2>/dev/null || true
  say "BOLT failed: the PGO binary, without BOLT"
  rm -f "$out"
  echo "$pgo"
fi
