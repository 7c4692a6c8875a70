"""Hostile PDFs written byte by byte, each a valid file apart from the one trap it sets.

A real writer would never produce these, so they are built here by hand: a tiny object writer
with a correct cross-reference table (so pdfium reads the file as written instead of
repairing it), and one builder per trap.
"""

from __future__ import annotations

#: a page's content stream that shows one line of text with a standard font.
HELLO = b"BT /F1 12 Tf 72 720 Td (Hello from a hostile file) Tj ET"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body with its /Length (and any extra dictionary entries)."""
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def write_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object n+1 is `objects[n]`, with an exact xref table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def plain_pdf() -> bytes:
    """One page of text: the control case every trap is a variation of."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(HELLO),
        _FONT,
    ])


def cyclic_page_tree() -> bytes:
    """A Pages node whose Kids hold itself and its parent, beside one real page."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R 4 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        stream(HELLO),
        _FONT,
    ])


def cyclic_page_tree_only() -> bytes:
    """A page tree that is nothing but a loop: two Pages nodes, each the other's only kid."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def _page_drawing_x0(form: bytes, times: int = 1) -> bytes:
    """One page that draws the form object 5 (`/X0` in its resources) `times` times."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> /XObject << /X0 5 0 R >> >> >>",
        stream(HELLO + b" /X0 Do" * times),
        form,
        _FONT,
    ])


def self_drawing_xobject() -> bytes:
    """A Form XObject whose content draws itself (`/X0 Do` inside X0), drawn by the page."""
    form = stream(b"BT /F1 12 Tf 72 700 Td (inside the form) Tj ET /X0 Do",
                  b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                  b"/Resources << /XObject << /X0 5 0 R >> /Font << /F1 6 0 R >> >> ")
    return _page_drawing_x0(form)


def mutually_drawing_xobjects() -> bytes:
    """Two Form XObjects that draw each other (A draws B, B draws A)."""
    resources = b"/Resources << /XObject << /A 5 0 R /B 6 0 R >> >> "
    kind = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 7 0 R >> /XObject << /A 5 0 R >> >> >>",
        stream(HELLO + b" /A Do"),
        stream(b"/B Do", kind + resources),
        stream(b"/A Do", kind + resources),
        _FONT,
    ])


def deeply_nested(depth: int = 100_000, opener: bytes = b"[", closer: bytes = b"]") -> bytes:
    """A page dictionary carrying an array (or dictionary) nested `depth` levels deep."""
    nested = opener * depth + closer * depth
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Deep " + nested + b" >>",
        stream(HELLO),
        _FONT,
    ])


def deeply_nested_dicts(depth: int = 100_000) -> bytes:
    """Dictionaries nested `depth` levels deep (`<< /A << /A ... >> >>`)."""
    return deeply_nested(depth, b"<< /A ", b" >>")


def deeply_nested_content(depth: int = 100_000) -> bytes:
    """A content stream whose operands are arrays nested `depth` deep, then saved states."""
    content = b"[" * depth + b"]" * depth + b" pop " + b"q " * depth + HELLO + b" Q" * depth
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        _FONT,
    ])


def self_drawing_xobject_twice() -> bytes:
    """A ruled Form XObject that draws itself twice: a naive walk doubles at every level."""
    lines = b"0 0 m 600 0 l S 0 100 m 600 100 l S 0 0 m 0 100 l S 600 0 m 600 100 l S"
    form = stream(lines + b" BT /F1 9 Tf 10 50 Td (cell) Tj ET /X0 Do /X0 Do",
                  b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                  b"/Resources << /XObject << /X0 5 0 R >> /Font << /F1 6 0 R >> >> ")
    return _page_drawing_x0(form, times=2)


def with_broken_xref(pdf: bytes) -> bytes:
    """The same objects behind a cross-reference table that points nowhere: readers repair
    such a file by scanning its objects."""
    head, _, _ = pdf.rpartition(b"startxref")
    return head + b"startxref\n999999\n%%EOF\n"


def form_drawing_itself_through_the_page() -> bytes:
    """A form with resources of its own (a font only) that draws `/X0` twice: pdfium finds X0
    in the page's resources, so the form draws itself twice over."""
    form = stream(HELLO + b" /X0 Do /X0 Do",
                  b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                  b"/Resources << /Font << /F1 6 0 R >> >> ")
    return _page_drawing_x0(form)

