"""Plain-text and HTML parsing: encodings (the legacy Russian code pages above all) and layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import choose_parser
from pipeline.parse.base import Source
from pipeline.parse.text.encoding import cyrillic_score, declared_html_charset, decode_text
from pipeline.parse.text.parser import HtmlParser, TextParser

Parse = Callable[..., Document]

# Characters every one of cp1251, KOI8-R and cp866 can encode (no «» or dashes in KOI8/cp866).
RUSSIAN = [
    "Совет Ассамблеи рассмотрел вопрос о водоснабжении столиц и крупных городов.",
    "Всё больше городов переходят на учёт воды в режиме реального времени, "
    "а потери в сетях снижаются.",
    "Решение номер 12 принято: за - 25, против - 0, воздержались - 2.",
]
RUSSIAN_TEXT = "\n\n".join(RUSSIAN) + "\n"


def blocks(document: Document) -> list[tuple[object, ...]]:
    """Kind, text and the structural fields that are set, for exact comparisons."""
    out: list[tuple[object, ...]] = []
    for b in document.blocks:
        extra = (b.level, b.list_label, b.table, b.row, b.col)
        out.append((b.kind, b.text, *[x for x in extra if x is not None]))
    return out


# -- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "recorded"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("cp1251", "cp1251"),
        ("koi8_r", "koi8-r"),
        ("cp866", "cp866"),
    ],
)
def test_russian_text_decodes_exactly_in_each_encoding(
    parse_bytes: Parse, codec: str, recorded: str
) -> None:
    data = RUSSIAN_TEXT.encode(codec)
    assert decode_text(data).text.lstrip("\ufeff") == RUSSIAN_TEXT
    document = parse_bytes(data)
    assert document.properties["encoding"] == recorded
    assert [b.text for b in document.blocks] == RUSSIAN
    assert [b.kind for b in document.blocks] == ["paragraph"] * 3


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "cp866"])
def test_single_russian_sentence_is_enough(codec: str) -> None:
    sentence = "Протокол заседания Совета Ассамблеи"
    assert decode_text(sentence.encode(codec)).text == sentence


def test_typographic_cp1251_text_with_quotes_and_dashes() -> None:
    text = "Доклад МП «Водоканал города Рязани» — № 7, 2025 г.\r\n"
    decoded = decode_text(text.encode("cp1251"))
    assert (decoded.encoding, decoded.text) == ("cp1251", text)


def test_ukrainian_cp1251_text() -> None:
    text = "Київ підтримує партнерські зв'язки; ґрунтовний аналіз, єдиний календар."
    decoded = decode_text(text.encode("cp1251"))
    assert (decoded.encoding, decoded.text) == ("cp1251", text)


def test_ukrainian_koi8_u_text() -> None:
    text = "Київ підтримує партнерські зв'язки з містами; єдиний календар подій, ґанок музею."
    decoded = decode_text(text.encode("koi8_u"))
    assert (decoded.encoding, decoded.text) == ("koi8-u", text)


ROMANIAN = (
    "Primăria municipiului Chişinău a organizat şedinţa consiliului, în prezenţa delegaţiilor."
)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Café crème et brûlée à la carte, déjà vu au théâtre de l'Opéra.", "cp1252"),
        (ROMANIAN, "cp1250"),
    ],
)
def test_latin_legacy_text_is_left_to_charset_normalizer(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec)).text == text


def test_koi8_read_as_cp1251_scores_low() -> None:
    """The KOI8-R/cp1251 swap inverts letter case: "пРОТОКОЛ" must lose to "Протокол"."""
    data = "Протокол заседания Совета".encode("koi8_r")
    assert cyrillic_score(data.decode("koi8_r")) > cyrillic_score(data.decode("cp1251")) + 3


def test_utf16_without_bom_is_text() -> None:
    decoded = decode_text("Минск и Бишкек: city cooperation".encode("utf-16-le"))
    assert (decoded.encoding, decoded.text) == ("utf-16-le", "Минск и Бишкек: city cooperation")


def test_binary_with_nul_bytes_is_refused(parse_bytes: Parse) -> None:
    with pytest.raises(InputError, match="not a text file"):
        parse_bytes(b"\x7fBIN\x00\x00\x00\rDATA\x00\x01\x02\xff\xfe\x00" * 4, "data.txt")


def test_a_broken_image_named_txt_is_read_as_an_image(parse_bytes: Parse) -> None:
    with pytest.raises(InputError, match="corrupt image"):
        parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02\xff\xfe\x00", "image.txt")


def test_whitespace_only_file_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b" \r\n\r\n\t\n")
    document = TextParser().parse(Source.from_path(path))
    assert document.blocks == []
    assert document.problems == ["no text found"]
    assert document.properties["encoding"] == "ascii"


# -- plain-text layout ------------------------------------------------------------------------


def test_plain_text_layout(parse_bytes: Parse) -> None:
    text = (
        "ПОВЕСТКА ДНЯ\r\n\r\n"
        "1. Водоснабжение\r\n\r\n"
        "Совет рассмотрел доклад\r\nо водоснабжении Рязани. Доклад принят.\r\n"
        "Следующий вопрос перенесён.\r\n\r\n"
        "Программа включает:\r\n1) пленарное заседание;\r\n2) круглый стол.\r\n"
        "- посещение водоканала\r\n\r\n"
        "  Абзац с красной строки\r\nпродолжается здесь,\r\n  а новый начинается с отступа.\r\n"
    )
    document = parse_bytes(text.encode("cp1251"))
    assert blocks(document) == [
        ("heading", "ПОВЕСТКА ДНЯ", 1),
        ("heading", "1. Водоснабжение", 1),
        ("paragraph", "Совет рассмотрел доклад о водоснабжении Рязани. Доклад принят."),
        ("paragraph", "Следующий вопрос перенесён."),
        ("paragraph", "Программа включает:"),
        ("list_item", "пленарное заседание;", "1)"),
        ("list_item", "круглый стол.", "2)"),
        ("list_item", "посещение водоканала", "•"),
        ("paragraph", "Абзац с красной строки продолжается здесь,"),
        ("paragraph", "а новый начинается с отступа."),
    ]
    assert [b.paragraph for b in document.blocks] == list(range(1, 11))


def test_markdown_headings(parse_bytes: Parse) -> None:
    text = "# Доклад\n\n## Итоги 2024 года\nТекст доклада.\n"
    assert blocks(parse_bytes(text.encode(), "report.md")) == [
        ("heading", "Доклад", 1),
        ("heading", "Итоги 2024 года", 2),
        ("paragraph", "Текст доклада."),
    ]


def test_csv_is_one_table(parse_bytes: Parse) -> None:
    text = "Город;Население\nРязань;530 000\nМинск;2 000 000\n"
    document = parse_bytes(text.encode("cp1251"), "cities.csv")
    assert document.media_type == "text/csv"
    assert blocks(document) == [
        ("table_cell", "Город", 0, 0, 0),
        ("table_cell", "Население", 0, 0, 1),
        ("table_cell", "Рязань", 0, 1, 0),
        ("table_cell", "530 000", 0, 1, 1),
        ("table_cell", "Минск", 0, 2, 0),
        ("table_cell", "2 000 000", 0, 2, 1),
    ]


# -- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="windows-1251"><title>Протокол &amp; повестка</title>
<style>p { color: red }</style><script>document.write("<p>скрипт</p>")</script></head>
<body><h1>Протокол № 12</h1><div>Место: г. Москва&nbsp;&mdash; 9 апреля</div>
<p>Первый абзац<br>вторая строка<p>Второй абзац</p>
<h2>Повестка дня</h2>
<ol><li>Водоснабжение<li>Информатизация<ul><li>платформа услуг</ul><li>Туризм</ol>
<table><tr><th>Город<th>Голоса</tr><tr><td>Минск</td><td><p>за</p><p>25</p></td></tr>
<tr><td colspan="2">Итого</td></tr></table>
<h3>Итог</h3>Решение принято.</body></html>
"""


