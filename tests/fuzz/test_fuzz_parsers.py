"""Fuzzing the parsers: mutated DOCX, PDF and text files end as a document or our own error.

The rule, for every input: `pipeline.parse.parse` (what a batch worker calls) returns a
`Document` or raises a `SekretarError` subclass, and takes at most `CPU_LIMIT` CPU seconds. Any
other exception, a hang or a crash breaks it. Inputs are valid seed files mutated by byte
flips, overwrites, truncations, insertions (random bytes and format tokens), deletions and
duplicated chunks; DOCX also with one XML part mutated inside a re-zipped package.

Each format runs for `SEKRETAR_FUZZ_SECONDS` (default 20) in rounds of hypothesis examples, so
the whole set stays about a minute; `bench/fuzz.py` is the long form. Hypothesis shrinks a
failing input and prints it; set `SEKRETAR_FUZZ_SAVE=1` to also keep it in
`tests/fuzz/crashers/`, where `test_fuzz_crashers.py` replays it from then on.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import save_crasher
from bench.fuzz_child import CPU_LIMIT, ParseChild
from bench.fuzz_inputs import FORMATS, mutant, seeds

BUDGET = float(os.environ.get("SEKRETAR_FUZZ_SECONDS", "20"))
#: examples per hypothesis run; runs repeat until the budget is spent.
ROUND = 10
ROUNDS_AT_LEAST = 1


@pytest.fixture(scope="module")
def child() -> Iterator[ParseChild]:
    with ParseChild() as parser:
        yield parser


def check_one(child: ParseChild, fmt: str, data: st.DataObject) -> None:
    """One hypothesis example: draw a mutant, parse it in the child, judge the outcome."""
    name, raw = mutant(fmt, lambda low, high: data.draw(st.integers(low, high)))
    outcome = child.run(raw, name)
    if outcome.kind == "hang":
        # a parser that spins does so every time; a machine that stalled once does not
        outcome = child.run(raw, name)
    if not outcome.accepted:
        sha = hashlib.sha256(raw).hexdigest()[:16]
        if os.environ.get("SEKRETAR_FUZZ_SAVE") == "1":
            save_crasher(fmt, raw)
        pytest.fail(f"{fmt} input {sha} ({len(raw)} bytes) as {name}: {outcome.kind}: "
                    f"{outcome.detail}")
    assert outcome.cpu <= CPU_LIMIT


def fuzz_round(child: ParseChild, fmt: str) -> None:
    """One hypothesis run of ROUND examples (fresh random choices each time)."""

    @settings(max_examples=ROUND, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        check_one(child, fmt, data)

    run()


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_inputs_end_as_document_or_our_error(child: ParseChild, fmt: str) -> None:
    seeds(fmt)  # built before the clock starts
    started, rounds = time.monotonic(), 0
    while rounds < ROUNDS_AT_LEAST or time.monotonic() - started < BUDGET:
        fuzz_round(child, fmt)
        rounds += 1
    print(f"fuzz {fmt}: about {rounds * ROUND} examples in {time.monotonic() - started:.0f} s")
