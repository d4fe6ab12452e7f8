#!/usr/bin/env bash
# Lints the files SwiftPM copies into the build as resources, each as what it is, with what a
# Debian machine has offline (no npm packages):
#   - the workshop's script: `node --check` (syntax), when node is installed;
#   - the workshop's stylesheet: balanced braces and no rule left unclosed (a small check in Python);
#   - the scaffolds of `coopzone new evaluator`: filled in with a sample id, the Python files
#     compiled (`python3 -m py_compile`) and the manifest read as YAML (PyYAML, when installed).
# Ends with 'lint-assets: N passed, M failed'; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
check() { # name, command...
  local name="$1"; shift
  if "$@" >/tmp/coopzone-lint.out 2>&1; then passed=$((passed + 1)); echo "ok   $name"; else
    failed=$((failed + 1)); echo "FAIL $name"; sed -n '1,20p' /tmp/coopzone-lint.out; fi
}
if command -v node >/dev/null; then
  check "workshop.js: node --check" node --check Sources/CoopZoneServer/Resources/workshop.js
else
  echo "skip workshop.js: node is not installed"
fi
check "workshop.css: braces balanced" python3 - Sources/CoopZoneServer/Resources/workshop.css <<'PY'
import re, sys
text = re.sub(r"/\*.*?\*/", "", open(sys.argv[1], encoding="utf-8").read(), flags=re.S)
depth = 0
for number, line in enumerate(text.splitlines(), 1):
    depth += line.count("{") - line.count("}")
    if depth < 0: sys.exit("line %d: '}' without '{'" % number)
if depth: sys.exit("%d rule(s) left open" % depth)
PY
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
scaffold=Sources/CoopZoneCLI/Resources/scaffold/python
for file in evaluator.yaml evaluator.py test_evaluator.py; do
  sed -e 's/{{id}}/border_queue/g' -e "s#{{sdk_path}}#$PWD/sdk/python#g" "$scaffold/$file" > "$work/${file/evaluator.py/border_queue.py}"
done
check "scaffold python: py_compile" python3 -m py_compile "$work/border_queue.py" "$work/test_border_queue.py"
if python3 -c 'import yaml' 2>/dev/null; then
  check "scaffold evaluator.yaml: YAML" python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$work/evaluator.yaml"
fi
check "scaffold python: its own unittest" bash -c "cd '$work' && python3 -m unittest -q"
echo "lint-assets: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
