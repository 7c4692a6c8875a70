#!/usr/bin/env bash
# Runs the default test suite (everything not marked slow) as three pytest processes side by
# side: the suite spends much of its time waiting on subprocesses (the CLI under SIGKILL,
# LibreOffice, the browser, OCR), so three parts on two cores finish far sooner than one run.
# The last part is "everything else", so no test folder is ever left out. Extra arguments go
# to every part. Exits non-zero when any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PART1=(tests/pipeline tests/corpus tests/test_cli.py tests/test_samples.py)
PART2=(tests/faults tests/hostile tests/fuzz)
IGNORE=()
for path in "${PART1[@]}" "${PART2[@]}"; do IGNORE+=("--ignore=$path"); done
logs=$(mktemp -d)
run() {  # name, then pytest arguments
  local name=$1; shift
  "$PY" -m pytest -q -m "not slow" -p no:cacheprovider --durations=15 "$@" >"$logs/$name.log" 2>&1
}
run one "$@" "${PART1[@]}" & first=$!
run two "$@" "${PART2[@]}" & second=$!
run three "$@" tests "${IGNORE[@]}" & third=$!
status=0
for pid in $first $second $third; do wait "$pid" || status=1; done
for name in one two three; do
  echo "=== part $name"; cat "$logs/$name.log"
done
echo "=== parts: ${PART1[*]} | ${PART2[*]} | everything else"
rm -rf "$logs"
exit $status
