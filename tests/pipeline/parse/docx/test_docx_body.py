"""The DOCX parser on a report built with python-docx: blocks in reading order, list
labels, tables, metadata, and the registry's choice."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_fixtures import (
    REPORT_AUTHOR,
    REPORT_TITLE,
    Row,
    build_plain,
    layout,
    parse,
)

from pipeline.parse import choose_parser
from pipeline.parse.base import MAGIC_SCORE, Source
from pipeline.parse.docx.numbering import format_number
from pipeline.parse.docx.parser import DOCX_MEDIA_TYPE, DocxParser

REPORT_LAYOUT: list[Row] = [
    ("heading", "Ассамблея", 0, None, None, None, None, 1),
    ("heading", "Introduction", 1, None, None, None, None, 2),
    ("paragraph", "First paragraph.", None, None, None, None, None, 3),
    ("heading", "Повестка дня", 2, None, None, None, None, 4),
    ("heading", "Resolved", 3, None, None, None, None, 5),
    ("heading", "Outline only", 4, None, None, None, None, 6),
    ("paragraph", "Tab\there\nnext line", None, None, None, None, None, 7),
    ("list_item", "One", None, "1.", None, None, None, 8),
    ("list_item", "Two", None, "2.", None, None, None, 9),
    ("list_item", "Point", None, "•", None, None, None, 10),
    ("list_item", "Первый", None, "а)", None, None, None, 11),
    ("list_item", "Второй", None, "б)", None, None, None, 12),
    ("list_item", "Вложенный", None, "б.1.", None, None, None, 13),
    ("list_item", "Пятый", None, "д)", None, None, None, 14),
    ("table_cell", "Merged across", None, None, 0, 0, 0, 15),
    ("table_cell", "C", None, None, 0, 0, 2, 16),
    ("table_cell", "D\nD2", None, None, 0, 1, 0, 17),
    ("table_cell", "E", None, None, 0, 1, 1, 18),
    ("table_cell", "Merged down", None, None, 0, 1, 2, 19),
    ("table_cell", "G", None, None, 0, 2, 0, 20),
    ("table_cell", "in1", None, None, 1, 0, 0, 21),
    ("table_cell", "in2", None, None, 1, 0, 1, 22),
    ("paragraph", "After the table.", None, None, None, None, None, 23),
    ("paragraph", "Second section.", None, None, None, None, None, 24),
    ("header", "Шапка", None, None, None, None, None, None),
    ("footer", "Подвал", None, None, None, None, None, None),
    ("header", "Титул", None, None, None, None, None, None),
]


def test_report_blocks_in_reading_order(report: Path) -> None:
    assert layout(parse(report)) == REPORT_LAYOUT


def test_report_metadata(report: Path) -> None:
    document = parse(report)
    assert document.title == REPORT_TITLE
    assert document.author == REPORT_AUTHOR
    assert document.created == "2024-05-17T09:30:00+00:00"
    assert document.modified == "2024-05-18T12:00:00+00:00"
    assert document.media_type == DOCX_MEDIA_TYPE
    assert document.problems == []
    assert [b.order for b in document.blocks] == list(range(len(REPORT_LAYOUT)))


def test_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    path = build_plain(tmp_path / "plain.docx", ["Текст."], heading="О бюджете")
    document = parse(path)
    assert document.title == "О бюджете"
    assert layout(document) == [
        ("heading", "О бюджете", 2, None, None, None, None, 1),
        ("paragraph", "Текст.", None, None, None, None, None, 2),
    ]


def test_empty_document_is_a_finding(tmp_path: Path) -> None:
    document = parse(build_plain(tmp_path / "empty.docx", ["", "   "]))
    assert document.blocks == []
    assert document.problems == ["no text found"]


def test_registry_prefers_docx_for_a_word_zip(report: Path, tmp_path: Path) -> None:
    source = Source.from_path(report)
    assert DocxParser().score(source, source.head()) > MAGIC_SCORE
    assert isinstance(choose_parser(source), DocxParser)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    other_source = Source.from_path(other)
    assert DocxParser().score(other_source, other_source.head()) == MAGIC_SCORE


@pytest.mark.parametrize(
    ("number", "fmt", "label"),
    [
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (3, "russianLower", "в"),
        (29, "russianUpper", "АА"),
        (7, "decimalZero", "07"),
        (5, "ordinal", "5"),
        (10**9, "lowerLetter", "1000000000"),
    ],
)
def test_number_formats(number: int, fmt: str, label: str) -> None:
    assert format_number(number, fmt) == label
