"""PDF parser: pdfium for everything, text, drawing survey and ruled tables.

Measured on this machine, pdfplumber's `extract_text` reads about 8 pages a second and keeps
every page it touched, while pdfium reads text 10-100 times faster. So pdfium reads each page's
lines and surveys its drawing; only a page drawn with rulings has its path objects read in
full to find the grid of its tables (`tables`), with no second PDF library. Every page and
text page is closed before the next one, so a worker's memory does not grow with the page count.

Blocks: paragraphs and headings (running `paragraph` number, `page`), table cells (`table`,
`row`, `col` from 1), running headers and footers once each, and for a page that shows
something but has no text an empty paragraph with `needs_ocr=True`.

OCR (unless the source's `ocr` option is off) then reads those pages, and the pages whose text
layer is garbage, one page image at a time (`pipeline.parse.ocr.pdf_pages`), putting paragraphs
marked `ocr=True` with a confidence in their place.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import MAGIC_SCORE, Parser, Source
from pipeline.parse.ocr.missing import pytesseract_missing
from pipeline.parse.pdf.blocks import build_blocks
from pipeline.parse.pdf.forms import MAX_DRAWINGS, check_forms
from pipeline.parse.pdf.layout import PageText
from pipeline.parse.pdf.meta import apply_metadata, password_candidates
from pipeline.parse.pdf.survey import survey
from pipeline.parse.pdf.tables import TableFinder
from pipeline.parse.pdf.text import page_view, read_lines

MEDIA_TYPE = "application/pdf"
#: how far into the file "%PDF-" may start; writers and mail gateways prepend junk.
MAGIC_WINDOW = 1024
#: how much of the file's end is searched for "%%EOF" (writers may append some junk too).
TAIL_BYTES = 4096
#: a page count above this is a damaged page tree, not a document.
MAX_PAGES = 100_000

_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "cannot be read: pdfium cannot open the file",
    pdfium_c.FPDF_ERR_FORMAT: "corrupt PDF: not a PDF or damaged beyond repair",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted: unsupported security handler",
    pdfium_c.FPDF_ERR_PAGE: "corrupt PDF: the page tree is damaged",
}


class PdfParser(Parser):
    """Reads PDF files into paragraphs, headings, table cells, headers and footers."""

    name = "pdf"
    media_types = (MEDIA_TYPE, "application/x-pdf")
    extensions = (".pdf",)
    magic = (b"%PDF",)

    def score(self, source: Source, head: bytes) -> int:
        """Magic bytes also count a little way into the file, after a junk prefix.

        After a prefix the file must also end like a PDF ("%%EOF"), so a text that merely
        mentions "%PDF-1.4" near its start is left to the text parser.
        """
        if head.startswith(b"%PDF"):
            return MAGIC_SCORE + self.refine(source, head)
        if b"%PDF-" in head[:MAGIC_WINDOW] and _ends_like_pdf(source.path):
            return MAGIC_SCORE + self.refine(source, head)
        return super().score(source, head)

    def parse(self, source: Source) -> Document:
        """Read the file, or raise `InputError` saying why it cannot be read."""
        document = source.new_document(MEDIA_TYPE)
        ocr_until = source.options.ocr_until()  # the OCR budget starts now
        pdf = _open(source)
        try:
            document.pages = _page_count(pdf)
            apply_metadata(document, pdf.get_metadata_dict(), pdf.get_version())
            document.properties["encrypted"] = pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1
            _check_forms(source, document)
            pages = _read_pages(pdf, document)
        finally:
            pdf.close()
        build_blocks(document, pages)
        del pages  # only plain records, but a long PDF's lines need not stay during OCR
        if source.options.ocr:
            _ocr(document, source, ocr_until)
        return document


def _check_forms(source: Source, document: Document) -> None:
    """Refuse drawings that draw themselves without end before pdfium loads a page (it would
    spin in C code until the deadline); note the loops pdfium cuts by itself."""
    forms = check_forms(source.path, source.password)
    if forms.explosive_page is not None:
        where = f"on page {forms.explosive_page}" if forms.explosive_page else "in the file"
        raise InputError(
            f"corrupt PDF: a drawing {where} draws itself over and over "
            f"(more than {MAX_DRAWINGS} nested drawings)")
    if forms.looping_pages:
        listed = _listed(forms.looping_pages)
        document.note_problem(f"drawings that draw themselves on page(s) {listed}; the loops "
                              "were cut")


def _ocr(document: Document, source: Source, until: float | None) -> None:
    """Read scanned and garbage pages by OCR; without pytesseract, say what is missing."""
    missing = pytesseract_missing()
    if missing is not None:
        if any(block.needs_ocr for block in document.blocks):
            document.note_problem(f"pages need OCR, but {missing}")
        return
    from pipeline.parse.ocr.pdf_pages import ocr_document

    options = source.options
    ocr_document(document, source.path, source.password, options.ocr_languages or None,
                 dpi=options.ocr_dpi, timeout=options.ocr_page_timeout, until=until)


def _ends_like_pdf(path: Path) -> bool:
    """Whether "%%EOF" is in the file's last kilobytes, as in every complete PDF."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(handle.tell() - TAIL_BYTES, 0))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def _open(source: Source) -> pdfium.PdfDocument:
    """Open with pdfium, trying the password as given and as prepared; map failures."""
    try:
        size = source.path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot be read: {err.strerror or err}") from err
    if size == 0:
        raise InputError("empty file (0 bytes)")
    for password in password_candidates(source.password):
        raw = _load(source.path, password)
        if raw:
            return pdfium.PdfDocument(raw)
        code = pdfium_c.FPDF_GetLastError()
        if code != pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(_OPEN_ERRORS.get(code, "corrupt PDF: damaged beyond repair"))
    raise InputError(
        "encrypted: wrong password" if source.password else "encrypted: password required"
    )


