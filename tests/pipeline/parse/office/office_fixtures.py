"""Real files for the legacy-office tests, built from known text.

The ODT and the cp1251 RTF are written by hand, byte by byte as their formats define them, so
the tests need LibreOffice only to read them, not to make them; the binary .doc can only be made
by LibreOffice (see conftest).
"""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

requires_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed (apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui)",
)

#: real LibreOffice conversions in tests: generous, the machine running them may be busy.
TEST_CONVERT_TIMEOUT = 900.0


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
