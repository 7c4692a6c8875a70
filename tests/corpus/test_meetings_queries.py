"""The meeting queries: an archive of the previous schema opens with its labels as collections,
and meetings are found by key, date and label, each with its current documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpus.meetings import meeting_key
from corpus.model import Document, Session
from corpus.schema import MIGRATIONS, SCHEMA_VERSION
from corpus.store import Store

MINUTES, REPORT = "a1" * 32, "b2" * 32


def previous_schema_archive(folder: Path) -> None:
    """An archive as the previous schema wrote it: minutes and a report under one label."""
    conn = sqlite3.connect(folder / "corpus.sqlite")
    for migration in MIGRATIONS[:3]:
        conn.executescript(migration)
    for doc_id, name, kind in ((MINUTES, "m.docx", "minutes"), (REPORT, "r.txt", "report")):
        conn.execute("INSERT INTO documents(id, source_name, media_type, kind, session, date, "
                     "status, ingested, updated) VALUES (?, ?, 'text/plain', ?, "
                     "'Council 2009-04', '2009-04-09', 'ok', '2024-01-01', '2024-01-01')",
                     (doc_id, name, kind))
    conn.execute("INSERT INTO sessions(document_id, number, date, place) "
                 "VALUES (?, '14', '2009-04-09', 'г. Рязань')", (MINUTES,))
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()


def test_an_archive_of_the_previous_schema_keeps_its_labels_as_collections(
        tmp_path: Path) -> None:
    previous_schema_archive(tmp_path)
    with Store(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 6
        minutes, report = store.load_document(MINUTES), store.load_document(REPORT)
        assert (minutes.session, minutes.collection) == ("Council 2009-04", "Council 2009-04")
        assert (report.session, report.collection) == ("Council 2009-04", "Council 2009-04")
        [meeting] = store.meetings.find("Council 2009-04")
        assert (meeting["key"], meeting["place"], meeting["collections"]) == (
            "2009-04-09 #14", "г. Рязань", ["Council 2009-04"])
        assert store.minutes_ids("2009-04-09 #14") == [MINUTES]


def test_an_archive_of_the_previous_schema_is_upgraded_before_it_is_read(
        tmp_path: Path) -> None:
    previous_schema_archive(tmp_path)
    with Store(tmp_path, readonly=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.load_document(REPORT).collection == "Council 2009-04"
        assert [m["key"] for m in store.meetings.find("Council 2009-04")] == ["2009-04-09 #14"]


def minutes(doc_id: str, name: str, number: str | None, date: str,
            collection: str | None) -> Document:
    doc = Document(id=doc_id, source_name=name, media_type="text/plain", kind="minutes",
                   language="ru", date=date, session=meeting_key(date, number),
                   collection=collection)
    doc.add_block("paragraph", "ПОСТАНОВИЛИ: принять.", paragraph=1)
    doc.minutes = Session(number=number, date=date)
    doc.finish()
    return doc


def test_meetings_by_key_date_and_label(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(minutes("c" * 64, "m3.docx", "3", "2011-01-20", "Council"))
        store.save_document(minutes("d" * 64, "m14.docx", "14", "2009-04-09", "Council"))
        store.save_document(minutes("e" * 64, "m14_en.docx", "14", "2009-04-09", None))
        store.save_document(minutes("f" * 64, "plain.docx", None, "2009-04-09", None))
        report = Document(id="0" * 64, source_name="r.txt", media_type="text/plain",
                          kind="report", session="2009-04-09 #14")
        report.finish()
        store.save_document(report)
        listed = store.meetings.listing()
        assert [(m["key"], m["number"], m["collections"],
                 [d["source_name"] for d in m["documents"]]) for m in listed] == [
            ("2009-04-09", None, [], ["plain.docx"]),
            ("2009-04-09 #14", "14", ["Council"], ["m14.docx", "m14_en.docx", "r.txt"]),
            ("2011-01-20 #3", "3", ["Council"], ["m3.docx"])]
        assert [m["key"] for m in store.meetings.find("Council")] == [
            "2009-04-09 #14", "2011-01-20 #3"]
        assert [m["key"] for m in store.meetings.find("2009-04-09")] == [
            "2009-04-09", "2009-04-09 #14"]
        assert store.meetings.find("2011-01-20 #3")[0]["documents"][0]["id"] == "c" * 64
        assert store.meetings.find("nothing") == []
