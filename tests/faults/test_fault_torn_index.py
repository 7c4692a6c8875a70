"""A torn index segment (a power cut: Whoosh never fsyncs) is rebuilt by the next ingest, and a
writer that meets one says so in one plain line instead of click's bare "Aborted."."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import StoreError
from corpus.store import Store
from index.build import add_document, compare, index_path
from pipeline.cli import main

NOTE = "Записка {n} о водоснабжении Рязани и реконструкции очистных сооружений.\n"


def ingest_notes(inbox: Path, data: Path, numbers: range) -> int:
    inbox.mkdir(exist_ok=True)
    for n in numbers:
        (inbox / f"note_{n}.txt").write_text(NOTE.format(n=n), "utf-8")
    return main(["ingest", str(inbox), "--workers", "1", "--data", str(data)])


def tear(data: Path) -> None:
    for segment in (data / "index").glob("*.seg"):
        with open(segment, "r+b") as torn:
            torn.truncate(segment.stat().st_size // 2)


@pytest.fixture
def torn_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    data = tmp_path / "data"
    assert ingest_notes(tmp_path / "inbox", data, range(3)) == 0
    tear(data)
    return data


# Whoosh leaves a damaged segment file open when it fails to read it (its own leak)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_ingest_rebuilds_a_torn_index_and_goes_on(
    torn_archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(torn_archive, readonly=True) as store:
        assert compare(store).unreadable is not None
    capsys.readouterr()
    assert ingest_notes(tmp_path / "inbox", torn_archive, range(5)) == 0
    assert "indexed 3 document(s)" in capsys.readouterr().out
    with Store(torn_archive, readonly=True) as store:
        check = compare(store)
        assert check.ok and check.documents == 5
    assert main(["check", "--data", str(torn_archive)]) == 0


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_writer_meeting_a_torn_segment_says_how_to_repair(torn_archive: Path) -> None:
    with Store(torn_archive) as store:
        document = store.load_document(store.document_ids()[0])
        with pytest.raises(StoreError, match=r"index is damaged .*check --repair"):
            add_document(store, document)
        assert (index_path(store) / "sekretar-index-version").exists()
