#!/usr/bin/env bash
# Screenshots of the built catalogue for a visual check (issue 3):
#
#   scripts/screenshots.sh
#
# builds content/ with `cargo run --release -- build`, serves it on
# 127.0.0.1 with python3's http.server, and writes into target/screenshots/
# PNGs at 1280 and 360 px wide of the catalogue (whole and filtered), two
# cases (Porsgrunn with its chart, Sola with its tables), a theme, the
# programmes, a programme and a free page; then Porsgrunn printed to an A4
# PDF, and that PDF as one PNG per page when pdftoppm (poppler-utils) is
# there. Needs Debian's chromium (/usr/bin/chromium; `apt-get install
# chromium`) and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/screenshots"
SITE="$ROOT/target/screenshots-site"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PORT="${PORT:-8765}"

[ -x "$CHROMIUM" ] || { echo "screenshots: $CHROMIUM is missing (apt-get install chromium)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "screenshots: python3 is missing" >&2; exit 2; }

cd "$ROOT"
cargo run --release --quiet -- build --out "$SITE" --base-url "http://127.0.0.1:$PORT/"
mkdir -p "$OUT"

python3 -m http.server --bind 127.0.0.1 --directory "$SITE" "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 - "$PORT" <<'PY' && break
import socket, sys
s = socket.socket()
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
  sleep 0.1
done

shot() { # name path width height
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$OUT/$1-$3.png" --window-size="$3,$4" \
    "http://127.0.0.1:$PORT$2" >/dev/null 2>&1
  echo "wrote target/screenshots/$1-$3.png"
}

# name, path, height at 1280 px, height at 360 px (tall enough for the whole page)
for page in "catalogue / 2300 5200" "catalogue-filtered /?theme=sykefravaer&county=telemark 1400 2200" \
  "case-porsgrunn /cases/porsgrunn/ 5600 11000" "case-sola /cases/sola/ 4600 9000" \
  "theme-sykefravaer /themes/sykefravaer/ 2400 5200" "programmes /programmes/ 1400 2400" \
  "programme-kvalitetskommune /programmes/kvalitetskommune/ 1600 2600" "page-tilgjengelighet /pages/tilgjengelighet/ 1400 2600"; do
  set -- $page
  shot "$1" "$2" 1280 "$3"
  shot "$1" "$2" 360 "$4"
done

# Porsgrunn on paper: A4 as the stylesheet's @page sets it.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-pdf-header-footer --print-to-pdf="$OUT/print-porsgrunn.pdf" \
  "http://127.0.0.1:$PORT/cases/porsgrunn/" >/dev/null 2>&1
echo "wrote target/screenshots/print-porsgrunn.pdf"
if command -v pdftoppm >/dev/null; then
  rm -f "$OUT"/print-porsgrunn-*.png
  pdftoppm -r 60 -png "$OUT/print-porsgrunn.pdf" "$OUT/print-porsgrunn"
  echo "wrote target/screenshots/print-porsgrunn-<page>.png"
fi
