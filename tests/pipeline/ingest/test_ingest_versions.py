"""Versions at ingest: a changed file at the same path supersedes the stored one, and neither a
re-run of stages nor a copy of the old bytes changes which version is current."""

from __future__ import annotations

from pathlib import Path

from corpus.store import Store
from index.build import add_document, compare
from pipeline.ingest.batch import IngestOptions, ingest
from pipeline.settings import load_settings


def run(store: Store, data: Path, path: Path, stages: str = "", **options: str) -> list[str]:
    settings = load_settings(environ={}, data=data, stages=stages, workers=1)
    report = ingest(store, [path], settings, IngestOptions(**options),
                    on_saved=lambda document: add_document(store, document))
    return [f.outcome for f in report.files]


def states(store: Store) -> list[tuple[str, str]]:
    return [(r["id"][:4], r["state"]) for r in store.versions.listing(include_all=True)]


def test_only_a_new_file_makes_a_new_version(tmp_path: Path) -> None:
    data, note = tmp_path / "data", tmp_path / "inbox" / "note.txt"
    note.parent.mkdir()
    note.write_text("Первая редакция: очистные сооружения.\n", "utf-8")
    with Store(data) as store:
        assert run(store, data, note) == ["ok"]
        first = store.resolve("note.txt")
        old_bytes = note.read_bytes()
        note.write_text("Вторая редакция: насосные станции.\n", "utf-8")
        assert run(store, data, note) == ["ok"]
        second = store.resolve("note.txt")
        expected = [(first[:4], "superseded"), (second[:4], "current")]
        assert sorted(states(store)) == sorted(expected)
        assert store.document_info(first)["source_path"] == str(note.absolute())
        assert run(store, data, note, stages="language") == ["ok"]  # stages re-run
        copy = tmp_path / "inbox" / "copy.txt"
        copy.write_bytes(old_bytes)
        assert run(store, data, copy) == ["unchanged"]
        assert sorted(states(store)) == sorted(expected)
        add_document(store, store.load_document(first))  # a superseded version stays out
        assert compare(store).ok
        assert store.versions.history(second)[0]["id"] == first


def test_a_new_kind_on_reingest_is_recorded_as_a_correction(tmp_path: Path) -> None:
    data, note = tmp_path / "data", tmp_path / "note.txt"
    note.write_text("Отчёт о водоснабжении.\n", "utf-8")
    with Store(data) as store:
        run(store, data, note)
        kind = store.load_document(store.resolve("note.txt")).kind
        assert run(store, data, note, kind="minutes") == ["unchanged"]
        assert run(store, data, note, kind="minutes") == ["unchanged"]  # no second entry
        assert store.load_document(store.resolve("note.txt")).kind == "minutes"
        assert [(e["command"], e["old"], e["new"]) for e in store.audit.entries()] == [
            ("ingest", {"kind": kind}, {"kind": "minutes"})]
