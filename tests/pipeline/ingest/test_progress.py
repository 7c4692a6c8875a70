"""The progress a batch reports: every phase named, each file counted once, ending complete."""

from __future__ import annotations

from pathlib import Path

from corpus.store import Store
from pipeline.ingest.batch import Progress, ingest
from pipeline.settings import load_settings


def test_progress_names_each_phase_and_ends_complete(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"note_{n}.txt").write_text(f"Записка номер {n}.\n", encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    seen: list[Progress] = []
    settings = load_settings(environ={}, data=tmp_path / "data", stages="", workers=1)
    with Store(tmp_path / "data") as store:
        ingest(store, [inbox], settings, on_progress=seen.append)
    assert [p.phase for p in seen][:2] == ["checking", "checking"]
    by_file = {(p.name, p.phase) for p in seen}
    assert {("note_1.txt", phase) for phase in ("reading", "analysing", "storing")} <= by_file
    assert ("empty.txt", "reading") not in by_file  # refused before any worker saw it
    assert [p.done for p in seen] == sorted(p.done for p in seen)  # never goes back
    assert (seen[-1].done, seen[-1].total) == (4, 4)
