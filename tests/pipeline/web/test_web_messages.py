"""The web page says what went wrong in the interface's language; the JSON API stays English.

Messages come from the library as `corpus.messages.Message` (English text that keeps its key
and values), so the pages can say them in Russian without parsing English sentences."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import pytest
from live_server import live_server

from corpus.errors import NotFound
from corpus.messages import ENGLISH, RUSSIAN, Message, say
from pipeline.web import create_app


@pytest.fixture(scope="module")
def client(small_archive: Path) -> Iterator[httpx.Client]:
    with live_server(create_app(small_archive)) as url, httpx.Client(base_url=url, timeout=600) as http:
        yield http


def notice(html: str) -> str:
    found = re.search(r'id="message">(.*?)</p>', html, re.S)
    assert found, "the page shows no message"
    return " ".join(unescape(found.group(1)).split())


def test_every_message_has_a_russian_form() -> None:
    assert set(RUSSIAN) == set(ENGLISH)
    for key, template in ENGLISH.items():
        names = set(re.findall(r"{(\w+)", template))
        assert set(re.findall(r"{(\w+)", RUSSIAN[key])) <= names, key


def test_a_message_survives_pickling_as_an_error_between_processes() -> None:
    error = pickle.loads(pickle.dumps(NotFound(Message("no_session", name="2024-весна"))))
    assert str(error) == "no documents of session '2024-весна' in the archive"
    assert say(error, "ru") == "Документов сессии «2024-весна» в архиве нет"
    assert say("plain text", "ru") == "plain text"


def test_unknown_filter_value_in_russian_and_english(client: httpx.Client) -> None:
    params = {"q": "Рязань", "city": "Атлантида"}
    ru = notice(client.get("/", params=params | {"ui": "ru"}).text)
    assert ru.startswith("Запрос не удалось выполнить: В архиве нет фрагментов, где город — «Атлантида»")
    en = notice(client.get("/", params=params | {"ui": "en"}).text)
    assert en.startswith("The query could not be run: no blocks with city 'Атлантида' in the archive")
    api = client.get("/api/search", params=params).json()["message"]
    assert api.startswith("no blocks with city 'Атлантида' in the archive; known:")


def test_not_a_date_and_common_words_in_russian(client: httpx.Client) -> None:
    page = client.get("/", params={"q": "Рязань", "year": "весна", "ui": "ru"}).text
    assert "«весна» — не дата (пишите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)" in notice(page)
    page = client.get("/", params={"q": "и в на", "ui": "ru"}).text
    assert notice(page).endswith("Искать нечего: в запросе только служебные слова")


def test_error_pages_in_russian_api_errors_in_english(client: httpx.Client) -> None:
    page = client.get("/session/никогда", params={"ui": "ru"})
    assert page.status_code == 404
    assert notice(page.text) == "Документов сессии «никогда» в архиве нет"
    page = client.get("/entity/city:atlantis", params={"ui": "ru"})
    assert notice(page.text) == "Сущности «city:atlantis» нет ни в архиве, ни в справочниках"
    page = client.get("/no/such/page", params={"ui": "ru"})
    assert page.status_code == 404 and notice(page.text) == "Страница не найдена"
    page = client.get("/document/0000000000", params={"ui": "ru"})
    assert notice(page.text) == "Документа с номером или именем файла «0000000000» нет"
    api = client.get("/api/session/никогда")
    assert api.json() == {"error": "no documents of session 'никогда' in the archive"}
    english = client.get("/session/никогда", params={"ui": "en"}).text
    assert notice(english) == "no documents of session 'никогда' in the archive"
