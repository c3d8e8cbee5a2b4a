#!/usr/bin/env bash
# Whole-process benchmark: casebook against Hugo on the same generated corpus
# (DESIGN.md §8, issue 7).
#
#   bench/run.sh [N...]          # default: 1000 10000
#   RUNS=3 SEED=7 bench/run.sh 1000 10000 100000
#
# Reference machine: the project's 2-core VM (Intel Xeon Processor, 2 vCPU,
# 23 GB RAM, Debian 12 "bookworm", one virtio disk), Hugo 0.111.3+extended and
# hyperfine 1.15.0 from Debian. The header of target/bench/results.md records
# the machine and versions of each run.
#
# For each N the script
#   1. generates the corpus, deterministic for SEED (default 1):
#        target/release/examples/corpus --cases N --seed SEED \
#          --out target/bench/N/site --hugo target/bench/N/hugo
#      (N cases of about 600 words, 1–3 themes each, 20 % with indicators; the
#      Hugo site has the same content and layouts rendering the same fields);
#   2. times, with hyperfine, in RUNS rounds (default 5; 3 from N = 100 000)
#      after one warm-up round, each round running the two commands one after
#      the other, so they alternate and share any drift of the machine:
#        casebook --root target/bench/N/site build --out target/bench/N/out-casebook
#        hugo --source target/bench/N/hugo --destination target/bench/N/out-hugo --quiet
#      Each rebuilds over its previous output, as an editor's next build
#      does: Hugo writes into its folder in place; casebook builds a new site
#      atomically from the spare site kept beside the output, keeping
#      unchanged files (README, "Output on disk");
#   3. times `casebook --root target/bench/N/site check`, and a first build
#      (into an empty folder, with no previous site beside it);
#   4. measures peak memory of one build of each with /usr/bin/time -v
#      (Maximum resident set size);
#   5. times the floor: reading the input and writing the output bytes,
#        cp -r target/bench/N/site/content X && cp -r target/bench/N/out-casebook Y
#      (X and Y on the same disk, removed before each run).
# and prints a Markdown table of the medians, also written to
# target/bench/results.md.
#
# Needs: cargo, and hyperfine, hugo, GNU time and jq (installed with apt-get
# when missing). If casebook cannot build the corpus yet, its columns say n/a
# and Hugo is still measured.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SEED=${SEED:-1}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(1000 10000)
fi
for n in "${SIZES[@]}"; do
    case $n in
        '' | *[!0-9]*) echo "usage: bench/run.sh [N...]   (N: number of cases, e.g. 1000 10000)" >&2; exit 2 ;;
    esac
done

# ---- tools -----------------------------------------------------------------
missing=()
command -v hyperfine > /dev/null || missing+=(hyperfine)
command -v hugo > /dev/null || missing+=(hugo)
command -v jq > /dev/null || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]} from Debian" >&2
    SUDO=
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y "${missing[@]}" > /dev/null 2>&1 \
        || { $SUDO apt-get update > /dev/null && $SUDO apt-get install -y "${missing[@]}" > /dev/null; }
fi

echo "bench: building the corpus generator and casebook (release)" >&2
cargo build --release --quiet --example corpus
CASEBOOK_OK=1
cargo build --release --quiet --bin casebook || CASEBOOK_OK=0
CORPUS=$ROOT/target/release/examples/corpus
CASEBOOK=$ROOT/target/release/casebook

# ---- helpers ---------------------------------------------------------------
# Median of the numbers on stdin.
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Seconds → "0.412 s".
secs() { awk -v t="$1" 'BEGIN { fmt = t < 10 ? "%.3f s" : "%.1f s"; printf fmt, t }'; }
# Peak RSS in MB of a command, from GNU time.
peak_mb() {
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || { tail -5 "$log" >&2; rm -f "$log"; return 1; }
    awk -F: '/Maximum resident set size/ { printf "%d MB", $2 / 1024 }' "$log"
    rm -f "$log"
}

# Other work on the machine skews the figures; say so in the report.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_START%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    echo "bench: warning: load average is $LOAD_START before the benchmark; results will be noisy" >&2
fi

