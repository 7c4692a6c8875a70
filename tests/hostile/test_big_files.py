"""A 600-page PDF and an 800-page DOCX go through a batch under the default deadline and
memory cap, or fail with exactly that reason: never a crash, never an unbounded worker.

Slow (minutes on a loaded machine); `bench/bigfiles.py` prints the same figures, and its
`--short` form runs in CI through `bench/run_all.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bigfiles import build, measure
from pipeline.settings import Settings

DEFAULTS = Settings()
CLEAN_FAILURES = {
    f"took longer than the deadline of {DEFAULTS.deadline:g} s",
    f"used more than the memory cap of {DEFAULTS.memory_mb} MB",
}


@pytest.mark.slow
def test_big_pdf_and_docx_fit_the_default_limits(tmp_path: Path) -> None:
    for path in build(tmp_path, pdf_pages=600, docx_pages=800):
        figures = measure(path, tmp_path / f"data-{path.stem}")
        print(f"{path.name}: {figures}")
        assert (figures["deadline_s"], figures["memory_cap_mb"]) == (
            DEFAULTS.deadline, DEFAULTS.memory_mb)
        if figures["outcome"] == "failed":
            assert figures["reason"] in CLEAN_FAILURES, figures
        else:
            assert (figures["outcome"], figures["reason"]) == ("ok", None), figures
            assert int(str(figures["worker_peak_mb"])) < DEFAULTS.memory_mb
