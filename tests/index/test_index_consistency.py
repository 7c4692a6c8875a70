"""The index catches up with the store after a crash between the two commits, an unreadable
index is rebuilt by `check --repair`, and out-of-date analysis stages are found and re-run."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import INDEX_STAGE, Store
from index.build import (
    add_document,
    catch_up,
    compare,
    index_path,
    indexed_blocks,
    open_index,
    repair,
)
from index.schema import SCHEMA_VERSION
from index.searcher import Searcher
from pipeline.cli import main


def stored_only(store: Store, number: int) -> Document:
    """A document saved as ingest saves it, with the process 'killed' before indexing."""
    doc = Document(id=hashlib.sha256(str(number).encode()).hexdigest(), source_name=f"late_{number}.txt", media_type="text",
                   kind="report", language="ru", status="ok")
    doc.add_block("paragraph", f"Записка {number} о водоснабжении Рязани.", language="ru")
    store.save_document(doc)
    return doc


def test_documents_stored_but_not_indexed_are_caught_up(archive_store: Store) -> None:
    late = [stored_only(archive_store, n) for n in (1, 2)]
    ids = sorted(d.id for d in late)
    assert archive_store.documents_without(INDEX_STAGE, SCHEMA_VERSION) == ids
    assert sorted(compare(archive_store).missing) == ids
    assert catch_up(archive_store) == 2
    assert compare(archive_store).ok
    assert archive_store.documents_without(INDEX_STAGE, SCHEMA_VERSION) == []
    assert catch_up(archive_store) == 0


def test_resaving_a_document_clears_its_indexed_mark(archive_store: Store) -> None:
    document_id = archive_store.resolve("report_kyiv_uk.docx")
    assert archive_store.documents_without(INDEX_STAGE, SCHEMA_VERSION) == []
    archive_store.save_document(archive_store.load_document(document_id))
    assert archive_store.documents_without(INDEX_STAGE, SCHEMA_VERSION) == [document_id]
    archive_store.save_document(archive_store.load_document(document_id), reindex=False)
    assert archive_store.documents_without(INDEX_STAGE, SCHEMA_VERSION) == [document_id]


def test_a_deleted_index_is_rebuilt_by_catch_up(archive_store: Store) -> None:
    blocks = compare(archive_store).blocks
    for path in index_path(archive_store).iterdir():
        path.unlink()
    assert catch_up(archive_store) == 4
    ix = open_index(index_path(archive_store), create=False)
    assert sum(len(b) for b in indexed_blocks(ix).values()) == blocks


# Whoosh leaves a damaged table-of-contents file open when it fails to read it (its own leak)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_an_unreadable_index_is_reported_and_rebuilt(
    archive_store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    for toc in index_path(archive_store).glob("*.toc"):
        toc.write_bytes(b"\x80\x04garbage, as a torn write leaves it")
    check = compare(archive_store)
    assert check.unreadable is not None and not check.ok
    data = str(archive_store.data)
    code = main(["check", "--json", "--data", data])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["index_problems"][0].startswith("the search index cannot be read")
    assert main(["check", "--repair", "--data", data]) == 0
    assert "ok" in capsys.readouterr().out.splitlines()[-1]
    assert repair(archive_store) == 0 and compare(archive_store).ok


def test_check_finds_and_reruns_out_of_date_stages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "language")
    inbox, data = tmp_path / "inbox", str(tmp_path / "data")
    inbox.mkdir()
    (inbox / "note.txt").write_text("Водоснабжение Рязани обеспечивает водоканал.\n", "utf-8")
    assert main(["ingest", str(inbox), "--workers", "1", "--data", data]) == 0
    assert main(["check", "--data", data]) == 0
    with Store(Path(data)) as store:
        store.mark_stage(store.document_ids(), "language", "0")
    capsys.readouterr()
    assert main(["check", "--data", data]) == 1
    assert "stage language: 1 document(s) analysed by another version" in capsys.readouterr().out
    assert main(["check", "--repair", "--data", data]) == 0
    assert "re-ran out-of-date stages on 1 document(s)" in capsys.readouterr().out
    assert main(["check", "--data", data]) == 0


def test_a_failed_refresh_leaves_the_archive_searching(
    archive_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh closes a searcher's segment readers before it opens the new ones. A refresh that
    failed there (a writer in another process merging segments away) left the searcher closed
    for good: every later search raised ReaderClosed (791 errors with 8 clients searching
    through a 200-document ingest). The searcher now opens the index afresh."""
    with Searcher(archive_store) as searcher:
        before = searcher.search("водоснабжении").total
        add_document(archive_store, stored_only(archive_store, 7))  # the index moves on
        whoosh = searcher._searcher
        assert whoosh is not None and not whoosh.up_to_date()

        def failing_refresh() -> None:
            whoosh.reader().close()  # what Whoosh has done by the time opening fails
            raise OSError("a segment file vanished")

        monkeypatch.setattr(whoosh, "refresh", failing_refresh)
        monkeypatch.setattr(searcher, "_checked", float("-inf"))
        assert searcher.search("водоснабжении").total == before + 1
        assert searcher.search("водоснабжении").total == before + 1
