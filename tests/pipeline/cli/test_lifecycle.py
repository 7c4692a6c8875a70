"""Versions, corrections, the trash and the audit log through the commands, on real files:
what search, `documents` and `history` show after each change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus.store import Store
from index.build import compare
from pipeline.cli import main

FIRST = "Первая редакция записки: очистные сооружения Рязани требуют ремонта.\n"
SECOND = "Вторая редакция записки: насосные станции Рязани требуют ремонта.\n"
OTHER = "Записка о туризме: фестиваль городов Ассамблеи пройдёт в Кишинёве.\n"


class Archive:
    """A data folder and an inbox, driven through `sekretar` commands."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data, self.inbox, self.capsys = folder / "data", folder / "inbox", capsys
        self.inbox.mkdir()

    def run(self, *args: str, code: int = 0) -> str:
        self.capsys.readouterr()
        assert main([*args, "--data", str(self.data)]) == code
        return self.capsys.readouterr().out

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json"))

    def write(self, name: str, text: str) -> Path:
        path = self.inbox / name
        path.write_text(text, "utf-8")
        return path

    def ingest(self, *args: str) -> dict[str, str]:
        report = self.json("ingest", *args, "--stages", "language", "--workers", "1")
        return {Path(f["path"]).name: f["outcome"] for f in report["files"]}

    def found(self, query: str) -> list[str]:
        return [h["source_name"] for h in self.json("search", query, "--mode", "lexical")["hits"]]

    def index_ok(self) -> bool:
        """The index holds exactly the current documents' blocks (what `check` compares)."""
        with Store(self.data, readonly=True) as store:
            return compare(store).ok

    def listed(self, *args: str) -> list[tuple[str, str]]:
        return [(r["source_name"], r["state"]) for r in self.json("documents", *args)]


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Archive:
    return Archive(tmp_path, capsys)


def test_a_changed_file_at_the_same_path_is_a_new_version(archive: Archive) -> None:
    note = archive.write("note.txt", FIRST)
    archive.ingest(str(note))
    note.write_text(SECOND, "utf-8")
    assert archive.ingest(str(note)) == {"note.txt": "ok"}
    assert archive.found("очистные") == []
    assert archive.found("насосные") == ["note.txt"]
    assert archive.listed() == [("note.txt", "current")]
    assert archive.listed("--all") == [("note.txt", "superseded"), ("note.txt", "current")]
    versions = archive.json("history", "note.txt")
    assert [(v["number"], v["version"], v["state"]) for v in versions] == [
        (1, 1, "superseded"), (2, 2, "current")]
    old = archive.json("show", "note.txt", "--version", "1")
    assert [b["text"] for b in old["blocks"]] == [FIRST.strip()]
    assert archive.json("show", "note.txt")["id"] == versions[1]["id"]
    [entry] = archive.json("log")
    assert (entry["document"], entry["command"], entry["old"], entry["new"]) == (
        versions[0]["id"], "ingest", {"superseded_by": None}, {"superseded_by": versions[1]["id"]})
    assert archive.index_ok()


def test_supersede_links_versions_ingest_cannot_see(archive: Archive) -> None:
    archive.ingest(str(archive.write("draft.txt", FIRST)), str(archive.write("final.txt", SECOND)))
    assert archive.run("supersede", "draft.txt", "final.txt") == "superseded 1 document(s)\n"
    assert archive.found("очистные") == []
    assert archive.listed("--all") == [("draft.txt", "superseded"), ("final.txt", "current")]
    archive.run("supersede", "final.txt", "draft.txt", code=2)  # a version cannot follow itself


def test_delete_restore_and_purge(archive: Archive) -> None:
    archive.ingest(str(archive.write("water.txt", FIRST)), str(archive.write("tour.txt", OTHER)))
    water = archive.json("show", "water.txt")["id"]
    archive.run("delete", "water.txt")
    assert archive.found("очистные") == []
    assert archive.listed() == [("tour.txt", "current")]
    assert archive.listed("--all") == [("tour.txt", "current"), ("water.txt", "trashed")]
    archive.run("delete", "water.txt", code=2)
    archive.run("restore", "water.txt")
    assert archive.found("очистные") == ["water.txt"]
    assert archive.listed() == [("tour.txt", "current"), ("water.txt", "current")]
    archive.run("delete", "water.txt")
    with Store(archive.data, readonly=True) as store:
        kept = store.file_path(water)
    assert kept.exists()
    assert [(p["source_name"], p["file_removed"]) for p in archive.json("purge")] == [
        ("water.txt", True)]
    assert not kept.exists()
    assert archive.listed("--all") == [("tour.txt", "current")]
    archive.run("restore", "water.txt", code=2)
    assert [e["command"] for e in archive.json("log")] == ["purge", "delete", "restore", "delete"]
    assert [e["command"] for e in archive.json("log", "tour.txt")] == []
    assert len(archive.json("log", water)) == 4
    assert archive.index_ok()


def test_edit_changes_the_facets_and_is_logged(archive: Archive) -> None:
    archive.ingest(str(archive.write("water.txt", FIRST)))
    before = archive.json("show", "water.txt")["kind"]
    assert before != "resolution"
    out = archive.run("edit", "water.txt", "--kind", "resolution", "--date", "2025-04")
    assert f"kind: {before} → resolution" in out
    facets = archive.json("search", "очистные", "--mode", "lexical")["facets"]
    assert facets["kind"] == [{"value": "resolution", "count": 1}]
    assert archive.listed("--kind", "resolution", "--from", "2025-04-01") == [
        ("water.txt", "current")]
    assert archive.listed("--to", "2025-03") == []
    [entry] = archive.json("log")
    assert (entry["command"], entry["old"], entry["new"]) == (
        "edit", {"kind": before, "date": None}, {"kind": "resolution", "date": "2025-04"})
    archive.run("edit", "water.txt", "--kind", "memo", code=2)
    archive.run("edit", "water.txt", "--date", "9 April", code=2)
    assert len(archive.json("log")) == 1


def test_a_new_session_on_reingest_is_a_correction(archive: Archive) -> None:
    note = archive.write("water.txt", FIRST)
    archive.ingest(str(note))
    assert archive.ingest(str(note), "--session", "Council 2025-04") == {"water.txt": "unchanged"}
    assert archive.listed("--session", "council 2025-04") == [("water.txt", "current")]
    [entry] = archive.json("log")
    assert (entry["command"], entry["old"], entry["new"]) == (
        "ingest", {"collection": None, "session": None},
        {"collection": "Council 2025-04", "session": "Council 2025-04"})
    hits = archive.json("search", "очистные", "--session", "Council 2025-04", "--mode", "lexical")
    assert [h["source_name"] for h in hits["hits"]] == ["water.txt"]