def test_html_structure(parse_bytes: Parse) -> None:
    document = parse_bytes(PAGE.encode("cp1251"), "minutes.html")
    assert document.properties == {"encoding": "cp1251", "html_lang": "ru"}
    assert document.title == "Протокол & повестка"
    assert blocks(document) == [
        ("heading", "Протокол № 12", 1),
        ("paragraph", "Место: г. Москва — 9 апреля"),
        ("paragraph", "Первый абзац\nвторая строка"),
        ("paragraph", "Второй абзац"),
        ("heading", "Повестка дня", 2),
        ("list_item", "Водоснабжение", "1."),
        ("list_item", "Информатизация", "2."),
        ("list_item", "платформа услуг", "•"),
        ("list_item", "Туризм", "3."),
        ("table_cell", "Город", 0, 0, 0),
        ("table_cell", "Голоса", 0, 0, 1),
        ("table_cell", "Минск", 0, 1, 0),
        ("table_cell", "за\n25", 0, 1, 1),
        ("table_cell", "Итого", 0, 2, 0),
        ("heading", "Итог", 3),
        ("paragraph", "Решение принято."),
    ]


def test_html_http_equiv_charset_is_honoured() -> None:
    head = b'<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">'
    assert declared_html_charset(head) == "koi8-r"
    page = head + "<p>Ассамблея</p>".encode("koi8_r")
    assert decode_text(page, declared_html_charset(page)).encoding == "koi8-r"


