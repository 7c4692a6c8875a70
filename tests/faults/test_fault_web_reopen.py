"""A server started before the first ingest, or over an archive that is then made again or
restored, answers from the archive that is there now: a failed open is tried again on the next
request, and a replaced database file is opened anew, without a restart."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import httpx
import pytest
from live_server import live_server
from test_fault_damaged_store import write_inbox

from corpus.schema import SCHEMA_VERSION
from pipeline.cli import main
from pipeline.web.app import create_app


def _archive(folder: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> Path:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    inbox = write_inbox(folder / "inbox", count)
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(folder / "data")]) == 0
    return folder / "data"


def _put(archive: Path, data: Path) -> None:
    """Put an archive's database and index in place, the database last (as a restore does)."""
    shutil.rmtree(data / "index", ignore_errors=True)
    shutil.copytree(archive / "index", data / "index")
    shutil.copy(archive / "corpus.sqlite", data / "corpus.partial")
    (data / "corpus.partial").replace(data / "corpus.sqlite")


def test_a_server_started_before_the_first_ingest_recovers_and_follows_a_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two = _archive(tmp_path / "two", monkeypatch, 2)
    three = _archive(tmp_path / "three", monkeypatch, 3)
    data = tmp_path / "served"
    data.mkdir()
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=60) as client:
        _follow(client, data, two, three)


def _follow(client: httpx.Client, data: Path, two: Path, three: Path) -> None:
    empty = client.get("/api/search", params={"q": "водоснабжение"})
    assert empty.status_code == 200 and empty.json()["empty_archive"] is True
    # an ingest has created the database file and set its version, not yet its tables
    half = sqlite3.connect(data / "corpus.sqlite")
    half.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    half.close()
    assert client.get("/api/search", params={"q": "водоснабжение"}).status_code == 500
    (data / "corpus.sqlite").unlink()
    _put(two, data)
    found = client.get("/api/search", params={"q": "водоснабжение"})
    assert found.status_code == 200 and found.json()["total"] == 2
    _put(three, data)  # a restore of another archive
    again = client.get("/api/search", params={"q": "водоснабжение"})
    assert again.status_code == 200 and again.json()["total"] == 3
    assert client.get("/document/note_2.txt").status_code == 200
