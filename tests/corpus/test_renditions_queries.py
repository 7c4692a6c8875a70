"""The renditions queries: what makes two minutes the same content, recording a rendition once,
and an archive of the previous schema opening with no renditions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpus.model import AgendaItem, Decision, Document, Session, Vote
from corpus.renditions import content_key
from corpus.schema import MIGRATIONS
from corpus.store import Store

DOC = "cd" * 32
OTHER = "ef" * 32


def session(votes_for: int, text: str = "Информацию принять к сведению.") -> Session:
    item = AgendaItem("1", "О водоснабжении", decisions=[Decision("1", text)],
                      vote=Vote(votes_for, 0, 2, "adopted"))
    return Session(number="12", date="2025-04-09", agenda=[item])


def test_the_content_key_ignores_layout_and_sees_tallies() -> None:
    assert content_key(session(25)) == content_key(
        session(25, "информацию  принять\nк сведению"))
    assert content_key(session(25)) != content_key(session(24))
    assert content_key(Session(date="2025-04-09")) is None
    assert content_key(None) is None


def test_a_rendition_is_recorded_once_and_listed(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        doc = Document(id=DOC, source_name="p.docx", media_type="application/pdf",
                       kind="minutes", language="ru")
        doc.add_block("paragraph", "ПРОТОКОЛ № 12", paragraph=1)
        doc.finish()
        store.save_document(doc, source_path="/in/p.docx")
        assert store.renditions.add(DOC, OTHER, "p.txt", "text/plain", "/in/p.txt") is True
        assert store.renditions.add(DOC, OTHER, "p.txt", "text/plain", "/in/p.txt") is False
        assert [(r["sha256"], r["source_name"]) for r in store.renditions.of(DOC)] == [
            (OTHER, "p.txt")]
        assert store.renditions.document_of(OTHER) == DOC
        assert store.renditions.find(DOC, DOC) is None


def test_an_archive_of_the_previous_schema_opens_with_no_renditions(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "corpus.sqlite")
    for migration in MIGRATIONS[:4]:
        conn.executescript(migration)
    conn.execute("PRAGMA user_version=4")
    conn.commit()
    conn.close()
    with Store(tmp_path) as store:
        assert store.renditions.of(DOC) == []
        assert store.renditions.document_of(OTHER) is None
