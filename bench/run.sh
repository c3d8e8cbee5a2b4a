#!/usr/bin/env bash
# Whole-process benchmark: casebook against Hugo and Zola on the same
# generated corpus (DESIGN.md §8).
#
#   bench/run.sh [N...]          # default: 1000 10000
#   RUNS=3 SEED=7 ZOLA=~/zola/target/release/zola bench/run.sh 1000 10000
#
# Environment: RUNS (rounds counted, default 5; 3 from N = 100 000), SEED
# (default 1), ZOLA (the zola binary; default: `zola` on the PATH), SHM (the
# tmpfs for the first table, default /dev/shm), HOSTILE=0 to leave out the
# hostile inputs (bench/hostile.sh).
#
# Reference machine: the project's 2-core VM (Intel Xeon Processor, 2 vCPU,
# 23 GB RAM, Debian 12 "bookworm", one virtio disk), Hugo 0.111.3+extended and
# hyperfine 1.15.0 from Debian, Zola 0.22.1 built from its source. The header
# of target/bench/results.md records the machine and versions of each run.
#
# For each N the script
#   1. generates the corpus, deterministic for SEED:
#        target/release/examples/corpus --cases N --seed SEED \
#          --out target/bench/N/site --hugo target/bench/N/hugo --zola target/bench/N/zola
#      (N cases of about 600 words, 1–3 themes each, 20 % with indicators; the
#      Hugo and Zola sites have the same content and templates rendering the
#      same fields and lists);
#   2. full build on tmpfs, the three tools: after one warm-up round, RUNS
#      rounds, each running the three builds one after the other (so they
#      alternate and share any drift of the machine), each into its own
#      folder under SHM that is removed just before its run (for casebook
#      with the spare site and manifest kept beside the output, so nothing of
#      an earlier build is reused):
#        casebook --root target/bench/N/site build --out SHM/…/casebook/out
#        hugo --source target/bench/N/hugo --destination SHM/…/hugo/out --quiet
#        zola --root target/bench/N/zola build --output-dir SHM/…/zola/out
#      then one more build of each under GNU time for its peak memory, and
#      the files each wrote;
#   3. rebuild on disk, casebook against Hugo: RUNS alternating rounds after
#      a warm-up, each tool rebuilding over its previous output in
#      target/bench/N, as an editor's next build does (Hugo writes into its
#      folder in place; casebook builds a new site from the spare site kept
#      beside the output, keeping unchanged files: README, "Output on disk");
#      `casebook check`; a first build into an empty folder on disk; peak
#      memory; the floor (`cp -r` of the input and of casebook's output); and
#      one more build with CASEBOOK_TIMINGS=1 for the stages;
# then runs bench/hostile.sh (check on the full-size hostile inputs) and
# prints Markdown tables of the medians, also written to
# target/bench/results.md.
#
# Needs: cargo, hyperfine, hugo, GNU time and jq (installed with apt-get
# when missing). Zola is in no package registry; without it the script says
# how to build it and leaves out Zola's columns. If casebook cannot build the
# corpus, its columns say n/a and the others are still measured.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SEED=${SEED:-1}
SHM=${SHM:-/dev/shm}
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

ZOLA=${ZOLA:-$(command -v zola || true)}
if [ -n "$ZOLA" ] && ! "$ZOLA" --version > /dev/null 2>&1; then
    echo "bench: ZOLA=$ZOLA does not run" >&2
    ZOLA=
fi
if [ -z "$ZOLA" ]; then
    cat >&2 << 'EOF'
bench: zola not found, so Zola's columns are left out. Zola is in no package
registry; build it from its source (Rust, a few minutes) and pass the binary:
    git clone https://github.com/getzola/zola && cd zola && git checkout v0.22.1
    cargo build --release
    ZOLA=$PWD/target/release/zola bench/run.sh
EOF
fi

if ! [ -d "$SHM" ] || ! [ -w "$SHM" ]; then
    echo "bench: $SHM is not a writable folder; set SHM to a tmpfs" >&2
    exit 2
