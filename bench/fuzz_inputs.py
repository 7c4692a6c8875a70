"""Seed files and the mutations the fuzzers apply to them, shared by tests and `bench/fuzz.py`.

Seeds are small valid files built here (never copied from elsewhere): DOCX with python-docx,
PDF with reportlab and by hand, and texts in several encodings and shapes. A mutation draws
every choice from a `Choose(low, high)` function, so the same code runs under hypothesis (which
then shrinks a failing input to a small one) and under a plain `random.Random` in the long run.

DOCX inputs are mutated two ways: the zip bytes themselves (which mostly tests the zip guard
and zipfile's checks), and one XML part inside, re-zipped with correct checksums so the damage
reaches python-docx, lxml and our own walkers.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache

#: `choose(low, high)` returns an integer in [low, high], both included.
Choose = Callable[[int, int], int]
FORMATS = ("docx", "pdf", "text")
MAX_ROUNDS = 6
MAX_INSERT = 64

PDF_TOKENS = [b"<<", b">>", b"[", b"]", b"(", b")", b" 0 R ", b" obj ", b"endobj", b"stream\n",
              b"endstream", b"/Kids [2 0 R]", b"/Count 2147483647", b"/Length 0", b" Do ",
              b" q ", b" Q ", b"BT ", b" ET", b" Tj", b"%%EOF", b"xref", b"\x00", b"\xff",
              b"-1", b"99999999999", b"/Type /Pages", b" cm ", b" re f "]
XML_TOKENS = [b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"&#x10FFFF;", b'"', b"<w:p>",
              b"<w:r><w:t>", b"</w:t></w:r>", b"<w:tbl><w:tr><w:tc>", b"<w:br/>",
              b'<w:numPr><w:ilvl w:val="99"/><w:numId w:val="-1"/></w:numPr>',
              b' w:val="', b"\x00", b"\xc3\x28", b"]]>", b"<!--", b"<?xml", b'r:id="rId1"',
              b'<w:gridSpan w:val="1000000"/>', b'<w:vMerge w:val="restart"/>']
TEXT_TOKENS = [b"\r", b"\n", b"\n\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<html>",
               b"<table><tr><td>", b"# ", b",", b'"', b"\xd0", b"\xe2\x80", b"\t", b"\x1b[",
               b"<meta charset=koi8-r>", b"<!--", b"\xfe\xff"]
ZIP_TOKENS = [b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"\xff\xff\xff\xff", b"\x00\x00"]


# ---- mutations ---------------------------------------------------------------------------


def mutate(data: bytes, choose: Choose, tokens: list[bytes]) -> bytes:
    """`data` after one to MAX_ROUNDS flips, overwrites, truncations, insertions, deletions
    or duplicated chunks, each drawn with `choose`."""
    out = bytearray(data)
    for _ in range(choose(1, MAX_ROUNDS)):
        _OPERATIONS[choose(0, len(_OPERATIONS) - 1)](out, choose, tokens)
    return bytes(out)


def _flip(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    if out:
        out[choose(0, len(out) - 1)] ^= 1 << choose(0, 7)


def _overwrite(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    if out:
        out[choose(0, len(out) - 1)] = choose(0, 255)


def _truncate(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    del out[choose(0, len(out)):]


def _insert(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    if choose(0, 1):
        piece = tokens[choose(0, len(tokens) - 1)]
    else:
        piece = bytes(choose(0, 255) for _ in range(choose(1, MAX_INSERT)))
    at = choose(0, len(out))
    out[at:at] = piece


def _delete(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    start = choose(0, len(out))
    del out[start:start + choose(1, 256)]


def _duplicate(out: bytearray, choose: Choose, tokens: list[bytes]) -> None:
    """Copy a chunk (up to 4 kB) one to eight times to another place: repeated objects,
    repeated XML elements, repeated lines."""
    if not out:
        return
    start = choose(0, len(out) - 1)
    chunk = bytes(out[start:start + choose(1, 4096)])
    at = choose(0, len(out))
    out[at:at] = chunk * choose(1, 8)


_OPERATIONS = [_flip, _overwrite, _truncate, _insert, _delete, _duplicate]


def mutate_docx_part(package: bytes, choose: Choose) -> bytes:
    """The package with one of its XML parts mutated, re-zipped with correct checksums
    (stored, not deflated: compressing every part again would cost more than the parse)."""
    entries = _unzipped(package)
    xml = [i for i, (name, _) in enumerate(entries) if name.endswith((".xml", ".rels"))]
    # half the time the main document, where most of what we read lies
    main = next((i for i, (name, _) in enumerate(entries) if name == "word/document.xml"), 0)
    target = main if choose(0, 1) else xml[choose(0, len(xml) - 1)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for index, (name, data) in enumerate(entries):
            copy.writestr(name, mutate(data, choose, XML_TOKENS) if index == target else data)
    return out.getvalue()


@cache
def _unzipped(package: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def mutant(fmt: str, choose: Choose) -> tuple[str, bytes]:
    """One mutated input of format `fmt`: (file name, bytes)."""
    name, seed = seeds(fmt)[choose(0, len(seeds(fmt)) - 1)]
    if fmt == "docx":
        if choose(0, 2):  # two in three go inside the package, where the parsers are
            return name, mutate_docx_part(seed, choose)
        return name, mutate(seed, choose, ZIP_TOKENS + XML_TOKENS)
    return name, mutate(seed, choose, PDF_TOKENS if fmt == "pdf" else TEXT_TOKENS)


# ---- seeds -------------------------------------------------------------------------------

REPORT = [
    "Комиссия провела двенадцать заседаний и рассмотрела вопросы информатизации.",
    "Решения комиссии направлены в секретариат Ассамблеи.",
    "The delegation of Minsk presented its water supply programme.",
]


@cache
def seeds(fmt: str) -> list[tuple[str, bytes]]:
    """The valid files mutations start from, as (file name, bytes); built once per process."""
    builders: dict[str, Callable[[], list[tuple[str, bytes]]]] = {
        "docx": _docx_seeds, "pdf": _pdf_seeds, "text": _text_seeds}
    return builders[fmt]()


def _docx_seeds() -> list[tuple[str, bytes]]:
    import docx

    document = docx.Document()
    document.core_properties.title = "Отчёт комиссии"
    document.core_properties.author = "Иванова А. П."
    document.add_heading("Отчёт комиссии", level=1)
    for text in REPORT:
        document.add_paragraph(text)
    document.add_paragraph("Первый пункт решения", style="List Number")
    document.add_paragraph("Второй пункт решения", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}:{c} {REPORT[c][:20]}"
    document.sections[0].header.paragraphs[0].text = "Ассамблея, 2024"
    out = io.BytesIO()
    document.save(out)
    return [("report.docx", _slim(out.getvalue()))]


#: the styles the seed uses, and those Word marks as defaults, are all a slim seed keeps.
_USED_STYLES = {"Normal", "Heading1", "Heading1Char", "ListNumber", "ListParagraph", "Header",
                "HeaderChar", "Title", "TableGrid", "TableNormal", "DefaultParagraphFont",
                "NoList"}


def _slim(package: bytes) -> bytes:
    """The package with its 800 kB of template styles cut to the dozen it uses: a mutation
    then lands in the document's own parts far more often, and each parse is faster."""
    from lxml import etree

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, data in _unzipped(package):
            if name in ("word/styles.xml", "word/stylesWithEffects.xml"):
                root = etree.fromstring(data)
                for style in root.findall(f"{{{_W}}}style"):
                    if style.get(f"{{{_W}}}styleId") not in _USED_STYLES:
                        root.remove(style)
                for latent in root.findall(f"{{{_W}}}latentStyles"):
                    root.remove(latent)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            copy.writestr(name, data)
    return out.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _pdf_seeds() -> list[tuple[str, bytes]]:
    return [("report.pdf", _reportlab_pdf(compress=False)),
            ("compressed.pdf", _reportlab_pdf(compress=True)),
            ("form.pdf", _hand_written_pdf())]


