"""The editors' desk in a real browser (Debian's Chromium driven by Playwright): an editor
corrects a machine translation (from the document page to the review page, the correction
typed into the textarea and saved, the document page showing it approved) and compiles a
meeting's draft resolution from the session page, previewed and downloaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from access_fixtures import PASSWORD
from desk_fixtures import DECISION, FIXED, block_id, build_desk
from live_server import live_server

from corpus.store import Store
from pipeline.web import create_app
from pipeline.wiring import draft_resolution, review_translations

pytestmark = pytest.mark.browser
PATIENCE = 600_000


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build_desk(tmp_path_factory.mktemp("web-browser-desk"))


@pytest.fixture(scope="module")
def site(archive: tuple[Path, dict[str, str]]) -> Iterator[str]:
    app = create_app(archive[0])
    app.state.review_translations = review_translations
    app.state.draft_resolution = draft_resolution
    with live_server(app) as url:
        yield url


def test_an_editor_corrects_a_flagged_translation(
    site: str, browser: Any, archive: tuple[Path, dict[str, str]]
) -> None:
    context = browser.new_context(locale="uk-UA")
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/document/{DECISION}?lang=uk")
    page.fill("#name", "ed")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_selector("#review-link")
    assert page.locator(".tstatus").all_inner_texts() == [
        "машинний переклад",
        "потребує перевірки: слова залишилися мовою оригіналу: Обязать",
        "потребує перевірки: повтор слова: Рада",
    ]
    page.click("#review-link")
    page.wait_for_selector("#review-count")
    assert page.locator("#review-count").inner_text() == "Потребують перевірки: 2"
    segment = page.locator(f"#segment-{block_id(1)}")
    segment.locator("textarea").fill(FIXED)
    segment.locator("button.correct").click()
    page.wait_for_selector("#done")
    assert page.locator("#done").inner_text().startswith("Схвалено перекладів: 1.")
    assert page.locator(f"#segment-{block_id(1)}").count() == 0
    page.click("#back")
    page.wait_for_selector(".tstatus-approved")
    approved = page.locator(".row", has=page.locator(".tstatus-approved"))
    assert approved.locator(".translation").inner_text().splitlines()[0] == FIXED
    context.close()
    with Store(archive[0], readonly=True) as store:
        t = store.load_document(DECISION).blocks[1].translation("uk")
        entry = store.audit.entries(DECISION)[0]
    assert t is not None and (t.text, t.engine, t.needs_review) == (FIXED, "human", False)
    assert (entry["user"], entry["command"]) == ("ed", "review")


def test_an_editor_compiles_a_draft_resolution_from_the_session_page(site: str, browser: Any
                                                                     ) -> None:
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/session/2024-весна")
    page.fill("#name", "ed")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_selector("#resolution-1")
    page.click("#resolution-1 summary")
    form = page.locator("#resolution-1 form")
    form.locator('input[value="ru"]').uncheck()
    form.locator('input[value="uk"]').check()
    form.locator("button.resolution-make").click()
    page.wait_for_selector("#resolution-preview")
    assert page.locator("#resolution-preview h2").all_inner_texts() == [
        "ПРОЄКТ РІШЕННЯ", "DRAFT RESOLUTION"]
    assert page.locator("#resolution-preview .decision").first.inner_text() == (
        "Схвалити досвід Рязані.")
    with page.expect_download() as started:
        page.click("#resolution-download")
    assert started.value.suggested_filename == "resolution-2024-04-18-12-uk-en.docx"
    context.close()
