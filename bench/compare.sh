#!/usr/bin/env bash
# factlint side by side with the peer prose linters, in one run (issue 7).
#
#   bash bench/compare.sh                      # quick profile (about 20 min today, plus the build: factlint
#                                              # needs 5 min for the Arabic 10 MB file alone)
#   bash bench/compare.sh /path/to/corpus      # read the corpus from a folder (same layout as make-corpus.py's)
#   PROFILE=full bash bench/compare.sh         # more runs, harper on the 1 MB files (long: about 30 min)
#   NO_PEERS=1 bash bench/compare.sh           # factlint alone (the peers' rows are left out)
#   ONLY='^factlint ' bash bench/compare.sh    # a subset: regex on "tool case"
#   OUT=bench/RESULTS.md bash bench/compare.sh # also write the report there
#   NO_PGO=1 bash bench/compare.sh             # measure a plain `cargo build --release` binary
#   NO_BOLT=1 bash bench/compare.sh            # PGO without BOLT
#
# Steps: bash bench/pgo.sh (cargo build --release with profile-guided optimization,
# then BOLT when llvm-bolt is installed (Debian: bolt-19); a plain release build
# when PGO is unavailable or NO_PGO is set) -> install the peers into $PEERS (/tmp/peers) with
# ../shared/bench/install-peers.sh when they are missing -> the corpus with
# ../shared/bench/make-corpus.py (deterministic) unless a folder is given ->
# bench/compare.py, which measures through ../shared/bench/bench.py (hyperfine +
# /usr/bin/time -v) and prints one Markdown report. CARGO_TARGET_DIR is honoured.
# The machine is usually shared: compare figures from one run only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
export PEERS=${PEERS:-/tmp/peers}
CORPUS=${1:-}
t0=$(date +%s)

[ -f "$SHARED/bench.py" ] || { echo "compare.sh: $SHARED/bench.py not found (set SHARED=.../shared/bench)" >&2; exit 2; }

# The release binary, built with profile-guided optimization and laid out
# by BOLT (bench/pgo.sh) unless NO_PGO (or NO_BOLT) is set or they cannot be
# had here; the report says which.
BIN=
if [ -z "${NO_PGO:-}" ]; then
  echo "[compare] bash bench/pgo.sh (release build with PGO, and BOLT where installed; about 8 min)" >&2
  if BIN=$(bash "$ROOT/bench/pgo.sh"); then
    case "$BIN" in
      *-bolt) BUILD="release + PGO + BOLT (bench/pgo.sh)" ;;
      *) BUILD="release + PGO (bench/pgo.sh)" ;;
    esac
  else
    rc=$?; [ "$rc" = 3 ] || exit "$rc"; BIN=; fi
fi
if [ -z "$BIN" ]; then
  echo "[compare] cargo build --release" >&2
  (cd "$ROOT" && cargo build --release --locked --quiet)
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/factlint
  BUILD="release, no PGO"
fi
case "$BIN" in /*) ;; *) BIN=$ROOT/$BIN ;; esac
[ -x "$BIN" ] || { echo "compare.sh: $BIN not built" >&2; exit 1; }

have_peers() {
  command -v hyperfine >/dev/null && [ -x /usr/bin/time ] && command -v taskset >/dev/null || return 1
  [ -n "${NO_PEERS:-}" ] && return 0
  [ -x "$PEERS/bin/harper-cli" ] && [ -x "$PEERS/venv/bin/proselint" ] \
    && [ -x "$PEERS/npm/node_modules/.bin/textlint" ] && [ -x "$PEERS/npm/node_modules/.bin/write-good" ] \
    && [ -x "$PEERS/npm/node_modules/.bin/alex" ]
}
if ! have_peers; then
  echo "[compare] installing the peers with $SHARED/install-peers.sh (about 2 min)" >&2
  mkdir -p "$PEERS"
  # ripgrep from crates.io is only for bench.py's scanning limits, not measured here
  NO_CARGO_RG=${NO_CARGO_RG:-1} bash "$SHARED/install-peers.sh" >"$PEERS/install.out" 2>&1 \
    || { cat "$PEERS/install.out" >&2; exit 1; }
fi

if [ -z "$CORPUS" ]; then
  echo "[compare] corpus: $SHARED/make-corpus.py -> $PEERS/corpus" >&2
  python3 "$SHARED/make-corpus.py" >/dev/null
  if ! diff -q <(cut -f1,3 "$PEERS/corpus/MANIFEST.tsv") <(cut -f1,3 "$SHARED/corpus-MANIFEST.tsv") >/dev/null 2>&1; then
    echo "WARNING: the corpus differs from corpus-MANIFEST.tsv (figures not comparable with PEERS.md)" >&2
  fi
  CORPUS=$PEERS/corpus
fi
[ -f "$CORPUS/en/en-1m.txt" ] && [ -d "$CORPUS/en/small" ] && [ -f "$CORPUS/empty.txt" ] \
  || { echo "compare.sh: $CORPUS does not hold the corpus (en/en-1m.txt, en/small/, empty.txt, ...)" >&2; exit 2; }

args=(--bench-py "$SHARED/bench.py" --factlint "$BIN" --build "$BUILD" --corpus "$CORPUS" --profile "${PROFILE:-quick}")
[ -n "${NO_PEERS:-}" ] && args+=(--no-peers)
[ -n "${ONLY:-}" ] && args+=(--only "$ONLY")
[ -n "${OUT:-}" ] && args+=(--out "$OUT")
python3 "$ROOT/bench/compare.py" "${args[@]}"
echo "[compare] $(( $(date +%s) - t0 )) s in all" >&2
