"""The home page's latest meetings and documents, and the browse pages, over the bundled samples
ingested by the real CLI (kinds as the minutes stage leaves them: the minutes, and five others)
and over the small hand-built archive (hostile values escaped); one document moved to the trash
in a copy of the samples archive leaves every list."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import live_server
from web_fixtures import XSS_TITLE

from corpus.store import Store
from pipeline.web import create_app
from pipeline.web.i18n import words

MEETING = "2025-04-09 #12"
MINUTES_TITLE = "Протокол № 12 заседания Совета Международной ассамблеи столиц и крупных городов"
#: the title each sample shows (the file name when the document has no title).
TITLES = {
    "minutes_session_ru.docx": MINUTES_TITLE,
    "note_bishkek_cp1251.txt": "note_bishkek_cp1251.txt",
    "report_kyiv_tourism_uk.docx": "Розвиток туризму та співпраця міст: досвід Києва",
    "report_astana_cooperation_en.pdf": "City-to-City Cooperation: Astana and Partner Cities",
    "report_ryazan_water_ru.docx": "Обеспечение надёжного водоснабжения города Рязани: опыт и задачи",
    "report_minsk_informatization_ru.pdf": "Информатизация городского управления: опыт Минска",
}
TITLE = re.compile(r'<a class="doc-title" href="(/document/[0-9a-f]{64})">([^<]*)</a>')
META = re.compile(r'<div class="doc-meta">([^<]*)</div>')
MEETING_LINK = re.compile(r'<li class="meeting"><a href="([^"]+)">([^<]*)</a>')
COUNT = re.compile(r'<li><a href="(/browse/[^"]+)">([^<]*)</a> <span class="count">(\d+)</span>')


@pytest.fixture(scope="module")
def client(samples_archive: Path) -> Iterator[httpx.Client]:
    app = create_app(samples_archive, browse_per_page=2)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=600) as http:
        yield http


def _titles(html: str) -> list[str]:
    return [t for _, t in TITLE.findall(html)]


def _counts(html: str, group: str) -> dict[str, int]:
    section = html.split(f'data-group="{group}"', 1)[1].split("</section>", 1)[0]
    return {name: int(n) for _, name, n in COUNT.findall(section)}


def _all_pages(client: httpx.Client, url: str) -> list[list[str]]:
    pages = []
    while url:
        page = client.get(url)
        assert page.status_code == 200, url
        pages.append(_titles(page.text))
        found = re.search(r'<a rel="next" href="([^"]+)">', page.text)
        url = found.group(1).replace("&amp;", "&") if found else ""
    return pages


def test_home_lists_the_latest_meeting_and_documents(client: httpx.Client) -> None:
    page = client.get("/", params={"ui": "en"})
    assert page.status_code == 200
    assert MEETING_LINK.findall(page.text) == [("/session/2025-04-09%20%2312", MEETING)]
    assert "2025-04-09 · г. Москва" in page.text
    titles = _titles(page.text)
    assert sorted(titles) == sorted(TITLES.values())
    assert titles[0] == MINUTES_TITLE  # the only dated document is the newest
    metas = META.findall(page.text)
    assert metas[0] == "minutes_session_ru.docx · Minutes · Moscow · 2025-04-09 · Russian"
    # a document without a title shows its file name once, as the title only
    assert page.text.count("note_bishkek_cp1251.txt") == 1
    assert 'href="/browse/all"' in page.text
    assert client.get("/session/2025-04-09%20%2312").status_code == 200


def test_home_with_a_query_is_the_search_page(client: httpx.Client) -> None:
    page = client.get("/", params={"q": "туризм", "ui": "ru"})
    assert 'class="hit"' in page.text
    assert "latest-meetings" not in page.text and "doc-title" not in page.text


@pytest.mark.parametrize(("ui", "city"), [("ru", "Москва"), ("en", "Moscow"), ("uk", "Москва")])
def test_a_hit_and_its_document_name_the_city(client: httpx.Client, ui: str, city: str) -> None:
    """A member city is stored as a key (city:moscow); the pages show its name."""
    page = client.get("/", params={"q": "водоснабжение", "ui": ui})
    metas = re.findall(r'<div class="hit-meta">([^<]*)</div>', page.text)
    minutes = [m for m in metas if "2025-04-09" in m]  # the minutes, the one dated document
    assert minutes and all(f" · {city} · " in m for m in minutes)
    assert "city:moscow" not in page.text
    link = next(href for href, title in TITLE.findall(client.get("/").text)
                if title == MINUTES_TITLE)
    document = client.get(link, params={"ui": ui}).text
    assert f"<dt>{words(ui)['city']}</dt><dd>{city}</dd>" in document


@pytest.mark.parametrize("ui", ["ru", "en", "uk"])
def test_the_session_page_names_the_body_that_met(client: httpx.Client, ui: str) -> None:
    page = client.get("/session/2025-04-09%20%2312", params={"ui": ui})
    assert page.status_code == 200
    body = "Совет Международной ассамблеи столиц и крупных городов"
    assert f'<dt>{words(ui)["met_body"]}</dt><dd class="met-body">{body}</dd>' in page.text


def test_browse_counts_each_kind_city_year_and_meeting(client: httpx.Client) -> None:
    page = client.get("/browse", params={"ui": "ru"})
    assert page.status_code == 200
    assert re.search(r'id="total">(\d+)<', page.text).group(1) == "6"  # type: ignore[union-attr]
    assert _counts(page.text, "kind") == {"Другое": 5, "Протокол": 1}
    assert _counts(page.text, "city") == {"Москва": 1}
    assert _counts(page.text, "year") == {"2025": 1}
    assert _counts(page.text, "meeting") == {MEETING: 1}
    english = client.get("/browse", params={"ui": "en"}).text
    assert _counts(english, "kind") == {"Other": 5, "Minutes": 1}
    links = [url for url, _, _ in COUNT.findall(english)]
    assert "/browse/kind/minutes" in links and "/browse/city/city%3Amoscow" in links
    assert "/browse/meeting/2025-04-09%20%2312" in links
    for url in links:
        assert client.get(url).status_code == 200, url


def test_browse_by_kind_lists_exactly_the_minutes(client: httpx.Client) -> None:
    page = client.get("/browse/kind/minutes", params={"ui": "en"})
    assert page.status_code == 200
    assert "<h1>Kind: Minutes</h1>" in page.text
    assert _titles(page.text) == [MINUTES_TITLE]
    others = _all_pages(client, "/browse/kind/other")
    assert [len(p) for p in others] == [2, 2, 1]
    assert sorted(t for p in others for t in p) == sorted(
        t for t in TITLES.values() if t != MINUTES_TITLE)
    for url in ("/browse/year/2025", "/browse/city/city%3Amoscow",
                "/browse/meeting/2025-04-09%20%2312"):
        assert _titles(client.get(url).text) == [MINUTES_TITLE], url


def test_pages_of_two_give_three_pages_for_six_documents(client: httpx.Client) -> None:
    pages = _all_pages(client, "/browse/all?ui=en")
    assert [len(p) for p in pages] == [2, 2, 2]
    assert sorted(t for p in pages for t in p) == sorted(TITLES.values())
    last = client.get("/browse/all", params={"page": 3}).text
    assert "Page 3 of 3" in last and 'rel="prev" href="/browse/all?page=2"' in last
    assert 'rel="next"' not in last
    # a page past the last is the last; one that is not a number is the first
    assert _titles(client.get("/browse/all", params={"page": 99}).text) == pages[2]
    assert _titles(client.get("/browse/all", params={"page": "x"}).text) == pages[0]


def test_unknown_values_are_not_found(client: httpx.Client) -> None:
    for url in ("/browse/city/Атлантида", "/browse/kind/poem", "/browse/year/1812",
                "/browse/meeting/nothing", "/browse/colour/red"):
        page = client.get(url, params={"ui": "en"})
        assert page.status_code == 404, url
        assert "Page not found" in page.text or "page not found" in page.text
        assert page.headers["x-frame-options"] == "DENY"
    assert client.post("/browse").status_code == 405


def test_api_documents_pages_and_filters(client: httpx.Client) -> None:
    answer = client.get("/api/documents", params={"kind": "other", "page": 3}).json()
    assert (answer["total"], answer["pages"], answer["page"], answer["per_page"]) == (5, 3, 3, 2)
    assert len(answer["documents"]) == 1
    minutes = client.get("/api/documents", params={"meeting": MEETING}).json()
    assert [d["source_name"] for d in minutes["documents"]] == ["minutes_session_ru.docx"]
    assert client.get("/api/documents", params={"city": "Атлантида"}).status_code == 404
    both = client.get("/api/documents", params={"kind": "other", "year": "2025"})
    assert both.status_code == 400 and "one of" in both.json()["error"]


def test_trashed_document_leaves_home_and_browse(samples_archive: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(samples_archive, data)
    with Store(data) as store:
        store.versions.trash(store.resolve("minutes_session_ru.docx"), "test")
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=600) as http:
        home = http.get("/", params={"ui": "en"}).text
        assert MEETING_LINK.findall(home) == []
        assert sorted(_titles(home)) == sorted(t for t in TITLES.values() if t != MINUTES_TITLE)
        browse = http.get("/browse", params={"ui": "en"}).text
        assert _counts(browse, "kind") == {"Other": 5}
        assert _counts(browse, "city") == {} and _counts(browse, "meeting") == {}
        assert http.get("/browse/kind/minutes").status_code == 404
        assert MINUTES_TITLE not in http.get("/browse/all").text


def test_hostile_values_are_escaped(small_archive: Path) -> None:
    with live_server(create_app(small_archive)) as url, httpx.Client(base_url=url, timeout=600) as http:
        for path in ("/", "/browse", "/browse/all", "/browse/city/%3Ci%3Ex%3C%2Fi%3E"):
            page = http.get(path)
            assert page.status_code == 200, path
            assert "<script>" not in page.text and "<i>x</i>" not in page.text, path
        assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in http.get("/browse/all").text
        assert XSS_TITLE not in http.get("/browse/meeting/%3Cb%3Ebold%3C%2Fb%3E").text
