"""Smaller holes: a cap on blocks per document, sessions with "/" in their name, `search`
without an index, bidirectional override characters, an impossible year, the password given
without the process list seeing it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from live_server import live_server
from reportlab.pdfgen import canvas

from corpus.store import Store
from pipeline.cli import main
from pipeline.web.app import create_app

PASSWORD = "секрет-2025"


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")


def _ingest(inbox: Path, data: Path, *more: str) -> int:
    return main(["ingest", str(inbox), "--workers", "1", "--data", str(data), *more])


def test_a_document_past_the_block_cap_keeps_its_first_blocks_and_says_so(
    tmp_path: Path, fast: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_MAX_BLOCKS", "25")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "list.txt").write_text("\n\n".join(f"пункт {n}" for n in range(60)), "utf-8")
    assert _ingest(inbox, tmp_path / "data") == 0
    with Store(tmp_path / "data") as store:
        (document_id,) = store.document_ids()
        info = store.document_info(document_id)
        assert store.blocks.count() == 25
    assert info["status"] == "partial"
    assert info["problems"] == ["only the first 25 of its 60 blocks are kept (the max_blocks "
                                "setting)"]


def test_a_session_with_a_slash_opens_and_an_impossible_year_is_refused(
    tmp_path: Path, fast: None
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("Записка о водоснабжении Рязани.\n", "utf-8")
    assert _ingest(inbox, tmp_path / "data", "--collection", "Совет 2025/04") == 0
    with live_server(create_app(tmp_path / "data")) as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        page = client.get("/session/Совет%202025%2F04")
        assert page.status_code == 200 and "note.txt" in page.text
        assert client.get("/api/session/Совет%202025%2F04").json()["documents"][0][
            "source_name"] == "note.txt"
        for year in ("2024-13-45", "2024-02-30", "2024x"):
            refused = client.get("/api/search", params={"q": "водоснабжение", "year": year})
            assert refused.json()["message"] == (
                f"not a date: {year!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"), year
            assert refused.json()["total"] == 0
        assert client.get("/api/search", params={"q": "водоснабжение", "year": "2024-02-29"}
                          ).json()["message"] != "not a date"


def test_search_without_its_index_exits_one(
    tmp_path: Path, fast: None, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("Записка о водоснабжении Рязани.\n", "utf-8")
    assert _ingest(inbox, tmp_path / "data") == 0
    for path in (tmp_path / "data" / "index").iterdir():
        path.unlink()
    capsys.readouterr()
    assert main(["search", "водоснабжение", "--data", str(tmp_path / "data")]) == 1
    assert "the search index is missing or cannot be read: run 'sekretar reindex'" in \
        capsys.readouterr().err


def test_bidirectional_overrides_are_made_inert_in_text_and_names(
    tmp_path: Path, fast: None
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "счёт\u202etxt.exe").write_text(
        "Счёт \u202eпереставленный\u202c текст \u2067изолят\u2069.\n", "utf-8")
    (inbox / "note.txt").write_text("Обычная записка.\n", "utf-8")
    assert _ingest(inbox, tmp_path / "data") == 0
    with Store(tmp_path / "data") as store:
        names = sorted(store.document_info(i)["source_name"] for i in store.document_ids())
        shown = store.load_document(store.resolve(names[1])).text
    assert names == ["note.txt", "счёт\\u202etxt.exe"]
    assert shown == "Счёт \ufffdпереставленный\ufffd текст \ufffdизолят\ufffd."


def _encrypted(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), encrypt=PASSWORD)
    pdf.drawString(72, 720, "Budget report of the assembly for 2025.")
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("how", ["file", "environment"])
def test_the_password_comes_from_a_file_or_the_environment(
    how: str, tmp_path: Path, fast: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _encrypted(inbox / "budget.pdf")
    data = tmp_path / "data"
    if how == "file":
        (tmp_path / "password.txt").write_text(f"{PASSWORD}\n", "utf-8")
        assert _ingest(inbox, data, "--password-file", str(tmp_path / "password.txt")) == 0
    else:
        monkeypatch.setenv("SEKRETAR_PASSWORD", PASSWORD)
        assert _ingest(inbox, data) == 0
    with Store(data) as store:
        (document_id,) = store.document_ids()
        assert "Budget report" in store.load_document(document_id).text
