"""Real files for the OCR tests, built from known text.

Scans are rendered with the DejaVu font (Debian fonts-dejavu-core) at 300 dpi, so what OCR
should read back is known exactly.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.parse.ocr.accuracy import char_accuracy  # noqa: F401 - the tests use fx.char_accuracy


def _tesseract_packs() -> set[str]:
    if shutil.which("tesseract") is None:
        return set()
    from pipeline.parse.ocr.languages import installed_packs

    return set(installed_packs())


requires_tesseract = pytest.mark.skipif(
    not {"rus", "eng", "ukr"} <= _tesseract_packs(),
    reason="Tesseract with Russian, Ukrainian and English packs is not installed (apt-get "
    "install -y tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-eng)",
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DPI = 300
MARGIN = 200

RUSSIAN = [
    "Протокол заседания Совета Международной ассамблеи столиц и крупных городов.",
    "Председательствовал мэр города Москвы. На заседании присутствовали представители "
    "Минска, Астаны, Бишкека, Душанбе, Еревана и Ташкента. Слушали доклад о состоянии "
    "городского водоснабжения и о подготовке к отопительному сезону 2025 года.",
]
#: "Российской Федерации" with a Cyrillic font that has no Unicode map: cp1251 minus 0x86.
GARBAGE_EXAMPLE = "Jhkkbckdhc N_^_jZpbb"


def shifted(text: str) -> str:
    """What such a font extracts as: each cp1251 byte of a Cyrillic letter minus 0x86."""
    return "".join(chr(b - 0x86) if b >= 0xC0 else chr(b) for b in text.encode("cp1251"))


def render_page(paragraphs: list[str], width: int = 2480, size: int = 42, wrap: int = 72) -> Image.Image:
    """A white grey-scale page at 300 dpi with the paragraphs typeset, one blank line apart."""
    font = ImageFont.truetype(FONT, size)
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, wrap) + [""])
    step = int(size * 1.6)
    image = Image.new("L", (width, 2 * MARGIN + step * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + number * step), line, font=font, fill=0)
    return image


def scan_pdf(path: Path, pages: list[Image.Image]) -> Path:
    """A PDF whose pages are only images (no text layer), as a scanner makes them."""
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path


def pdf_with_text_layer(path: Path, image: Image.Image, layer: str) -> Path:
    """A scan with an invisible text layer (render mode 3), as OCR software writes one."""
    width, height = image.width * 72 / DPI, image.height * 72 / DPI
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    pdf.drawImage(ImageReader(image), 0, 0, width=width, height=height)
    text = pdf.beginText(MARGIN * 72 / DPI, height - MARGIN * 72 / DPI - 10)
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 10)
    for line in textwrap.wrap(layer, 90):
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return path
