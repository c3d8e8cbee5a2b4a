#!/usr/bin/env bash
# `casebook check` on hostile inputs at their real size, with the release
# binary. The integration tests in tests/it/hostile.rs use smaller inputs of
# the same shape, so that `cargo test` stays quick in a debug build on a busy
# machine; the sizes a user could meet are timed here instead.
#
#   bench/hostile.sh             # RUNS=3 by default
#   CASEBOOK=path/to/casebook RUNS=5 bench/hostile.sh
#
# Two sites, each the `minimal` test fixture plus:
#   node-budget   content/cases/block.md and flow.md: front matter of just
#                 under 4 MiB of `kN: 1` entries, one per line (block) and in
#                 one `{ … }` mapping (flow), over the parser's node budget of
#                 250 000 values (expected: a `yaml-syntax` error per file);
#   unknown-keys  content/cases/felt.md: a title and 100 000 unknown keys
#                 (expected: at most 100 diagnostics for the file and one
#                 `too-many-problems`).
# Each is checked with `--format json`, and unknown-keys also with the human
# report on stderr. Prints the median wall time of RUNS runs, the median
# user + system CPU, the largest peak RSS (GNU time), the exit code and what
# the report said; writes the table to target/bench/hostile.md too.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
DIR=$ROOT/target/bench/hostile
FIXTURE=$ROOT/tests/fixtures/sites/minimal/content
case $RUNS in '' | *[!0-9]* | 0) echo "bench/hostile.sh: RUNS must be a positive number" >&2; exit 2 ;; esac

for tool in jq awk; do
    command -v "$tool" > /dev/null || { echo "bench/hostile.sh: needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench/hostile.sh: needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }

if [ -z "${CASEBOOK:-}" ]; then
    echo "bench/hostile.sh: building casebook (release)" >&2
    cargo build --release --quiet --bin casebook
    CASEBOOK=$ROOT/target/release/casebook
fi

# ---- inputs ----------------------------------------------------------------
# One case file of YAML front matter: "---\n" OPEN, then ENTRY with its
# number, "k0: 1" + SEP, "k1: 1" + SEP, … while the text is shorter than
# LIMIT bytes (or COUNT entries when LIMIT is 0), then CLOSE and "---\n".
front_matter() {
    local open=$1 sep=$2 close=$3 limit=$4 count=$5
    LC_ALL=C awk -v open="$open" -v sep="$sep" -v close_="$close" -v limit="$limit" -v count="$count" 'BEGIN {
        s = "---\n" open
        printf "%s", s
        n = length(s)
        for (i = 0; limit > 0 ? n < limit : i < count; i++) {
            e = "k" i ": 1" sep
            printf "%s", e
            n += length(e)
        }
        printf "%s---\n", close_
    }'
}

rm -rf "$DIR"
mkdir -p "$DIR"
budget=$((4 * 1024 * 1024 - 64))
for site in node-budget unknown-keys; do
    mkdir -p "$DIR/$site"
    cp -r "$FIXTURE" "$DIR/$site/content"
done
front_matter "" $'\n' "" "$budget" 0 > "$DIR/node-budget/content/cases/block.md"
front_matter "{" ", " $'}\n' "$budget" 0 > "$DIR/node-budget/content/cases/flow.md"
front_matter $'title: Mange felt\n' $'\n' "" 0 100000 > "$DIR/unknown-keys/content/cases/felt.md"

# ---- timing ----------------------------------------------------------------
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ROWS=()
# measure LABEL SITE SUMMARY-FUNCTION casebook-arguments…
measure() {
    local label=$1 site=$2 summarise=$3
    shift 3
    local times=$DIR/$site.times code=0
    : > "$times"
    for _ in $(seq "$RUNS"); do
        code=0
        /usr/bin/time -q -f "%e %U %S %M" -o "$DIR/time.txt" \
            "$CASEBOOK" --root "$DIR/$site" "$@" > "$DIR/stdout" 2> "$DIR/stderr" || code=$?
        cat "$DIR/time.txt" >> "$times"
    done
    local wall cpu rss
    wall=$(awk '{ print $1 }' "$times" | median)
    cpu=$(awk '{ print $2 + $3 }' "$times" | median)
    rss=$(awk '$4 > m { m = $4 } END { printf "%d MB", m / 1024 }' "$times")
    ROWS+=("| $label | \`casebook $*\` | $(printf '%.3f s' "$wall") | $(printf '%.3f s' "$cpu") | $rss | $code | $($summarise) |")
    echo "bench/hostile.sh: $label, casebook $*: $wall s, $rss, exit $code" >&2
}

# What the last run reported, in a few words.
budget_json() {
    jq -r '[.[] | select(.code == "yaml-syntax") | .file | sub(".*/"; "")] | "yaml-syntax in " + (join(", "))' "$DIR/stdout" 2> /dev/null || echo "stdout is not JSON"
}
keys_json() {
    jq -r '[.[] | select(.file == "content/cases/felt.md")] | "\(length) diagnostics for felt.md, \([.[] | select(.code == "too-many-problems")] | length) too-many-problems"' "$DIR/stdout" 2> /dev/null || echo "stdout is not JSON"
}
keys_human() {
    echo "$(wc -c < "$DIR/stderr") bytes on stderr"
}

measure "2 × 4 MiB front matter (block, flow)" node-budget budget_json check --format json
measure "100 000 unknown keys" unknown-keys keys_json check --format json
measure "100 000 unknown keys" unknown-keys keys_human check

report=$(
    echo "| input | command | wall (median) | CPU user + sys (median) | peak RSS | exit code | report |"
    echo "|---|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "$("$CASEBOOK" --version), release build; $RUNS runs each (\`RUNS=$RUNS bench/hostile.sh\`); load average $LOAD_START before, $(cut -d' ' -f1-3 /proc/loadavg) after."
)
echo "$report" > "$ROOT/target/bench/hostile.md"
echo "$report"
