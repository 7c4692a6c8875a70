"""A full disk stops an ingest with a plain "disk full", keeps the archive readable and
consistent, and a re-run with space finishes the batch.

The full disk is a file size limit (RLIMIT_FSIZE) on the ingest process: writing past it fails
with EFBIG as a full file system fails with ENOSPC, and needs no mount or root. (Python ignores
SIGXFSZ, so the write fails instead of killing the process.)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from corpus.store import Store
from index.searcher import Searcher

ROOT = Path(__file__).resolve().parents[3]
LIMIT = 600_000


def sekretar(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEKRETAR_STAGES": "", "PYTHONPATH": str(ROOT)}

    def cap() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], env=env, text=True,
                          capture_output=True, preexec_fn=cap, timeout=600, check=False)


def found_in(data: str, query: str) -> list[str]:
    """The source names a search of the archive finds (through the library: the CLI's search
    is tested elsewhere, and each extra process costs half a minute on a loaded machine)."""
    with Store(Path(data), readonly=True) as store, Searcher(store) as searcher:
        return [hit.source_name for hit in searcher.search(query).hits]


def test_disk_full_stops_cleanly_and_a_rerun_finishes(tmp_path: Path) -> None:
    data, inbox = str(tmp_path / "data"), tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_note.txt").write_text("Записка о водоснабжении Рязани.\n", "utf-8")
    paragraph = "Отчёт о развитии общественного транспорта города Казани. " * 170
    (inbox / "b_report.txt").write_text("\n\n".join([paragraph] * 130), "utf-8")
    assert (inbox / "b_report.txt").stat().st_size > 2 * LIMIT

    full = sekretar("ingest", str(inbox), "--workers", "1", "--data", data, limit=LIMIT)
    assert full.returncode == 1
    # the limit is met by the database or by a kept file, whichever writes past it first
    assert "free some space and run the command again" in full.stderr
    assert "Traceback" not in full.stderr
    assert full.stderr.count("disk full") == 1

    checked = sekretar("check", "--data", data)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert found_in(data, "водоснабжение") == ["a_note.txt"]

    rerun = sekretar("ingest", str(inbox), "--workers", "1", "--data", data, "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert '"unchanged": 1' in rerun.stdout and '"ok": 1' in rerun.stdout
    assert sekretar("check", "--data", data).returncode == 0
    assert found_in(data, "Казани") == ["b_report.txt"]