@pytest.mark.parametrize("charset", ["uu", "base64", "zlib", "rot13"])
def test_a_declared_codec_that_is_no_text_encoding_is_ignored(charset: str) -> None:
    """Python knows these names, but as bytes-to-bytes codecs: `bytes.decode` raised
    LookupError out of the parser (found by fuzzing). The page is read by guessing instead."""
    page = f'<html><head><meta charset="{charset}"></head>'.encode() + "<p>Ассамблея</p>".encode(
        "cp1251")
    decoded = decode_text(page, declared_html_charset(page))
    assert decoded.encoding == "cp1251" and "<p>Ассамблея</p>" in decoded.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>"),
        ("page", b"\xef\xbb\xbf\n  <!-- saved -->\n<HTML LANG=ru><p>x</p>"),
        ("page.bin", "<html><p>x</p></html>".encode("utf-16")),
    ],
)
def test_html_is_recognised_by_its_start(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    parser = choose_parser(Source.from_path(path))
    assert isinstance(parser, HtmlParser)
    assert [b.text for b in parser.parse(Source.from_path(path)).blocks] == ["x"]


def test_text_is_not_taken_for_html(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Тег <html> описан ниже.".encode())
    assert isinstance(choose_parser(Source.from_path(path)), TextParser)


def test_html_without_text_is_a_finding(parse_bytes: Parse) -> None:
    document = parse_bytes(b"<html><head><title>Empty</title></head><body></body></html>", "e.html")
    assert (document.title, document.blocks, document.problems) == ("Empty", [], ["no text found"])


# -- the shared corpus, read in place ----------------------------------------------------------


def test_shared_cp1251_equals_its_utf8_twin(shared_corpus: Path, parse_bytes: Parse) -> None:
    legacy = (shared_corpus / "text" / "dedoc__cp1251.txt").read_bytes()
    modern = (shared_corpus / "text" / "dedoc__utf8.txt").read_bytes()
    assert decode_text(legacy).encoding == "cp1251"
    assert decode_text(legacy).text == modern.decode("utf-8")
    source = Source.from_path(shared_corpus / "text" / "dedoc__cp1251.txt")
    twin = Source.from_path(shared_corpus / "text" / "dedoc__utf8.txt")
    assert blocks(TextParser().parse(source)) == blocks(TextParser().parse(twin))


def test_shared_koi8_html(shared_corpus: Path) -> None:
    source = Source.from_path(shared_corpus / "text" / "dedoc__example_koi.html")
    document = choose_parser(source).parse(source)
    assert document.properties["encoding"] == "koi8-r"
    assert [(b.text, b.level) for b in document.blocks if b.kind == "heading"] == [
        ("Пример документа", 1),
        ("Глава 1", 2),
        ("Статья 1", 3),
        ("Статья 2", 3),
    ]
    items = [(b.list_label, b.text) for b in document.blocks if b.kind == "list_item"]
    assert items == [
        ("•", "1.2.1. Поясним за непонятное"),
        ("•", "1.2.2. Поясним за понятное"),
        ("a.", "это даже ежу понятно"),
        ("b.", "это ежу не понятно"),
        ("•", "1.2.3."),
    ]
    cells = {(b.table, b.row, b.col): b.text for b in document.blocks if b.kind == "table_cell"}
    assert (cells[(0, 0, 5)], cells[(1, 2, 1)], cells[(1, 3, 2)]) == (
        "Примечания",
        "Пётр",
        "Сидорович",
    )


def test_shared_cp866_poem(shared_corpus: Path) -> None:
    source = Source.from_path(shared_corpus / "text" / "tika__russian.cp866.txt")
    document = choose_parser(source).parse(source)
    assert document.properties["encoding"] == "cp866"
    assert document.blocks[0].text == (
        "Однажды, в студеную зимнюю пору, Я из лесу вышел; был сильный мороз."
    )
    assert "Лошадку ведет под уздцы мужичок" in document.text
