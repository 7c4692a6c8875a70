"""The editors' desk over plain HTTP (a real uvicorn server, httpx, the real Apertium ru->uk
engine and the library call of `sekretar review`): translation statuses on the document page
in the reader's language, the review page for editors and the secretariat only, every write
behind the CSRF token, and a correction that is stored approved, logged under the editor's
name and wins in a later translation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from access_fixtures import csrf_of, signed_in
from desk_fixtures import (
    AUTUMN,
    AUTUMN_SESSION,
    DECISION,
    FIXED,
    LATER,
    block_id,
    build_desk,
)
from live_server import live_server

from corpus.store import Store
from pipeline.cli import main
from pipeline.web import create_app
from pipeline.wiring import review_translations

Archive = tuple[Path, dict[str, str]]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_desk(tmp_path_factory.mktemp("web-desk"))


@pytest.fixture(scope="module")
def site(archive: Archive) -> Iterator[str]:
    app = create_app(archive[0])
    app.state.review_translations = review_translations
    with live_server(app) as url:
        yield url


def _uk(data: Path, doc_id: str) -> list[tuple[str, str, bool]]:
    with Store(data, readonly=True) as store:
        document = store.load_document(doc_id)
    found = []
    for block in document.blocks:
        t = block.translation("uk")
        assert t is not None
        found.append((t.text, t.engine, t.needs_review))
    return found


def test_the_document_page_says_what_each_translation_is_in_the_readers_language(
        site: str) -> None:
    said = {
        "ru": ("машинный перевод", "требует проверки: слова остались на языке оригинала: "
               "Обязать", "требует проверки: повтор слова: Рада"),
        "uk": ("машинний переклад", "потребує перевірки: слова залишилися мовою оригіналу: "
               "Обязать", "потребує перевірки: повтор слова: Рада"),
        "en": ("machine translation", "needs review: words left in the source language: "
               "Обязать", "needs review: a word repeated: Рада"),
    }
    with signed_in(site, "del") as client:
        for ui, (machine, oblige, twice) in said.items():
            page = client.get(f"/document/{DECISION}?lang=uk&ui={ui}").text
            assert (f'<p class="tstatus tstatus-machine" lang="{ui}">{machine}</p>') in page
            assert (f'<p class="tstatus tstatus-needs_review" lang="{ui}">{oblige}</p>') in page
            assert (f'<p class="tstatus tstatus-needs_review" lang="{ui}">{twice}</p>') in page
            assert 'id="review-link"' not in page
        blocks = client.get(f"/api/document/{DECISION}").json()["blocks"]
        assert [(b["translations"]["uk"]["status"], b["translations"]["uk"]["review_reason"])
                for b in blocks] == [("machine", ""), ("needs review", "untranslated:Обязать"),
                                     ("needs review", "repeated:Рада")]


def test_delegates_and_anonymous_readers_cannot_reach_the_review_page(
        site: str, archive: Archive) -> None:
    with signed_in(site, None) as anonymous:
        answer = anonymous.get(f"/review/{DECISION}?lang=uk", follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/login")
    with signed_in(site, "del") as delegate:
        token = csrf_of(delegate, "/login")
        answer = delegate.get(f"/review/{DECISION}?lang=uk")
        assert answer.status_code == 403 and "не разрешено" in answer.text
        answer = delegate.post(f"/review/{DECISION}", data={
            "csrf": token, "lang": "uk", "do": "accept-all"})
        assert answer.status_code == 403 and "не разрешено" in answer.text
    assert [r[1:] for r in _uk(archive[0], DECISION)] == [
        ("apertium", False), ("apertium", True), ("apertium", True)]


def test_a_review_without_the_csrf_token_or_a_text_is_refused(site: str, archive: Archive) -> None:
    with signed_in(site, "ed") as editor:
        answer = editor.post(f"/review/{DECISION}", data={"lang": "uk", "do": "accept-all"})
        assert answer.status_code == 403 and "обновите страницу" in answer.text
        answer = editor.post(f"/review/{DECISION}", data={
            "csrf": csrf_of(editor, f"/review/{DECISION}"), "lang": "uk",
            "block": block_id(1), "text": "  ", "do": "correct"})
        assert answer.status_code == 400
        assert "Напишите исправленный перевод или примите его как есть" in answer.text
    assert [r[1:] for r in _uk(archive[0], DECISION)] == [
        ("apertium", False), ("apertium", True), ("apertium", True)]


def test_an_editors_correction_is_approved_logged_and_wins_later(
        site: str, archive: Archive) -> None:
    data = archive[0]
    oblige, twice = block_id(1), block_id(2)
    with signed_in(site, "ed", accept="uk") as editor:
        assert 'id="review-link"' in editor.get(f"/document/{DECISION}").text
        page = editor.get(f"/review/{DECISION}?lang=uk").text
        assert '<p id="review-count">Потребують перевірки: 2</p>' in page
        assert f'id="segment-{oblige}"' in page and f'id="segment-{twice}"' in page
        assert "Обязать муніципалітети надати зведення.</textarea>" in page
        token = csrf_of(editor, f"/review/{DECISION}?lang=uk")
        answer = editor.post(f"/review/{DECISION}", follow_redirects=False, data={
            "csrf": token, "lang": "uk", "block": oblige, "text": f"  {FIXED}\r\n",
            "do": "correct"})
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/review/{DECISION}?lang=uk&done=1"
        page = editor.get(answer.headers["location"]).text
        assert "Схвалено перекладів: 1." in page
        assert '<p id="review-count">Потребують перевірки: 1</p>' in page
        assert f'id="segment-{oblige}"' not in page
        page = editor.get(f"/document/{DECISION}?lang=uk").text
        assert FIXED.replace("'", "&#39;") in page
        assert '<p class="tstatus tstatus-approved" lang="uk">схвалено редактором</p>' in page
        answer = editor.post(f"/review/{DECISION}", follow_redirects=True, data={
            "csrf": token, "lang": "uk", "block": twice, "do": "accept"})
        assert '<p class="notice" id="review-none">' in answer.text
    assert _uk(data, DECISION) == [("Засідання відкрито.", "apertium", False),
                                   (FIXED, "human", False),
                                   ("Рада Рада вирішив.", "human", False)]
    with Store(data, readonly=True) as store:
        logged = [(e["user"], e["command"], e["old"], e["new"])
                  for e in store.audit.entries(DECISION)]
        assert store.memory.count()["approved"] == 2
    assert logged == [
        ("ed", "review", {f"{twice} uk": "Рада Рада вирішив."},
         {f"{twice} uk": "Рада Рада вирішив."}),
        ("ed", "review", {f"{oblige} uk": "Обязать муніципалітети надати зведення."},
         {f"{oblige} uk": FIXED}),
    ]
    assert main(["translate", LATER, "--to", "uk", "--data", str(data)]) == 0
    assert _uk(data, LATER) == [(FIXED, "human", False)]


def test_a_sessions_flagged_translations_are_reviewed_on_one_page(
        site: str, archive: Archive) -> None:
    url = "/review/session/2024-%D0%BE%D1%81%D0%B5%D0%BD%D1%8C"
    with signed_in(site, "del") as delegate:
        assert 'id="review-session"' not in delegate.get(f"/session/{AUTUMN_SESSION}").text
        assert delegate.get(url).status_code == 403
    with signed_in(site, "sec", accept="en") as secretariat:
        page = secretariat.get(f"/session/{AUTUMN_SESSION}").text
        assert f'<a id="review-session" href="{url}">Review the translation</a>' in page
        page = secretariat.get(f"{url}?lang=uk").text
        assert '<p id="review-count">Needing review: 1</p>' in page
        assert f'id="review-{AUTUMN}"' in page
        assert ("needs review: words left in the source language: Заслушав") in page
        heard = f"{AUTUMN[:16]}-00001"
        assert f'<input type="hidden" name="blocks" value="{heard}">' in page
        token = csrf_of(secretariat, f"{url}?lang=uk")
        answer = secretariat.post(f"/review/{AUTUMN}", data={
            "csrf": token, "lang": "uk", "do": "accept-all", "blocks": ""})
        assert answer.status_code == 400
        assert "this translation no longer needs review" in answer.text
        answer = secretariat.post(f"/review/{AUTUMN}", follow_redirects=False, data={
            "csrf": token, "lang": "uk", "session": AUTUMN_SESSION, "do": "accept-all",
            "blocks": heard})
        assert answer.headers["location"] == f"{url}?lang=uk&done=1"
        page = secretariat.get(answer.headers["location"]).text
        assert "Approved 1 translation(s)" in page and 'id="review-none"' in page
    assert _uk(archive[0], AUTUMN)[1][1:] == ("human", False)
