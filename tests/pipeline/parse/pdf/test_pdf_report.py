"""The PDF parser on real PDFs built with reportlab and DejaVu: paragraphs, headings, running
headers and footers, tables, scans, hyphenation and the registry's choice."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdf_fixtures as fx
import pypdfium2 as pdfium
import pytest
from pdf_fixtures import parse

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import choose_parser
from pipeline.parse.base import EXTENSION_SCORE, MAGIC_SCORE, Source
from pipeline.parse.options import ParseOptions
from pipeline.parse.pdf.parser import PdfParser


def summary(document: Document) -> list[tuple[Any, ...]]:
    """Blocks as (kind, page, paragraph, level, text): what the reader of the archive sees."""
    return [(b.kind, b.page, b.paragraph, b.level, b.text) for b in document.blocks]


# ---- the Russian report: paragraphs, heading, running header and footer ----------------------


def test_report_blocks_in_reading_order(report: Path) -> None:
    paragraphs = fx.REPORT_PARAGRAPHS
    assert summary(parse(report)) == [
        ("header", 1, None, None, fx.REPORT_HEADER),
        ("heading", 1, 1, 1, fx.REPORT_HEADING),
        ("paragraph", 1, 2, None, paragraphs[0][0]),
        ("paragraph", 1, 3, None, paragraphs[0][1]),
        ("footer", 1, None, None, "Страница 1 из 3"),
        ("paragraph", 2, 4, None, paragraphs[1][0]),
        ("paragraph", 2, 5, None, paragraphs[1][1]),
        ("paragraph", 3, 6, None, paragraphs[2][0]),
        ("paragraph", 3, 7, None, paragraphs[2][1]),
    ]


def test_report_metadata(report: Path) -> None:
    document = parse(report)
    assert (document.title, document.author, document.pages) == (
        fx.REPORT_TITLE,
        fx.REPORT_AUTHOR,
        3,
    )
    assert document.media_type == "application/pdf"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", document.created or "")
    assert document.properties["encrypted"] is False
    assert document.problems == []


def test_text_pages_never_search_tables(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("table search ran on a page without rulings")

    monkeypatch.setattr("pipeline.parse.pdf.tables.find_tables", refuse)
    assert len(parse(report).blocks) == 9


def test_every_page_is_closed(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[int] = []
    original = pdfium.PdfPage.close

    def counting_close(self: Any, *args: Any, **kwargs: Any) -> Any:
        closed.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfPage, "close", counting_close)
    parse(report)
    assert len(closed) == 3


# ---- tables, scans, hyphenation --------------------------------------------------------------


def test_ruled_table_becomes_cells(table_pdf: Path) -> None:
    document = parse(table_pdf)
    cells = [
        (b.table, b.row, b.col, b.page, b.text) for b in document.blocks if b.kind == "table_cell"
    ]
    assert cells == [
        (0, r, c, 1, text)
        for r, row in enumerate(fx.TABLE_ROWS)
        for c, text in enumerate(row)
    ]
    assert [b.kind for b in document.blocks] == ["paragraph"] + ["table_cell"] * 9 + ["paragraph"]
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    assert paragraphs == [fx.TABLE_BEFORE, fx.TABLE_AFTER]


def test_table_drawn_as_cell_boxes(pdf_dir: Path) -> None:
    document = parse(fx.boxed_table(pdf_dir / "boxed.pdf"))
    assert [(b.kind, b.table, b.row, b.col, b.text) for b in document.blocks] == [
        ("table_cell", 0, r, c, text)
        for r, row in enumerate(fx.BOXED_ROWS)
        for c, text in enumerate(row)
    ]


def test_framed_note_is_not_a_table(pdf_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("table search ran on a page with only a frame")

    monkeypatch.setattr("pipeline.parse.pdf.tables.find_tables", refuse)
    document = parse(fx.framed_note(pdf_dir / "note.pdf"))
    assert [b.text for b in document.blocks] == [fx.NOTE_TEXT, fx.NOTE_BODY]


def test_page_without_text_is_marked_for_ocr(image_pdf: Path) -> None:
    """With OCR off; tests/pipeline/parse/ocr/test_ocr_pdf.py reads such pages with OCR on."""
    document = PdfParser().parse(Source.from_path(image_pdf, options=ParseOptions(ocr=False)))
    assert [(b.kind, b.page, b.text, b.needs_ocr) for b in document.blocks] == [
        ("paragraph", 1, fx.SCANNED_TEXT, False),
        ("paragraph", 2, "", True),
    ]
    assert document.problems == ["1 page has no text layer and needs OCR"]


def test_words_broken_at_line_ends_are_mended(pdf_dir: Path) -> None:
    document = parse(fx.hyphenated(pdf_dir / "hyphenated.pdf"))
    assert [b.text for b in document.blocks] == [fx.HYPHENATED_TEXT]


def test_rotated_pages_read_upright(pdf_dir: Path) -> None:
    """Regression: on a page with /Rotate, every character came out as its own paragraph."""
    document = parse(fx.rotated(pdf_dir / "rotated.pdf"))
    paragraph = " ".join(fx.ROTATED_LINES)
    assert summary(document) == [
        ("header", 1, None, None, fx.ROTATED_HEADER),
        ("paragraph", 1, 1, None, paragraph),
        ("paragraph", 1, 2, None, "Страница повёрнута на 90 градусов."),
        ("paragraph", 2, 3, None, paragraph),
        ("paragraph", 2, 4, None, "Страница повёрнута на 180 градусов."),
        ("paragraph", 3, 5, None, paragraph),
        ("paragraph", 3, 6, None, "Страница повёрнута на 270 градусов."),
    ]


def test_blank_pdf_is_a_finding_not_a_success(pdf_dir: Path) -> None:
    path = pdf_dir / "blank.pdf"
    canvas = fx.Canvas(str(path))
    canvas.showPage()
    canvas.save()
    document = parse(path)
    assert document.blocks == []
    assert document.problems == ["no text extracted"]


def test_junk_before_the_header_is_accepted(report: Path, pdf_dir: Path) -> None:
    path = pdf_dir / "prefixed.bin"
    path.write_bytes(b"From: gateway\r\n" * 20 + report.read_bytes())
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == MAGIC_SCORE
    assert isinstance(choose_parser(source), PdfParser)
    assert summary(PdfParser().parse(source)) == summary(parse(report))


def test_text_mentioning_the_magic_is_not_taken_for_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"A PDF file starts with %PDF-1.7 and ends with a trailer.\n" * 3)
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == 0


def test_score_by_extension_only(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"not really a pdf")
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == EXTENSION_SCORE
    with pytest.raises(InputError, match=r"^corrupt PDF: "):
        PdfParser().parse(source)
