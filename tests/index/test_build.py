"""The index as a copy of the store: incremental updates, rebuild, check and repair, locking."""

from __future__ import annotations

import shutil
import threading
import time

from corpus.store import Store
from index.build import add_document, compare, index_path, open_index, rebuild, repair, writing
from index.searcher import Searcher


def hit_names(store: Store, query: str) -> list[str]:
    with Searcher(store) as searcher:
        return sorted(h.source_name for h in searcher.search(query).hits)


def test_reindex_after_deleting_the_index_folder(archive_store: Store) -> None:
    before = hit_names(archive_store, "водоканал")
    shutil.rmtree(index_path(archive_store))
    assert compare(archive_store).no_index
    assert rebuild(archive_store) == archive_store.block_count()
    assert hit_names(archive_store, "водоканал") == before
    assert compare(archive_store).ok


def test_readding_a_document_replaces_its_blocks(archive_store: Store) -> None:
    document_id = archive_store.resolve("report_ryazan_water_ru.docx")
    document = archive_store.load_document(document_id)
    document.blocks = document.blocks[:1]
    archive_store.save_document(document)
    add_document(archive_store, document)
    assert compare(archive_store).ok
    assert "report_ryazan_water_ru.docx" not in hit_names(archive_store, "директор")


def test_check_finds_a_missing_and_an_extra_entry_and_repairs(archive_store: Store) -> None:
    ix = open_index(index_path(archive_store))
    gone = archive_store.load_document(archive_store.resolve("minutes_moscow_2023.docx"))
    with writing(ix) as writer:
        writer.delete_by_term("block_id", gone.blocks[0].id)
        writer.add_document(block_id="ffff-00009", doc_id=gone.id, text_ru="призрак")
        writer.add_document(block_id="eeee-00000", doc_id="e" * 64, text_ru="призрак")
    check = compare(archive_store)
    assert check.missing == {gone.id: [gone.blocks[0].id]}
    assert check.extra == {gone.id: ["ffff-00009"], "e" * 64: ["eeee-00000"]}
    assert len(check.problems()) == 3
    assert repair(archive_store, check) == 2
    assert compare(archive_store).ok
    assert hit_names(archive_store, "призрак") == []


def test_a_second_writer_waits_for_the_lock(archive_store: Store) -> None:
    ix = open_index(index_path(archive_store))
    document = archive_store.load_document(archive_store.resolve("report_kyiv_uk.docx"))
    finished: list[float] = []

    def add_later() -> None:
        add_document(archive_store, document)
        finished.append(time.monotonic())

    with writing(ix):
        worker = threading.Thread(target=add_later)
        worker.start()
        time.sleep(0.6)
        released = time.monotonic()
        assert not finished
    worker.join(30)
    assert finished and finished[0] >= released
    assert compare(archive_store).ok


def test_searches_do_not_wait_for_a_writer(archive_store: Store) -> None:
    ix = open_index(index_path(archive_store))
    with writing(ix), Searcher(archive_store) as searcher:
        started = time.monotonic()
        assert searcher.search("водоканал").hits
        assert time.monotonic() - started < 10
