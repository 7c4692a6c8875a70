#!/usr/bin/env bash
# Runs the default test suite (everything not marked slow) as two pytest processes side by
# side, one a core: the suite spends much of its time in single-threaded parsing, OCR,
# LibreOffice and browser work, so two halves finish in about half the time. The second half
# is "everything else", so no test folder is ever left out. Extra arguments go to both halves.
# Exits non-zero when either half fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
FIRST=(tests/pipeline tests/corpus tests/test_cli.py tests/test_samples.py)
IGNORE=()
for path in "${FIRST[@]}"; do IGNORE+=("--ignore=$path"); done
logs=$(mktemp -d)
"$PY" -m pytest -q -m "not slow" -p no:cacheprovider --durations=15 "$@" "${FIRST[@]}" >"$logs/first.log" 2>&1 &
first=$!
"$PY" -m pytest -q -m "not slow" -p no:cacheprovider --durations=15 "$@" tests "${IGNORE[@]}" >"$logs/second.log" 2>&1 &
second=$!
wait "$first"; first_status=$?
wait "$second"; second_status=$?
echo "=== first half: ${FIRST[*]} (exit $first_status)"; cat "$logs/first.log"
echo "=== second half: the other tests (exit $second_status)"; cat "$logs/second.log"
rm -rf "$logs"
[ "$first_status" -eq 0 ] && [ "$second_status" -eq 0 ]
