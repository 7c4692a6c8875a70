"""A page nested 100,000 elements deep is read in time linear in its length (a walk of the
open elements on every tag made it quadratic: 20,000 levels took 27 s, 100,000 past any
deadline). The alarm is a guard far above the linear cost (about 2 s here), not a measure."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.parse.text.html import extract_html

DEPTH = 100_000


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"not read within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_page_nested_100000_deep_is_read() -> None:
    with alarm(60):
        content = extract_html("<div>" * DEPTH + "глубоко" + "</div>" * DEPTH)
    assert [b.text for b in content.blocks] == ["глубоко"]


def test_lists_in_cells_nested_deep_keep_their_structure() -> None:
    with alarm(60):
        content = extract_html("<ul><li><table><tr><td>" * 5_000 + "ячейка")
    assert [(b.kind, b.text) for b in content.blocks] == [("table_cell", "ячейка")]
