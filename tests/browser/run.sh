#!/usr/bin/env bash
# Browser checks for casebook's output (DESIGN.md §9, issue 6).
#
#   tests/browser/run.sh               build content/ and tests/fixtures/sites/full,
#                                      then check both
#   tests/browser/run.sh --site DIR    check an already-built folder only (repeatable)
#
# Installs what it needs on a fresh Debian machine: the `chromium` package
# (as root, or through sudo when available) and the pinned npm packages
# (playwright-core, axe-core, vnu-jar) from package-lock.json with `npm ci`.
# Needs node ≥ 20, npm, java ≥ 11 and (without --site) cargo.
#
# Prints every finding with page, width and rule, then exactly one line
#   pages=N axe=A vnu=V external=E broken=B
# and exits 1 on any finding, when no page was checked or when a build fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

SITES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --site)
      [ $# -ge 2 ] || { echo "run.sh: --site needs a folder" >&2; exit 2; }
      SITES+=("$(cd "$2" 2>/dev/null && pwd || echo "$2")")
      shift 2
      ;;
    --site=*)
      d="${1#--site=}"
      SITES+=("$(cd "$d" 2>/dev/null && pwd || echo "$d")")
      shift
      ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "browser-check: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "need root to run: $* (not root and no sudo); install it by hand"
    exit 2
  fi
}

apt_install() {
  log "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# 1. Chromium from Debian, Java for vnu, the npm packages.
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless
fi
command -v node >/dev/null 2>&1 || { log "node is missing (need Node 20 or newer)"; exit 2; }
command -v npm >/dev/null 2>&1 || { log "npm is missing"; exit 2; }

# `npm ci` installs exactly package-lock.json. It is skipped when node_modules
# was already installed from this very lock file. --ignore-scripts: none of the
# three packages needs an install script (vnu-jar's would fetch a Java runtime
# from outside the registry; the machine's java is used instead).
STAMP="$HERE/node_modules/.casebook-lock"
if ! cmp -s "$HERE/package-lock.json" "$STAMP" 2>/dev/null; then
  log "npm ci in tests/browser"
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  cp "$HERE/package-lock.json" "$STAMP"
fi

ARGS=()
if [ ${#SITES[@]} -gt 0 ]; then
  # 2'. Check the given folders only.
  for s in "${SITES[@]}"; do ARGS+=("$s"); done
else
  # 2. Build the shipped catalogue and the fixture site with every feature.
  command -v cargo >/dev/null 2>&1 || { log "cargo is missing"; exit 2; }
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/casebook-browser.XXXXXX")"
  trap 'rm -rf "$TMP"' EXIT
  cd "$ROOT"
  log "building content/ → $TMP/site"
  if ! cargo run --release --quiet -- build --out "$TMP/site" >&2; then
    log "FAILED: cargo run --release -- build --out $TMP/site"
    exit 1
  fi
  log "building tests/fixtures/sites/full → $TMP/full"
  if ! cargo run --release --quiet -- --root tests/fixtures/sites/full build --out "$TMP/full" >&2; then
    log "FAILED: cargo run --release -- --root tests/fixtures/sites/full build --out $TMP/full"
    exit 1
  fi
  # Every page kind must be reached; free pages only where content/ has some.
  KINDS="home,case,themes,theme,programme,county,municipality,search,404"
  if compgen -G "$ROOT/content/pages/*.md" >/dev/null; then KINDS="$KINDS,page"; fi
  ARGS+=(--label site --expect-kinds "$KINDS" "$TMP/site" --label full --expect-kinds all "$TMP/full")
  # Search and facets (issue 5): search.mjs asserts against this fixture.
  log "building tests/fixtures/sites/search → $TMP/search"
  if ! cargo run --release --quiet -- --root tests/fixtures/sites/search build --out "$TMP/search" >&2; then
    log "FAILED: cargo run --release -- --root tests/fixtures/sites/search build --out $TMP/search"
    exit 1
  fi
  # A generated corpus big enough that common words have more hits than
  # best postings rank (search.mjs checks their facet counts on it).
  log "generating 400 cases (examples/corpus) → $TMP/corpus"
  if ! cargo run --release --quiet --example corpus -- --cases 400 --seed 1 --out "$TMP/corpus-src" >/dev/null \
    || ! cargo run --release --quiet -- --root "$TMP/corpus-src" build --out "$TMP/corpus" >/dev/null 2>"$TMP/corpus.log"; then
    cat "$TMP/corpus.log" >&2
    log "FAILED: the generated corpus did not build"
    exit 1
  fi
  # The search relevance set: relevance.mjs asserts against this fixture.
  log "building tests/fixtures/search/site → $TMP/relevance"
  if ! cargo run --release --quiet -- --root tests/fixtures/search/site build --out "$TMP/relevance" >&2; then
    log "FAILED: cargo run --release -- --root tests/fixtures/search/site build --out $TMP/relevance"
    exit 1
  fi
fi

cd "$HERE"
status=0
node check.mjs "${ARGS[@]}" || status=$?
if [ ${#SITES[@]} -eq 0 ]; then
  node search.mjs "$TMP/search" "$TMP/corpus" || status=1
  node relevance.mjs "$TMP/relevance" || status=1
  # Words, the catalogue on a phone and print (issue 17), on the shipped catalogue.
  node reader.mjs "$TMP/site" || status=1
  # The editor in the browser (issue 16): `serve` on a copy of content/,
  # which the test writes into.
  mkdir -p "$TMP/editor"
  cp -R "$ROOT/content" "$TMP/editor/content"
  node editor.mjs "$ROOT/target/release/casebook" "$TMP/editor" || status=1
fi
exit "$status"
