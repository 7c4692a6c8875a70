"""What each role reaches, over plain HTTP (a real uvicorn server, httpx, the real DOCX export):
a delegate, and an anonymous reader of a public server, reach no internal or draft document by
any URL or API call (document page, original file, rendition, export, API, entity and session
pages, search hits, facets, filters, listings, the home page); an editor reaches them all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from access_fixtures import DRAFT, INTERNAL, PUBLISHED, build_access, signed_in
from live_server import live_server

from pipeline.web import create_app
from pipeline.wiring import export_docx

Archive = tuple[Path, dict[str, str]]
SESSION = "2024-весна"
MEETING = quote("2024-04-18 #12")
HIDDEN_ENTITY = 'org:"><script>x'
QUERIES = ("Рязани", "Водоканал", "ПОСТАНОВИЛИ", "водоснабжении")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_access(tmp_path_factory.mktemp("web-visibility"))


@pytest.fixture(scope="module")
def site(archive: Archive) -> Iterator[str]:
    with live_server(create_app(archive[0], export_docx=export_docx, public=True)) as url:
        yield url


def _document_urls(ids: dict[str, str], name: str) -> list[str]:
    doc = ids[name]
    urls = [f"/document/{doc}", f"/document/{doc}/original", f"/api/document/{doc}",
            f"/document/{doc}/export.docx?lang=uk", f"/document/{doc}/export.docx?lang=uk"
            "&layout=side", f"/document/{doc[:12]}", f"/document/{name}",
            f"/api/document/{name}"]
    if name == DRAFT:
        urls.append(f"/document/{doc}/rendition/{ids['rendition']}")
    return urls


@pytest.mark.parametrize("reader", [None, "del"], ids=["anonymous", "delegate"])
def test_a_reader_of_published_documents_reaches_no_other(site: str, archive: Archive,
                                                          reader: str | None) -> None:
    ids = archive[1]
    with signed_in(site, reader) as client:
        for name in (DRAFT, INTERNAL):
            for url in _document_urls(ids, name):
                answer = client.get(url)
                assert answer.status_code == 404, url
                assert "Протокол заседания" not in answer.text, url  # as if never stored
                assert "СЛУШАЛИ" not in answer.text and "alert(1)" not in answer.text, url
        published = client.get(f"/document/{ids[PUBLISHED]}")
        assert published.status_code == 200
        assert client.get(f"/document/{ids[PUBLISHED]}/original").status_code == 200
        for query in QUERIES:
            found = client.get("/api/search", params={"q": query}).json()
            assert {h["document_id"] for h in found["hits"]} <= {ids[PUBLISHED]}, query
            values = {f["value"] for facet in found["facets"].values() for f in facet}
            assert not values & {"minutes", "<i>x</i>", "<b>bold</b>", HIDDEN_ENTITY}, query
        # a value only hidden documents have is as unknown as one no document has
        for facet, value, known in (("city", "<i>x</i>", "Рязань"),
                                    ("session", "<b>bold</b>", "2024-весна")):
            answer = client.get("/api/search", params={"q": "Водоканал", facet: value}).json()
            assert answer["hits"] == [], (facet, value)
            assert answer["message"] == (f"no blocks with {facet} {value!r} in the archive; "
                                         f"known: {known}")
        minutes = client.get("/api/search", params={"q": "Рязани", "kind": "minutes"}).json()
        assert minutes["hits"] == []
        mentioned = client.get("/api/search", params={"q": "Водоканал",
                                                      "entity": HIDDEN_ENTITY}).json()
        assert mentioned["message"] == f"no entity {HIDDEN_ENTITY!r} in the archive (see " \
            "'sekretar entity KEY')"
        assert client.get(f"/api/entity/{HIDDEN_ENTITY}").status_code == 404
        assert client.get("/entity/org:%22%3E%3Cscript%3Ex").status_code == 404
        entity = client.get("/api/entity/city:ryazan").json()
        assert [d["document"] for d in entity["documents"]] == [ids[PUBLISHED]]
        session = client.get(f"/api/session/{SESSION}").json()
        assert [d["id"] for d in session["documents"]] == [ids[PUBLISHED]]
        assert session["minutes"] == [] and session["meetings"] == []
        assert client.get(f"/api/session/{MEETING}").status_code == 404
        assert client.get(f"/session/{MEETING}").status_code == 404
        listing = client.get("/api/documents").json()
        assert [d["id"] for d in listing["documents"]] == [ids[PUBLISHED]]
        assert listing["total"] == 1
        assert client.get("/api/documents", params={"kind": "minutes"}).status_code == 404
        assert client.get("/browse/kind/minutes").status_code == 404
        by_meeting = client.get("/api/documents", params={"meeting": SESSION}).json()
        assert [d["id"] for d in by_meeting["documents"]] == [ids[PUBLISHED]]
        for page in ("/", "/browse", "/browse/all"):
            text = client.get(page).text
            assert ids[DRAFT] not in text and ids[INTERNAL] not in text, page
            assert "Протокол заседания Совета" not in text, page


def test_an_editor_reaches_drafts_and_internal_documents(site: str, archive: Archive) -> None:
    ids = archive[1]
    with signed_in(site, "ed") as client:
        for name in (DRAFT, INTERNAL):
            for url in _document_urls(ids, name):
                if "original" in url:
                    continue  # the hand-built archive keeps no source file of these
                assert client.get(url).status_code == 200, url
        found = client.get("/api/search", params={"q": "Рязани"}).json()
        assert {h["document_id"] for h in found["hits"]} == {ids[PUBLISHED], ids[DRAFT]}
        assert client.get(f"/api/entity/{HIDDEN_ENTITY}").status_code == 200
        assert client.get(f"/api/session/{MEETING}").status_code == 200
        assert client.get("/api/documents", params={"meeting": SESSION}).json()["total"] == 2
        assert client.get("/api/documents").json()["total"] == 3
        assert "Протокол заседания Совета" in client.get("/").text
