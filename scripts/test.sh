#!/usr/bin/env bash
# Runs the default test suite (everything not marked slow) as three pytest processes side by
# side: the suite spends much of its time waiting on subprocesses (the CLI under SIGKILL,
# LibreOffice, the browser, OCR), so three parts on two cores finish far sooner than one run.
# The last part is "everything else", so no test folder is ever left out. Extra arguments go
# to every part. Exits non-zero when any part fails.
#
# Each part is interrupted (as with Ctrl-C, so pytest still prints what ran and the slowest
# tests) when it passes SEKRETAR_TEST_MINUTES (default 60): a stuck test then shows up in the
# log instead of silently using up a CI run's time. A part's log is printed as soon as it ends.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# Let Python keep compiled modules (and pytest its rewritten test modules) in __pycache__:
# where PYTHONDONTWRITEBYTECODE is set, as on these machines, every test process and every CLI
# process a test starts compiled the same sources again (a third of one profiled test's time).
unset PYTHONDONTWRITEBYTECODE
MINUTES=${SEKRETAR_TEST_MINUTES:-60}
PART1=(tests/pipeline/cli tests/pipeline/entities tests/pipeline/ingest tests/pipeline/language
       tests/pipeline/translate tests/corpus tests/test_samples.py)
PART2=(tests/faults tests/hostile tests/fuzz tests/pipeline/web tests/pipeline/minutes
       tests/pipeline/resolution)
IGNORE=()
for path in "${PART1[@]}" "${PART2[@]}"; do
  case $path in --*) ;; *) IGNORE+=("--ignore=$path") ;; esac
done
logs=$(mktemp -d)
started=$(date +%s)
# A test running over 15 minutes has its stack printed (pytest's faulthandler_timeout) without
# being stopped; tests/conftest.py lets the time box's SIGINT reach pytest.
run() {  # name, then pytest arguments; prints the part's log when it ends
  local name=$1; shift
  timeout --signal=INT --kill-after=120 "${MINUTES}m" \
    "$PY" -m pytest -q -m "not slow" -p no:cacheprovider --durations=15 \
    -o faulthandler_timeout=900 "$@" >"$logs/$name.log" 2>&1
  local code=$?
  local header="=== part $name ended with code $code after $(( $(date +%s) - started )) s"
  flock "$logs/.print" sh -c 'echo "$1"; cat "$2"' - "$header" "$logs/$name.log"
  return $code
}
run one "$@" "${PART1[@]}" & first=$!
run two "$@" "${PART2[@]}" & second=$!
run three "$@" tests "${IGNORE[@]}" & third=$!
status=0
for pid in $first $second $third; do wait "$pid" || status=1; done
echo "=== parts: ${PART1[*]} | ${PART2[*]} | everything else ($(( $(date +%s) - started )) s)"
rm -rf "$logs"
exit $status
