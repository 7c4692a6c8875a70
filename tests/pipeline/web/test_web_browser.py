"""The web page in a real browser (Debian's Chromium driven by Playwright) over the ingested
samples: search in Russian, read the document beside its Ukrainian translation, follow an
entity, switch the interface to English; search with JavaScript off; a phone-sized screen.

Screenshots of the search and document pages are saved under $SEKRETAR_ARTIFACTS (or the
test's temporary folder); the path is printed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from live_server import live_server

pytestmark = pytest.mark.browser
QUERY = "водоснабжение"
RYAZAN = "report_ryazan_water_ru.docx"
#: milliseconds a page may take: generous, the shared test machine is often overloaded.
PATIENCE = 600_000


@pytest.fixture(scope="module")
def site(samples_archive: Path) -> Iterator[str]:
    from pipeline.wiring import web_app

    with live_server(web_app(samples_archive, "lexical")) as url:
        yield url


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SEKRETAR_ARTIFACTS") or tmp_path) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_search_read_translation_follow_entity_switch_language(
    site: str, browser: Any, artifacts: Path
) -> None:
    page = browser.new_page(locale="ru-RU")
    page.set_default_timeout(PATIENCE)
    page.goto(f"{site}/?ui=ru")
    page.fill("#q", QUERY)
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    first = page.locator(".hit").first
    assert RYAZAN in first.locator(".hit-meta").inner_text()
    marked = first.locator("mark").all_inner_texts()
    assert marked and all(m.lower().startswith("водоснабжени") for m in marked), marked
    assert any(m.lower() != QUERY for m in marked), marked  # an inflected form, not the query
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)

    first.locator("a.hit-title").click()
    page.wait_for_selector(".blocks.two")
    assert page.locator("select[name=lang]").input_value() == "uk"
    translated = [t for t in page.locator(".row .translation").all_inner_texts() if t.strip()]
    assert translated and any("водопостачання" in t.lower() for t in translated), translated[:5]
    page.screenshot(path=str(artifacts / "document.png"), full_page=True)
    print(f"\nscreenshots: {artifacts}")

    entity = page.locator("a.entity[href*='city%3Aryazan'], a.entity[href*='city:ryazan']").first
    entity.click()
    page.wait_for_selector(".mentioning")
    assert RYAZAN in page.locator(".mentions").inner_text()
    assert "city:ryazan" in page.locator("h1").inner_text()

    page.click("#switch-ui-en")
    page.wait_for_selector("html[lang=en]")
    assert "Documents that mention it" in page.content()
    page.goto(site + "/")
    assert page.locator("html").get_attribute("lang") == "en"  # remembered
    page.close()


def test_search_works_without_javascript_and_on_a_phone(site: str, browser: Any) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="ru-RU"
    )
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/?ui=ru")
    page.fill("#q", "туризм")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    assert "report_kyiv_tourism_uk.docx" in " ".join(page.locator(".hit-meta").all_inner_texts())
    page.locator(".facet[data-facet=kind] a").first.click()
    page.wait_for_selector(".facet li.chosen")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, width
    page.goto(f"{site}/?q=%22%28%28")
    assert page.locator("#message").count() == 1
    context.close()


def test_home_page_fits_a_phone(site: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    context.set_default_timeout(PATIENCE)
    page = context.new_page()
    page.goto(f"{site}/?ui=ru")
    page.wait_for_selector(".latest-documents .doc-title")
    assert page.locator(".meeting a").all_inner_texts() == ["2025-04-09 #12"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, width
    page.goto(f"{site}/browse")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    context.close()
