"""Real files for the OCR and legacy-office tests, built from known text.

Scans are rendered with the DejaVu font (Debian fonts-dejavu-core) at 300 dpi, so what OCR
should read back is known exactly. The ODT and the cp1251 RTF are written by hand, byte by
byte as their formats define them, so the tests need LibreOffice only to read them, not to
make them; the binary .doc can only be made by LibreOffice (see conftest).
"""

from __future__ import annotations

import io
import shutil
import textwrap
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.ocr.accuracy import char_accuracy  # noqa: F401 - the tests use fx.char_accuracy


def _tesseract_packs() -> set[str]:
    if shutil.which("tesseract") is None:
        return set()
    from pipeline.ocr.languages import installed_packs

    return set(installed_packs())


requires_tesseract = pytest.mark.skipif(
    not {"rus", "eng", "ukr"} <= _tesseract_packs(),
    reason="Tesseract with Russian, Ukrainian and English packs is not installed (apt-get "
    "install -y tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-eng)",
)
requires_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed (apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui)",
)

#: real LibreOffice conversions in tests: generous, the machine running them may be busy.
TEST_CONVERT_TIMEOUT = 900.0

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


# ---- ODT, by hand ------------------------------------------------------------------------

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>'
)


def odt_bytes(heading: str, paragraphs: list[str], cells: list[list[str]]) -> bytes:
    """An ODT text document: a level-1 heading, paragraphs and a table."""
    rows = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in row) + "</table:table-row>" for row in cells)
    body = (f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{heading}</text:h>'
            + "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
            + f'<table:table table:name="T1"><table:table-column table:number-columns-repeated='
            f'"{len(cells[0])}"/>{rows}</table:table>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} '
               f'office:version="1.2"><office:body><office:text>{body}</office:text>'
               '</office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# ---- RTF in cp1251, by hand --------------------------------------------------------------


def rtf_escape(text: str) -> str:
    """Non-ASCII as cp1251 bytes in \\'xx escapes, as Russian Word writes its RTF."""
    out = []
    for char in text:
        if ord(char) < 128:
            out.append("\\" + char if char in "\\{}" else char)
        else:
            out.append("".join(f"\\'{b:02x}" for b in char.encode("cp1251")))
    return "".join(out)


def rtf_cp1251(heading: str, paragraphs: list[str], cells: list[str]) -> bytes:
    """An RTF with \\ansicpg1251, a "heading 1" paragraph, paragraphs and a one-row table."""
    parts = [
        "{\\rtf1\\ansi\\ansicpg1251\\deff0\\deflang1049",
        "{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}}",
        "{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0\\b\\fs32 heading 1;}}",
        f"\\pard\\plain\\s1\\outlinelevel0\\b\\fs32 {rtf_escape(heading)}\\par",
    ]
    parts += [f"\\pard\\plain\\s0\\fs24 {rtf_escape(p)}\\par" for p in paragraphs]
    edges = "".join(f"\\cellx{3000 * (i + 1)}" for i in range(len(cells)))
    row = "".join(f"{rtf_escape(c)}\\cell " for c in cells)
    parts.append(f"\\trowd{edges}\\pard\\plain\\intbl {row}\\row")
    parts.append("\\pard\\par}")
    return "\n".join(parts).encode("ascii")
