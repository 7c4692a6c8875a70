"""The store keeps documents whole, versions changed files and survives re-saves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus.errors import NotFound, StoreError
from corpus.model import (
    AgendaItem,
    Decision,
    Document,
    Embedding,
    Entity,
    Session,
    Speech,
    Translation,
    Vote,
)
from corpus.schema import SCHEMA_VERSION
from corpus.store import Store


def make_document(doc_id: str = "ab" * 32, name: str = "report.docx") -> Document:
    doc = Document(id=doc_id, source_name=name, media_type="application/test", kind="report",
                   title="Водоснабжение Рязани")
    doc.add_block("heading", "Водоснабжение", level=1, paragraph=1)
    para = doc.add_block("paragraph", "МП «Водоканал города Рязани» снабжает город.", paragraph=2)
    para.translations.append(Translation("en", "Ryazan Vodokanal supplies the city.", "apertium",
                                         "1.0", pivot=None))
    para.entities.append(Entity("ORG", 0, 30, "МП «Водоканал города Рязани»",
                                "МП «Водоканал города Рязани»", "org:vodokanal-ryazan"))
    doc.add_block("table_cell", "2024", table=0, row=1, col=2)
    doc.finish()
    return doc


def test_new_archive_has_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        version = store.schema_version()
        mode = store.journal_mode()
    assert version == SCHEMA_VERSION
    assert mode == "wal"
    assert {p.name for p in (tmp_path / "data").iterdir()} >= {
        "corpus.sqlite", "files", "index", "models", "reports"}


def test_document_round_trip_keeps_blocks_translations_entities(tmp_path: Path) -> None:
    doc = make_document()
    with Store(tmp_path) as store:
        store.save_document(doc, stages={"language": "1"})
        loaded = store.load_document(doc.id)
        assert store.stage_versions(doc.id) == {"language": "1"}
    assert [(b.kind, b.text, b.level, b.table, b.row, b.col) for b in loaded.blocks] == [
        ("heading", "Водоснабжение", 1, None, None, None),
        ("paragraph", "МП «Водоканал города Рязани» снабжает город.", None, None, None, None),
        ("table_cell", "2024", None, 0, 1, 2),
    ]
    assert loaded.blocks[1].translations == doc.blocks[1].translations
    assert loaded.blocks[1].entities == doc.blocks[1].entities
    assert loaded.status == "ok" and loaded.title == "Водоснабжение Рязани"


def test_minutes_round_trip(tmp_path: Path) -> None:
    doc = make_document()
    vote = Vote(votes_for=25, against=0, abstained=2, outcome="принято", block_ids=["b3"])
    doc.minutes = Session(number="12", date="2025-04-09", place="Москва", chair="Иванов И.И.",
                          present_count=27, agenda=[AgendaItem(
                              number="1", title="О водоснабжении", block_ids=["b1"],
                              speeches=[Speech("Петров П.П.", role="мэр", city="Рязань")],
                              decisions=[Decision("1.1", "Одобрить доклад.", ["b2"], vote)])])
    with Store(tmp_path) as store:
        store.save_document(doc)
        loaded = store.load_document(doc.id)
    assert loaded.minutes == doc.minutes


def test_resave_keeps_embeddings_of_unchanged_blocks(tmp_path: Path) -> None:
    doc = make_document()
    doc.blocks[1].embedding = Embedding("test-model", 2, b"\x01\x02")
    with Store(tmp_path) as store:
        store.save_document(doc)
        again = store.load_document(doc.id)
        again.blocks[0].text = "Водоснабжение (исправлено)"
        store.save_document(again)
        kept = [block_id for block_id, _ in store.embeddings.vectors("test-model")]
        loaded = store.load_document(doc.id)
    assert kept == [doc.blocks[1].id]
    assert loaded.blocks[1].translations and loaded.blocks[1].entities


def test_changed_file_under_same_name_is_a_new_version(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(make_document("aa" * 32))
        store.save_document(make_document("bb" * 32))
        assert store.resolve("report.docx") == "bb" * 32
        assert store.document_info("aa" * 32)["version"] == 1
        assert store.document_info("bb" * 32)["version"] == 2
        assert store.resolve("aaaa") == "aa" * 32


def test_ambiguous_prefix(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(make_document("abcd" + "0" * 60))
        store.save_document(make_document("abcd" + "1" * 60, "other.docx"))
        with pytest.raises(NotFound, match="more than one"):
            store.resolve("abcd")
        with pytest.raises(NotFound, match="no document"):
            store.resolve("nothing.pdf")


def test_failed_transaction_leaves_previous_state(tmp_path: Path) -> None:
    doc = make_document()
    with Store(tmp_path) as store:
        store.save_document(doc)
        broken = make_document()
        broken.blocks[1].entities.append(Entity("ORG", 0, 1, None, "x", "k"))  # type: ignore[arg-type]
        with pytest.raises(StoreError):
            store.save_document(broken)
        loaded = store.load_document(doc.id)
    assert len(loaded.blocks[1].entities) == 1


def test_keep_file_is_content_addressed(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(b"hello")
    with Store(tmp_path / "data") as store:
        kept = store.keep_file(source, "cd" * 32)
        again = store.keep_file(source, "cd" * 32)
    assert kept == again == tmp_path / "data" / "files" / "cd" / ("cd" * 32)
    assert kept.read_bytes() == b"hello"
    assert not list(kept.parent.glob("*.partial"))


def test_readonly_store_needs_an_archive(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="sekretar ingest"):
        Store(tmp_path / "none", readonly=True)


def test_readonly_store_cannot_write(tmp_path: Path) -> None:
    Store(tmp_path).close()
    with Store(tmp_path, readonly=True) as store, pytest.raises(StoreError):
        store.save_document(make_document())


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Store(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "corpus.sqlite")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path)