fi
SHM_DIR=$(mktemp -d "$SHM/casebook-bench.XXXXXX")
trap 'rm -rf "$SHM_DIR"' EXIT

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
# "a ÷ b" → "6.2×".
times_x() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
# Peak RSS in MB of a command, from GNU time.
peak_mb() {
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || { tail -5 "$log" >&2; rm -f "$log"; return 1; }
    awk -F: '/Maximum resident set size/ { printf "%d MB", $2 / 1024 }' "$log"
    rm -f "$log"
}
# Cells of the tmpfs table for a tool, from the arrays `med`, `cpu` and
# `rss` of the current N: wall median, ratio to casebook, CPU median, RSS.
cell() { if [ -n "${med[$1]:-}" ]; then secs "${med[$1]}"; else echo "n/a"; fi; }
ratio() {
    if [ -n "${med[casebook]:-}" ] && [ -n "${med[$1]:-}" ]; then
        times_x "${med[$1]}" "${med[casebook]}"
    else
        echo "n/a"
    fi
}
cpu_cell() { if [ -n "${cpu[$1]:-}" ]; then secs "${cpu[$1]}"; else echo "n/a"; fi; }
rss_cell() { echo "${rss[$1]:-n/a}"; }
# HTML files, all files and MB under a folder.
files_of() {
    printf '%s HTML, %s files, %s MB' "$(find "$1" -name '*.html' | wc -l)" \
        "$(find "$1" -type f | wc -l)" "$(du -sm "$1" | cut -f1)"
}

# Other work on the machine skews the figures; say so in the report.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_START%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    echo "bench: warning: load average is $LOAD_START before the benchmark; results will be noisy" >&2
fi

