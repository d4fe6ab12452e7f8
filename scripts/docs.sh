#!/usr/bin/env bash
# Builds the DocC reference of CoopZoneCore's public API (with the catalog in
# Sources/CoopZoneCore/CoopZoneCore.docc: the landing page and "Writing an evaluator in Swift")
# through the swift-docc-plugin, into artefacts/docs/ (git-ignored) or the folder given.
# Fails on any warning: DocC's (an unresolved ``symbol`` link, a documented parameter that
# the signature lacks…) with --warnings-as-errors, and the compiler's or the plugin's by the log.
# Ends with 'docs: ok (N symbols, N articles) in DIR'.
#
#   bash scripts/docs.sh [DIR]
#   python3 -m http.server -d artefacts/docs 8000   # then open localhost:8000/documentation/coopzonecore
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artefacts/docs}")"
# A previous archive is replaced whole (only one that is DocC's output: a folder given by
# mistake is never emptied).
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  if [ -f "$out/metadata.json" ] && [ -d "$out/data/documentation" ]; then rm -rf "$out"; else
    echo "docs: '$out' exists and is not a DocC archive; give another folder"; exit 1; fi
fi
mkdir -p "$out"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

set +e
swift package --allow-writing-to-directory "$out" \
  generate-documentation --target CoopZoneCore \
  --warnings-as-errors \
  --output-path "$out" \
  >"$log" 2>&1
status=$?
set -e
warnings="$(grep -E '(^|[^a-z])(warning|error):' "$log" || true)"
if [ "$status" -ne 0 ] || [ -n "$warnings" ]; then
  grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Wrapping)' "$log" | sed -n '1,120p'
  echo "docs: FAILED (status $status$([ -n "$warnings" ] && echo ", $(printf '%s\n' "$warnings" | wc -l) warning or error line(s)"))"
  exit 1
fi

# Count the pages DocC wrote: one per public symbol, one per article (not the collection pages
# DocC adds, such as "Equatable Implementations").
read -r symbols articles < <(python3 - "$out" <<'EOF'
import json, pathlib, sys
pages = [json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1], "data/documentation").rglob("*.json")]
symbols = sum(1 for page in pages if page.get("kind") == "symbol")
articles = sum(1 for page in pages if page.get("kind") == "article" and page.get("metadata", {}).get("role") == "article")
print(symbols, articles)
EOF
)
if [ "$symbols" -eq 0 ] || [ "$articles" -eq 0 ]; then echo "docs: FAILED (no symbol or article pages in $out)"; exit 1; fi
echo "docs: ok ($symbols symbols, $articles article$([ "$articles" -eq 1 ] || echo s)) in ${out#"$PWD/"}"
