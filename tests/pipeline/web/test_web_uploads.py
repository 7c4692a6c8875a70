"""Uploads over plain HTTP (a real uvicorn server, httpx, the real `sekretar ingest` in its own
process): the secretariat uploads files, which are stored under safe names and ingested with
progress on the page; every other role is refused, every upload needs the CSRF token, a file
over the limit is refused and leaves nothing behind, and no uploaded file is served inline."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from access_fixtures import build_access, csrf_of, signed_in
from live_server import live_server

from corpus.store import Store
from pipeline.web import create_app
from pipeline.web.uploads import safe_name
from pipeline.wiring import start_ingest

NOTE = "Записка о ремонте насосной станции Кременчуга, весна 2025 года.\n".encode()
HOSTILE = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>x</text></svg>'


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build_access(tmp_path_factory.mktemp("web-uploads"))


@pytest.fixture(scope="module")
def site(archive: tuple[Path, dict[str, str]]) -> Iterator[str]:
    app = create_app(archive[0])
    app.state.start_ingest = start_ingest
    app.state.upload_max_bytes = 4096
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SEKRETAR_STAGES", "language")
        env.setenv("SEKRETAR_EMBEDDING", "false")
        env.setenv("SEKRETAR_WORKERS", "1")
        with live_server(app) as url:
            yield url


def _files(*named: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, body, "application/octet-stream")) for name, body in named]


def _until_done(client: httpx.Client) -> dict[str, Any]:
    for _ in range(3000):  # the ingest runs in its own process; a loaded machine is slow
        status: dict[str, Any] = client.get("/api/upload").json()
        if status["phase"] == "done":
            return status
        time.sleep(0.2)
    raise AssertionError(f"the upload did not end: {status}")


def test_file_names_are_made_safe() -> None:
    assert safe_name("../../etc/passwd", 1) == "passwd"
    assert safe_name("C:\\Users\\anna\\отчёт.docx", 2) == "отчёт.docx"
    assert safe_name("bell\x07\nname.txt", 3) == "bell_name.txt"
    assert safe_name("...", 4) == "file-4"
    assert safe_name(".hidden", 5) == "hidden"
    assert safe_name("a" * 300 + ".pdf", 6) == "a" * 140 + ".pdf"


def test_only_the_secretariat_uploads_and_always_with_the_token(site: str) -> None:
    for name in ("del", "ed"):
        with signed_in(site, name) as client:
            assert client.get("/upload").status_code == 403
            assert client.get("/api/upload").status_code == 403
            refused = client.post("/upload", params={"csrf": csrf_of(client, "/")},
                                  files=_files(("note.txt", NOTE)))
            assert refused.status_code == 403
    with signed_in(site, "sec") as client:
        assert client.post("/upload", files=_files(("note.txt", NOTE))).status_code == 403


def test_an_upload_is_stored_safely_and_ingested_with_progress(
    site: str, archive: tuple[Path, dict[str, str]]
) -> None:
    data = archive[0]
    with signed_in(site, "sec") as client:
        page = client.get("/upload")
        assert page.status_code == 200 and 'id="files"' in page.text
        wrong = client.post("/upload", params={"csrf": "made-up"},
                            files=_files(("note.txt", NOTE)))
        assert wrong.status_code == 403
        too_big = client.post("/upload", params={"csrf": csrf_of(client, "/upload")},
                              files=_files(("big.txt", b"x" * 5000)))
        assert too_big.status_code == 400
        assert "Файл big.txt больше 0 МБ" in too_big.text
        assert not list((data / "uploads").glob("*/files"))  # nothing half-uploaded is kept
        done = client.post("/upload", follow_redirects=False,
                           params={"csrf": csrf_of(client, "/upload")},
                           data={"collection": "Весна 2025"},
                           files=_files(("../../кременчуг:1.txt", NOTE),
                                        ("drawing.svg", HOSTILE)))
        assert done.status_code == 303 and done.headers["location"] == "/upload"
        stored = sorted(p.name for p in (data / "uploads").glob("*/files/*"))
        assert stored == ["drawing.svg", "кременчуг_1.txt"]
        status = _until_done(client)
        assert status["total"] == 2 and status["done"] == 2
        assert status["counts"] == {"ok": 2} and status["problems"] == []
        shown = client.get("/upload").text
        assert 'data-phase="done"' in shown and "принят" in shown
        with Store(data, readonly=True) as store:
            document_id = store.resolve("кременчуг_1.txt")
            assert store.load_document(document_id).session == "Весна 2025"
        hits = client.get("/api/search", params={"q": "Кременчуга"}).json()["hits"]
        assert [h["document_id"] for h in hits] == [document_id]
        for sha in [document_id] + [h for h in _all_ids(data) if h != document_id]:
            original = client.get(f"/document/{sha}/original")
            if original.status_code == 200:
                assert original.headers["content-disposition"].startswith("attachment")
                assert original.headers["content-type"] not in ("text/html", "image/svg+xml")
                assert original.headers["x-content-type-options"] == "nosniff"


def _all_ids(data: Path) -> list[str]:
    with Store(data, readonly=True) as store:
        return store.document_ids()
