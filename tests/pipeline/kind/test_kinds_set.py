"""The quality bar of the kind stage on the generated part of the benchmark's set
(`bench/kinds_set.py`, `bench/data/kinds/`): 87 documents in ru, uk, be, kk and en, as DOCX,
PDF and text, through the real parsers. `bench/kinds.py` prints the full figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.kinds_set import generated
from pipeline.kind.classify import classify
from pipeline.parse import parse
from pipeline.parse.base import Source

ACCURACY = 0.95
RECALL = 0.9


def test_the_generated_set_clears_the_bar(tmp_path: Path) -> None:
    cases = list(generated(tmp_path))
    assert len(cases) >= 60 and {c.language for c in cases} == {"ru", "uk", "be", "kk", "en"}
    found = {case.path.name: classify(parse(Source.from_path(case.path))).kind for case in cases}
    misses = {c.path.name: (c.kind, found[c.path.name]) for c in cases
              if found[c.path.name] != c.kind}
    assert 1 - len(misses) / len(cases) >= ACCURACY, misses
    expected = Counter(c.kind for c in cases)
    right = Counter(c.kind for c in cases if found[c.path.name] == c.kind)
    assert all(right[kind] / count >= RECALL for kind, count in expected.items()), misses
