#!/usr/bin/env bash
# Self-test of the browser checks: a deliberate violation must be caught.
#
#   tests/browser/selftest.sh             builds tests/fixtures/sites/full first
#   tests/browser/selftest.sh --site DIR  uses an already-built site
#
# Copies the built site, puts an <img> without alt and a script from another
# host into one page, runs run.sh --site on the copy and asserts that it exits
# non-zero, names that page and the rule `image-alt`, and counts the external
# request.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/casebook-selftest.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

SRC=""
case "${1:-}" in
  --site) SRC="${2:?--site needs a folder}" ;;
  "") ;;
  *) echo "usage: selftest.sh [--site DIR]" >&2; exit 2 ;;
esac
if [ -z "$SRC" ]; then
  (cd "$ROOT" && cargo run --release --quiet -- --root tests/fixtures/sites/full build --out "$TMP/built" >&2)
  SRC="$TMP/built"
fi
cp -R "$SRC" "$TMP/site"

# The victim: the first case page, else the front page.
VICTIM="$(cd "$TMP/site" && find cases -mindepth 2 -maxdepth 2 -name index.html 2>/dev/null | sort | head -n 1)"
[ -n "$VICTIM" ] || VICTIM="index.html"
PAGE="/${VICTIM%index.html}"
grep -q '</main>' "$TMP/site/$VICTIM" || { echo "selftest: $VICTIM has no </main>" >&2; exit 1; }
# Put the violation just before </main> (the first one).
INJECT='<img src="/static/selftest-missing-alt.png"><script src="https://cdn.example.com/x.js"></script>'
python3 - "$TMP/site/$VICTIM" "$INJECT" <<'PY'
import sys
p, inject = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s.replace("</main>", inject + "</main>", 1))
PY

set +e
"$HERE/run.sh" --site "$TMP/site" >"$TMP/out.txt" 2>"$TMP/err.txt"
rc=$?
set -e

fail() {
  echo "selftest: FAIL: $*" >&2
  echo "--- run.sh stdout" >&2; cat "$TMP/out.txt" >&2
  echo "--- run.sh stderr" >&2; tail -n 20 "$TMP/err.txt" >&2
  exit 1
}
[ "$rc" -ne 0 ] || fail "run.sh exited 0 on a page with a deliberate violation"
grep -Eq "^AXE +${PAGE} @1280px \[image-alt\]" "$TMP/out.txt" || fail "no image-alt finding naming ${PAGE} at 1280px"
grep -Eq "^AXE +${PAGE} @320px \[image-alt\]" "$TMP/out.txt" || fail "no image-alt finding naming ${PAGE} at 320px"
grep -Eq "^EXTERNAL +${PAGE} @1280px \[external-request\] script https://cdn\.example\.com/x\.js" "$TMP/out.txt" || fail "the request to cdn.example.com was not counted"
grep -Eq "^BROKEN +${PAGE} @1280px \[broken-link\] img src=\"/static/selftest-missing-alt\.png\"" "$TMP/out.txt" || fail "the missing image was not reported as broken"
grep -Eq "^VNU +${PAGE}:[0-9]+:[0-9]+ .*img.{0,3} element must have an .{0,3}alt.{0,3} attribute" "$TMP/out.txt" || fail "vnu did not report the img without alt"
summary="$(tail -n 1 "$TMP/out.txt")"
echo "$summary" | grep -Eq '^pages=[1-9][0-9]* axe=[1-9][0-9]* vnu=[1-9][0-9]* external=[1-9][0-9]* broken=[1-9][0-9]*$' || fail "unexpected summary line: $summary"

echo "selftest: run.sh exited $rc and named ${PAGE} and image-alt, as it should:"
grep -E "^(AXE|EXTERNAL|VNU|BROKEN) +${PAGE}" "$TMP/out.txt" | grep -E "image-alt|external-request|alt.{0,3} attribute|selftest-missing" || true
echo "$summary"
echo "selftest: 1 passed, 0 failed"