# The tools of the tmpfs table; Zola's columns only when it is there.
SHM_COLUMNS=(casebook hugo)
[ -n "$ZOLA" ] && SHM_COLUMNS+=(zola)
declare -A NAME=([casebook]=casebook [hugo]=Hugo [zola]=Zola)
SHM_ROWS=()
SHM_FILES=()
ROWS=()
CPU_NOTES=()
TIMINGS=()
for n in "${SIZES[@]}"; do
    dir=$ROOT/target/bench/$n
    runs=${RUNS:-$([ "$n" -ge 100000 ] && echo 3 || echo 5)}
    echo "bench: N=$n: generating the corpus in target/bench/$n" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    "$CORPUS" --cases "$n" --seed "$SEED" --out "$dir/site" --hugo "$dir/hugo" --zola "$dir/zola"

    build_cmd="$CASEBOOK --root $dir/site build --out $dir/out-casebook"
    check_cmd="$CASEBOOK --root $dir/site check"
    hugo_cmd="hugo --source $dir/hugo --destination $dir/out-hugo --quiet"

    have_casebook=$CASEBOOK_OK
    if [ "$have_casebook" = 1 ] && ! $build_cmd > /dev/null 2> "$dir/casebook-build.log"; then
        echo "bench: casebook build failed (see $dir/casebook-build.log); its columns will say n/a" >&2
        have_casebook=0
    fi

    # ---- 1. full build on tmpfs: casebook, Hugo, Zola ----------------------
    # Each tool writes into $SHM_DIR/<tool>/out; the folder <tool> (with
    # casebook's spare site and manifest beside `out`) is removed and made
    # again before every run.
    shm_tools=()
    [ "$have_casebook" = 1 ] && shm_tools+=(casebook)
    shm_tools+=(hugo)
    [ -n "$ZOLA" ] && shm_tools+=(zola)
    declare -A shm_cmd=(
        [casebook]="$CASEBOOK --root $dir/site build --out $SHM_DIR/casebook/out"
        [hugo]="hugo --source $dir/hugo --destination $SHM_DIR/hugo/out --quiet"
        [zola]="${ZOLA:-zola} --root $dir/zola build --output-dir $SHM_DIR/zola/out"
    )
    for tool in "${shm_tools[@]}"; do
        : > "$dir/shm-times-$tool"
        : > "$dir/shm-cpu-$tool"
    done
    for round in $(seq 0 "$runs"); do
        args=(--runs 1 --style none --export-json "$dir/round.json")
        for tool in "${shm_tools[@]}"; do
            args+=(--prepare "rm -rf $SHM_DIR/$tool && mkdir -p $SHM_DIR/$tool")
        done
        for tool in "${shm_tools[@]}"; do
            args+=(-n "$tool" "${shm_cmd[$tool]}")
        done
        hyperfine "${args[@]}"
        [ "$round" -eq 0 ] && continue
        line="bench: N=$n tmpfs round $round/$runs:"
        for tool in "${shm_tools[@]}"; do
            jq -r --arg t "$tool" '.results[] | select(.command == $t) | .times[]' "$dir/round.json" >> "$dir/shm-times-$tool"
            jq -r --arg t "$tool" '.results[] | select(.command == $t) | .user + .system' "$dir/round.json" >> "$dir/shm-cpu-$tool"
            line+=" $tool $(tail -1 "$dir/shm-times-$tool")"
        done
        echo "$line" >&2
    done
    declare -A med=() cpu=() rss=() files=()
    for tool in "${shm_tools[@]}"; do
        med[$tool]=$(median < "$dir/shm-times-$tool")
        cpu[$tool]=$(median < "$dir/shm-cpu-$tool")
        files[$tool]=$(files_of "$SHM_DIR/$tool/out")
        rm -rf "${SHM_DIR:?}/$tool" && mkdir -p "$SHM_DIR/$tool"
        # shellcheck disable=SC2086 # the command is a plain word list
        rss[$tool]=$(peak_mb ${shm_cmd[$tool]})
        rm -rf "${SHM_DIR:?}/$tool"
    done
    row="| $n |"
    for tool in "${SHM_COLUMNS[@]}"; do row+=" $(cell "$tool") |"; done
    for tool in "${SHM_COLUMNS[@]:1}"; do row+=" $(ratio "$tool") |"; done
    for tool in "${SHM_COLUMNS[@]}"; do row+=" $(cpu_cell "$tool") |"; done
    for tool in "${SHM_COLUMNS[@]}"; do row+=" $(rss_cell "$tool") |"; done
    SHM_ROWS+=("$row")
    note="N = $n:"
    for tool in "${shm_tools[@]}"; do
        note+=" ${NAME[$tool]} ${files[$tool]};"
    done
    SHM_FILES+=("${note%;}")
    unset med cpu rss files

    # ---- 2. rebuild on disk: casebook against Hugo -------------------------
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
        echo "bench: N=$n disk round $round/$runs:" \
            "casebook $(tail -1 "$dir/times-casebook" 2> /dev/null || echo -)" \
            "hugo $(tail -1 "$dir/times-hugo")" >&2
    done
    hugo_med=$(median < "$dir/times-hugo")
    cpu_note="N = $n: hugo $(secs "$(median < "$dir/cpu-hugo")")"
    hugo_rss=$(peak_mb hugo --source "$dir/hugo" --destination "$dir/out-hugo" --quiet)

    if [ "$have_casebook" = 1 ]; then
        cb_med=$(median < "$dir/times-casebook")
        cpu_note="N = $n: casebook $(secs "$(median < "$dir/cpu-casebook")"), ${cpu_note#*: }"
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
        ROWS+=("| $n | $(secs "$cb_med") | $(secs "$hugo_med") | $(times_x "$hugo_med" "$cb_med") | $(secs "$first_med") | $(secs "$check_med") | $cb_rss | $hugo_rss | $(secs "$floor_med") (${out_mb} MB out) |")
    else
        ROWS+=("| $n | n/a | $(secs "$hugo_med") | n/a | n/a | n/a | n/a | $hugo_rss | n/a |")
    fi
    CPU_NOTES+=("$cpu_note")
done

