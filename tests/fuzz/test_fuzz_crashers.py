"""Every input a fuzz run ever broke the rule with is replayed: it must now keep it.

Files in `tests/fuzz/crashers/` are named `<format>-<sha256 prefix>.bin` by `bench/fuzz.py`.
Each must end as a document or one of the project's own errors within the CPU bound.
The first one is the form XObject that draws itself twice (2^40 drawings for pdfium), which
hung page loading until `pipeline/parse/pdf/forms.py` refused it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.fuzz import CRASHERS, REPLAY_NAMES
from bench.fuzz_child import CPU_LIMIT, ParseChild


def crashers() -> list[Any]:
    files = sorted(CRASHERS.glob("*.bin")) if CRASHERS.is_dir() else []
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no crashers kept yet"))]
    return [pytest.param(path, id=path.name) for path in files]


@pytest.fixture(scope="module")
def child() -> Iterator[ParseChild]:
    with ParseChild() as parser:
        yield parser


@pytest.mark.parametrize("path", crashers())
def test_crasher_now_ends_as_document_or_our_error(child: ParseChild, path: Path) -> None:
    fmt = path.name.split("-", 1)[0]
    outcome = child.run(path.read_bytes(), REPLAY_NAMES[fmt])
    assert outcome.accepted, f"{outcome.kind}: {outcome.detail}"
    assert outcome.cpu <= CPU_LIMIT
