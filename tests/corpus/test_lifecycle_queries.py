"""The store's lifecycle queries: an archive of the previous schema opens with its documents,
versions link and list, corrections are checked and logged in the same transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus.errors import ConfigError, NotFound
from corpus.model import Document, Session
from corpus.schema import MIGRATIONS, SCHEMA_VERSION
from corpus.store import Store

DOC = "ab" * 32


def document(doc_id: str, name: str, text: str, kind: str = "report",
             number: str | None = None, language: str = "ru") -> Document:
    doc = Document(id=doc_id, source_name=name, media_type="text/plain", kind=kind,
                   language=language, date="2025-04-09")
    doc.add_block("paragraph", text, paragraph=1)
    if number:
        doc.minutes = Session(number=number, date="2025-04-09")
    doc.finish()
    return doc


def test_an_archive_of_the_previous_schema_keeps_its_documents(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "corpus.sqlite")
    for migration in MIGRATIONS[:2]:
        conn.executescript(migration)
    conn.execute("INSERT INTO documents(id, source_name, source_path, media_type, kind, status, "
                 "ingested, updated) VALUES (?, 'old.txt', 'inbox/old.txt', 'text/plain', "
                 "'report', 'ok', '2024-01-01', '2024-01-01')", (DOC,))
    conn.execute("INSERT INTO blocks(id, document_id, ord, kind, text) "
                 "VALUES (?, ?, 0, 'paragraph', 'Водоканал')", (f"{DOC}-00000", DOC))
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    with Store(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 6
        assert store.document_ids() == [DOC]
        assert store.versions.state(DOC) == "current"
        assert [r.block_id for r in store.blocks.with_documents()] == [f"{DOC}-00000"]
        assert [b.text for b in store.load_document(DOC).blocks] == ["Водоканал"]
        assert store.audit.entries() == []


def test_a_new_version_leaves_the_current_queries(tmp_path: Path) -> None:
    old, new = "aa" * 32, "bb" * 32
    with Store(tmp_path) as store:
        store.save_document(document(old, "p.docx", "за — 11", "minutes", "12"),
                            source_path="/in/p.docx")
        store.save_document(document(new, "p2.docx", "за — 10", "minutes", "12"),
                            source_path="/in/p2.docx")
        meeting = ("12", "2025-04-09", "ru")
        assert store.versions.predecessors(new, "/in/p2.docx", meeting) == [old]
        assert store.versions.predecessors(new, None, ("12", "2025-04-09", "en")) == []
        assert store.versions.supersede([old], new, "ingest") == [old]
        assert store.minutes_ids("2025-04-09") == [new]
        assert [r.document_id for r in store.blocks.with_documents()] == [new]
        assert store.versions.current_ids() == [new]
        assert [(r["id"], r["number"], r["version"], r["state"])
                for r in store.versions.history(old)] == [
            (old, 1, 1, "superseded"), (new, 2, 2, "current")]
        assert store.resolve("p.docx") == old  # still readable by name


def test_a_refused_correction_changes_and_logs_nothing(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(document(DOC, "a.txt", "текст"))
        with pytest.raises(ConfigError, match="kind must be one of"):
            store.versions.edit(DOC, {"kind": "memo"}, "edit")
        with pytest.raises(ConfigError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
            store.versions.edit(DOC, {"date": "2025-13"}, "edit")
        assert store.versions.edit(DOC, {"city": "city:ryazan", "kind": "report"}, "edit") == {
            "old": {"city": None}, "new": {"city": "city:ryazan"}}
        assert [(e["command"], e["old"], e["new"]) for e in store.audit.entries()] == [
            ("edit", {"city": None}, {"city": "city:ryazan"})]
        assert store.stage_versions(DOC) == {}  # to be indexed again


def test_trash_restore_and_purge(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(document(DOC, "a.txt", "текст"), stages={"index": "1"})
        store.versions.trash(DOC, "delete")
        assert store.versions.listing() == []
        assert [r["state"] for r in store.versions.listing(include_all=True)] == ["trashed"]
        with pytest.raises(ConfigError, match="already in the trash"):
            store.versions.trash(DOC, "delete")
        store.versions.restore(DOC, "restore")
        with pytest.raises(NotFound, match="not in the trash"):
            store.versions.restore(DOC, "restore")
        with pytest.raises(ConfigError, match="delete it first"):
            store.versions.purge(DOC, "purge")
        store.versions.trash(DOC, "delete")
        store.versions.purge(DOC, "purge")
        assert not store.has_document(DOC)
        assert store.blocks.count() == 0
        assert [e["command"] for e in store.audit.entries(DOC)] == [
            "purge", "delete", "restore", "delete"]
