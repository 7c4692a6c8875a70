"""The interface in Russian, Ukrainian and English over plain HTTP (a real uvicorn server,
httpx): every word and message has its Ukrainian form; the language comes from the switch,
then the account, then the browser; our own values (kinds, statuses, vote outcomes, languages)
are named in it; the translation beside a document is the reader's language when there is one;
command hints reach the secretariat only; a title is never the file name said twice."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import pytest
from access_fixtures import PASSWORD, signed_in
from live_server import live_server
from web_fixtures import build_small, keep

from corpus import messages
from corpus.languages import LANGUAGES
from corpus.model import AgendaItem, Decision, Document, Session, Translation, Vote
from corpus.store import Store
from index.build import add_document
from pipeline.web import create_app, i18n
from pipeline.web.words_uk import UKRAINIAN

HINT = "Install one with: sekretar models install FILE.argosmodel"
UNTITLED = "minutes_ru_1.pdf"
FACET = re.compile(r'<section class="facet" data-facet="kind">(.*?)</section>', re.S)


def _untitled(doc_id: str) -> Document:
    doc = Document(doc_id, UNTITLED, "pdf", kind="minutes", title="minutes_ru_1",
                   language="ru", session="2024-осень", city="Рязань", date="2024-10-01",
                   status="partial")
    block = doc.add_block("paragraph", "ПОСТАНОВИЛИ: утвердить смету водоканала.",
                          language="ru")
    for code, text in (("be", "Пастанавілі зацвердзіць смету."), ("uk", "Ухвалили кошторис."),
                       ("en", "Resolved to approve the budget.")):
        block.translations.append(Translation(code, text, "test"))
    doc.problems = [f"translations waiting for a model: ru→kk. {HINT}"]
    doc.minutes = Session(number="3", date="2024-10-01", place="Рязань")
    vote = Vote(votes_for=12, against=0, abstained=1, outcome="adopted")
    doc.minutes.agenda.append(AgendaItem("1", "О смете", [block.id], decisions=[
        Decision("1.1", "Утвердить смету.", [block.id], vote)]))
    return doc


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("web-languages")
    data = build_small(folder)
    with Store(data) as store:
        doc_id = keep(store, folder, UNTITLED, b"%PDF minutes 1")
        assert doc_id == hashlib.sha256(b"%PDF minutes 1").hexdigest()
        document = _untitled(doc_id)
        store.save_document(document)
        add_document(store, document)
        store.users.add("sec", "secretariat", PASSWORD)
        store.users.add("ola", "delegate", PASSWORD, ui="uk")
        store.users.add("ivan", "delegate", PASSWORD)
    with live_server(create_app(data)) as url:
        yield url, doc_id


def test_every_word_and_message_has_its_ukrainian_form() -> None:
    assert set(UKRAINIAN) == set(i18n.words("ru")) == set(i18n.words("en"))
    assert all(UKRAINIAN[k].strip() for k in UKRAINIAN)
    assert set(messages.UKRAINIAN) == set(messages.ENGLISH) == set(messages.RUSSIAN)
    assert set(i18n.LANGUAGE_NAMES) == set(LANGUAGES)
    ukrainian = i18n.words("uk")
    assert ukrainian["kind_minutes"] == "Протокол" and ukrainian["search"] == "Пошук"
    assert messages.Message("no_session", name="X").said_in("uk") == "Документів сесії «X» в архіві немає"


def test_the_language_comes_from_the_switch_then_the_account_then_the_browser(
    site: tuple[str, str]
) -> None:
    url = site[0]
    with signed_in(url, "ivan", accept="uk-UA,uk;q=0.9,ru;q=0.8") as browser_uk:
        page = browser_uk.get("/")
        assert '<html lang="uk">' in page.text and ">Пошук<" in page.text
        assert 'id="switch-ui-ru"' in page.text and 'id="switch-ui-en"' in page.text
    with signed_in(url, "ola", accept="en-GB,en") as account_uk:
        assert '<html lang="uk">' in account_uk.get("/").text  # the account, not the browser
        assert '<html lang="en">' in account_uk.get("/", params={"ui": "en"}).text
        assert '<html lang="en">' in account_uk.get("/").text  # the switch is remembered
    with signed_in(url, "ivan", accept="en") as browser_en:
        assert '<html lang="en">' in browser_en.get("/").text


def test_kinds_statuses_and_outcomes_are_named_in_the_readers_language(
    site: tuple[str, str]
) -> None:
    url, doc_id = site
    with signed_in(url, "ivan") as client:
        found = client.get("/", params={"q": "ПОСТАНОВИЛИ"}).text
        kinds = FACET.search(found)
        assert kinds is not None
        labels = re.findall(r'<a href="[^"]*">([^<]*)</a>', kinds.group(1))
        assert labels == ["Протокол"]
        page = client.get(f"/document/{doc_id}").text
        assert "<dd>Протокол</dd>" in page and "<dd>обработан частично</dd>" in page
        assert "<dd>русский</dd>" in page
        session = client.get("/session/2024-осень").text
        assert "— принято" in session and "adopted" not in session
        uk_session = client.get("/session/2024-осень", params={"ui": "uk"}).text
        assert "— прийнято" in uk_session and "утрималися 1" in uk_session
        for text in (found, page, session):
            assert ">minutes<" not in text and "· minutes" not in text and ">other<" not in text


def test_the_translation_shown_is_the_readers_language(site: tuple[str, str]) -> None:
    url, doc_id = site
    chosen = re.compile(r'<option value="(\w+)" selected>')
    with signed_in(url, "ivan") as client:
        for ui, expected in (("uk", "uk"), ("en", "en"), ("ru", "uk")):
            page = client.get(f"/document/{doc_id}", params={"ui": ui}).text
            assert chosen.findall(page) == [expected], ui
        asked = client.get(f"/document/{doc_id}", params={"lang": "be"}).text
        assert chosen.findall(asked) == ["be"]


def test_command_hints_reach_the_secretariat_only(site: tuple[str, str]) -> None:
    url, doc_id = site
    with signed_in(url, "ivan") as delegate:
        page = delegate.get(f"/document/{doc_id}").text
        assert "sekretar models install" not in page and 'id="visibility"' not in page
    with signed_in(url, "sec") as secretariat:
        page = secretariat.get(f"/document/{doc_id}").text
        assert HINT in page
        assert '<dd id="visibility">опубликован</dd>' in page


def test_a_title_that_is_the_file_name_is_said_once(site: tuple[str, str]) -> None:
    url, doc_id = site
    with signed_in(url, "ivan") as client:
        found = client.get("/", params={"q": "ПОСТАНОВИЛИ", "ui": "en"}).text
        meta = re.findall(r'<div class="hit-meta">([^<]*)</div>', found)
        assert "Minutes · Рязань · 2024-осень · 2024-10-01" in meta  # the title is the name
        titles = re.findall(r'<a class="hit-title" href="[^"]*">([^<]*)</a>', found)
        assert UNTITLED in titles and "minutes_ru_1" not in titles
        page = client.get(f"/document/{doc_id}").text
        assert f"<h1>{UNTITLED}</h1>" in page
        home = client.get("/").text
        assert home.count(UNTITLED) == 1
