"""A 600-page PDF and an 800-page DOCX go through a batch under the default deadline and
memory cap, or fail with exactly that reason: never a crash, never an unbounded worker; a
300-page scan is read by OCR a page at a time.

Slow (minutes on a loaded machine); `bench/bigfiles.py` prints the same figures, and its
`--short` form runs in CI through `bench/run_all.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bigfiles import build, measure, measure_scan
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


#: 300 pages rendered at 300 dpi held at once would take 2.6 GB (8.7 MB a grey A4 page)
ONE_PAGE_AT_A_TIME_MB = 400


@pytest.mark.slow
def test_a_300_page_scan_is_read_a_page_at_a_time(tmp_path: Path) -> None:
    """OCR runs in the worker under the file's deadline and memory cap. Under the
    default limits it reads what fits in three quarters of the deadline and names the pages
    left; with the deadline raised it reads all 300, and the worker (or its Tesseract) never
    holds more than about one page."""
    (_, default), (_, raised) = measure_scan(tmp_path, 300)
    print(default, raised, sep="\n")
    assert default["outcome"] in ("ok", "partial") and default["pages_read_by_ocr"] > 0
    if default["outcome"] == "partial":
        assert "time ran out" in str(default["reason"])
        assert int(str(default["pages_read_by_ocr"])) < 300
    assert (raised["outcome"], raised["reason"]) == ("ok", None)
    assert raised["pages_read_by_ocr"] == raised["pages_with_text"] == 300
    for figures in (default, raised):
        assert int(str(figures["worker_peak_mb"])) < ONE_PAGE_AT_A_TIME_MB < DEFAULTS.memory_mb
