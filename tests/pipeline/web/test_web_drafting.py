"""Draft resolutions from the web page over plain HTTP (a real uvicorn server, httpx, the real
Apertium ru->uk engine and the library call of `sekretar resolution`): only editors and the
secretariat compile them; the preview shows the draft in the chosen languages and marks the
decisions without a translation; the DOCX download is the same draft."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from access_fixtures import signed_in
from desk_fixtures import build_desk
from live_server import live_server

from pipeline.web import create_app
from pipeline.wiring import draft_resolution

ASKED = "/resolution?meeting=2024-04-18%20%2312&to=uk&to=tk"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data, _ = build_desk(tmp_path_factory.mktemp("web-drafting"))
    app = create_app(data)
    app.state.draft_resolution = draft_resolution
    with live_server(app) as url:
        yield url


def test_delegates_cannot_compile_a_draft(site: str) -> None:
    with signed_in(site, "del") as delegate:
        assert "resolution-make" not in delegate.get("/session/2024-весна").text
        for path in (ASKED, ASKED.replace("/resolution?", "/resolution.docx?")):
            answer = delegate.get(path)
            assert answer.status_code == 403 and "не разрешено" in answer.text


def test_an_editor_previews_and_downloads_a_draft(site: str) -> None:
    with signed_in(site, "ed", accept="uk") as editor:
        page = editor.get("/session/2024-весна").text
        assert '<input type="hidden" name="meeting" value="2024-04-18 #12">' in page
        page = editor.get(ASKED).text
        download = editor.get(ASKED.replace("/resolution?", "/resolution.docx?"))
    assert '<input type="checkbox" name="to" value="uk" checked>' in page
    assert '<input type="checkbox" name="to" value="ru">' in page
    assert ('<a id="resolution-download" href="/resolution.docx?meeting=2024-04-18%20%2312'
            '&amp;to=uk,tk">') in page
    assert '<li>Без перекладу (туркменська): 1</li>' in page
    assert "<h2>ПРОЄКТ РІШЕННЯ</h2>" in page
    assert '<p class="decision">Схвалити досвід Рязані.</p>' in page
    assert ('<p class="decision untranslated">[no translation available] Одобрить опыт '
            'Рязани.</p>') in page
    assert download.status_code == 200
    assert download.headers["content-disposition"] == (
        "attachment; filename*=UTF-8''resolution-2024-04-18-12-uk-tk.docx")
    written = [p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs]
    assert written[0] == "ПРОЄКТ РІШЕННЯ"
    assert "Схвалити досвід Рязані." in written
    assert sum(text.endswith("Одобрить опыт Рязани.") for text in written) == 1


def test_a_draft_needs_a_meeting(site: str) -> None:
    with signed_in(site, "ed", accept="en") as editor:
        answer = editor.get("/resolution?to=uk")
    assert answer.status_code == 400
    assert "say which meeting the draft is of" in answer.text
