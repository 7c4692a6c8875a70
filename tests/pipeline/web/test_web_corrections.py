"""Corrections from the document page over plain HTTP (a real uvicorn server, httpx, the real
library calls of `sekretar edit|delete|restore|supersede`): only the secretariat may make
them, each needs the CSRF token, each is in the audit log under the account's name, and search
and visibility follow at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from access_fixtures import DRAFT, INTERNAL, PUBLISHED, build_access, csrf_of, signed_in
from live_server import live_server

from corpus.store import Store
from pipeline.web import create_app
from pipeline.wiring import correct_document

Archive = tuple[Path, dict[str, str]]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_access(tmp_path_factory.mktemp("web-corrections"))


@pytest.fixture(scope="module")
def site(archive: Archive) -> Iterator[str]:
    app = create_app(archive[0], public=True)
    app.state.correct_document = correct_document
    with live_server(app) as url:
        yield url


def test_only_the_secretariat_corrects_and_always_with_the_token(site: str,
                                                                 archive: Archive) -> None:
    doc = archive[1][PUBLISHED]
    for name in (None, "del", "ed"):
        with signed_in(site, name) as client:
            token = csrf_of(client, "/login")
            for action in ("edit", "delete", "restore", "supersede"):
                answer = client.post(f"/document/{doc}/{action}",
                                     data={"csrf": token, "title": "x", "by": DRAFT})
                assert answer.status_code == 403, (name, action)
                assert "не разрешено" in answer.text
    with signed_in(site, "sec") as client:
        page = client.get(f"/document/{doc}").text
        assert 'id="corrections"' in page
        answer = client.post(f"/document/{doc}/delete", data={"title": "x"})
        assert answer.status_code == 403 and "обновите страницу" in answer.text
    with Store(archive[0], readonly=True) as store:
        assert store.versions.state(doc) == "current"
        assert store.audit.entries(doc) == [] or all(e["user"] is None
                                                     for e in store.audit.entries(doc))
    with signed_in(site, "ed") as client:
        assert 'id="corrections"' not in client.get(f"/document/{doc}").text


def test_an_edit_is_logged_under_the_account_and_visibility_follows(site: str,
                                                                    archive: Archive) -> None:
    data, ids = archive
    doc = ids[PUBLISHED]
    with signed_in(site, "sec") as client:
        token = csrf_of(client, f"/document/{doc}")
        answer = client.post(f"/document/{doc}/edit", follow_redirects=False, data={
            "csrf": token, "title": "Отчёт о водоснабжении Рязани", "kind": "report",
            "session": "2024-весна", "visibility": "internal"})
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/document/{doc}?done=edit"
        page = client.get(answer.headers["location"]).text
        assert "Исправление сохранено." in page
        assert "<h1>Отчёт о водоснабжении Рязани</h1>" in page
        assert '<dd id="visibility">внутренний</dd>' in page
        assert "sec · edit" in page
    with Store(data, readonly=True) as store:
        entry = store.audit.entries(doc)[0]
        assert (entry["user"], entry["command"]) == ("sec", "edit")
        assert entry["new"] == {"title": "Отчёт о водоснабжении Рязани",
                                "visibility": "internal"}
    with signed_in(site, None) as anonymous:
        assert anonymous.get(f"/document/{doc}").status_code == 404
    with signed_in(site, "sec") as client:
        client.post(f"/document/{doc}/edit", data={
            "csrf": csrf_of(client, "/"), "visibility": "published"})
    with signed_in(site, None) as anonymous:
        assert anonymous.get(f"/document/{doc}").status_code == 200


def test_delete_restore_and_supersede_from_the_page(site: str, archive: Archive) -> None:
    data, ids = archive
    doc, newer = ids[INTERNAL], ids[DRAFT]
    with signed_in(site, "sec") as client:
        token = csrf_of(client, "/")

        def found() -> set[str]:
            hits = client.get("/api/search", params={"q": "Водоканал"}).json()["hits"]
            return {h["document_id"] for h in hits}

        assert doc in found()
        assert client.post(f"/document/{doc}/delete", data={"csrf": token}).status_code == 303
        assert 'id="state">в корзине' in client.get(f"/document/{doc}").text
        assert doc not in found()
        assert client.post(f"/document/{doc}/restore", data={"csrf": token}).status_code == 303
        assert doc in found()
        missing = client.post(f"/document/{doc}/supersede", data={"csrf": token, "by": " "})
        assert missing.status_code == 400
        done = client.post(f"/document/{doc}/supersede", follow_redirects=False,
                           data={"csrf": token, "by": newer})
        assert done.headers["location"] == f"/document/{newer}?done=supersede"
    with Store(data, readonly=True) as store:
        assert store.versions.state(doc) == "superseded"
        commands = [(e["command"], e["user"]) for e in store.audit.entries(doc)]
        assert commands[:3] == [("supersede", "sec"), ("restore", "sec"), ("delete", "sec")]
