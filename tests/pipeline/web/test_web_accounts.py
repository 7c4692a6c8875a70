"""Signing in over plain HTTP (a real uvicorn server, httpx): a closed archive, session cookies,
CSRF on every write, the sign-in throttle, password resets ending sessions, API tokens, and the
anonymous mode `public`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from access_fixtures import (
    DRAFT,
    PASSWORD,
    PUBLISHED,
    build_access,
    csrf_of,
    sign_in,
    signed_in,
)
from live_server import live_server

from corpus.store import Store
from pipeline.web import create_app
from pipeline.web.auth import SESSION_COOKIE


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build_access(tmp_path_factory.mktemp("web-access"))


@pytest.fixture(scope="module")
def site(archive: tuple[Path, dict[str, str]]) -> Iterator[str]:
    with live_server(create_app(archive[0])) as url:
        yield url


@pytest.fixture
def client(site: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site, timeout=600) as http:
        yield http


def test_a_closed_archive_sends_anonymous_readers_to_sign_in(
    client: httpx.Client, archive: tuple[Path, dict[str, str]]
) -> None:
    published = archive[1][PUBLISHED]
    for path in ("/", f"/document/{published}", "/browse", f"/document/{published}/original"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=%2F"), path
    answer = client.get("/api/search", params={"q": "Рязань"})
    assert answer.status_code == 401
    assert answer.json() == {"error": "sign in first: this archive is open to its accounts only"}
    assert client.get(f"/api/document/{published}").status_code == 401
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_signing_in_sets_a_signed_http_only_session(client: httpx.Client) -> None:
    answer = sign_in(client, "del")
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=43200" in cookie
    assert "Secure" not in cookie  # plain HTTP here; set behind TLS
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="account"' in page.text and "del · делегат" in page.text


def test_a_wrong_password_or_a_forged_cookie_does_not_sign_in(client: httpx.Client) -> None:
    wrong = sign_in(client, "ed", "not-the-password")
    assert wrong.status_code == 401 and "Неверное имя или пароль" in wrong.text
    assert SESSION_COOKIE not in wrong.headers.get("set-cookie", "")
    good = sign_in(client, "ed").headers["set-cookie"].split(";")[0].split("=", 1)[1]
    body, mac = good.split(".")
    forged = body.replace(body[2], "A" if body[2] != "A" else "B") + "." + mac
    for value in (forged, body + ".", "x"):
        client.cookies.set(SESSION_COOKIE, value)
        assert client.get("/", follow_redirects=False).status_code == 303


def test_every_write_needs_the_csrf_token_of_this_browser(site: str) -> None:
    with httpx.Client(base_url=site, timeout=600) as one, httpx.Client(base_url=site,
                                                                       timeout=600) as other:
        form = {"name": "del", "password": PASSWORD}
        assert one.post("/login", data=form).status_code == 403
        assert one.post("/login", data=form | {"csrf": "made-up"}).status_code == 403
        assert one.post("/login", data=form | {"csrf": csrf_of(other)}).status_code == 403
        assert sign_in(one, "del").status_code == 303
        refused = one.post("/logout", follow_redirects=False)
        assert refused.status_code == 403
        assert "обновите страницу" in refused.text
        assert one.get("/", follow_redirects=False).status_code == 200  # still signed in
        token = csrf_of(one, "/")
        done = one.post("/logout", data={"csrf": token}, follow_redirects=False)
        assert done.status_code == 303
        assert one.get("/", follow_redirects=False).status_code == 303
        header = one.post("/login", data=form, headers={"X-CSRF-Token": csrf_of(one)},
                          follow_redirects=False)
        assert header.status_code == 303


def test_sign_in_is_throttled_after_failed_attempts(archive: tuple[Path, dict[str, str]]) -> None:
    with Store(archive[0]) as store:
        store.users.add("victim", "delegate", PASSWORD)
    with live_server(create_app(archive[0])) as url, httpx.Client(base_url=url,
                                                                 timeout=600) as client:
        for _ in range(5):
            assert sign_in(client, "victim", "guess-guess").status_code == 401
        locked = sign_in(client, "victim")
        assert locked.status_code == 429
        assert "Слишком много неудачных попыток входа: повторите через 1 мин" in locked.text
        assert sign_in(client, "ed").status_code == 303  # other names are not held up


def test_a_password_reset_or_a_disabled_account_ends_the_session(
    archive: tuple[Path, dict[str, str]]
) -> None:
    data = archive[0]
    with Store(data) as store:
        store.users.add("temp", "editor", PASSWORD)
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=600) as http:
        assert sign_in(http, "temp").status_code == 303
        session = http.cookies.get(SESSION_COOKIE)
    with Store(data) as store:
        store.users.reset_password("temp", "another-password")
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=600) as http:
        http.cookies.set(SESSION_COOKIE, session or "")
        assert http.get("/", follow_redirects=False).status_code == 303
        assert sign_in(http, "temp", "another-password").status_code == 303
        with Store(data) as store:
            store.users.disable("temp")
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=600) as http:
        http.cookies.set(SESSION_COOKIE, session or "")
        assert http.get("/", follow_redirects=False).status_code == 303


def test_sign_in_goes_back_to_the_page_asked_and_never_to_another_site(
    client: httpx.Client
) -> None:
    token = csrf_of(client)
    for given, expected in (("/browse", "/browse"), ("//evil.example/", "/"),
                            ("https://evil.example/", "/"), ("/\\evil.example", "/")):
        answer = client.post("/login", data={"name": "del", "password": PASSWORD,
                                             "csrf": token, "next": given},
                             follow_redirects=False)
        assert answer.headers["location"] == expected, given


def test_api_tokens_carry_their_account_role(archive: tuple[Path, dict[str, str]],
                                             client: httpx.Client) -> None:
    data, ids = archive
    with Store(data) as store:
        editor, delegate = store.users.new_token("ed"), store.users.new_token("del")
    draft = f"/api/document/{ids[DRAFT]}"
    as_editor = client.get(draft, headers={"Authorization": f"Bearer {editor}"})
    assert as_editor.status_code == 200 and as_editor.json()["visibility"] == "draft"
    assert client.get(draft, headers={"Authorization": f"Bearer {delegate}"}).status_code == 404
    assert client.get(draft, headers={"Authorization": "Bearer sk_made_up"}).status_code == 401


def test_public_mode_lets_anonymous_readers_read_published_documents(
    archive: tuple[Path, dict[str, str]]
) -> None:
    data, ids = archive
    with live_server(create_app(data, public=True)) as url, httpx.Client(base_url=url,
                                                                        timeout=600) as http:
        assert http.get("/").status_code == 200
        assert 'id="login"' in http.get("/").text
        assert http.get(f"/document/{ids[PUBLISHED]}").status_code == 200
        assert http.get(f"/document/{ids[DRAFT]}").status_code == 404
        assert http.get(f"/api/document/{ids[PUBLISHED]}").status_code == 200


def _routes(routes: list[Any]) -> Iterator[Any]:
    """Every route of the app, those of included routers too."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from _routes(route.original_router.routes)
        elif getattr(route, "methods", None):
            yield route


