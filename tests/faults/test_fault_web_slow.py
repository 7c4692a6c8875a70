"""One slow search holds no other: searches run on readers of their own, each within a time
budget, and a server whose readers are all held by slow searches says it is busy instead of
queueing; an export is made once and a document too long to export is refused with a reason.

The slow search is a real search made to wait on an event (the query language's own bounds
are tested with the index); the export is the real DOCX export."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import live_server
from test_fault_damaged_store import write_inbox

from corpus.store import Store
from index.results import SearchResult
from index.searcher import Filters, Searcher
from pipeline.cli import main
from pipeline.web.app import create_app
from pipeline.web.readers import Limits
from pipeline.wiring import export_docx

SLOW = "медленно"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("slow")
    inbox = write_inbox(base / "inbox", 2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEKRETAR_STAGES", "")
        assert main(["ingest", str(inbox), "--workers", "1", "--data", str(base / "data")]) == 0
    return base / "data"


class Held:
    """Makes searchers whose search for SLOW waits until `gate` is set; with `spin`, it runs
    Python code meanwhile (as a long search of the index does), so it can be stopped."""

    def __init__(self, spin: bool = False) -> None:
        self.entered, self.gate, self.left = threading.Event(), threading.Event(), threading.Event()
        self.spin = spin

    def __call__(self, store: Store) -> Searcher:
        held = self

        class HeldSearcher(Searcher):
            def search(self, text: str, filters: Filters | None = None,
                       mode: str | None = None, limit: int = 10,
                       interface: str | None = None) -> SearchResult:
                if text == SLOW:
                    held.entered.set()
                    try:
                        while not held.gate.wait(0 if held.spin else 60):
                            time.sleep(0.001)
                    finally:
                        held.left.set()
                return super().search(text, filters, mode, limit, interface)

        return HeldSearcher(store)


def _get(client: httpx.Client, query: str, into: dict[str, Any]) -> None:
    into["answer"] = client.get("/api/search", params={"q": query})


def test_a_search_is_answered_while_a_slow_one_runs(archive: Path) -> None:
    held = Held()
    app = create_app(archive, make_searcher=held, limits=Limits(readers=4, search_seconds=120))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        slow: dict[str, Any] = {}
        thread = threading.Thread(target=_get, args=(client, SLOW, slow))
        thread.start()
        assert held.entered.wait(60)
        with httpx.Client(base_url=url, timeout=120) as other:
            answer = other.get("/api/search", params={"q": "водоснабжение"})
        assert answer.status_code == 200 and answer.json()["total"] == 2
        assert "answer" not in slow  # the slow one is still waiting
        held.gate.set()
        thread.join(60)
    assert slow["answer"].status_code == 200


def test_a_search_past_its_budget_is_answered_503_and_a_held_server_says_busy(
    archive: Path
) -> None:
    held = Held()
    app = create_app(archive, make_searcher=held,
                     limits=Limits(readers=1, search_seconds=0.5, queue_seconds=0.2))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        late = client.get("/api/search", params={"q": SLOW})
        assert late.status_code == 503
        assert late.json()["error"].startswith("the search took longer than 0.5 s")
        busy = client.get("/api/search", params={"q": "туризм"})
        assert busy.status_code == 503
        assert busy.json()["error"] == ("the server is busy with long searches; try again in "
                                        "a moment")
        held.gate.set()
        for _ in range(200):  # the slow search ends and gives its reader back
            answer = client.get("/api/search", params={"q": "туризм"})
            if answer.status_code == 200:
                break
            held.entered.wait(0.05)
        assert answer.status_code == 200 and answer.json()["total"] == 2


def test_a_search_waits_for_a_reader_freed_within_the_queue(archive: Path) -> None:
    """A burst of delegates queues for a moment rather than being told the server is busy."""
    held = Held()
    app = create_app(archive, make_searcher=held,
                     limits=Limits(readers=1, search_seconds=60, queue_seconds=60))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        slow: dict[str, Any] = {}
        thread = threading.Thread(target=_get, args=(client, SLOW, slow))
        thread.start()
        assert held.entered.wait(60)
        opening = threading.Timer(0.5, held.gate.set)
        opening.start()
        with httpx.Client(base_url=url, timeout=120) as other:
            answer = other.get("/api/search", params={"q": "туризм"})
        thread.join(60)
        opening.join()
    assert answer.status_code == 200 and answer.json()["total"] == 2
    assert slow["answer"].status_code == 200


def test_an_export_is_made_once_and_a_long_document_is_refused(archive: Path) -> None:
    made: list[str] = []

    def counting(document: Any, language: str, out: Path, side: bool) -> Any:
        made.append(document.source_name)
        return export_docx(document, language, out, side)

    app = create_app(archive, export_docx=counting, limits=Limits(export_blocks=40))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        first = client.get("/document/note_1.txt/export.docx", params={"lang": "ru"})
        second = client.get("/document/note_1.txt/export.docx", params={"lang": "ru"})
        assert first.status_code == second.status_code == 200
        assert first.content == second.content and first.content[:2] == b"PK"
        assert made == ["note_1.txt"]
    app = create_app(archive, export_docx=counting, limits=Limits(export_blocks=39))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        refused = client.get("/document/note_1.txt/export.docx", params={"lang": "ru"})
        assert refused.status_code == 400
        assert "note_1.txt has 40 blocks; the web page exports documents of up to 39" in \
            refused.text


def test_a_search_past_its_budget_is_stopped_and_its_reader_replaced(archive: Path) -> None:
    held = Held(spin=True)
    app = create_app(archive, make_searcher=held, limits=Limits(readers=1, search_seconds=0.5))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        late = client.get("/api/search", params={"q": SLOW})
        assert late.status_code == 503
        assert held.left.wait(60)  # stopped where it was, the gate never opened
        for _ in range(200):  # its reader is closed and a new one opened
            answer = client.get("/api/search", params={"q": "туризм"})
            if answer.status_code == 200:
                break
            held.left.wait(0.05)
        assert answer.status_code == 200 and answer.json()["total"] == 2
        assert not held.gate.is_set()
