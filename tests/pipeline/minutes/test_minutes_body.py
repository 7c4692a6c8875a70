"""The body that met, read from the header in every language the reader knows, in paragraphs
and in a header table, and named in the Akoma Ntoso export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from minutes_write import write
from test_minutes_bad_input import minutes_document

from corpus.model import Document
from pipeline.exchange.akn import body_token
from pipeline.minutes.stage import MinutesStage

TAIL = ["ПОВЕСТКА ДНЯ:", "1. О бюджете.", "1. СЛУШАЛИ: Панову Л.С.", "ПОСТАНОВИЛИ: Бюджет принять.",
        "ГОЛОСОВАЛИ: «за» — 5, «против» — 0, «воздержались» — 0."]


def _body(head: list[str], language: str) -> str | None:
    document = minutes_document(head + TAIL)
    document.language = language
    MinutesStage().run(document)
    assert document.minutes is not None
    return document.minutes.body


@pytest.mark.parametrize(("language", "head", "body"), [
    ("ru", ["ПРОТОКОЛ № 5", "заседания постоянной комиссии по культуре", "г. Тула 3 марта 2026 г."],
     "Постоянная комиссия по культуре"),
    ("ru", ["ПРОТОКОЛ № 5 заседания Правления Ассоциации", "г. Тула 3 марта 2026 г."],
     "Правление Ассоциации"),
    ("ru", ["МЕЖДУНАРОДНАЯ АССАМБЛЕЯ СТОЛИЦ И КРУПНЫХ ГОРОДОВ", "ПРОТОКОЛ № 3",
            "г. Москва 1 марта 2026 г."], None),
    ("uk", ["ПРОТОКОЛ № 2", "засідання Ради Асамблеї м. Київ 4 квітня 2025 р."], "Рада Асамблеї"),
    ("be", ["ПРАТАКОЛ № 4", "пасяджэння Пастаяннага камітэта па адукацыі",
            "г. Мінск, 4 сакавіка 2025 г."], "Пастаянны камітэт па адукацыі"),
    ("kk", ["ХАТТАМА № 2", "Астана қалалық мәслихатының тұрақты комиссиясы", "Астана 14.05.2025"],
     "Астана қалалық мәслихатының тұрақты комиссиясы"),
    ("en", ["Minutes of the Board of Directors meeting held on 5 May 2026"], "Board of Directors"),
    ("en", ["MINUTES No. 4", "of the meeting of the Working Group on Tourism", "Baku, 1 June 2025"],
     "Working Group on Tourism"),
])
def test_the_body_is_read_from_the_header(language: str, head: list[str],
                                          body: str | None) -> None:
    assert _body(head, language) == body


def test_the_body_is_read_from_a_header_table(
        tmp_path: Path, read_file: Callable[[Path], Document]) -> None:
    path = write(tmp_path / "ru_header_table.docx", [
        ("table", [["ПРОТОКОЛ № 7", "г. Минск"],
                   ["заседания Комиссии по ЖКХ", "12 ноября 2025 г."]]),
        *[("p", line) for line in TAIL]], {})
    session = read_file(path).minutes
    assert session is not None
    assert (session.body, session.number, session.date) == (
        "Комиссия по ЖКХ", "7", "2025-11-12")


@pytest.mark.parametrize(("body", "token"), [
    ("Бюро Ассамблеи", "biuro-asamblei"),
    ("Рада Міжнародної асамблеї столиць і великих міст", "rada-mizhnarodnoi-asamblei-stolic-i-velikih-mist"),
    ("Пастаянная камісія па транспарце", "pastana-kamisia-pa-transparce"),
    ("Қалалық кеңестің көлік жөніндегі комиссиясы", "kalalik-kenestin-kolik-zhonindegi-komisiasi"),
    ("Technical Steering Committee (TSC)", "technical-steering-committee-tsc"),
    (None, "council"),
])
def test_the_body_names_the_debate_record(body: str | None, token: str) -> None:
    assert body_token(body) == token