def test_every_route_that_writes_needs_the_token_and_a_role_that_may(
    archive: tuple[Path, dict[str, str]]
) -> None:
    """Every route taking another method than GET, found in the app itself (a route added
    later is checked too): without the CSRF token it is refused before it runs; with it, a
    reader who is not signed in, or a delegate, is refused too (sign-in and sign-out aside)."""
    data, ids = archive
    app = create_app(data, public=True)
    writes = sorted({(route.path, method) for route in _routes(app.routes)
                     for method in route.methods or () if method not in ("GET", "HEAD")})
    assert ("/upload", "POST") in writes and ("/document/{document_id}/{action}", "POST") in writes
    fill = {"document_id": ids[PUBLISHED], "action": "delete"}
    with live_server(app) as url:
        for path, method in writes:
            address = path.format(**fill)
            for name in (None, "del"):
                with signed_in(url, name) as client:
                    bare = client.request(method, address, data={"name": "del"},
                                          follow_redirects=False)
                    assert bare.status_code == 403, (address, name)
                    if path in ("/login", "/logout"):
                        continue
                    token = csrf_of(client, "/login")
                    tokened = client.request(method, address, data={"csrf": token},
                                             params={"csrf": token}, follow_redirects=False)
                    assert tokened.status_code == 403, (address, name)
    with Store(data, readonly=True) as store:
        assert store.versions.state(ids[PUBLISHED]) == "current"