def _reportlab_pdf(compress: bool) -> bytes:
    """Two pages: heading, paragraphs, a ruled table and a footer (Helvetica, not embedded,
    so the bytes are mostly structure and content operators rather than font data)."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    pdf = Canvas(out, pageCompression=1 if compress else 0)
    pdf.setTitle("Commission report")
    for page in (1, 2):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(72, 760, f"Section {page}")
        pdf.setFont("Helvetica", 11)
        for line, text in enumerate(["Water supply programme of Minsk.", "Decisions taken."]):
            pdf.drawString(72, 730 - 16 * line, text)
        for row in range(3):
            for col in range(2):
                pdf.rect(72 + 150 * col, 600 - 20 * row, 150, 20)
                pdf.drawString(76 + 150 * col, 606 - 20 * row, f"cell {row}.{col}")
        pdf.drawString(280, 30, f"Page {page}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _hand_written_pdf() -> bytes:
    """A page that draws a Form XObject: the structure the recursion traps are made of."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> /XObject << /X0 5 0 R >> >> >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET /X0 Do"),
        _stream(b"0 0 m 200 0 l S BT /F1 9 Tf 10 10 Td (form) Tj ET",
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                b"/Resources << /Font << /F1 6 0 R >> >> "),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def _text_seeds() -> list[tuple[str, bytes]]:
    plain = "\n\n".join(REPORT)
    markdown = "# Отчёт комиссии\n\n" + plain + "\n\n## Решения\n\n- первое\n- второе\n"
    html = ("<html><head><meta charset='utf-8'><title>Отчёт</title></head><body>"
            "<h1>Отчёт</h1><p>" + "</p><p>".join(REPORT) + "</p><table><tr><td>1</td>"
            "<td>Минск</td></tr><tr><td>2</td><td>Ереван</td></tr></table></body></html>")
    csv = "город,год,доля\nМинск,2024,12\nЕреван,2023,7\n"
    return [("report.md", markdown.encode("utf-8")), ("report.txt", plain.encode("cp1251")),
            ("koi8.txt", plain.encode("koi8-r")), ("report.html", html.encode("utf-8")),
            ("table.csv", csv.encode("utf-8"))]
