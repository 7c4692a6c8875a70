"""The PDF parser's text helpers: joining lines, cleaning text, dates, running keys, passwords."""

from __future__ import annotations

import pytest

from pipeline.parse.pdf.layout import clean_text, join_lines
from pipeline.parse.pdf.meta import password_candidates, pdf_date
from pipeline.parse.pdf.running import running_keys

# ---- text helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["информати-", "зации"], "информатизации"),
        (["Северо-", "Западный"], "Северо-Западный"),
        (["в 2019-", "2020 годах"], "в 2019-2020 годах"),
        (["слово -", "тире"], "слово - тире"),
        (["infor\u00ad", "mation"], "information"),
        (["Kaliningrad\u00ad", "Oblast"], "Kaliningrad-Oblast"),
        (["first line", "", "second line"], "first line second line"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_clean_text_normalises_and_drops_controls() -> None:
    assert clean_text("Е\u0308лка\x00 \x07в  лесу\u00ad\ufffe ") == "Ёлка в лесу"
    assert clean_text("\uf0b7 пункт") == "\u2022 пункт"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20090409123456+02'00'", "2009-04-09T12:34:56+02:00"),
        ("D:20090409123456-05'30", "2009-04-09T12:34:56-05:30"),
        ("D:20230712174032Z00'00'", "2023-07-12T17:40:32+00:00"),
        ("D:20090409123456", "2009-04-09T12:34:56"),
        ("D:20090409", "2009-04-09"),
        ("D:200805", "2008-05"),
        ("2009", "2009"),
        ("D:20091340", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_pdf_date(raw: str | None, iso: str | None) -> None:
    assert pdf_date(raw) == iso


def test_running_keys_follow_the_page_number() -> None:
    assert running_keys("Страница 3 из 10", 3)[1] == running_keys("Страница 4 из 10", 4)[1]
    assert not set(running_keys("Таблица 7", 3)) & set(running_keys("Таблица 9", 4))


def test_password_candidates_include_saslprep() -> None:
    assert password_candidates(None) == [None]
    assert password_candidates("abc") == ["abc"]
    assert password_candidates("S\u00aaSL\u00adprep") == ["S\u00aaSL\u00adprep", "SaSLprep"]
