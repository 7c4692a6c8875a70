"""OCR inside the PDF parser, with the real Tesseract: scans and garbage text layers."""

from __future__ import annotations

from pathlib import Path

import ocr_fixtures as fx

import pipeline.parse as registry
from bench.ocr import TEXTS
from corpus.model import Document
from pipeline.parse.base import Source
from pipeline.parse.ocr.pdf_pages import ocr_pdf_pages, pages_to_ocr
from pipeline.parse.options import ParseOptions
from pipeline.parse.pdf.parser import PdfParser

pytestmark = fx.requires_tesseract

MALFORMED = "the text layer's words are malformed (a font without a Unicode map or poor OCR)"
UKRAINIAN = [
    "Протокол засідання Ради Міжнародної асамблеї столиць і великих міст. Головував мер "
    "міста Києва. Слухали доповідь про стан міського водопостачання і про підготовку до "
    "опалювального сезону. Ухвалили: схвалити доповідь і доручити секретаріату підготувати "
    "зведену довідку.",
]


def _parsed(path: Path, **options: object) -> Document:
    return PdfParser().parse(Source.from_path(path, options=ParseOptions(**options)))  # type: ignore[arg-type]


def test_russian_scan_in_a_pdf_is_read_back(tmp_path: Path) -> None:
    path = fx.scan_pdf(tmp_path / "scan.pdf", [fx.render_page(fx.RUSSIAN)])
    unread = _parsed(path, ocr=False)
    assert [(b.page, b.needs_ocr, b.text) for b in unread.blocks] == [(1, True, "")]

    document = registry.parse(Source.from_path(path))

    assert fx.char_accuracy(" ".join(fx.RUSSIAN), document.text) >= 0.95
    assert {(b.kind, b.page, b.ocr, b.needs_ocr) for b in document.blocks} == {
        ("paragraph", 1, True, False)}
    assert all(b.confidence is not None and b.confidence > 0.8 for b in document.blocks)
    assert [b.paragraph for b in document.blocks] == list(range(1, len(document.blocks) + 1))
    assert document.problems == []
    assert document.properties["ocr"] == {"pages": [1], "packs": ["rus+eng"],
                                          "replaced_text_layer": []}


def test_garbage_cyrillic_text_layer_is_detected_and_read_again(tmp_path: Path) -> None:
    image = fx.render_page(fx.RUSSIAN)
    layer = fx.shifted(" ".join(fx.RUSSIAN))
    path = fx.pdf_with_text_layer(tmp_path / "broken-font.pdf", image, layer)
    unread = _parsed(path, ocr=False)
    assert "Ijhlhdhe aZk_^Zgby" in unread.text  # what the broken font extracts as
    assert pages_to_ocr(unread) == {1: MALFORMED}

    document = _parsed(path)

    assert fx.char_accuracy(" ".join(fx.RUSSIAN), document.text) >= 0.95
    assert all(b.ocr for b in document.blocks)
    assert document.properties["ocr"]["replaced_text_layer"] == [[1, MALFORMED]]


def test_ukrainian_scan_is_read_with_the_ukrainian_pack(tmp_path: Path) -> None:
    """Nothing declared: the first reading (Russian) is recognised as Ukrainian and redone."""
    path = fx.scan_pdf(tmp_path / "uk.pdf", [fx.render_page(UKRAINIAN)])
    document = _parsed(path)
    assert document.properties["ocr"]["packs"] == ["ukr+eng"]
    assert fx.char_accuracy(" ".join(UKRAINIAN), document.text) >= 0.95


def test_kazakh_scan_is_read_with_the_kazakh_pack(tmp_path: Path) -> None:
    """Read with the Russian pack, Kazakh was identified as Kyrgyz and read with the Kyrgyz
    pack (accuracy 0.90); asked again of that reading, the language is Kazakh, and the page is
    read with the Kazakh pack."""
    kazakh = [TEXTS["kk"]]
    path = fx.scan_pdf(tmp_path / "kk.pdf", [fx.render_page(kazakh)])
    document = _parsed(path)
    assert document.properties["ocr"]["packs"] == ["kaz+eng"]
    assert fx.char_accuracy(TEXTS["kk"], document.text) >= 0.97


def test_declared_languages_choose_the_packs(tmp_path: Path) -> None:
    path = fx.scan_pdf(tmp_path / "uk.pdf", [fx.render_page(UKRAINIAN)])
    document = _parsed(path, ocr_languages=("uk",))
    assert document.properties["ocr"]["packs"] == ["ukr+eng"]


def test_pages_outside_the_pdf_are_skipped(tmp_path: Path) -> None:
    path = fx.scan_pdf(tmp_path / "one.pdf", [fx.render_page(["Минск"])])
    assert ocr_pdf_pages(path, [0, 2, 7], "ru") == {}