ROWS=()
CPU_NOTES=()
TIMINGS=()
for n in "${SIZES[@]}"; do
    dir=$ROOT/target/bench/$n
    runs=${RUNS:-$([ "$n" -ge 100000 ] && echo 3 || echo 5)}
    echo "bench: N=$n: generating the corpus in target/bench/$n" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    "$CORPUS" --cases "$n" --seed "$SEED" --out "$dir/site" --hugo "$dir/hugo"

    build_cmd="$CASEBOOK --root $dir/site build --out $dir/out-casebook"
    check_cmd="$CASEBOOK --root $dir/site check"
    hugo_cmd="hugo --source $dir/hugo --destination $dir/out-hugo --quiet"

    have_casebook=$CASEBOOK_OK
    if [ "$have_casebook" = 1 ] && ! $build_cmd > /dev/null 2> "$dir/casebook-build.log"; then
        echo "bench: casebook build failed (see $dir/casebook-build.log); its columns will say n/a" >&2
        have_casebook=0
    fi

    # Alternating rounds: round 0 is the warm-up and is not counted.
    : > "$dir/times-casebook"
    : > "$dir/times-hugo"
    : > "$dir/cpu-casebook"
    : > "$dir/cpu-hugo"
    for round in $(seq 0 "$runs"); do
        args=(--runs 1 --style none --export-json "$dir/round.json")
        if [ "$have_casebook" = 1 ]; then
            args+=(-n casebook "$build_cmd")
        fi
        args+=(-n hugo "$hugo_cmd")
        hyperfine "${args[@]}"
        [ "$round" -eq 0 ] && continue
        jq -r '.results[] | select(.command == "casebook") | .times[]' "$dir/round.json" >> "$dir/times-casebook"
        jq -r '.results[] | select(.command == "hugo") | .times[]' "$dir/round.json" >> "$dir/times-hugo"
        jq -r '.results[] | select(.command == "casebook") | .user + .system' "$dir/round.json" >> "$dir/cpu-casebook"
        jq -r '.results[] | select(.command == "hugo") | .user + .system' "$dir/round.json" >> "$dir/cpu-hugo"
        echo "bench: N=$n round $round/$runs:" \
            "casebook $(tail -1 "$dir/times-casebook" 2> /dev/null || echo -)" \
            "hugo $(tail -1 "$dir/times-hugo")" >&2
    done
    hugo_med=$(median < "$dir/times-hugo")
    cpu_note="N = $n: hugo $(secs "$(median < "$dir/cpu-hugo")")"
    hugo_rss=$(peak_mb hugo --source "$dir/hugo" --destination "$dir/out-hugo" --quiet)

    if [ "$have_casebook" = 1 ]; then
        cb_med=$(median < "$dir/times-casebook")
        cpu_note="N = $n: casebook $(secs "$(median < "$dir/cpu-casebook")"), ${cpu_note#*: }"
        ratio=$(awk -v h="$hugo_med" -v c="$cb_med" 'BEGIN { printf "%.1f×", h / c }')
        hyperfine --warmup 1 --runs "$runs" --style none --export-json "$dir/check.json" "$check_cmd"
        check_med=$(jq -r '.results[0].median' "$dir/check.json")
        # A first build: into an empty folder, with no previous site, spare
        # or manifest beside it, so every folder and file is created.
        cold=$dir/out-first
        hyperfine --runs "$runs" --style none --export-json "$dir/first.json" \
            --prepare "rm -rf $cold $dir/.out-first.casebook-previous $dir/.out-first.casebook-manifest" \
            "$CASEBOOK --root $dir/site build --out $cold"
        first_med=$(jq -r '.results[0].median' "$dir/first.json")
        rm -rf "$cold" "$dir/.out-first.casebook-previous" "$dir/.out-first.casebook-manifest"
        # shellcheck disable=SC2086 # the command is a plain word list
        cb_rss=$(peak_mb $build_cmd)
        # Where the time goes: one more build with the stage timings.
        CASEBOOK_TIMINGS=1 $build_cmd > /dev/null 2> "$dir/timings.log" || true
        TIMINGS+=("N = $n:" "$(sed -n '/^timings/,$p' "$dir/timings.log")")
        floor_x=$dir/floor-input
        floor_y=$dir/floor-output
        hyperfine --warmup 1 --runs "$runs" --style none --export-json "$dir/floor.json" \
            --prepare "rm -rf $floor_x $floor_y" \
            "cp -r $dir/site/content $floor_x && cp -r $dir/out-casebook $floor_y"
        floor_med=$(jq -r '.results[0].median' "$dir/floor.json")
        rm -rf "$floor_x" "$floor_y"
        out_mb=$(du -sm "$dir/out-casebook" | cut -f1)
        ROWS+=("| $n | $(secs "$cb_med") | $(secs "$hugo_med") | $ratio | $(secs "$first_med") | $(secs "$check_med") | $cb_rss | $hugo_rss | $(secs "$floor_med") (${out_mb} MB out) |")
    else
        ROWS+=("| $n | n/a | $(secs "$hugo_med") | n/a | n/a | n/a | n/a | $hugo_rss | n/a |")
    fi
    CPU_NOTES+=("$cpu_note")
done

# ---- report ----------------------------------------------------------------
cpu=$(awk -F: '/model name/ { sub(/^ +/, "", $2); print $2; exit }' /proc/cpuinfo)
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
report=$(
    echo "## Benchmark: casebook against Hugo"
    echo
    echo "$(date -u +%Y-%m-%d), $cpu, $(nproc) CPUs, $mem RAM, $os, Linux $(uname -r)."
    echo "$([ "$CASEBOOK_OK" = 1 ] && "$CASEBOOK" --version || echo "casebook: not built"); $(hugo version | cut -d' ' -f1-2); $(hyperfine --version)."
    echo "Load average before: $LOAD_START; after: $LOAD_END."
    echo "Command: \`$([ -n "${RUNS:-}" ] && echo "RUNS=$RUNS ")bench/run.sh ${SIZES[*]}\` (SEED=$SEED; medians of $([ -n "${RUNS:-}" ] && echo "$RUNS" || echo "5 (3 from N = 100 000)") alternating runs after one warm-up)."
    echo
    echo "| N | casebook build median | hugo median | ratio | casebook first build | casebook check median | peak RSS casebook | peak RSS hugo | floor (cp) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "CPU time (user + system, median of the same runs), which other load on the machine disturbs less than wall time:"
    printf -- '- %s\n' "${CPU_NOTES[@]}"
    if [ ${#TIMINGS[@]} -gt 0 ]; then
        echo
        echo "Stages of one more casebook build (\`CASEBOOK_TIMINGS=1\`), rebuilding over the previous output:"
        echo
        echo '```'
        printf '%s\n' "${TIMINGS[@]}"
        echo '```'
    fi
)
mkdir -p "$ROOT/target/bench"
echo "$report" > "$ROOT/target/bench/results.md"
echo
echo "$report"
echo
echo "(written to target/bench/results.md)"
