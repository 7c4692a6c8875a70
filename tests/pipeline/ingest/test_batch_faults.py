"""Batch faults that must not hang or lose a batch: a worker that never finishes starting."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from pipeline import stages as stages_module
from pipeline.ingest.batch import ingest
from pipeline.settings import Settings, load_settings


class HangingStage:
    """A stage whose model loading never ends (a deadlocked library in a forked worker)."""

    name = "hang"
    version = "1"

    def warm(self) -> None:
        time.sleep(3600)

    def run(self, document: Document) -> Document:
        return document


@pytest.fixture
def hanging_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    # registered in this process; the pool's workers are forked from it and inherit it
    monkeypatch.setitem(stages_module.STAGE_EXTRAS, "hang", "nlp")
    monkeypatch.setitem(stages_module.STAGE_MODULES, "hang", "pipeline.stages")
    monkeypatch.setitem(stages_module._FACTORIES, "hang", lambda settings: HangingStage())


def hang_settings(data: Path) -> Settings:
    return load_settings(environ={}, data=data, stages="hang", workers=2, start_limit=2)


def test_workers_hanging_at_start_fail_the_files_and_a_rerun_does_them(
    tmp_path: Path, hanging_stage: None
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"note_{n}.txt").write_text(f"Записка номер {n}.\n", encoding="utf-8")
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], hang_settings(tmp_path / "data"))
        assert store.document_ids() == []
        # once the models load again, a re-run processes the files the hang left
        fixed = load_settings(environ={}, data=tmp_path / "data", stages="", workers=1)
        rerun = ingest(store, [inbox], fixed)
        assert [f.outcome for f in rerun.files] == ["ok", "ok", "ok"]
        assert len(store.document_ids()) == 3
    assert [(Path(f.path).name, f.outcome) for f in report.files] == [
        ("note_0.txt", "failed"), ("note_1.txt", "failed"), ("note_2.txt", "failed")]
    assert report.files[0].reason == (
        "no worker could start within 2 s (loading the models hung); the file was not processed")
    assert report.finished is not None