HOSTILE_REPORT=
if [ "${HOSTILE:-1}" != 0 ] && [ "$CASEBOOK_OK" = 1 ]; then
    echo "bench: check on the full-size hostile inputs (bench/hostile.sh)" >&2
    HOSTILE_REPORT=$(CASEBOOK=$CASEBOOK RUNS=${RUNS:-3} bench/hostile.sh)
fi

# ---- report ----------------------------------------------------------------
cpu_model=$(awk -F: '/model name/ { sub(/^ +/, "", $2); print $2; exit }' /proc/cpuinfo)
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
# shellcheck source=/dev/null
os=$(. /etc/os-release && echo "$PRETTY_NAME")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
command_line="$([ -n "$ZOLA" ] && echo "ZOLA=… ")$([ -n "${RUNS:-}" ] && echo "RUNS=$RUNS ")bench/run.sh ${SIZES[*]}"
medians_of="$([ -n "${RUNS:-}" ] && echo "$RUNS" || echo "5 (3 from N = 100 000)")"
report=$(
    echo "## Benchmark: casebook against Hugo and Zola"
    echo
    echo "$(date -u +%Y-%m-%d), $cpu_model, $(nproc) CPUs, $mem RAM, $os, Linux $(uname -r)."
    echo "$([ "$CASEBOOK_OK" = 1 ] && "$CASEBOOK" --version || echo "casebook: not built") ($(git rev-parse --short HEAD 2> /dev/null || echo "no git")$(git diff --quiet HEAD 2> /dev/null || echo ", with uncommitted changes")); $(hugo version | cut -d' ' -f1-2); $([ -n "$ZOLA" ] && "$ZOLA" --version || echo "zola: not found"); $(hyperfine --version)."
    echo "Load average before: $LOAD_START; after: $LOAD_END."
    echo "Command: \`$command_line\` (SEED=$SEED; medians of $medians_of alternating rounds after one warm-up round)."
    echo
    echo "### Full build on tmpfs, output folder removed before every run"
    echo
    header="| N |"
    for tool in "${SHM_COLUMNS[@]}"; do header+=" ${NAME[$tool]} |"; done
    for tool in "${SHM_COLUMNS[@]:1}"; do header+=" ${NAME[$tool]} ÷ casebook |"; done
    for tool in "${SHM_COLUMNS[@]}"; do header+=" CPU ${NAME[$tool]} |"; done
    for tool in "${SHM_COLUMNS[@]}"; do header+=" peak RSS ${NAME[$tool]} |"; done
    echo "$header"
    bars=${header//[^|]/}
    bars=${bars#|}
    echo "|${bars//|/---:|}"
    printf '%s\n' "${SHM_ROWS[@]}"
    echo
    echo "Wall time medians; CPU is user + system of the same runs (other load on the machine disturbs it less than wall time). Files written:"
    printf -- '- %s\n' "${SHM_FILES[@]}"
    echo
    echo "### Rebuild on disk over the previous output, casebook against Hugo"
    echo
    echo "| N | casebook build median | hugo median | ratio | casebook first build | casebook check median | peak RSS casebook | peak RSS hugo | floor (cp) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "CPU time (user + system, median of the same runs):"
    printf -- '- %s\n' "${CPU_NOTES[@]}"
    if [ ${#TIMINGS[@]} -gt 0 ]; then
        echo
        echo "Stages of one more casebook build (\`CASEBOOK_TIMINGS=1\`), rebuilding over the previous output:"
        echo
        echo '```'
        printf '%s\n' "${TIMINGS[@]}"
        echo '```'
    fi
    if [ -n "$HOSTILE_REPORT" ]; then
        echo
        echo "### check on hostile inputs at full size (bench/hostile.sh)"
        echo
        echo "$HOSTILE_REPORT"
    fi
)
mkdir -p "$ROOT/target/bench"
echo "$report" > "$ROOT/target/bench/results.md"
echo
echo "$report"
echo
echo "(written to target/bench/results.md)"
