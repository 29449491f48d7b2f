#!/usr/bin/env bash
# Benchmark of `floss-registry validate` on generated data trees (1,000 and 10,000 entries by
# default), next to the floor of merely reading and parsing the same files, so that the cost
# of the checks themselves shows. Results go in BENCHMARKS.md ("Validation").
#
#   bench/validate.sh [COUNT...]        e.g. bench/validate.sh 1000 10000 50000
#
# Environment: RUNS (default 10) timed runs per command; CORPUS, the awesome-selfhosted data
# to draw entries from (default ../shared/corpus/awesome-selfhosted-data; CORPUS= for entries
# derived from the seed only, which are larger: fully assessed, with notes and evidence).
#
# Uses hyperfine when installed (installs it with apt-get when run as root), else
# /usr/bin/time. Trees are written to a temporary directory, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/floss-registry-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
corpus="${CORPUS-../shared/corpus/awesome-selfhosted-data}"
runs="${RUNS:-10}"

step() { printf '\n==> %s\n' "$*"; }

step "Machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "nproc:   $(nproc)"
echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the cores: compare with nproc)"

step "Release build"
cargo build --release --locked --quiet --bin floss-registry --example gen_tree
bin="$CARGO_TARGET_DIR/release/floss-registry"
gen="$CARGO_TARGET_DIR/release/examples/gen_tree"

if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing hyperfine"
    apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } ||
        echo "could not install hyperfine: using /usr/bin/time"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The floor in Python: read every file and parse it with tomllib, one process, one thread.
cat >"$work/parse.py" <<'EOF'
import pathlib, sys, tomllib
n = 0
for sub in ("entries", "criteria", "categories", "services"):
    for path in sorted(pathlib.Path(sys.argv[1], sub).glob("*.toml")):
        tomllib.loads(path.read_text("utf-8"))
        n += 1
print(n, "files parsed")
EOF

corpus_arg=()
if [ -n "$corpus" ] && [ -d "$corpus/software" ]; then
    corpus_arg=(--corpus "$corpus")
else
    echo "note: no corpus${corpus:+ at $corpus}: entries are derived from the seed only"
fi

for n in "${counts[@]}"; do
    tree="$work/tree-$n"
    step "Tree of $n entries"
    "$gen" --out "$tree" --count "$n" "${corpus_arg[@]}"
    du -sh --apparent-size "$tree/entries" | awk '{print "entries/ size: " $1}'
    "$bin" validate "$tree" | tail -n 1
    # The tree must be valid for the figure to mean anything.
    "$bin" validate --format json "$tree" >/dev/null

    if command -v hyperfine >/dev/null; then
        hyperfine --shell=none --warmup 2 --runs "$runs" --style basic \
            --export-markdown "$work/result-$n.md" \
            -n "validate ($n entries)" "$bin validate $tree" \
            -n "validate --format json" "$bin validate --format json $tree" \
            -n "floor: read + parse (Rust, parallel)" "$gen --parse-only $tree"
        # Python is an order of magnitude slower: fewer runs.
        hyperfine --shell=none --warmup 1 --runs 3 --style basic \
            --export-markdown "$work/result-$n-python.md" \
            -n "floor: read + parse (Python tomllib, one thread)" "python3 $work/parse.py $tree"
        cat "$work/result-$n.md"
        tail -n 1 "$work/result-$n-python.md"
    else
        for cmd in "$bin validate $tree" "$gen --parse-only $tree" "python3 $work/parse.py $tree"; do
            echo "\$ ${cmd//$work/\$TMP}"
            for _ in 1 2 3; do
                /usr/bin/time -f "  %e s elapsed, %U s user, %S s system, %M KiB max RSS" $cmd >/dev/null
            done
        done
    fi
    # Peak memory of one validation.
    /usr/bin/time -f "validate: %e s elapsed, %M KiB max RSS" "$bin" validate "$tree" >/dev/null
done
