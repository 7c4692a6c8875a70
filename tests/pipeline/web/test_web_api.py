"""The JSON API and the server-rendered pages on a small real archive, over HTTP (httpx against
a real uvicorn server; starlette's httpx.Client warns about its httpx dependency):
fields as `sekretar search --json`, escaping of hostile document text, files by id only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import live_server
from web_fixtures import XSS_TEXT, XSS_TITLE

from corpus.store import Store
from pipeline.web import create_app

SEARCH_KEYS = {"query", "mode", "language", "total", "message", "facets", "hits"}


@pytest.fixture(scope="module")
def client(small_archive: Path) -> Iterator[httpx.Client]:
    with live_server(create_app(small_archive)) as url, httpx.Client(base_url=url, timeout=600) as http:
        yield http


def _doc_id(data: Path, source_name: str) -> str:
    with Store(data, readonly=True) as store:
        return store.resolve(source_name)


def test_search_has_the_fields_of_search_json(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "водоснабжения"}).json()
    assert SEARCH_KEYS <= set(answer)
    assert answer["page"] == 1 and answer["per_page"] == 10
    first = answer["hits"][0]
    assert first["source_name"] in ("report_ryazan_water_ru.docx", "minutes_2024_ru.docx")
    block = first["blocks"][0]
    assert {"block_id", "score", "kind", "order", "page", "paragraph", "language",
            "fragments"} <= set(block)
    fragment = block["fragments"][0]
    marked = [fragment["text"][a:b] for a, b in fragment["highlights"]]
    assert marked and all(m.lower().startswith("водоснабжени") for m in marked)
    assert {v["value"] for v in answer["facets"]["kind"]} == {"report", "minutes"}


def test_search_filters_by_facet_and_year(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "Рязань", "kind": "minutes"}).json()
    assert [h["source_name"] for h in answer["hits"]] == ["minutes_2024_ru.docx"]
    # regression: a filter no block passes gave every hit (Whoosh reads an empty filter as none)
    answer = client.get("/api/search", params={"q": "Рязань", "year": "2023"}).json()
    assert answer["hits"] == [] and answer["total"] == 0


def test_bad_and_unknown_filters_say_so(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "Рязань", "city": "Атлантида"}).json()
    assert answer["hits"] == [] and "Атлантида" in answer["message"]
    answer = client.get("/api/search", params={"q": '"((('}).json()
    assert answer["hits"] == [] and answer["message"]


def test_document_entity_and_session(client: httpx.Client, small_archive: Path) -> None:
    doc_id = _doc_id(small_archive, "report_ryazan_water_ru.docx")
    document = client.get(f"/api/document/{doc_id}").json()
    assert document["translation_languages"] == ["en", "uk"]
    assert document["blocks"][1]["translations"]["uk"]["engine"] == "apertium"
    entity = client.get("/api/entity/city:ryazan").json()
    assert [d["source_name"] for d in entity["documents"]] == ["report_ryazan_water_ru.docx"]
    assert entity["paragraphs"][0]["mentions"] == [{"start": 67, "end": 73, "label": "LOC"}]
    assert client.get("/api/entity/Рязань").json()["key"] == "city:ryazan"
    session = client.get("/api/session/2024-весна").json()
    assert len(session["documents"]) == 2
    item = session["minutes"][0]["session"]["agenda"][0]
    assert item["decisions"][0]["vote"]["votes_for"] == 10


def test_errors_are_plain_json(client: httpx.Client) -> None:
    for path in ("/api/document/0000000000", "/api/entity/city:atlantis",
                 "/api/session/никогда"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert set(response.json()) == {"error"}, path
    assert client.get("/api/search", params={"page": "x"}).status_code == 422


def test_openapi_describes_the_api(client: httpx.Client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/search", "/api/document/{document_id}", "/api/entity/{key}",
            "/api/session/{name}"} <= set(spec["paths"])


def test_hostile_text_is_shown_as_text(client: httpx.Client, small_archive: Path) -> None:
    doc_id = _doc_id(small_archive, '"><img src=x onerror=alert(3)>.txt')
    pages = [
        client.get("/", params={"q": "водоканал", "show": "uk"}).text,
        client.get(f"/document/{doc_id}", params={"lang": "uk"}).text,
        client.get("/entity/" + 'org:"><script>x'.replace('"', "%22")).text,
        client.get("/session/<b>bold</b>").text,
    ]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<b>bold</b>" not in html and "<i>x</i>" not in html
    document_page = pages[1]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in document_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in document_page
    assert XSS_TITLE not in document_page and XSS_TEXT not in document_page
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/document/..%2F..%2F..%2Fetc%2Fpasswd/original",
        "/document/../../etc/passwd/original",
        "/document/%2Fetc%2Fpasswd/original",
        "/static/../corpus.sqlite",
        "/static/%2e%2e/%2e%2e/corpus/store.py",
        "/document/corpus.sqlite/original",
        "/api/document/..%2Fcorpus.sqlite",
    ],
)
def test_path_traversal_reaches_nothing(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"SQLite format" not in response.content and b"root:" not in response.content


def test_original_is_served_by_id(client: httpx.Client, small_archive: Path) -> None:
    doc_id = _doc_id(small_archive, "report_ryazan_water_ru.docx")
    response = client.get(f"/document/{doc_id}/original")
    assert response.status_code == 200 and response.content == b"ryazan"
    assert "attachment" in response.headers["content-disposition"]


def test_pages_say_what_is_wrong(client: httpx.Client) -> None:
    assert "Ничего не найдено" in client.get("/", params={"q": "слонопотам"}).text
    bad = client.get("/", params={"q": "и или"}, headers={"accept-language": "en"}).text
    assert "The query could not be run" in bad
    missing = client.get("/document/abcdef0123")
    assert missing.status_code == 404 and "Не найдено" in missing.text


def test_empty_archive_says_so(tmp_path: Path) -> None:
    Store(tmp_path / "data").close()
    with live_server(create_app(tmp_path / "data")) as url, httpx.Client(base_url=url, timeout=600) as empty:
        assert "Архив пуст" in empty.get("/", params={"q": "вода"}).text
        assert empty.get("/api/search", params={"q": "вода"}).json()["empty_archive"] is True
    with live_server(create_app(tmp_path / "none")) as url, httpx.Client(base_url=url, timeout=600) as none:
        assert "Архив пуст" in none.get("/").text
