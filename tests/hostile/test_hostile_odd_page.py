"""One page Tesseract refuses (a strip of 14,400 × 2 points renders 60,001 pixels long, past
its limit) is recorded as a page that could not be read; the PDF's good page is kept and the
document is partial, never failed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.parse import registry
from pipeline.parse.base import Source

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")


def odd_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    for line in range(20):
        pdf.drawString(72, 760 - 18 * line,
                       f"Water supply report, line {line}: the treatment plant was rebuilt.")
    pdf.showPage()
    pdf.setPageSize((14400, 2))
    pdf.rect(10, 0.5, 14000, 1, fill=1)  # no text: the page goes to OCR
    pdf.showPage()
    pdf.save()
    return path


def test_a_page_tesseract_refuses_leaves_the_document_partial(tmp_path: Path) -> None:
    document = registry.parse(Source.from_path(odd_pdf(tmp_path / "odd.pdf")))
    document.finish()  # as the batch worker does
    assert document.status == "partial"
    assert document.problems == ["OCR failed on page(s) 2: OCR failed: Image too large: "
                                 "(60001, 9) Error during processing."]
    first = [b for b in document.blocks if b.page == 1]
    assert first[0].text.startswith("Water supply report, line 0")
    assert "line 19: the treatment plant was rebuilt." in document.text
    assert not any(b.ocr for b in document.blocks)
