"""Signing in and roles in a real browser (Debian's Chromium driven by Playwright) over an
archive with a published report, draft minutes and accounts of each role: a closed archive
asks for the password, a wrong one is refused, a delegate finds only the published report and
meets "not found" at the draft's address, an editor finds both, signing out ends the session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from access_fixtures import DRAFT, PASSWORD, PUBLISHED, build_access
from live_server import live_server

from pipeline.web import create_app

pytestmark = pytest.mark.browser
PATIENCE = 600_000


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build_access(tmp_path_factory.mktemp("web-browser-access"))


@pytest.fixture(scope="module")
def site(archive: tuple[Path, dict[str, str]]) -> Iterator[str]:
    with live_server(create_app(archive[0])) as url:
        yield url


def _sign_in(page: Any, name: str, password: str = PASSWORD) -> None:
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("#sign-in")


def _search(page: Any, site: str, query: str) -> list[str]:
    page.goto(f"{site}/?ui=ru")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    return page.locator(".hit-meta").all_inner_texts()


def test_a_delegate_signs_in_and_reads_only_what_is_published(
    site: str, browser: Any, archive: tuple[Path, dict[str, str]]
) -> None:
    ids = archive[1]
    context = browser.new_context(locale="ru-RU")
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/document/{ids[PUBLISHED]}")
    page.wait_for_selector("#sign-in")
    assert "/login?next=" in page.url
    _sign_in(page, "del", "wrong-password")
    page.wait_for_selector("#message")
    assert page.locator("#message").inner_text() == "Неверное имя или пароль"
    _sign_in(page, "del")
    page.wait_for_selector("#account")
    assert page.url == f"{site}/document/{ids[PUBLISHED]}"  # back where it was asked
    assert page.locator("#account").inner_text() == "del · делегат"
    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["sekretar_session"]["httpOnly"] and cookies["sekretar_session"]["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("sekretar_session") == -1
    hits = _search(page, site, "Рязани")
    assert len(hits) == 1 and PUBLISHED in hits[0]
    answer = page.goto(f"{site}/document/{ids[DRAFT]}")
    assert answer is not None and answer.status == 404
    page.goto(f"{site}/")
    page.click("#logout")
    page.wait_for_selector("#sign-in")
    page.goto(f"{site}/")
    assert "/login" in page.url
    context.close()


def test_an_editor_finds_the_draft_too(site: str, browser: Any,
                                       archive: tuple[Path, dict[str, str]]) -> None:
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/login")
    _sign_in(page, "ed")
    page.wait_for_selector("#account")
    hits = _search(page, site, "Рязани")
    assert sorted(h.split()[0] for h in hits) == sorted([PUBLISHED, DRAFT])
    answer = page.goto(f"{site}/document/{archive[1][DRAFT]}")
    assert answer is not None and answer.status == 200
    context.close()


def test_the_secretariat_uploads_files_and_watches_them_ingested(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.wiring import start_ingest

    data, _ = build_access(tmp_path_factory.mktemp("web-browser-upload"))
    inbox = tmp_path_factory.mktemp("inbox")
    notes = []
    for number, city in enumerate(("Полтава", "Житомир"), 1):
        note = inbox / f"note_{number}.txt"
        note.write_text(f"Записка о водопроводе города {city}, 2025 год.\n", "utf-8")
        notes.append(str(note))
    monkeypatch.setenv("SEKRETAR_STAGES", "language")
    monkeypatch.setenv("SEKRETAR_EMBEDDING", "false")
    monkeypatch.setenv("SEKRETAR_WORKERS", "1")
    app = create_app(data)
    app.state.start_ingest = start_ingest
    app.state.upload_max_bytes = 1 << 20
    with live_server(app) as site:
        context = browser.new_context(locale="uk-UA")
        context.set_default_timeout(PATIENCE)
        page = context.new_page()
        page.goto(f"{site}/login")
        _sign_in(page, "sec")
        page.wait_for_selector("#upload-link")
        page.click("#upload-link")
        page.set_input_files("#files", notes)
        page.fill("#collection", "Весна 2025")
        page.click("#upload-start")
        page.wait_for_selector("#progress[data-phase=done]")  # the page refreshes itself
        assert page.locator("#counts").inner_text() == (
            "Оброблено 2 з 2 · прийнято до архіву: 2")
        hits = _search(page, site, "Житомир")
        assert hits == ["Другое · Весна 2025"]  # the title is the file name, said once
        assert page.locator(".hit-title").all_inner_texts() == ["note_2.txt"]
        context.close()
