#!/usr/bin/env bash
# casebook's search against Pagefind's, per query (DESIGN.md §8, README
# "Benchmark").
#
#   bench/search.sh [N...]        # default: 10000 100000
#   PAGEFIND_MAX=10000 SEED=1 bench/search.sh 10000 100000
#
# For each N: generates the corpus (the generator of bench/run.sh) in
# target/bench/search/N/site, builds it with casebook, indexes the built
# site with `npx pagefind@1.6.0 --site out` (the npm registry's Pagefind;
# its build time and peak memory are printed too), then runs
# bench/search.mjs: the same queries in headless chromium with the cache
# off, both served gzip-compressed by one small server, printing a table
# of bytes (gzip), files and time to first results per query, and the
# medians.
#
# Pagefind needed 3.6 GB of memory at 10 000 cases (20 665 pages), and its
# need grows with the pages, so it is only run up to PAGEFIND_MAX cases
# (default 10 000); above, casebook is measured alone.
#
# Needs: cargo, node ≥ 20 and npm (for npx), chromium and the packages of
# tests/browser (installed with `npm ci` there when missing), GNU time.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SEED=${SEED:-1}
PAGEFIND_MAX=${PAGEFIND_MAX:-10000}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10000 100000)
fi
for n in "${SIZES[@]}"; do
    case $n in
        '' | *[!0-9]*) echo "usage: bench/search.sh [N...]   (N: number of cases)" >&2; exit 2 ;;
    esac
done

echo "bench/search: building the corpus generator and casebook (release)" >&2
cargo build --release --quiet --example corpus --bin casebook
CORPUS=$ROOT/target/release/examples/corpus
CASEBOOK=$ROOT/target/release/casebook
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi

# "Elapsed … Maximum resident …" of GNU time's report, as "12.3 s, 456 MB".
time_and_peak() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /Maximum resident set size/ { m = $2 / 1024 }
        END { printf "%.1f s, %d MB", s, m }' "$1"
}

for n in "${SIZES[@]}"; do
    dir=$ROOT/target/bench/search/$n
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "bench/search: N=$n: corpus, casebook build" >&2
    "$CORPUS" --cases "$n" --seed "$SEED" --out "$dir/site" > /dev/null
    /usr/bin/time -v "$CASEBOOK" --root "$dir/site" build --out "$dir/out" > /dev/null 2> "$dir/casebook.log"
    echo "N = $n: casebook build (search included): $(time_and_peak "$dir/casebook.log")"
    if [ "$n" -le "$PAGEFIND_MAX" ]; then
        echo "bench/search: N=$n: npx pagefind@1.6.0 --site out" >&2
        /usr/bin/time -v npx --yes pagefind@1.6.0 --site "$dir/out" > "$dir/pagefind.log" 2>&1
        echo "N = $n: Pagefind index: $(time_and_peak "$dir/pagefind.log")"
    else
        echo "N = $n: Pagefind not run (more than PAGEFIND_MAX=$PAGEFIND_MAX cases)"
    fi
    echo
    node bench/search.mjs "$dir/out"
    echo
done