def _load(path: Path, password: str | None) -> object:
    """pdfium's raw document handle, or a null one if loading failed.

    pdfium's error code is fresh only right after a failed load. pypdfium2 also reads it when
    a file loads with no pages, and then reports whatever failed before in the process, so we
    load through the C API and judge the page count ourselves.
    """
    name = (str(path) + "\0").encode("utf-8", errors="surrogateescape")
    secret = None if password is None else (password + "\0").encode("utf-8")
    return pdfium_c.FPDF_LoadDocument(name, secret)


def _page_count(pdf: pdfium.PdfDocument) -> int:
    count = len(pdf)
    if count < 1:
        raise InputError("corrupt PDF: no pages found")
    if count > MAX_PAGES:
        raise InputError(f"corrupt PDF: invalid page count {count}")
    return int(count)


def _read_pages(pdf: pdfium.PdfDocument, document: Document) -> list[PageText]:
    """Read every page; tables are searched only on pages whose drawing looks ruled."""
    count = len(pdf)
    with TableFinder() as finder:
        pages = [_read_page(pdf, index, finder) for index in range(count)]
    if finder.skipped_pages:
        listed = _listed(finder.skipped_pages)
        document.note_problem(f"tables were not searched on page(s) {listed}: too complex or slow")
    if not any(page.readable for page in pages):
        raise InputError("corrupt PDF: no page could be read")
    return pages


def _listed(numbers: list[int], most: int = 10) -> str:
    shown = ", ".join(str(n) for n in numbers[:most])
    return shown + (f" and {len(numbers) - most} more" if len(numbers) > most else "")


def _read_page(pdf: pdfium.PdfDocument, index: int, finder: TableFinder) -> PageText:
    """One page's lines and drawing survey, then its tables if it looks ruled; closes it."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return PageText(number=index + 1, box=(0.0, 0.0, 0.0, 0.0), readable=False)
    try:
        view = page_view(page, tuple(page.get_bbox()))
        result = PageText(number=index + 1, box=view.box)
        textpage = page.get_textpage()
        try:
            result.lines = read_lines(textpage, view)
            drawing = survey(page)
            if drawing.complex:
                finder.skipped_pages.append(index + 1)
            elif drawing.looks_ruled:
                result.tables = finder.tables(page, textpage, view, index + 1)
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return PageText(number=index + 1, box=(0.0, 0.0, 0.0, 0.0), readable=False)
    finally:
        page.close()
    result.objects = drawing.objects
    result.image_cover = drawing.image_area / max(_area(result.box), 1.0)
    return result


def _area(box: tuple[float, float, float, float]) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)
