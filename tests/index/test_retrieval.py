"""The retrieval targets on a subset of the question set, with the real embedding model.

The full figures come from `python bench/retrieval.py`; this keeps them from regressing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.retrieval import run  # noqa: E402

SUBSET = 24


@pytest.mark.slow
def test_hybrid_meets_the_targets_on_a_subset() -> None:
    results = run("e5-small", max_tokens=0, subset=SUBSET)["results"]
    assert results["hybrid ru→ru"]["recall@1"] >= 0.93
    assert results["hybrid en→ru"]["recall@1"] >= 0.80
    assert results["semantic en→ru"]["recall@5"] >= 0.95
    assert results["lexical ru→ru"]["recall@1"] >= 0.85
